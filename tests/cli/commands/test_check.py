"""``charter check``: exit codes first, then the lines that matter."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from charter_cli.errors import ExitCode
from helpers import OBJECTIVES_BAD_COVER, SPARE, WriteProject, invoke


def test_check_clean_project(write_project: WriteProject) -> None:
    result = invoke("-C", str(write_project()), "check", "--strict")
    assert result.exit_code == ExitCode.OK
    assert result.stdout == ""
    assert "Coverage by level and kind" in result.stderr
    assert result.stderr.endswith("2 of 2 requirements covered; 5 files read\n")


def test_check_is_found_by_walking_up(write_project: WriteProject) -> None:
    root = write_project()
    result = invoke("check", cwd=root / "clauses" / "preamble")
    assert result.exit_code == ExitCode.OK


def test_check_findings_go_to_stdout_and_exit_1(write_project: WriteProject) -> None:
    root = write_project({"clauses/provisions/objectives.toml": OBJECTIVES_BAD_COVER})
    result = invoke("-C", str(root), "check")
    assert result.exit_code == ExitCode.FINDINGS
    assert result.stdout.splitlines() == [
        "clauses/provisions/objectives.toml:6: CH204 error: clause 'objectives' covers unknown "
        "requirement 'MAN-2-objectivs' (hint: did you mean 'MAN-2-objectives'?)",
        "sources/mandate.toml:21: CH301 error: requirement 'MAN-2-objectives' is covered by no "
        "article of the draft (hint: clause 'objectives' covers 'MAN-2-objectivs': is that a "
        "misspelling of it?)",
    ]
    assert "2 errors, 0 warnings" in result.stderr


def test_warnings_fail_only_under_strict(write_project: WriteProject) -> None:
    root = write_project({"clauses/spare.toml": SPARE})
    assert invoke("-C", str(root), "check").exit_code == ExitCode.OK
    strict = invoke("-C", str(root), "check", "--strict")
    assert strict.exit_code == ExitCode.FINDINGS
    assert "CH208 warning" in strict.stdout
    assert "(warnings fail under --strict)" in strict.stderr


def test_unreadable_file_is_exit_2(write_project: WriteProject) -> None:
    root = write_project({"clauses/broken.toml": 'title = "unclosed\n'})
    result = invoke("-C", str(root), "check")
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout.startswith("clauses/broken.toml:1: CH003 error: invalid TOML")


def test_a_step_summary_that_cannot_be_written_is_a_note(
    write_project: WriteProject, tmp_path: Path
) -> None:
    folder = tmp_path / "summary-is-a-folder"
    folder.mkdir()
    result = invoke(
        "-C",
        str(write_project()),
        "check",
        "--output-format",
        "github",
        env={"GITHUB_STEP_SUMMARY": str(folder)},
    )
    assert result.exit_code == ExitCode.OK
    assert f"note: could not write the step summary to {folder}" in result.stderr


def test_the_report_never_replaces_a_file_of_the_project(write_project: WriteProject) -> None:
    root = write_project()
    for rel in ("charter.toml", "sources/mandate.txt", "clauses/provisions/objectives.toml"):
        before = (root / rel).read_bytes()
        result = invoke("-C", str(root), "check", "-o", rel)
        assert result.exit_code == ExitCode.USAGE, rel
        assert "is a file of the project" in result.stderr
        assert "not overwritten" in result.stderr
        assert (root / rel).read_bytes() == before
    assert invoke("-C", str(root), "check", "-o", "report.txt").exit_code == ExitCode.OK
    assert invoke("-C", str(root), "check", "-o", "report.txt").exit_code == ExitCode.OK


def test_the_report_goes_to_devices_and_stdout_without_replacing_them(
    write_project: WriteProject,
) -> None:
    root = write_project({"clauses/provisions/objectives.toml": OBJECTIVES_BAD_COVER})
    result = invoke("-C", str(root), "check", "-o", "/dev/null")
    assert result.exit_code == ExitCode.FINDINGS
    assert result.stdout == ""
    assert Path("/dev/null").is_char_device()
    for name in ("-", "/dev/stdout"):
        result = invoke("-C", str(root), "check", "-o", name)
        assert result.exit_code == ExitCode.FINDINGS
        assert "CH204" in result.stdout, name
    assert Path("/dev/stdout").is_symlink()


def test_an_unwritable_output_is_one_line(write_project: WriteProject) -> None:
    root = write_project()
    result = invoke("-C", str(root), "check", "-o", "clauses")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.splitlines()[-1].startswith("error: ")
    assert "is a folder" in result.stderr


def _project_in_a_repository(write_project: WriteProject, tmp_path: Path) -> Path:
    """A git repository whose charter project sits in ``charter/``, with one finding."""
    repository = tmp_path / "repository"
    write_project(
        {"clauses/provisions/objectives.toml": OBJECTIVES_BAD_COVER}, root=repository / "charter"
    )
    subprocess.run(["git", "init", "-q", str(repository)], check=True)
    return repository


def test_reports_name_files_from_the_repository_root(
    write_project: WriteProject, tmp_path: Path
) -> None:
    repository = _project_in_a_repository(write_project, tmp_path)
    module = "charter/clauses/provisions/objectives.toml"
    reports = {
        output_format: invoke(
            "check", "--output-format", output_format, cwd=repository / "charter" / "clauses"
        )
        for output_format in ("text", "github", "gitlab", "sarif", "junit", "json")
    }
    assert all(result.exit_code == ExitCode.FINDINGS for result in reports.values())
    # people read the text where they are, as git names files; CI reads from the repository
    assert reports["text"].stdout.startswith("provisions/objectives.toml:6: CH204 error: ")
    assert reports["github"].stdout.startswith(f"::error file={module},line=6,")
    assert json.loads(reports["gitlab"].stdout)[0]["location"]["path"] == module
    sarif = json.loads(reports["sarif"].stdout)["runs"][0]["results"][0]
    assert sarif["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == module
    junit = ET.fromstring(reports["junit"].stdout.encode("utf-8"))
    assert f'name="{module}"' in ET.tostring(junit[1], encoding="unicode")
    assert (junit[0].findtext(".//failure") or "").startswith("charter/sources/mandate.toml:21:")
    assert (junit[1].findtext(".//failure") or "").startswith(f"{module}:6:")
    report = json.loads(reports["json"].stdout)
    assert (report["project"], report["findings"][0]["file"]) == ("charter", module)
    for path in (module, "charter/sources/mandate.toml"):
        assert (repository / path).is_file()


def test_report_root_sets_where_paths_start(write_project: WriteProject, tmp_path: Path) -> None:
    repository = _project_in_a_repository(write_project, tmp_path)
    project = repository / "charter"
    here = invoke("-C", str(project), "check", "--report-root", ".")
    assert here.stdout.startswith("clauses/provisions/objectives.toml:6: CH204 error: ")
    outside = invoke("-C", str(project), "check", "--report-root", str(tmp_path / "elsewhere"))
    assert outside.exit_code == ExitCode.USAGE
    assert outside.stdout == ""
    assert outside.stderr.startswith("error: the project ")
    assert "is not inside the report root" in outside.stderr
