"""Schema of a clause module: a TOML file under ``clauses/`` holding one or more clauses."""

from typing import Annotated

from pydantic import StringConstraints

from charter_cli.models.common import Id, Line, Model, Text
from charter_cli.vocabulary import Status

PartyRef = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_-]*$", max_length=40)]
"""A party ID declared in the manifest, or ``joint``."""


class Clause(Model):
    """A ``[[clause]]``: one article (or, in the preamble, one recital) of the charter."""

    id: Id
    """Stable ID, never the article number; other clauses refer to it as ``[[id]]``."""
    title: Line
    """Heading of the article."""
    status: Status
    """Negotiation status: proposed, bracketed or agreed."""
    proposed_by: PartyRef
    """The party that proposed the text: a party ID from the manifest, or ``joint``."""
    text: Text
    """Markdown text; ``[[clause-id]]`` renders as a link to that article ("Article N")."""
    covers: list[Id] = []
    """IDs of the requirements this clause implements."""
    notes: Text | None = None
    """Drafting notes for the committee; never rendered in the draft."""


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
