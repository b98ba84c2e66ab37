"""Load stage: find the project, read and validate its files, index the IDs."""
