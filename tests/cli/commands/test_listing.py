"""``charter list``: exit codes first, then the lines that matter."""

from __future__ import annotations

from charter_cli.errors import ExitCode
from helpers import OBJECTIVES_BAD_COVER, WriteProject, invoke


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
