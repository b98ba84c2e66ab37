"""Where an output named on the command line (``-o``) really goes, and what must never be written over.

A regular file is replaced atomically (through its symbolic link, if it is one:
the link stays a link). Anything else is a stream and is written to directly,
never renamed over: standard output (``-``, ``/dev/stdout`` or any path that is
the same file as it), a terminal, ``/dev/null``, a FIFO, a ``/dev/fd/N`` of the
shell. A FIFO that no one reads is refused rather than waited on for ever. A
folder, a block device, a socket, a link that loops and, above all, a file the
project reads (the manifest, a catalogue, a source text, a clause module) are
refused, unless that file is the tool's own earlier output.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from charter_cli.errors import WriteRefusedError
from charter_cli.load.library import Library
from charter_cli.load.packaged import is_packaged
from charter_cli.load.project import MANIFEST
from charter_cli.render.frontmatter import GENERATOR_META, is_generated
from charter_cli.write.atomic import write_atomic_stream
from charter_cli.write.lock import file_lock


class Kind(Enum):
    """How an output is written."""

    STDOUT = "stdout"
    """The process's standard output: the command line writes it."""
    STREAM = "stream"
    """A terminal, device, FIFO or descriptor: opened and written to, never replaced."""
    FILE = "file"
    """A regular file (new or existing): written to a temporary file and renamed into place."""


@dataclass(frozen=True)
class Target:
    """An output resolved: how to write it and the path to write."""

    kind: Kind
    path: Path
    """For a file, the file itself (symbolic links followed); for a stream, the path to open."""

    @property
    def is_file(self) -> bool:
        """Whether the output replaces a regular file (or creates one)."""
        return self.kind is Kind.FILE


STDOUT_NAMES = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})
"""Names that always mean standard output."""

_STREAM_FOLDERS = ("/dev/", "/proc/")
"""Paths under these are descriptors and devices, even when they lead to a regular file."""


def named_output(base: Path, given: str | Path) -> Target:
    """The target of an output named on the command line, relative to ``base``; ``-`` is stdout."""
    if str(given) == "-":
        return Target(Kind.STDOUT, Path("-"))
    return output_target(base / given)


def output_target(path: Path) -> Target:
    """Decide how to write ``path``; refuse what can only be written by destroying it."""
    if str(path) in STDOUT_NAMES:
        return Target(Kind.STDOUT, path)
    try:
        info = path.stat()
    except FileNotFoundError:
        return Target(Kind.FILE, _real(path))  # new (a link to a missing file: its target)
    except OSError as error:
        raise _refused(path, error) from None
    if _same_as_stdout(info):
        return Target(Kind.STDOUT, path)
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise WriteRefusedError(f"{path}: is a folder", hint="give a file name")
    if stat.S_ISREG(mode) and not str(path.absolute()).startswith(_STREAM_FOLDERS):
        return Target(Kind.FILE, _real(path))
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISREG(mode):
        return Target(Kind.STREAM, path)
    raise WriteRefusedError(
        f"{path}: is a {'block device' if stat.S_ISBLK(mode) else 'socket'}; nothing was written",
        hint="write to a file, a pipe or a terminal",
    )


def _real(path: Path) -> Path:
    try:
        return Path(os.path.realpath(path, strict=False))
    except (OSError, ValueError):
        return path.absolute()


def _same_as_stdout(info: os.stat_result) -> bool:
    try:
        stdout = os.fstat(1)
    except OSError:
        return False
    return (info.st_dev, info.st_ino) == (stdout.st_dev, stdout.st_ino)


def is_terminal(target: Target) -> bool:
    """Whether a stream named as output (``-o /dev/tty``) is a terminal.

    Standard output is the command line's to judge (``sys.stdout.isatty()``).
    """
    if target.kind is not Kind.STREAM:
        return False
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(target.path, flags)
    except OSError:
        return False
    try:
        return os.isatty(fd)
    finally:
        os.close(fd)


def _refused(path: Path, error: OSError) -> WriteRefusedError:
    if error.errno == errno.ELOOP:
        return WriteRefusedError(f"{path}: is a symbolic link that loops; nothing was written")
    reason = os.strerror(error.errno) if error.errno else str(error)
    return WriteRefusedError(f"{path}: cannot write: {reason}")


def project_inputs(library: Library) -> list[Path]:
    """Every file the project reads: manifest, catalogues, source texts, modules, translations."""
    root = library.root
    paths = [root / MANIFEST]
    if library.charter is not None:
        paths += [root / source for source in library.charter.sources if not is_packaged(source)]
    for catalogue in library.catalogues:
        paths.append(catalogue.file.doc.path)
        if catalogue.file.text_path is not None:
            paths.append(catalogue.file.text_path)
    paths += [module.file.doc.path for module in library.modules]
    paths += [root / rel for rel in library.damage.unreadable]
    if library.manifest is not None:  # the translation files
        folder = root / library.manifest.translations.folder
        paths += sorted(folder.rglob("*.toml")) if folder.is_dir() else []
    return paths


def refuse_inputs(target: Target, inputs: Iterable[Path]) -> None:
    """Refuse to write over a file the project reads, unless it holds the tool's own output."""
    if not target.is_file:
        return
    try:
        info = target.path.stat()
    except OSError:
        return  # nothing there to lose
    identity = (info.st_dev, info.st_ino)
    for path in inputs:
        with contextlib.suppress(OSError, ValueError):
            other = path.stat()
            if (other.st_dev, other.st_ino) == identity and not own_output(target.path):
                raise WriteRefusedError(
                    f"{target.path}: is a file of the project ({path.name} is read as "
                    "input); not overwritten",
                    hint="write the output somewhere else, e.g. -o build/report.txt",
                )


_SIGNATURES = (
    b'"name": "charter"',  # the JSON and SARIF reports name their tool
    b'package="charter"',  # the JUnit report
    b'"check_name": "CH',  # the GitLab report
    b"::error file=",  # GitHub annotations
    b"::warning file=",
    GENERATOR_META.encode("utf-8"),  # the HTML export
)


def own_output(path: Path) -> bool:
    """Whether ``path`` is empty or holds a draft or report that charter wrote."""
    head = read_head(path)
    if not head.strip():
        return True
    text = head.decode("utf-8", errors="replace")
    if is_generated(text):
        return True
    if any(signature in head for signature in _SIGNATURES):
        return True
    first = text.lstrip().split("\n", 1)[0]
    return _is_finding_line(first)


def _is_finding_line(line: str) -> bool:
    """``file:line: CH123 error: ...``, the text report's lines."""
    where, sep, rest = line.partition(": CH")
    return (
        bool(sep and where) and rest[:3].isdigit() and rest[3:].startswith((" error:", " warning:"))
    )


def read_head(path: Path, size: int = 4096) -> bytes:
    """The first ``size`` bytes of a regular file, without ever blocking on a FIFO."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return b""
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return b""
        return os.read(fd, size)
    except OSError:
        return b""
    finally:
        os.close(fd)


def write_output(target: Target, chunks: Iterable[bytes]) -> bool:
    """Write ``chunks`` to a file or stream target; return whether anything changed.

    A file is replaced atomically, under its lock, and left alone when its
    content is already the same.
    """
    if target.kind is Kind.STDOUT:
        raise ValueError("standard output is written by the command line")
    if target.kind is Kind.FILE:
        with file_lock(target.path):
            return write_atomic_stream(target.path, chunks)
    fd = _open_stream(target.path)
    try:
        with os.fdopen(fd, "wb") as stream:
            for chunk in chunks:
                stream.write(chunk)
    except OSError as error:
        raise _refused(target.path, error) from None
    return True


def _open_stream(path: Path) -> int:
    """Open a device, FIFO or descriptor for writing; a FIFO no one reads is refused."""
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    if str(path.absolute()).startswith(_STREAM_FOLDERS):
        flags |= os.O_APPEND  # a descriptor the shell opened on a file: add, never write over
    try:
        fd = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise WriteRefusedError(
                f"{path}: is a FIFO that no process is reading; nothing was written",
                hint="start the reader first, or write to a file",
            ) from None
        raise _refused(path, error) from None
    os.set_blocking(fd, True)  # only the open must not wait; the writes may
    return fd
