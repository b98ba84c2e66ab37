"""One module per command: options in, one core call, an exit code out."""
