"""The files an edit reads and rewrites, and the tomlkit edits of single keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomli
import tomlkit
from tomlkit.items import AoT, Table

from charter_cli.edit.blocks import newline_of
from charter_cli.edit.run import Edit, EditRefusedError
from charter_cli.errors import InvalidInputError
from charter_cli.findings import Finding
from charter_cli.load.documents import read_text


class Texts:
    """The text of each file an edit touches: as read, and as it will be."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.read: dict[str, str] = {}
        self.new: dict[str, str | None] = {}

    def get(self, rel: str) -> str:
        """The file's text as the edit has made it so far (``""`` for a file that does not exist)."""
        if rel in self.new:
            text = self.new[rel]
            return "" if text is None else text
        if rel not in self.read:
            path = self.root / rel
            found = read_text(path, rel) if path.exists() else ""
            if isinstance(found, Finding):
                raise InvalidInputError(f"{rel}: {found.message}; nothing was changed")
            self.read[rel] = found
        return self.read[rel]

    def put(self, rel: str, text: str | None) -> None:
        """Give the file a new text (``None``: remove it)."""
        self.get(rel)
        self.new[rel] = text

    def edit(self, done: list[str]) -> Edit:
        """The edit: every file whose text changed, and what was done."""
        changed = {rel: text for rel, text in self.new.items() if text != self.read.get(rel)}
        return Edit(changed, tuple(done), {rel: self.read[rel] for rel in changed})


def parse(text: str, rel: str) -> tomlkit.TOMLDocument:
    """A file's text as a tomlkit document, which keeps its comments and formatting."""
    try:
        return tomlkit.parse(text)
    except tomlkit.exceptions.ParseError as error:
        raise EditRefusedError(
            f"{rel}: is not valid TOML ({error}); nothing was changed",
            hint="run 'charter check' and fix the file first",
        ) from None


def dump(document: tomlkit.TOMLDocument, before: str) -> str:
    """The document's text, with the line endings of the file it was read from."""
    text = tomlkit.dumps(document)
    if newline_of(before) == "\r\n":
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    return text


def table_at(document: tomlkit.TOMLDocument, path: tuple[str | int, ...]) -> Table:
    """The table at a key path such as ``("clause", 3, "paragraph", 1)``."""
    node: Any = document
    for key in path:
        node = node[key]
    if not isinstance(node, Table):
        raise EditRefusedError(f"cannot edit {'.'.join(map(str, path))}: it is not a table")
    return node


def set_key(table: Table, key: str, value: object, *, after: tuple[str, ...]) -> None:
    """Set ``key``; a new key goes after the first of ``after`` the table has (else first).

    tomlkit's public API appends a new key at the end of a table, after any comment
    that belongs to the next table; the documented key order is kept instead.
    """
    if key in table:
        table[key] = value
        return
    anchor = next((name for name in after if name in table), None)
    if anchor is None:
        table.add(key, value)
    else:
        table.value._insert_after(anchor, key, value)


def array_of(document: tomlkit.TOMLDocument, path: tuple[str | int, ...]) -> AoT | list[Any]:
    """The array at ``path`` (an array of tables, or a plain array)."""
    node: Any = document
    for key in path:
        node = node[key]
    return node  # type: ignore[no-any-return]


def data_of(text: str) -> dict[str, Any]:
    """What a TOML text holds, as tomli reads it (to verify an edit changed only what it meant)."""
    return tomli.loads(text)


def insert_item(array: Any, position: int, value: str) -> None:
    """Insert ``value`` into a tomlkit array at ``position``, spaced as the array is.

    tomlkit writes an item inserted first into a one-line array without the
    space after its comma (``["new","x"]``); the first item is then moved one
    place on instead, and the new value written where it was.
    """
    if position == 0 and len(array) and "\n" not in array.as_string():
        array.insert(1, array[0])
        array[0] = value
        return
    array.insert(position, value)
