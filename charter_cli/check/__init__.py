"""Check stage: what looks across the files of the library (references, quotes, markup)."""
