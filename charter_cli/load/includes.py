"""Manifest ``include`` entries: which clauses each one draws, resolved in one place.

An entry is a module path or glob ending in ``.toml`` (relative to the project
root; ``*`` and ``?`` stay within a folder, ``**/`` spans folders) or a single
clause ID. :class:`Includes` resolves entries against what was loaded; the
loader (to order duplicate IDs), assembly (to place clauses) and ``new clause``
(to tell whether the manifest will place a new clause) all use it.
"""

from __future__ import annotations

import posixpath
import unicodedata
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Generic, TypeVar

from charter_cli.load.keylines import KeyPath
from charter_cli.models.manifest import Manifest

T = TypeVar("T")


_State = tuple[frozenset[int], frozenset[int]]
"""Where a match can be in the pattern: its positions, and the ``**/`` inside a folder name."""

_OTHER = object()
"""Any character that the pattern does not name (and is not ``/``): all behave alike."""


class Glob:
    """A path glob matched in time linear in the pattern times the path, whatever the pattern.

    ``*`` and ``?`` stay within a folder; ``**/`` spans folders. A regular
    expression of many stars backtracks catastrophically on a path it does not
    match; this matcher follows every way through the pattern at once (as a
    Thompson NFA does), so each character of the path is looked at once per
    pattern position. Each set of positions met, and where each character leads
    from it, is remembered (a DFA built as it is used), so matching the many
    paths of a library costs a dictionary lookup per character.
    """

    _STAR, _ANY, _FOLDERS = "*", "?", "**/"

    def __init__(self, pattern: str) -> None:
        tokens: list[str] = []
        i = 0
        while i < len(pattern):
            if pattern.startswith("**/", i):
                token = self._FOLDERS
                i += 3
            else:
                token = pattern[i]
                i += 1
            if token in (self._STAR, self._FOLDERS) and tokens and tokens[-1] == token:
                continue  # '**' is '*', and '**/**/' is '**/': the same paths, fewer states
            tokens.append(token)
        self.tokens = tokens
        self._fixed = sum(1 for token in tokens if token not in (self._STAR, self._FOLDERS))
        self._literals = frozenset(
            {"/", *(t for t in tokens if t not in (self._STAR, self._ANY, self._FOLDERS))}
        )
        self._start: _State = (frozenset(self._closure({0})), frozenset())
        self._moves: dict[tuple[_State, str | object], _State] = {}

    def fullmatch(self, path: str) -> bool:
        """Whether the whole of ``path`` matches the pattern."""
        if self._fixed > len(path):
            return False  # more characters asked for than the path has
        state = self._start
        moves = self._moves
        literals = self._literals
        for char in path:
            key = char if char in literals else _OTHER
            following = moves.get((state, key))
            if following is None:
                following = moves[(state, key)] = self._move(state, key)
            if not following[0] and not following[1]:
                return False
            state = following
        return len(self.tokens) in state[0]

    def _move(self, state: _State, char: str | object) -> _State:
        """The state after reading ``char`` (a character of the pattern or ``/``, or any other)."""
        states, within = self._step(set(state[0]), set(state[1]), char)
        return frozenset(states), frozenset(within)

    def _step(
        self, states: set[int], within: set[int], char: str | object
    ) -> tuple[set[int], set[int]]:
        """The states after reading ``char``."""
        moved: set[int] = set()
        inside: set[int] = set()
        for state in states:
            token = self.tokens[state] if state < len(self.tokens) else None
            if token in (self._FOLDERS, self._STAR):
                if char != "/":
                    (inside if token == self._FOLDERS else moved).add(state)
            elif token == char or (token == self._ANY and char != "/"):
                moved.add(state + 1)
        for state in within:
            (moved if char == "/" else inside).add(state)
        return self._closure(moved), inside

    def _closure(self, states: set[int]) -> set[int]:
        """The states reachable without reading a character: a star or ``**/`` may match nothing."""
        pending = list(states)
        reached = set(states)
        while pending:
            state = pending.pop()
            following = state + 1
            starred = state < len(self.tokens) and self.tokens[state] in (self._STAR, self._FOLDERS)
            if starred and following not in reached:
                reached.add(following)
                pending.append(following)
        return reached


def is_module_entry(entry: str) -> bool:
    """Whether an ``include`` entry names modules (a path or glob) rather than a clause ID."""
    return entry.endswith(".toml")


def leaves_project(entry: str) -> bool:
    """Whether a module entry is absolute or climbs out of the project with ``..``."""
    if PurePosixPath(entry).is_absolute():
        return True
    normal = normalised(entry)
    return normal == ".." or normal.startswith("../")


def normalised(entry: str) -> str:
    """A manifest path with ``.`` and ``..`` resolved: ``clauses/a/../b.toml`` is ``clauses/b.toml``."""
    if "." not in entry and "//" not in entry:
        return entry
    return posixpath.normpath(entry)


def nfc(path: str) -> str:
    """A path in Unicode NFC, so "ó" typed in the manifest matches an "o" + accent file name."""
    return unicodedata.normalize("NFC", path)


def match_paths(entry: str, paths: Collection[str]) -> list[str]:
    """The paths (NFC, ``/``-separated) a manifest path or glob matches, in sorted order.

    A plain path is a set lookup, so a manifest of many exact paths costs nothing
    per module; only a glob is matched against every path.
    """
    wanted = nfc(normalised(entry))
    if not any(char in wanted for char in "*?"):
        known = paths if isinstance(paths, Mapping | set | frozenset) else set(paths)
        return [wanted] if wanted in known else []
    pattern = Glob(wanted)
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
        self._modules: dict[str, list[T]] = {}
        for path, items in modules.items():  # names that differ only in normalisation: both
            self._modules.setdefault(nfc(path), []).extend(items)
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
