"""Frozen numbering: article numbers that never change once a version is adopted.

``charter freeze`` records every article's number in ``numbering.lock.toml``.
From then on an article named there keeps its number wherever it stands, and an
article inserted later is numbered as the EU treaties number insertions: after
the number of the article before it, with a letter. A new article after Article
12 is Article 12a, the next one 12b; one inserted between 12a and 12b is 12aa;
one inserted before Article 1 is Article 0a (as if after an Article 0). Numbers
never repeat: a number in the lock is never given to another article, even
once its article is gone.

``check`` reports a frozen article that is no longer in the draft (``CH245``)
and numbers that no longer run in order, because a frozen article was moved
or the lock was edited by hand (``CH247``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from string import ascii_lowercase

from charter_cli.draft.model import Article, Draft
from charter_cli.draft.numbering import letter
from charter_cli.findings import Finding
from charter_cli.load.amendments import Frozen
from charter_cli.load.documents import Document


def order_key(numeral: str) -> tuple[int, str]:
    """How numbers sort: by their digits, then their letters (``12`` < ``12a`` < ``12aa`` < ``12b``)."""
    digits = numeral.rstrip(ascii_lowercase)
    return int(digits or 0), numeral[len(digits) :]


def frozen_numerals(order: Sequence[str], lock: Mapping[str, str]) -> list[str]:
    """The number of each article (clause IDs in draft order) under the frozen numbers ``lock``."""
    used = set(lock.values())
    upper: list[str | None] = [None] * len(order)
    following: str | None = None
    for index in range(len(order) - 1, -1, -1):
        upper[index] = following
        if order[index] in lock:
            following = lock[order[index]]
    numerals: list[str] = []
    previous = "0"
    for index, clause in enumerate(order):
        numeral = lock.get(clause)
        if numeral is None:
            numeral = _between(previous, upper[index], used)
            used.add(numeral)
        numerals.append(numeral)
        previous = numeral
    return numerals


def _between(low: str, high: str | None, used: set[str]) -> str:
    """The first free number after ``low`` and before ``high``: a sibling (12b), else a child (12aa)."""
    fallback = None
    for candidate in _candidates(low):
        if candidate in used or order_key(candidate) <= order_key(low):
            continue
        if high is None or order_key(candidate) < order_key(high):
            return candidate
        fallback = fallback or candidate
    if fallback is not None:  # no number fits in order: keep it unique; CH247 says why
        return fallback
    return next(f"{low}{letter(i)}" for i in range(10**6) if f"{low}{letter(i)}" not in used)


def _candidates(low: str) -> Iterator[str]:
    suffix = order_key(low)[1]
    if suffix:
        stem = low[:-1]
        yield from (stem + char for char in ascii_lowercase if char > suffix[-1])
    yield from (low + char for char in ascii_lowercase)
    yield from (low + first + second for first in ascii_lowercase for second in ascii_lowercase)


def apply_frozen(articles: Sequence[Article], lock: Mapping[str, str]) -> None:
    """Give each article of a draft being assembled its number under the frozen numbering."""
    numerals = frozen_numerals([article.entry.id for article in articles], lock)
    for article, numeral in zip(articles, numerals, strict=True):
        object.__setattr__(article, "frozen", numeral)  # the draft is not yet handed out


def frozen_findings(draft: Draft, frozen: Frozen) -> list[Finding]:
    """``CH245`` for every frozen article no longer in the draft; ``CH247`` for numbers out of order."""
    if frozen.lock is None:
        return []
    lock, doc = frozen.lock.article, frozen.doc
    articles = {article.entry.id: article for article in draft.articles}
    findings = []
    for clause, numeral in lock.items():
        if clause not in articles:
            findings.append(
                doc.finding(
                    "CH245",
                    f"Article {numeral} of the frozen numbering (clause '{clause}') is no longer "
                    "an article of the draft",
                    ("article", clause),
                    hint=f"restore the article, or run 'charter freeze' to record that Article "
                    f"{numeral} is deleted (its number is never given again)",
                )
            )
    holders: dict[str, str] = {}
    for clause, numeral in lock.items():
        other = holders.setdefault(numeral, clause)
        if other != clause:
            findings.append(
                doc.finding(
                    "CH247",
                    f"Article {numeral} is frozen for two clauses, '{other}' and '{clause}'",
                    ("article", clause),
                    hint="run 'charter freeze' again; the lock is written by the tool",
                )
            )
    findings += _out_of_order(draft.articles, doc)
    return findings


def _out_of_order(articles: Sequence[Article], doc: Document) -> Iterator[Finding]:
    """Frozen articles whose number is lower than the one before them (an inserted one never is)."""
    previous: Article | None = None
    for article in articles:
        if previous is not None and order_key(article.numeral) < order_key(previous.numeral):
            yield doc.finding(
                "CH247",
                f"Article {article.numeral} (clause '{article.entry.id}') stands after Article "
                f"{previous.numeral}: a frozen article keeps its number wherever it is moved",
                ("article", article.entry.id),
                hint="move it back, or once the new order is adopted run 'charter freeze --renumber'",
            )
        previous = article
