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
