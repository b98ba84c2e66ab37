"""Golden cases: each folder of ``tests/cases/`` is a small project and its expected output.

``expected.txt`` holds the exit code, stdout and stderr of ``charter check``; a
case with ``expected.md`` also pins the draft of ``charter build -o -`` (and
``expected.es.md`` the draft in Spanish, ``expected.en-es.md`` the synoptic one), and one
with ``expected.html`` the page of ``charter build --format html -o -``. Every
case is copied to a temporary folder first, so a case without a manifest cannot
find the repository's own. Refresh with ``pytest tests/test_cases.py --update-goldens``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import CASES, check_golden, invoke

GOLDEN_FILES = ("expected.*", "report.*", "README.md")


def _cases() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if p.is_dir())


def _copy(case: str, tmp_path: Path) -> Path:
    target = tmp_path / case
    shutil.copytree(
        CASES / case, target, symlinks=True, ignore=shutil.ignore_patterns(*GOLDEN_FILES)
    )
    return target


def transcript(args: list[str], project: Path) -> str:
    """Run the CLI and record exit code, stdout and stderr as one text."""
    result = invoke("-C", str(project), *args, catch_exceptions=False)
    stderr = result.stderr.replace(str(project), "<project>")
    return (
        f"$ charter {' '.join(args)}\n"
        f"exit {result.exit_code}\n"
        f"--- stdout\n{result.stdout}"
        f"--- stderr\n{stderr}"
    )


@pytest.mark.parametrize("case", _cases())
def test_check_diagnostics(case: str, tmp_path: Path, update_goldens: bool) -> None:
    project = _copy(case, tmp_path)
    check_golden(
        CASES / case / "expected.txt", transcript(["check"], project), update=update_goldens
    )


DRAFTS = {"expected": "compilation", "expected-agreed": "agreed", "expected-clean": "clean"}
"""The rendering of each pinned draft, by the stem of its file name."""
FORMATS = {".md": "md", ".html": "html"}
"""The format of each pinned draft, by its extension."""


def _build_args(golden: str) -> list[str]:
    """The options of the draft a golden pins.

    ``expected[-agreed|-clean].md`` is the original in one rendering (``.html``: the
    web page); ``expected[-...].es.md`` the draft in Spanish (``--lang es``), and
    ``expected[-...].en-es.md`` the English and Spanish side by side (``--synoptic en,es``).
    """
    suffix = Path(golden).suffix
    stem, _, language = golden.removesuffix(suffix).partition(".")
    args = ["--format", FORMATS[suffix], "--text", DRAFTS[stem]]
    if "-" in language:
        return [*args, "--synoptic", language.replace("-", ",")]
    return [*args, "--lang", language] if language else args


def _drafts(case: str) -> list[str]:
    return sorted(
        path.name
        for path in (CASES / case).glob("expected*")
        if path.suffix in FORMATS and path.name.split(".")[0] in DRAFTS
    )


@pytest.mark.parametrize(("case", "golden"), [(c, name) for c in _cases() for name in _drafts(c)])
def test_build_draft(case: str, golden: str, tmp_path: Path, update_goldens: bool) -> None:
    project = _copy(case, tmp_path)
    result = invoke("-C", str(project), "build", "-o", "-", *_build_args(golden))
    assert result.exit_code == 0, result.stderr
    check_golden(CASES / case / golden, result.stdout, update=update_goldens)


def test_every_case_says_what_it_tests() -> None:
    for case in _cases():
        readme = CASES / case / "README.md"
        assert readme.is_file(), f"tests/cases/{case} needs a README.md saying what it tests"
