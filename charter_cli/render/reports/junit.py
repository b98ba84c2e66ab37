"""JUnit XML (the Ant/Jenkins convention), so CI shows coverage as passing and failing tests.

Two test suites: ``coverage`` has one test case per requirement, failing when
no article covers it (skipped, with the reason, when a clause naming it has
errors); ``integrity`` has one test case per file (named as the repository
names it), failing when the file has error findings (or warnings under
``--strict``). The root element carries the totals. The timestamp is
``SOURCE_DATE_EPOCH`` when set, else the Unix epoch, so the report is
reproducible. Valid against the Jenkins JUnit XSD (tests/schemas/junit-10.xsd).
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from charter_cli.draft.analysis import Analysis
from charter_cli.findings import Finding, Severity
from charter_cli.render.reports.shared import PROJECT_RELATIVE, ReportPaths

SKIPPED = "not judged: a clause that names this requirement has errors; fix them and check again"
"""Why a requirement's test case is skipped."""
_TOTALS = ("tests", "failures", "errors")
"""The totals of the root element that the Jenkins schema allows (it has no ``skipped``)."""


def _timestamp() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "0")
    seconds = int(epoch) if epoch.isdigit() else 0
    return datetime.fromtimestamp(seconds, tz=UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _suite(root: ET.Element, name: str, index: int) -> ET.Element:
    return ET.SubElement(
        root,
        "testsuite",
        {
            "name": name,
            "package": "charter",
            "id": str(index),
            "timestamp": _timestamp(),
            "hostname": "localhost",
            "tests": "0",
            "failures": "0",
            "errors": "0",
            "skipped": "0",
            "time": "0",
        },
    )


def _case(
    suite: ET.Element,
    classname: str,
    name: str,
    failure: tuple[str, str, str] | None,
    *,
    skipped: str | None = None,
) -> None:
    case = ET.SubElement(suite, "testcase", {"name": name, "classname": classname, "time": "0"})
    suite.set("tests", str(int(suite.get("tests", "0")) + 1))
    if skipped is not None:
        ET.SubElement(case, "skipped", {"message": skipped})
        suite.set("skipped", str(int(suite.get("skipped", "0")) + 1))
    if failure is not None:
        kind, message, text = failure
        element = ET.SubElement(case, "failure", {"message": message, "type": kind})
        element.text = text
        suite.set("failures", str(int(suite.get("failures", "0")) + 1))


def _close(suite: ET.Element, out: str = "") -> None:
    ET.SubElement(suite, "system-out").text = out
    ET.SubElement(suite, "system-err").text = ""


def _totals(root: ET.Element) -> None:
    for total in _TOTALS:
        root.set(total, str(sum(int(suite.get(total, "0")) for suite in root)))
    root.set("time", "0")


def _files(analysis: Analysis) -> list[str]:
    library = analysis.library
    names = {f.file for f in analysis.findings}
    if library.manifest_doc is not None:
        names.add(library.manifest_doc.rel)
    names.update(c.file.doc.rel for c in library.catalogues)
    names.update(m.rel for m in library.modules)
    return sorted(names)


def render(
    analysis: Analysis, *, strict: bool = False, paths: ReportPaths = PROJECT_RELATIVE
) -> str:
    """The JUnit XML document of the run."""
    root = ET.Element("testsuites", {"name": "charter"})
    _coverage_suite(root, analysis, paths)
    _integrity_suite(root, analysis, paths, strict=strict)
    _totals(root)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _coverage_suite(root: ET.Element, analysis: Analysis, paths: ReportPaths) -> None:
    """One test case per requirement: failing when no article covers it."""
    coverage = _suite(root, "coverage", 0)
    ET.SubElement(coverage, "properties")
    gaps = {
        (f.file, f.line): f
        for f in analysis.findings
        if f.code == "CH301" and f.level is Severity.ERROR
    }
    for item in analysis.coverage.items if analysis.coverage else ():
        classname = f"coverage.{item.entry.requirement.level.value}"
        gap = gaps.get((item.entry.catalogue.doc.rel, item.entry.line("id")))
        if gap is not None:
            failure = ("CH301", gap.message, paths.locate(gap).format())
            _case(coverage, classname, item.entry.id, failure)
        elif not item.covered:  # its gap is not reported: a clause naming it has errors
            _case(coverage, classname, item.entry.id, None, skipped=SKIPPED)
        else:
            _case(coverage, classname, item.entry.id, None)
    _close(coverage)


def _integrity_suite(
    root: ET.Element, analysis: Analysis, paths: ReportPaths, *, strict: bool
) -> None:
    """One test case per file: failing on its errors (and on its warnings under ``strict``)."""
    integrity = _suite(root, "integrity", 1)
    ET.SubElement(integrity, "properties")
    by_file: dict[str, list[Finding]] = {}
    for finding in analysis.findings:
        if not finding.code.startswith("CH3"):
            by_file.setdefault(finding.file, []).append(finding)
    notes = []
    for name in _files(analysis):
        findings = by_file.get(name, [])
        failing = [
            f
            for f in findings
            if f.level is Severity.ERROR or (strict and f.level is Severity.WARNING)
        ]
        notes += [paths.locate(f).format() for f in findings if f not in failing]
        failure = None
        if failing:
            codes = " ".join(sorted({f.code for f in failing}))
            message = f"{len(failing)} finding(s): {failing[0].message}"
            failure = (codes, message, "\n".join(paths.locate(f).format() for f in failing))
        _case(integrity, "integrity", paths.of(name), failure)
    _close(integrity, "\n".join(notes))
