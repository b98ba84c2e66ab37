"""GitHub Actions workflow commands: one ``::error``/``::warning`` annotation per finding.

GitHub shows at most ten annotations of each kind per step, so
:func:`step_summary` also renders a Markdown summary with every finding, which
``charter check`` appends to ``$GITHUB_STEP_SUMMARY`` when it is set.
"""

from __future__ import annotations

from charter_cli.draft.analysis import Analysis
from charter_cli.findings import Severity
from charter_cli.render.reports.shared import PROJECT_RELATIVE, SEVERITY_STYLES, ReportPaths


def escape_data(text: str) -> str:
    """Escape the message of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file, title) of a workflow command."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(
    analysis: Analysis, *, strict: bool = False, paths: ReportPaths = PROJECT_RELATIVE
) -> str:
    """One workflow command per finding."""
    lines = []
    for finding in analysis.findings:
        command = SEVERITY_STYLES[finding.level].github
        properties = [f"file={escape_property(paths.of(finding.file))}"]
        if finding.line is not None:
            properties.append(f"line={finding.line}")
        properties.append(f"title={escape_property(f'charter {finding.code}')}")
        message = f"{finding.message} (hint: {finding.advice})"
        lines.append(f"::{command} {','.join(properties)}::{escape_data(message)}\n")
    return "".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def step_summary(
    analysis: Analysis, *, strict: bool = False, paths: ReportPaths = PROJECT_RELATIVE
) -> str:
    """A Markdown summary of the run for ``$GITHUB_STEP_SUMMARY``: totals, coverage, every finding."""
    errors, warnings = analysis.count(Severity.ERROR), analysis.count(Severity.WARNING)
    failed = analysis.exit_code(strict=strict) != 0
    lines = [
        f"## charter check: {'failed' if failed else 'passed'}",
        "",
        f"{errors} error(s), {warnings} warning(s), {analysis.count(Severity.NOTE)} note(s)"
        f"{' (strict)' if strict else ''}.",
    ]
    coverage = analysis.coverage
    if coverage is not None:
        lines += [
            "",
            f"Coverage: {coverage.covered} of {len(coverage.items)} requirements covered by the draft.",
            "",
            "| level | kind | covered | total |",
            "| --- | --- | ---: | ---: |",
        ]
        for (level, kind), tally in coverage.summary().items():
            lines.append(f"| {level.value} | {kind.value} | {tally.covered} | {tally.total} |")
    if analysis.findings:
        lines += [
            "",
            "| file | line | code | severity | message |",
            "| --- | ---: | --- | --- | --- |",
        ]
        for f in analysis.findings:
            message = f"{f.message} (hint: {f.advice})"
            line = "" if f.line is None else str(f.line)
            lines.append(
                f"| {_cell(paths.of(f.file))} | {line} | {f.code} | {f.level.value} | {_cell(message)} |"
            )
    return "\n".join(lines) + "\n"
