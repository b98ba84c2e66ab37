import os
from pathlib import Path

import pytest

from charter_cli.errors import WriteRefusedError
from charter_cli.write.atomic import write_atomic


def test_writes_and_replaces_leaving_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "draft.md"
    write_atomic(target, b"one", replace=True)
    target.chmod(0o640)
    write_atomic(target, b"two", replace=True)
    assert target.read_bytes() == b"two"
    assert target.stat().st_mode & 0o777 == 0o640  # the mode of the replaced file is kept
    assert names(target.parent) == ["draft.md"]


def test_never_overwrites_without_replace(tmp_path: Path) -> None:
    target = tmp_path / "clause.toml"
    target.write_bytes(b"mine")
    with pytest.raises(WriteRefusedError, match="already exists; not overwritten"):
        write_atomic(target, b"theirs", replace=False)
    assert target.read_bytes() == b"mine"
    assert names(tmp_path) == ["clause.toml"]


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "draft.md"
    target.write_bytes(b"previous draft")

    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(WriteRefusedError, match=r"draft\.md: cannot write: disk full"):
        write_atomic(target, b"new", replace=True)
    assert target.read_bytes() == b"previous draft"
    assert names(tmp_path) == ["draft.md"]


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())
