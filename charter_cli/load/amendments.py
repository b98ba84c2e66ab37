"""Read the amendment files (``amendments/**/*.toml``) and the frozen numbering (``numbering.lock.toml``).

Both are files of the project like the clause modules: read with the same
reader, validated against their models, with the same findings (``CH0xx``,
``CH1xx``). An amendment file with a broken amendment still gives the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from charter_cli.findings import Finding
from charter_cli.load.documents import Document, read_document
from charter_cli.load.entries import Entry
from charter_cli.load.project import inside, relative
from charter_cli.load.salvage import salvage
from charter_cli.load.schema import validate
from charter_cli.load.walk import toml_paths
from charter_cli.models.amendment import Amendment, AmendmentFile
from charter_cli.models.frozen import NumberingLock

LOCK_FILE = "numbering.lock.toml"
"""The frozen numbering, at the project root."""

DEFAULT_FOLDER = "amendments"
"""Where amendment files are, unless the manifest's ``[charter] amendments`` says otherwise."""


@dataclass(frozen=True, eq=False)
class AmendmentsFile:
    """An amendment file."""

    doc: Document

    @property
    def rel(self) -> str:
        """Path of the file relative to the project root."""
        return self.doc.rel


class AmendmentEntry(Entry[Amendment, AmendmentsFile]):
    """An amendment together with the file that holds it."""

    __slots__ = ()
    TABLE = "amendment"

    @property
    def amendment(self) -> Amendment:
        """The amendment."""
        return self.value


@dataclass
class Amendments:
    """What was read of the amendment files."""

    entries: list[AmendmentEntry] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    """Files (relative to the root) that could not be read or parsed."""


def read_amendments(root: Path, folder: str, loc_doc: Document | None) -> Amendments:
    """Every amendment of every ``.toml`` file under ``folder`` (relative to ``root``), in path order.

    ``loc_doc`` is the manifest, where a folder outside the project is reported.
    """
    found = Amendments()
    if PurePosixPath(folder).is_absolute() or not inside(root, root / folder):
        if loc_doc is not None:
            found.findings.append(
                loc_doc.finding(
                    "CH214",
                    f"amendments folder '{folder}' is outside the project",
                    ("charter", "amendments"),
                )
            )
        return found
    paths, refused = toml_paths(root, root / folder)
    found.findings.extend(refused)
    for path in paths:
        _read_file(root, path, found)
    return found


def _read_file(root: Path, path: Path, found: Amendments) -> None:
    rel = relative(root, path)
    doc = read_document(path, rel)
    if isinstance(doc, Finding):
        found.findings.append(doc)
        found.unreadable.append(rel)
        return
    found.documents.append(doc)
    parsed, findings = validate(doc, AmendmentFile)
    found.findings.extend(findings)
    items = (
        list(enumerate(parsed.amendment))
        if parsed is not None
        else salvage(doc, "amendment", Amendment)[0]
    )
    file = AmendmentsFile(doc)
    found.entries.extend(AmendmentEntry(amendment, file, index) for index, amendment in items)


@dataclass(frozen=True)
class Frozen:
    """The frozen numbering, as read from ``numbering.lock.toml``."""

    doc: Document
    lock: NumberingLock | None
    """The lock, if it validated."""


def read_lock(root: Path) -> tuple[Frozen | None, list[Finding]]:
    """The frozen numbering, ``None`` when the project has none, and the findings of reading it."""
    path = root / LOCK_FILE
    if not path.exists() and not path.is_symlink():
        return None, []
    doc = read_document(path, LOCK_FILE)
    if isinstance(doc, Finding):
        return None, [doc]
    lock, findings = validate(doc, NumberingLock)
    return Frozen(doc, lock), findings
