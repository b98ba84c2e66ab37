"""The default report: one line per finding, ``file:line: CODE severity: message (hint: ...)``."""

from __future__ import annotations

from charter_cli.draft.analysis import Analysis


def render(analysis: Analysis, *, strict: bool = False) -> str:
    """Every finding on its own line, sorted by file and line."""
    return "".join(f"{finding.format()}\n" for finding in analysis.findings)
