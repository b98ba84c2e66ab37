"""The default report: one line per finding, ``file:line: CODE severity: message (hint: ...)``."""

from __future__ import annotations

from charter_cli.draft.analysis import Analysis
from charter_cli.render.reports.shared import PROJECT_RELATIVE, ReportPaths


def render(
    analysis: Analysis, *, strict: bool = False, paths: ReportPaths = PROJECT_RELATIVE
) -> str:
    """Every finding on its own line, sorted by file and line."""
    return "".join(f"{paths.locate(finding).format()}\n" for finding in analysis.findings)
