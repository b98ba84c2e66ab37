"""Advisory locks that keep concurrent ``charter`` commands from losing each other's writes.

Every command that reads a file, changes it and replaces it holds the lock of
that file (:func:`file_lock`) for the whole read-modify-replace; every command
whose change depends on the rest of the library (an ID must be unique across
all modules) also holds the library's lock (:func:`library_lock`) first.
Commands that only read the library (``build``, ``check``, ``verify``) hold the
library's lock *shared*, so they never read a change that spans several files
half made. Editing commands added later take the same locks in the same order:
the library's, then the files' in sorted order.

The locks are ``flock(2)`` locks on small hidden lock files (``.charter.lock``
at the project root, ``.<name>.lock`` beside a file), which works on Linux and
macOS and is released by the kernel when a process dies, so a killed command
never leaves a stale lock. A lock file is removed by the last holder that
leaves; a waiter that then finds its lock file gone simply tries again. A
lock that is not free within ``timeout`` seconds raises
:class:`LockTimeoutError`, one clear line naming the file. No lock library is
used: the ones maintained for Python offer no shared locks, and this is the
whole of it.
"""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from charter_cli.errors import CharterError
from charter_cli.write.transaction import JOURNAL, recover

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, writes stay atomic
    fcntl = None  # type: ignore[assignment]

LIBRARY_LOCK = ".charter.lock"
"""The library's lock file, at the project root."""

DEFAULT_TIMEOUT = 30.0
"""Seconds to wait for a lock before giving up with a clear error."""

_POLL = (0.005, 0.2)
"""The first and the longest pause between two attempts, in seconds."""


class LockTimeoutError(CharterError):
    """Another ``charter`` command held a lock for longer than the timeout."""


def lock_file_for(path: Path) -> Path:
    """The lock file of ``path``: ``.<name>.lock`` in the same folder (hidden, so never read)."""
    return path.parent / f".{path.name}.lock"


@contextmanager
def library_lock(
    root: Path, *, shared: bool = False, timeout: float = DEFAULT_TIMEOUT
) -> Iterator[None]:
    """Hold the lock of the whole library at ``root``: exclusive to change it, shared to read it.

    An edit that a killed process left half done (its journal is still there) is
    undone first, under the exclusive lock, so no command ever reads or changes a
    half-edited library (see :mod:`charter_cli.write.transaction`).
    """
    what = f"the library in {root}"
    lock = root / LIBRARY_LOCK
    if (root / JOURNAL).exists() or any(root.glob(f".{JOURNAL}.*.tmp")):
        with hold(lock, shared=False, timeout=timeout, what=what):
            recover(root)
    with hold(lock, shared=shared, timeout=timeout, what=what):
        if not shared:
            recover(root)  # a journal left between the check above and taking the lock
        yield


@contextmanager
def file_lock(path: Path, *, timeout: float = DEFAULT_TIMEOUT) -> Iterator[None]:
    """Hold the exclusive lock of one file for a read-modify-replace of it."""
    with hold(lock_file_for(path), shared=False, timeout=timeout, what=str(path)):
        yield


@contextmanager
def hold(lock: Path, *, shared: bool, timeout: float, what: str) -> Iterator[None]:
    """Hold the ``flock`` of the file ``lock`` (created if missing) while the block runs.

    A shared lock in a folder where the lock file cannot be created (a
    read-only checkout) is not needed: nobody can write there either, so the
    block runs without one.
    """
    if fcntl is None:  # pragma: no cover - see the import
        yield
        return
    fd = _acquire(lock, shared=shared, timeout=timeout, what=what)
    if fd is None:
        yield
        return
    try:
        yield
    finally:
        _release(fd, lock)


def _acquire(lock: Path, *, shared: bool, timeout: float, what: str) -> int | None:
    mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
    deadline = time.monotonic() + timeout
    pause = _POLL[0]
    while True:
        fd = _open(lock, shared=shared)
        if fd is None:
            return None
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except OSError as error:
            os.close(fd)
            if error.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise
            if time.monotonic() >= deadline:
                raise LockTimeoutError(
                    f"{what} is being changed by another charter command "
                    f"(waited {timeout:g} s for {lock.name})",
                    hint="try again when it has finished; if none is running, delete "
                    f"{lock} and try again",
                ) from None
            time.sleep(pause)
            pause = min(pause * 2, _POLL[1])
            continue
        if _still_linked(fd, lock):
            return fd
        os.close(fd)  # the last holder removed this lock file while we waited: start again


def _open(lock: Path, *, shared: bool) -> int | None:
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)
    try:
        if not shared:
            lock.parent.mkdir(parents=True, exist_ok=True)  # the file it guards will go there
        return os.open(lock, flags, 0o666)
    except OSError as error:
        if shared and error.errno in (errno.EACCES, errno.EROFS, errno.EPERM, errno.ENOENT):
            return None  # a folder no one can write to, or none at all: nothing to wait for
        raise CharterError(
            f"{lock.parent}: cannot write here: {error.strerror or error}",
            hint="check the folder and its permissions",
        ) from None


def _still_linked(fd: int, lock: Path) -> bool:
    try:
        on_disk = lock.stat()
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (held.st_dev, held.st_ino)


def _release(fd: int, lock: Path) -> None:
    """Remove the lock file if no one else holds or awaits it, then let go."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # only the sole holder may remove it
    except OSError:
        pass
    else:
        try:
            if _still_linked(fd, lock):
                lock.unlink()
        except OSError:
            pass  # a lock file left behind is harmless: the next holder reuses it
    finally:
        os.close(fd)
