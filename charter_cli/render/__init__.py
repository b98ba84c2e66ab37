"""Render stage: the draft as Markdown, its provenance, and the reports of a check."""
