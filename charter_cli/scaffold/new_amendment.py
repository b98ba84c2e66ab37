"""``charter new amendment``: table an amendment, with its fingerprint filled in.

The amendment is checked before anything is written: its target must exist,
its number be free (the next free number unless one is given), its party be
declared. For a replace or a delete, the fingerprint and the wording amended
are taken from the text as it stands, so the amendment can be followed from
then on. It is appended to an amendment file under ``amendments/`` (created if
missing, starting with its ``#:schema`` line), keeping every byte already
there, atomically, under the library's lock and the file's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomlkit
from pydantic import ValidationError

from charter_cli.check.amendments import State, resolve
from charter_cli.errors import InvalidInputError, WriteRefusedError
from charter_cli.findings import Finding
from charter_cli.load.amendments import DEFAULT_FOLDER, AmendmentEntry, AmendmentsFile
from charter_cli.load.documents import Document, parse_toml
from charter_cli.load.library import Library
from charter_cli.load.loader import load_library
from charter_cli.load.project import inside, relative
from charter_cli.load.wording import fingerprint
from charter_cli.models.amendment import Amendment, AmendmentFile
from charter_cli.scaffold.appending import appended, existing_text, replace_unless_changed
from charter_cli.scaffold.schemas import directive_for
from charter_cli.suggest import did_you_mean
from charter_cli.vocabulary import JOINT, AmendmentKind
from charter_cli.write.lock import DEFAULT_TIMEOUT, file_lock, library_lock


def _validated(table: dict[str, Any]) -> Amendment:
    try:
        return Amendment.model_validate(table)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'amendment'}: "
            f"{e['msg'].removeprefix('Value error, ')}"
            for e in error.errors()
        )
        raise InvalidInputError(f"the amendment is not valid: {problems}") from None


def _ordered(table: dict[str, Any]) -> dict[str, Any]:
    """The amendment's keys in the documented order, empty ones left out."""
    order = list(Amendment.model_fields)
    return {key: table[key] for key in order if table.get(key) not in (None, False, [])}


def add_amendment(
    root: Path, file: Path, table: dict[str, Any], *, timeout: float = DEFAULT_TIMEOUT
) -> Amendment:
    """Append the amendment ``table`` (the keys of an ``[[amendment]]``) to ``file``.

    ``number`` may be left out: the next free number is taken. Returns the
    amendment as written, fingerprint included.
    """
    with library_lock(root, timeout=timeout):
        library = load_library(root)
        folder = library.charter.amendments if library.charter is not None else DEFAULT_FOLDER
        if file.suffix != ".toml" or not inside(root / folder, file):
            raise InvalidInputError(
                f"{file}: an amendment file must be a .toml file under {root / folder}"
            )
        table = {**table}
        compromise = bool(table.get("compromise"))
        if table.get("number") is None:
            used = [
                e.amendment.number
                for e in library.amendments
                if e.amendment.compromise == compromise
            ]
            table["number"] = max(used, default=0) + 1
        amendment = _validated(_ordered(table))
        _refuse_known_number(library, amendment)
        _refuse_unknown_parties(library, amendment)
        amendment = _fingerprinted(library, file, amendment)
        with file_lock(file, timeout=timeout):
            rel = relative(root, file)
            existing = existing_text(file, rel, "amendment")
            block = amendment_block(amendment)
            text = appended(existing, block, directive_for(file, root, amendments=folder))
            _check_file(file, rel, text)
            replace_unless_changed(file, rel, existing, text, "amendment")
    return amendment


def amendment_block(amendment: Amendment) -> str:
    """The amendment as an ``[[amendment]]`` table, as people write one: its target and authors inline."""
    table = tomlkit.table()
    for key, value in amendment.model_dump(mode="json", exclude_defaults=True).items():
        if key == "target":
            table[key] = _inline(value)
        elif key == "tabled_by":
            authors = tomlkit.array()
            authors.extend(_inline(author) for author in value)
            table[key] = authors
        elif isinstance(value, str) and "\n" in value:
            table[key] = tomlkit.string(value.rstrip("\n") + "\n", multiline=True)
        else:
            table[key] = value
    tables = tomlkit.aot()
    tables.append(table)
    document = tomlkit.document()
    document["amendment"] = tables
    return tomlkit.dumps(document)


def _inline(values: dict[str, Any]) -> Any:
    table = tomlkit.inline_table()
    table.update(values)
    return table


def _refuse_known_number(library: Library, amendment: Amendment) -> None:
    taken = next((e for e in library.amendments if e.id == amendment.id), None)
    if taken is not None:
        raise WriteRefusedError(
            f"{amendment.label.lower()} exists already ({taken.location})",
            hint="leave out --number to take the next free one",
        )


def _refuse_unknown_parties(library: Library, amendment: Amendment) -> None:
    known = [party.id for party in library.parties]
    for author in amendment.tabled_by:
        if author.party is not None and author.party not in (*known, JOINT):
            raise InvalidInputError(
                f"unknown party '{author.party}'",
                hint=did_you_mean(author.party, known) or f"use one of: {', '.join(known)}",
            )


def _fingerprinted(library: Library, file: Path, amendment: Amendment) -> Amendment:
    """The amendment with the fingerprint and wording of what it amends, once its target is found."""
    doc = Document(relative(library.root, file), file, "", {})  # not written yet
    resolution = resolve(library, AmendmentEntry(amendment, AmendmentsFile(doc), 0))
    if resolution.state is State.UNKNOWN:
        raise InvalidInputError(
            f"{amendment.label.lower()}: {resolution.problem}", hint=resolution.hint
        )
    if amendment.kind is AmendmentKind.INSERT or resolution.wording is None:
        return amendment
    wording = resolution.wording
    return amendment.model_copy(
        update={"fingerprint": fingerprint(wording), "existing_text": wording}
    )


def _check_file(file: Path, rel: str, text: str) -> None:
    """Refuse to write a file that would not load (an amendment file broken before)."""
    doc = parse_toml(text, file, rel)
    if isinstance(doc, Finding):
        raise InvalidInputError(
            f"{file}: the file has errors, so the amendment was not added: {doc.message}",
            hint="run 'charter check' and fix the file first",
        )
    try:
        AmendmentFile.model_validate(doc.data)
    except ValidationError as error:
        raise InvalidInputError(
            f"{file}: the file has errors, so the amendment was not added: "
            f"{str(error).splitlines()[0]}",
            hint="run 'charter check' and fix the file first",
        ) from None
