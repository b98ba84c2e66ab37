"""The documentation stays true to the code."""

import re

from charter_cli.diagnostics import CODES
from conftest import REPO


def test_every_finding_code_is_documented() -> None:
    text = (REPO / "docs" / "checking.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^\| `(CH\d{3})` \| (\w+) \|", text, flags=re.MULTILINE))
    assert documented == {code: c.severity.value for code, c in CODES.items()}


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = "ruff check . && ruff format --check . && mypy && pytest"
    assert f"$ {command}\n" in readme
    assert command in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_documents_every_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for command in ("check", "build", "coverage", "list", "show", "new clause", "init"):
        assert f"### `charter {command}" in readme
