"""Change several files of the project as one: all of them, or (after a crash) none.

An edit such as ``charter move`` may rewrite two modules and the manifest. Each
file is replaced atomically (a temporary file renamed into place), but a process
killed between two renames would leave the library half edited: a clause in two
modules, or in none. :func:`commit` therefore keeps a journal:

1. the new contents are written to temporary files beside their targets;
2. each file to be replaced or removed is kept under a second name (a hard
   link, so nothing is copied);
3. the journal, naming every target, temporary file and kept original, is
   written atomically at the project root (state ``applying``);
4. the temporary files are renamed into place and removed files unlinked;
5. the journal is marked ``done`` (the commit point), then the kept originals,
   and last the journal, are removed.

:func:`recover` finishes what a killed process left: before the commit point it
puts every original back (the library is as it was), after it it only tidies
up. Every command that reads or changes the library runs it first, under the
library's exclusive lock (see :func:`charter_cli.write.lock.library_lock`).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from charter_cli.write.atomic import reported, write_atomic

JOURNAL = ".charter-edit.journal"
"""The journal of an edit in progress, at the project root (hidden, never read as library)."""


@dataclass(frozen=True)
class Change:
    """One file of an edit: its new bytes, or ``None`` to remove it."""

    path: Path
    data: bytes | None


def commit(root: Path, changes: Sequence[Change]) -> None:
    """Apply ``changes`` (paths inside ``root``) so that a crash never leaves only some of them.

    The caller holds the library's exclusive lock. A single new or replaced file
    needs no journal: its atomic rename is all or nothing already.
    """
    if not changes:
        return
    if len(changes) == 1 and (data := changes[0].data) is not None:
        write_atomic(changes[0].path, data, replace=True)
        return
    token = secrets.token_hex(4)
    entries = [_planned(root, change, token) for change in changes]
    journal = root / JOURNAL
    with reported(journal):
        _write_journal(journal, "staging", entries)
        for change, entry in zip(changes, entries, strict=True):
            _stage(root, change, entry)
        _write_journal(journal, "applying", entries)
        for entry in entries:
            _apply(root, entry)
        _write_journal(journal, "done", entries)
    _tidy(root, entries)
    journal.unlink()


def recover(root: Path) -> list[str]:
    """Finish an edit a killed process left; return the files put back as they were.

    While the new contents were being staged no file of the library had changed:
    the staged files are removed. While they were being renamed into place every
    original is restored and every new file removed. After the commit point the
    kept originals are removed. Without a journal there is nothing to do.
    """
    journal = root / JOURNAL
    for half_written in root.glob(f".{JOURNAL}.*.tmp"):  # killed while writing the journal
        half_written.unlink(missing_ok=True)
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError):
        journal.unlink(missing_ok=True)  # unreadable: written before any file was touched
        return []
    entries = [_Entry(**entry) for entry in record.get("entries", [])]
    restored = []
    if record.get("state") == "applying":
        restored = [entry.target for entry in entries if _undo(root, entry)]
    _tidy(root, entries)
    journal.unlink(missing_ok=True)
    return restored


@dataclass(frozen=True)
class _Entry:
    target: str
    """The file, relative to the project root."""
    temporary: str | None
    """The new content, waiting to be renamed into place (``None``: the file is removed)."""
    original: str | None
    """The file as it was, kept under a second name (``None``: the file is new)."""


def _planned(root: Path, change: Change, token: str) -> _Entry:
    """The names an edit of one file will use: its new content's and its original's."""
    path = change.path
    return _Entry(
        path.relative_to(root).as_posix(),
        _beside(root, path, token, "new") if change.data is not None else None,
        _beside(root, path, token, "old") if path.exists() else None,
    )


def _beside(root: Path, path: Path, token: str, kind: str) -> str:
    return path.with_name(f".{path.name}.{token}.{kind}").relative_to(root).as_posix()


def _stage(root: Path, change: Change, entry: _Entry) -> None:
    """Write the new content beside the file, and keep the original under a second name."""
    path = change.path
    path.parent.mkdir(parents=True, exist_ok=True)
    if change.data is not None and entry.temporary is not None:
        staged = root / entry.temporary
        with staged.open("xb") as stream:
            stream.write(change.data)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            staged.chmod(path.stat().st_mode & 0o7777)
    if entry.original is not None:
        kept = root / entry.original
        try:
            os.link(path, kept)
        except OSError:  # a file system without hard links: keep a copy
            shutil.copy2(path, kept)


def _write_journal(journal: Path, state: str, entries: list[_Entry]) -> None:
    record = {"state": state, "entries": [entry.__dict__ for entry in entries]}
    write_atomic(journal, json.dumps(record, indent=1).encode("utf-8"), replace=True)


def _apply(root: Path, entry: _Entry) -> None:
    target = root / entry.target
    if entry.temporary is not None:
        (root / entry.temporary).replace(target)
    else:
        target.unlink(missing_ok=True)


def _undo(root: Path, entry: _Entry) -> bool:
    """Put one file back as it was; whether anything had to change."""
    target = root / entry.target
    if entry.original is not None and (root / entry.original).exists():
        (root / entry.original).replace(target)
        return True
    if entry.original is None and entry.temporary is not None:
        staged = root / entry.temporary
        if not staged.exists() and target.exists():  # the new file was renamed into place
            target.unlink()
            return True
    return False


def _tidy(root: Path, entries: list[_Entry]) -> None:
    for entry in entries:
        for leftover in (entry.temporary, entry.original):
            if leftover is not None:
                with contextlib.suppress(FileNotFoundError):
                    (root / leftover).unlink()
