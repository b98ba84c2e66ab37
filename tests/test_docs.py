"""The documentation stays true to the code."""

import re

from charter_cli.diagnostics import CODES
from conftest import REPO


def test_every_finding_code_is_documented() -> None:
    text = (REPO / "docs" / "checking.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(CH\d{3})` \| (\w+) \| (.+) \| (.+) \|$", text, flags=re.MULTILINE)
    assert {row[0]: row[1:] for row in rows} == {
        code: (c.severity.value, c.summary, c.fix) for code, c in CODES.items()
    }


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = "ruff check . && ruff format --check . && mypy && pytest"
    assert f"$ {command}\n" in readme
    assert command in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_documents_every_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for command in ("check", "build", "coverage", "list", "show", "new clause", "init"):
        assert f"### `charter {command}" in readme


def test_requirement_ids_in_the_docs_exist() -> None:
    from charter_cli.pipeline import analyse

    known = set(analyse(REPO).library.requirements)
    misspelt_on_purpose = {"GRA-4.1-drugs-eu-can-dialog"}  # the README's example of a typo
    for page in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]:
        mentioned = set(
            re.findall(r"GRA-[A-Za-z0-9.]+(?:-[a-z0-9]+)+", page.read_text(encoding="utf-8"))
        )
        assert mentioned - known - misspelt_on_purpose == set(), page.name


def test_readme_documents_the_schema_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "### `charter schema" in readme
