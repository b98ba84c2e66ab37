"""Schema of ``charter.toml``: what the charter is and how it is assembled from the library."""

from typing import Annotated

from pydantic import StringConstraints

from charter_cli.models.common import Id, Language, Line, Model, RelPath, Text

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


class Party(Model):
    """A ``[[party]]`` to the negotiation; clauses name it in ``proposed_by``."""

    id: Id
    """Short ID used in clauses, e.g. ``EU`` or ``LAC``."""
    name: Line
    """Full name shown in the draft."""


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
