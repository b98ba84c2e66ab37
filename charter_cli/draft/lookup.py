"""Find what the user asks for on the command line: a clause, a requirement or an article."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from charter_cli.draft.analysis import Analysis
from charter_cli.draft.model import ChapterPart, Draft, TitlePart
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
    known = [*library.clauses, *library.requirements]
    raise UnknownIdError(
        f"no clause or requirement has the ID '{text}'",
        hint=_starting_with(text, known)
        or did_you_mean(text, known)
        or "run 'charter list' or 'charter list requirements'",
    )


@dataclass(frozen=True)
class PartRef:
    """A title of the draft, or one of its chapters, as the user named it."""

    title: TitlePart
    title_index: int
    """Its position among the manifest's ``[[title]]`` tables (from 0)."""
    chapter: ChapterPart | None = None
    chapter_index: int | None = None
    """The chapter's position among its title's ``[[title.chapter]]`` tables (from 0)."""

    @property
    def label(self) -> str:
        """``Title II`` or ``Title II, Chapter 3``."""
        label = f"Title {self.title.numeral}"
        if self.chapter is not None:
            label += f", Chapter {self.chapter.numeral}"
        return label

    @property
    def heading(self) -> str:
        """The part's heading."""
        return self.title.heading if self.chapter is None else self.chapter.heading


_NUMERAL = r"([0-9]+|[IVXLCDM]+)"
_TITLE = re.compile(rf"^(?:title\s*)?{_NUMERAL}$", re.IGNORECASE)
_CHAPTER = re.compile(
    rf"^(?:title\s*)?{_NUMERAL}\s*(?:[.,/]|,?\s*chapter)\s*(?:chapter\s*)?{_NUMERAL}$",
    re.IGNORECASE,
)
_LONE_CHAPTER = re.compile(rf"^chapter\s*{_NUMERAL}$", re.IGNORECASE)


def find_part(draft: Draft, text: str) -> PartRef:
    """The title or chapter named by ``text``.

    Accepted: ``II`` or ``Title II`` (or ``2``); ``II.3``, ``2.3``, ``II/3`` or
    ``Title II, Chapter 3``; ``Chapter 3`` when one title only has a chapter so
    numbered; or a title's or chapter's heading (letter case aside).
    """
    wanted = " ".join(text.split())
    parts = _parts(draft)
    matchers: list[Callable[[PartRef], bool]] = []
    if (match := _TITLE.match(wanted)) is not None:
        number = _number(match.group(1))
        matchers.append(lambda p: p.chapter is None and p.title.number == number)
    elif (match := _CHAPTER.match(wanted)) is not None:
        title, chapter = _number(match.group(1)), _number(match.group(2))
        matchers.append(
            lambda p: (
                p.chapter is not None and p.title.number == title and p.chapter.number == chapter
            )
        )
    elif (match := _LONE_CHAPTER.match(wanted)) is not None:
        chapter = _number(match.group(1))
        matchers.append(lambda p: p.chapter is not None and p.chapter.number == chapter)
    matchers.append(lambda p: p.heading.casefold() == wanted.casefold())
    for matcher in matchers:
        found = [part for part in parts if matcher(part)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise UnknownIdError(
                f"'{text}' names {len(found)} parts: " + ", ".join(part.label for part in found),
                hint="name the title too, as in 'II.3'",
            )
    names = [part.label for part in parts] + [part.heading for part in parts]
    raise UnknownIdError(
        f"the draft has no title or chapter '{text}'",
        hint=did_you_mean(text, names) or "run 'charter outline' to see the titles and chapters",
    )


def _parts(draft: Draft) -> list[PartRef]:
    parts = []
    for t_index, title in enumerate(draft.titles):
        parts.append(PartRef(title, t_index))
        parts += [
            PartRef(title, t_index, chapter, c_index)
            for c_index, chapter in enumerate(title.chapters)
        ]
    return parts


def _number(numeral: str) -> int:
    return int(numeral) if numeral.isdigit() else _from_roman(numeral.upper())


def _from_roman(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for index, char in enumerate(numeral):
        value = values[char]
        following = values[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def find_shown(analysis: Analysis, text: str) -> ClauseEntry | RequirementEntry | PartRef:
    """What ``charter show`` is asked for: a clause, a requirement, an article, a title or a chapter.

    IDs and article numbers come first (``7`` is Article 7); a title or chapter is
    named as :func:`find_part` reads it (``Title III``, ``III.2``, ``Chapter 3``).
    """
    try:
        return find_item(analysis, text)
    except UnknownIdError as error:
        if analysis.draft is None:
            raise
        try:
            return find_part(analysis.draft, text)
        except UnknownIdError:
            raise error from None


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
