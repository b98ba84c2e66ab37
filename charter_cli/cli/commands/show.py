"""``charter show``: one clause or requirement in full."""

from __future__ import annotations

from typing import Annotated

import typer

from charter_cli.cli.options import CommandDirectory, complete_ids, options
from charter_cli.errors import ExitCode


def show(
    ctx: typer.Context,
    item: Annotated[
        str,
        typer.Argument(
            help="A clause ID, requirement ID or article number.",
            metavar="ID",
            autocompletion=complete_ids,
        ),
    ],
    run_in: CommandDirectory = None,
) -> ExitCode:
    """Show one clause or requirement in full.

    A clause with its place, status, text, what it covers and what refers to it; a
    requirement with its quote and the articles that cover it.

    Examples:
      charter show drugs-chemical-precursors
      charter show GRA-4.1-drug-precursors
      charter show 'Article 7'
    """
    from charter_cli.cli import console
    from charter_cli.cli.views import items, summaries
    from charter_cli.draft.analysis import analyse
    from charter_cli.draft.lookup import find_item

    analysis = analyse(options(ctx).root())
    found = find_item(analysis, item)
    console.show(items.item_view(analysis, found))
    summaries.note_problems(analysis)
    return ExitCode.OK
