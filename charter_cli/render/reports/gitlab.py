"""GitLab Code Quality report: a JSON array of issues, each with a stable, unique fingerprint."""

from __future__ import annotations

import json

from charter_cli.draft.analysis import Analysis
from charter_cli.render.reports.shared import (
    PROJECT_RELATIVE,
    SEVERITY_STYLES,
    ReportPaths,
    fingerprints,
)


def render(
    analysis: Analysis, *, strict: bool = False, paths: ReportPaths = PROJECT_RELATIVE
) -> str:
    """The Code Quality issues of the run.

    GitLab compares the fingerprints of the base and the head of a merge request:
    they leave out line numbers (:func:`~charter_cli.render.reports.shared.fingerprints`),
    so a line added above a finding does not show it as fixed and new.
    """
    issues = []
    for finding, fingerprint in zip(
        analysis.findings, fingerprints(analysis.findings, paths), strict=True
    ):
        issues.append(
            {
                "type": "issue",
                "check_name": finding.code,
                "description": f"{finding.message} (hint: {finding.advice})",
                "categories": ["Bug Risk"],
                "severity": SEVERITY_STYLES[finding.level].gitlab,
                "fingerprint": fingerprint,
                "location": {
                    "path": paths.of(finding.file),
                    "lines": {"begin": finding.line or 1},
                },
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
