"""``charter remove``: take a clause out of the library."""

from __future__ import annotations

from typing import Annotated

import typer

from charter_cli.cli.options import ClauseArgument, CommandDirectory, DryRun, options
from charter_cli.errors import ExitCode


def remove(
    ctx: typer.Context,
    item: ClauseArgument,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Remove it even if other clauses refer to it or a requirement is left uncovered.",
        ),
    ] = False,
    dry_run: DryRun = False,
    run_in: CommandDirectory = None,
) -> ExitCode:
    """Remove a clause from its module, and its ID from charter.toml.

    Refused while another clause refers to it (naming them) or when a requirement
    would be left uncovered, unless --force is given.

    Example: charter remove terrorism-safeguards --dry-run
    """
    from charter_cli.cli.commands.editing import run_and_report
    from charter_cli.edit.remove import plan_remove

    plan = plan_remove(item, force=force)
    return run_and_report(options(ctx).root(), plan, dry_run=dry_run, force=force)
