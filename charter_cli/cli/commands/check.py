"""``charter check``: integrity and coverage, reported as text or for CI."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from charter_cli.cli.options import CommandDirectory, Strict, options
from charter_cli.errors import ExitCode
from charter_cli.vocabulary import OutputFormat


def check(
    ctx: typer.Context,
    strict: Strict = False,
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--output-format",
            envvar="CHARTER_OUTPUT_FORMAT",
            help="text, json, github, gitlab, junit or sarif.",
            metavar="FORMAT",
        ),
    ] = OutputFormat.TEXT,
    output_file: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output-file",
            help="Write the report to FILE instead of stdout.",
            metavar="FILE",
        ),
    ] = None,
    report_root: Annotated[
        Path | None,
        typer.Option(
            "--report-root",
            help=(
                "Name files in the report relative to DIR. [default: the root of the git "
                "repository holding the project, else the project]"
            ),
            metavar="DIR",
        ),
    ] = None,
    run_in: CommandDirectory = None,
) -> ExitCode:
    """Check integrity and the coverage of every requirement.

    The report (one line per finding in the default text format) goes to
    stdout or FILE; the summary by level and kind goes to stderr. The text
    names files from the folder you are in, as git does; the CI formats from
    the repository's root, as CI hosts resolve them. Exit 0 clean, 1 findings,
    2 usage or unreadable input.

    Example: charter check --strict --output-format sarif -o charter.sarif
    """
    from charter_cli.cli import console
    from charter_cli.cli.views import summaries, tables
    from charter_cli.draft.analysis import analyse
    from charter_cli.render.reports import render_report
    from charter_cli.render.reports.shared import report_paths, working_paths
    from charter_cli.write.lock import library_lock
    from charter_cli.write.output import (
        Kind,
        named_output,
        project_inputs,
        refuse_inputs,
        write_output,
    )

    opts = options(ctx)
    root = opts.root()
    if output_format is OutputFormat.TEXT and report_root is None:
        paths = working_paths(root, Path.cwd())  # as git and ruff name files, for people
    else:
        paths = report_paths(root, None if report_root is None else opts.base() / report_root)
    target = named_output(opts.base(), output_file) if output_file is not None else None
    with library_lock(root, shared=True):
        analysis = analyse(root)
    report = render_report(analysis, output_format, strict=strict, paths=paths)
    if target is None or target.kind is Kind.STDOUT:
        sys.stdout.write(report)
    else:
        refuse_inputs(target, project_inputs(analysis.library))
        write_output(target, [report.encode("utf-8")])
    if output_format is OutputFormat.GITHUB:
        from charter_cli.render.reports.github import step_summary

        _append_step_summary(step_summary(analysis, strict=strict, paths=paths))
    if analysis.coverage is not None and analysis.coverage.items:
        console.show(tables.summary_table(analysis.coverage), stderr=True)
    console.err(summaries.check_summary(analysis, strict=strict))
    return analysis.exit_code(strict=strict)


def _append_step_summary(text: str) -> None:
    """Add the Markdown summary to ``$GITHUB_STEP_SUMMARY`` (GitHub's convention is to append)."""
    import os

    from charter_cli.cli import console

    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with Path(target).open("a", encoding="utf-8") as stream:
            stream.write(text)
    except OSError as error:
        console.err(f"note: could not write the step summary to {target}: {error.strerror}")
