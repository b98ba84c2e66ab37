"""``charter list``: the clauses in draft order, the requirements, or the modules."""

from __future__ import annotations

from typing import Annotated

import typer

from charter_cli.cli.options import options
from charter_cli.errors import ExitCode
from charter_cli.vocabulary import Level, Listable, RequirementKind, Status

NAME = "list"
EXAMPLE = "Example: charter list requirements --level state"


def run(
    ctx: typer.Context,
    what: Annotated[
        Listable,
        typer.Argument(help="clauses, requirements or modules.", metavar="[WHAT]"),
    ] = Listable.CLAUSES,
    status: Annotated[
        Status | None,
        typer.Option("--status", help="Clauses: proposed, bracketed or agreed."),
    ] = None,
    party: Annotated[
        str | None, typer.Option("--party", help="Clauses proposed by this party.")
    ] = None,
    level: Annotated[
        Level | None, typer.Option("--level", help="Requirements of this level.")
    ] = None,
    kind: Annotated[
        RequirementKind | None, typer.Option("--kind", help="Requirements of this kind.")
    ] = None,
) -> ExitCode:
    """List the clauses (in draft order), requirements or modules."""
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
