"""``charter show``: exit codes first, then the lines that matter."""

from __future__ import annotations

from charter_cli.errors import ExitCode
from helpers import WriteProject, invoke


def test_show_clause_requirement_and_article(write_project: WriteProject) -> None:
    root = write_project()
    clause = invoke("-C", str(root), "show", "objectives")
    assert clause.exit_code == 0
    assert "Article 1 — Objectives" in clause.stdout
    assert "established by Article 2." in clause.stdout  # the reference is resolved
    assert "referred to by: nothing" in clause.stdout
    assert "Replace with the agreement's own objectives." in clause.stdout  # notes
    requirement = invoke("-C", str(root), "show", "MAN-2-joint-committee")
    assert "Article 2 — Joint committee (joint-committee, proposed)" in requirement.stdout
    assert "“establish a joint committee" in requirement.stdout
    by_number = invoke("-C", str(root), "show", "Article 2")
    assert "Article 2 — Joint committee" in by_number.stdout
    assert invoke("-C", str(root), "show", "2").stdout == by_number.stdout


def test_show_unknown_id_suggests_a_close_one(write_project: WriteProject) -> None:
    result = invoke("-C", str(write_project()), "show", "objectivs")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == (
        "error: no clause or requirement has the ID 'objectivs' (hint: did you mean 'objectives'?)\n"
    )
    assert invoke("-C", str(write_project()), "show", "9").exit_code == ExitCode.USAGE
