"""SARIF 2.1.0, the OASIS format code-scanning services (GitHub, Azure DevOps) import."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from charter_cli import __version__
from charter_cli.draft.analysis import Analysis
from charter_cli.findings import Severity, codes

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _level(severity: Severity) -> str:
    """SARIF's level for a severity: error, warning or note."""
    return severity.value


def render(analysis: Analysis, *, strict: bool = False) -> str:
    """One SARIF run with every finding code as a rule and every finding as a result."""
    order = list(codes())
    rules = [
        {
            "id": code.code,
            "shortDescription": {"text": code.summary},
            "defaultConfiguration": {"level": _level(code.severity)},
            "helpUri": "https://pypi.org/project/charter-drafter/",
        }
        for code in codes().values()
    ]
    results: list[dict[str, Any]] = []
    for finding in analysis.findings:
        location: dict[str, Any] = {
            "artifactLocation": {"uri": quote(finding.file), "uriBaseId": "%SRCROOT%"}
        }
        if finding.line is not None:
            location["region"] = {"startLine": finding.line}
        text = f"{finding.message} (hint: {finding.advice})"
        results.append(
            {
                "ruleId": finding.code,
                "ruleIndex": order.index(finding.code),
                "level": _level(finding.level),
                "message": {"text": text},
                "locations": [{"physicalLocation": location}],
            }
        )
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "charter",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/charter-drafter/",
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
