"""The comparison of two versions as a Markdown document for circulation.

As parliaments print a comparison of texts: deleted words struck through
(``~~...~~``), inserted words in bold. Articles added, removed, moved and
changed each have a section; articles only renumbered are listed in a table,
never as changes of their text; requirements whose coverage changed close the
document. Every word of the library is escaped (:mod:`charter_cli.render.escape`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from charter_cli.draft.comparison import (
    ClauseDiff,
    Comparison,
    Part,
    Placing,
    ReservationChange,
    Snapshot,
    TextChange,
    cite,
)
from charter_cli.draft.coverage import CoverState
from charter_cli.draft.model import Article, Placement
from charter_cli.load.wording import Change, paragraph_wording, point_wording, word_diff
from charter_cli.render.escape import inline
from charter_cli.render.wordmarks import STRUCK, cited, marked

_STATES = {
    CoverState.COVERED: "covered",
    CoverState.AT_RISK: "at risk (open text only)",
    CoverState.WAIVED: "waived",
    CoverState.UNCOVERED: "not covered",
    None: "not in the sources",
}


def render_comparison(comparison: Comparison) -> str:
    """The whole comparison document."""
    return "\n\n".join(_blocks(comparison)) + "\n"


def _blocks(comparison: Comparison) -> Iterator[str]:
    old, new = comparison.old, comparison.new
    yield f"# Comparison of {inline(old.label)} with {inline(new.label)}"
    yield (
        f"{inline(new.draft.charter.title)}, version {inline(old.draft.charter.version)} "
        f"({inline(old.label)}) and version {inline(new.draft.charter.version)} "
        f"({inline(new.label)}). Deleted words are ~~struck through~~ and inserted words are "
        "**in bold**; articles are matched by their IDs, so an article that only changed its "
        "number is listed as renumbered, not as changed."
    )
    yield from _summary(comparison)
    sections = (
        ("Added", [d for d in comparison.clauses if d.placing is Placing.ADDED]),
        ("Removed", [d for d in comparison.clauses if d.placing is Placing.REMOVED]),
        ("Moved", [d for d in comparison.clauses if d.placing is Placing.MOVED]),
        (
            "Changed",
            [
                d
                for d in comparison.clauses
                if d.placing in (Placing.KEPT, Placing.RENUMBERED) and d.amended
            ],
        ),
    )
    for heading, diffs in sections:
        if diffs:
            yield f"## {heading}"
            for diff in diffs:
                yield from _clause(comparison, diff)
    renumbered = [
        d for d in comparison.clauses if d.placing is Placing.RENUMBERED and not d.amended
    ]
    if renumbered:
        yield "## Renumbered only"
        yield _renumbered(renumbered)
    if comparison.coverage:
        yield "## Coverage"
        yield _coverage(comparison)
    if not comparison.differs:
        yield "No differences."


def _summary(comparison: Comparison) -> Iterator[str]:
    rows = [
        ("added", comparison.count(Placing.ADDED)),
        ("removed", comparison.count(Placing.REMOVED)),
        ("moved", comparison.count(Placing.MOVED)),
        ("changed (words, status, brackets or reservations)", comparison.amended),
        ("renumbered only", comparison.count(Placing.RENUMBERED)),
        ("requirements whose coverage changed", len(comparison.coverage)),
    ]
    yield "## Summary"
    lines = ["| articles and recitals | number |", "| --- | ---: |"]
    lines += [f"| {what} | {count} |" for what, count in rows]
    yield "\n".join(lines)


def _heading(diff: ClauseDiff) -> str:
    placement = diff.new or diff.old
    assert placement is not None  # noqa: S101 - a diff is of a clause in one version at least
    title = inline(diff.title)
    if diff.placing is Placing.REMOVED or diff.old is None or diff.new is None:
        return f"### {placement.label} — {title}"
    if diff.old.label != diff.new.label:
        return f"### {diff.new.label} — {title} ({diff.old.label} before)"
    return f"### {diff.new.label} — {title}"


def _clause(comparison: Comparison, diff: ClauseDiff) -> Iterator[str]:
    yield _heading(diff)
    notes = list(_notes(comparison, diff))
    if notes:
        yield "\n".join(f"- {note}" for note in notes)
    if diff.placing is Placing.ADDED and diff.new is not None:
        yield from _whole(comparison.new, diff.new, Change.INSERT)
        return
    if diff.placing is Placing.REMOVED and diff.old is not None:
        yield from _whole(comparison.old, diff.old, Change.DELETE)
        return
    for change in diff.texts:
        yield _text(comparison, change)


def _whole(version: Snapshot, placement: Placement, change: Change) -> Iterator[str]:
    """Every paragraph of an added (all in bold) or removed (all struck) article."""
    for paragraph in placement.entry.paragraphs:
        label = f"**{cite(placement, paragraph.id)}**" if isinstance(placement, Article) else ""
        lines = [paragraph_wording(paragraph)]
        lines += [point_wording(paragraph, point) for point in paragraph.point]
        for line in lines:
            edits = word_diff("", line) if change is Change.INSERT else word_diff(line, "")
            words = marked(edits, STRUCK, lambda _c, text: cited(text, version.draft))
            yield f"{label}: {words}" if label else words
            label = ""


def _text(comparison: Comparison, change: TextChange) -> str:
    shown = label(change)
    words = marked(
        change.edits,
        STRUCK,
        lambda kind, text: cited(
            text, comparison.old.draft if kind is Change.DELETE else comparison.new.draft
        ),
    )
    return f"**{inline(shown)}**: {words}" if words else f"**{inline(shown)}**"


def label(change: TextChange) -> str:
    """What a text change is about: ``Title``, ``Article 12(2)``, ``Article 12(3) (new)``."""
    if change.part is Part.TITLE:
        return "Title"
    if change.change is Placing.ADDED:
        return f"{change.new_citation} (new)"
    if change.change is Placing.REMOVED:
        return f"{change.old_citation} (deleted)"
    if change.old_citation != change.new_citation and change.change is Placing.MOVED:
        return f"{change.new_citation} (moved; {change.old_citation} before)"
    return change.new_citation or ""


def _notes(comparison: Comparison, diff: ClauseDiff) -> Iterator[str]:
    return notes(comparison, diff, inline)


def notes(comparison: Comparison, diff: ClauseDiff, text: Callable[[str], str]) -> Iterator[str]:
    """What changed in a clause besides its words, one sentence each; ``text`` escapes library text."""
    old, new = diff.old, diff.new
    if diff.placing is Placing.MOVED and old is not None and new is not None:
        before = _follows(comparison.old, diff.id)
        after = _follows(comparison.new, diff.id)
        yield (
            f"Moved from {old.label} ({text(_part(old))}), {text(before)}, to {new.label} "
            f"({text(_part(new))}), {text(after)}."
        )
    if diff.placing is Placing.ADDED and new is not None:
        yield f"Added in {text(_part(new))}, status {new.entry.standing.status.value}."
    if diff.placing is Placing.REMOVED and old is not None:
        yield f"Removed from {text(_part(old))}."
    for status in diff.statuses:
        what = "Status" if status.paragraph is None else f"Paragraph {text(status.paragraph)}"
        yield f"{what}: {status.old.value} → {status.new.value}."
    for bracket in diff.brackets:
        verb = "opened" if bracket.opened else "closed"
        yield f"Bracket {{{text(bracket.name)}}} of paragraph {text(bracket.paragraph)} {verb}."
    for reservation in diff.reservations:
        yield _reservation(comparison, reservation, text)


def _follows(version: Snapshot, clause: str) -> str:
    """Where a clause stands among the others: ``after 'objectives-scope'``, or ``first``."""
    kind = type(version.draft.placements[clause])
    same = [c for c, p in version.draft.placements.items() if isinstance(p, kind)]
    index = same.index(clause)
    return f"after '{same[index - 1]}'" if index else "first"


def _part(placement: Placement) -> str:
    return placement.where if isinstance(placement, Article) else "the preamble"


def _reservation(
    comparison: Comparison, change: ReservationChange, text: Callable[[str], str]
) -> str:
    names = {p.id: p.name for p in (*comparison.old.draft.parties, *comparison.new.draft.parties)}
    who = f"{names[change.party]} ({change.party})" if change.party in names else change.party
    on = "the article" if change.paragraph is None else f"paragraph {change.paragraph}"
    verb = "entered" if change.entered else "lifted"
    return f"Reservation {verb}: {change.kind.value} reservation by {text(who)} on {text(on)}."


def _renumbered(diffs: list[ClauseDiff]) -> str:
    lines = ["| clause | before | now |", "| --- | --- | --- |"]
    lines += [
        f"| {inline(diff.id)} | {diff.old.label} | {diff.new.label} |"
        for diff in diffs
        if diff.old is not None and diff.new is not None
    ]
    return "\n".join(lines)


def _coverage(comparison: Comparison) -> str:
    lines = ["| requirement | before | now |", "| --- | --- | --- |"]
    lines += [
        f"| {inline(change.requirement)} | {_STATES[change.old]} | {_STATES[change.new]} |"
        for change in comparison.coverage
    ]
    return "\n".join(lines)
