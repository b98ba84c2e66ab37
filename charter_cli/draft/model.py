"""The assembled draft: the manifest's structure with numbered articles and recitals.

Plain frozen values: renderers, reports and views read them; nothing here
reads files or reports problems.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from charter_cli.load.entries import ClauseEntry
from charter_cli.load.includes import Entry
from charter_cli.models.manifest import CharterInfo, Party


@dataclass(frozen=True, slots=True)
class Article:
    """A clause placed as a numbered article."""

    number: int
    entry: ClauseEntry
    where: str
    """The part holding it, e.g. ``Title II, Chapter 1``."""

    @property
    def label(self) -> str:
        """How the draft names it: ``Article 7``."""
        return f"Article {self.number}"


@dataclass(frozen=True, slots=True)
class Recital:
    """A clause placed in the preamble."""

    number: int
    entry: ClauseEntry

    @property
    def label(self) -> str:
        """How listings name it: ``Recital 2``."""
        return f"Recital {self.number}"


Placement = Article | Recital


@dataclass(frozen=True, slots=True)
class ChapterPart:
    """A numbered chapter and its articles."""

    number: int
    heading: str
    articles: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class TitlePart:
    """A numbered title, its own articles and its chapters."""

    number: int
    heading: str
    articles: tuple[Article, ...]
    chapters: tuple[ChapterPart, ...]

    @property
    def numeral(self) -> str:
        """The title's number in Roman numerals."""
        return roman(self.number)


@dataclass(frozen=True, slots=True)
class PreamblePart:
    """The preamble: opening words, recitals, closing words."""

    heading: str
    opening: str | None
    recitals: tuple[Recital, ...]
    closing: str | None


@dataclass(frozen=True, slots=True)
class IncludeUse:
    """What one ``include`` entry of the manifest placed, for the placement checks."""

    entry: Entry
    matched: bool
    """Whether it names a module or clause that exists (placed now or earlier)."""
    placed: tuple[str, ...]
    """IDs of the clauses it placed."""
    repeated: tuple[tuple[str, Placement], ...]
    """Clauses it drew that were already placed, with where they already stand."""


@dataclass(frozen=True)
class Draft:
    """The assembled, numbered charter."""

    charter: CharterInfo
    parties: tuple[Party, ...]
    preamble: PreamblePart | None
    titles: tuple[TitlePart, ...]
    placements: Mapping[str, Placement] = field(default_factory=dict)
    """Where each placed clause went, by clause ID, in draft order."""
    uses: tuple[IncludeUse, ...] = ()
    """What each include entry placed, in manifest order."""

    @property
    def articles(self) -> list[Article]:
        """Every article in order."""
        return [p for p in self.placements.values() if isinstance(p, Article)]

    @property
    def recitals(self) -> list[Recital]:
        """Every recital in order."""
        return [p for p in self.placements.values() if isinstance(p, Recital)]


def roman(number: int) -> str:
    """Write a positive integer in Roman numerals."""
    numerals = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )  # fmt: skip
    out = []
    for value, letters in numerals:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)
