"""Assemble stage: place the library's clauses into the manifest's structure and number them.

The preamble's clauses become recitals; every other placed clause becomes an
article, numbered from 1 across the whole charter in manifest order. Titles are
numbered I, II, ... and chapters from 1 within their title. Assembly reports
manifest entries that match nothing (``CH206``), clauses placed twice
(``CH207``), clauses placed nowhere (``CH208``) and references to clauses that
are not articles (``CH209``).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from charter_cli.diagnostics import Finding
from charter_cli.documents import Document
from charter_cli.globs import is_module_entry, match_paths, nfc
from charter_cli.integrity import references, suggest
from charter_cli.library import ClauseEntry, Library, LoadedModule, match_modules
from charter_cli.models.manifest import CharterInfo, Manifest, Party
from charter_cli.tomlmap import Path as KeyPath


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


@dataclass(frozen=True)
class Draft:
    """The assembled, numbered charter."""

    charter: CharterInfo
    parties: tuple[Party, ...]
    preamble: PreamblePart | None
    titles: tuple[TitlePart, ...]
    placements: dict[str, Placement] = field(default_factory=dict)
    """Where each placed clause went, by clause ID."""

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


@dataclass
class _Assembler:
    library: Library
    doc: Document
    findings: list[Finding] = field(default_factory=list)
    placements: dict[str, Placement] = field(default_factory=dict)
    articles: int = 0
    by_path: dict[str, LoadedModule] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_path = {nfc(module.rel): module for module in self.library.modules}

    def resolve(self, entry: str, loc: KeyPath) -> list[ClauseEntry]:
        """The clauses an ``include`` entry draws, in order."""
        if not is_module_entry(entry):
            clause = self.library.clauses.get(entry)
            if clause is None and entry not in self.library.broken_ids:
                hint = suggest(entry, self.library.clauses) or (
                    "module entries are paths ending in .toml, relative to the project root"
                )
                self.findings.append(
                    self.doc.finding("CH206", f"no clause has the ID '{entry}'", loc, hint=hint)
                )
            return [clause] if clause is not None else []
        path = PurePosixPath(entry)
        if path.is_absolute() or ".." in path.parts:
            self.findings.append(
                self.doc.finding("CH214", f"module path '{entry}' is outside the project", loc)
            )
            return []
        modules = match_modules(entry, self.by_path)
        if not modules and not match_paths(entry, {nfc(rel) for rel in self.library.unreadable}):
            self.findings.append(
                self.doc.finding(
                    "CH206",
                    f"'{entry}' matches no clause module",
                    loc,
                    hint=self._module_hint(entry),
                )
            )
        return [clause for module in modules for clause in module.clauses]

    def _module_hint(self, entry: str) -> str:
        paths = [m.rel for m in self.library.modules]
        guess = difflib.get_close_matches(entry, paths, n=1, cutoff=0.9)
        if guess:
            return f"did you mean '{guess[0]}'?"
        if any(char in entry for char in "*?"):
            return "modules are .toml files under clauses/; check the folder and the pattern"
        return "create the module, or correct the path; paths are relative to the project root"

    def place(self, includes: list[str], loc: KeyPath, where: str | None) -> list[Placement]:
        """Place the clauses of a part; ``where`` is ``None`` for the preamble."""
        placed: list[Placement] = []
        for position, entry in enumerate(includes):
            for clause in self.resolve(entry, (*loc, "include", position)):
                earlier = self.placements.get(clause.id)
                if earlier is not None:
                    self.findings.append(
                        self.doc.finding(
                            "CH207",
                            f"clause '{clause.id}' is placed twice: it is already "
                            f"{_describe(earlier)}",
                            (*loc, "include", position),
                            hint="a clause appears once in the draft; remove one of the entries",
                        )
                    )
                    continue
                if where is None:
                    placement: Placement = Recital(len(placed) + 1, clause)
                else:
                    self.articles += 1
                    placement = Article(self.articles, clause, where)
                self.placements[clause.id] = placement
                placed.append(placement)
        return placed


def _describe(placement: Placement) -> str:
    if isinstance(placement, Recital):
        return f"recital {placement.number} of the preamble"
    return f"Article {placement.number} ({placement.where})"


def assemble(library: Library, manifest: Manifest, doc: Document) -> tuple[Draft, list[Finding]]:
    """Build the numbered draft from the manifest; return it with the findings of assembling it."""
    asm = _Assembler(library, doc)
    preamble = None
    if manifest.preamble is not None:
        p = manifest.preamble
        recitals = asm.place(p.include, ("preamble",), None)
        preamble = PreamblePart(
            p.heading, p.opening, tuple(r for r in recitals if isinstance(r, Recital)), p.closing
        )
    titles = []
    for t_index, title in enumerate(manifest.title):
        number = t_index + 1
        t_loc: KeyPath = ("title", t_index)
        own = asm.place(title.include, t_loc, f"Title {roman(number)}")
        chapters = []
        for c_index, chapter in enumerate(title.chapter):
            where = f"Title {roman(number)}, Chapter {c_index + 1}"
            placed = asm.place(chapter.include, (*t_loc, "chapter", c_index), where)
            chapters.append(ChapterPart(c_index + 1, chapter.heading, _articles(placed)))
        titles.append(TitlePart(number, title.heading, _articles(own), tuple(chapters)))
    draft = Draft(manifest.charter, tuple(manifest.party), preamble, tuple(titles), asm.placements)
    return draft, asm.findings + _unplaced(library, draft) + _non_article_references(library, draft)


def _articles(placed: list[Placement]) -> tuple[Article, ...]:
    return tuple(p for p in placed if isinstance(p, Article))


def _unplaced(library: Library, draft: Draft) -> list[Finding]:
    return [
        entry.finding(
            "CH208",
            f"clause '{entry.id}' is in no part of the draft",
            "id",
            hint="add its module or ID to an include list of charter.toml, or delete it",
        )
        for entry in library.clauses.values()
        if entry.id not in draft.placements
    ]


def _non_article_references(library: Library, draft: Draft) -> list[Finding]:
    findings = []
    for placement in draft.placements.values():
        entry = placement.entry
        for match in references(entry.clause.text):
            target = match.group(1)
            if target not in library.clauses or isinstance(draft.placements.get(target), Article):
                continue
            what = "a recital" if target in draft.placements else "not placed in the draft"
            line = entry.module.doc.index.line_in_value(
                ("clause", entry.position, "text"), entry.clause.text, match.start()
            )
            findings.append(
                Finding(
                    "CH209",
                    f"clause '{entry.id}' refers to '{target}', which is {what}; "
                    "only articles can be referred to",
                    entry.module.rel,
                    line,
                    hint="refer to an article, or say in words what the recital says"
                    if what == "a recital"
                    else f"place '{target}' in charter.toml, or remove the reference",
                )
            )
    return findings
