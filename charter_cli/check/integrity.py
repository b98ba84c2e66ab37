"""Check stage: what looks across the files of the library.

Dangling references (clause to clause or paragraph, clause to requirement, clause
to party), clause texts that would break the draft's structure, and requirement
quotes. The checks of the negotiation inside articles are in
:mod:`charter_cli.check.negotiation`; checks that need the assembled draft
(placement, references to non-articles, coverage) are in the draft stage.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from charter_cli.check.lookalikes import check_invisible, invisible_in_path, lookalike_hint
from charter_cli.check.markup import might_break_structure, structure_problems
from charter_cli.check.negotiation import check_negotiation, party_references
from charter_cli.check.quotes import check_quotes
from charter_cli.check.rendering import clause_rendering, manifest_rendering, plain_line
from charter_cli.findings import Finding
from charter_cli.load.entries import ClauseEntry
from charter_cli.load.library import Library
from charter_cli.load.paragraphs import is_numbered_text
from charter_cli.suggest import did_you_mean
from charter_cli.syntax import references
from charter_cli.vocabulary import JOINT

MAX_PER_CLAUSE = 100
"""At most this many findings of one kind about one clause: a text of a million broken
references is one problem to fix, and reporting each would take as long as it is long."""


def check_integrity(library: Library) -> list[Finding]:
    """Every cross-file problem of the library (``CH203``-``CH205``, ``CH210``-``CH231``).

    Covers are checked only when every catalogue could be read, and parties only
    when the manifest's could: otherwise a correct clause would be reported for a
    mistake made elsewhere.
    """
    findings: list[Finding] = []
    for entry in [*library.clauses.values(), *library.damage.shadowed]:
        findings.extend(check_clause(library, entry))
    if library.damage.parties_known:
        findings.extend(_check_memberships(library, [party.id for party in library.parties]))
    if library.damage.sources_known:
        findings.extend(_check_waivers(library))
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
        *library.amendment_docs,
        *([library.frozen.doc] if library.frozen is not None else []),
    ]
    findings = check_invisible(documents)
    findings += [f for doc in documents if (f := invisible_in_path(doc.rel)) is not None]
    if library.manifest is not None and library.manifest_doc is not None:
        findings += manifest_rendering(library.manifest, library.manifest_doc)
    return findings


_MARKS = re.compile(r"[\[\]{}<\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""What the checks of a clause's texts look for anywhere: brackets, braces, HTML, controls."""
_LINE_OPENERS = re.compile(r"\n(?: {0,3}[#`~*_=-]|(?: {4}|\t)\S)")
"""A line (after a line break) that could open a heading, a rule, a list or a code block."""


def check_clause(library: Library, entry: ClauseEntry, *, new: bool = False) -> list[Finding]:
    """What ``check`` reports about one clause of ``library`` (``new``: one not yet in it)."""
    if _quiet(library, entry):
        return []  # most clauses: one pass over the text says every check would pass
    damage = library.damage
    findings = [
        *_check_references(library, entry, new=new),
        *_check_structure(entry),
        *clause_rendering(entry),
        *check_negotiation(entry),
    ]
    if damage.sources_known:
        findings.extend(_check_covers(library, entry))
    if damage.parties_known:
        findings.extend(_check_parties(entry, [party.id for party in library.parties]))
    return findings


def _quiet(library: Library, entry: ClauseEntry) -> bool:
    """Whether no check of :func:`check_clause` can find anything in ``entry`` (a quick test).

    True only for a clause without negotiation marks whose texts and title hold
    nothing a check reacts to, whose paragraph IDs differ, whose covers name
    known requirements and whose party is known. Anything else takes every check.
    """
    clause = entry.clause
    text = entry.text
    if not entry.facts.plain or _MARKS.search(text) or not plain_line(clause.title):
        return False
    if _LINE_OPENERS.search("\n" + text):
        return False
    if clause.text is not None and is_numbered_text(clause.text):
        return False
    paragraphs = clause.paragraph
    if len(paragraphs) > 1 and len({p.id for p in paragraphs}) != len(paragraphs):
        return False
    requirements = library.requirements
    if not all(cover.requirement in requirements for cover in entry.covers):
        return False
    party = clause.proposed_by
    return party == JOINT or any(known.id == party for known in library.parties)


def _check_references(library: Library, entry: ClauseEntry, *, new: bool) -> Iterator[Finding]:
    if "[[" not in entry.text:
        return
    if library.damage.opaque and not new:
        return  # a module could not be read at all: the clause may well be there
    count = 0
    for unit in entry.units:
        if "[[" not in unit.text:
            continue
        for match in references(unit.text):
            target, paragraph, point = match.groups()
            if count >= MAX_PER_CLAUSE:
                return
            if not library.known_id(target) and not (new and target == entry.id):
                count += 1
                yield _unknown_reference(library, entry, target, entry.line_in(unit, match.start()))
            elif paragraph is not None and target in library.clauses:
                problem = _paragraph_problem(library.clauses[target], paragraph, point)
                if problem is not None:
                    count += 1
                    yield Finding(
                        "CH217",
                        f"clause '{entry.id}' refers to {problem}",
                        entry.module.rel,
                        entry.line_in(unit, match.start()),
                        hint=_paragraph_hint(library.clauses[target], paragraph, point),
                    )


def _unknown_reference(
    library: Library, entry: ClauseEntry, target: str, line: int | None
) -> Finding:
    if target in library.requirements:
        return Finding(
            "CH203",
            f"clause '{entry.id}' refers to '{target}', which is a requirement, not a clause",
            entry.module.rel,
            line,
            hint=f"a clause says which requirements it implements in covers: "
            f'covers = ["{target}"]; [[...]] refers to another clause',
        )
    return Finding(
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
    count = 0
    for unit in entry.units:
        for offset, what in structure_problems(unit.text):
            if count >= MAX_PER_CLAUSE:
                return
            count += 1
            yield Finding(
                "CH215",
                f"clause '{entry.id}' text contains {what}; clause texts hold paragraphs and "
                "lists only",
                entry.module.rel,
                entry.line_in(unit, offset),
            )


def _check_covers(library: Library, entry: ClauseEntry) -> Iterator[Finding]:
    unknown = [
        cover
        for cover in entry.covers
        if cover.requirement not in library.requirements
        and cover.requirement not in library.damage.broken_ids
    ]
    for cover in unknown[:MAX_PER_CLAUSE]:
        requirement = cover.requirement
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
