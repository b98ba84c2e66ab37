"""What the loader returns for each file and item: the value, its file and its place in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from charter_cli.findings import Finding
from charter_cli.load.documents import Document
from charter_cli.models import Clause, Requirement, Section
from charter_cli.models.catalogue import SourceInfo


@dataclass(frozen=True, eq=False)
class ModuleFile:
    """A clause module file."""

    doc: Document
    title: str | None
    """The module's ``[module] title``, shown by ``charter list modules``."""

    @property
    def rel(self) -> str:
        """Path of the module relative to the project root."""
        return self.doc.rel


@dataclass(frozen=True, eq=False)
class CatalogueFile:
    """A requirements catalogue file and the source document it describes."""

    doc: Document
    source: SourceInfo | None
    """The ``[source]`` table, if it could be read."""
    sections: tuple[tuple[int, Section], ...]
    """The valid sections with their positions among the ``[[section]]`` tables."""
    text: str | None = None
    """The source document's text, if it could be read."""
    text_rel: str | None = None
    """Path of the source document's text relative to the project root."""


class _Located:
    """Where an item (a ``[[clause]]`` or a ``[[requirement]]``) stands in its file."""

    __slots__ = ()
    position: int
    TABLE: ClassVar[str]

    @property
    def document(self) -> Document:
        """The file that holds the item."""
        raise NotImplementedError

    def line(self, *keys: str | int) -> int | None:
        """Line of the item (or of one of its keys) in its file."""
        return self.document.line((self.TABLE, self.position, *keys))

    @property
    def location(self) -> str:
        """``file:line`` of the item's ID, for messages."""
        return f"{self.document.rel}:{self.line('id')}"

    def finding(
        self, code: str, message: str, *keys: str | int, hint: str | None = None
    ) -> Finding:
        """A finding located at this item (or at one of its keys)."""
        return Finding(code, message, self.document.rel, self.line(*keys), hint)


@dataclass(frozen=True, slots=True, eq=False)
class ClauseEntry(_Located):
    """A clause together with the module that holds it."""

    TABLE: ClassVar[str] = "clause"
    clause: Clause
    module: ModuleFile
    position: int
    """Index of the clause among the module's ``[[clause]]`` tables."""
    id: str = field(init=False)
    """The clause ID (a field: it is looked up for every clause at every stage)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", self.clause.id)

    @property
    def document(self) -> Document:
        """The module file."""
        return self.module.doc


@dataclass(frozen=True, slots=True, eq=False)
class RequirementEntry(_Located):
    """A requirement together with the catalogue that holds it."""

    TABLE: ClassVar[str] = "requirement"
    requirement: Requirement
    catalogue: CatalogueFile
    position: int
    """Index of the requirement among the catalogue's ``[[requirement]]`` tables."""
    id: str = field(init=False)
    """The requirement ID."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", self.requirement.id)

    @property
    def document(self) -> Document:
        """The catalogue file."""
        return self.catalogue.doc


@dataclass(frozen=True, eq=False)
class LoadedModule:
    """A module and the clauses of it that take part in the draft (valid, not duplicates)."""

    file: ModuleFile
    clauses: tuple[ClauseEntry, ...]

    @property
    def rel(self) -> str:
        """Path of the module relative to the project root."""
        return self.file.rel

    @property
    def title(self) -> str | None:
        """The module's title."""
        return self.file.title


@dataclass(frozen=True, eq=False)
class LoadedCatalogue:
    """A catalogue and its requirements that take part in the checks (valid, not duplicates)."""

    file: CatalogueFile
    requirements: tuple[RequirementEntry, ...]
