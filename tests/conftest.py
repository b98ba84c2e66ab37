"""Shared fixtures: small projects written into a temporary folder, and golden-file support."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from charter_cli.templates import project_files

REPO = Path(__file__).resolve().parent.parent

WriteProject = Callable[..., Path]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite golden files (expected.txt, expected.md) from the current output",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def write_project(tmp_path: Path) -> WriteProject:
    """Write the starter project, then apply ``changes`` (path -> text, or None to delete)."""

    def write(changes: dict[str, str | None] | None = None, *, root: Path | None = None) -> Path:
        target = root or tmp_path / "project"
        for rel, content in project_files("Test Charter").items():
            path = target / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
        for rel, text in (changes or {}).items():
            path = target / rel
            if text is None:
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink()
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return target

    return write


def check_golden(path: Path, actual: str, *, update: bool) -> None:
    """Compare ``actual`` with the golden file, or rewrite it under ``--update-goldens``."""
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        if not update:
            pytest.fail(f"{path} did not exist; written now, review and commit it")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, (
        f"{path} differs; rerun with --update-goldens if the change is intended"
    )
