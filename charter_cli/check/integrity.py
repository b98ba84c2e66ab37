"""Check stage: what looks across the files of the library.

Dangling references (clause to clause, clause to requirement, clause to party),
clause texts that would break the draft's structure, and requirement quotes.
Checks that need the assembled draft (placement, references to non-articles,
coverage) are in the draft stage.
"""

from __future__ import annotations

from collections.abc import Iterator

from charter_cli.check.markup import structure_problems
from charter_cli.check.quotes import check_quotes
from charter_cli.findings import Finding
from charter_cli.load.entries import ClauseEntry
from charter_cli.load.library import Library
from charter_cli.suggest import did_you_mean
from charter_cli.syntax import references
from charter_cli.vocabulary import JOINT


def check_integrity(library: Library) -> list[Finding]:
    """Every cross-file problem of the library (``CH203``-``CH205``, ``CH210``-``CH213``, ``CH215``).

    Covers are checked only when every catalogue could be read, and parties only
    when the manifest's could: otherwise a correct clause would be reported for a
    mistake made elsewhere.
    """
    findings: list[Finding] = []
    damage = library.damage
    parties = [party.id for party in library.parties]
    for entry in [*library.clauses.values(), *damage.shadowed]:
        findings.extend(_check_references(library, entry))
        findings.extend(_check_structure(entry))
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
    for catalogue in library.catalogues:
        findings.extend(check_quotes(catalogue))
    return findings


def _check_references(library: Library, entry: ClauseEntry) -> Iterator[Finding]:
    for match in references(entry.clause.text):
        target = match.group(1)
        if library.known_id(target):
            continue
        yield Finding(
            "CH203",
            f"clause '{entry.id}' refers to unknown clause '{target}'",
            entry.module.rel,
            entry.text_line(match.start()),
            hint=did_you_mean(target, library.clauses),
        )


def _check_structure(entry: ClauseEntry) -> Iterator[Finding]:
    for offset, what in structure_problems(entry.clause.text):
        yield Finding(
            "CH215",
            f"clause '{entry.id}' text contains {what}; clause texts hold paragraphs and lists only",
            entry.module.rel,
            entry.text_line(offset),
        )


def _check_covers(library: Library, entry: ClauseEntry) -> Iterator[Finding]:
    for position, requirement in enumerate(entry.clause.covers):
        if requirement in library.requirements or requirement in library.damage.broken_ids:
            continue
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
