"""Every report format: valid against its published schema or convention, stable, complete."""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
import xmlschema

from charter_cli.draft.analysis import Analysis, analyse
from charter_cli.errors import InvalidInputError
from charter_cli.findings import Finding, Severity, codes
from charter_cli.render.reports import render_report
from charter_cli.render.reports.github import escape_data, escape_property, step_summary
from charter_cli.render.reports.jsonreport import CheckReport
from charter_cli.render.reports.junit import SKIPPED
from charter_cli.render.reports.sarif import FINGERPRINT
from charter_cli.render.reports.shared import SEVERITY_STYLES, ReportPaths, report_paths
from charter_cli.vocabulary import OutputFormat
from helpers import CASES, REPO, SPARE, check_golden, invoke, need_tool

BROKEN = CASES / "many-problems-at-once"
GAPS = CASES / "requirement-covered-only-by-unplaced"
VALID = CASES / "valid-minimal"
SCHEMAS = REPO / "tests" / "schemas"
"""The published schemas of the formats, vendored with their licence notes (tests/schemas/README.md)."""
SARIF_SCHEMA = SCHEMAS / "sarif-schema-2.1.0.json"
JUNIT_XSD = SCHEMAS / "junit-10.xsd"
GITLAB_SCHEMA = SCHEMAS / "gitlab-code-quality.schema.json"
SUFFIXES = {
    "text": "text.txt",
    "json": "json",
    "github": "github.txt",
    "gitlab": "gitlab.json",
    "junit": "junit.xml",
    "sarif": "sarif",
}
"""Each case keeps its pinned reports beside it, as ``report.<suffix>``."""


def _report(case: Path, output_format: OutputFormat, *, strict: bool = False) -> str:
    return render_report(analyse(case), output_format, strict=strict)


@pytest.mark.parametrize("output_format", list(OutputFormat))
@pytest.mark.parametrize("case", [BROKEN, GAPS, VALID], ids=lambda p: p.name)
def test_reports_are_pinned(case: Path, output_format: OutputFormat, update_goldens: bool) -> None:
    golden = case / f"report.{SUFFIXES[output_format.value]}"
    check_golden(golden, _report(case, output_format), update=update_goldens)


def test_text_is_one_line_per_finding() -> None:
    analysis = analyse(BROKEN)
    assert render_report(analysis, OutputFormat.TEXT).splitlines() == [
        f.format() for f in analysis.findings
    ]


def test_json_matches_its_documented_schema() -> None:
    report = json.loads(_report(BROKEN, OutputFormat.JSON))
    jsonschema.Draft202012Validator(CheckReport.model_json_schema()).validate(report)
    assert report["schema_version"] == 2
    assert report["project"] == ""
    assert report["summary"]["exit_code"] == 1
    assert report["summary"]["errors"] == len(report["findings"]) == 7
    assert {f["code"] for f in report["findings"]} >= {"CH201", "CH203", "CH210"}
    valid = json.loads(_report(VALID, OutputFormat.JSON))
    assert [(f["code"], f["severity"]) for f in valid["findings"]] == [("CH302", "note")]
    assert valid["summary"]["exit_code"] == 0
    assert (valid["summary"]["covered"], valid["summary"]["covered_by_agreed_text"]) == (2, 1)
    assert [
        (r["id"], r["state"], r["covered_by"][0]["citation"], r["covered_by"][0]["open"])
        for r in valid["coverage"]
    ] == [
        ("MAN-2-objectives", "covered", "Article 1", False),
        ("MAN-2-joint-committee", "at-risk", "Article 2", True),
    ]


def test_github_escaping() -> None:
    assert escape_data("100%\r\nnext") == "100%25%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_commands_one_per_finding() -> None:
    lines = _report(BROKEN, OutputFormat.GITHUB).splitlines()
    assert len(lines) == 7
    assert lines[0].startswith("::error file=charter.toml,line=33,title=charter CH206::")
    assert all(line.count("::") == 2 for line in lines)  # nothing in a message opens a new command


def _moved_down(findings: tuple[Finding, ...], lines: int) -> tuple[Finding, ...]:
    """The findings as they are after ``lines`` lines are added at the top of every file."""
    return tuple(
        replace(
            f,
            line=None if f.line is None else f.line + lines,
            message=re.sub(r"\.toml:(\d+)", lambda m: f".toml:{int(m[1]) + lines}", f.message),
        )
        for f in findings
    )


@pytest.mark.parametrize("output_format", [OutputFormat.GITLAB, OutputFormat.SARIF])
def test_fingerprints_do_not_depend_on_lines(output_format: OutputFormat) -> None:
    analysis = analyse(BROKEN)
    moved = replace(analysis, findings=_moved_down(analysis.findings, 3))
    assert any("toml:" in f.message for f in analysis.findings)  # CH201 names the first place
    before, after = (
        _fingerprints(render_report(a, output_format), output_format) for a in (analysis, moved)
    )
    assert before == after
    assert len(set(before)) == len(before) == 7


def _fingerprints(report: str, output_format: OutputFormat) -> list[str]:
    document = json.loads(report)
    if output_format is OutputFormat.GITLAB:
        return [issue["fingerprint"] for issue in document]
    return [r["partialFingerprints"][FINGERPRINT] for r in document["runs"][0]["results"]]


@pytest.mark.parametrize("case", [BROKEN, GAPS, VALID], ids=lambda p: p.name)
def test_gitlab_is_valid_against_the_code_quality_schema(case: Path) -> None:
    schema = json.loads(GITLAB_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(json.loads(_report(case, OutputFormat.GITLAB)))
    whole_file = replace(analyse(VALID), findings=(Finding("CH214", "m", "x.toml"),))
    issues = json.loads(render_report(whole_file, OutputFormat.GITLAB, paths=ReportPaths("sub")))
    jsonschema.Draft202012Validator(schema).validate(issues)
    assert issues[0]["location"] == {"path": "sub/x.toml", "lines": {"begin": 1}}


def test_gitlab_code_quality_fields_and_unique_fingerprints() -> None:
    issues = json.loads(_report(BROKEN, OutputFormat.GITLAB))
    assert len(issues) == 7
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["location"]["lines"]["begin"], int)
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    # the same finding twice (e.g. two identical lines of a report merged) still gets two fingerprints
    analysis = analyse(BROKEN)
    twice = Analysis(analysis.library, analysis.draft, analysis.coverage, analysis.findings[:1] * 2)
    doubled = json.loads(render_report(twice, OutputFormat.GITLAB))
    assert doubled[0]["fingerprint"] != doubled[1]["fingerprint"]


@functools.cache
def _junit_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(JUNIT_XSD))


def _check_ant_junit(document: str) -> ET.Element:
    """Valid against the Jenkins JUnit XSD, and the conventions consumers rely on beyond it."""
    _junit_schema().validate(document)
    root = ET.fromstring(document.encode("utf-8"))
    assert root.tag == "testsuites"
    for index, suite in enumerate(root):
        assert suite.tag == "testsuite"
        for attribute in (
            "name",
            "package",
            "id",
            "timestamp",
            "hostname",
            "tests",
            "failures",
            "errors",
            "time",
        ):
            assert suite.get(attribute), attribute
        assert suite.get("id") == str(index)
        assert len(suite.get("timestamp", "")) == 19  # yyyy-mm-ddThh:mm:ss, no time zone
        children = [child.tag for child in suite]
        assert children[0] == "properties" and children[-2:] == ["system-out", "system-err"]
        cases = [child for child in suite if child.tag == "testcase"]
        assert children[1:-2] == ["testcase"] * len(cases)
        for case in cases:
            assert case.get("name") and case.get("classname") and case.get("time") == "0"
            assert len(case) <= 1 and all(c.tag in {"failure", "error", "skipped"} for c in case)
            assert all(c.get("type") for c in case if c.tag in {"failure", "error"})
        assert int(suite.get("tests", "")) == len(cases)
        assert int(suite.get("failures", "")) == sum(
            1 for c in cases if c.find("failure") is not None
        )
        assert int(suite.get("skipped", "0")) == sum(
            1 for c in cases if c.find("skipped") is not None
        )
    return root


def test_junit_has_one_case_per_requirement_and_per_file() -> None:
    root = _check_ant_junit(_report(GAPS, OutputFormat.JUNIT))
    coverage, integrity = root
    names = [case.get("name") for case in coverage]
    assert "MAN-2-objectives" in names and "MAN-2-joint-committee" in names
    failed = [
        case.get("name") for case in coverage.iter("testcase") if case.find("failure") is not None
    ]
    assert failed == ["MAN-2-joint-committee"]
    assert integrity.get("failures") == "1"  # the CH209 error; the CH208 warning only noted
    assert "CH208 warning" in (integrity.findtext("system-out") or "")
    strict = _check_ant_junit(_report(GAPS, OutputFormat.JUNIT, strict=True))
    assert strict[1].get("failures") == "2"  # the warning fails too under --strict
    _check_ant_junit(_report(BROKEN, OutputFormat.JUNIT))


def test_junit_skipped_cases_say_why_and_the_root_has_the_totals() -> None:
    root = _check_ant_junit(_report(CASES / "missing-required-fields", OutputFormat.JUNIT))
    skipped = [case.find("skipped") for case in root.iter("testcase")]
    reasons = {element.get("message") for element in skipped if element is not None}
    assert reasons == {SKIPPED}
    for total in ("tests", "failures", "errors"):
        assert root.get(total) == str(sum(int(suite.get(total, "")) for suite in root))
    assert root.get("name") == "charter"


def test_junit_timestamp_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")
    assert 'timestamp="2009-02-13T23:31:30"' in _report(VALID, OutputFormat.JUNIT)


@pytest.mark.parametrize("case", [BROKEN, GAPS, VALID], ids=lambda p: p.name)
def test_sarif_is_valid_against_the_oasis_schema(case: Path) -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    document = json.loads(_report(case, OutputFormat.SARIF))
    jsonschema.Draft7Validator(schema).validate(document)
    run = document["runs"][0]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]


def test_sarif_rules_carry_their_help_from_the_table_of_codes() -> None:
    rules = json.loads(_report(VALID, OutputFormat.SARIF))["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(codes())
    for rule in rules:
        code = codes()[rule["id"]]
        assert rule["fullDescription"]["text"] == code.help
        assert rule["help"]["text"].startswith(code.help)
        assert rule["help"]["markdown"].endswith(
            f"section {code.code} of docs/checking.md in charter's documentation."
        )
        assert "helpUri" not in rule  # no public address to link to yet


def test_sarif_results_have_a_region_and_a_fingerprint() -> None:
    analysis = analyse(VALID)
    whole_file = Finding("CH214", "'clauses/x.toml' is a symbolic link outside the project", "x")
    document = json.loads(
        render_report(replace(analysis, findings=(whole_file,)), OutputFormat.SARIF)
    )
    (result,) = document["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    assert set(result["partialFingerprints"]) == {FINGERPRINT}


def test_sarif_uris_are_escaped() -> None:
    analysis = analyse(VALID)
    odd = Finding("CH208", "m", "clauses/my module.toml", 3)
    document = json.loads(
        render_report(
            Analysis(analysis.library, analysis.draft, analysis.coverage, (odd,)),
            OutputFormat.SARIF,
        )
    )
    location = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "clauses/my%20module.toml"


def test_cli_writes_the_report_to_a_file_and_the_summary_to_stderr(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.sarif"
    result = invoke("-C", str(BROKEN), "check", "--output-format", "sarif", "-o", str(target))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "7 errors, 0 warnings" in result.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_cli_format_from_the_environment_and_bad_formats() -> None:
    result = invoke("-C", str(BROKEN), "check", env={"CHARTER_OUTPUT_FORMAT": "github"})
    assert result.stdout.startswith("::error ")
    bad = invoke("-C", str(BROKEN), "check", "--output-format", "xml")
    assert bad.exit_code == 2
    assert bad.stderr == (
        "error: invalid value for '--output-format' (env var: 'CHARTER_OUTPUT_FORMAT'): "
        "'xml' is not one of 'text', 'json', "
        "'github', 'gitlab', 'junit', 'sarif' (hint: run 'charter check' with --help)\n"
    )


def test_github_step_summary_is_appended(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    result = invoke(
        "-C",
        str(BROKEN),
        "check",
        "--output-format",
        "github",
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## charter check: failed\n")
    assert text.count("| CH") == 7  # every finding, beyond GitHub's cap on annotations
    assert step_summary(analyse(VALID)).startswith("## charter check: passed\n")


def test_every_severity_has_a_style_in_every_format() -> None:
    assert set(SEVERITY_STYLES) == set(Severity)
    for style in SEVERITY_STYLES.values():
        assert style.sarif in {"error", "warning", "note"}
        assert style.gitlab in {"info", "minor", "major", "critical", "blocker"}
        assert style.github in {"error", "warning", "notice"}


def test_report_paths_are_relative_to_the_repository(tmp_path: Path) -> None:
    project = tmp_path / "repo" / "charter"
    project.mkdir(parents=True)
    assert report_paths(project) == ReportPaths("")  # no repository: the project root
    (tmp_path / "repo" / ".git").mkdir()
    paths = report_paths(project)
    assert paths == ReportPaths("charter")
    assert paths.of("clauses/a.toml") == "charter/clauses/a.toml"
    assert report_paths(project, project) == ReportPaths("")
    assert report_paths(project, tmp_path).of("x.toml") == "repo/charter/x.toml"
    with pytest.raises(InvalidInputError, match="not inside the report root"):
        report_paths(tmp_path, project)


def test_sarif_passes_the_multitool_with_githubs_rules(tmp_path: Path) -> None:
    """Microsoft's SARIF validator, with the rules GitHub code scanning applies, finds nothing.

    The library is broken in every way the pinned case is, lies in ``charter/`` of a
    repository, and has a warning and a finding about a whole file (a symbolic link).
    """
    multitool = need_tool(
        "sarif-multitool", install="npm install @microsoft/sarif-multitool, as .ci/run does"
    )
    project = tmp_path / "repository" / "charter"
    shutil.copytree(BROKEN, project, ignore=shutil.ignore_patterns("report.*", "expected.*"))
    (tmp_path / "repository" / ".git").mkdir()
    (tmp_path / "outside.toml").write_text("[module]\n", encoding="utf-8")
    (project / "clauses" / "linked.toml").symlink_to(tmp_path / "outside.toml")
    (project / "clauses" / "spare.toml").write_text(SPARE, encoding="utf-8")
    sarif = tmp_path / "charter.sarif"
    result = invoke("-C", str(project), "check", "--output-format", "sarif", "-o", str(sarif))
    assert result.exit_code == 1
    results = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"CH214", "CH208", "CH201", "CH101"}
    assert all(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("charter/")
        for r in results
    )

    assert _multitool_problems(multitool, sarif) == []
    # a control: the same log with a rule's help taken out, which GitHub's rules reject
    control = json.loads(sarif.read_text(encoding="utf-8"))
    del control["runs"][0]["tool"]["driver"]["rules"][0]["help"]
    sarif.write_text(json.dumps(control), encoding="utf-8")
    assert [p.split()[:2] for p in _multitool_problems(multitool, sarif)] == [["GH2012", "error:"]]


def _multitool_problems(multitool: str, sarif: Path) -> list[str]:
    """The errors and warnings of ``sarif-multitool validate`` with the GitHub and SARIF rules.

    One warning is accepted: SARIF2005 asks for the tool's ``informationUri``, its
    public web address, which charter does not have yet (GitHub does not need it).
    """
    log = sarif.with_suffix(".validation.sarif")
    log.unlink(missing_ok=True)
    validation = subprocess.run(
        # the npm wrapper passes its arguments through a shell: the list needs its quotes
        [multitool, "validate", "--rule-kind", '"Gh;Sarif"', "-o", str(log), str(sarif)],
        capture_output=True,
        text=True,
        env={**os.environ, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1"},
        check=False,
        timeout=300,
    )
    assert log.is_file(), validation.stdout + validation.stderr
    run = json.loads(log.read_text(encoding="utf-8"))["runs"][0]
    return [
        f"{r['ruleId']} {r.get('level', 'warning')}: {r['message'].get('text', '')}"
        for r in run.get("results", [])
        if r.get("level", "warning") in {"error", "warning"} and r["ruleId"] != "SARIF2005"
    ]


def test_text_names_files_from_the_working_folder(tmp_path: Path) -> None:
    from charter_cli.render.reports.shared import ReportPaths, working_paths

    repository = tmp_path / "repository"
    project = repository / "charter"
    (project / "clauses" / "public").mkdir(parents=True)
    (repository / "docs").mkdir()
    (repository / ".git").mkdir()
    module = "clauses/public/drugs.toml"
    named = {
        where: working_paths(project, folder)
        for where, folder in {
            "module's folder": project / "clauses" / "public",
            "project": project,
            "repository": repository,
            "docs": repository / "docs",
            "elsewhere": tmp_path,
        }.items()
    }
    assert named["module's folder"].of(module) == "drugs.toml"
    assert named["module's folder"].of("charter.toml") == "../../charter.toml"
    assert named["project"].of(module) == module
    assert named["repository"].of(module) == f"charter/{module}"
    assert named["docs"].of(module) == f"../charter/{module}"
    assert named["elsewhere"].of(module) == f"repository/charter/{module}"
    for paths in named.values():
        assert paths.of("charter:grabendorff-2008") == "charter:grabendorff-2008"
    assert working_paths(project, tmp_path / "other") == ReportPaths("charter")
