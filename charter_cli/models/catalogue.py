"""Schema of a requirements catalogue: a source document and what it asks of the charter."""

from datetime import date
from typing import Annotated

from pydantic import StringConstraints

from charter_cli.models.common import Id, Line, Model, RelPath, Text
from charter_cli.vocabulary import Level, RequirementKind

SectionId = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*$", max_length=40)
]
"""A section number or short name such as ``4.1`` or ``intro``."""


class SourceInfo(Model):
    """The ``[source]`` table: which document the requirements come from."""

    id: Id
    """Short stable ID of the source, e.g. ``GRA2008``."""
    title: Line
    """Full title of the document."""
    citation: Line
    """Short citation used in traces, e.g. ``Grabendorff 2008``."""
    text: RelPath
    """Plain-text copy of the document, relative to the catalogue file; quotes are checked against it."""
    author: Line | None = None
    """Author or authors."""
    publisher: Line | None = None
    """Publisher or issuing body."""
    published: date | None = None
    """Date of publication (a TOML date, e.g. ``2008-11-12``)."""


class Section(Model):
    """A ``[[section]]`` of the source; sections are listed in document order."""

    id: SectionId
    """Section number or short name, e.g. ``4.1``; requirements name it in ``section``."""
    title: Line
    """Heading of the section."""
    starts: Line
    """Verbatim words that open the section (its heading line); it spans to the next section."""


class Requirement(Model):
    """A ``[[requirement]]``: one distinct thing the source asks the charter to address."""

    id: Id
    """Stable ID, e.g. ``GRA-4.1-drug-precursors``; never reuse or renumber."""
    section: SectionId
    """Section of the source the requirement comes from."""
    level: Level
    """Security level: public, state, regional or cross-cutting."""
    kind: RequirementKind
    """What sort of thing is asked: instrument, principle, threat, ..."""
    statement: Line
    """One line saying what the charter must provide."""
    quote: Text
    """Verbatim words of the source (compared whitespace-insensitively) that ground the requirement."""


class Catalogue(Model):
    """A requirements catalogue file: one source, its sections, its requirements."""

    source: SourceInfo
    """The document the requirements are extracted from."""
    section: list[Section] = []
    """Sections of the source in document order; when given, quotes are checked against them."""
    requirement: list[Requirement] = []
    """The requirements, each tied to a section and a verbatim quote."""
