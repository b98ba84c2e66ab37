"""The amendments and the voting list as JSON: documented, versioned shapes, defined by the models below.

``schema_version`` changes only when a field is removed or changes meaning;
fields may be added within a version. ``charter schema`` writes their JSON
Schemas as ``amendments-report.schema.json`` and ``voting-list.schema.json``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from charter_cli import __version__
from charter_cli.check.amendments import State
from charter_cli.draft.amendments import Placed, Vote
from charter_cli.draft.model import Draft
from charter_cli.models.amendment import Author, Target
from charter_cli.render.amendments import party_names, tabled_by
from charter_cli.render.comparison_json import EditOut
from charter_cli.render.reports.jsonreport import Tool, _Out  # one base for every JSON output
from charter_cli.vocabulary import AmendmentKind, Outcome

SCHEMA_VERSION = 1
"""1: the first shape."""


class CharterOut(_Out):
    """The charter the amendments are tabled to."""

    title: str
    version: str
    """The draft's ``version``."""


class AmendmentOut(_Out):
    """One amendment, resolved against the draft."""

    id: str
    """``12``, or ``CA1`` for compromise amendment 1."""
    number: int
    compromise: bool
    label: str
    """``Amendment 12`` or ``Compromise amendment 1``."""
    tabled_by: list[Author]
    """The authors, as in the amendment file."""
    authors: str
    """The authors as printed: ``María Rivera (PPE, Parlatino), S&D group``."""
    target: Target
    """What it amends, by stable IDs, as in the amendment file."""
    subject: str
    """The part of the text it amends, as printed: ``Article 12a (new)``, or article, paragraph and point joined by en dashes."""
    kind: AmendmentKind
    outcome: Outcome
    replaced_by: int | None
    """For an amendment replaced by a compromise, the compromise's number."""
    state: State
    """Against today's text: ``current``, ``stale``, ``consolidated``, ``unfingerprinted`` or
    ``unknown`` (see docs/amendments.md)."""
    language: str
    """The language it was tabled in (``Or. es``)."""
    existing_text: list[str]
    """The wording amended, line by line: as tabled when recorded, else as it stands today
    (empty for an insert)."""
    text: list[str]
    """The new wording, line by line (empty for a deletion)."""
    new_id: str | None
    """For an insert: the ID of what it inserts."""
    title: str | None
    """For a new article: its title."""
    edits: list[EditOut]
    """The word-level changes from ``existing_text`` to ``text``."""
    justification: str | None
    fingerprint: str | None
    """The fingerprint recorded of the wording amended."""


class AmendmentsReport(_Out):
    """The amendments tabled to a charter, in the order of the text (``charter amendments --format json``)."""

    schema_version: int
    """Version of this shape (see the module's documentation)."""
    tool: Tool
    charter: CharterOut
    amendments: list[AmendmentOut]


class VoteOut(_Out):
    """One line of the voting list."""

    subject: str
    """The part of the text amended."""
    amendments: list[str]
    """The IDs of the amendments voted on together (several when identical)."""
    authors: list[str]
    """Their authors, as printed, one entry per amendment."""
    kind: AmendmentKind
    identical: bool
    """Whether several identical amendments are voted on together."""
    replaces: list[str]
    """For a compromise: the IDs of the amendments it replaces."""
    falls_if: list[str]
    """IDs of amendments voted on before, whose adoption makes these fall."""
    outcome: Outcome
    replaced_by: int | None


class VotingListReport(_Out):
    """The voting list (``charter amendments --voting-list --format json``)."""

    schema_version: int
    """Version of this shape (see the module's documentation)."""
    tool: Tool
    charter: CharterOut
    votes: list[VoteOut]
    """In the order of the vote."""


def _amendment(item: Placed, language: str, parties: dict[str, str]) -> AmendmentOut:
    amendment = item.amendment
    return AmendmentOut(
        id=amendment.id,
        number=amendment.number,
        compromise=amendment.compromise,
        label=amendment.label,
        tabled_by=list(amendment.tabled_by),
        authors=tabled_by(amendment, parties),
        target=amendment.target,
        subject=item.subject,
        kind=amendment.kind,
        outcome=amendment.outcome,
        replaced_by=amendment.replaced_by,
        state=item.resolution.state,
        language=amendment.language or language,
        existing_text=list(item.old_lines),
        text=list(item.new_lines),
        new_id=amendment.new_id,
        title=amendment.title,
        edits=[EditOut(change=e.change, words=list(e.words)) for e in item.edits],
        justification=" ".join(amendment.justification.split())
        if amendment.justification
        else None,
        fingerprint=amendment.fingerprint,
    )


def _charter(draft: Draft) -> CharterOut:
    return CharterOut(title=draft.charter.title, version=draft.charter.version)


def render_amendments_json(placed: Sequence[Placed], draft: Draft, language: str) -> str:
    """The amendments report as JSON text."""
    report = AmendmentsReport(
        schema_version=SCHEMA_VERSION,
        tool=Tool(name="charter", version=__version__),
        charter=_charter(draft),
        amendments=[_amendment(item, language, party_names(draft)) for item in placed],
    )
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def render_voting_list_json(votes: Sequence[Vote], draft: Draft) -> str:
    """The voting list as JSON text."""
    report = VotingListReport(
        schema_version=SCHEMA_VERSION,
        tool=Tool(name="charter", version=__version__),
        charter=_charter(draft),
        votes=[
            VoteOut(
                subject=vote.first.subject,
                amendments=[p.amendment.id for p in vote.amendments],
                authors=[tabled_by(p.amendment, party_names(draft)) for p in vote.amendments],
                kind=vote.first.amendment.kind,
                identical=vote.identical,
                replaces=[a.id for a in vote.replaces],
                falls_if=[a.id for a in vote.falls_if],
                outcome=vote.first.amendment.outcome,
                replaced_by=vote.first.amendment.replaced_by,
            )
            for vote in votes
        ],
    )
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
