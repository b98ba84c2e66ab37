"""Schema of ``charter.toml``: what the charter is and how it is assembled from the library."""

from datetime import date
from typing import Annotated

from pydantic import StringConstraints

from charter_cli.models.common import Id, Language, Line, Model, RelPath, Text
from charter_cli.vocabulary import ChapterScope, Numerals, ParagraphStyle, PartyKind, PointStyle

Entry = Annotated[str, StringConstraints(pattern=r"^[^\r\n]*\S[^\r\n]*$", max_length=1000)]
"""A module path or glob ending in ``.toml`` (relative to the project root), or a clause ID."""


class CharterInfo(Model):
    """The ``[charter]`` table: the agreement being drafted."""

    title: Line
    """Full title of the charter, rendered as the title of the draft."""
    version: Line
    """Version of this draft, e.g. ``0.1.0`` or ``2026-11 committee draft``."""
    language: Language = "en"
    """Primary language of the clause texts (BCP 47 tag)."""
    sources: list[RelPath] = []
    """Requirements catalogues whose requirements the draft must cover, relative to the project root."""
    informative: list[RelPath] = []
    """Catalogues the draft is measured against without having to cover them: their coverage is
    reported, and a gap is a note, never a failure. Also listed in ``sources``."""
    amendments: RelPath = "amendments"
    """Folder of the amendment files (``*.toml``, read with its subfolders), relative to the
    project root."""


class Party(Model):
    """A ``[[party]]`` to the negotiation; clauses name it in ``proposed_by``."""

    id: Id
    """Short ID used in clauses, e.g. ``EU`` or ``LAC``."""
    name: Line
    """Full name shown in the draft."""
    kind: PartyKind = PartyKind.BLOC
    """bloc (one of the regions' blocs), group (a sub-regional group) or state (one State)."""
    member_of: list[Id] = []
    """The parties (blocs or groups) this party belongs to, e.g. ``["LAC"]`` for a State."""


class Preamble(Model):
    """The ``[preamble]`` table: the recitals, between an opening and a closing formula."""

    heading: Line = "Preamble"
    """Heading of the preamble in the draft."""
    opening: Text | None = None
    """Words before the recitals, e.g. ``The Parties to this Charter,``."""
    include: list[Entry] = []
    """Modules, globs or clause IDs whose clauses become the recitals, in order."""
    closing: Text | None = None
    """Words after the recitals, e.g. ``Have agreed as follows:``."""


class Chapter(Model):
    """A ``[[title.chapter]]``: a numbered chapter of a title."""

    heading: Line
    """Heading of the chapter, without its number."""
    include: list[Entry] = []
    """Modules, globs or clause IDs whose clauses become the chapter's articles, in order."""


class Title(Model):
    """A ``[[title]]``: a numbered title (part) of the charter."""

    heading: Line
    """Heading of the title, without its number."""
    include: list[Entry] = []
    """Articles placed directly in the title, before its chapters."""
    chapter: list[Chapter] = []
    """The chapters of the title, numbered from 1 in each title."""


class Numbering(Model):
    """The ``[numbering]`` table: how titles, chapters, paragraphs and points are numbered."""

    titles: Numerals = Numerals.ROMAN
    """Titles numbered in roman (I, II, ...) or arabic (1, 2, ...) numerals."""
    chapters: Numerals = Numerals.ARABIC
    """Chapters numbered in roman or arabic numerals."""
    chapters_across: ChapterScope = ChapterScope.TITLE
    """``title``: chapters are numbered from 1 in each title; ``charter``: across the whole
    charter (the Charter adopted in 2009 numbers its chapters I to XIV across four titles)."""
    paragraphs: ParagraphStyle = ParagraphStyle.PERIOD
    """Paragraph numbers written ``1.`` or ``(1)``."""
    points: PointStyle = PointStyle.PARENTHESES
    """Points lettered ``(a)`` or ``a)``."""


class Translations(Model):
    """The ``[translations]`` table: the languages the charter is translated into."""

    languages: list[Language] = []
    """The languages of the translations, besides the charter's own ``language``."""
    required: list[Language] = []
    """Languages in which every unit must be translated and current: a missing or stale unit is an
    error. In the other languages a stale unit is a warning and a missing one is counted."""
    folder: RelPath = "translations"
    """The folder that holds one folder of translation files per language."""


class Waiver(Model):
    """A ``[[waiver]]``: a requirement the charter deliberately does not address."""

    requirement: Id
    """The requirement waived."""
    reason: Text
    """Why the charter does not address it."""
    decided_by: Line
    """Who decided, e.g. ``Drafting committee``."""
    decided_on: date
    """When (a TOML date, e.g. ``2026-11-20``)."""


class Manifest(Model):
    """The manifest ``charter.toml`` at the root of a charter project."""

    charter: CharterInfo
    """What is being drafted."""
    party: list[Party] = []
    """The negotiating parties."""
    preamble: Preamble | None = None
    """The preamble, if the charter has one."""
    title: list[Title] = []
    """The titles of the charter in order; articles are numbered across all of them."""
    numbering: Numbering = Numbering()
    """How titles, chapters, paragraphs and points are numbered."""
    translations: Translations = Translations()
    """The languages the charter is translated into (none by default)."""
    waiver: list[Waiver] = []
    """Requirements deliberately not addressed, with the reason and the decision."""
