"""``charter list``: the clauses in draft order, the requirements, or the modules."""

from __future__ import annotations

from typing import Annotated

import typer

from charter_cli.cli.options import (
    CommandDirectory,
    KindFilter,
    LevelFilter,
    PartyFilter,
    SectionFilter,
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
    section: SectionFilter = None,
    missing: Annotated[
        bool,
        typer.Option("--missing", help="Only requirements no article covers (list requirements)."),
    ] = False,
    run_in: CommandDirectory = None,
) -> ExitCode:
    """List the clauses (in draft order), requirements or modules.

    Clauses take --status and --party; requirements take --level, --kind,
    --section (a section and its subsections) and --missing.

    Examples:
      charter list requirements --section 4.1 --missing
      charter list --party EU --status proposed
    """
    from charter_cli.cli import console
    from charter_cli.cli.views import summaries, tables
    from charter_cli.draft.analysis import analyse

    opts = options(ctx)
    analysis = analyse(opts.root(), cache=opts.cache())
    if what is Listable.CLAUSES:
        summaries.known_party(analysis, party)
        table = tables.clause_table(analysis, status=status, party=party)
    elif what is Listable.REQUIREMENTS:
        summaries.known_section(analysis, section)
        table = tables.requirement_table(
            analysis, level=level, kind=kind, section=section, missing=missing
        )
    else:
        table = tables.module_table(analysis)
    console.show(table)
    summaries.note_problems(analysis)
    return ExitCode.OK
