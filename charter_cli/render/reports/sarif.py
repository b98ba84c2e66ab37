"""SARIF 2.1.0, the OASIS format code-scanning services (GitHub, Azure DevOps) import.

Every finding code is a rule with the help that code scanning shows beside an
alert (from ``codes.toml``, like docs/checking.md) and a link to the code's own
section of that page. Every result has a region (line 1 for a finding about a
whole file, since GitHub requires one) and a partial fingerprint that does not
depend on its line, so an alert survives lines added above it.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from charter_cli import __version__
from charter_cli.draft.analysis import Analysis
from charter_cli.findings import Code, codes
from charter_cli.render.reports.shared import (
    PROJECT_RELATIVE,
    SEVERITY_STYLES,
    ReportPaths,
    fingerprints,
)

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "charterFinding/v1"
"""The key of the results' partial fingerprint; its version changes if the hash does."""


def _sentence(text: str) -> str:
    return f"{text[:1].upper()}{text[1:]}."


def _documented(code: Code) -> str:
    """Where the code is documented. charter has no public web address yet, so no helpUri."""
    return f"Documentation: section {code.code} of docs/checking.md in charter's documentation."


def _rule(code: Code) -> dict[str, Any]:
    summary, fix = _sentence(code.summary), _sentence(code.fix)
    return {
        "id": code.code,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": code.help},
        "help": {
            "text": f"{code.help}\n\nUsual fix: {fix}\n\n{_documented(code)}",
            "markdown": f"{code.help}\n\n**Usual fix:** {fix}\n\n{_documented(code)}",
        },
        "defaultConfiguration": {"level": SEVERITY_STYLES[code.severity].sarif},
        "properties": {"tags": ["charter", code.code[:3] + "xx"]},
    }


def render(
    analysis: Analysis, *, strict: bool = False, paths: ReportPaths = PROJECT_RELATIVE
) -> str:
    """One SARIF run with every finding code as a rule and every finding as a result."""
    order = list(codes())
    results: list[dict[str, Any]] = []
    for finding, fingerprint in zip(
        analysis.findings, fingerprints(analysis.findings, paths), strict=True
    ):
        location = {
            "artifactLocation": {"uri": quote(paths.of(finding.file)), "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": finding.line or 1},
        }
        results.append(
            {
                "ruleId": finding.code,
                "ruleIndex": order.index(finding.code),
                "level": SEVERITY_STYLES[finding.level].sarif,
                "message": {"text": f"{finding.message} (hint: {finding.advice})."},
                "locations": [{"physicalLocation": location}],
                "partialFingerprints": {FINGERPRINT: fingerprint},
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
                        "semanticVersion": __version__,
                        "rules": [_rule(code) for code in codes().values()],
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
