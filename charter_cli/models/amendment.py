"""Schema of an amendment file: a TOML file under ``amendments/`` holding tabled amendments.

An amendment names the text it amends by stable IDs (a clause, one of its
paragraphs, one of their points), says what it does to it (``replace``,
``insert``, ``delete``), gives the new wording, who tabled it and why, and
where it stands (tabled, adopted, rejected, ...). For a ``replace`` or a
``delete`` it records a fingerprint of the wording it amends, as it stood when
the amendment was tabled: when that wording changes afterwards, ``charter
check`` reports the amendment as stale (``CH242``), and ``charter apply``
refuses it. ``charter new amendment`` and ``charter amendments fingerprint``
fill in the fingerprint and the existing wording.
"""

from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from charter_cli.models.clause import Key, PartyRef
from charter_cli.models.common import Id, Language, Line, Model, Text
from charter_cli.vocabulary import AmendmentKind, Outcome

FINGERPRINT_PATTERN = r"^sha256:[0-9a-f]{16,64}$"
Fingerprint = Annotated[str, StringConstraints(pattern=FINGERPRINT_PATTERN)]
"""``sha256:`` and the first hex digits of the SHA-256 of the normalised wording amended."""

Number = Annotated[int, Field(ge=1, le=99_999)]
"""An amendment's number: 1, 2, ... as tabled."""

Group = Annotated[str, StringConstraints(pattern=r"^[^\r\n]*\S[^\r\n]*$", max_length=80)]
"""A political group's short name, as the Assembly writes it: ``PPE``, ``S&D``, ``Greens/EFA``."""


class Author(Model):
    """Who tables the amendment: a member (with their group and delegation), a group, or a party."""

    member: Line | None = None
    """A member's name as they sign the amendment, e.g. ``María Rivera``."""
    group: Group | None = None
    """The member's political group, or the group tabling it as a group: ``PPE``, ``S&D``."""
    delegation: Line | None = None
    """The member's delegation or parliament, e.g. ``Parlatino`` or ``European Parliament``."""
    party: PartyRef | None = None
    """A ``[[party]]`` of the manifest that tables it as a party, e.g. ``LAC`` or ``BR``."""

    @model_validator(mode="after")
    def _someone(self) -> "Author":
        if (self.member, self.group, self.delegation, self.party) == (None, None, None, None):
            raise ValueError("name a member, a group, a delegation or a party")
        return self


class Target(Model):
    """The text an amendment amends: a clause, or one of its paragraphs, or one of their points."""

    clause: Id
    """The clause (article or recital) by its stable ID; alone, the amendment concerns the whole
    article (an ``insert`` then adds a new article after it)."""
    paragraph: Key | None = None
    """One of its paragraphs, by its stable ID (``p1`` for an article of one ``text``)."""
    point: Key | None = None
    """One of that paragraph's points, by its stable ID."""
    before: bool = False
    """For an ``insert``: add the new article, paragraph or point before the one named, not after
    it (to insert before the first one)."""

    @model_validator(mode="after")
    def _point_in_paragraph(self) -> "Target":
        if self.point is not None and self.paragraph is None:
            raise ValueError("a 'point' needs the 'paragraph' that holds it")
        return self


class Amendment(Model):
    """An ``[[amendment]]``: one amendment tabled to the text."""

    number: Number
    """Its number, as tabled: ``12`` is Amendment 12 (compromise amendments have their own
    numbers: Compromise amendment 1, 2, ...)."""
    compromise: bool = False
    """Whether it is a compromise amendment, replacing amendments that name it in
    ``replaced_by``."""
    tabled_by: list[Author] = Field(min_length=1)
    """Who tables it: one or more members, groups, delegations or parties."""
    target: Target
    """What it amends, by stable IDs: ``{ clause = "drugs-precursors", paragraph = "control" }``."""
    kind: AmendmentKind
    """``replace`` (new wording for the target), ``insert`` (a new article, paragraph or point
    after the target) or ``delete`` (the target is deleted)."""
    text: Text | None = None
    """The new wording: of the target (``replace``) or of what is inserted (``insert``). May hold
    ``[[clause-id]]`` references and ``{name}`` brackets of the paragraph, as clause texts do."""
    new_id: Id | None = None
    """For an ``insert``: the stable ID of the new article (a clause ID), paragraph or point (a
    short ID such as ``p4`` or ``notify``)."""
    title: Line | None = None
    """For the ``insert`` of a new article: its heading."""
    justification: Text | None = None
    """Why it is tabled, printed under the amendment; cite the study where it grounds it."""
    language: Language | None = None
    """The language it was tabled in (``Or. es``); left out, the charter's language."""
    outcome: Outcome = Outcome.TABLED
    """``tabled``, ``adopted``, ``rejected``, ``withdrawn``, ``fallen`` or ``replaced``."""
    replaced_by: Number | None = None
    """For an amendment ``replaced`` by a compromise: the compromise amendment's number."""
    fingerprint: Fingerprint | None = None
    """For a ``replace`` or ``delete``: the fingerprint of the wording amended, as it stood when the
    amendment was tabled. Filled in by ``charter new amendment`` or ``charter amendments
    fingerprint``; ``check`` reports the amendment as stale when the wording changes."""
    existing_text: Text | None = None
    """For a ``replace`` or ``delete``: the wording amended, as it stood when the amendment was
    tabled (the left column of the amendment). Filled in with the fingerprint."""
    notes: Text | None = None
    """Notes of the secretariat; never printed."""

    @property
    def id(self) -> str:
        """How the amendment is told from the others: ``12``, or ``CA1`` for a compromise."""
        return f"CA{self.number}" if self.compromise else str(self.number)

    @property
    def label(self) -> str:
        """``Amendment 12`` or ``Compromise amendment 1``."""
        return f"{'Compromise amendment' if self.compromise else 'Amendment'} {self.number}"

    @model_validator(mode="after")
    def _fields_of_its_kind(self) -> "Amendment":
        problems = _problems(self)
        if problems:
            raise ValueError("; ".join(problems))
        return self


def _problems(amendment: Amendment) -> list[str]:
    """What the amendment's kind and outcome require that it lacks, or forbid that it has."""
    kind = amendment.kind
    problems = []
    if kind is AmendmentKind.DELETE and amendment.text is not None:
        problems.append("a 'delete' has no new wording: remove 'text'")
    if kind is not AmendmentKind.DELETE and amendment.text is None:
        problems.append(f"a '{kind}' needs its new wording in 'text'")
    if kind is AmendmentKind.INSERT:
        if amendment.new_id is None:
            problems.append("an 'insert' needs the 'new_id' of what it inserts")
        new_article = amendment.target.paragraph is None
        if new_article and amendment.title is None:
            problems.append("a new article needs its 'title'")
        if not new_article and amendment.title is not None:
            problems.append("only a new article has a 'title'")
        if amendment.fingerprint is not None or amendment.existing_text is not None:
            problems.append("an 'insert' amends no existing wording: remove 'fingerprint'")
    else:
        if amendment.new_id is not None or amendment.title is not None:
            problems.append("'new_id' and 'title' are for an 'insert'")
        if amendment.target.before:
            problems.append("'before' is for an 'insert'")
    if (amendment.outcome is Outcome.REPLACED) != (amendment.replaced_by is not None):
        problems.append(
            "'replaced_by' names the compromise of an amendment whose outcome is 'replaced'"
        )
    return problems


class AmendmentFile(Model):
    """An amendment file: the amendments tabled in it, in any order."""

    amendment: list[Amendment] = []
    """The amendments, each with its own number."""
