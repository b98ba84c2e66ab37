"""``charter new clause``: append a well-formed clause to a module of the library.

The file is written with :func:`~charter_cli.write.atomic.write_atomic`; an ID
used anywhere in the library is refused, and the module's existing text is kept
byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from charter_cli.check.integrity import check_clause
from charter_cli.check.lookalikes import invisible_in
from charter_cli.errors import InvalidInputError, WriteRefusedError
from charter_cli.findings import Finding
from charter_cli.load.documents import parse_toml
from charter_cli.load.entries import ClauseEntry, ModuleFile
from charter_cli.load.includes import Includes, manifest_entries
from charter_cli.load.library import Library
from charter_cli.load.loader import load_library
from charter_cli.load.paragraphs import is_numbered_text, numbered_paragraphs
from charter_cli.load.project import CLAUSES_DIR, inside, relative
from charter_cli.models import Clause, Module
from charter_cli.scaffold.appending import appended, existing_text, replace_unless_changed
from charter_cli.scaffold.schemas import directive_for
from charter_cli.scaffold.tomlblock import array_of_tables
from charter_cli.suggest import did_you_mean
from charter_cli.vocabulary import JOINT
from charter_cli.write.lock import DEFAULT_TIMEOUT, file_lock, library_lock


@dataclass(frozen=True)
class NewClause:
    """What ``charter new clause`` was asked to add."""

    id: str
    title: str
    text: str
    """The text: one paragraph, or paragraphs numbered "1.", "2.", ... (written as tables)."""
    status: str = "proposed"
    proposed_by: str = JOINT
    covers: list[str] | None = None
    notes: str | None = None
    paragraphs: tuple[str, ...] = ()
    """Paragraphs given one by one; they take the IDs ``p1``, ``p2``, ..."""

    def as_toml_table(self) -> dict[str, object]:
        """The clause as a TOML table, keys in the documented order.

        A text of several numbered paragraphs is written as ``[[clause.paragraph]]``
        tables with stable IDs, as ``charter migrate`` writes them.
        """
        table: dict[str, object] = {
            "id": self.id,
            "title": self.title,
            "status": self.status,
            "proposed_by": self.proposed_by,
        }
        if self.covers:
            table["covers"] = list(self.covers)
        if self.notes:
            table["notes"] = self.notes.strip()
        paragraphs = [text.strip() for text in self.paragraphs]
        if not paragraphs and is_numbered_text(self.text):
            paragraphs = [p.text or "" for p in numbered_paragraphs(self.text)]
        if len(paragraphs) > 1:
            table["paragraph"] = [
                {"id": f"p{number}", "text": text}
                for number, text in enumerate(paragraphs, start=1)
            ]
        else:
            table["text"] = (paragraphs[0] if paragraphs else self.text).strip()
        return table


@dataclass(frozen=True)
class AddResult:
    """Where the clause went and whether the manifest places it."""

    module: Path
    placed: bool


def _validated(request: NewClause) -> Clause:
    try:
        return Clause.model_validate(request.as_toml_table())
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()
        )
        raise InvalidInputError(f"the new clause is not valid: {problems}") from None


def add_clause(
    root: Path, module: Path, request: NewClause, *, timeout: float = DEFAULT_TIMEOUT
) -> AddResult:
    """Append a new clause to ``module`` (a file under ``clauses/``, created if missing).

    A module created here starts with the ``#:schema`` line for TOML editors; the
    header of an existing module is left as it is. The library's lock and the
    module's are held from reading the library to replacing the module, so
    concurrent commands neither lose a clause nor add one ID twice; and the
    clause is checked as ``charter check`` would check it before anything is
    written.
    """
    clause = _validated(request)
    if module.suffix != ".toml" or not inside(root / CLAUSES_DIR, module):
        raise InvalidInputError(
            f"{module}: a clause module must be a .toml file under {root / CLAUSES_DIR}"
        )
    with library_lock(root, timeout=timeout), file_lock(module, timeout=timeout):
        library = load_library(root)
        _refuse_known_id(
            [*library.clauses, *library.requirements, *library.damage.broken_ids], clause.id
        )
        unknown = [r for r in clause.covers if r not in library.requirements]
        if unknown:
            hint = did_you_mean(unknown[0], library.requirements)
            raise InvalidInputError(f"unknown requirement(s): {', '.join(unknown)}", hint=hint)
        parties = [party.id for party in library.parties]
        if clause.proposed_by not in (*parties, JOINT):
            raise InvalidInputError(
                f"unknown party '{clause.proposed_by}'",
                hint=f"use one of: {', '.join((*parties, JOINT))}",
            )
        block = array_of_tables("clause", [request.as_toml_table()])
        _append(library, module, block, header=directive_for(module, root))
    return AddResult(module, _placed(library, module, clause.id))


def _placed(library: Library, module: Path, clause_id: str) -> bool:
    """Whether the manifest places the new clause: by its ID, or by a path or glob of its module."""
    if library.manifest is None:
        return False
    includes = Includes({relative(library.root, module): [clause_id]}, {clause_id: clause_id})
    return any(includes.draw(entry.value) for entry in manifest_entries(library.manifest))


def _refuse_known_id(known: list[str], new: str) -> None:
    if new in known:
        raise WriteRefusedError(f"the ID '{new}' is already used in the library; choose another")
    clash = next((k for k in known if k.casefold() == new.casefold()), None)
    if clash is not None:
        raise WriteRefusedError(f"the ID '{new}' differs only by letter case from '{clash}'")


def _append(library: Library, module: Path, block: str, *, header: str) -> None:
    """Add ``block`` at the end of the module, keeping every byte already there.

    A new module starts with the line ``header``, then a blank line, then ``block``.
    """
    rel = relative(library.root, module)
    existing = existing_text(module, rel, "clause")
    text = appended(existing, block, header)
    _check_module(library, module, rel, text, block)
    replace_unless_changed(module, rel, existing, text, "clause")


def _check_module(library: Library, module: Path, rel: str, text: str, block: str) -> None:
    """Refuse a module that would not load, or a new clause that ``charter check`` would reject."""
    doc = parse_toml(text, module, rel)
    if isinstance(doc, Finding):
        _refuse(module, [doc])
        return
    try:
        parsed = Module.model_validate(doc.data)
    except ValidationError as error:
        _refuse(module, [], detail=str(error).splitlines()[0])
        return
    position = len(parsed.clause) - 1
    entry = ClauseEntry(parsed.clause[position], ModuleFile(doc, None), position)
    first_line = text.count("\n", 0, len(text) - len(block)) + 1
    problems = [
        *check_clause(library, entry, new=True),
        *invisible_in(block, rel, first_line=first_line),
    ]
    if problems:
        raise InvalidInputError(
            f"the new clause would not pass 'charter check', so it was not added: "
            f"{problems[0].format()}"
            + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""),
        )


def _refuse(module: Path, findings: list[Finding], *, detail: str | None = None) -> None:
    what = detail if detail is not None else findings[0].message
    raise InvalidInputError(
        f"{module}: the module has errors, so the clause was not added: {what}",
        hint="run 'charter check' and fix the module first",
    )
