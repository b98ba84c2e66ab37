"""The command line, through Typer's CliRunner: exit codes first, then the lines that matter."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from charter_cli import __version__
from charter_cli.cli.app import app
from charter_cli.errors import ExitCode
from helpers import WriteProject


def run(*args: str, cwd: Path | None = None, stdin: str | None = None) -> Result:
    if cwd is None:
        return CliRunner().invoke(app, list(args), input=stdin)
    before = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(app, list(args), input=stdin)
    finally:
        os.chdir(before)


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == ExitCode.OK
    assert result.stdout == f"charter {__version__}\n"


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in ("check", "build", "coverage", "list", "show", "new", "init"):
        assert command in result.stdout


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["build"],
        ["coverage"],
        ["list"],
        ["show"],
        ["new", "clause"],
        ["init"],
        ["schema"],
    ],
)
def test_every_command_help_shows_an_example(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout


def test_unknown_option_is_a_usage_error() -> None:
    result = run("check", "--nope")
    assert result.exit_code == ExitCode.USAGE


def test_no_project_is_exit_2_with_a_hint(tmp_path: Path) -> None:
    result = run("-C", str(tmp_path), "check")
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: no charter.toml in {tmp_path}")
    assert "charter init DIR" in result.stderr


def test_check_clean_project(write_project: WriteProject) -> None:
    result = run("-C", str(write_project()), "check", "--strict")
    assert result.exit_code == ExitCode.OK
    assert result.stdout == ""
    assert "Coverage by level and kind" in result.stderr
    assert result.stderr.endswith("2 of 2 requirements covered; 5 files read\n")


def test_check_is_found_by_walking_up(write_project: WriteProject) -> None:
    root = write_project()
    result = run("check", cwd=root / "clauses" / "preamble")
    assert result.exit_code == ExitCode.OK


def test_check_findings_go_to_stdout_and_exit_1(write_project: WriteProject) -> None:
    root = write_project({"clauses/provisions/objectives.toml": OBJECTIVES_BAD_COVER})
    result = run("-C", str(root), "check")
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
    assert run("-C", str(root), "check").exit_code == ExitCode.OK
    strict = run("-C", str(root), "check", "--strict")
    assert strict.exit_code == ExitCode.FINDINGS
    assert "CH208 warning" in strict.stdout
    assert "(warnings fail under --strict)" in strict.stderr


def test_unreadable_file_is_exit_2(write_project: WriteProject) -> None:
    root = write_project({"clauses/broken.toml": 'title = "unclosed\n'})
    result = run("-C", str(root), "check")
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout.startswith("clauses/broken.toml:1: CH003 error: invalid TOML")


def test_build_writes_the_default_file(write_project: WriteProject) -> None:
    root = write_project()
    result = run("-C", str(root), "build")
    assert result.exit_code == ExitCode.OK
    draft = (root / "build" / "charter.md").read_text(encoding="utf-8")
    assert draft.startswith('---\ntitle: "Test Charter"\n')
    assert result.stderr.startswith("wrote build/charter.md: 2 articles, 1 recital")
    again = run("-C", str(root), "build")
    assert again.stderr.startswith("unchanged build/charter.md")


def test_build_to_stdout_without_trace(write_project: WriteProject) -> None:
    result = run("-C", str(write_project()), "build", "-o", "-", "--no-trace")
    assert result.exit_code == ExitCode.OK
    assert "### Article 1 — Objectives" in result.stdout
    assert "Implements" not in result.stdout
    assert result.stderr == ""


def test_build_output_is_relative_to_the_directory_option(write_project: WriteProject) -> None:
    root = write_project()
    result = run("-C", str(root), "build", "-o", "out/draft.md")
    assert result.exit_code == ExitCode.OK
    assert (root / "out" / "draft.md").is_file()


def test_build_refuses_to_overwrite_a_file_it_did_not_write(write_project: WriteProject) -> None:
    root = write_project()
    notes = root / "notes.md"
    notes.write_text("my notes\n", encoding="utf-8")
    result = run("-C", str(root), "build", "-o", "notes.md")
    assert result.exit_code == ExitCode.USAGE
    assert "was not written by charter build; not overwritten" in result.stderr
    assert notes.read_text(encoding="utf-8") == "my notes\n"
    forced = run("-C", str(root), "build", "-o", "notes.md", "--force")
    assert forced.exit_code == ExitCode.OK
    assert notes.read_text(encoding="utf-8").startswith("---\n")


def test_build_stops_on_integrity_errors_but_not_on_gaps(write_project: WriteProject) -> None:
    root = write_project({"clauses/provisions/objectives.toml": OBJECTIVES_BAD_COVER})
    result = run("-C", str(root), "build")
    assert result.exit_code == ExitCode.FINDINGS
    assert "CH204" in result.stderr and "build stopped: 1 error(s)" in result.stderr
    assert not (root / "build").exists()
    gap = write_project({"clauses/provisions/objectives.toml": OBJECTIVES_NO_COVER})
    result = run("-C", str(gap), "build")
    assert result.exit_code == ExitCode.OK
    assert "note: 1 requirement(s) not covered" in result.stderr


def test_coverage_table_and_exit_codes(write_project: WriteProject) -> None:
    root = write_project()
    result = run("-C", str(root), "coverage")
    assert result.exit_code == ExitCode.OK
    assert "MAN-2-objectives" in result.stdout and "Art. 1 (objectives)" in result.stdout
    assert run("-C", str(root), "coverage", "--level", "public").exit_code == ExitCode.OK
    bad = run("-C", str(root), "coverage", "--level", "national")
    assert bad.exit_code == ExitCode.USAGE
    assert bad.stderr == (
        "error: invalid value for '--level': 'national' is not one of 'public', 'state', "
        "'regional', 'cross-cutting' (hint: run 'charter coverage' with --help)\n"
    )
    gap = write_project({"clauses/provisions/objectives.toml": OBJECTIVES_NO_COVER})
    missing = run("-C", str(gap), "coverage", "--missing")
    assert missing.exit_code == ExitCode.FINDINGS
    assert "MAN-2-objectives" in missing.stdout
    assert "MAN-2-joint-committee" not in missing.stdout


def test_list_clauses_requirements_and_modules(write_project: WriteProject) -> None:
    root = write_project()
    clauses = run("-C", str(root), "list")
    assert clauses.exit_code == 0
    assert clauses.stdout.index("recital-purpose") < clauses.stdout.index("joint-committee")
    proposed = run("-C", str(root), "list", "clauses", "--status", "proposed")
    assert "joint-committee" in proposed.stdout and "objectives" not in proposed.stdout
    requirements = run("-C", str(root), "list", "requirements", "--kind", "institution")
    assert "MAN-2-joint-committee" in requirements.stdout
    assert "MAN-2-objectives" not in requirements.stdout
    modules = run("-C", str(root), "list", "modules")
    assert "clauses/institutions/committee.toml" in modules.stdout
    assert run("-C", str(root), "list", "things").exit_code == ExitCode.USAGE


def test_show_clause_requirement_and_article(write_project: WriteProject) -> None:
    root = write_project()
    clause = run("-C", str(root), "show", "objectives")
    assert clause.exit_code == 0
    assert "Article 1 — Objectives" in clause.stdout
    assert "established by Article 2." in clause.stdout  # the reference is resolved
    assert "referred to by: nothing" in clause.stdout
    assert "Replace with the agreement's own objectives." in clause.stdout  # notes
    requirement = run("-C", str(root), "show", "MAN-2-joint-committee")
    assert "Article 2 — Joint committee (joint-committee, proposed)" in requirement.stdout
    assert "“establish a joint committee" in requirement.stdout
    by_number = run("-C", str(root), "show", "Article 2")
    assert "Article 2 — Joint committee" in by_number.stdout
    assert run("-C", str(root), "show", "2").stdout == by_number.stdout


def test_show_unknown_id_suggests_a_close_one(write_project: WriteProject) -> None:
    result = run("-C", str(write_project()), "show", "objectivs")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == (
        "error: no clause or requirement has the ID 'objectivs' (hint: did you mean 'objectives'?)\n"
    )
    assert run("-C", str(write_project()), "show", "9").exit_code == ExitCode.USAGE


def test_new_clause_appends_and_places(write_project: WriteProject) -> None:
    root = write_project()
    module = root / "clauses" / "institutions" / "committee.toml"
    before = module.read_text(encoding="utf-8")
    result = run(
        "-C", str(root), "new", "clause", "clauses/institutions/committee.toml",
        "--id", "committee-seat", "--title", "Seat", "--party", "LAC", "--status", "bracketed",
        "--text", "The Joint Committee shall have its seat in [[objectives]].",
    )  # fmt: skip
    assert result.exit_code == ExitCode.OK, result.stderr
    assert result.stderr == "added clause 'committee-seat' to clauses/institutions/committee.toml\n"
    after = module.read_text(encoding="utf-8")
    assert after.startswith(before.rstrip())
    assert 'id = "committee-seat"' in after
    assert run("-C", str(root), "check", "--strict").exit_code == ExitCode.OK


def test_new_clause_in_a_new_module_warns_when_unplaced(write_project: WriteProject) -> None:
    root = write_project()
    result = run(
        "-C", str(root), "new", "clause", "clauses/extra/more.toml",
        "--id", "more", "--title", "More", "--text-file", "-",
    stdin="The Parties shall do more.\n")  # fmt: skip
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "note: 'more' is in no part of the draft" in result.stderr
    assert (root / "clauses" / "extra" / "more.toml").is_file()


def test_new_clause_refuses_bad_requests(write_project: WriteProject) -> None:
    root = write_project()
    base = ["-C", str(root), "new", "clause", "clauses/x.toml", "--title", "T"]
    taken = run(*base, "--id", "objectives", "--text", "x")
    assert taken.exit_code == ExitCode.USAGE
    assert "already used in the library" in taken.stderr
    case = run(*base, "--id", "Objectives", "--text", "x")
    assert "differs only by letter case from 'objectives'" in case.stderr
    unknown = run(*base, "--id", "fresh", "--text", "x", "--covers", "MAN-2-objectivs")
    assert "unknown requirement(s): MAN-2-objectivs" in unknown.stderr
    party = run(*base, "--id", "fresh", "--text", "x", "--party", "UN")
    assert "unknown party 'UN'" in party.stderr
    both = run(*base, "--id", "fresh")
    assert "exactly one of --text or --text-file" in both.stderr
    bad_id = run(*base, "--id", "has space", "--text", "x")
    assert "the new clause is not valid: id:" in bad_id.stderr
    outside = run("-C", str(root), "new", "clause", "sources/x.toml", "--id", "n", "--title", "T",
                  "--text", "x")  # fmt: skip
    assert "must be a .toml file under" in outside.stderr
    assert not (root / "clauses" / "x.toml").exists()


def test_init_creates_a_working_project_and_refuses_a_full_folder(tmp_path: Path) -> None:
    target = tmp_path / "fair-trade"
    result = run("init", str(target), "--title", "Charter on Fair Trade")
    assert result.exit_code == ExitCode.OK
    assert "created" in result.stderr
    assert run("-C", str(target), "check", "--strict").exit_code == ExitCode.OK
    assert run("-C", str(target), "build").exit_code == ExitCode.OK
    assert "# Charter on Fair Trade" in (target / "build" / "charter.md").read_text(
        encoding="utf-8"
    )
    again = run("init", str(target))
    assert again.exit_code == ExitCode.USAGE
    assert "exists and is not an empty folder; nothing was written" in again.stderr


SPARE = """\
[[clause]]
id = "spare"
title = "Spare"
status = "proposed"
proposed_by = "EU"
text = "The Parties may do more."
"""

OBJECTIVES_BAD_COVER = """\
[[clause]]
id = "objectives"
title = "Objectives"
status = "agreed"
proposed_by = "joint"
covers = ["MAN-2-objectivs"]
text = "The Parties shall pursue the objectives of [[joint-committee]]."
"""

OBJECTIVES_NO_COVER = OBJECTIVES_BAD_COVER.replace('covers = ["MAN-2-objectivs"]\n', "")


def _complete(words: str, cwd: Path) -> list[str]:
    """Ask the installed command for completions, as the shell does."""
    import subprocess
    import sys

    environment = {
        **os.environ,
        "_CHARTER_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split(" ")) - 1),
    }
    done = subprocess.run(
        [sys.executable, "-m", "charter_cli"],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout.split()


def test_shell_completion_of_commands_choices_and_ids(write_project: WriteProject) -> None:
    root = write_project()
    assert _complete("charter co", root) == ["coverage"]
    assert _complete("charter check --output-format j", root) == ["json", "junit"]
    assert _complete("charter list requirements --level c", root) == ["cross-cutting"]
    assert _complete("charter show joint", root) == ["joint-committee"]
    assert _complete("charter show MAN-2-o", root) == ["MAN-2-objectives"]


def test_completion_scripts_are_offered() -> None:
    result = run("--show-completion", "bash")
    assert result.exit_code == 0
    assert "_CHARTER_COMPLETE=complete_bash" in result.stdout


def test_show_and_list_mention_library_errors(write_project: WriteProject) -> None:
    root = write_project({"clauses/provisions/objectives.toml": OBJECTIVES_BAD_COVER})
    shown = run("-C", str(root), "show", "joint-committee")
    assert shown.exit_code == ExitCode.OK
    assert "note: the library has 1 error(s); run 'charter check'" in shown.stderr
    listed = run("-C", str(root), "list")
    assert "note: the library has 1 error(s)" in listed.stderr
