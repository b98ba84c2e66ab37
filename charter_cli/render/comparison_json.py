"""The comparison of two versions as JSON: a documented, versioned shape, defined by the models below.

``schema_version`` changes only when a field is removed or changes meaning;
fields may be added within a version. ``charter schema`` writes the JSON Schema
of this report as ``diff-report.schema.json``. Words are given as the library
holds them: references stay ``[[clause-id#paragraph]]``.
"""

from __future__ import annotations

from charter_cli import __version__
from charter_cli.draft.comparison import ClauseDiff, Comparison, Part, Placing, Snapshot, TextChange
from charter_cli.draft.coverage import CoverState
from charter_cli.draft.model import Article, Placement
from charter_cli.load.wording import Change, after, before
from charter_cli.render.reports.jsonreport import Tool, _Out  # one base for every JSON output
from charter_cli.vocabulary import ReservationKind, Status

SCHEMA_VERSION = 1
"""1: the first shape."""


class VersionOut(_Out):
    """One of the two versions compared."""

    label: str
    """How the report names it: ``HEAD (3f9a0c5)``, ``the working tree`` or a folder."""
    revision: str | None
    """The commit compared, for a git revision."""
    folder: str | None
    """The folder as given, for a project folder."""
    title: str
    """The charter's title in that version."""
    version: str
    """The charter's ``version`` in that version."""


class PlaceOut(_Out):
    """Where a clause stands in one version of the draft."""

    kind: str
    """``article`` or ``recital``."""
    number: str
    """Its number as the draft shows it: ``12``, ``12a`` (frozen numbering) or a recital's ``3``."""
    label: str
    """``Article 12`` or ``Recital 3``."""
    where: str
    """The part holding it: ``Title II, Chapter 1``, or ``Preamble``."""


class EditOut(_Out):
    """A run of words kept, deleted or inserted."""

    change: Change
    """``equal``, ``delete`` or ``insert``."""
    words: list[str]
    """The words, as the library holds them (separated by white space; punctuation attached)."""


class TextChangeOut(_Out):
    """The words of a title, paragraph or point that changed, or a paragraph or point added, removed or moved."""

    part: Part
    """``title``, ``paragraph`` (its own words, before its points) or ``point``."""
    change: Placing
    """``added``, ``removed``, ``moved`` (within the article) or ``kept`` (in place, words changed)."""
    paragraph: str | None
    """The paragraph's stable ID."""
    point: str | None
    """The point's stable ID."""
    old_citation: str | None
    """Where it stood: ``Article 12(2)(a)``; null if added."""
    new_citation: str | None
    """Where it stands: ``Article 13(2)(a)``; null if removed."""
    old_text: str
    """Its words before, white space collapsed (empty if added)."""
    new_text: str
    """Its words after (empty if removed)."""
    edits: list[EditOut]
    """The word-level changes from ``old_text`` to ``new_text``."""


class StatusOut(_Out):
    """A status that changed."""

    paragraph: str | None
    """The paragraph's ID, or null for the article's own (derived) status."""
    old: Status
    new: Status


class BracketOut(_Out):
    """A bracket ``{name}`` opened or closed."""

    paragraph: str
    name: str
    opened: bool
    """True if the bracket is new, false if it was closed (removed)."""


class ReservationOut(_Out):
    """A reservation entered or lifted."""

    party: str
    kind: ReservationKind
    paragraph: str | None
    """The paragraph it concerns, or null for the whole article."""
    entered: bool
    """True if entered, false if lifted."""


class ClauseOut(_Out):
    """A clause placed in either version that was added, removed, moved, renumbered or changed."""

    id: str
    """The clause's stable ID."""
    title: str
    """Its title (in the newer version it stands in)."""
    placing: Placing
    """``added``, ``removed``, ``moved``, ``renumbered`` (only its number changed, because of
    others) or ``kept``."""
    old: PlaceOut | None
    """Where it stood; null if added."""
    new: PlaceOut | None
    """Where it stands; null if removed."""
    texts: list[TextChangeOut]
    """Its titles, paragraphs and points whose words changed, or that were added, removed or moved.
    Empty for an article only renumbered, and for one added or removed (whose text is whole)."""
    statuses: list[StatusOut]
    brackets: list[BracketOut]
    reservations: list[ReservationOut]


class CoverageOut(_Out):
    """A requirement whose coverage changed."""

    id: str
    old: CoverState | None
    """``covered``, ``at-risk``, ``waived`` or ``uncovered`` before; null if not in that version's
    sources."""
    new: CoverState | None


class Summary(_Out):
    """How many clauses changed, and how."""

    added: int
    removed: int
    moved: int
    changed: int
    """Clauses whose words, paragraphs, status, brackets or reservations changed."""
    renumbered: int
    """Clauses whose number alone changed."""
    requirements: int
    """Requirements whose coverage changed."""
    differs: bool
    """Whether anything changed (what ``--exit-code`` tells)."""


class DiffReport(_Out):
    """What changed between two versions of a charter library (``charter diff --format json``)."""

    schema_version: int
    """Version of this shape (see the module's documentation)."""
    tool: Tool
    old: VersionOut
    new: VersionOut
    summary: Summary
    clauses: list[ClauseOut]
    """In the order of the newer draft, then the removed clauses in the order of the older one."""
    coverage: list[CoverageOut]


def _version(snapshot: Snapshot) -> VersionOut:
    charter = snapshot.draft.charter
    return VersionOut(
        label=snapshot.label,
        revision=snapshot.revision,
        folder=snapshot.folder,
        title=charter.title,
        version=charter.version,
    )


def _place(placement: Placement | None) -> PlaceOut | None:
    if placement is None:
        return None
    if isinstance(placement, Article):
        return PlaceOut(
            kind="article", number=placement.numeral, label=placement.label, where=placement.where
        )
    return PlaceOut(
        kind="recital", number=str(placement.number), label=placement.label, where="Preamble"
    )


def _text(change: TextChange) -> TextChangeOut:
    return TextChangeOut(
        part=change.part,
        change=change.change,
        paragraph=change.paragraph,
        point=change.point,
        old_citation=change.old_citation,
        new_citation=change.new_citation,
        old_text=" ".join(before(change.edits)),
        new_text=" ".join(after(change.edits)),
        edits=[EditOut(change=e.change, words=list(e.words)) for e in change.edits],
    )


def _clause(diff: ClauseDiff) -> ClauseOut:
    return ClauseOut(
        id=diff.id,
        title=diff.title,
        placing=diff.placing,
        old=_place(diff.old),
        new=_place(diff.new),
        texts=[_text(change) for change in diff.texts],
        statuses=[StatusOut(paragraph=s.paragraph, old=s.old, new=s.new) for s in diff.statuses],
        brackets=[
            BracketOut(paragraph=b.paragraph, name=b.name, opened=b.opened) for b in diff.brackets
        ],
        reservations=[
            ReservationOut(party=r.party, kind=r.kind, paragraph=r.paragraph, entered=r.entered)
            for r in diff.reservations
        ],
    )


def diff_report(comparison: Comparison) -> DiffReport:
    """The report of a comparison."""
    return DiffReport(
        schema_version=SCHEMA_VERSION,
        tool=Tool(name="charter", version=__version__),
        old=_version(comparison.old),
        new=_version(comparison.new),
        summary=Summary(
            added=comparison.count(Placing.ADDED),
            removed=comparison.count(Placing.REMOVED),
            moved=comparison.count(Placing.MOVED),
            changed=comparison.amended,
            renumbered=comparison.count(Placing.RENUMBERED),
            requirements=len(comparison.coverage),
            differs=comparison.differs,
        ),
        clauses=[_clause(diff) for diff in comparison.clauses],
        coverage=[CoverageOut(id=c.requirement, old=c.old, new=c.new) for c in comparison.coverage],
    )


def render_comparison_json(comparison: Comparison) -> str:
    """The report as JSON text: the same comparison always gives the same bytes.

    Pydantic's serialiser writes what ``json.dumps(indent=2, ensure_ascii=False)`` would, in
    a fraction of the time: a comparison of 10,000 clauses is megabytes of words.
    """
    return diff_report(comparison).model_dump_json(indent=2) + "\n"
