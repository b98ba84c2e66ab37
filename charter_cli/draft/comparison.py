"""Compare two versions of the library: what changed in the draft, clause by clause.

Clauses are matched by ID, never by position, and paragraphs and points by
their stable IDs, so inserting an article changes nothing in the others but
their numbers. For every clause placed in either draft, :func:`compare` says:

* where it stands: **added**, **removed**, **moved** (its place among the
  others changed, or it went to another chapter, or from the preamble to the
  articles), **renumbered** only (its number changed because others were
  inserted or removed before it), or **kept**;
* which words changed, paragraph by paragraph and point by point, as runs of
  words kept, deleted and inserted (references stay ``[[clause-id]]``, so a
  renumbering is never a change of words); paragraphs and points added,
  removed or moved within the article; a new title;
* its status and its paragraphs' statuses, the brackets opened and closed,
  and the reservations entered and lifted;

and, for the requirements, which changed between covered, at risk, waived and
uncovered.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum
from pathlib import Path

from charter_cli.draft.assemble import assemble
from charter_cli.draft.coverage import Coverage, CoverState, compute_coverage
from charter_cli.draft.model import Article, Draft, Placement, Recital
from charter_cli.errors import InvalidInputError
from charter_cli.load.library import Library
from charter_cli.load.loader import load_library
from charter_cli.load.negotiation import paragraph_status
from charter_cli.load.revision import Version
from charter_cli.load.wording import (
    Change,
    Edit,
    paragraph_wording,
    point_wording,
    whole_paragraph_wording,
    word_diff,
)
from charter_cli.models.clause import Paragraph, Point, Reservation
from charter_cli.vocabulary import ReservationKind, Status


@dataclass(frozen=True)
class Snapshot:
    """One version of the project, assembled: what a comparison needs of it."""

    label: str
    library: Library
    draft: Draft
    coverage: Coverage
    revision: str | None = None
    folder: str | None = None


def snapshot(
    root: Path, label: str, *, revision: str | None = None, folder: str | None = None
) -> Snapshot:
    """Load and assemble the project at ``root``; refuse one that cannot be read or fails its schema.

    A clause that fails its schema would be missing from the draft and show as
    removed, so such a version is not compared.
    """
    library = load_library(root)
    broken = [f for f in library.findings if f.code.startswith(("CH0", "CH1"))]
    if library.manifest is None or broken:
        first = broken[0].format() if broken else "charter.toml cannot be used"
        more = f" (and {len(broken) - 1} more)" if len(broken) > 1 else ""
        raise InvalidInputError(
            f"{label}: the project cannot be loaded, so it is not compared: {first}{more}",
            hint="fix it, or compare another version"
            if revision is None
            else "compare another revision",
        )
    draft = assemble(library, library.manifest)
    return Snapshot(label, library, draft, compute_coverage(library, draft), revision, folder)


class Placing(StrEnum):
    """What happened to a clause's place in the draft."""

    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"
    RENUMBERED = "renumbered"
    """Only its number changed, because clauses before it were inserted, removed or moved."""
    KEPT = "kept"


class Part(StrEnum):
    """Which text of a clause changed."""

    TITLE = "title"
    PARAGRAPH = "paragraph"
    """A paragraph's own words (before its points)."""
    POINT = "point"


@dataclass(frozen=True)
class TextChange:
    """The words of a title, paragraph or point, before and after."""

    part: Part
    change: Placing
    """``added``, ``removed``, ``moved`` (within the article, words perhaps changed too) or
    ``kept`` (in place, words changed)."""
    paragraph: str | None
    point: str | None
    old_citation: str | None
    new_citation: str | None
    edits: tuple[Edit, ...]

    @property
    def worded(self) -> bool:
        """Whether any word was deleted or inserted."""
        return any(edit.change is not Change.EQUAL for edit in self.edits)


@dataclass(frozen=True)
class StatusChange:
    """A status before and after: of the article (``paragraph`` None) or of a paragraph."""

    paragraph: str | None
    old: Status
    new: Status


@dataclass(frozen=True)
class BracketChange:
    """A bracket ``{name}`` of a paragraph, opened or closed."""

    paragraph: str
    name: str
    opened: bool


@dataclass(frozen=True)
class ReservationChange:
    """A reservation entered or lifted."""

    party: str
    kind: ReservationKind
    paragraph: str | None
    entered: bool


@dataclass(frozen=True)
class ClauseDiff:
    """One clause of either draft, and what changed in it."""

    id: str
    old: Placement | None
    new: Placement | None
    placing: Placing
    texts: tuple[TextChange, ...] = ()
    statuses: tuple[StatusChange, ...] = ()
    brackets: tuple[BracketChange, ...] = ()
    reservations: tuple[ReservationChange, ...] = ()

    @property
    def changed(self) -> bool:
        """Whether anything but its number changed (its place, words, status, ...)."""
        return self.placing not in (Placing.KEPT, Placing.RENUMBERED) or self.amended

    @property
    def amended(self) -> bool:
        """Whether its words, parts, status, brackets or reservations changed."""
        return bool(self.texts or self.statuses or self.brackets or self.reservations)

    @property
    def title(self) -> str:
        """Its title in the newer version it stands in."""
        placement = self.new or self.old
        assert placement is not None  # noqa: S101 - a diff is of a clause in one version at least
        return placement.entry.clause.title


@dataclass(frozen=True)
class CoverageChange:
    """A requirement whose state changed; ``None`` where it is not in that version's sources."""

    requirement: str
    old: CoverState | None
    new: CoverState | None


@dataclass(frozen=True)
class Comparison:
    """Everything that changed between two versions."""

    old: Snapshot
    new: Snapshot
    clauses: tuple[ClauseDiff, ...]
    """Every clause placed in either draft that is not simply kept: new draft order, then the
    removed ones in old draft order."""
    coverage: tuple[CoverageChange, ...]

    @property
    def differs(self) -> bool:
        """Whether anything changed (numbering included)."""
        return bool(self.clauses or self.coverage)

    def count(self, placing: Placing) -> int:
        """How many clauses were added, removed, moved or renumbered only."""
        if placing is Placing.RENUMBERED:
            return sum(d.placing is placing and not d.amended for d in self.clauses)
        return sum(d.placing is placing for d in self.clauses)

    @property
    def amended(self) -> int:
        """How many clauses had words, parts, status, brackets or reservations changed."""
        return sum(d.amended for d in self.clauses)


def compare_versions(old: Version, new: Version) -> Comparison:
    """Load, assemble and compare two versions of the project (see :mod:`charter_cli.load.revision`)."""
    return compare(
        snapshot(old.root, old.label, revision=old.revision, folder=old.folder),
        snapshot(new.root, new.label, revision=new.revision, folder=new.folder),
    )


def compare(old: Snapshot, new: Snapshot) -> Comparison:
    """What changed from ``old`` to ``new``."""
    before, after = old.draft.placements, new.draft.placements
    moved = _moved(before, after)
    diffs = []
    for clause_id, placement in after.items():
        earlier = before.get(clause_id)
        if earlier is None:
            diffs.append(ClauseDiff(clause_id, None, placement, Placing.ADDED))
            continue
        if clause_id in moved:
            placing = Placing.MOVED
        elif _numeral(earlier) != _numeral(placement):
            placing = Placing.RENUMBERED
        else:
            placing = Placing.KEPT
        diff = _compared(earlier, placement, placing)
        if diff.changed or placing is Placing.RENUMBERED:
            diffs.append(diff)
    diffs += [
        ClauseDiff(clause_id, placement, None, Placing.REMOVED)
        for clause_id, placement in before.items()
        if clause_id not in after
    ]
    return Comparison(old, new, tuple(diffs), _coverage(old.coverage, new.coverage))


def _numeral(placement: Placement) -> str:
    return placement.numeral if isinstance(placement, Article) else f"R{placement.number}"


def _moved(before: Mapping[str, Placement], after: Mapping[str, Placement]) -> set[str]:
    """Clauses whose place among the others changed, that changed part, or articles that became recitals."""
    moved = set()
    for kind in (Article, Recital):
        old = [
            c for c, p in before.items() if isinstance(p, kind) and isinstance(after.get(c), kind)
        ]
        new = [
            c for c, p in after.items() if isinstance(p, kind) and isinstance(before.get(c), kind)
        ]
        kept = set()
        for block in SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks():
            kept.update(old[block.a : block.a + block.size])
        moved.update(set(old) - kept)
    for clause_id, placement in after.items():
        earlier = before.get(clause_id)
        if earlier is None:
            continue
        if type(earlier) is not type(placement) or _part(earlier) != _part(placement):
            moved.add(clause_id)
    return moved


def _part(placement: Placement) -> str:
    return placement.where if isinstance(placement, Article) else "preamble"


def cite(placement: Placement, paragraph: str | None = None, point: str | None = None) -> str:
    """``Article 12(2)(a)``, ``Article 12`` (also for the one paragraph of an article) or ``Recital 3``."""
    if not isinstance(placement, Article):
        return placement.label
    if point is None and len(placement.entry.paragraphs) == 1:
        return placement.label  # an article of one paragraph does not number it
    return placement.cite(paragraph, point)


def _compared(old: Placement, new: Placement, placing: Placing) -> ClauseDiff:
    a, b = old.entry.clause, new.entry.clause
    if a == b:
        return ClauseDiff(old.entry.id, old, new, placing)
    texts: list[TextChange] = []
    if a.title != b.title:
        edits = word_diff(a.title, b.title)
        texts.append(TextChange(Part.TITLE, Placing.KEPT, None, None, old.label, new.label, edits))
    texts += _paragraphs(old, new)
    statuses = []
    if old.entry.standing.status != new.entry.standing.status:
        statuses.append(StatusChange(None, old.entry.standing.status, new.entry.standing.status))
    brackets: list[BracketChange] = []
    paragraphs = {p.id: p for p in old.entry.paragraphs}
    for paragraph in new.entry.paragraphs:
        earlier = paragraphs.get(paragraph.id)
        if earlier is None:
            continue
        if paragraph_status(earlier) != paragraph_status(paragraph):
            statuses.append(
                StatusChange(paragraph.id, paragraph_status(earlier), paragraph_status(paragraph))
            )
        brackets += [
            BracketChange(paragraph.id, name, opened=True)
            for name in paragraph.bracket
            if name not in earlier.bracket
        ]
        brackets += [
            BracketChange(paragraph.id, name, opened=False)
            for name in earlier.bracket
            if name not in paragraph.bracket
        ]
    return ClauseDiff(
        old.entry.id,
        old,
        new,
        placing,
        tuple(texts),
        tuple(statuses),
        tuple(brackets),
        _reservations(a.reservation, b.reservation),
    )


def _order_changed(old: Sequence[str], new: Sequence[str]) -> set[str]:
    """Items of both lists whose place among the common ones changed."""
    common = set(old) & set(new)
    a = [item for item in old if item in common]
    b = [item for item in new if item in common]
    kept = set()
    for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        kept.update(a[block.a : block.a + block.size])
    return common - kept


def _paragraphs(old: Placement, new: Placement) -> list[TextChange]:
    before = {p.id: p for p in old.entry.paragraphs}
    after = {p.id: p for p in new.entry.paragraphs}
    moved = _order_changed(list(before), list(after))
    changes: list[TextChange] = []
    for paragraph in new.entry.paragraphs:
        earlier = before.get(paragraph.id)
        where = cite(new, paragraph.id)
        if earlier is None:
            edits = word_diff("", whole_paragraph_wording(paragraph))
            changes.append(
                TextChange(Part.PARAGRAPH, Placing.ADDED, paragraph.id, None, None, where, edits)
            )
            continue
        placing = Placing.MOVED if paragraph.id in moved else Placing.KEPT
        edits = word_diff(paragraph_wording(earlier), paragraph_wording(paragraph))
        change = TextChange(
            Part.PARAGRAPH, placing, paragraph.id, None, cite(old, paragraph.id), where, edits
        )
        if change.worded or placing is Placing.MOVED:
            changes.append(change)
        changes += _points(old, new, earlier, paragraph)
    changes += [
        TextChange(
            Part.PARAGRAPH,
            Placing.REMOVED,
            paragraph.id,
            None,
            cite(old, paragraph.id),
            None,
            word_diff(whole_paragraph_wording(paragraph), ""),
        )
        for paragraph in old.entry.paragraphs
        if paragraph.id not in after
    ]
    return changes


def _points(
    old: Placement, new: Placement, before: Paragraph, after: Paragraph
) -> list[TextChange]:
    if before.point == after.point and before.bracket == after.bracket:
        return []
    earlier: dict[str, Point] = {p.id: p for p in before.point}
    later = {p.id for p in after.point}
    moved = _order_changed(list(earlier), [p.id for p in after.point])
    changes = []
    for point in after.point:
        previous = earlier.get(point.id)
        where = cite(new, after.id, point.id)
        if previous is None:
            edits = word_diff("", point_wording(after, point))
            changes.append(
                TextChange(Part.POINT, Placing.ADDED, after.id, point.id, None, where, edits)
            )
            continue
        edits = word_diff(point_wording(before, previous), point_wording(after, point))
        placing = Placing.MOVED if point.id in moved else Placing.KEPT
        change = TextChange(
            Part.POINT, placing, after.id, point.id, cite(old, before.id, point.id), where, edits
        )
        if change.worded or placing is Placing.MOVED:
            changes.append(change)
    changes += [
        TextChange(
            Part.POINT,
            Placing.REMOVED,
            before.id,
            point.id,
            cite(old, before.id, point.id),
            None,
            word_diff(point_wording(before, point), ""),
        )
        for point in before.point
        if point.id not in later
    ]
    return changes


def _reservations(
    before: Sequence[Reservation], after: Sequence[Reservation]
) -> tuple[ReservationChange, ...]:
    def keys(items: Sequence[Reservation]) -> list[tuple[str, ReservationKind, str | None]]:
        return list(dict.fromkeys((r.party, r.kind, r.paragraph) for r in items))

    old, new = keys(before), keys(after)
    entered = [ReservationChange(*key, entered=True) for key in new if key not in old]
    lifted = [ReservationChange(*key, entered=False) for key in old if key not in new]
    return (*entered, *lifted)


def _coverage(old: Coverage, new: Coverage) -> tuple[CoverageChange, ...]:
    before = {item.entry.id: item.state for item in old.items}
    after = {item.entry.id: item.state for item in new.items}
    changes = [
        CoverageChange(requirement, before.get(requirement), state)
        for requirement, state in after.items()
        if before.get(requirement) != state
    ]
    changes += [
        CoverageChange(requirement, state, None)
        for requirement, state in before.items()
        if requirement not in after
    ]
    return tuple(changes)
