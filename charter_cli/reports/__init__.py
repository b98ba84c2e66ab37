"""Reports of ``charter check`` in the formats CI systems and editors read.

Each format is a pure function from an :class:`~charter_cli.pipeline.Analysis`
to text; :func:`render_report` picks one. The same analysis always gives the
same bytes (no clock, no absolute paths), so reports can be compared and cached.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from charter_cli.pipeline import Analysis


class OutputFormat(StrEnum):
    """The formats of ``charter check --output-format``."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    GITLAB = "gitlab"
    JUNIT = "junit"
    SARIF = "sarif"


def render_report(analysis: Analysis, output_format: OutputFormat, *, strict: bool = False) -> str:
    """The report of a check in one format."""
    renderers: dict[OutputFormat, Callable[..., str]] = _renderers()
    return renderers[output_format](analysis, strict=strict)


def _renderers() -> dict[OutputFormat, Callable[..., str]]:
    from charter_cli.reports import github, gitlab, jsonreport, junit, sarif, text

    return {
        OutputFormat.TEXT: text.render,
        OutputFormat.JSON: jsonreport.render,
        OutputFormat.GITHUB: github.render,
        OutputFormat.GITLAB: gitlab.render,
        OutputFormat.JUNIT: junit.render,
        OutputFormat.SARIF: sarif.render,
    }
