"""Whole runs of a read-only command, remembered by the state of everything they read.

The daily command, ``charter check`` from a pre-commit hook, usually runs on a
library that has not changed since its last run. Then its report is already
known: a run records what it wrote and the fingerprint of its inputs, and the
next run with the same fingerprint writes the same report without loading the
models or the library at all.

A record is kept under a key made of the command's own inputs (its options, the
project and working folders, and the tool itself: the size and time of every
file of charter and of the libraries whose behaviour shows in a report). It is
used only if, now:

- every file the run read (manifest, catalogues, source texts, modules,
  translations, and files it looked for and did not find) reads the same, byte
  for byte, or fails to read in the same way;
- the folders the run listed (``clauses/`` and the translations folder) hold
  the same files and folders, to any depth (a new module, a new translation,
  a new link are all new names), hidden ones aside, as the loader skips them.

Whatever the analysis comes to read must be among those files and folders:
:func:`~charter_cli.write.output.project_inputs` lists the files, and the
command the folders.

A run is not recorded if one of its inputs was modified after it began (the
file may have changed while it was read: git's "racily clean" files), so a
record always describes one state of the files.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from charter_cli import __version__
from charter_cli.load.cache import ParseCache

KIND = "runs"
"""The entries' folder within the cache."""
_DEPENDENCIES = ("pydantic", "pydantic_core", "tomli", "markdown_it", "rich", "typer", "click")
"""Libraries whose versions could change a report (messages, parsing, layout)."""
_RACY_NS = 2_000_000_000
"""Files modified this close to the start of the run (file systems with coarse clocks) are racy."""


@dataclass(frozen=True)
class Replay:
    """What a run wrote, and how it ended."""

    stdout: str
    stderr: str
    exit_code: int


@dataclass(frozen=True)
class RunCache:
    """Runs of one command with given options, kept in a :class:`ParseCache`'s folder."""

    store: ParseCache
    key: str

    def replay(self, root: Path) -> Replay | None:
        """The recorded run, if every input it read is as it was; else ``None``."""
        entry = self.store.get(self.key, KIND)
        if entry is None:
            return None
        try:
            files = [(str(path), str(digest)) for path, digest in entry["files"]]
            folders = [Path(str(folder)) for folder in entry["folders"]]
            replay = Replay(str(entry["stdout"]), str(entry["stderr"]), int(entry["exit"]))
            tree = str(entry["tree"])
        except (KeyError, TypeError, ValueError):
            return None
        if tree != tree_digest(root, folders):
            return None
        if any(file_digest(Path(path)) != digest for path, digest in files):
            return None
        return replay

    def remember(
        self,
        root: Path,
        inputs: Iterable[Path],
        folders: list[Path],
        replay: Replay,
        started: int,
    ) -> None:
        """Record a run that began at ``started`` (:func:`now`), read ``inputs``, listed ``folders``."""
        files = []
        for path in dict.fromkeys(inputs):
            try:
                if path.stat().st_mtime_ns >= started - _RACY_NS:
                    return  # it may have changed while it was read: not recorded
            except (OSError, ValueError):
                pass  # not there, not readable, or no file's name: its digest says so
            files.append([str(path), file_digest(path)])
        entry = {
            "files": files,
            "folders": [str(folder) for folder in folders],
            "tree": tree_digest(root, folders),
            "stdout": replay.stdout,
            "stderr": replay.stderr,
            "exit": replay.exit_code,
        }
        self.store.put(self.key, entry, KIND)


def run_cache(store: ParseCache, command: str, *parts: str) -> RunCache:
    """The record of ``command`` run with the options and places ``parts``."""
    text = json.dumps([command, *parts, tool_digest()])
    return RunCache(store, store.key(text.encode("utf-8", "surrogatepass")))


def now() -> int:
    """The time a run begins, for :meth:`RunCache.remember`."""
    return time.time_ns()


def file_digest(path: Path) -> str:
    """The digest of a file's bytes, or of the way it cannot be read."""
    try:
        with path.open("rb") as stream:
            return hashlib.blake2b(stream.read(), digest_size=20).hexdigest()
    except OSError as error:
        return f"error {error.errno}"
    except ValueError as error:  # a name no file can have (a NUL in a manifest's source)
        return f"error {error}"


def tree_digest(root: Path, tops: list[Path]) -> str:
    """The digest of the names of the files and folders (not hidden) under ``tops``, links followed."""
    digest = hashlib.blake2b(digest_size=20)
    for top in tops:
        digest.update(f"\0top {top} {top.is_dir()}".encode(errors="surrogateescape"))
        try:
            _walk(digest, root, top)
        except ValueError:  # a name no folder can have: nothing to list
            digest.update(b"\0unlistable")
    return digest.hexdigest()


def _walk(digest: Any, root: Path, top: Path) -> None:
    real_root = os.path.realpath(root)
    visited: set[str] = set()
    for current, folders, files in os.walk(top, followlinks=True):
        real = os.path.realpath(current)
        if real in visited or not (real == real_root or real.startswith(real_root + os.sep)):
            folders.clear()  # a loop, or a link out of the project: the loader does not go there
            digest.update(f"\0stop {os.path.relpath(current, root)}".encode(errors="replace"))
            continue
        visited.add(real)
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        here = os.path.relpath(current, root)
        names = sorted(name for name in files if not name.startswith("."))
        digest.update(
            f"\0{here}\0{chr(1).join(folders)}\0{chr(1).join(names)}".encode(
                errors="surrogateescape"
            )
        )


def tool_digest() -> str:
    """Charter's version, Python's, and the size and time of every file of charter and its libraries."""
    parts = [__version__, sys.version, sys.executable]
    package = Path(__file__).resolve().parent.parent
    for current, folders, files in os.walk(package):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        parts.extend(
            _stamp(f"{current}{os.sep}{name}")
            for name in sorted(files)
            if name.endswith((".py", ".toml", ".txt", ".json"))
        )
    for name in _DEPENDENCIES:
        spec = importlib.util.find_spec(name)
        parts.append(f"{name} {_stamp(spec.origin) if spec and spec.origin else '-'}")
    return hashlib.blake2b("\n".join(parts).encode(errors="replace"), digest_size=20).hexdigest()


def _stamp(path: str) -> str:
    try:
        info = os.stat(path)  # noqa: PTH116 - thousands of calls at start-up: no Path objects
    except OSError:
        return f"{path} -"
    return f"{path} {info.st_size} {info.st_mtime_ns}"
