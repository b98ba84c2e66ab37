"""``charter migrate``: write the paragraphs of 0.1-form clauses as ``[[clause.paragraph]]`` tables.

Charter 0.1 kept an article's paragraphs as "1. ...", "2. ..." inside one ``text``.
The tool still reads that form (with a ``CH220`` warning), but the paragraphs'
IDs are then their positions. Migration gives each paragraph the ID it is read
with now (``p1``, ``p2``, ...; lettered lines become points ``a``, ``b``, ...) and
writes it as a table, so that the ID stays when paragraphs are inserted later.

Files are edited with tomlkit, which keeps comments, key order and formatting;
only the ``text`` key of each migrated clause is replaced. A file is written only
if the migrated file reads back as the same paragraphs, atomically, and only if
it has not changed since it was read.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import tomli
import tomli_w
import tomlkit
from pydantic import ValidationError
from tomlkit.items import AoT, Table

from charter_cli.errors import InvalidInputError, WriteRefusedError
from charter_cli.load.loader import load_library
from charter_cli.load.paragraphs import is_numbered_text, numbered_paragraphs
from charter_cli.models import Module
from charter_cli.models.clause import Paragraph
from charter_cli.write.atomic import write_atomic
from charter_cli.write.lock import DEFAULT_TIMEOUT, file_lock, library_lock


@dataclass(frozen=True)
class Migration:
    """The new text of one module, and which of its clauses it migrates."""

    module: Path
    rel: str
    before: bytes
    after: str
    clauses: tuple[str, ...]


@dataclass(frozen=True)
class MigrationReport:
    """What ``charter migrate`` did (or, on a dry run, would do)."""

    migrations: tuple[Migration, ...]
    skipped: tuple[str, ...]
    """Modules that could not be read or validated, left as they are."""


def migrate_library(
    root: Path, *, dry_run: bool = False, timeout: float = DEFAULT_TIMEOUT
) -> MigrationReport:
    """Migrate every module of the library at ``root`` (on a dry run, only plan it).

    The library's lock is held from reading to the last write, and each module's
    own lock while it is replaced, as every editing command does.
    """
    with library_lock(root, shared=dry_run, timeout=timeout):
        migrations, skipped = plan_migrations(root)
        if not dry_run:
            with ExitStack() as locks:
                for migration in sorted(migrations, key=lambda m: m.rel):
                    locks.enter_context(file_lock(migration.module, timeout=timeout))
                apply_migrations(migrations)
    return MigrationReport(tuple(migrations), tuple(skipped))


def plan_migrations(root: Path) -> tuple[list[Migration], list[str]]:
    """The migration of every module with clauses in the 0.1 form, without writing anything.

    Returns the migrations and the modules that cannot be read, parsed or validated,
    which are left as they are (``charter check`` says what is wrong with them).
    """
    library = load_library(root)
    plans = []
    skipped = set(library.damage.unreadable)
    broken = {f.file for f in library.findings if f.code.startswith("CH1")}
    for module in library.modules:
        tables = module.file.doc.data.get("clause")
        legacy = [
            str(table.get("id"))
            for table in (tables if isinstance(tables, list) else [])
            if isinstance(table, dict)
            and isinstance(table.get("text"), str)
            and is_numbered_text(table["text"])
        ]
        if legacy and module.rel in broken:
            skipped.add(module.rel)
        elif legacy:
            plans.append(_migrate(module.file.doc.path, module.rel, set(legacy)))
    return plans, sorted(skipped)


def _migrate(path: Path, rel: str, legacy: set[str]) -> Migration:
    before = path.read_bytes()
    document = tomlkit.parse(before.decode("utf-8-sig"))
    clauses = document.get("clause")
    migrated = []
    if isinstance(clauses, AoT):
        for table in clauses:
            clause_id = table.get("id")
            text = table.get("text")
            if clause_id in legacy and isinstance(text, str):
                _replace_text(table, numbered_paragraphs(text.replace("\r\n", "\n")))
                migrated.append(str(clause_id))
    after = tomlkit.dumps(document).replace("\r\n", "\n")
    if b"\r\n" in before:  # keep the file's line ends
        after = after.replace("\n", "\r\n")
    _same_paragraphs(rel, before, after)
    return Migration(path, rel, before, after, tuple(migrated))


def _replace_text(table: Table, paragraphs: list[Paragraph]) -> None:
    del table["text"]
    tables = tomlkit.aot()
    for index, paragraph in enumerate(paragraphs):
        lines = [f"id = {_string(paragraph.id)}", f"text = {_string(paragraph.text or '')}"]
        item = tomlkit.parse("\n".join(lines) + "\n")
        new = tomlkit.table()
        for key, value in item.items():
            new.add(key, value)
        points = tomlkit.aot()
        for point in paragraph.point:
            point_table = tomlkit.table()
            parsed = tomlkit.parse(f"id = {_string(point.id)}\ntext = {_string(point.text)}\n")
            for key, value in parsed.items():
                point_table.add(key, value)
            points.append(point_table)
        if paragraph.point:
            new.add("point", points)
        if index == len(paragraphs) - 1:
            new.add(tomlkit.nl())
        tables.append(new)
    table.add("paragraph", tables)


def _string(text: str) -> str:
    """A TOML string for ``text``: a basic string, or a multi-line one if it has line breaks."""
    if "\n" not in text:
        return tomli_w.dumps({"v": text}).split("=", 1)[1].strip()
    escaped = text.replace("\\", "\\\\").replace('"""', '""\\"')
    return f'"""\n{escaped}\n"""'


def _same_paragraphs(rel: str, before: bytes, after: str) -> None:
    """Refuse a migration that would not read back as the same clauses and paragraphs."""
    try:
        old = Module.model_validate(tomli.loads(before.decode("utf-8-sig")))
        new = Module.model_validate(tomli.loads(after))
    except (tomli.TOMLDecodeError, ValidationError) as error:
        raise InvalidInputError(
            f"{rel}: the module has errors, so it was not migrated: {str(error).splitlines()[0]}",
            hint="run 'charter check' and fix the module first",
        ) from None
    from charter_cli.load.paragraphs import paragraphs_of

    for was, now in zip(old.clause, new.clause, strict=True):
        if [(p.id, (p.text or "").strip(), [(q.id, q.text.strip()) for q in p.point])
                for p in paragraphs_of(was)] != [
            (p.id, (p.text or "").strip(), [(q.id, q.text.strip()) for q in p.point])
            for p in paragraphs_of(now)
        ]:  # fmt: skip
            raise InvalidInputError(f"{rel}: clause '{was.id}' would not migrate faithfully")


def apply_migrations(migrations: list[Migration]) -> None:
    """Write each migrated module atomically, unless it changed since it was read."""
    for migration in migrations:
        if migration.module.read_bytes() != migration.before:
            raise WriteRefusedError(
                f"{migration.rel}: changed while it was being migrated; nothing written to it",
                hint="run 'charter migrate' again",
            )
        write_atomic(migration.module, migration.after.encode("utf-8"), replace=True)
