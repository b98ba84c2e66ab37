"""The assembled draft: the manifest's structure with numbered articles and recitals.

Plain frozen values: renderers, reports and views read them; nothing here
reads files or reports problems.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from charter_cli.draft.numbering import citation
from charter_cli.load.entries import ClauseEntry
from charter_cli.load.includes import Entry
from charter_cli.models.manifest import CharterInfo, Numbering, Party


@dataclass(frozen=True, slots=True)
class Article:
    """A clause placed as a numbered article."""

    number: int
    """Its place among the articles: 1, 2, ... in draft order."""
    entry: ClauseEntry
    where: str
    """The part holding it, e.g. ``Title II, Chapter 1``."""
    frozen: str | None = None
    """Its number under a frozen numbering (``12`` or ``12a``), when the project has one."""

    @property
    def numeral(self) -> str:
        """Its number as the draft shows it: ``7``, or under a frozen numbering ``12a``."""
        return self.frozen if self.frozen is not None else str(self.number)

    @property
    def label(self) -> str:
        """How the draft names it: ``Article 7``."""
        return f"Article {self.numeral}"

    def paragraph_number(self, paragraph: str) -> int | None:
        """The display number of one of its paragraphs (by ID), or ``None``."""
        for number, found in enumerate(self.entry.paragraphs, start=1):
            if found.id == paragraph:
                return number
        return None

    def cite(self, paragraph: str | None = None, point: str | None = None) -> str:
        """How the text cites the article, one of its paragraphs or a point: ``Article 7(2)(a)``."""
        if paragraph is None:
            return self.label
        number = self.paragraph_number(paragraph)
        if number is None:
            return self.label
        found = self.entry.paragraphs[number - 1]
        index = next((i for i, p in enumerate(found.point) if p.id == point), None)
        return citation(self.numeral, number, index)


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
    """Its number: within its title, or across the charter, as the manifest says."""
    numeral: str
    """Its number as displayed: ``3`` or ``III``."""
    heading: str
    articles: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class TitlePart:
    """A numbered title, its own articles and its chapters."""

    numeral: str
    """Its number as displayed: ``II`` or ``2``."""
    number: int
    heading: str
    articles: tuple[Article, ...]
    chapters: tuple[ChapterPart, ...]


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


STALE_MARK = "†"
"""Marks a translated text made from an earlier original."""
MISSING_MARK = "‡"
"""Marks a text not yet translated, shown in the original."""


@dataclass(frozen=True)
class Translated:
    """What a draft in another language than the original says about its translation."""

    language: str
    original: str
    """The language of the original."""
    current: int
    stale: int
    missing: int
    """How many units of the library are current, stale or missing in the language."""
    fingerprint: str
    """``sha256:<hex>`` of the language's translation files."""
    marks: Mapping[str, tuple[tuple[str | None, str], ...]] = field(default_factory=dict)
    """By clause ID: the paragraphs (``None``: the clause's title or a note on it) holding a
    stale (``STALE_MARK``) or untranslated (``MISSING_MARK``) text."""


@dataclass(frozen=True)
class Draft:
    """The assembled, numbered charter."""

    charter: CharterInfo
    parties: tuple[Party, ...]
    preamble: PreamblePart | None
    titles: tuple[TitlePart, ...]
    numbering: Numbering = field(default_factory=Numbering)
    """How titles, chapters, paragraphs and points are numbered."""
    placements: Mapping[str, Placement] = field(default_factory=dict)
    """Where each placed clause went, by clause ID, in draft order."""
    uses: tuple[IncludeUse, ...] = ()
    """What each include entry placed, in manifest order."""
    translated: Translated | None = None
    """For a draft in another language than the original: the state of its translation."""

    @property
    def articles(self) -> list[Article]:
        """Every article in order."""
        return [p for p in self.placements.values() if isinstance(p, Article)]

    @property
    def recitals(self) -> list[Recital]:
        """Every recital in order."""
        return [p for p in self.placements.values() if isinstance(p, Recital)]
