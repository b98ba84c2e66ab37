"""Check stage: what looks across the files of the library.

Dangling references (clause to clause, clause to requirement, clause to party),
clause texts that would break the draft's structure, and requirement quotes.
Checks that need the assembled draft (placement, references to non-articles,
coverage) are in the draft stage.
"""

from __future__ import annotations

from collections.abc import Iterator

from charter_cli.check.lookalikes import check_invisible, invisible_in_path, lookalike_hint
from charter_cli.check.markup import structure_problems
from charter_cli.check.quotes import check_quotes
from charter_cli.check.rendering import clause_rendering, manifest_rendering
from charter_cli.findings import Finding
from charter_cli.load.entries import ClauseEntry
from charter_cli.load.library import Library
from charter_cli.suggest import did_you_mean
from charter_cli.syntax import references
from charter_cli.vocabulary import JOINT

MAX_PER_CLAUSE = 100
"""At most this many findings of one kind about one clause: a text of a million broken
references is one problem to fix, and reporting each would take as long as it is long."""


def check_integrity(library: Library) -> list[Finding]:
    """Every cross-file problem of the library (``CH203``-``CH205``, ``CH210``-``CH213``, ``CH215``).

    Covers are checked only when every catalogue could be read, and parties only
    when the manifest's could: otherwise a correct clause would be reported for a
    mistake made elsewhere.
    """
    findings: list[Finding] = []
    for entry in [*library.clauses.values(), *library.damage.shadowed]:
        findings.extend(check_clause(library, entry))
    for catalogue in library.catalogues:
        findings.extend(check_quotes(catalogue))
    findings.extend(check_text(library))
    return findings


def check_text(library: Library) -> list[Finding]:
    """Invisible characters in every file (``CH230``); text the draft would not show (``CH231``)."""
    documents = [
        *([library.manifest_doc] if library.manifest_doc is not None else []),
        *(catalogue.file.doc for catalogue in library.catalogues),
        *(module.file.doc for module in library.modules),
    ]
    findings = check_invisible(documents)
    findings += [f for doc in documents if (f := invisible_in_path(doc.rel)) is not None]
    if library.manifest is not None and library.manifest_doc is not None:
        findings += manifest_rendering(library.manifest, library.manifest_doc)
    return findings


def check_clause(library: Library, entry: ClauseEntry, *, new: bool = False) -> list[Finding]:
    """What ``check`` reports about one clause of ``library`` (``new``: one not yet in it)."""
    damage = library.damage
    parties = [party.id for party in library.parties]
    findings = [
        *_check_references(library, entry, new=new),
        *_check_structure(entry),
        *clause_rendering(entry),
    ]
    if damage.sources_known:
        findings.extend(_check_covers(library, entry))
    if damage.parties_known and entry.clause.proposed_by not in (*parties, JOINT):
        findings.append(
            entry.finding(
                "CH205",
                f"clause '{entry.id}' is proposed by '{entry.clause.proposed_by}', "
                "which is not a party of the manifest",
                "proposed_by",
                hint=f"use one of: {', '.join((*parties, JOINT))}",
            )
        )
    return findings


def _check_references(library: Library, entry: ClauseEntry, *, new: bool) -> Iterator[Finding]:
    if library.damage.opaque and not new:
        return  # a module could not be read at all: the clause may well be there
    for count, match in enumerate(references(entry.clause.text)):
        if count >= MAX_PER_CLAUSE:
            return
        target = match.group(1)
        if library.known_id(target) or (new and target == entry.id):
            continue
        line = entry.text_line(match.start())
        if target in library.requirements:
            yield Finding(
                "CH203",
                f"clause '{entry.id}' refers to '{target}', which is a requirement, not a clause",
                entry.module.rel,
                line,
                hint=f"a clause says which requirements it implements in covers: "
                f'covers = ["{target}"]; [[...]] refers to another clause',
            )
            continue
        yield Finding(
            "CH203",
            f"clause '{entry.id}' refers to unknown clause '{target}'",
            entry.module.rel,
            line,
            hint=_unknown_hint(target, library),
        )


def _unknown_hint(target: str, library: Library) -> str | None:
    guess = did_you_mean(target, library.clauses)
    lookalike = lookalike_hint(target)
    if lookalike is None:
        return guess
    return f"{lookalike}; {guess}" if guess else lookalike


def _check_structure(entry: ClauseEntry) -> Iterator[Finding]:
    for offset, what in structure_problems(entry.clause.text)[:MAX_PER_CLAUSE]:
        yield Finding(
            "CH215",
            f"clause '{entry.id}' text contains {what}; clause texts hold paragraphs and lists only",
            entry.module.rel,
            entry.text_line(offset),
        )


def _check_covers(library: Library, entry: ClauseEntry) -> Iterator[Finding]:
    unknown = [
        (position, requirement)
        for position, requirement in enumerate(entry.clause.covers)
        if requirement not in library.requirements and requirement not in library.damage.broken_ids
    ]
    for position, requirement in unknown[:MAX_PER_CLAUSE]:
        yield entry.finding(
            "CH204",
            f"clause '{entry.id}' covers unknown requirement '{requirement}'",
            "covers",
            position,
            hint=did_you_mean(requirement, library.requirements),
        )


def unknown_covers(library: Library) -> list[tuple[str, ClauseEntry]]:
    """Every ``covers`` entry that names no requirement, with its clause."""
    return [
        (requirement, entry)
        for entry in library.clauses.values()
        for requirement in entry.clause.covers
        if requirement not in library.requirements and requirement not in library.damage.broken_ids
    ]
