"""``charter move``: put an article somewhere else in the draft."""

from __future__ import annotations

from typing import Annotated

import typer

from charter_cli.cli.options import ClauseArgument, CommandDirectory, DryRun, options
from charter_cli.errors import ExitCode


def move(
    ctx: typer.Context,
    item: ClauseArgument,
    before: Annotated[
        str | None,
        typer.Option("--before", help="Put it just before this clause.", metavar="ID"),
    ] = None,
    after: Annotated[
        str | None,
        typer.Option("--after", help="Put it just after this clause.", metavar="ID"),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="Put it at the end of this title or chapter ('II', 'II.3', 'Title II, Chapter 3').",
            metavar="PART",
        ),
    ] = None,
    dry_run: DryRun = False,
    run_in: CommandDirectory = None,
) -> ExitCode:
    """Move an article next to another, or to the end of a part.

    A part is a title or a chapter.

    The clause's table moves between modules, or its ID in charter.toml, as the
    manifest places it; every comment and the formatting of the files are kept, and
    the files change all at once or not at all.

    Example: charter move drugs-precursors --before drugs-eradication
    """
    from charter_cli.cli.commands.editing import run_and_report
    from charter_cli.edit.move import plan_move

    plan = plan_move(item, before=before, after=after, to=to)
    return run_and_report(options(ctx).root(), plan, dry_run=dry_run)
