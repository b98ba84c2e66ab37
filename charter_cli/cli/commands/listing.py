"""``charter list``: the clauses in draft order, the requirements, or the modules."""

from __future__ import annotations

from typing import Annotated

import typer

from charter_cli.cli.options import (
    CommandDirectory,
    KindFilter,
    LevelFilter,
    PartyFilter,
    StatusFilter,
    options,
)
from charter_cli.errors import ExitCode
from charter_cli.vocabulary import Listable


def list_items(
    ctx: typer.Context,
    what: Annotated[
        Listable,
        typer.Argument(help="clauses, requirements or modules.", metavar="WHAT"),
    ] = Listable.CLAUSES,
    status: StatusFilter = None,
    party: PartyFilter = None,
    level: LevelFilter = None,
    kind: KindFilter = None,
    run_in: CommandDirectory = None,
) -> ExitCode:
    """List the clauses (in draft order), requirements or modules.

    Example: charter list requirements --level state
    """
    from charter_cli.cli import console
    from charter_cli.cli.views import summaries, tables
    from charter_cli.draft.analysis import analyse

    analysis = analyse(options(ctx).root())
    if what is Listable.CLAUSES:
        table = tables.clause_table(analysis, status=status, party=party)
    elif what is Listable.REQUIREMENTS:
        table = tables.requirement_table(analysis, level=level, kind=kind)
    else:
        table = tables.module_table(analysis)
    console.show(table)
    summaries.note_problems(analysis)
    return ExitCode.OK
