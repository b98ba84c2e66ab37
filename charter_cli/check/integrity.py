"""Check stage: what looks across the files of the library.

Dangling references (clause to clause or paragraph, clause to requirement, clause
to party), clause texts that would break the draft's structure, and requirement
quotes. The checks of the negotiation inside articles are in
:mod:`charter_cli.check.negotiation`; checks that need the assembled draft
(placement, references to non-articles, coverage) are in the draft stage.
"""

from __future__ import annotations

from collections.abc import Iterator

from charter_cli.check.markup import might_break_structure, structure_problems
from charter_cli.check.negotiation import check_negotiation, party_references
from charter_cli.check.quotes import check_quotes
from charter_cli.findings import Finding
from charter_cli.load.entries import ClauseEntry
from charter_cli.load.library import Library
from charter_cli.suggest import did_you_mean
from charter_cli.syntax import references
from charter_cli.vocabulary import JOINT


def check_integrity(library: Library) -> list[Finding]:
    """Every cross-file problem of the library (``CH203``-``CH205``, ``CH210``-``CH222``).

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
        findings.extend(check_negotiation(entry))
        if damage.sources_known:
            findings.extend(_check_covers(library, entry))
        if damage.parties_known:
            findings.extend(_check_parties(entry, parties))
    if damage.parties_known:
        findings.extend(_check_memberships(library, parties))
    if damage.sources_known:
        findings.extend(_check_waivers(library))
    for catalogue in library.catalogues:
        findings.extend(check_quotes(catalogue))
    return findings


def _check_references(library: Library, entry: ClauseEntry) -> Iterator[Finding]:
    if "[[" not in entry.text:
        return
    for unit in entry.units:
        if "[[" not in unit.text:
            continue
        for match in references(unit.text):
            target, paragraph, point = match.groups()
            if not library.known_id(target):
                yield Finding(
                    "CH203",
                    f"clause '{entry.id}' refers to unknown clause '{target}'",
                    entry.module.rel,
                    entry.line_in(unit, match.start()),
                    hint=did_you_mean(target, library.clauses)
                    or (
                        f"'{target}' is a requirement: requirements are covered (covers = "
                        f'["{target}"]), not referred to'
                        if target in library.requirements
                        else None
                    ),
                )
            elif paragraph is not None and target in library.clauses:
                problem = _paragraph_problem(library.clauses[target], paragraph, point)
                if problem is not None:
                    yield Finding(
                        "CH217",
                        f"clause '{entry.id}' refers to {problem}",
                        entry.module.rel,
                        entry.line_in(unit, match.start()),
                        hint=_paragraph_hint(library.clauses[target], paragraph, point),
                    )


def _paragraph_problem(target: ClauseEntry, paragraph: str, point: str | None) -> str | None:
    found = next((p for p in target.paragraphs if p.id == paragraph), None)
    if found is None:
        return f"paragraph '{paragraph}' of '{target.id}', which has no such paragraph"
    if point is not None and all(p.id != point for p in found.point):
        return (
            f"point '{point}' of paragraph '{paragraph}' of '{target.id}', which has no such point"
        )
    return None


def _paragraph_hint(target: ClauseEntry, paragraph: str, point: str | None) -> str:
    found = next((p for p in target.paragraphs if p.id == paragraph), None)
    if found is not None and point is not None:
        points = [p.id for p in found.point]
        listed = ", ".join(points) if points else "none"
        return did_you_mean(point, points) or f"its points are: {listed}"
    ids = [p.id for p in target.paragraphs]
    return did_you_mean(paragraph, ids) or f"its paragraphs are: {', '.join(ids)}"


def _check_structure(entry: ClauseEntry) -> Iterator[Finding]:
    if not might_break_structure(entry.text):
        return
    for unit in entry.units:
        for offset, what in structure_problems(unit.text):
            yield Finding(
                "CH215",
                f"clause '{entry.id}' text contains {what}; clause texts hold paragraphs and "
                "lists only",
                entry.module.rel,
                entry.line_in(unit, offset),
            )


def _check_covers(library: Library, entry: ClauseEntry) -> Iterator[Finding]:
    for cover in entry.covers:
        requirement = cover.requirement
        if requirement in library.requirements or requirement in library.damage.broken_ids:
            continue
        yield entry.finding(
            "CH204",
            f"clause '{entry.id}' covers unknown requirement '{requirement}'",
            *cover.keys,
            hint=did_you_mean(requirement, library.requirements),
        )


def _check_parties(entry: ClauseEntry, parties: list[str]) -> Iterator[Finding]:
    allowed = (*parties, JOINT)
    if entry.facts.plain and entry.clause.proposed_by in allowed:
        return  # the clause names no other party
    for party, keys, what in party_references(entry.clause):
        if party not in allowed:
            yield entry.finding(
                "CH205",
                f"{what} '{party}', which is not a party of the manifest",
                *keys,
                hint=did_you_mean(party, parties) or f"use one of: {', '.join(allowed)}",
            )


def _check_memberships(library: Library, parties: list[str]) -> Iterator[Finding]:
    manifest = library.manifest_doc
    if manifest is None:
        return
    for index, party in enumerate(library.parties):
        for number, group in enumerate(party.member_of):
            if group not in parties or group == party.id:
                yield manifest.finding(
                    "CH205",
                    f"party '{party.id}' is a member of '{group}', which is not another party "
                    "of the manifest",
                    ("party", index, "member_of", number),
                    hint=did_you_mean(group, parties) or f"use one of: {', '.join(parties)}",
                )


def _check_waivers(library: Library) -> Iterator[Finding]:
    manifest, doc = library.manifest, library.manifest_doc
    if manifest is None or doc is None:
        return
    seen: set[str] = set()
    for index, waiver in enumerate(manifest.waiver):
        requirement = waiver.requirement
        loc = ("waiver", index, "requirement")
        if requirement not in library.requirements:
            if requirement not in library.damage.broken_ids:
                yield doc.finding(
                    "CH219",
                    f"waiver of unknown requirement '{requirement}'",
                    loc,
                    hint=did_you_mean(requirement, library.requirements),
                )
        elif requirement in seen:
            yield doc.finding(
                "CH219",
                f"requirement '{requirement}' is waived twice",
                loc,
                hint="keep one waiver per requirement",
            )
        seen.add(requirement)


def unknown_covers(library: Library) -> list[tuple[str, ClauseEntry]]:
    """Every ``covers`` entry that names no requirement, with its clause."""
    return [
        (cover.requirement, entry)
        for entry in library.clauses.values()
        for cover in entry.covers
        if cover.requirement not in library.requirements
        and cover.requirement not in library.damage.broken_ids
    ]
