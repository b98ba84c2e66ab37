"""Check stage: amendments against the text they amend.

:func:`resolve` finds the wording an amendment targets and says where it stands:
**current** (the wording is the one it was tabled to, by its fingerprint),
**stale** (the wording changed since), **consolidated** (adopted and already
written into the text: the wording is the amendment's, the deleted part is gone,
the inserted one is there), **unfingerprinted**, or **unknown** (no such
target). This is what ``charter apply`` relies on: it writes an adopted amendment
only while it is current.

Only amendments still before the committee (``tabled``) or adopted are judged
against today's text; rejected, withdrawn, fallen and replaced ones are the
record of the procedure and are not reported when the text moves on.

Findings: ``CH240`` unknown target, ``CH241`` a number used twice, ``CH242``
stale, ``CH243`` adopted amendments in conflict, ``CH244`` a compromise that
names nothing, ``CH246`` an unknown party, ``CH248`` no fingerprint, ``CH249``
new wording that changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from charter_cli.findings import Finding, Severity
from charter_cli.load.amendments import AmendmentEntry
from charter_cli.load.entries import ClauseEntry
from charter_cli.load.library import Library
from charter_cli.load.wording import (
    article_wording,
    expanded,
    fingerprint,
    inline,
    normalise,
    paragraph_wording,
    point_wording,
    whole_paragraph_wording,
    word_diff,
)
from charter_cli.models.amendment import Amendment
from charter_cli.models.clause import Paragraph, Point
from charter_cli.suggest import did_you_mean
from charter_cli.vocabulary import JOINT, AmendmentKind, Outcome

LIVE = frozenset({Outcome.TABLED, Outcome.ADOPTED})
"""Outcomes whose amendments are judged against today's text."""


class State(StrEnum):
    """Where an amendment stands against today's text."""

    CURRENT = "current"
    """The wording it amends is the one it was tabled to (an insert: its place exists)."""
    STALE = "stale"
    """The wording it amends changed after it was tabled."""
    CONSOLIDATED = "consolidated"
    """Adopted and already written into the text."""
    UNFINGERPRINTED = "unfingerprinted"
    """A replace or delete without the fingerprint of the wording it amends."""
    UNKNOWN = "unknown"
    """Its clause, paragraph or point does not exist (or an insert's new ID is taken)."""


@dataclass(frozen=True)
class Resolution:
    """An amendment and what it amends in today's library."""

    entry: AmendmentEntry
    state: State
    clause: ClauseEntry | None = None
    """The clause it amends (for an insert: the one it is inserted in, or after)."""
    paragraph: Paragraph | None = None
    point: Point | None = None
    wording: str | None = None
    """Today's wording of what a replace or delete amends."""
    problem: str | None = None
    """For an unknown target: what is missing."""
    hint: str | None = None

    @property
    def amendment(self) -> Amendment:
        """The amendment."""
        return self.entry.amendment

    @property
    def recorded(self) -> str | None:
        """The wording as tabled (``existing_text``), if recorded and its fingerprint matches."""
        amendment = self.amendment
        text = amendment.existing_text
        if text is None or amendment.fingerprint is None:
            return None
        return text if fingerprint(text) == amendment.fingerprint else None

    @property
    def amended(self) -> str | None:
        """The wording amended: as tabled when recorded, else today's."""
        return self.recorded if self.recorded is not None else self.wording


def resolve(library: Library, entry: AmendmentEntry) -> Resolution:
    """What ``entry`` amends in ``library``, and whether that is the wording it was tabled to."""
    amendment = entry.amendment
    if amendment.kind is AmendmentKind.INSERT:
        return _resolve_insert(library, entry)
    target = amendment.target
    done = amendment.kind is AmendmentKind.DELETE and amendment.outcome is Outcome.ADOPTED
    clause = library.clauses.get(target.clause)
    if clause is None:
        if done and target.paragraph is None:  # the article it deleted is gone
            return Resolution(entry, State.CONSOLIDATED)
        return _unknown_clause(library, entry)
    found = _locate(entry, clause)
    if isinstance(found, Resolution):
        return Resolution(entry, State.CONSOLIDATED, clause) if done else found
    paragraph, point = found
    amended = _amended(amendment, clause, paragraph, point)
    if amended is None:
        return Resolution(
            entry,
            State.UNKNOWN,
            clause,
            problem=f"new wording for the whole of clause '{clause.id}', which has several "
            "paragraphs or points",
            hint="name the paragraph (or point) the new wording replaces",
        )
    return _judged(entry, clause, amended[0], point, amended[1])


def _locate(
    entry: AmendmentEntry, clause: ClauseEntry
) -> tuple[Paragraph | None, Point | None] | Resolution:
    """The paragraph and point the target names, or the resolution saying which is missing."""
    target = entry.amendment.target
    if target.paragraph is None:
        return None, None
    paragraphs = clause.paragraphs
    paragraph = next((p for p in paragraphs if p.id == target.paragraph), None)
    if paragraph is None:
        return _missing(entry, clause, "paragraph", target.paragraph, [p.id for p in paragraphs])
    if target.point is None:
        return paragraph, None
    point = next((p for p in paragraph.point if p.id == target.point), None)
    if point is None:
        known = [p.id for p in paragraph.point]
        return _missing(entry, clause, f"point of paragraph '{paragraph.id}'", target.point, known)
    return paragraph, point


def _amended(
    amendment: Amendment, clause: ClauseEntry, paragraph: Paragraph | None, point: Point | None
) -> tuple[Paragraph | None, str] | None:
    """The paragraph whose brackets apply, and the wording a replace or delete amends.

    ``None`` for new wording of a whole article of several paragraphs or points,
    which would not say what becomes of each.
    """
    deleting = amendment.kind is AmendmentKind.DELETE
    if point is not None and paragraph is not None:
        return paragraph, point_wording(paragraph, point)
    if paragraph is not None:
        return paragraph, whole_paragraph_wording(paragraph) if deleting else paragraph_wording(
            paragraph
        )
    paragraphs = clause.paragraphs
    if deleting:
        return None, article_wording(paragraphs)
    if len(paragraphs) > 1 or paragraphs[0].point:
        return None
    return paragraphs[0], paragraph_wording(paragraphs[0])


def _judged(
    entry: AmendmentEntry,
    clause: ClauseEntry,
    paragraph: Paragraph | None,
    point: Point | None,
    wording: str,
) -> Resolution:
    amendment = entry.amendment
    if amendment.fingerprint is None:
        state = State.UNFINGERPRINTED
    elif fingerprint(wording) == amendment.fingerprint:
        state = State.CURRENT
    elif _written(amendment, paragraph, wording):
        state = State.CONSOLIDATED
    else:
        state = State.STALE
    return Resolution(entry, state, clause, paragraph, point, wording)


def _written(amendment: Amendment, paragraph: Paragraph | None, wording: str) -> bool:
    """Whether an adopted replace already stands in the text."""
    if amendment.outcome is not Outcome.ADOPTED or amendment.text is None:
        return False
    return normalise(expanded(amendment.text, paragraph)) == normalise(wording)


def _resolve_insert(library: Library, entry: AmendmentEntry) -> Resolution:
    amendment = entry.amendment
    clause = library.clauses.get(amendment.target.clause)
    there = _inserted(library, clause, amendment)
    if there is not None:
        if amendment.outcome is Outcome.ADOPTED:
            return Resolution(entry, State.CONSOLIDATED, clause)
        return Resolution(
            entry,
            State.UNKNOWN,
            clause,
            problem=f"the ID '{amendment.new_id}' it inserts is taken: {there}",
            hint="give what it inserts an ID of its own in 'new_id'",
        )
    if clause is None:
        return _unknown_clause(library, entry)
    found = _locate(entry, clause)
    if isinstance(found, Resolution):
        return found
    return Resolution(entry, State.CURRENT, clause, *found)


def _inserted(library: Library, clause: ClauseEntry | None, amendment: Amendment) -> str | None:
    """Where the ID an insert gives is in use already, if it is."""
    target, new_id = amendment.target, amendment.new_id
    if target.paragraph is None:
        return f"clause '{new_id}' exists already" if new_id in library.clauses else None
    if clause is None:
        return None
    if target.point is None:
        if any(p.id == new_id for p in clause.paragraphs):
            return f"clause '{clause.id}' has a paragraph '{new_id}' already"
        return None
    paragraph = next((p for p in clause.paragraphs if p.id == target.paragraph), None)
    if paragraph is not None and any(p.id == new_id for p in paragraph.point):
        return f"paragraph '{paragraph.id}' has a point '{new_id}' already"
    return None


def _unknown_clause(library: Library, entry: AmendmentEntry) -> Resolution:
    name = entry.amendment.target.clause
    hint = (
        did_you_mean(name, library.clauses) or "name a clause by its ID: 'charter list' shows them"
    )
    return Resolution(entry, State.UNKNOWN, problem=f"no clause has the ID '{name}'", hint=hint)


def _missing(
    entry: AmendmentEntry, clause: ClauseEntry, what: str, name: str, known: list[str]
) -> Resolution:
    hint = did_you_mean(name, known) or (
        f"its IDs are: {', '.join(known)}" if known else "it has none"
    )
    return Resolution(
        entry,
        State.UNKNOWN,
        clause,
        problem=f"clause '{clause.id}' has no {what} '{name}'",
        hint=hint,
    )


# ------------------------------------------------------------------ relations


class Region(NamedTuple):
    """The part of the text an amendment changes, or the place an insert needs."""

    clause: str
    paragraph: str | None
    point: str | None
    whole: bool
    """Whether everything under it is changed (a deletion), not only its own words."""


def region(resolution: Resolution) -> Region:
    """What the amendment changes (a replace, a delete) or stands on (an insert)."""
    amendment = resolution.amendment
    target = amendment.target
    paragraph = target.paragraph
    if paragraph is None and resolution.paragraph is not None and not _deletes(amendment):
        paragraph = resolution.paragraph.id  # the one paragraph of a one-paragraph article
    return Region(target.clause, paragraph, target.point, _deletes(amendment))


def _deletes(amendment: Amendment) -> bool:
    return amendment.kind is AmendmentKind.DELETE


def _contains(outer: Region, inner: Region) -> bool:
    if outer.clause != inner.clause:
        return False
    if not outer.whole:
        return (outer.paragraph, outer.point) == (inner.paragraph, inner.point)
    if outer.paragraph is None:
        return True
    if outer.point is None:
        return inner.paragraph == outer.paragraph
    return (inner.paragraph, inner.point) == (outer.paragraph, outer.point)


def same_effect(first: Amendment, second: Amendment) -> bool:
    """Whether two amendments do the same thing: identical amendments, voted on together."""
    return _effect(first) == _effect(second)


def _effect(amendment: Amendment) -> tuple[object, ...]:
    target = amendment.target
    return (
        target.clause,
        target.paragraph,
        target.point,
        target.before,
        amendment.kind,
        amendment.new_id,
        amendment.title,
        normalise(amendment.text or ""),
    )


def conflict(first: Resolution, second: Resolution) -> bool:
    """Whether adopting one of two amendments leaves the other nothing to amend, or undoes it.

    Two changes of the same words, a deletion of what the other amends or
    inserts next to, and two insertions of the same new ID conflict;
    identical amendments do not.
    """
    a, b = first.amendment, second.amendment
    if same_effect(a, b):
        return False
    inserting = (a.kind is AmendmentKind.INSERT, b.kind is AmendmentKind.INSERT)
    if all(inserting):
        same_place = a.target.paragraph is None or a.target.clause == b.target.clause
        both_articles = (a.target.paragraph is None) == (b.target.paragraph is None)
        return a.new_id == b.new_id and same_place and both_articles
    one, other = region(first), region(second)
    if any(inserting):  # an insert conflicts only with the deletion of its place
        deletion, place = (other, one) if inserting[0] else (one, other)
        return deletion.whole and _contains(deletion, place)
    return _contains(one, other) or _contains(other, one)


# ------------------------------------------------------------------- findings


def check_amendments(library: Library) -> list[Finding]:
    """Every finding about the amendments of ``library`` (``CH240``-``CH244``, ``CH246``, ``CH248``, ``CH249``)."""
    if not library.amendments:
        return []
    resolutions = [resolve(library, entry) for entry in library.amendments]
    findings = list(_numbers(library.amendments))
    findings += _compromises(library.amendments)
    if library.damage.parties_known:
        findings += _parties(library)
    for resolution in resolutions:
        if resolution.amendment.outcome in LIVE:
            findings += _state(library, resolution)
    findings += _conflicts(resolutions)
    return findings


def _state(library: Library, resolution: Resolution) -> Iterator[Finding]:
    entry, amendment = resolution.entry, resolution.amendment
    adopted = amendment.outcome is Outcome.ADOPTED
    severity = Severity.ERROR if adopted else None
    state = resolution.state
    if state is State.UNKNOWN:
        if amendment.target.clause in library.damage.broken_ids:
            return  # the clause's own findings come first
        yield entry.finding(
            "CH240",
            f"{amendment.label.lower()}: {resolution.problem}",
            "target",
            hint=resolution.hint,
        )
    elif state is State.STALE:
        where = describe_target(amendment)
        recorded = resolution.recorded
        change = (
            f": {inline(word_diff(recorded, resolution.wording or ''))}"
            if recorded is not None
            else " (its wording as tabled is not recorded)"
        )
        yield entry.finding(
            "CH242",
            f"{amendment.label.lower()} was tabled to wording of {where} that has changed "
            f"since{change}",
            "fingerprint",
            hint="check that it still makes sense, then run "
            f"'charter amendments fingerprint --refresh {amendment.id}'",
            severity=severity,
        )
    elif state is State.UNFINGERPRINTED:
        yield entry.finding(
            "CH248",
            f"{amendment.label.lower()} has no fingerprint of the wording it amends",
            "target",
            hint=f"run 'charter amendments fingerprint {amendment.id}'",
            severity=severity,
        )
    elif (
        state is State.CURRENT
        and not adopted
        and amendment.kind is AmendmentKind.REPLACE
        and amendment.text is not None
        and normalise(expanded(amendment.text, resolution.paragraph))
        == normalise(resolution.wording or "")
    ):
        yield entry.finding(
            "CH249",
            f"{amendment.label.lower()} gives {describe_target(amendment)} the wording it has "
            "already",
            "text",
        )


def describe_target(amendment: Amendment) -> str:
    """The target by its IDs, for messages: ``paragraph 'control' of clause 'drugs-precursors'``."""
    target = amendment.target
    text = f"clause '{target.clause}'"
    if target.paragraph is not None:
        text = f"paragraph '{target.paragraph}' of {text}"
    if target.point is not None:
        text = f"point '{target.point}' of {text}"
    return text


def _numbers(entries: Sequence[AmendmentEntry]) -> Iterator[Finding]:
    first: dict[str, AmendmentEntry] = {}
    for entry in entries:
        earlier = first.setdefault(entry.id, entry)
        if earlier is not entry:
            yield entry.finding(
                "CH241",
                f"{entry.amendment.label.lower()} is numbered twice: also at {earlier.location}",
                "number",
                hint="give each amendment its own number",
            )


def _compromises(entries: Sequence[AmendmentEntry]) -> Iterator[Finding]:
    compromises = {e.amendment.number for e in entries if e.amendment.compromise}
    named = {e.amendment.replaced_by for e in entries if e.amendment.replaced_by is not None}
    for entry in entries:
        amendment = entry.amendment
        wanted = amendment.replaced_by
        if wanted is not None and wanted not in compromises:
            yield entry.finding(
                "CH244",
                f"{amendment.label.lower()} is replaced by compromise amendment {wanted}, "
                "which does not exist",
                "replaced_by",
                hint=_compromise_hint(compromises),
            )
        if amendment.compromise and amendment.number not in named:
            yield entry.finding(
                "CH244",
                f"{amendment.label.lower()} replaces no amendment",
                "number",
                hint=f'set outcome = "replaced" and replaced_by = {amendment.number} on the '
                "amendments it replaces",
            )


def _compromise_hint(compromises: set[int]) -> str:
    if not compromises:
        return "table the compromise as an amendment with compromise = true"
    listed = ", ".join(str(number) for number in sorted(compromises))
    return f"the compromise amendments are: {listed}"


def _parties(library: Library) -> Iterator[Finding]:
    known = [party.id for party in library.parties]
    for entry in library.amendments:
        for index, author in enumerate(entry.amendment.tabled_by):
            if author.party is not None and author.party not in known and author.party != JOINT:
                yield entry.finding(
                    "CH246",
                    f"{entry.amendment.label.lower()} is tabled by party '{author.party}', which "
                    "is not a party of the manifest",
                    "tabled_by",
                    index,
                    hint=did_you_mean(author.party, known) or f"use one of: {', '.join(known)}",
                )


def _conflicts(resolutions: Sequence[Resolution]) -> Iterator[Finding]:
    pending = [
        r
        for r in resolutions
        if r.amendment.outcome is Outcome.ADOPTED
        and r.state not in (State.CONSOLIDATED, State.UNKNOWN)
    ]
    for index, later in enumerate(pending):
        for earlier in pending[:index]:
            if conflict(earlier, later):
                yield later.entry.finding(
                    "CH243",
                    f"{earlier.amendment.label.lower()} and {later.amendment.label.lower()} "
                    f"are both adopted, but they cannot both be written into "
                    f"{describe_target(later.amendment)}",
                    "outcome",
                    hint='one of them fell when the other was adopted: set its outcome to "fallen"',
                )
