"""The cache of runs: a recorded report is replayed only while everything it read is unchanged."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from charter_cli.load.cache import parse_cache
from charter_cli.load.runs import Replay, RunCache, now, run_cache, tool_digest
from helpers import write_project

REPLAY = Replay("report\n", "summary\n", 1)
MODULE = "clauses/provisions/objectives.toml"


def _recorded(tmp_path: Path) -> tuple[Path, RunCache]:
    root = write_project(tmp_path / "project")
    runs = run_cache(parse_cache(tmp_path / "cache"), "check", str(root), "text")
    inputs = [root / "charter.toml", root / MODULE, root / "sources" / "absent.toml"]
    _age(inputs)
    runs.remember(root, inputs, [root / "clauses", root / "translations"], REPLAY, now())
    return root, runs


def _age(paths: list[Path]) -> None:
    """Make the files look saved a minute ago, as files are when a check runs."""
    past = time.time() - 60
    for path in paths:
        if path.exists():
            os.utime(path, (past, past))


def test_a_run_is_replayed_while_nothing_changed(tmp_path: Path) -> None:
    root, runs = _recorded(tmp_path)
    assert runs.replay(root) == REPLAY


@pytest.mark.parametrize(
    "change",
    [
        lambda root: (root / MODULE).write_text("changed", encoding="utf-8"),
        lambda root: (root / MODULE).unlink(),
        lambda root: (root / "clauses" / "new.toml").write_text("", encoding="utf-8"),
        lambda root: (root / "clauses" / "sub").mkdir(),
        lambda root: (
            (root / "sources").mkdir(exist_ok=True) or (root / "sources" / "absent.toml").touch()
        ),
        lambda root: (root / "translations").mkdir(),
        lambda root: (root / "charter.toml").write_bytes(
            (root / "charter.toml").read_bytes() + b"\n"
        ),
    ],
)
def test_any_change_to_what_it_read_or_listed_means_a_new_run(
    tmp_path: Path, change: object
) -> None:
    root, runs = _recorded(tmp_path)
    change(root)  # type: ignore[operator]
    assert runs.replay(root) is None


def test_hidden_files_and_other_folders_do_not_matter(tmp_path: Path) -> None:
    root, runs = _recorded(tmp_path)
    (root / "clauses" / ".swap.toml").write_text("x", encoding="utf-8")
    (root / "draft.md").write_text("x", encoding="utf-8")
    assert runs.replay(root) == REPLAY


def test_other_options_have_their_own_record(tmp_path: Path) -> None:
    root, _ = _recorded(tmp_path)
    other = run_cache(parse_cache(tmp_path / "cache"), "check", str(root), "json")
    assert other.replay(root) is None


def test_a_file_saved_while_the_run_read_it_is_not_recorded(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project")
    runs = run_cache(parse_cache(tmp_path / "cache"), "check", str(root))
    started = now()
    (root / MODULE).write_text((root / MODULE).read_text(encoding="utf-8"), encoding="utf-8")
    runs.remember(root, [root / MODULE], [root / "clauses"], REPLAY, started)
    assert runs.replay(root) is None


def test_a_damaged_record_is_ignored(tmp_path: Path) -> None:
    root, runs = _recorded(tmp_path)
    (entry,) = (tmp_path / "cache").rglob("runs/*.json")
    entry.write_bytes(entry.read_bytes()[:-10])
    assert runs.replay(root) is None


def test_the_tool_digest_is_stable() -> None:
    assert tool_digest() == tool_digest()


def test_names_no_file_can_have_are_inputs_like_any_other(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project")
    runs = run_cache(parse_cache(tmp_path / "cache"), "check", str(root))
    odd = [root / "a\0b.toml"]
    runs.remember(root, odd, [root / "t\0r"], REPLAY, now())
    assert runs.replay(root) == REPLAY
