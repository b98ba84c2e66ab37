"""Characters that make text read differently from what it is: ``CH230``, and look-alike hints.

A right-to-left override can make ``000,001`` display as ``100,000``; a
zero-width space makes ``objectives`` and ``obj<ZWSP>ectives`` two IDs that look
the same; a byte-order mark pasted into the middle of a file is invisible in
every editor. None of them has a place in the charter's files, so every TOML
file of the library is scanned once, as text, and each one is reported at its
line, with the line shown escaped so the reader sees where it is. Findings
show such characters escaped anyway (:func:`~charter_cli.findings.printable`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from charter_cli.findings import INVISIBLE, Finding, printable
from charter_cli.load.documents import Document

_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

MAX_PER_FILE = 100
"""At most this many ``CH230`` findings per file; the rest are counted in one more finding."""


def check_invisible(documents: Iterable[Document]) -> list[Finding]:
    """``CH230`` for every bidirectional control or zero-width character in the files."""
    return [finding for doc in documents for finding in invisible_in(doc.text, doc.rel)]


def invisible_in(text: str, rel: str, *, first_line: int = 1) -> Iterator[Finding]:
    """``CH230`` for each invisible character of ``text`` (the text of the file ``rel``)."""
    if not _INVISIBLE.search(text):
        return
    line, last = first_line, 0
    matches = _INVISIBLE.finditer(text)
    for count, match in enumerate(matches):
        if count == MAX_PER_FILE:
            rest = 1 + sum(1 for _ in matches)
            yield Finding(
                "CH230", f"and {rest} more invisible character(s) in this file", rel, line
            )
            return
        line += text.count("\n", last, match.start())
        last = match.start()
        start = text.rfind("\n", 0, match.start()) + 1
        column = match.start() - start + 1
        yield Finding(
            "CH230",
            f"{describe(match.group())} at column {column}: {_excerpt(text, start, match.start())}",
            rel,
            line,
            hint=_hint(match.group()),
        )


def invisible_in_path(rel: str) -> Finding | None:
    """``CH230`` if the path of a file of the library holds an invisible character."""
    match = _INVISIBLE.search(rel)
    if match is None:
        return None
    return Finding(
        "CH230",
        f"the file name holds {describe(match.group())}",
        rel,
        hint="rename the file: a name with an invisible character looks like another name",
    )


def describe(char: str) -> str:
    """``U+202E (RIGHT-TO-LEFT OVERRIDE)``, with what kind of character it is."""
    name = unicodedata.name(char, "")
    if char == "\ufeff":
        name = "BYTE ORDER MARK / ZERO WIDTH NO-BREAK SPACE"
    kind = "a bidirectional control" if char in _BIDI else "an invisible character"
    return f"{kind} U+{ord(char):04X} ({name})" if name else f"{kind} U+{ord(char):04X}"


def _excerpt(text: str, line_start: int, at: int) -> str:
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    low, high = max(line_start, at - 30), min(end, at + 30)
    shown = printable(text[low:high].rstrip("\r"))
    return f"'{'...' if low > line_start else ''}{shown}{'...' if high < end else ''}'"


def _hint(char: str) -> str:
    if char in _BIDI:
        return "remove it: it makes the text display in another order than it reads"
    if char == "\ufeff":
        return "remove it: a byte-order mark belongs only at the very start of a file, if at all"
    return "remove it: it makes two IDs, paths or words that look the same differ"


def lookalike_hint(name: str) -> str | None:
    """For an ID that is not ASCII: which character is not what it looks like."""
    for position, char in enumerate(name, start=1):
        if not char.isascii():
            label = unicodedata.name(char, f"U+{ord(char):04X}")
            return (
                f"character {position} is {label} (U+{ord(char):04X}), not an ASCII letter: "
                "IDs are plain ASCII, so this is a look-alike; retype it"
            )
    return None
