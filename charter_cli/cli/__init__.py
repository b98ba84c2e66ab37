"""The command line: the Typer app, its commands, and what they show on the terminal."""
