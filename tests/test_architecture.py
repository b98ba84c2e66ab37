"""The package's layout is a contract: stages import downwards, only the CLI talks to the terminal.

The import contracts are declared in ``pyproject.toml`` (``[tool.importlinter]``)
and checked here with import-linter, so the README's test command enforces them.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import REPO

PACKAGE = REPO / "charter_cli"
TERMINAL = (PACKAGE / "cli", PACKAGE / "entry.py", PACKAGE / "__main__.py")
"""Where writing to the terminal is allowed."""


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys; from importlinter.cli import lint_imports; "
        "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True, no_logo=True))"
    )
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, check=False
    )


def test_the_import_contracts_hold() -> None:
    result = _lint(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        ("load/project.py", "from charter_cli.draft import analysis", "stages"),
        ("render/markdown.py", "import charter_cli.write.atomic", "stages"),
        ("check/quotes.py", "import typer", "terminal"),
        ("models/common.py", "import rich", "terminal"),
    ],
)
def test_a_deliberate_violation_breaks_a_contract(
    tmp_path: Path, module: str, line: str, broken: str
) -> None:
    shutil.copytree(PACKAGE, tmp_path / "charter_cli", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    target = tmp_path / "charter_cli" / module
    target.write_text(f"{line}\n{target.read_text(encoding='utf-8')}", encoding="utf-8")
    result = _lint(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 kept, 1 broken" in result.stdout
    names = {
        "stages": "Each stage imports only the stages below it",
        "terminal": "Only the command line uses Typer, Click and Rich",
    }
    assert f"{names[broken]} BROKEN" in result.stdout.splitlines()


def _terminal_writes(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in {"print", "input", "breakpoint"}:
                found.append(f"{path.name}:{node.lineno}: {node.func.id}()")
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "sys"
            and node.attr in {"stdout", "stderr", "stdin"}
        ):
            found.append(f"{path.name}:{node.lineno}: sys.{node.attr}")
    return found


def test_the_core_never_prints() -> None:
    core = [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if not any(path == allowed or allowed in path.parents for allowed in TERMINAL)
    ]
    assert len(core) > 30
    assert [write for path in core for write in _terminal_writes(path)] == []


def test_the_print_check_sees_a_print(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import sys\nprint('x')\nsys.stderr.write('y')\n", encoding="utf-8")
    assert _terminal_writes(sample) == ["sample.py:2: print()", "sample.py:3: sys.stderr"]
