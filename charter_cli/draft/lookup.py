"""Find what the user asks for on the command line: a clause, a requirement or an article."""

from __future__ import annotations

import re

from charter_cli.draft.analysis import Analysis
from charter_cli.errors import UnknownIdError
from charter_cli.load.entries import ClauseEntry, RequirementEntry
from charter_cli.suggest import did_you_mean

_ARTICLE = re.compile(r"^(?:art(?:icle)?\.?\s*)?(\d+)$", re.IGNORECASE)


def find_item(analysis: Analysis, item: str) -> ClauseEntry | RequirementEntry:
    """The clause or requirement with this ID, or the clause placed as article ``N``/``Article N``."""
    library = analysis.library
    text = item.strip()
    if text in library.clauses:
        return library.clauses[text]
    if text in library.requirements:
        return library.requirements[text]
    number = _ARTICLE.match(text)
    if number and analysis.draft is not None:
        wanted = int(number.group(1))
        for article in analysis.draft.articles:
            if article.number == wanted:
                return article.entry
        raise UnknownIdError(
            f"there is no Article {wanted}; the draft has {len(analysis.draft.articles)} articles"
        )
    folded = {key.casefold(): key for key in (*library.clauses, *library.requirements)}
    if text.casefold() in folded:
        return find_item(analysis, folded[text.casefold()])
    known = [*library.clauses, *library.requirements]
    raise UnknownIdError(
        f"no clause or requirement has the ID '{text}'",
        hint=_starting_with(text, known)
        or did_you_mean(text, known)
        or "run 'charter list' or 'charter list requirements'",
    )


_SHOWN = 8
"""At most this many IDs are named in a hint."""


def _starting_with(text: str, known: list[str]) -> str | None:
    """A hint naming the IDs that start with ``text``: what was typed is often the first words."""
    found = [name for name in known if name.casefold().startswith(text.casefold())]
    if not text or not found:
        return None
    if len(found) == 1:
        return f"did you mean '{found[0]}'?"
    shown = ", ".join(found[:_SHOWN]) + (
        f" and {len(found) - _SHOWN} more" if len(found) > _SHOWN else ""
    )
    return f"the IDs that start with '{text}': {shown}"
