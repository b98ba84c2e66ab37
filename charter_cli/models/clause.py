"""Schema of a clause module: a TOML file under ``clauses/`` holding one or more clauses.

A clause is an article (or, in the preamble, a recital). Its text is either one
unnumbered ``text`` or a list of numbered ``[[clause.paragraph]]`` tables, each
with a stable ``id`` that never changes when paragraphs are inserted or moved,
optional lettered ``[[clause.paragraph.point]]`` tables, and the negotiation
inside it: contested words (``{name}`` in the text, its options in
``bracket.name``), whole-paragraph alternatives, proposals and reservations.
"""

from typing import Annotated, Any

from pydantic import (
    ConfigDict,
    Field,
    StringConstraints,
    ValidatorFunctionWrapHandler,
    model_validator,
)
from pydantic.config import JsonValue

from charter_cli.models.common import Id, Line, Model, Text, one_of
from charter_cli.vocabulary import JOINT, ReservationKind, Status

PartyRef = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_-]*$", max_length=40)]
"""A party ID declared in the manifest, or ``joint``."""

KEY_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Key = Annotated[str, StringConstraints(pattern=KEY_PATTERN, max_length=40)]
"""The stable ID of a paragraph, point or bracket within its article: lower-case letters and
digits in runs joined by ``-``, such as ``p2``, ``notify`` or ``verb``."""


def _one_of(text: str, tables: str) -> list[JsonValue]:
    """The JSON Schema of "exactly one of a text and a non-empty list", for editors."""
    return [
        {"required": [text], "not": {"required": [tables]}},
        {"required": [tables], "not": {"required": [text]}},
    ]


EMPTY: dict[str, JsonValue] = {"default": []}
"""The default an editor shows for a list left out (a factory keeps Pydantic from copying ``[]``
for every clause and paragraph read)."""


class Option(Model):
    """One party's wording: an option of a bracket, or a whole-paragraph alternative."""

    party: PartyRef
    """The party that proposes this wording: a party ID of the manifest."""
    text: str = Field(max_length=100_000)
    """The wording; in a bracket, empty text means the party proposes to delete the words."""
    note: Text | None = None
    """Why the party proposes it (drafting note; never rendered)."""


class Point(Model):
    """A lettered point ((a), (b), ...) of a paragraph."""

    id: Key
    """Stable ID of the point within its paragraph, e.g. ``a`` or ``notify``."""
    text: Text
    """The point's text; may hold ``{name}`` brackets of its paragraph and ``[[references]]``."""
    covers: list[Id] = Field(default_factory=list, json_schema_extra=EMPTY)
    """Requirements this point implements."""


class Paragraph(Model):
    """A numbered paragraph of an article: its text (or alternatives), points and brackets."""

    model_config = ConfigDict(json_schema_extra={"oneOf": _one_of("text", "alternative")})

    id: Key
    """Stable ID of the paragraph within its article, e.g. ``p2`` or ``assistance``; references
    write ``[[clause-id#p2]]``. Display numbers are computed from the order."""
    text: Text | None = None
    """The paragraph's text. ``{name}`` marks contested words, whose options are in ``bracket``;
    ``[[clause-id]]`` or ``[[clause-id#paragraph]]`` refers to an article or one of its
    paragraphs."""
    alternative: list[Option] = Field(
        default_factory=list, json_schema_extra={**EMPTY, "minItems": 2}
    )
    """Whole-paragraph alternatives, one per party ("Alt 1 (EU)", "Alt 2 (LAC)"), instead of
    ``text``."""
    bracket: dict[Key, list[Option]] = Field(
        default_factory=dict, json_schema_extra={"default": {}}
    )
    """The options of each contested passage ``{name}`` of the paragraph and its points."""
    point: list[Point] = Field(default_factory=list, json_schema_extra=EMPTY)
    """Lettered points following the paragraph's text."""
    status: Status | None = None
    """Set only to override the status derived from the paragraph's parts."""
    proposed_by: PartyRef | None = None
    """A party that proposes the whole paragraph (not yet agreed by the others)."""
    covers: list[Id] = Field(default_factory=list, json_schema_extra=EMPTY)
    """Requirements this paragraph implements; the trace names it ("Article 23(2)")."""

    @model_validator(mode="after")
    def _text_or_alternatives(self) -> "Paragraph":
        if (self.text is None) == (not self.alternative):
            raise ValueError("a paragraph has either 'text' or at least two 'alternative' wordings")
        if self.alternative and len(self.alternative) < 2:
            raise ValueError("give two or more alternatives, or 'text' with 'proposed_by'")
        if any(not option.text.strip() for option in self.alternative):
            raise ValueError("an alternative needs its wording in 'text'")
        if self.point and self.text is None:
            raise ValueError("a paragraph with points needs 'text' to introduce them")
        return self


class Reservation(Model):
    """A party's reservation on an article, or on one of its paragraphs."""

    party: PartyRef
    """The party entering the reservation: a party ID of the manifest."""
    kind: ReservationKind = ReservationKind.GENERAL
    """general, scrutiny, parliamentary or linguistic."""
    paragraph: Key | None = None
    """The paragraph it concerns (its ``id``), or none for the whole article."""
    note: Text | None = None
    """What the party reserves, rendered in the footnote of the compilation text."""


class Clause(Model):
    """A ``[[clause]]``: one article (or, in the preamble, one recital) of the charter."""

    model_config = ConfigDict(json_schema_extra={"oneOf": _one_of("text", "paragraph")})

    id: Id
    """Stable ID, never the article number; other clauses refer to it as ``[[id]]``."""
    title: Line
    """Heading of the article."""
    status: Status | None = None
    """Negotiation status of the article as a whole: ``proposed`` or ``bracketed`` for an article
    not yet accepted as a whole, ``agreed`` for one agreed in full. When left out, it is derived
    from the parts: bracketed while any bracket, alternative or proposal is open, else agreed."""
    proposed_by: PartyRef = JOINT
    """The party that proposed the article: a party ID from the manifest, or ``joint``."""
    text: Text | None = None
    """The text of a one-paragraph article (unnumbered), instead of ``paragraph`` tables."""
    paragraph: list[Paragraph] = Field(
        default_factory=list, json_schema_extra={**EMPTY, "minItems": 1}
    )
    """The numbered paragraphs of the article, in order."""
    covers: list[Id] = Field(default_factory=list, json_schema_extra=EMPTY)
    """IDs of the requirements this clause implements."""
    reservation: list[Reservation] = Field(default_factory=list, json_schema_extra=EMPTY)
    """Parties' reservations on the article or its paragraphs."""
    notes: Text | None = None
    """Drafting notes for the committee; never rendered in the draft."""

    @model_validator(mode="wrap")
    @classmethod
    def _text_or_paragraphs(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        return one_of(
            cls, data, handler, ("text", "paragraph"), ("'text'", "[[clause.paragraph]] tables")
        )


class ModuleInfo(Model):
    """The optional ``[module]`` table describing a clause module."""

    title: Line | None = None
    """Short name of the module, shown by ``charter list``."""
    description: Text | None = None
    """What the module is for; never rendered in the draft."""


class Module(Model):
    """A clause module file."""

    module: ModuleInfo = ModuleInfo()
    """Describes the module."""
    clause: list[Clause] = []
    """The clauses of the module, in the order a manifest entry naming the module places them."""
