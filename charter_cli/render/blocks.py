"""What a rendering of the draft is made of, before it is written as Markdown, HTML or text.

:mod:`charter_cli.render.layout` decides *what* a rendering shows (which
paragraphs, brackets, parties, notes) for every format, and
:mod:`charter_cli.render.article` cuts an article into these blocks; the writers (:mod:`~charter_cli.render.markdown`,
:mod:`~charter_cli.render.html`, :mod:`~charter_cli.render.plain`) decide only *how*,
and escape every text as their format needs. Text from the library is always a
plain ``str`` here, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from charter_cli.render.layout import Note, TraceGroup

__all__ = [
    "ArticleView",
    "Block",
    "Bracket",
    "Emphasis",
    "Inline",
    "ItemList",
    "Label",
    "Line",
    "Link",
    "Note",
    "NoteMark",
    "Para",
    "Provision",
    "TraceGroup",
]


@dataclass(frozen=True, slots=True)
class Link:
    """A cross-reference that the draft shows as a link: ``Article 7(2)``."""

    text: str
    target: str
    """The identifier of the article it points to (``art_7``, :func:`charter_cli.render.layout.article_eid`)."""


@dataclass(frozen=True, slots=True)
class NoteMark:
    """The mark of a footnote (a reservation) in the text."""

    label: str
    """Its label, unique in the document: ``article-2-1``."""


@dataclass(frozen=True, slots=True)
class Label:
    """Who proposes the words that follow, inside square brackets: ``EU: ``, ``Alternative 1 (EU): ``."""

    text: str


@dataclass(frozen=True, slots=True)
class Emphasis:
    """Words the tool adds, set in italics: ``*delete*``, a status note, the trace."""

    content: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Bracket:
    """Contested words in square brackets: one party's option, or the options of a clean text."""

    content: tuple[Inline, ...]
    party: str | None = None
    """The party proposing it (compilation text), or ``None``."""


Inline = str | Link | NoteMark | Label | Emphasis | Bracket
"""A piece of a line. A ``str`` is text to show as it is."""
Line = tuple[Inline, ...]
"""A line of a paragraph; the lines of a paragraph are joined by soft line breaks."""


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph of text."""

    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class ItemList:
    """A list written in a clause text: its items, each one paragraph."""

    ordered: bool
    start: int
    items: tuple[Para, ...]


Block = Para | ItemList


@dataclass(frozen=True, slots=True)
class Provision:
    """A paragraph of an article, one of its points, an alternative, or a recital's text."""

    marker: str
    """``1.``, ``(2)``, ``(a)``, or empty when the text is not numbered."""
    blocks: tuple[Block, ...]
    kind: str = "paragraph"
    """``paragraph``, ``point`` or ``alternative``: how it is styled."""
    party: str | None = None
    """The party proposing it, when it is an alternative or one party's proposal."""
    open: bool = False
    """Whether it is in square brackets as a whole (a proposal, an alternative)."""


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One article or recital as a rendering shows it."""

    anchor: str
    """``art_7``, or ``recs__rec_2`` for a recital (the identifiers of :mod:`~charter_cli.render.layout`)."""
    number: int
    heading: str
    """``Article 7``; empty for a recital."""
    title: str
    title_marks: tuple[NoteMark, ...]
    """Marks of the reservations on the whole article."""
    provisions: tuple[Provision, ...]
    status: str
    """The derived status: ``agreed``, ``proposed`` or ``bracketed``."""
    open: bool
    """Whether it is open as a whole (proposed or bracketed): set in brackets or marked."""
    status_note: Line | None
    """``Proposed by EU; not yet agreed.`` in the compilation text."""
    trace: tuple[TraceGroup, ...]
    """What it implements, when the rendering shows the trace."""
    notes: tuple[Note, ...]
    """Its reservations, in the order of their marks."""
    clause: str
    """The clause's ID."""
    depth: int = 0
    """2 for an article placed directly in a title, 3 in a chapter, 0 for a recital."""
