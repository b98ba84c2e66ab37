"""The shape of the draft: its titles, chapters, articles and recitals, with what stands open."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from charter_cli.draft.model import Article, Draft, Recital
from charter_cli.vocabulary import Status


@dataclass(frozen=True)
class Line:
    """One article or recital of the outline."""

    label: str
    """``Article 12`` or ``Recital 3``."""
    id: str
    title: str
    status: Status
    open_parts: int
    """Brackets, alternatives and proposed paragraphs still open in it."""
    reservations: int
    proposed_by: str


@dataclass(frozen=True)
class Part:
    """A title or a chapter, and what it holds."""

    label: str
    """``Title II`` or ``Chapter 3``."""
    heading: str
    lines: tuple[Line, ...]
    parts: tuple[Part, ...] = ()

    @property
    def articles(self) -> int:
        """How many articles the part holds, its chapters' included."""
        return len(self.lines) + sum(part.articles for part in self.parts)


@dataclass(frozen=True)
class Outline:
    """The draft's shape, and its counts."""

    title: str
    version: str
    preamble: Part | None
    titles: tuple[Part, ...]
    statuses: tuple[tuple[Status, int], ...]
    """How many articles have each status, in the order proposed, bracketed, agreed."""

    @property
    def articles(self) -> int:
        """How many articles the draft has."""
        return sum(part.articles for part in self.titles)

    @property
    def chapters(self) -> int:
        """How many chapters the draft has."""
        return sum(len(part.parts) for part in self.titles)


def outline(draft: Draft) -> Outline:
    """The outline of a draft."""
    preamble = None
    if draft.preamble is not None:
        recitals = tuple(_line(recital) for recital in draft.preamble.recitals)
        preamble = Part("Preamble", draft.preamble.heading, recitals)
    titles = tuple(
        Part(
            f"Title {title.numeral}",
            title.heading,
            tuple(_line(article) for article in title.articles),
            tuple(
                Part(
                    f"Chapter {chapter.numeral}",
                    chapter.heading,
                    tuple(_line(a) for a in chapter.articles),
                )
                for chapter in title.chapters
            ),
        )
        for title in draft.titles
    )
    counts = Counter(
        p.entry.standing.status for p in draft.placements.values() if isinstance(p, Article)
    )
    statuses = tuple((status, counts[status]) for status in Status if counts[status])
    return Outline(draft.charter.title, draft.charter.version, preamble, titles, statuses)


def _line(placement: Article | Recital) -> Line:
    entry = placement.entry
    standing = entry.standing
    return Line(
        placement.label,
        entry.id,
        entry.clause.title,
        standing.status,
        standing.open_parts,
        len(entry.clause.reservation),
        entry.clause.proposed_by,
    )
