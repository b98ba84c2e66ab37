"""``charter new clause``: append a well-formed clause to a module of the library.

The file is written with :func:`~charter_cli.write.atomic.write_atomic`; an ID
used anywhere in the library is refused, and the module's existing text is kept
byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from pydantic import ValidationError

from charter_cli.check.integrity import check_clause
from charter_cli.check.lookalikes import invisible_in
from charter_cli.errors import InvalidInputError, WriteRefusedError
from charter_cli.findings import Finding
from charter_cli.load.documents import parse_toml
from charter_cli.load.entries import ClauseEntry, ModuleFile, RequirementEntry
from charter_cli.load.includes import Includes, manifest_entries
from charter_cli.load.library import Library
from charter_cli.load.loader import load_library
from charter_cli.load.messages import expectation, toml_value
from charter_cli.load.paragraphs import is_numbered_text, numbered_paragraphs
from charter_cli.load.project import CLAUSES_DIR, inside, relative
from charter_cli.models import Clause, Module
from charter_cli.scaffold.appending import appended, existing_text, replace_unless_changed
from charter_cli.scaffold.schemas import directive_for
from charter_cli.scaffold.templates import toml_string
from charter_cli.scaffold.tomlblock import array_of_tables
from charter_cli.suggest import did_you_mean
from charter_cli.vocabulary import JOINT
from charter_cli.write.lock import DEFAULT_TIMEOUT, file_lock, library_lock


@dataclass(frozen=True)
class NewClause:
    """What ``charter new clause`` was asked to add."""

    id: str
    title: str | None
    """The heading; a recital (a clause the preamble places) may leave it out: see
    :func:`recital_title`."""
    text: str
    """The text: one paragraph, or paragraphs numbered "1.", "2.", ... (written as tables)."""
    status: str = "proposed"
    proposed_by: str = JOINT
    covers: list[str] | None = None
    notes: str | None = None
    paragraphs: tuple[str, ...] = ()
    """Paragraphs given one by one; they take the IDs ``p1``, ``p2``, ..."""
    module_title: str | None = None
    """The ``[module] title`` of a module created for the clause (else made from its file name)."""

    def as_toml_table(self) -> dict[str, object]:
        """The clause as a TOML table, keys in the order of the shipped modules.

        ``covers`` is always written, ``[]`` for a clause that covers nothing, as
        the shipped library writes it: the committee sees that it was not forgotten.
        A text of several numbered paragraphs is written as ``[[clause.paragraph]]``
        tables with stable IDs, as ``charter migrate`` writes them.
        """
        table: dict[str, object] = {
            "id": self.id,
            "title": self.title,
            "status": self.status,
            "proposed_by": self.proposed_by,
            "covers": list(self.covers or []),
        }
        paragraphs = [text.strip() for text in self.paragraphs]
        if not paragraphs and is_numbered_text(self.text):
            paragraphs = [p.text or "" for p in numbered_paragraphs(self.text)]
        if len(paragraphs) <= 1:
            table["text"] = (paragraphs[0] if paragraphs else self.text).strip()
        if self.notes:
            table["notes"] = self.notes.strip()
        if len(paragraphs) > 1:
            table["paragraph"] = [
                {"id": f"p{number}", "text": text}
                for number, text in enumerate(paragraphs, start=1)
            ]
        return table


@dataclass(frozen=True)
class AddResult:
    """Where the clause went, whether the manifest places it, and the title it was given."""

    module: Path
    placed: bool
    title: str
    recital: bool = False
    """Whether the preamble places it."""
    created: bool = False
    """Whether the module was created for it."""


_OPTIONS = {"id": "--id", "title": "--title", "proposed_by": "--party", "notes": "--notes"}
"""The command-line option of each key of a new clause, for messages."""


def _validated(request: NewClause) -> Clause:
    """The clause as the model reads it, or one sentence per problem, naming the option."""
    data = request.as_toml_table()
    try:
        return Clause.model_validate(data)
    except ValidationError as error:
        problems = []
        for details in error.errors():
            loc = details["loc"]
            key = str(loc[0]) if loc else "clause"
            name = _OPTIONS.get(key, key)
            expected, hint = expectation(details, key, of_tables=False)
            got = toml_value(details.get("input"))
            problems.append(f"{name} {got} {expected}" + (f" ({hint})" if hint else ""))
        raise InvalidInputError(f"the new clause is not valid: {'; '.join(problems)}") from None


def recital_title(clause_id: str) -> str:
    """A title made of a recital's ID: ``recital-strategic-partnership`` -> ``Strategic partnership``.

    The draft never shows a recital's title; listings and ``show`` do, so it is
    made from words the committee chose rather than left out.
    """
    words = clause_id.removeprefix("recital-").replace("-", " ").replace("_", " ").replace(".", " ")
    text = " ".join(words.split()) or clause_id
    return text[:1].upper() + text[1:]


def module_title(module: Path) -> str:
    """The title of a new module, made of its file name: ``drug-trafficking.toml`` -> ``Drug trafficking``."""
    return recital_title(module.stem.replace("_", "-")) if module.stem else "Clauses"


def add_clause(
    root: Path, module: Path, request: NewClause, *, timeout: float = DEFAULT_TIMEOUT
) -> AddResult:
    """Append a new clause to ``module`` (a file under ``clauses/``, created if missing).

    A module created here starts with the ``#:schema`` line for TOML editors and a
    ``[module]`` table with its title, as the modules ``charter init`` writes; the
    header of an existing module is left as it is. The library's lock and the
    module's are held from reading the library to replacing the module, so
    concurrent commands neither lose a clause nor add one ID twice; and the
    clause is checked as ``charter check`` would check it before anything is
    written. A clause the preamble places (a recital) may come without a title:
    it gets one made of its ID (:func:`recital_title`).
    """
    _validated(replace(request, title=request.title or "Title"))
    if module.suffix != ".toml" or not inside(root / CLAUSES_DIR, module):
        raise InvalidInputError(
            f"{module}: a clause module must be a .toml file under {root / CLAUSES_DIR}"
        )
    created = not module.exists() and not module.is_symlink()
    if request.module_title is not None and not created:
        raise InvalidInputError(
            f"--module-title is for a new module; {relative(root, module)} exists",
            hint="its title is the title key of its [module] table",
        )
    with library_lock(root, timeout=timeout), file_lock(module, timeout=timeout):
        library = load_library(root)
        placed, recital = _placement(library, module, request.id)
        if request.title is None and not recital:
            raise InvalidInputError(
                "an article needs --title: the heading the draft shows",
                hint="only a recital (a clause the preamble places) may leave it out",
            )
        request = replace(request, title=request.title or recital_title(request.id))
        clause = _validated(request)
        _refuse_known_id(library, clause.id)
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
        title = request.module_title or module_title(module)
        header = f"{directive_for(module, root)}\n[module]\ntitle = {toml_string(title)}"
        _append(library, module, block, header=header)
    return AddResult(module, placed, clause.title, recital=recital, created=created)


def _placement(library: Library, module: Path, clause_id: str) -> tuple[bool, bool]:
    """Whether the manifest places the new clause, and whether in the preamble (as a recital).

    By its ID, or by a path or glob of its module.
    """
    if library.manifest is None:
        return False, False
    includes = Includes({relative(library.root, module): [clause_id]}, {clause_id: clause_id})
    drawn = [entry for entry in manifest_entries(library.manifest) if includes.draw(entry.value)]
    return bool(drawn), bool(drawn) and drawn[0].loc[0] == "preamble"


def _refuse_known_id(library: Library, new: str) -> None:
    """Refuse an ID the library uses, saying where, or one that differs only by letter case."""
    items: dict[str, ClauseEntry | RequirementEntry] = {
        **library.requirements,
        **library.clauses,
    }
    known = [*items, *library.damage.broken_ids]
    clash = (
        new if new in known else next((k for k in known if k.casefold() == new.casefold()), None)
    )
    if clash is None:
        return
    entry = items.get(clash)
    where = f"{entry.TABLE} '{clash}' ({entry.location})" if entry is not None else f"'{clash}'"
    if clash == new:
        raise WriteRefusedError(f"the ID '{new}' is already used by {where}; choose another")
    raise WriteRefusedError(f"the ID '{new}' differs only by letter case from {where}")


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
