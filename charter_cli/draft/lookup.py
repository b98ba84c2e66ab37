"""Find what the user asks for on the command line: a clause, a requirement or an article."""

from __future__ import annotations

import re

from charter_cli.draft.analysis import Analysis
from charter_cli.errors import UnknownIdError
from charter_cli.load.entries import ClauseEntry, RequirementEntry
from charter_cli.suggest import did_you_mean

_ARTICLE = re.compile(r"^(?:art(?:icle)?\.?\s*)?(\d+)([a-z]*)$", re.IGNORECASE)


def find_item(analysis: Analysis, item: str) -> ClauseEntry | RequirementEntry:
    """The clause or requirement with this ID, or the clause placed as article ``N``/``Article N``.

    Under a frozen numbering, ``12a`` finds Article 12a.
    """
    library = analysis.library
    text = item.strip()
    if text in library.clauses:
        return library.clauses[text]
    if text in library.requirements:
        return library.requirements[text]
    number = _ARTICLE.match(text)
    if number and analysis.draft is not None:
        wanted = f"{int(number.group(1))}{number.group(2).lower()}"
        for article in analysis.draft.articles:
            if article.numeral == wanted:
                return article.entry
        raise UnknownIdError(
            f"there is no Article {wanted}; the draft has {len(analysis.draft.articles)} articles"
        )
    folded = {key.casefold(): key for key in (*library.clauses, *library.requirements)}
    if text.casefold() in folded:
        return find_item(analysis, folded[text.casefold()])
    raise UnknownIdError(
        f"no clause or requirement has the ID '{text}'",
        hint=did_you_mean(text, [*library.clauses, *library.requirements])
        or "run 'charter list' or 'charter list requirements'",
    )
