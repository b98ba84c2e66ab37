"""Whole tables of a TOML file as blocks of its text, to move, remove and insert as they are.

A ``[[clause]]`` entry is its header line, its keys, its sub-tables
(``[[clause.paragraph]]``, ...) and the comment lines written just above its
header (no blank line between): the committee's note about that clause. tomlkit
keeps such a comment with the table *before* it, so a table moved with tomlkit
would leave its comment behind and take its neighbour's; moving the text of the
block keeps every byte where the reader expects it. The headers are found with
:func:`charter_cli.load.keylines.index_lines`, which reads strings and arrays as
TOML does, so a ``[[clause]]`` inside a multi-line text is never taken for one.
"""

from __future__ import annotations

from dataclasses import dataclass

from charter_cli.load.keylines import KeyPath, index_lines


@dataclass(frozen=True)
class Block:
    """Where one table sits in a text: ``text[start:end]``, comments above it included."""

    start: int
    end: int


def table_blocks(text: str, path: KeyPath) -> list[Block]:
    """The block of each entry of the array of tables at ``path`` (``("clause",)``, ...).

    An entry ends where the next header that is not one of its own sub-tables
    begins (with that header's comments), or at the end of the text.
    """
    index = index_lines(text)
    offsets = _line_offsets(text)
    lines = text.split("\n")
    headers = index.headers
    blocks = []
    depth = len(path) + 1
    for position, (line, table) in enumerate(headers):
        if len(table) != depth or table[: len(path)] != path or not isinstance(table[-1], int):
            continue
        following = next((n for n, t in headers[position + 1 :] if t[:depth] != table), None)
        start = offsets[_first_comment(lines, line) - 1]
        end = len(text) if following is None else offsets[_first_comment(lines, following) - 1]
        blocks.append(Block(start, end))
    return blocks


def _first_comment(lines: list[str], header: int) -> int:
    """The first line of the comment written just above the header on line ``header`` (1-based)."""
    first = header
    while first > 1:
        above = lines[first - 2].strip()
        if not above.startswith("#") or above.startswith("#:"):  # '#:schema' heads the file
            break
        first -= 1
    return first


def _line_offsets(text: str) -> list[int]:
    offsets = [0]
    position = text.find("\n")
    while position >= 0:
        offsets.append(position + 1)
        position = text.find("\n", position + 1)
    return offsets


def newline_of(text: str) -> str:
    """The line ending a file uses: CRLF if its first line ends so, else LF."""
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def as_block(text: str, newline: str) -> str:
    """``text`` as a block for a file with ``newline`` line endings, ending in one blank line."""
    lines = text.replace("\r\n", "\n").strip("\n").split("\n")
    return newline.join(lines) + newline + newline


def cut(text: str, block: Block) -> str:
    """``text`` without ``block``; where the block ended the file, the file ends in one line break."""
    rest = text[: block.start] + text[block.end :]
    if block.end < len(text):
        return rest
    return _one_final_newline(rest, newline_of(text))


def insert(text: str, at: int, block_text: str) -> str:
    """``text`` with ``block_text`` (from :func:`as_block`) inserted at offset ``at``.

    At the end of the text, the block is separated from what comes before by one
    blank line.
    """
    newline = newline_of(text)
    if at >= len(text.rstrip()):
        head = text.rstrip("\r\n")
        joined = f"{head}{newline}{newline}{block_text}" if head else block_text
        return _one_final_newline(joined, newline)
    return text[:at] + block_text + text[at:]


def _one_final_newline(text: str, newline: str) -> str:
    stripped = text.rstrip("\r\n")
    return f"{stripped}{newline}" if stripped else ""
