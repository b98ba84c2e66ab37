"""Reports of ``charter check`` in the formats CI systems and editors read.

Each format is a pure function from an :class:`~charter_cli.draft.analysis.Analysis`
to text; :func:`render_report` picks one. Files are named relative to the report
root (:class:`~charter_cli.render.reports.shared.ReportPaths`, by default the
repository's root), as CI hosts resolve them. The same analysis always gives the
same bytes (no clock, no absolute paths), so reports can be compared and cached.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from charter_cli.render.reports.shared import PROJECT_RELATIVE, ReportPaths
from charter_cli.vocabulary import OutputFormat

if TYPE_CHECKING:
    from charter_cli.draft.analysis import Analysis

_MODULES = {
    OutputFormat.TEXT: "text",
    OutputFormat.JSON: "jsonreport",
    OutputFormat.GITHUB: "github",
    OutputFormat.GITLAB: "gitlab",
    OutputFormat.JUNIT: "junit",
    OutputFormat.SARIF: "sarif",
}
"""The module that renders each format; only the one asked for is imported."""


def render_report(
    analysis: Analysis,
    output_format: OutputFormat,
    *,
    strict: bool = False,
    paths: ReportPaths = PROJECT_RELATIVE,
) -> str:
    """The report of a check in one format, naming files as ``paths`` says."""
    module = importlib.import_module(f"charter_cli.render.reports.{_MODULES[output_format]}")
    render: Callable[..., str] = module.render
    return render(analysis, strict=strict, paths=paths)
