"""Several files changed as one: all of them, or after a crash, none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from charter_cli.write import transaction
from charter_cli.write.lock import library_lock
from charter_cli.write.transaction import JOURNAL, Change, commit, recover


class Killed(BaseException):
    """Stands for the process being killed: nothing after it runs, no cleanup either."""


def _project(tmp_path: Path) -> dict[str, bytes]:
    files = {"charter.toml": b"manifest\n", "clauses/a.toml": b"a\n", "clauses/b.toml": b"b\n"}
    for rel, data in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(data)
    return files


def _state(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


def _changes(root: Path) -> list[Change]:
    return [
        Change(root / "clauses/a.toml", b"a, edited\n"),
        Change(root / "clauses/b.toml", None),
        Change(root / "clauses/c.toml", b"c, new\n"),
        Change(root / "charter.toml", b"manifest, edited\n"),
    ]


def test_all_changes_land_and_nothing_is_left_over(tmp_path: Path) -> None:
    _project(tmp_path)
    commit(tmp_path, _changes(tmp_path))
    assert _state(tmp_path) == {
        "charter.toml": b"manifest, edited\n",
        "clauses/a.toml": b"a, edited\n",
        "clauses/c.toml": b"c, new\n",
    }
    assert recover(tmp_path) == []


def test_one_file_needs_no_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _project(tmp_path)
    monkeypatch.setattr(transaction, "_write_journal", lambda *_: pytest.fail("journal written"))
    commit(tmp_path, [Change(tmp_path / "clauses/a.toml", b"x\n")])
    assert (tmp_path / "clauses/a.toml").read_bytes() == b"x\n"
    commit(tmp_path, [])


@pytest.mark.parametrize("renamed", [0, 1, 2, 3])
def test_killed_while_renaming_the_library_is_put_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, renamed: int
) -> None:
    before = _project(tmp_path)
    real = transaction._apply
    done = 0

    def dying(root: Path, entry: object) -> None:
        nonlocal done
        if done == renamed:
            raise Killed
        done += 1
        real(root, entry)  # type: ignore[arg-type]

    monkeypatch.setattr(transaction, "_apply", dying)
    with pytest.raises(Killed):
        commit(tmp_path, _changes(tmp_path))
    assert json.loads((tmp_path / JOURNAL).read_text(encoding="utf-8"))["state"] == "applying"
    restored = recover(tmp_path)
    assert _state(tmp_path) == before
    assert set(restored) <= {"charter.toml", "clauses/a.toml", "clauses/b.toml", "clauses/c.toml"}
    assert not (tmp_path / JOURNAL).exists()


def test_killed_while_staging_nothing_had_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _project(tmp_path)
    real = transaction._stage
    calls = 0

    def dying(*args: object) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise Killed
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(transaction, "_stage", dying)
    with pytest.raises(Killed):
        commit(tmp_path, _changes(tmp_path))
    assert recover(tmp_path) == []
    assert _state(tmp_path) == before


def test_killed_after_the_commit_point_the_edit_stands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _project(tmp_path)

    def dying(root: Path, entries: object) -> None:
        raise Killed

    monkeypatch.setattr(transaction, "_tidy", dying)
    with pytest.raises(Killed):
        commit(tmp_path, _changes(tmp_path))
    monkeypatch.undo()
    assert recover(tmp_path) == []
    assert _state(tmp_path)["clauses/a.toml"] == b"a, edited\n"
    assert not [p for p in tmp_path.rglob(".*") if p.suffix in {".old", ".new"}]


def test_an_unreadable_journal_is_dropped(tmp_path: Path) -> None:
    before = _project(tmp_path)
    (tmp_path / JOURNAL).write_text("{not json", encoding="utf-8")
    assert recover(tmp_path) == []
    assert _state(tmp_path) == before


def test_every_holder_of_the_library_lock_undoes_a_half_edit_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _project(tmp_path)

    def dying(root: Path, entry: object) -> None:
        raise Killed

    monkeypatch.setattr(transaction, "_apply", dying)
    for shared in (True, False):
        with pytest.raises(Killed):
            commit(tmp_path, _changes(tmp_path))
        assert (tmp_path / JOURNAL).exists()
        with library_lock(tmp_path, shared=shared):
            assert _state(tmp_path) == before
