"""What each command does once its options are parsed: call the core, print, return an exit code.

Kept apart from :mod:`charter_cli.cli` so that the Typer module stays light to
import; everything here may import the core freely.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

from charter_cli import console, views
from charter_cli.errors import InvalidInputError
from charter_cli.exitcodes import ExitCode
from charter_cli.models.catalogue import Level, RequirementKind
from charter_cli.models.clause import Status
from charter_cli.pipeline import Analysis, analyse
from charter_cli.project import relative

DEFAULT_OUTPUT = Path("build") / "charter.md"


def _choice(value: str | None, allowed: type[StrEnum], option: str) -> str | None:
    if value is None:
        return None
    values = [member.value for member in allowed]
    if value not in values:
        raise InvalidInputError(f"{option} must be one of: {', '.join(values)} (got '{value}')")
    return value


def _report(analysis: Analysis, *, to_stderr: bool) -> None:
    write = console.err if to_stderr else console.out
    for finding in analysis.findings:
        write(finding.format())


def run_check(
    root: Path, *, strict: bool, output_format: str = "text", output_file: Path | None = None
) -> ExitCode:
    """``charter check``: the report on stdout or in a file, the summary on stderr."""
    from charter_cli.fsutil import write_atomic
    from charter_cli.reports import OutputFormat, render_report

    chosen = OutputFormat(_choice(output_format, OutputFormat, "--output-format") or "text")
    analysis = analyse(root)
    report = render_report(analysis, chosen, strict=strict)
    if output_file is None:
        sys.stdout.write(report)
    else:
        write_atomic(output_file, report.encode("utf-8"), replace=True)
    if chosen is OutputFormat.GITHUB:
        _append_step_summary(analysis, strict=strict)
    if analysis.coverage is not None and analysis.coverage.items:
        console.show(views.summary_table(analysis.coverage), stderr=True)
    console.err(views.check_summary(analysis, strict=strict))
    return analysis.exit_code(strict=strict)


def _append_step_summary(analysis: Analysis, *, strict: bool) -> None:
    """Add the Markdown summary to ``$GITHUB_STEP_SUMMARY`` (GitHub's convention is to append)."""
    import os

    from charter_cli.reports.github import step_summary

    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with Path(target).open("a", encoding="utf-8") as stream:
            stream.write(step_summary(analysis, strict=strict))
    except OSError as error:
        console.err(f"note: could not write the step summary to {target}: {error.strerror}")


def run_build(root: Path, output: str | None, *, base: Path, trace: bool, force: bool) -> ExitCode:
    """``charter build``: render the draft and write it atomically (or to stdout)."""
    from charter_cli.render import iter_markdown
    from charter_cli.writer import write_draft

    analysis = analyse(root)
    if analysis.draft is None or analysis.blocking:
        _report(analysis, to_stderr=True)
        errors = len(analysis.blocking) or 1
        console.err(f"build stopped: {errors} error(s) to fix first (see above)")
        return ExitCode.USAGE if analysis.unreadable else ExitCode.FINDINGS
    pieces = iter_markdown(analysis.draft, analysis.library, trace=trace)
    if output == "-":
        sys.stdout.writelines(pieces)
    else:
        target = root / DEFAULT_OUTPUT if output is None else base / output
        changed = write_draft(target, pieces, force=force)
        shown = relative(base, target.resolve())
        console.err(
            f"{'wrote' if changed else 'unchanged'} {shown}: {views.draft_summary(analysis)}"
        )
    gaps = analysis.coverage.select(missing=True).items if analysis.coverage else ()
    if gaps:
        console.err(
            f"note: {len(gaps)} requirement(s) not covered; run 'charter coverage --missing'"
        )
    return ExitCode.OK


def run_coverage(root: Path, *, level: str | None, missing: bool) -> ExitCode:
    """``charter coverage``: the requirement table on stdout, the level x kind summary after it."""
    chosen = _choice(level, Level, "--level")
    analysis = analyse(root)
    if analysis.coverage is None:
        _report(analysis, to_stderr=True)
        return analysis.exit_code()
    selected = analysis.coverage.select(Level(chosen) if chosen else None, missing=missing)
    console.show(views.coverage_table(selected))
    console.show(views.summary_table(selected))
    gaps = len(selected.select(missing=True).items)
    console.err(f"{len(selected.items) - gaps} of {len(selected.items)} requirement(s) covered")
    _note_problems(analysis)
    return ExitCode.FINDINGS if gaps else ExitCode.OK


def _note_problems(analysis: Analysis) -> None:
    errors = analysis.blocking
    if errors:
        console.err(f"note: the library has {len(errors)} error(s); run 'charter check'")


def run_list(
    root: Path,
    what: str,
    *,
    status: str | None,
    party: str | None,
    level: str | None,
    kind: str | None,
) -> ExitCode:
    """``charter list``: a table of clauses, requirements or modules."""
    kinds = ("clauses", "requirements", "modules")
    if what not in kinds:
        raise InvalidInputError(f"WHAT must be one of: {', '.join(kinds)} (got '{what}')")
    chosen_status = _choice(status, Status, "--status")
    chosen_level = _choice(level, Level, "--level")
    chosen_kind = _choice(kind, RequirementKind, "--kind")
    analysis = analyse(root)
    if what == "clauses":
        table = views.clause_table(analysis, status=chosen_status, party=party)
    elif what == "requirements":
        table = views.requirement_table(analysis, level=chosen_level, kind=chosen_kind)
    else:
        table = views.module_table(analysis)
    console.show(table)
    _note_problems(analysis)
    return ExitCode.OK


def run_show(root: Path, item: str) -> ExitCode:
    """``charter show``: one clause or requirement in full."""
    from charter_cli.query import find_item

    analysis = analyse(root)
    found = find_item(analysis, item)
    console.show(views.item_view(analysis, found))
    _note_problems(analysis)
    return ExitCode.OK


def run_new_clause(
    root: Path,
    module: Path,
    *,
    clause_id: str,
    title: str,
    text: str | None,
    text_file: Path | None,
    covers: list[str],
    status: str,
    party: str,
    notes: str | None,
) -> ExitCode:
    """``charter new clause``: append a clause to a module (creating the module if needed)."""
    from charter_cli.scaffold import NewClause, add_clause

    body = _read_text_option(text, text_file)
    request = NewClause(
        id=clause_id,
        title=title,
        text=body,
        covers=covers,
        status=_choice(status, Status, "--status") or "proposed",
        proposed_by=party,
        notes=notes,
    )
    result = add_clause(root, module, request)
    console.err(f"added clause '{clause_id}' to {relative(root, result.module)}")
    if not result.placed:
        console.err(
            f"note: '{clause_id}' is in no part of the draft; add it or its module to an "
            "include list of charter.toml"
        )
    return ExitCode.OK


def _read_text_option(text: str | None, text_file: Path | None) -> str:
    if (text is None) == (text_file is None):
        raise InvalidInputError("give the clause text with exactly one of --text or --text-file")
    if text is not None:
        return text
    assert text_file is not None  # noqa: S101 - guaranteed by the check above
    if str(text_file) == "-":
        return sys.stdin.read()
    try:
        return text_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidInputError(f"{text_file}: cannot read the text file: {error}") from None


def run_init(directory: Path, *, title: str | None) -> ExitCode:
    """``charter init``: create a new, working project."""
    from charter_cli.scaffold import create_project

    created = create_project(directory, title=title)
    for path in created:
        console.err(f"created {relative(Path.cwd(), path.resolve())}")
    console.err(f"next: cd {directory} && charter check && charter build")
    return ExitCode.OK


def run_schema(folder: Path) -> ExitCode:
    """``charter schema``: write the JSON Schemas of every file kind into ``folder``."""
    from charter_cli.schemas import write_schemas

    for path, changed in write_schemas(folder):
        console.err(f"{'wrote' if changed else 'unchanged'} {path}")
    return ExitCode.OK


def run_verify(root: Path, draft_path: Path) -> ExitCode:
    """``charter verify``: compare a draft with a fresh build of the library."""
    from charter_cli.documents import read_text
    from charter_cli.provenance import (
        HASH_KEY,
        TRACE_KEY,
        Verdict,
        compare,
        front_matter,
        library_hash,
    )
    from charter_cli.render import GENERATOR, render_markdown

    shown = relative(root, draft_path)
    text = read_text(draft_path, shown)
    if not isinstance(text, str):
        raise InvalidInputError(f"{shown}: {text.message}")
    fields = front_matter(text) or {}
    if fields.get("generator") != GENERATOR or HASH_KEY not in fields:
        raise InvalidInputError(
            f"{shown}: not a draft written by charter build (its front matter has no {HASH_KEY})"
        )
    analysis = analyse(root)
    if analysis.draft is None or analysis.blocking:
        _report(analysis, to_stderr=True)
        console.err("cannot verify: the library has errors (see above); run 'charter check'")
        return ExitCode.FINDINGS
    fresh = render_markdown(
        analysis.draft, analysis.library, trace=fields.get(TRACE_KEY) != "false"
    )
    result = compare(text, fresh, library_hash(analysis.library))
    if result.verdict is Verdict.MATCHES:
        console.out(f"{shown}: matches the library ({result.current})")
        return ExitCode.OK
    if result.verdict is Verdict.OTHER_LIBRARY:
        console.out(
            f"{shown}: built from another library: it records {result.recorded or 'no hash'}, "
            f"the library is now {result.current} (hint: rebuild with 'charter build', or check out "
            "the library the draft was built from)"
        )
    else:
        console.out(
            f"{shown}:{result.first_difference}: differs from a fresh build of the library it "
            "records: edited after it was built, or built by another version of charter "
            "(hint: rebuild with 'charter build')"
        )
    return ExitCode.FINDINGS
