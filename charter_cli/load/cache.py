"""A cache of parsed TOML files, keyed by their content, so that a run parses only what changed.

Parsing is most of the cost of reading a large library (it is the floor of
``docs/performance.md``), and the committee's files rarely change between two
runs. An entry holds what ``tomli`` returned for one file, as JSON, under a key
made of the file's bytes and of everything that could change what the parser
returns (the cache format, charter's and tomli's versions, Python's). It holds
nothing else: validation, line numbers and every finding are computed from the
file's own text on every run, so a warm run reports exactly what a cold one does.

The cache is never trusted over the files. An entry whose header, key or
checksum does not match (truncated, corrupt, written by another version, or not
an entry at all) is ignored, and the file is parsed and its entry written again.
Each entry is its own file, written to a temporary name and renamed into place,
so two processes at once can only both write the same complete entry. Any error
of the cache itself (a read-only folder, a full disk) is ignored: it only costs
the time it was meant to save.

Entries are JSON rather than pickles, so reading the cache never runs code, and
files whose data JSON cannot carry (TOML dates and times) are simply not cached.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from charter_cli import __version__

FORMAT = 1
"""The layout of an entry; changing it makes every older entry foreign."""

_MAGIC = b"charter-cache"
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file marks a cache folder of charter (https://bford.info/cachedir/).\n"
)


@dataclass(frozen=True)
class ParseCache:
    """Parsed TOML files stored under ``folder``, one file per distinct content."""

    folder: Path
    """Where the entries are kept (created on first write)."""
    salt: bytes = b""
    """What else goes into every key; :func:`parse_cache` gives the versions that matter."""

    def key(self, raw: bytes) -> str:
        """The key of a file's content."""
        digest = hashlib.blake2b(raw, digest_size=20, key=self.salt[:64])
        return digest.hexdigest()

    def get(self, key: str, kind: str = "parsed") -> dict[str, Any] | None:
        """The data stored under ``key``, or ``None`` if there is no sound entry."""
        try:
            with self._entry(key, kind).open("rb") as stream:
                blob = stream.read()
        except (OSError, ValueError):
            return None
        header, _, payload = blob.partition(b"\n")
        if header != self._header(key, payload):
            return None  # foreign, truncated or corrupt: parsed again and rewritten
        try:
            data = json.loads(payload)
        except (ValueError, RecursionError):
            return None
        return data if isinstance(data, dict) else None

    def put(self, key: str, data: dict[str, Any], kind: str = "parsed") -> None:
        """Store ``data`` under ``key``, atomically; data JSON cannot carry is not stored."""
        try:
            payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
        except (TypeError, ValueError, RecursionError):
            return  # dates and times: TOML has them, JSON does not
        entry = self._entry(key, kind)
        temporary = entry.with_name(f".{entry.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        try:
            self._prepare(entry.parent)
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as stream:
                stream.write(self._header(key, payload) + b"\n" + payload)
            temporary.replace(entry)
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)

    def _entry(self, key: str, kind: str) -> Path:
        if kind == "parsed":
            return self.folder / f"v{FORMAT}" / key[:2] / f"{key[2:]}.json"
        return self.folder / f"v{FORMAT}" / kind / f"{key}.json"

    def _header(self, key: str, payload: bytes) -> bytes:
        checksum = hashlib.blake2b(payload, digest_size=16).hexdigest()
        return b" ".join((_MAGIC, str(FORMAT).encode(), key.encode(), checksum.encode()))

    def _prepare(self, folder: Path) -> None:
        """Create the entry's folder, and mark the cache's own as a cache for backup tools."""
        if folder.is_dir():
            return
        fresh = not self.folder.is_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if fresh:
            (self.folder / "CACHEDIR.TAG").write_text(_TAG, encoding="utf-8")


def parse_cache(folder: Path) -> ParseCache:
    """The cache in ``folder``, keyed for this version of charter, of its parser and of Python."""
    import tomli

    parser = getattr(tomli, "__version__", "?")
    python = f"{sys.implementation.name}-{sys.version_info.major}.{sys.version_info.minor}"
    salt = f"{FORMAT}|charter {__version__}|tomli {parser}|{python}"
    return ParseCache(folder, hashlib.sha256(salt.encode()).digest())


def default_folder(environ: Mapping[str, str]) -> Path:
    """The cache folder: ``CHARTER_CACHE_DIR`` if set, else the platform's user cache folder.

    That is ``$XDG_CACHE_HOME/charter`` or ``~/.cache/charter`` on Linux,
    ``~/Library/Caches/charter`` on macOS and ``%LOCALAPPDATA%/charter/Cache`` on Windows.
    """
    chosen = environ.get("CHARTER_CACHE_DIR")
    if chosen:
        return Path(chosen).expanduser()
    home = Path(environ.get("HOME") or Path.home())
    if sys.platform == "win32":
        base = environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(base) / "charter" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "charter"
    xdg = environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".cache") / "charter"
