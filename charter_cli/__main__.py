"""Allow ``python -m charter_cli``."""

from charter_cli.entry import main

main()
