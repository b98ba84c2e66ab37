"""Where the negotiation of an article stands, derived from its parts.

Nothing is agreed until it is declared agreed or has no open part:

* a paragraph is **open as a whole** when it is a party's proposal (``proposed_by``),
  consists of alternatives, or is marked ``proposed`` or ``bracketed``; it then falls
  from the agreed text;
* a paragraph **has open words** when it holds brackets (``{name}``): only those
  words fall from the agreed text;
* an article is **open as a whole** when it is marked ``proposed`` or ``bracketed``;
  otherwise its status, unless set, is derived: ``bracketed`` while any part is open,
  else ``agreed``.
"""

from __future__ import annotations

from dataclasses import dataclass

from charter_cli.models.clause import Clause, Paragraph
from charter_cli.vocabulary import JOINT, Status

_OPEN = (Status.PROPOSED, Status.BRACKETED)


def paragraph_open_as_a_whole(paragraph: Paragraph) -> bool:
    """Whether the whole paragraph falls from the agreed text."""
    if paragraph.status is not None:
        return paragraph.status in _OPEN
    return bool(paragraph.alternative) or paragraph.proposed_by not in (None, JOINT)


def paragraph_status(paragraph: Paragraph) -> Status:
    """The paragraph's status: as set, else derived from its brackets, alternatives and proposer."""
    if paragraph.status is not None:
        return paragraph.status
    if paragraph.alternative or paragraph.bracket:
        return Status.BRACKETED
    if paragraph.proposed_by not in (None, JOINT):
        return Status.PROPOSED
    return Status.AGREED


def paragraph_is_open(paragraph: Paragraph) -> bool:
    """Whether anything in the paragraph is still open (all of it, or some of its words)."""
    return paragraph_open_as_a_whole(paragraph) or bool(paragraph.bracket)


@dataclass(frozen=True, slots=True)
class Standing:
    """Where an article stands."""

    status: Status
    """The status shown for the article: as set, or derived from its parts."""
    derived: bool
    """Whether the status was derived (no ``status`` key on the clause)."""
    open_as_a_whole: bool
    """Whether the whole article falls from the agreed text."""
    open_parts: int
    """How many brackets, alternatives and proposed paragraphs it holds."""

    @property
    def settled(self) -> bool:
        """Whether nothing in the article is open."""
        return not self.open_as_a_whole and not self.open_parts


def open_parts(paragraph: Paragraph) -> int:
    """Brackets, and one for an alternative or proposed paragraph, in one paragraph."""
    whole = paragraph_open_as_a_whole(paragraph)
    return len(paragraph.bracket) + (1 if whole else 0)


def standing(clause: Clause, paragraphs: tuple[Paragraph, ...]) -> Standing:
    """The article's standing, from its own status and its paragraphs."""
    parts = sum(open_parts(paragraph) for paragraph in paragraphs)
    if clause.status is not None:
        return Standing(clause.status, False, clause.status in _OPEN, parts)
    return Standing(Status.BRACKETED if parts else Status.AGREED, True, False, parts)
