"""Assemble stage: place the library's clauses into the manifest's structure and number them.

The preamble's clauses become recitals; every other placed clause becomes an
article, numbered from 1 across the whole charter in manifest order. Titles are
numbered I, II, ... and chapters from 1 within their title. Assembly only
builds: what each include entry placed is recorded in the draft, and the
placement checks (:mod:`charter_cli.draft.placement`) judge it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from charter_cli.draft.frozen import apply_frozen
from charter_cli.draft.model import (
    Article,
    ChapterPart,
    Draft,
    IncludeUse,
    Placement,
    PreamblePart,
    Recital,
    TitlePart,
)
from charter_cli.draft.numbering import numeral
from charter_cli.load.entries import ClauseEntry
from charter_cli.load.includes import Includes, leaves_project, part_entries
from charter_cli.load.keylines import KeyPath
from charter_cli.load.library import Library
from charter_cli.models import Manifest
from charter_cli.vocabulary import ChapterScope


@dataclass
class _Assembler:
    includes: Includes[ClauseEntry]
    placements: dict[str, Placement] = field(default_factory=dict)
    uses: list[IncludeUse] = field(default_factory=list)
    articles: int = 0

    def place(self, includes: list[str], loc: KeyPath, where: str | None) -> list[Placement]:
        """Place the clauses of a part; ``where`` is ``None`` for the preamble."""
        placed: list[Placement] = []
        for entry in part_entries(includes, loc):
            outside = leaves_project(entry.value)
            drawn = [] if outside else self.includes.draw(entry.value)
            new: list[str] = []
            repeated: list[tuple[str, Placement]] = []
            for clause in drawn:
                earlier = self.placements.get(clause.id)
                if earlier is not None:
                    repeated.append((clause.id, earlier))
                    continue
                if where is None:
                    placement: Placement = Recital(len(placed) + 1, clause)
                else:
                    self.articles += 1
                    placement = Article(self.articles, clause, where)
                self.placements[clause.id] = placement
                placed.append(placement)
                new.append(clause.id)
            matched = not outside and (bool(drawn) or bool(self.includes.modules(entry.value)))
            self.uses.append(IncludeUse(entry, matched, tuple(new), tuple(repeated)))
        return placed


def assemble(library: Library, manifest: Manifest, *, frozen: bool = True) -> Draft:
    """Build the numbered draft from the manifest.

    Under a frozen numbering (``numbering.lock.toml``), articles keep their frozen
    numbers and new ones are lettered (:mod:`charter_cli.draft.frozen`); with
    ``frozen=False`` the lock is ignored and articles are numbered 1, 2, ...
    """
    includes = Includes({m.rel: m.clauses for m in library.modules}, library.clauses)
    asm = _Assembler(includes)
    style = manifest.numbering
    preamble = None
    if manifest.preamble is not None:
        p = manifest.preamble
        recitals = asm.place(p.include, ("preamble",), None)
        preamble = PreamblePart(
            p.heading, p.opening, tuple(r for r in recitals if isinstance(r, Recital)), p.closing
        )
    titles = []
    chapters_so_far = 0
    for t_index, title in enumerate(manifest.title):
        title_numeral = numeral(t_index + 1, style.titles)
        t_loc: KeyPath = ("title", t_index)
        own = asm.place(title.include, t_loc, f"Title {title_numeral}")
        chapters = []
        for c_index, chapter in enumerate(title.chapter):
            across = style.chapters_across is ChapterScope.CHARTER
            number = chapters_so_far + c_index + 1 if across else c_index + 1
            chapter_numeral = numeral(number, style.chapters)
            where = f"Title {title_numeral}, Chapter {chapter_numeral}"
            placed = asm.place(chapter.include, (*t_loc, "chapter", c_index), where)
            chapters.append(
                ChapterPart(number, chapter_numeral, chapter.heading, _articles(placed))
            )
        chapters_so_far += len(title.chapter)
        titles.append(
            TitlePart(title_numeral, t_index + 1, title.heading, _articles(own), tuple(chapters))
        )
    lock = library.frozen.lock if library.frozen is not None else None
    if frozen and lock is not None:
        apply_frozen([p for p in asm.placements.values() if isinstance(p, Article)], lock.article)
    return Draft(
        manifest.charter,
        tuple(manifest.party),
        preamble,
        tuple(titles),
        style,
        asm.placements,
        tuple(asm.uses),
    )


def _articles(placed: list[Placement]) -> tuple[Article, ...]:
    return tuple(p for p in placed if isinstance(p, Article))
