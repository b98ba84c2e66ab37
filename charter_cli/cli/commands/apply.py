"""``charter apply``: write the adopted amendments into the library."""

from __future__ import annotations

from typing import Annotated

import typer

from charter_cli.cli.options import CommandDirectory, DryRun, options
from charter_cli.errors import ExitCode


def apply(
    ctx: typer.Context,
    numbers: Annotated[
        list[str] | None,
        typer.Argument(
            help="The amendments, by number (12, or CA1 for a compromise). [default: every "
            "adopted one]",
            metavar="NUMBER",
            show_default=False,
        ),
    ] = None,
    dry_run: DryRun = False,
    run_in: CommandDirectory = None,
) -> ExitCode:
    """Write the adopted amendments into the text (consolidation).

    Each adopted amendment (and compromise) is written where it was tabled to:
    new wording replaces the old one in its module, with comments and formatting
    kept; inserted paragraphs and articles are added, deleted ones removed. An
    amendment already in the text is recognised and left alone. A stale
    amendment (its wording changed since it was tabled), one whose target is
    gone, and two adopted amendments that cannot both be written are refused,
    each with its finding; the others are written, and the command exits 1. The
    library as the edit leaves it is checked first, and all files are written
    as one. Afterwards 'charter diff' shows exactly these changes.

    Example: charter apply --dry-run
    """
    from charter_cli.cli.commands.editing import run_and_report
    from charter_cli.edit.apply import plan_apply

    plan = plan_apply(tuple(numbers or ()))
    return run_and_report(options(ctx).root(), plan, dry_run=dry_run)
