"""The syntax the tool reads inside clause texts.

* ``[[clause-id]]`` refers to an article; ``[[clause-id#p2]]`` to one of its paragraphs
  and ``[[clause-id#p2.a]]`` to a point of it (by their stable IDs).
* ``{name}`` marks contested words: the options of ``name`` are in the paragraph's
  ``bracket`` table. ``{{`` and ``}}`` stand for a literal brace.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

REFERENCE = re.compile(r"\[\[([^\[\]\s#]+)(?:#([^\[\]\s.#]+)(?:\.([^\[\]\s.#]+))?)?\]\]")
"""A cross-reference: group 1 the clause ID, group 2 a paragraph ID, group 3 a point ID."""

_BRACES = re.compile(r"\{\{|\}\}|\{([a-z0-9]+(?:-[a-z0-9]+)*)\}|[{}]")
"""An escaped brace, a placeholder ``{name}``, or a lone brace."""


def references(text: str) -> Iterator[re.Match[str]]:
    """Every ``[[clause-id]]``, ``[[clause-id#paragraph]]`` or ``[[clause-id#p.point]]``."""
    return REFERENCE.finditer(text)


@dataclass(frozen=True, slots=True)
class Placeholder:
    """``{name}`` in a text: the place of a contested passage."""

    name: str
    offset: int
    """Where it stands in the text."""


def segments(text: str) -> list[str | Placeholder]:
    """The text cut at its placeholders: plain stretches (braces unescaped) and placeholders.

    A lone brace is kept as it is (:func:`lone_braces` reports it).
    """
    if "{" not in text and "}" not in text:
        return [text]
    out: list[str | Placeholder] = []
    plain: list[str] = []
    last = 0
    for match in _BRACES.finditer(text):
        plain.append(text[last : match.start()])
        last = match.end()
        token = match.group(0)
        if match.group(1) is not None:
            out.append("".join(plain))
            plain = []
            out.append(Placeholder(match.group(1), match.start()))
        else:
            plain.append(token[0])  # "{{" -> "{", "}}" -> "}", a lone brace as it is
    plain.append(text[last:])
    out.append("".join(plain))
    return [part for part in out if part != ""]


def placeholders(text: str) -> list[Placeholder]:
    """Every ``{name}`` of a text, in order."""
    return [part for part in segments(text) if isinstance(part, Placeholder)]


def lone_braces(text: str) -> list[int]:
    """The offsets of braces that open or close nothing (neither ``{name}`` nor ``{{``/``}}``)."""
    if "{" not in text and "}" not in text:
        return []
    return [m.start() for m in _BRACES.finditer(text) if m.group(0) in ("{", "}")]


_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_ITEM = re.compile(r"(?:([-*+])|([0-9]{1,9})[.)])[ \t]+(?=\S)")
"""A line that starts a list item: ``- ``, ``* ``, ``+ ``, ``1. `` or ``1) ``."""


@dataclass(frozen=True, slots=True)
class TextBlock:
    """A block of a clause text: a paragraph, or a list and its items."""

    parts: tuple[str, ...]
    """The paragraph's text, or the text of each item; lines joined by ``\\n``."""
    list_kind: str = ""
    """Empty for a paragraph; ``bullets`` or ``numbers`` for a list."""
    start: int = 1
    """The number of the first item of a numbered list."""


def text_blocks(text: str) -> list[TextBlock]:
    """The blocks of a text: blank lines separate paragraphs; lines opening with ``-`` or ``1.`` are items.

    Nothing else in a text is markup: the draft shows it as it is typed (a marker
    with no words after it too). Line
    ends are normalised, and each line is stripped of the space around it.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[TextBlock] = []
    for chunk in _BLANK_LINES.split(text.strip()):
        if chunk.strip():
            blocks += _chunk_blocks([line.strip() for line in chunk.split("\n") if line.strip()])
    return blocks


def starts_item(line: str) -> bool:
    """Whether a (stripped) line opens a list item."""
    return line[:1] in _ITEM_STARTS and _ITEM.match(line) is not None


_ITEM_STARTS = frozenset("-*+0123456789")


def _chunk_blocks(lines: list[str]) -> list[TextBlock]:
    if not any(starts_item(line) for line in lines):
        return [TextBlock(("\n".join(lines),))]
    blocks: list[TextBlock] = []
    paragraph: list[str] = []
    items: list[list[str]] = []
    kind, start = "", 1
    for line in lines:
        item = _ITEM.match(line)
        if item is not None:
            this = "bullets" if item.group(1) else "numbers"
            if paragraph:
                blocks.append(TextBlock(("\n".join(paragraph),)))
                paragraph = []
            if items and this != kind:
                blocks.append(TextBlock(tuple("\n".join(i) for i in items), kind, start))
                items = []
            if not items:
                kind, start = this, int(item.group(2) or 1)
            items.append([line[item.end() :].strip()])
        elif items:
            items[-1].append(line)
        else:
            paragraph.append(line)
    if paragraph:
        blocks.append(TextBlock(("\n".join(paragraph),)))
    if items:
        blocks.append(TextBlock(tuple("\n".join(i) for i in items), kind, start))
    return blocks
