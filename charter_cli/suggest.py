"""The one "did you mean": the closest known name to a mistyped one, with one cut-off."""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher

CUTOFF = 0.75
"""How alike (difflib's ratio, 0 to 1) a known name must be to be suggested.

Below it, suggestions turn into noise: "national" is 0.63 like "regional", and
"council.toml" 0.62 like "committee.toml".
"""


def likeness(name: str, other: str) -> float:
    """How alike two names are, 0 to 1.

    Paths are alike when each of their parts is: a shared folder must not make
    two different file names look alike.
    """
    if "/" in name or "/" in other:
        parts, others = name.split("/"), other.split("/")
        if len(parts) != len(others):
            return 0.0
        return min(SequenceMatcher(None, a, b).ratio() for a, b in zip(parts, others, strict=True))
    return SequenceMatcher(None, name, other).ratio()


def closest(name: str, known: Iterable[str]) -> str | None:
    """The known name most like ``name``, or ``None`` if none is alike enough.

    A name that stands whole inside a longer one, between separators, comes
    first: ``secretariat`` in ``committee-secretariat``, ``GRA-4.2-terrorism`` in
    ``GRA-4.2-terrorism-intelligence`` (rather than the merely similar
    ``GRA-3-terrorism``). Otherwise the most alike name whose :func:`likeness`
    reaches :data:`CUTOFF`.
    """
    matcher = SequenceMatcher(None, "", name)
    whole = re.compile(rf"(?:^|[-._/]){re.escape(name)}(?:$|[-._/])") if name else None
    best, best_score = None, CUTOFF
    for candidate in known:
        matcher.set_seq1(candidate)
        if whole is not None and whole.search(candidate):
            score = 1 + likeness(candidate, name)  # before any merely similar name
        elif matcher.real_quick_ratio() < best_score or matcher.quick_ratio() < best_score:
            continue
        else:
            score = likeness(candidate, name)
        if score > best_score or (score == best_score and best is None):
            best, best_score = candidate, score
    return best


def did_you_mean(name: str, known: Iterable[str]) -> str | None:
    """A hint ``did you mean 'x'?`` for a mistyped name, or ``None`` if nothing is close."""
    guess = closest(name, known)
    return None if guess is None else f"did you mean '{guess}'?"
