"""``charter status``: where an article or a paragraph stands."""

from __future__ import annotations

from typing import Annotated

import typer

from charter_cli.cli.options import ClauseArgument, CommandDirectory, DryRun, options
from charter_cli.errors import ExitCode
from charter_cli.vocabulary import Status


def status(
    ctx: typer.Context,
    item: ClauseArgument,
    value: Annotated[Status, typer.Argument(help="The new status.", metavar="STATUS")],
    party: Annotated[
        str | None,
        typer.Option("--party", help="The party that proposes it.", metavar="PARTY"),
    ] = None,
    dry_run: DryRun = False,
    run_in: CommandDirectory = None,
) -> ExitCode:
    """Mark an article or a paragraph agreed, proposed or bracketed.

    'agreed' is refused while brackets or alternatives are still open in it.
    Only the status (and with --party the proposer) changes in its module;
    comments and formatting are kept.

    Example: charter status drugs-precursors agreed
    """
    from charter_cli.cli.commands.editing import run_and_report
    from charter_cli.edit.status import plan_status

    plan = plan_status(item, value, party=party)
    return run_and_report(options(ctx).root(), plan, dry_run=dry_run)
