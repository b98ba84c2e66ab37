"""Keep clause texts from breaking the structure of the draft.

A clause text holds paragraphs and lists. Headings, HTML, horizontal rules,
code blocks and link or footnote definitions would change the numbered
structure the draft builds around it (a ``# heading`` would become a title of
its own), so they are reported. Texts are parsed with markdown-it-py, as a
CommonMark renderer would read them, but only when a cheap scan finds a line
that could hold such a construct; ordinary clause texts never pay for a parse.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

_LINE_START = re.compile(r"\n(?: {0,3}[#<\[`~*_=-]|(?: {4}|\t)\S)")
"""A line that could open a heading, HTML, a rule, a code block or a definition."""
_TAG = re.compile(r"<[A-Za-z/!?]")
"""Where inline HTML could start; 'a < b' cannot."""
_DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:", re.MULTILINE)
_FOOTNOTE = re.compile(r"^ {0,3}\[(\^[^\]\s]+)\]:", re.MULTILINE)
"""A footnote definition as GitHub and pandoc read it, whatever CommonMark makes of it."""

_BLOCKS = {
    "heading_open": "a heading (a line starting with '#', or underlined with '=' or '-')",
    "html_block": "an HTML block",
    "hr": "a horizontal rule ('---', '***' or '___')",
    "code_block": "a code block (a line indented by four spaces or a tab)",
    "fence": "a code block (``` or ~~~)",
}


def might_break_structure(text: str) -> bool:
    """Whether ``text`` has a line that could open a construct that breaks the draft (cheap)."""
    return "<" in text or _LINE_START.search("\n" + text) is not None


def structure_problems(text: str) -> list[tuple[int, str]]:
    """Each construct in ``text`` that would break the draft: (character offset, what it is)."""
    if not might_break_structure(text):
        return []
    from markdown_it import MarkdownIt

    environment: dict[str, object] = {}
    parser = MarkdownIt("commonmark")
    parser.disable("inline")  # only inline HTML is looked for, and only where a '<' is
    tokens = parser.parse(text, environment)
    starts = _line_starts(text)
    problems: list[tuple[int, str]] = []
    for token in tokens:
        first, last = token.map if token.map else (0, 1)
        if token.type == "heading_open" and token.markup in {"=", "-"}:
            problems.append((starts[last - 1], _BLOCKS[token.type]))  # the underline
        elif token.type in _BLOCKS:
            problems.append((starts[first], _BLOCKS[token.type]))
        elif token.type == "inline" and _TAG.search(token.content):
            cursor = starts[first]
            children: list[Token] = []
            parser.inline.parse(token.content, parser, environment, children)
            for child in children:
                if child.type == "html_inline":
                    found = text.find(child.content, cursor)
                    found = cursor if found < 0 else found
                    cursor = found + 1
                    line_start = max(text.rfind("\n", 0, found), text.rfind("\r", 0, found)) + 1
                    problems.append((line_start, "inline HTML (a <tag>)"))  # one per line
    if environment.get("references"):
        problems.extend(
            (match.start(), f"a link definition ('[{match.group(1)}]: ...')")
            for match in _DEFINITION.finditer(text)
            if not match.group(1).startswith("^")
        )
    problems.extend(
        (match.start(), f"a footnote definition ('[{match.group(1)}]: ...')")
        for match in _FOOTNOTE.finditer(text)
    )
    return sorted(set(problems))


_NEWLINE = re.compile(r"\r\n?|\n")
"""A line break as markdown-it counts lines: LF, CRLF or a lone CR."""


def _line_starts(text: str) -> list[int]:
    return [0, *(match.end() for match in _NEWLINE.finditer(text))]
