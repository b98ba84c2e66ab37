"""Write files so that nothing is ever lost: atomically, and never over what the user did not ask to replace."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from charter_cli.errors import WriteRefusedError


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def reported(path: Path) -> Iterator[None]:
    """Turn a failure of the file system (no permission, disk full, a folder in the way) into one line."""
    try:
        yield
    except OSError as error:
        reason = error.strerror or str(error)
        raise WriteRefusedError(
            f"{path}: cannot write: {reason}", hint="check the folder and its permissions"
        ) from None


def write_atomic(path: Path, data: bytes, *, replace: bool) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, renamed into place.

    With ``replace=False`` an existing file is never touched: the call raises
    :class:`~charter_cli.errors.WriteRefusedError` instead. Readers see either the
    old file or the new one, never a part of either. A failure of the file system
    is a :class:`~charter_cli.errors.WriteRefusedError` too, naming the file.
    """
    with reported(path):
        _write_atomic(path, data, replace=replace)


def _write_atomic(path: Path, data: bytes, *, replace: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o7777 if replace and path.exists() else _default_mode()
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).chmod(mode)
        if replace:
            Path(temporary).replace(path)
        else:
            _link_new(Path(temporary), path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            Path(temporary).unlink()


def write_atomic_stream(path: Path, chunks: Iterable[bytes]) -> bool:
    """Write ``chunks`` to ``path`` atomically, replacing it; leave it alone if nothing changed.

    The content is streamed to the temporary file and hashed on the way, and an
    existing file is compared by hash, read in blocks: neither version is ever
    held in memory whole. Returns whether the file changed.
    """
    with reported(path):
        return _write_atomic_stream(path, chunks)


def _write_atomic_stream(path: Path, chunks: Iterable[bytes]) -> bool:
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o7777 if path.exists() else _default_mode()
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        digest = hashlib.sha256()
        with os.fdopen(handle, "wb") as stream:
            for chunk in chunks:
                digest.update(chunk)
                stream.write(chunk)
            stream.flush()
            os.fsync(stream.fileno())
        same_size = path.is_file() and path.stat().st_size == temporary.stat().st_size
        if same_size and _file_digest(path) == digest.digest():
            return False
        temporary.chmod(mode)
        temporary.replace(path)
        return True
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _file_digest(path: Path) -> bytes:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.digest()


def _link_new(temporary: Path, path: Path) -> None:
    """Give the finished temporary file its name, failing if the name is taken."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise WriteRefusedError(
            f"{path}: already exists; not overwritten", hint="choose another name"
        ) from None
    except OSError:  # no hard links on this file system: fall back to an exclusive rename
        if path.exists():
            raise WriteRefusedError(f"{path}: already exists; not overwritten") from None
        Path(temporary).replace(path)
