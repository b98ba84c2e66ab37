"""JUnit XML (the Ant/Jenkins convention), so CI shows coverage as passing and failing tests.

Two test suites: ``coverage`` has one test case per requirement, failing when
no article covers it; ``integrity`` has one test case per file, failing when
the file has error findings (or warnings under ``--strict``). The timestamp is
``SOURCE_DATE_EPOCH`` when set, else the Unix epoch, so the report is
reproducible.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from charter_cli.draft.analysis import Analysis
from charter_cli.findings import Finding, Severity


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
    skipped: bool = False,
) -> None:
    case = ET.SubElement(suite, "testcase", {"name": name, "classname": classname, "time": "0"})
    suite.set("tests", str(int(suite.get("tests", "0")) + 1))
    if skipped:
        ET.SubElement(case, "skipped")
        suite.set("skipped", str(int(suite.get("skipped", "0")) + 1))
    if failure is not None:
        kind, message, text = failure
        element = ET.SubElement(case, "failure", {"message": message, "type": kind})
        element.text = text
        suite.set("failures", str(int(suite.get("failures", "0")) + 1))


def _close(suite: ET.Element, out: str = "") -> None:
    ET.SubElement(suite, "system-out").text = out
    ET.SubElement(suite, "system-err").text = ""


def _files(analysis: Analysis) -> list[str]:
    library = analysis.library
    names = {f.file for f in analysis.findings}
    if library.manifest_doc is not None:
        names.add(library.manifest_doc.rel)
    names.update(c.file.doc.rel for c in library.catalogues)
    names.update(m.rel for m in library.modules)
    return sorted(names)


def render(analysis: Analysis, *, strict: bool = False) -> str:
    """The JUnit XML document of the run."""
    root = ET.Element("testsuites")
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
            _case(coverage, classname, item.entry.id, ("CH301", gap.message, gap.format()))
        elif not item.covered:  # its gap is not reported: a clause naming it has errors
            _case(coverage, classname, item.entry.id, None, skipped=True)
        else:
            _case(coverage, classname, item.entry.id, None)
    _close(coverage)

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
        notes += [f.format() for f in findings if f not in failing]
        failure = None
        if failing:
            codes = " ".join(sorted({f.code for f in failing}))
            message = f"{len(failing)} finding(s): {failing[0].message}"
            failure = (codes, message, "\n".join(f.format() for f in failing))
        _case(integrity, "integrity", name, failure)
    _close(integrity, "\n".join(notes))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
