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
            help="A clause ID, requirement ID, article number, title or chapter ('II.3').",
            metavar="ID",
            autocompletion=complete_ids,
        ),
    ],
    run_in: CommandDirectory = None,
) -> ExitCode:
    """Show one clause or requirement in full.

    A clause with its place, status, text, what it covers and what refers to it; a
    requirement with its quote and the articles that cover it; a title or chapter
    with its articles.

    Examples:
      charter show drugs-chemical-precursors
      charter show GRA-4.1-drug-precursors
      charter show 'Article 7'
      charter show 'Title II, Chapter 3'
    """
    from charter_cli.cli import console
    from charter_cli.cli.views import items, summaries
    from charter_cli.cli.views.outline import part_view
    from charter_cli.draft.analysis import analyse
    from charter_cli.draft.lookup import PartRef, find_shown
    from charter_cli.draft.outline import outline
    from charter_cli.write.lock import library_lock

    opts = options(ctx)
    root = opts.root()
    with library_lock(root, shared=True):
        analysis = analyse(root, cache=opts.cache())
    found = find_shown(analysis, item)
    if isinstance(found, PartRef):
        assert analysis.draft is not None  # noqa: S101 - a part is found only in a draft
        title = outline(analysis.draft).titles[found.title_index]
        part = title if found.chapter_index is None else title.parts[found.chapter_index]
        console.show(part_view(part, found.label))
    else:
        console.show(items.item_view(analysis, found))
    summaries.note_problems(analysis)
    return ExitCode.OK
