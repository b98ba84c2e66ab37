"""The anchors Markdown readers give headings, so that a draft's links land where they point.

A Markdown draft cannot carry its own anchors without raw HTML, which many
readers drop or show as text. Every reader that matters derives an anchor from
a heading's text instead: GitHub (``github-slugger``), pandoc and markdown-it-py's
anchors plugin. Their rules differ on punctuation, runs of spaces and letters of
recent Unicode versions, but agree on headings such as ``Article 7``,
``Chapter 2`` or ``Title IV``: that is why the draft's headings hold the number
alone and the name goes on the line below. :class:`Slugger` applies GitHub's
rule, including the ``-1``, ``-2`` suffixes of repeated headings, in document
order.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_KEPT = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "Pc"})
"""Unicode categories a slug keeps: letters, marks, decimal and letter numbers, ``_``."""


@lru_cache(maxsize=4096)
def slug(text: str) -> str:
    """GitHub's anchor for a heading: lower case, only letters, digits, ``_`` and ``-``, spaces to ``-``."""
    lowered = text.lower()
    if lowered.isascii():
        kept = "".join(c for c in lowered if c.isalnum() or c in " -_")
    else:
        kept = "".join(c for c in lowered if c in " -" or unicodedata.category(c) in _KEPT)
    return kept.replace(" ", "-")


class Slugger:
    """Anchors for the headings of one document, given in document order, repeated ones numbered."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def __call__(self, heading: str) -> str:
        """The anchor of the next heading: its slug, or the slug with ``-1``, ``-2``, ... if taken."""
        base = slug(heading)
        result = base
        while result in self._seen:
            self._seen[base] += 1
            result = f"{base}-{self._seen[base]}"
        self._seen[result] = 0
        return result
