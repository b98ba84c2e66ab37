"""Placement checks: what the manifest places, judged once the draft is assembled.

Manifest entries that match nothing (``CH206``) or lead out of the project
(``CH214``), clauses placed twice (``CH207``), clauses placed nowhere
(``CH208``) and references to clauses that are not articles (``CH209``).
"""

from __future__ import annotations

from collections.abc import Iterator

from charter_cli.draft.model import Article, Draft, IncludeUse, Placement, Recital
from charter_cli.findings import Finding
from charter_cli.load.documents import Document
from charter_cli.load.includes import is_module_entry, leaves_project, match_paths, nfc
from charter_cli.load.library import Library
from charter_cli.suggest import did_you_mean
from charter_cli.syntax import references


def check_placement(library: Library, draft: Draft, manifest: Document) -> list[Finding]:
    """Every placement problem of the assembled draft."""
    findings = [f for use in draft.uses for f in _check_use(library, use, manifest)]
    findings += _empty_parts(library, draft, manifest)
    return findings + _unplaced(library, draft) + _non_article_references(library, draft)


def _empty_parts(library: Library, draft: Draft, manifest: Document) -> Iterator[Finding]:
    """``CH223`` for a chapter, or a title without chapters, whose include list is empty."""
    if library.manifest is None:
        return
    for t_index, (title, part) in enumerate(zip(library.manifest.title, draft.titles, strict=True)):
        loc: tuple[str | int, ...] = ("title", t_index)
        if not title.include and not title.chapter:
            yield manifest.finding(
                "CH223",
                f"Title {part.numeral} ('{title.heading}') places no article: it has no "
                "chapters and its include list is empty",
                loc,
            )
        for c_index, (chapter, chapter_part) in enumerate(
            zip(title.chapter, part.chapters, strict=True)
        ):
            if not chapter.include:
                yield manifest.finding(
                    "CH223",
                    f"Chapter {chapter_part.numeral} of Title {part.numeral} "
                    f"('{chapter.heading}') places no article: its include list is empty",
                    (*loc, "chapter", c_index),
                )


def _check_use(library: Library, use: IncludeUse, manifest: Document) -> Iterator[Finding]:
    value, loc = use.entry.value, use.entry.loc
    for clause_id, earlier in use.repeated:
        yield manifest.finding(
            "CH207",
            f"clause '{clause_id}' is placed twice: it is already {describe(earlier)}",
            loc,
            hint="a clause appears once in the draft; remove one of the entries",
        )
    if use.matched:
        return
    if not is_module_entry(value):
        if value not in library.damage.broken_ids and not library.damage.opaque:
            hint = did_you_mean(value, library.clauses) or (
                "module entries are paths ending in .toml, relative to the project root"
            )
            yield manifest.finding("CH206", f"no clause has the ID '{value}'", loc, hint=hint)
    elif leaves_project(value):
        yield manifest.finding("CH214", f"module path '{value}' is outside the project", loc)
    elif not match_paths(value, {nfc(rel) for rel in library.damage.unreadable}):
        yield manifest.finding(
            "CH206",
            f"'{value}' matches no clause module",
            loc,
            hint=_module_hint(library, value),
        )


def _module_hint(library: Library, entry: str) -> str:
    guess = did_you_mean(entry, [m.rel for m in library.modules])
    if guess:
        return guess
    if any(char in entry for char in "*?"):
        return "modules are .toml files under clauses/; check the folder and the pattern"
    return "create the module, or correct the path; paths are relative to the project root"


def describe(placement: Placement) -> str:
    """Where a clause stands, for messages: ``Article 7 (Title II, Chapter 1)``."""
    if isinstance(placement, Recital):
        return f"recital {placement.number} of the preamble"
    return f"{placement.label} ({placement.where})"


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
        if "[[" not in entry.text:
            continue
        for unit, match in ((u, m) for u in entry.units for m in references(u.text)):
            target = match.group(1)
            if target not in library.clauses or isinstance(draft.placements.get(target), Article):
                continue
            what = "a recital" if target in draft.placements else "not placed in the draft"
            findings.append(
                Finding(
                    "CH209",
                    f"clause '{entry.id}' refers to '{target}', which is {what}; "
                    "only articles can be referred to",
                    entry.module.rel,
                    entry.line_in(unit, match.start()),
                    hint="refer to an article, or say in words what the recital says"
                    if what == "a recital"
                    else f"place '{target}' in charter.toml, or remove the reference",
                )
            )
    return findings
