"""The library: everything read from a project, and a record of what could not be read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from charter_cli.findings import Finding
from charter_cli.load.amendments import AmendmentEntry, Frozen
from charter_cli.load.documents import Document
from charter_cli.load.entries import ClauseEntry, LoadedCatalogue, LoadedModule, RequirementEntry
from charter_cli.models import Manifest, Party
from charter_cli.models.manifest import CharterInfo


@dataclass(frozen=True)
class Damage:
    """What failed to load, so that later stages do not report its consequences as new problems.

    A clause that refers to a clause with schema errors, or a requirement named
    only by a module that cannot be parsed, is not reported again: the finding
    about the broken file is the one to fix.
    """

    broken_ids: frozenset[str] = frozenset()
    """IDs of items that failed validation (or stand in unparsable modules)."""
    mentioned: frozenset[str] = frozenset()
    """Requirement IDs named by clauses that are broken, unreadable or duplicates."""
    unreadable: frozenset[str] = frozenset()
    """Modules (paths relative to the root) that could not be read or parsed."""
    opaque: frozenset[str] = frozenset()
    """Modules that could not be read at all (no permission, not a file, too large, not text):
    any clause may be in them, so no reference or requirement is judged missing."""
    shadowed: tuple[ClauseEntry, ...] = ()
    """Clauses whose ID another definition already holds; checked, but left out of the draft."""
    broken_requirements: int = 0
    """Requirements left out because they failed validation."""
    manifest_clean: bool = True
    """Whether the manifest has no schema errors (else placement and coverage are not judged)."""
    parties_known: bool = True
    """Whether the manifest's parties could be read (else party names are not checked)."""
    sources_known: bool = True
    """Whether every catalogue of the manifest could be read (else covers are not checked)."""


@dataclass(frozen=True)
class Library:
    """Everything read from a project, with the findings of reading it."""

    root: Path
    manifest_doc: Document | None
    manifest: Manifest | None
    """The manifest, if it validated (possibly without its misspelt optional keys)."""
    charter: CharterInfo | None
    """The ``[charter]`` table, if it could be read even from a broken manifest."""
    parties: tuple[Party, ...]
    catalogues: tuple[LoadedCatalogue, ...]
    modules: tuple[LoadedModule, ...]
    clauses: Mapping[str, ClauseEntry]
    """Every clause that takes part, by ID, in load order (placed clauses first)."""
    requirements: Mapping[str, RequirementEntry]
    """Every requirement, by ID, in catalogue order."""
    damage: Damage
    findings: tuple[Finding, ...]
    """Findings of reading, validating and indexing (``CH0xx``, ``CH1xx``, ``CH201``, ``CH202``)."""
    amendments: tuple[AmendmentEntry, ...] = ()
    """Every amendment that could be read, in file order (files in path order)."""
    amendment_docs: tuple[Document, ...] = ()
    """The amendment files that could be parsed."""
    frozen: Frozen | None = None
    """The frozen numbering (``numbering.lock.toml``), if the project has one."""

    @property
    def files_read(self) -> int:
        """How many TOML files were read."""
        read = (self.manifest_doc is not None) + len(self.catalogues) + len(self.modules)
        return read + len(self.amendment_docs) + (self.frozen is not None)

    def manifest_line(self, *loc: str | int) -> int | None:
        """The line of a key path of charter.toml (``"translations", "languages"``), if it was read."""
        return self.manifest_doc.line(loc) if self.manifest_doc is not None else None

    def known_id(self, name: str) -> bool:
        """Whether ``name`` is a clause ID, or the ID of an item that failed to load."""
        return name in self.clauses or name in self.damage.broken_ids
