"""Allow ``python -m charter_cli``."""

from charter_cli.cli import main

main()
