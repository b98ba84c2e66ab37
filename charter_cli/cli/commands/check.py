"""``charter check``: integrity and coverage, reported as text or for CI."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from charter_cli.cli.options import CommandDirectory, Strict, options
from charter_cli.errors import ExitCode
from charter_cli.vocabulary import OutputFormat

if TYPE_CHECKING:
    from charter_cli.load.cache import ParseCache
    from charter_cli.load.runs import Replay, RunCache
    from charter_cli.render.reports.shared import ReportPaths


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
    from charter_cli.write.lock import library_lock

    opts = options(ctx)
    root = opts.root()
    cache = opts.cache()
    if (
        cache is not None
        and output_file is None
        and output_format is not OutputFormat.GITHUB  # it also appends to a file
        and not sys.stdout.isatty()
        and not (sys.stderr is None or sys.stderr.isatty())  # plain text on both: replayable
    ):
        from charter_cli.load.project import find_repository_root
        from charter_cli.load.runs import run_cache

        given = "" if report_root is None else str(opts.base() / report_root)
        runs = run_cache(
            cache,
            "check",
            *(str(root), str(Path.cwd()), given, str(find_repository_root(root))),
            *(output_format.value, str(strict)),
        )  # what the report's paths are made from, and the options
        with library_lock(root, shared=True):
            return _replayed(
                runs, root, lambda: _report(ctx, root, output_format, strict, report_root, cache)
            )
    return _checked(ctx, root, output_format, strict, report_root, output_file)


def _paths(
    ctx: typer.Context, root: Path, output_format: OutputFormat, report_root: Path | None
) -> ReportPaths:
    """How the report names files: from where you are for people, from the repository for CI."""
    from charter_cli.render.reports.shared import report_paths, working_paths

    if output_format is OutputFormat.TEXT and report_root is None:
        return working_paths(root, Path.cwd())  # as git and ruff name files, for people
    base = options(ctx).base()
    return report_paths(root, None if report_root is None else base / report_root)


def _replayed(
    runs: RunCache, root: Path, run: Callable[[], tuple[Replay, list[Path], list[Path]]]
) -> ExitCode:
    """The recorded run if nothing it read has changed; else a new run, recorded."""
    from charter_cli.load.runs import now

    replay = runs.replay(root)
    if replay is None:
        started = now()
        replay, inputs, folders = run()
        runs.remember(root, inputs, folders, replay, started)
    sys.stdout.write(replay.stdout)
    if sys.stderr is not None:
        sys.stderr.write(replay.stderr)
    return ExitCode(replay.exit_code)


def _report(
    ctx: typer.Context,
    root: Path,
    output_format: OutputFormat,
    strict: bool,
    report_root: Path | None,
    cache: ParseCache,
) -> tuple[Replay, list[Path], list[Path]]:
    """Check: the report, the summary as plain text, the exit code; the files read, folders listed."""
    from charter_cli.cli import console
    from charter_cli.cli.views import summaries, tables
    from charter_cli.draft.analysis import analyse
    from charter_cli.findings import displayable
    from charter_cli.load.project import CLAUSES_DIR
    from charter_cli.load.runs import Replay
    from charter_cli.render.reports import render_report
    from charter_cli.write.output import project_inputs

    paths = _paths(ctx, root, output_format, report_root)
    analysis = analyse(root, cache=cache)
    report = render_report(analysis, output_format, strict=strict, paths=paths)
    summary = ""
    if analysis.coverage is not None and analysis.coverage.items:
        summary = console.plain(tables.summary_table(analysis.coverage))
    summary += displayable(summaries.check_summary(analysis, strict=strict)) + "\n"
    replay = Replay(report, summary, int(analysis.exit_code(strict=strict)))
    folders = [root / CLAUSES_DIR]
    if analysis.library.manifest is not None:
        folders.append(root / analysis.library.manifest.translations.folder)
    return replay, project_inputs(analysis.library), folders


def _checked(
    ctx: typer.Context,
    root: Path,
    output_format: OutputFormat,
    strict: bool,
    report_root: Path | None,
    output_file: Path | None,
) -> ExitCode:
    """Check, and write the report to stdout or a file; the summary to stderr."""
    from charter_cli.cli import console
    from charter_cli.cli.artifacts import deliver
    from charter_cli.cli.views import summaries, tables
    from charter_cli.draft.analysis import analyse
    from charter_cli.render.reports import render_report
    from charter_cli.write.lock import library_lock
    from charter_cli.write.output import named_output, project_inputs

    opts = options(ctx)
    paths = _paths(ctx, root, output_format, report_root)
    target = named_output(opts.base(), output_file) if output_file is not None else None
    with library_lock(root, shared=True):
        analysis = analyse(root, cache=opts.cache())
    report = render_report(analysis, output_format, strict=strict, paths=paths)
    deliver(report, target, lambda: project_inputs(analysis.library))
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
