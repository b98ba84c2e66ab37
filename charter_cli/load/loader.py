"""Load stage: read the manifest, the requirements catalogues and the clause modules.

:func:`load_library` returns a frozen :class:`~charter_cli.load.library.Library`
holding everything that could be read and validated, the findings of reading
and validating it (``CH0xx``, ``CH1xx``), the ID index with its own findings
(``CH201``, ``CH202``), and a :class:`~charter_cli.load.library.Damage` record of
what failed. Nothing here looks across files beyond the ID index: that is the
check stage.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from charter_cli.findings import Finding
from charter_cli.load.amendments import (
    DEFAULT_FOLDER,
    Amendments,
    Frozen,
    read_amendments,
    read_lock,
)
from charter_cli.load.documents import Document, parse_toml, read_document, read_text
from charter_cli.load.entries import (
    CatalogueFile,
    ClauseEntry,
    LoadedCatalogue,
    LoadedModule,
    ModuleFile,
    RequirementEntry,
)
from charter_cli.load.ids import IdIndex
from charter_cli.load.includes import Includes, manifest_entries
from charter_cli.load.library import Damage, Library
from charter_cli.load.packaged import is_packaged, packaged_names, packaged_path, packaged_rel
from charter_cli.load.project import CLAUSES_DIR, MANIFEST, inside, relative
from charter_cli.load.salvage import ids_of, names_in_unparsable, salvage, salvage_one, strings_in
from charter_cli.load.schema import validate
from charter_cli.load.walk import module_paths
from charter_cli.models import Catalogue, Clause, Manifest, Module, Party, Requirement, Section
from charter_cli.models.catalogue import SourceInfo
from charter_cli.models.manifest import CharterInfo
from charter_cli.suggest import did_you_mean

if TYPE_CHECKING:
    from charter_cli.load.cache import ParseCache


def load_library(
    root: Path,
    *,
    overlay: Mapping[str, str | None] | None = None,
    cache: ParseCache | None = None,
) -> Library:
    """Read the project at ``root``: manifest, catalogues and every module under ``clauses/``.

    ``overlay`` maps project-relative paths (``clauses/a.toml``) to a text that stands
    in for the file's (or ``None``: the file is gone): the library as an edit would
    leave it, read before anything is written. ``cache`` holds files parsed by earlier
    runs, by content (see :mod:`charter_cli.load.cache`); the result is the same without it.
    """
    loader = _Loader(root, overlay=dict(overlay or {}), cache=cache)
    loader.load_manifest()
    if loader.charter is not None:
        informative = set(loader.charter.informative)
        for index, source in enumerate(loader.charter.sources):
            loader.load_catalogue(
                source, ("charter", "sources", index), informative=source in informative
            )
        for index, source in enumerate(loader.charter.informative):
            if source not in loader.charter.sources:
                loader.load_catalogue(source, ("charter", "informative", index), informative=True)
    else:
        loader.damage = replace(loader.damage, sources_known=False)
    paths, refused = module_paths(root)
    loader.findings.extend(refused)
    if loader.overlay:
        paths = _overlaid(root, paths, loader.overlay)
    for path in paths:
        loader.load_module(path)
    loader.load_amendments()
    return loader.finish()


def _overlaid(root: Path, paths: list[Path], overlay: dict[str, str | None]) -> list[Path]:
    """The module paths once the overlay's new modules are added and its removed ones dropped."""
    found = {relative(root, path): path for path in paths}
    for rel, text in overlay.items():
        if text is None:
            found.pop(rel, None)
        elif rel.startswith(f"{CLAUSES_DIR}/") and rel.endswith(".toml"):
            found.setdefault(rel, root / rel)
    return [found[rel] for rel in sorted(found)]


@dataclass(frozen=True)
class _Home:
    """Where a catalogue lies: in the project, or among the catalogues shipped with charter."""

    folder: Path
    packaged: bool = False

    def name(self, path: Path) -> str:
        """How findings name a file of this place: relative to the project, or ``charter:NAME``."""
        return packaged_rel(path) if self.packaged else relative(self.folder, path)


@dataclass
class _Loader:
    """The library while it is being read; frozen into a :class:`Library` at the end."""

    root: Path
    overlay: dict[str, str | None] = field(default_factory=dict)
    cache: ParseCache | None = None
    manifest_doc: Document | None = None
    manifest: Manifest | None = None
    charter: CharterInfo | None = None
    parties: tuple[Party, ...] = ()
    catalogues: list[tuple[CatalogueFile, list[RequirementEntry]]] = field(default_factory=list)
    modules: list[tuple[ModuleFile, list[ClauseEntry]]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    damage: Damage = field(
        default_factory=lambda: Damage(manifest_clean=False, parties_known=False)
    )
    broken_ids: set[str] = field(default_factory=set)
    mentioned: set[str] = field(default_factory=set)
    unreadable: set[str] = field(default_factory=set)
    opaque: set[str] = field(default_factory=set)
    sources_seen: dict[str, str] = field(default_factory=dict)
    amendments: Amendments = field(default_factory=Amendments)
    frozen: Frozen | None = None

    def read(self, path: Path, rel: str) -> Document | Finding:
        """The document at ``path``, or the text the overlay gives for it."""
        if rel not in self.overlay:
            return read_document(path, rel, cache=self.cache)
        text = self.overlay[rel]
        if text is None:
            return Finding("CH001", "file not found", rel)
        return parse_toml(text, path, rel, cache=self.cache)

    def load_manifest(self) -> None:
        doc = self.read(self.root / MANIFEST, MANIFEST)
        if isinstance(doc, Finding):
            self.findings.append(doc)
            return
        self.manifest_doc = doc
        manifest, findings = validate(doc, Manifest)
        self.findings.extend(findings)
        if manifest is not None:
            self.manifest, self.charter = manifest, manifest.charter
            self.parties = tuple(manifest.party)
            self.damage = replace(self.damage, manifest_clean=not findings, parties_known=True)
            return
        self.charter = salvage_one(doc.data.get("charter"), CharterInfo)
        parties, broken = salvage(doc, "party", Party)
        self.parties = tuple(party for _, party in parties)
        self.damage = replace(self.damage, parties_known="party" in doc.data and not broken)

    def load_catalogue(
        self, source: str, loc: tuple[str | int, ...], *, informative: bool = False
    ) -> None:
        manifest = self.manifest_doc
        assert manifest is not None  # noqa: S101 - sources are only known from a parsed manifest
        if is_packaged(source):
            self._load_packaged(source, loc, informative=informative)
            return
        path = self.root / source
        if any(ord(char) < 32 or ord(char) == 127 for char in source):
            self._sources_unknown()
            self.findings.append(
                manifest.finding(
                    "CH103",
                    f"source '{source}' holds a control character, which no file name has",
                    loc,
                    hint="retype the path",
                )
            )
            return
        if PurePosixPath(source).is_absolute() or not inside(self.root, path):
            self._sources_unknown()
            self.findings.append(
                manifest.finding("CH214", f"source '{source}' is outside the project", loc)
            )
            return
        self._read_catalogue(path, _Home(self.root), source, loc, informative=informative)

    def _load_packaged(self, source: str, loc: tuple[str | int, ...], *, informative: bool) -> None:
        """Read a catalogue shipped with charter (``charter:NAME``), or say that none has the name."""
        manifest = self.manifest_doc
        assert manifest is not None  # noqa: S101 - sources are only known from a parsed manifest
        path = packaged_path(source)
        if path is None:
            self._sources_unknown()
            shipped = packaged_names()
            listing = f"catalogues shipped with charter: {', '.join(shipped)}"
            guess = did_you_mean(source, shipped)
            self.findings.append(
                manifest.finding(
                    "CH224",
                    f"source '{source}' names no catalogue shipped with charter",
                    loc,
                    hint=f"{guess} The {listing}" if guess else listing,
                )
            )
            return
        self._read_catalogue(
            path, _Home(path.parent, packaged=True), source, loc, informative=informative
        )

    def _read_catalogue(
        self,
        path: Path,
        home: _Home,
        source: str,
        loc: tuple[str | int, ...],
        *,
        informative: bool,
    ) -> None:
        """Read, validate and keep one catalogue and its source text (once, however it is named)."""
        manifest = self.manifest_doc
        assert manifest is not None  # noqa: S101 - sources are only known from a parsed manifest
        earlier = self._listed_before(path, source)
        if earlier is not None:
            self.findings.append(
                manifest.finding(
                    "CH232",
                    f"source '{source}' is the catalogue already listed as '{earlier}'; "
                    "it is read once",
                    loc,
                    hint="remove this entry",
                )
            )
            return
        doc = self.read(path, home.name(path))
        if isinstance(doc, Finding):
            self._sources_unknown()
            self.findings.append(
                manifest.finding(doc.code, f"source '{source}': {doc.message}", loc, hint=doc.hint)
                if doc.code == "CH001"
                else doc
            )
            return
        catalogue, findings = validate(doc, Catalogue)
        self.findings.extend(findings)
        if catalogue is not None:
            info: SourceInfo | None = catalogue.source
            sections = tuple(enumerate(catalogue.section))
            requirements: list[tuple[int, Requirement]] = list(enumerate(catalogue.requirement))
        else:
            info = salvage_one(doc.data.get("source"), SourceInfo)
            if info is None:  # which source this is is unknown: its requirements are too
                self._sources_unknown()
            sections = tuple(salvage(doc, "section", Section)[0])
            requirements, broken = salvage(doc, "requirement", Requirement)
            self.broken_ids |= ids_of(broken)
            self.damage = replace(
                self.damage, broken_requirements=self.damage.broken_requirements + len(broken)
            )
        file = CatalogueFile(doc, info, sections, informative=informative)
        if info is not None:
            text_path = doc.path.parent / info.text
            file = replace(
                file,
                text=self._source_text(doc, info.text, home),
                text_rel=home.name(text_path),
                text_path=text_path,
            )
        self.catalogues.append((file, [RequirementEntry(r, file, i) for i, r in requirements]))

    def _listed_before(self, path: Path, source: str) -> str | None:
        """The entry that already named the catalogue at ``path`` (by another spelling, perhaps)."""
        try:
            key = os.path.realpath(path)
        except (OSError, ValueError):
            return None
        earlier = self.sources_seen.get(key)
        if earlier is None:
            self.sources_seen[key] = source
        return earlier

    def _sources_unknown(self) -> None:
        self.damage = replace(self.damage, sources_known=False)

    def _source_text(self, catalogue: Document, name: str, home: _Home) -> str | None:
        path = catalogue.path.parent / name
        if not inside(home.folder, path):
            self.findings.append(
                catalogue.finding(
                    "CH214", f"source text '{name}' is outside the project", ("source", "text")
                )
            )
            return None
        text = read_text(path, home.name(path))
        if isinstance(text, Finding):
            if text.code == "CH001":  # the file is not there: the fix is in the catalogue
                text = catalogue.finding(
                    text.code,
                    f"source text '{name}': {text.message}",
                    ("source", "text"),
                    hint=text.hint,
                )
            self.findings.append(text)  # else the problem is in the text file, at its own line
            return None
        return text

    def load_module(self, path: Path) -> None:
        rel = relative(self.root, path)
        doc = self.read(path, rel)
        if isinstance(doc, Finding):
            self.findings.append(doc)
            self.unreadable.add(rel)
            self._remember_unreadable(path)
            return
        module, findings = validate(doc, Module)
        self.findings.extend(findings)
        if module is not None:
            file = ModuleFile(doc, module.module.title)
            clauses: list[tuple[int, Clause]] = list(enumerate(module.clause))
        else:
            info = doc.data.get("module")
            title = info.get("title") if isinstance(info, dict) else None
            file = ModuleFile(doc, title if isinstance(title, str) else None)
            clauses, broken = salvage(doc, "clause", Clause)
            self.broken_ids |= ids_of(broken)
            self.mentioned |= {name for item in broken for name in strings_in(item.get("covers"))}
        self.modules.append((file, [ClauseEntry(c, file, i) for i, c in clauses]))

    def load_amendments(self) -> None:
        """The amendment files and the frozen numbering."""
        folder = self.charter.amendments if self.charter is not None else DEFAULT_FOLDER
        self.amendments = read_amendments(self.root, folder, self.manifest_doc)
        self.findings.extend(self.amendments.findings)
        self.frozen, findings = read_lock(self.root)
        self.findings.extend(findings)

    def _remember_unreadable(self, path: Path) -> None:
        """Note the IDs and names in a module that cannot be parsed, so nothing cascades from it."""
        found = names_in_unparsable(path)
        if found is None:
            self.opaque.add(relative(self.root, path))
            return
        ids, names = found
        self.broken_ids |= ids
        self.mentioned |= names

    def placed_first(self) -> list[ClauseEntry]:
        """Every clause: first those the manifest places, in manifest order, then the rest.

        A duplicate ID then keeps the definition the committee placed first, and the
        stray copy is the one reported.
        """
        entries = [entry for _, clauses in self.modules for entry in clauses]
        if self.manifest is None:
            return entries
        first_by_id: dict[str, ClauseEntry] = {}
        for entry in entries:
            first_by_id.setdefault(entry.id, entry)
        includes = Includes({file.rel: clauses for file, clauses in self.modules}, first_by_id)
        ordered: dict[int, ClauseEntry] = {}
        for include in manifest_entries(self.manifest):
            for entry in includes.draw(include.value):
                ordered.setdefault(id(entry), entry)
        for entry in entries:
            ordered.setdefault(id(entry), entry)
        return list(ordered.values())

    def finish(self) -> Library:
        """Index the IDs and freeze what was read."""
        index = IdIndex()
        catalogues = []
        for file, entries in self.catalogues:
            won, _ = index.claim_all(entries)
            catalogues.append(LoadedCatalogue(file, tuple(won)))
        clauses, shadowed = index.claim_all(self.placed_first())
        winners = {id(entry) for entry in clauses}
        modules = tuple(
            LoadedModule(file, tuple(e for e in entries if id(e) in winners))
            for file, entries in self.modules
        )
        for entry in shadowed:
            self.mentioned |= set(entry.clause.covers)
        return Library(
            root=self.root,
            manifest_doc=self.manifest_doc,
            manifest=self.manifest,
            charter=self.charter,
            parties=self.parties,
            catalogues=tuple(catalogues),
            modules=modules,
            clauses={entry.id: entry for entry in clauses},
            requirements={
                req.id: req for catalogue in catalogues for req in catalogue.requirements
            },
            damage=replace(
                self.damage,
                broken_ids=frozenset(self.broken_ids),
                mentioned=frozenset(self.mentioned),
                unreadable=frozenset(self.unreadable),
                opaque=frozenset(self.opaque),
                shadowed=tuple(shadowed),
            ),
            findings=(*self.findings, *index.findings),
            amendments=tuple(self.amendments.entries),
            amendment_docs=tuple(self.amendments.documents),
            frozen=self.frozen,
        )
