"""``charter apply`` from the command line: the shipped amendments consolidated, pinned by the
``diff`` they leave; refusals; an apply killed mid-write."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from charter_cli.errors import ExitCode
from helpers import REPO, WriteProject, check_golden, invoke

SHIPPED = REPO / "tests" / "shipped"
PROJECT = ("charter.toml", "clauses", "amendments", "schemas", "translations")


def _shipped(target: Path) -> Path:
    target.mkdir()
    for name in PROJECT:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy(source, target / name)
    return target


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


@pytest.fixture(scope="module")
def consolidated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """The shipped project before and after 'charter apply', and what apply said."""
    base = tmp_path_factory.mktemp("shipped")
    before, after = _shipped(base / "before"), _shipped(base / "after")
    result = invoke("-C", str(after), "apply")
    assert result.exit_code == ExitCode.OK, result.stderr
    return before, after, result.stderr


def test_the_diff_after_apply_is_pinned(
    consolidated: tuple[Path, Path, str], update_goldens: bool
) -> None:
    before, after, said = consolidated
    check_golden(SHIPPED / "apply.txt", said, update=update_goldens)
    result = invoke("-C", str(after), "diff", str(before), ".", "--format", "md")
    assert result.exit_code == ExitCode.OK, result.stderr
    text = result.stdout.replace(str(before), "BEFORE")
    check_golden(SHIPPED / "diff-after-apply.md", text, update=update_goldens)


def test_the_diff_shows_exactly_the_adopted_amendments(
    consolidated: tuple[Path, Path, str],
) -> None:
    before, after, _ = consolidated
    result = invoke("-C", str(after), "diff", str(before), ".", "--format", "json")
    report = json.loads(result.stdout)
    changed = {c["id"] for c in report["clauses"]}
    assert changed == {
        "principles-non-intervention",  # compromise amendment 1
        "drugs-chemical-precursors",  # amendments 3 = 4
        "terrorism-legislation-safeguards",  # amendment 5
        "eurolat-charter-follow-up",  # amendments 10 and 13
    }
    touched = {rel for rel, data in _files(after).items() if _files(before).get(rel) != data}
    assert touched == {
        "clauses/principles/principles.toml",
        "clauses/instruments/public/drug-trafficking.toml",
        "clauses/instruments/state/terrorism.toml",
        "clauses/institutions/parliaments.toml",
    }


def test_the_consolidated_text_leaves_only_the_translations_to_do(
    consolidated: tuple[Path, Path, str],
) -> None:
    """The translations of the amended paragraphs are stale or missing: the translators' task.

    Spanish and Portuguese are required, so those are errors of 'check', each
    noted by 'apply' as it wrote the text (an edit is never refused for them).
    """
    _, after, said = consolidated
    check = invoke("-C", str(after), "check")
    assert check.exit_code == ExitCode.FINDINGS
    found = [
        line for line in check.stdout.splitlines() if " error: " in line or " warning: " in line
    ]
    assert found and all(line.startswith("translations/") for line in found)
    assert {line.split(": ")[1].split()[0] for line in found} == {"CH250", "CH251", "CH252"}
    assert all(f"note: now {line}" in said for line in found)
    files = _files(after)
    again = invoke("-C", str(after), "apply")
    assert again.exit_code == ExitCode.OK
    assert again.stderr.count("is already in the text; nothing to change") == 6
    assert "note: now" not in again.stderr
    assert _files(after) == files


def test_a_dry_run_shows_the_changes_and_writes_nothing(tmp_path: Path) -> None:
    root = _shipped(tmp_path / "project")
    files = _files(root)
    result = invoke("-C", str(root), "apply", "--dry-run", "10")
    assert result.exit_code == ExitCode.OK
    lines = result.stderr.splitlines()
    assert lines[:2] == [
        "would have: applied amendment 10: new wording of Article 80(4) (paragraph "
        "'recommendations' of clause 'eurolat-charter-follow-up')",
        "  … reply in writing within [-six-] {+three+} months to the recommendations …",
    ]
    assert lines[-1] == "nothing was written (--dry-run)"
    notes = lines[2:-1]  # what the translators would have to update
    assert notes and all(" CH251 error: unit 'eurolat-charter-follow-up#" in n for n in notes)
    assert _files(root) == files


def test_a_stale_amendment_is_refused_with_its_finding(tmp_path: Path) -> None:
    root = _shipped(tmp_path / "project")
    module = root / "clauses" / "instruments" / "state" / "terrorism.toml"
    module.write_text(
        module.read_text(encoding="utf-8").replace("assembly and association.", "and assembly."),
        encoding="utf-8",
    )
    result = invoke("-C", str(root), "apply")
    assert result.exit_code == ExitCode.FINDINGS
    refused = [line for line in result.stderr.splitlines() if line.startswith("refused: ")]
    assert len(refused) == 1
    assert refused[0].startswith("refused: amendments/ep-verts-ale.toml:")
    assert "CH242 error: amendment 5 not applied: the wording it amends has changed" in refused[0]
    assert "fingerprint --refresh 5" in refused[0]
    assert "applied amendment 10" in result.stderr  # the others are written
    assert "right to strike" not in module.read_text(encoding="utf-8")


def test_an_amendment_that_is_not_adopted(tmp_path: Path) -> None:
    root = _shipped(tmp_path / "project")
    result = invoke("-C", str(root), "apply", "9")
    assert result.exit_code == ExitCode.FINDINGS
    assert "Amendment 9 is rejected, not adopted" in result.stderr
    unknown = invoke("-C", str(root), "apply", "99")
    assert unknown.exit_code == ExitCode.USAGE
    assert "no amendment has the number '99'" in unknown.stderr


KILLER = """
import os, sys
real = os.replace
calls = 0
def replace(*args, **kwargs):
    global calls
    calls += 1
    if calls == {after}:
        os._exit(137)
    return real(*args, **kwargs)
os.replace = replace
sys.argv = ["charter", *{argv!r}]
from charter_cli.entry import main
main()
"""

TWO_FILES = """#:schema ../schemas/amendment.schema.json
[[amendment]]
number = 1
tabled_by = [{ member = "Ana Ruiz" }]
target = { clause = "joint-committee", paragraph = "review" }
kind = "replace"
text = "The Joint Committee shall follow up the implementation of this Charter and review it every two years."
outcome = "adopted"

[[amendment]]
number = 2
tabled_by = [{ member = "Jan Berg" }]
target = { clause = "objectives" }
kind = "replace"
text = "The Parties shall pursue together the objectives of this Charter and report to [[joint-committee]]."
outcome = "adopted"
"""


@pytest.mark.parametrize("after", [1, 2, 3, 4, 5])
def test_a_killed_apply_leaves_the_library_as_it_was(
    write_project: WriteProject, after: int
) -> None:
    root = write_project({"amendments/members.toml": TWO_FILES})
    assert invoke("-C", str(root), "amendments", "fingerprint").exit_code == ExitCode.OK
    before = _files(root)
    killed = subprocess.run(
        [sys.executable, "-c", KILLER.format(after=after, argv=["-C", str(root), "apply"])],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    check = invoke("-C", str(root), "check")
    state = _files(root)
    if killed.returncode == 137:
        assert state == before, f"killed at rename {after}: {killed.stderr}"
    else:  # the apply needed fewer renames than that: it finished
        assert killed.returncode == 0, killed.stderr
        changed = {rel for rel in state if state[rel] != before.get(rel)}
        assert changed == {
            "clauses/institutions/committee.toml",
            "clauses/provisions/objectives.toml",
        }
    assert check.exit_code == ExitCode.OK, check.stdout
    assert not [p for p in root.rglob(".*") if p.suffix in {".new", ".old", ".journal"}]
