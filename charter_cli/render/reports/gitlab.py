"""GitLab Code Quality report: a JSON array of issues, each with a unique fingerprint."""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from charter_cli.draft.analysis import Analysis
from charter_cli.findings import Severity

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.NOTE: "info"}


def render(analysis: Analysis, *, strict: bool = False) -> str:
    """The Code Quality issues of the run.

    The fingerprint hashes the code, file, line and message, plus the number of
    earlier identical findings, so two occurrences never share one.
    """
    seen: Counter[tuple[str, str, int | None, str]] = Counter()
    issues = []
    for finding in analysis.findings:
        key = (finding.code, finding.file, finding.line, finding.message)
        occurrence = seen[key]
        seen[key] += 1
        digest = hashlib.sha256(f"{key!r}#{occurrence}".encode()).hexdigest()
        description = f"{finding.message} (hint: {finding.advice})"
        issues.append(
            {
                "type": "issue",
                "check_name": finding.code,
                "description": description,
                "categories": ["Bug Risk"],
                "severity": _SEVERITY[finding.level],
                "fingerprint": digest,
                "location": {"path": finding.file, "lines": {"begin": finding.line or 1}},
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
