"""``charter outline``: the shape of the draft."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from charter_cli.cli.options import CommandDirectory, options
from charter_cli.errors import ExitCode
from charter_cli.vocabulary import OutlineFormat


def outline(
    ctx: typer.Context,
    output_format: Annotated[
        OutlineFormat,
        typer.Option("--output-format", "-f", help="text for people, json for scripts."),
    ] = OutlineFormat.TEXT,
    run_in: CommandDirectory = None,
) -> ExitCode:
    """Show the shape of the draft and what stands open in it.

    Its titles, chapters, articles and recitals.

    Each article with its number, ID, title and status, the brackets and
    alternatives still open in it, and its reservations.

    Example: charter outline
    """
    from charter_cli.cli import console
    from charter_cli.cli.views import summaries
    from charter_cli.cli.views.outline import outline_json, outline_view
    from charter_cli.draft.analysis import analyse
    from charter_cli.draft.outline import outline as shape_of
    from charter_cli.render.reports.shared import working_paths
    from charter_cli.write.lock import library_lock

    opts = options(ctx)
    root = opts.root()
    with library_lock(root, shared=True):
        analysis = analyse(root, cache=opts.cache())
    if analysis.draft is None:
        for line in summaries.finding_lines(analysis, working_paths(root, Path.cwd())):
            console.err(line)
        return analysis.exit_code()
    shape = shape_of(analysis.draft)
    if output_format is OutlineFormat.JSON:
        console.out(outline_json(shape).rstrip("\n"))
    else:
        console.show(outline_view(shape))
    summaries.note_problems(analysis)
    return ExitCode.OK
