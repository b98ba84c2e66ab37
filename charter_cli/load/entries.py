"""What the loader returns for each file and item: the value, its file and its place in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Generic, Protocol, TypeVar

from charter_cli.findings import Finding, Severity
from charter_cli.load.documents import Document
from charter_cli.load.negotiation import Standing, standing
from charter_cli.load.paragraphs import Cover, Facts, TextUnit, facts, text_units
from charter_cli.models import Clause, Requirement, Section
from charter_cli.models.catalogue import SourceInfo
from charter_cli.models.clause import Paragraph


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
    """Path of the source document's text relative to the project root (``charter:NAME.txt``
    for a catalogue shipped with charter)."""
    text_path: Path | None = None
    """Where the source document's text is on disk."""
    informative: bool = False
    """Whether the charter is measured against it without having to cover it."""


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


class _File(Protocol):
    @property
    def doc(self) -> Document: ...


V = TypeVar("V", bound=_Identified)
F = TypeVar("F", bound=_File)


@dataclass(frozen=True, slots=True, eq=False)
class Entry(Generic[V, F]):
    """An item of an array of tables (a ``[[clause]]``, a ``[[requirement]]``) and its file."""

    TABLE: ClassVar[str] = ""
    value: V
    file: F
    position: int
    """Index of the item among the file's tables of its kind."""
    id: str = field(init=False)
    """The item's ID (a field: it is looked up for every item at every stage)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", self.value.id)

    @property
    def document(self) -> Document:
        """The file that holds the item."""
        return self.file.doc

    def line(self, *keys: str | int) -> int | None:
        """Line of the item (or of one of its keys) in its file."""
        return self.file.doc.line((self.TABLE, self.position, *keys))

    @property
    def location(self) -> str:
        """``file:line`` of the item's ID, for messages."""
        return f"{self.file.doc.rel}:{self.line('id')}"

    def finding(
        self,
        code: str,
        message: str,
        *keys: str | int,
        hint: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding located at this item (or at one of its keys)."""
        return Finding(code, message, self.file.doc.rel, self.line(*keys), hint, severity=severity)


class ClauseEntry(Entry[Clause, ModuleFile]):
    """A clause together with the module that holds it."""

    __slots__ = ("_facts", "_standing", "_units")
    TABLE = "clause"
    _facts: Facts
    _standing: Standing
    _units: tuple[TextUnit, ...]

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "_facts", facts(self.value))

    @property
    def facts(self) -> Facts:
        """Paragraphs, texts and covers of the clause, worked out once (see :func:`facts`)."""
        return self._facts

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """The clause's paragraphs, whatever form the file gives them in."""
        return self._facts.paragraphs

    @property
    def text(self) -> str:
        """Every text of the clause joined by line breaks, for quick tests."""
        return self._facts.text

    @property
    def covers(self) -> tuple[Cover, ...]:
        """Every ``covers`` entry of the clause, its paragraphs and points."""
        return self._facts.covers

    @property
    def units(self) -> tuple[TextUnit, ...]:
        """Every text of the clause, with its key path (see :func:`text_units`; read once)."""
        try:
            return self._units
        except AttributeError:
            object.__setattr__(self, "_units", tuple(text_units(self.value)))
            return self._units

    @property
    def standing(self) -> Standing:
        """Where the article stands in the negotiation (derived once)."""
        try:
            return self._standing
        except AttributeError:
            plain = self._facts.plain  # no paragraph can be open: nothing to count
            found = standing(self.value, () if plain else self.paragraphs)
            object.__setattr__(self, "_standing", found)
            return self._standing

    @property
    def clause(self) -> Clause:
        """The clause."""
        return self.value

    def line_in(self, unit: TextUnit, offset: int) -> int | None:
        """The line of character ``offset`` of one of the clause's texts in its module."""
        return self.file.doc.index.line_in_value(
            ("clause", self.position, *unit.keys), unit.text, offset
        )

    @property
    def module(self) -> ModuleFile:
        """The module that holds it."""
        return self.file


class RequirementEntry(Entry[Requirement, CatalogueFile]):
    """A requirement together with the catalogue that holds it."""

    __slots__ = ()
    TABLE = "requirement"

    @property
    def citation(self) -> str:
        """How the draft cites its source: the source's citation, or the catalogue's path."""
        source = self.file.source
        return source.citation if source is not None else self.file.doc.rel

    @property
    def requirement(self) -> Requirement:
        """The requirement."""
        return self.value

    @property
    def catalogue(self) -> CatalogueFile:
        """The catalogue that holds it."""
        return self.file


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
