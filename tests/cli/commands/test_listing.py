"""``charter list``: exit codes first, then the lines that matter."""

from __future__ import annotations

from charter_cli.errors import ExitCode
from helpers import OBJECTIVES_BAD_COVER, OBJECTIVES_NO_COVER, WriteProject, invoke


def test_list_clauses_requirements_and_modules(write_project: WriteProject) -> None:
    root = write_project()
    clauses = invoke("-C", str(root), "list")
    assert clauses.exit_code == 0
    assert clauses.stdout.index("recital-purpose") < clauses.stdout.index("joint-committee")
    bracketed = invoke("-C", str(root), "list", "clauses", "--status", "bracketed")
    assert "joint-committee" in bracketed.stdout and "objectives" not in bracketed.stdout
    requirements = invoke("-C", str(root), "list", "requirements", "--kind", "institution")
    assert "MAN-2-joint-committee" in requirements.stdout
    assert "MAN-2-objectives" not in requirements.stdout
    modules = invoke("-C", str(root), "list", "modules")
    assert "clauses/institutions/committee.toml" in modules.stdout
    assert invoke("-C", str(root), "list", "things").exit_code == ExitCode.USAGE


def test_show_and_list_mention_library_errors(write_project: WriteProject) -> None:
    root = write_project({"clauses/provisions/objectives.toml": OBJECTIVES_BAD_COVER})
    shown = invoke("-C", str(root), "show", "joint-committee")
    assert shown.exit_code == ExitCode.OK
    assert "note: the library has 1 error(s); run 'charter check'" in shown.stderr
    listed = invoke("-C", str(root), "list")
    assert "note: the library has 1 error(s)" in listed.stderr


def test_list_requirements_missing_by_section(write_project: WriteProject) -> None:
    root = write_project({"clauses/provisions/objectives.toml": OBJECTIVES_NO_COVER})
    missing = invoke("-C", str(root), "list", "requirements", "--missing")
    assert missing.exit_code == ExitCode.OK
    assert [line.split()[0] for line in missing.stdout.splitlines()[3:]] == ["MAN-2-objectives"]
    statement = "The charter states the objectives the Parties pursue together."
    assert statement in missing.stdout  # the statement beside the ID
    in_two = invoke("-C", str(root), "list", "requirements", "--section", "2")
    assert "MAN-2-objectives" in in_two.stdout and "MAN-2-joint-committee" in in_two.stdout
    in_one = invoke("-C", str(root), "list", "requirements", "--section", "1")
    assert in_one.stdout == "Requirements\nnone\n"


def test_an_unknown_party_or_listing_is_named(write_project: WriteProject) -> None:
    root = write_project()
    party = invoke("-C", str(root), "list", "--party", "XX")
    assert party.exit_code == ExitCode.USAGE
    assert (
        party.stderr == "error: no party 'XX' in charter.toml (hint: the parties: EU, LAC, joint)\n"
    )
    case = invoke("-C", str(root), "list", "--party", "lac")
    assert "(hint: did you mean 'LAC'? The parties: EU, LAC, joint)" in case.stderr
    assert invoke("-C", str(root), "list", "--party", "joint").exit_code == ExitCode.OK
    what = invoke("-C", str(root), "list", "clause")
    assert what.exit_code == ExitCode.USAGE
    assert "'clause' is not one of 'clauses', 'requirements', 'modules'" in what.stderr
    assert "(hint: did you mean 'clauses'?)" in what.stderr
