"""The ``charter`` console script: answers ``--version`` before importing anything else."""

import gc
import os
import sys


def main() -> None:
    """Entry point of the ``charter`` command."""
    if sys.argv[1:] == ["--version"]:
        from charter_cli import __version__

        sys.stdout.write(f"charter {__version__}\n")
        return
    # A run builds many objects that live until it ends and makes almost no cyclic garbage:
    # the collector's passes cost about a third of a check of 10,000 clauses and free
    # almost nothing (peak memory +3 %), so a run of the command goes without them.
    gc.disable()
    if "check" in sys.argv[1:4]:  # the daily command: answered from the cache if nothing changed
        from charter_cli.cli.quick import quick_check

        code = quick_check(sys.argv[1:], os.environ)
        if code is not None:
            sys.exit(code)
    # Pydantic looks up plugins among the entry points of every installed distribution on the
    # first validation (tens of milliseconds); charter uses none. A value set by the user stays.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from charter_cli.cli.app import main as run

    run()
