"""Text written into Markdown so that every reader shows it as typed, in mdformat's own form.

A title such as ``Rules for *all* [Parties]`` or a text holding a backtick must
appear literally, not as emphasis, a link or code. Escaping every ASCII
punctuation mark would do that, but ``mdformat`` (what many repositories run on
their Markdown) would rewrite the file, since it escapes only where a character
could start something. The functions here escape exactly as mdformat does, so
that a draft is already in its canonical form: :func:`escape_run` for one run of
text between two pieces of markup, :func:`escape_line_start` for the start of a
line of a paragraph (``1.``, ``-``, ``#``, ``>``).
"""

from __future__ import annotations

import html.entities
import re
import unicodedata
from collections.abc import Callable
from functools import cache

_NEEDS_WORK = re.compile(r"[\\*_\[\]<`&!\t]")
"""A character that escaping may change (besides a run of spaces); most runs have none."""
_BRACKET = re.compile(r"[\[\]]")
_SPACES = re.compile(r" {2,}")
_LESS_THAN = re.compile(r"<(?:[^ ]|$)")
_HEADING = re.compile(r"#{1,6}(?: |\t|$)")
_BULLET = re.compile(r"[-*+](?: |\t|$)")
_ORDERED = re.compile(r"[0-9]+([.)])(?: |\t|$)")
_WHITESPACE = frozenset("\t\n\f\r")


@cache
def _char_reference() -> re.Pattern[str]:
    """``&#123;``, ``&#x1f;`` or ``&name;``: what Markdown reads as a character reference."""
    names = sorted({name.rstrip(";") for name in html.entities.html5}, key=len, reverse=True)
    return re.compile(r"&(?:#[0-9]{1,7}|#[Xx][0-9A-Fa-f]{1,6}|" + "|".join(names) + ");")


def _is_whitespace(char: str | None) -> bool:
    return char is not None and (char in _WHITESPACE or unicodedata.category(char) == "Zs")


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def escape_run(text: str, *, before_link: bool = False) -> str:
    """One run of literal text (no line break) as mdformat writes it.

    Runs of spaces become one (Markdown shows one anyway); ``before_link`` says
    that a link follows, so a final ``!`` must not turn it into an image.
    """
    if "  " not in text and _NEEDS_WORK.search(text) is None:
        return text
    text = _SPACES.sub(" ", text.replace("\t", " "))
    text = text.replace("\\", "\\\\")
    if "*" in text:
        text = _asterisks(text)
    if "_" in text:
        text = _underscores(text)
    if "[" in text or "]" in text:
        text = _square_brackets(text)
    text = _LESS_THAN.sub(r"\\\g<0>", text)
    text = text.replace("`", "\\`")
    if "&" in text:
        text = _char_reference().sub(r"\\\g<0>", text)
    if before_link and text.endswith("!"):
        text = text[:-1] + "\\!"
    return text


def _asterisks(text: str) -> str:
    """Every ``*`` escaped unless white space stands on both sides of it."""
    return _escape_where(
        text, "*", lambda before, after: _is_whitespace(before) and _is_whitespace(after)
    )


def _underscores(text: str) -> str:
    """Every ``_`` escaped unless inside a word, or with white space on both sides."""

    def kept(before: str | None, after: str | None) -> bool:
        inside = all(
            c is not None and not _is_whitespace(c) and not _is_punctuation(c)
            for c in (before, after)
        )
        return inside or (_is_whitespace(before) and _is_whitespace(after))

    return _escape_where(text, "_", kept)


def _escape_where(text: str, char: str, kept: Callable[[str | None, str | None], bool]) -> str:
    """``text`` with a backslash before each ``char`` that ``kept(before, after)`` does not keep."""
    pieces, last, index = [], 0, text.find(char)
    while index >= 0:
        before = text[index - 1] if index else None
        after = text[index + 1] if index + 1 < len(text) else None
        if not kept(before, after):
            pieces.append(text[last:index])
            last = index
        index = text.find(char, index + 1)
    pieces.append(text[last:])
    return "\\".join(pieces)


def _square_brackets(text: str) -> str:
    """Brackets escaped unless a pair encloses no other bracket and is followed by neither ``:`` nor ``(``."""
    escape: list[int] = []
    opened: int | None = None
    for match in _BRACKET.finditer(text):
        index = match.start()
        if match.group() == "[":
            if opened is not None:
                escape.append(opened)
            opened = index
        elif opened is None:
            escape.append(index)
        elif text[index + 1 : index + 2] in {":", "("}:
            escape += [opened, index]
            opened = None
        else:
            opened = None
    if opened is not None:
        escape.append(opened)
    if not escape:
        return text
    pieces, last = [], 0
    for index in sorted(escape):
        pieces.append(text[last:index])
        last = index
    pieces.append(text[last:])
    return "\\".join(pieces)


def escape_line_start(line: str) -> str:
    """A line of a paragraph, stripped, escaped where its start would open a block."""
    line = line.strip()
    if not line or line[0].isalpha():  # most lines: no block starts with a letter
        return line
    first = line[0]
    if (first == "#" and _HEADING.match(line)) or first == ">" or _BULLET.match(line):
        line = f"\\{line}"
    elif first.isdigit():
        ordered = _ORDERED.match(line)
        if ordered is not None:
            line = f"{line[: ordered.start(1)]}\\{line[ordered.start(1) :]}"
    if first in "-_*=" and not line.replace(first, "").strip(" \t"):
        line = _rule_or_underline(line)  # a line of one of those characters (and spaces) only
    return line


def _rule_or_underline(line: str) -> str:
    """A line of only ``-``, ``*`` or ``_`` (a rule) or only ``=`` or ``-`` (a heading's underline)."""
    bare = line.replace(" ", "").replace("\t", "")
    if len(bare) >= 3:
        for char in "-_":
            if all(c == char for c in bare):
                line = line.replace(char, f"\\{char}", 1)
    stripped = line.strip(" \t")
    if all(c == "-" for c in stripped):
        line = line.replace("-", "\\-", 1)
    elif all(c == "=" for c in stripped):
        line = line.replace("=", "\\=", 1)
    return line


def escape_heading_end(text: str) -> str:
    """A heading's text whose last ``#`` would otherwise be taken for a closing sequence."""
    return f"{text[:-1]}\\#" if text.endswith("#") else text
