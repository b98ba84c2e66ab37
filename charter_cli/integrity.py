"""Validate stage: checks that look across the files of the library.

Dangling references (clause to clause, clause to requirement, clause to party)
and requirement quotes. Checks that need the assembled draft (placement,
references to non-articles, coverage) live in :mod:`charter_cli.assemble` and
:mod:`charter_cli.coverage`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator

from charter_cli.diagnostics import Finding
from charter_cli.library import ClauseEntry, Library
from charter_cli.markup import structure_problems
from charter_cli.models.clause import JOINT
from charter_cli.quotes import check_quotes

REFERENCE = re.compile(r"\[\[([^\[\]\s]+)\]\]")
"""A cross-reference in clause text: ``[[clause-id]]``."""


def references(text: str) -> Iterator[re.Match[str]]:
    """Every ``[[clause-id]]`` cross-reference in a clause text."""
    return REFERENCE.finditer(text)


def check_integrity(library: Library) -> list[Finding]:
    """Every cross-file problem of the library (``CH203``-``CH205``, ``CH210``-``CH213``).

    Covers are checked only when every catalogue could be read, and parties only
    when the manifest's could: otherwise a correct clause would be reported for a
    mistake made elsewhere.
    """
    findings: list[Finding] = []
    parties = [party.id for party in library.parties]
    for entry in [*library.clauses.values(), *library.shadowed]:
        findings.extend(_check_references(library, entry))
        findings.extend(_check_structure(entry))
        if library.sources_known:
            findings.extend(_check_covers(library, entry))
        if library.parties_known and entry.clause.proposed_by not in (*parties, JOINT):
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
    text = entry.clause.text
    for match in references(text):
        target = match.group(1)
        if target in library.clauses or target in library.broken_ids:
            continue
        line = entry.module.doc.index.line_in_value(
            ("clause", entry.position, "text"), text, match.start()
        )
        yield Finding(
            "CH203",
            f"clause '{entry.id}' refers to unknown clause '{target}'",
            entry.module.rel,
            line,
            hint=suggest(target, library.clauses),
        )


def _check_structure(entry: ClauseEntry) -> Iterator[Finding]:
    text = entry.clause.text
    for offset, what in structure_problems(text):
        line = entry.module.doc.index.line_in_value(
            ("clause", entry.position, "text"), text, offset
        )
        yield Finding(
            "CH215",
            f"clause '{entry.id}' text contains {what}; clause texts hold paragraphs and lists only",
            entry.module.rel,
            line,
        )


def _check_covers(library: Library, entry: ClauseEntry) -> Iterator[Finding]:
    for position, requirement in enumerate(entry.clause.covers):
        if requirement in library.requirements or requirement in library.broken_ids:
            continue
        yield entry.finding(
            "CH204",
            f"clause '{entry.id}' covers unknown requirement '{requirement}'",
            "covers",
            position,
            hint=suggest(requirement, library.requirements),
        )


def suggest(name: str, known: Iterable[str]) -> str | None:
    """A "did you mean" hint for a mistyped ID, or ``None`` if nothing is close."""
    guess = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"did you mean '{guess[0]}'?" if guess else None


def unknown_covers(library: Library) -> list[tuple[str, ClauseEntry]]:
    """Every ``covers`` entry that names no requirement, with its clause."""
    return [
        (requirement, entry)
        for entry in library.clauses.values()
        for requirement in entry.clause.covers
        if requirement not in library.requirements and requirement not in library.broken_ids
    ]
