"""What commands show: tables, texts and one-line summaries, as plain data."""
