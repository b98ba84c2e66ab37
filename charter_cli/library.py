"""Load stage: read the manifest, the requirements catalogues and the clause modules.

:func:`load_library` returns a :class:`Library` holding everything that could be
read and validated, the findings of reading and validating it (``CH0xx``,
``CH1xx``), and the ID index with its own findings (``CH201``, ``CH202``).
Nothing here looks across files beyond the ID index: that is
:mod:`charter_cli.integrity`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import ClassVar

from charter_cli.diagnostics import Finding
from charter_cli.documents import Document, read_document, read_text
from charter_cli.globs import is_module_entry, match_paths, nfc
from charter_cli.models import Catalogue, Clause, Manifest, Module, Requirement, Section
from charter_cli.models.catalogue import SourceInfo
from charter_cli.models.manifest import CharterInfo, Party
from charter_cli.project import CLAUSES_DIR, MANIFEST, inside, relative
from charter_cli.validation import salvage, validate


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
    def place(self) -> str:
        """``file:line`` of the item's ID, for messages."""
        return f"{self.document.rel}:{self.line('id')}"

    def finding(
        self, code: str, message: str, *keys: str | int, hint: str | None = None
    ) -> Finding:
        """A finding located at this item."""
        return Finding(code, message, self.document.rel, self.line(*keys), hint)


@dataclass(frozen=True, slots=True)
class ClauseEntry(_Located):
    """A clause together with the module that holds it."""

    TABLE: ClassVar[str] = "clause"
    clause: Clause
    module: LoadedModule
    position: int
    """Index of the clause among the module's ``[[clause]]`` tables."""
    id: str = field(init=False)
    """The clause ID (kept as a field: it is looked up for every clause at every stage)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", self.clause.id)

    @property
    def document(self) -> Document:
        """The module file."""
        return self.module.doc


@dataclass(frozen=True, slots=True)
class RequirementEntry(_Located):
    """A requirement together with the catalogue that holds it."""

    TABLE: ClassVar[str] = "requirement"
    requirement: Requirement
    catalogue: LoadedCatalogue
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


@dataclass(eq=False)
class LoadedModule:
    """A clause module file and its valid clauses."""

    doc: Document
    title: str | None
    clauses: list[ClauseEntry] = field(default_factory=list)

    @property
    def rel(self) -> str:
        """Path of the module relative to the project root."""
        return self.doc.rel


@dataclass(eq=False)
class LoadedCatalogue:
    """A requirements catalogue, its source text and its valid entries."""

    doc: Document
    source: SourceInfo | None
    sections: list[tuple[int, Section]] = field(default_factory=list)
    requirements: list[RequirementEntry] = field(default_factory=list)
    text: str | None = None
    """The source document's text, if it could be read."""
    text_rel: str | None = None
    """Path of the source document's text relative to the project root."""


@dataclass
class Library:
    """Everything read from a project, with the findings of reading it."""

    root: Path
    manifest_doc: Document | None = None
    manifest: Manifest | None = None
    charter: CharterInfo | None = None
    parties: list[Party] = field(default_factory=list)
    catalogues: list[LoadedCatalogue] = field(default_factory=list)
    modules: list[LoadedModule] = field(default_factory=list)
    clauses: dict[str, ClauseEntry] = field(default_factory=dict)
    requirements: dict[str, RequirementEntry] = field(default_factory=dict)
    broken_ids: set[str] = field(default_factory=set)
    """IDs of items that failed validation: references to them are not reported again."""
    mentioned: set[str] = field(default_factory=set)
    """Requirement IDs named by clauses that are broken, unreadable or duplicates: their
    coverage is not reported as a gap, since the root cause is already reported."""
    unreadable: set[str] = field(default_factory=set)
    """Modules (paths relative to the root) that could not be read or parsed."""
    shadowed: list[ClauseEntry] = field(default_factory=list)
    """Clauses whose ID another definition already holds; checked, but left out of the draft."""
    parties_known: bool = False
    """Whether the manifest's parties could be read (else party names are not checked)."""
    manifest_clean: bool = False
    """Whether the manifest has no schema errors (else placement and coverage are not judged)."""
    sources_known: bool = False
    """Whether every catalogue of the manifest could be read (else covers are not checked)."""
    broken_requirements: int = 0
    """Requirements left out because they failed validation."""
    findings: list[Finding] = field(default_factory=list)

    @property
    def files_read(self) -> int:
        """How many TOML files were read."""
        return (self.manifest_doc is not None) + len(self.catalogues) + len(self.modules)


def load_library(root: Path) -> Library:
    """Read the project at ``root``: manifest, catalogues and every module under ``clauses/``."""
    library = Library(root=root)
    _load_manifest(library)
    if library.charter is not None:
        library.sources_known = True
        for index, source in enumerate(library.charter.sources):
            _load_catalogue(library, source, ("charter", "sources", index))
    paths, refused = module_paths(root)
    library.findings.extend(refused)
    for path in paths:
        _load_module(library, path)
    _index_ids(library)
    return library


def module_paths(root: Path) -> tuple[list[Path], list[Finding]]:
    """Every clause module under ``clauses/``, in sorted path order, and the links refused.

    Hidden files and folders are skipped. Symbolic links are followed only while
    they stay inside the project: a link that leads out of it is reported
    (``CH214``) and not read, and a folder is never visited twice.
    """
    folder = root / CLAUSES_DIR
    if not folder.is_dir():
        return [], []
    real_root = root.resolve()
    paths: list[Path] = []
    refused: list[Finding] = []
    visited: set[Path] = set()
    for current, folders, files in os.walk(folder, followlinks=True):
        here = Path(current)
        real = here.resolve()
        if not inside(real_root, real):
            refused.append(_outside(root, here, "folder"))
            folders.clear()
            continue
        if real in visited:  # a link back to a folder already read
            folders.clear()
            continue
        visited.add(real)
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            path = here / name
            if name.startswith(".") or not name.endswith(".toml"):
                continue
            if inside(real_root, path):
                paths.append(path)
            else:
                refused.append(_outside(root, path, "file"))
    return sorted(paths, key=lambda p: relative(root, p)), refused


def _outside(root: Path, path: Path, what: str) -> Finding:
    return Finding(
        "CH214",
        f"is a symbolic link to a {what} outside the project; it is not read",
        relative(root, path),
        hint="copy the file into the project, or remove the link",
    )


def _load_manifest(library: Library) -> None:
    doc = read_document(library.root / MANIFEST, MANIFEST)
    if isinstance(doc, Finding):
        library.findings.append(doc)
        return
    library.manifest_doc = doc
    manifest, findings = validate(doc, Manifest)
    library.findings.extend(findings)
    library.manifest_clean = manifest is not None and not findings
    if manifest is not None:
        library.manifest = manifest
        library.charter = manifest.charter
        library.parties = list(manifest.party)
        library.parties_known = True
        return
    charter = doc.data.get("charter")
    if isinstance(charter, dict):
        try:
            library.charter = CharterInfo.model_validate(charter)
        except ValueError:
            library.charter = None
    parties, broken = salvage(doc, "party", Party)
    library.parties = [party for _, party in parties]
    library.parties_known = "party" in doc.data and not broken


def _load_catalogue(library: Library, source: str, loc: tuple[str | int, ...]) -> None:
    manifest = library.manifest_doc
    assert manifest is not None  # noqa: S101 - sources are only known from a parsed manifest
    path = library.root / source
    if PurePosixPath(source).is_absolute() or not inside(library.root, path):
        library.sources_known = False
        library.findings.append(
            manifest.finding("CH214", f"source '{source}' is outside the project", loc)
        )
        return
    doc = read_document(path, relative(library.root, path))
    if isinstance(doc, Finding):
        library.sources_known = False
        library.findings.append(
            manifest.finding(doc.code, f"source '{source}': {doc.message}", loc, hint=doc.hint)
            if doc.code == "CH001"
            else doc
        )
        return
    catalogue, findings = validate(doc, Catalogue)
    library.findings.extend(findings)
    if catalogue is not None:
        loaded = LoadedCatalogue(doc, catalogue.source, list(enumerate(catalogue.section)))
        requirements: list[tuple[int, Requirement]] = list(enumerate(catalogue.requirement))
    else:
        info = doc.data.get("source")
        try:
            source_info = SourceInfo.model_validate(info) if isinstance(info, dict) else None
        except ValueError:
            source_info = None
        if source_info is None:  # which source this is is unknown: its requirements are too
            library.sources_known = False
        loaded = LoadedCatalogue(doc, source_info, salvage(doc, "section", Section)[0])
        requirements, broken = salvage(doc, "requirement", Requirement)
        library.broken_ids |= _ids(broken)
        library.broken_requirements += len(broken)
    loaded.requirements = [RequirementEntry(r, loaded, i) for i, r in requirements]
    if loaded.source is not None:
        loaded.text = _read_source_text(library, loaded, loaded.source.text)
        loaded.text_rel = relative(library.root, doc.path.parent / loaded.source.text)
    library.catalogues.append(loaded)


def _read_source_text(library: Library, catalogue: LoadedCatalogue, name: str) -> str | None:
    path = catalogue.doc.path.parent / name
    if not inside(library.root, path):
        library.findings.append(
            catalogue.doc.finding(
                "CH214", f"source text '{name}' is outside the project", ("source", "text")
            )
        )
        return None
    text = read_text(path, relative(library.root, path))
    if isinstance(text, Finding):
        if text.code == "CH001":  # the file is not there: the fix is in the catalogue
            text = catalogue.doc.finding(
                text.code,
                f"source text '{name}': {text.message}",
                ("source", "text"),
                hint=text.hint,
            )
        library.findings.append(text)  # else the problem is in the text file, at its own line
        return None
    return text


def _load_module(library: Library, path: Path) -> None:
    rel = relative(library.root, path)
    doc = read_document(path, rel)
    if isinstance(doc, Finding):
        library.findings.append(doc)
        library.unreadable.add(rel)
        _remember_unreadable(library, path)
        return
    module, findings = validate(doc, Module)
    library.findings.extend(findings)
    if module is not None:
        loaded = LoadedModule(doc, module.module.title)
        clauses: list[tuple[int, Clause]] = list(enumerate(module.clause))
    else:
        info = doc.data.get("module")
        title = info.get("title") if isinstance(info, dict) else None
        loaded = LoadedModule(doc, title if isinstance(title, str) else None)
        clauses, broken = salvage(doc, "clause", Clause)
        library.broken_ids |= _ids(broken)
        library.mentioned |= {name for item in broken for name in _strings(item.get("covers"))}
    loaded.clauses = [ClauseEntry(c, loaded, i) for i, c in clauses]
    library.modules.append(loaded)


_ID_KEY = re.compile(r"""^\s*id\s*=\s*["']([^"'\n]+)["']""", re.MULTILINE)
_QUOTED = re.compile(r"""["']([A-Za-z][A-Za-z0-9._-]*)["']""")


def _remember_unreadable(library: Library, path: Path) -> None:
    """Note the IDs and names in a module that cannot be parsed, so nothing cascades from it."""
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return
    library.broken_ids |= set(_ID_KEY.findall(text))
    library.mentioned |= set(_QUOTED.findall(text))


def _strings(value: object) -> list[str]:
    """Every string inside a value that should have been a list of IDs, whatever its shape."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def _ids(items: list[dict[str, object]]) -> set[str]:
    return {item["id"] for item in items if isinstance(item.get("id"), str)}  # type: ignore[misc]


def manifest_includes(manifest: Manifest) -> list[str]:
    """Every ``include`` entry of the manifest, in the order the draft places them."""
    includes = list(manifest.preamble.include) if manifest.preamble else []
    for title in manifest.title:
        includes += title.include
        for chapter in title.chapter:
            includes += chapter.include
    return includes


def match_modules(entry: str, by_path: dict[str, LoadedModule]) -> list[LoadedModule]:
    """The modules a manifest path or glob names, in path order (``by_path`` is keyed by NFC path)."""
    return [by_path[path] for path in match_paths(entry, by_path)]


def _placed_first(library: Library) -> list[ClauseEntry]:
    """Every clause: first those the manifest places, in manifest order, then the rest in path order.

    A duplicate ID then keeps the definition the committee placed first, and the
    stray copy is the one reported.
    """
    entries = [entry for module in library.modules for entry in module.clauses]
    manifest = library.manifest
    if manifest is None:
        return entries
    includes = manifest_includes(manifest)
    first_by_id: dict[str, ClauseEntry] = {}
    for entry in entries:
        first_by_id.setdefault(entry.id, entry)
    ordered: dict[int, ClauseEntry] = {}
    by_path = {nfc(module.rel): module for module in library.modules}
    for include in includes:
        if is_module_entry(include):
            chosen = [e for m in match_modules(include, by_path) for e in m.clauses]
        else:
            chosen = [first_by_id[include]] if include in first_by_id else []
        for entry in chosen:
            ordered.setdefault(id(entry), entry)
    for entry in entries:
        ordered.setdefault(id(entry), entry)
    return list(ordered.values())


def _index_ids(library: Library) -> None:
    """Index every ID; a later duplicate is reported and left out of the draft.

    Lines are looked up only for the IDs that collide, so a clean library never
    scans its files for positions.
    """
    first: dict[str, ClauseEntry | RequirementEntry] = {}
    folded: dict[str, ClauseEntry | RequirementEntry] = {}

    def claim(entry: ClauseEntry | RequirementEntry) -> bool:
        earlier = first.get(entry.id)
        if earlier is not None:
            library.findings.append(
                entry.finding(
                    "CH201",
                    f"duplicate ID '{entry.id}': already defined at {earlier.place}",
                    "id",
                    hint="IDs are unique across all clauses and requirements; rename one",
                )
            )
            return False
        key = entry.id.casefold()
        other = folded.get(key)
        if other is None:
            folded[key] = entry
        else:
            library.findings.append(
                entry.finding(
                    "CH202",
                    f"ID '{entry.id}' differs only by letter case from '{other.id}' at {other.place}",
                    "id",
                    hint="use one spelling for one thing, or rename one",
                )
            )
        first[entry.id] = entry
        return True

    for catalogue in library.catalogues:
        catalogue.requirements = [req for req in catalogue.requirements if claim(req)]
        library.requirements.update((req.id, req) for req in catalogue.requirements)
    for entry in _placed_first(library):
        if claim(entry):
            library.clauses[entry.id] = entry
        else:
            library.shadowed.append(entry)
            library.mentioned |= set(entry.clause.covers)
    winners = {id(entry) for entry in library.clauses.values()}
    for module in library.modules:
        module.clauses = [entry for entry in module.clauses if id(entry) in winners]
