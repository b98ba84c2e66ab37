"""Manifest ``include`` entries: which clauses each one draws, resolved in one place.

An entry is a module path or glob ending in ``.toml`` (relative to the project
root; ``*`` and ``?`` stay within a folder, ``**/`` spans folders) or a single
clause ID. :class:`Includes` resolves entries against what was loaded; the
loader (to order duplicate IDs), assembly (to place clauses) and ``new clause``
(to tell whether the manifest will place a new clause) all use it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Generic, TypeVar

from charter_cli.load.keylines import KeyPath
from charter_cli.models.manifest import Manifest

T = TypeVar("T")


def glob_regex(pattern: str) -> re.Pattern[str]:
    """Compile a path glob to a regular expression that must match a whole relative path."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:[^/]+/)*")
            i += 3
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


def is_module_entry(entry: str) -> bool:
    """Whether an ``include`` entry names modules (a path or glob) rather than a clause ID."""
    return entry.endswith(".toml")


def leaves_project(entry: str) -> bool:
    """Whether a module entry is absolute or climbs out with ``..``."""
    path = PurePosixPath(entry)
    return path.is_absolute() or ".." in path.parts


def nfc(path: str) -> str:
    """A path in Unicode NFC, so "ó" typed in the manifest matches an "o" + accent file name."""
    return unicodedata.normalize("NFC", path)


def match_paths(entry: str, paths: Collection[str]) -> list[str]:
    """The paths (NFC, ``/``-separated) a manifest path or glob matches, in sorted order.

    A plain path is a set lookup, so a manifest of many exact paths costs nothing
    per module; only a glob is matched against every path.
    """
    wanted = nfc(entry)
    if not any(char in wanted for char in "*?"):
        known = paths if isinstance(paths, Mapping | set | frozenset) else set(paths)
        return [wanted] if wanted in known else []
    pattern = glob_regex(wanted)
    return sorted(path for path in paths if pattern.fullmatch(path))


@dataclass(frozen=True, slots=True)
class Entry:
    """One ``include`` entry of the manifest and where it stands."""

    value: str
    """The entry as written: a module path or glob, or a clause ID."""
    loc: KeyPath
    """Its key path in the manifest, e.g. ``("title", 1, "chapter", 0, "include", 2)``."""


def manifest_entries(manifest: Manifest) -> Iterator[Entry]:
    """Every ``include`` entry of the manifest, in the order the draft places them."""
    if manifest.preamble is not None:
        yield from part_entries(manifest.preamble.include, ("preamble",))
    for t_index, title in enumerate(manifest.title):
        yield from part_entries(title.include, ("title", t_index))
        for c_index, chapter in enumerate(title.chapter):
            yield from part_entries(chapter.include, ("title", t_index, "chapter", c_index))


def part_entries(includes: Sequence[str], loc: KeyPath) -> Iterator[Entry]:
    """The ``include`` entries of one part of the manifest, located under ``loc``."""
    for position, value in enumerate(includes):
        yield Entry(value, (*loc, "include", position))


class Includes(Generic[T]):
    """Resolves entries against modules (keyed by path) and clauses (keyed by ID).

    ``T`` is whatever the caller keeps for a clause: the loader's entries, or a
    marker for a clause that is not written yet.
    """

    def __init__(self, modules: Mapping[str, Sequence[T]], clauses: Mapping[str, T]) -> None:
        self._modules = {nfc(path): items for path, items in modules.items()}
        self._clauses = clauses

    def modules(self, entry: str) -> list[str]:
        """The module paths a path or glob entry matches, in sorted order (NFC)."""
        return match_paths(entry, self._modules)

    def draw(self, entry: str) -> list[T]:
        """The clauses an entry places, in order: a module's in file order, or the one clause."""
        if is_module_entry(entry):
            return [item for path in self.modules(entry) for item in self._modules[path]]
        found = self._clauses.get(entry)
        return [] if found is None else [found]
