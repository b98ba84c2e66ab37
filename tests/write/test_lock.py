"""The advisory locks: exclusive against everyone, shared among readers, never left behind."""

from __future__ import annotations

import errno
import fcntl
import os
from pathlib import Path

import pytest

from charter_cli.errors import CharterError
from charter_cli.write import lock as lock_module
from charter_cli.write.lock import (
    LIBRARY_LOCK,
    LockTimeoutError,
    file_lock,
    hold,
    library_lock,
    lock_file_for,
)


def test_an_exclusive_lock_keeps_out_every_other_holder(tmp_path: Path) -> None:
    with library_lock(tmp_path):
        assert (tmp_path / LIBRARY_LOCK).exists()
        with (
            pytest.raises(LockTimeoutError, match="being changed by another charter command"),
            library_lock(tmp_path, timeout=0.05),
        ):
            pass
        with (
            pytest.raises(LockTimeoutError, match=r"waited 0\.05 s"),
            library_lock(tmp_path, shared=True, timeout=0.05),
        ):
            pass
    assert not (tmp_path / LIBRARY_LOCK).exists()  # the last holder removes the lock file


def test_readers_share_the_library_and_keep_writers_out(tmp_path: Path) -> None:
    with library_lock(tmp_path, shared=True), library_lock(tmp_path, shared=True):
        with pytest.raises(LockTimeoutError), library_lock(tmp_path, timeout=0.05):
            pass
        assert (tmp_path / LIBRARY_LOCK).exists()  # still held by the other reader
    with library_lock(tmp_path, timeout=0.05):
        pass


def test_a_file_lock_is_hidden_beside_its_file_and_creates_the_folder(tmp_path: Path) -> None:
    target = tmp_path / "build" / "charter.md"
    assert lock_file_for(target) == tmp_path / "build" / ".charter.md.lock"
    with file_lock(target):
        assert lock_file_for(target).exists()
        with pytest.raises(LockTimeoutError, match=r"charter\.md"), file_lock(target, timeout=0.01):
            pass
    assert sorted(p.name for p in (tmp_path / "build").iterdir()) == []


def test_a_lock_file_left_by_a_killed_process_is_reused(tmp_path: Path) -> None:
    (tmp_path / LIBRARY_LOCK).write_bytes(b"")
    with library_lock(tmp_path, timeout=0.05):
        pass
    assert not (tmp_path / LIBRARY_LOCK).exists()


def test_a_lock_file_removed_while_waiting_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter([False, True])
    real = lock_module._still_linked
    monkeypatch.setattr(
        lock_module, "_still_linked", lambda fd, path: next(answers, True) and real(fd, path)
    )
    with library_lock(tmp_path, timeout=1):
        assert (tmp_path / LIBRARY_LOCK).exists()


def _refuse_open(code: int) -> object:
    real_open = os.open

    def fake(path: object, flags: int, *args: object) -> int:
        if str(path).endswith(".lock"):
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    return fake


def test_a_reader_of_a_read_only_project_needs_no_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "open", _refuse_open(errno.EROFS))
    with library_lock(tmp_path, shared=True):
        pass
    with (
        pytest.raises(CharterError, match="cannot write here: Read-only file system"),
        library_lock(tmp_path),
    ):
        pass


def test_an_unexpected_failure_to_lock_is_not_hidden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", broken)
    with (
        pytest.raises(OSError, match="No locks available"),
        hold(tmp_path / "x.lock", shared=False, timeout=1, what="x"),
    ):
        pass
