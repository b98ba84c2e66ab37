"""The ``charter`` console script: answers ``--version`` before importing anything else."""

import sys


def main() -> None:
    """Entry point of the ``charter`` command."""
    if sys.argv[1:] == ["--version"]:
        from charter_cli import __version__

        sys.stdout.write(f"charter {__version__}\n")
        return
    from charter_cli.cli.app import main as run

    run()
