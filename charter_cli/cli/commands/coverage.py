"""``charter coverage``: which articles cover each requirement."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from charter_cli.cli.options import CommandDirectory, LevelFilter, options
from charter_cli.errors import ExitCode
from charter_cli.vocabulary import CoverageFormat


def coverage(
    ctx: typer.Context,
    level: LevelFilter = None,
    missing: Annotated[
        bool, typer.Option("--missing", help="Only requirements no article covers.")
    ] = False,
    agreed_only: Annotated[
        bool,
        typer.Option(
            "--agreed-only",
            help="Count only agreed text: what would remain if every open bracket fell.",
        ),
    ] = False,
    output_format: Annotated[
        CoverageFormat,
        typer.Option(
            "--output-format",
            help="text (tables) or json (every requirement, the level x kind cells, the totals).",
        ),
    ] = CoverageFormat.TEXT,
    run_in: CommandDirectory = None,
) -> ExitCode:
    """Show which articles cover each requirement, and whether the covering text is agreed.

    Ends with a summary by level and kind. Waived requirements count as covered.
    With --output-format json, the same on stdout as one JSON document (its
    shape: schemas/coverage-report.schema.json).

    Exit 1 if a shown requirement is not covered (with --agreed-only: not covered
    by agreed text).

    Example: charter coverage --level regional --missing
    """
    from charter_cli.cli import console
    from charter_cli.cli.views import summaries, tables
    from charter_cli.draft.analysis import analyse

    analysis = analyse(options(ctx).root())
    if analysis.coverage is None:
        for line in summaries.finding_lines(analysis):
            console.err(line)
        return analysis.exit_code()
    selected = analysis.coverage.select(level, missing=missing, agreed_only=agreed_only)
    if output_format is CoverageFormat.JSON:
        from charter_cli.render.reports.jsonreport import render_coverage

        sys.stdout.write(render_coverage(selected))
    else:
        console.show(tables.coverage_table(selected))
        console.show(tables.summary_table(selected, agreed_only=agreed_only))
    gaps = len(selected.select(missing=True, agreed_only=agreed_only).items)
    by = " by agreed text" if agreed_only else ""
    console.err(f"{len(selected.items) - gaps} of {len(selected.items)} requirement(s) covered{by}")
    summaries.note_problems(analysis)
    return ExitCode.FINDINGS if gaps else ExitCode.OK
