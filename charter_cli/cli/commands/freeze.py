"""``charter freeze``: record the article numbers, so that later insertions are lettered."""

from __future__ import annotations

from typing import Annotated

import typer

from charter_cli.cli.options import CommandDirectory, options
from charter_cli.errors import ExitCode


def freeze(
    ctx: typer.Context,
    renumber: Annotated[
        bool,
        typer.Option(
            "--renumber",
            help="Number the articles 1, 2, ... again before freezing (a consolidation).",
        ),
    ] = False,
    run_in: CommandDirectory = None,
) -> ExitCode:
    """Freeze the article numbers of an adopted version.

    Writes numbering.lock.toml. From then on an article keeps its number
    wherever it stands, and an article inserted later takes the number of the
    one before it and a letter, as the EU treaties number insertions: a new
    article after Article 12 is Article 12a, one before Article 1 is Article 0a.
    'check' reports a frozen article that is no longer in the draft (CH245).
    Run it again to record a new version's numbers; refused while the draft
    has errors.

    Example: charter freeze
    """
    from charter_cli.cli import console
    from charter_cli.load.project import relative
    from charter_cli.scaffold.freeze import freeze as freeze_numbers

    opts = options(ctx)
    result = freeze_numbers(opts.root(), renumber=renumber)
    shown = relative(opts.base(), result.path)
    verb = "wrote" if result.changed else "unchanged"
    console.err(f"{verb} {shown}: the numbers of {result.articles} article(s) are frozen")
    if result.dropped:
        console.err(
            f"no longer frozen, their articles being gone: {', '.join(result.dropped)} "
            "(their numbers are not given again)"
        )
    if result.renumbered:
        console.err(f"{result.renumbered} article(s) renumbered")
    return ExitCode.OK
