"""``charter coverage``: which articles cover each requirement, and what is missing, by section."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from charter_cli.cli.options import (
    CommandDirectory,
    KindFilter,
    LevelFilter,
    SectionFilter,
    options,
)
from charter_cli.errors import ExitCode
from charter_cli.vocabulary import CoverageFormat


def coverage(
    ctx: typer.Context,
    level: LevelFilter = None,
    kind: KindFilter = None,
    section: SectionFilter = None,
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
    by_section: Annotated[
        bool,
        typer.Option(
            "--by-section",
            help="A table of the sections instead: covered / total and at risk in each.",
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
    """Show what covers each requirement, and what is missing.

    Each requirement with its statement, where it stands (covered, at risk,
    waived, not covered) and the articles that cover it, then a summary by
    level and kind; --by-section shows a summary by section instead. Waived
    requirements count as covered. With --output-format json, the requirements
    shown and the summary on stdout as one JSON document (its shape:
    schemas/coverage-report.schema.json).

    Exit 1 if a shown requirement is not covered (with --agreed-only: not covered
    by agreed text).

    Examples:
      charter coverage --section 4 --kind instrument --missing
      charter coverage --by-section
    """
    from charter_cli.cli import console
    from charter_cli.cli.views import summaries, tables
    from charter_cli.draft.analysis import analyse
    from charter_cli.render.reports.shared import working_paths

    opts = options(ctx)
    root = opts.root()
    analysis = analyse(root, cache=opts.cache())
    if analysis.coverage is None:
        for line in summaries.finding_lines(analysis, working_paths(root, Path.cwd())):
            console.err(line)
        return analysis.exit_code()
    summaries.known_section(analysis, section)
    selected = analysis.coverage.select(
        level, kind=kind, section=section, missing=missing, agreed_only=agreed_only
    )
    if output_format is CoverageFormat.JSON:
        from charter_cli.render.reports.jsonreport import render_coverage

        sys.stdout.write(render_coverage(selected))
    elif by_section:
        console.show(tables.section_table(selected, agreed_only=agreed_only))
    else:
        console.show(tables.coverage_table(selected))
        if selected.items:
            console.show(tables.summary_table(selected, agreed_only=agreed_only))
    gaps = len(selected.select(missing=True, agreed_only=agreed_only).items)
    by = " by agreed text" if agreed_only else ""
    console.err(f"{len(selected.items) - gaps} of {len(selected.items)} requirement(s) covered{by}")
    summaries.note_problems(analysis)
    return ExitCode.FINDINGS if gaps else ExitCode.OK
