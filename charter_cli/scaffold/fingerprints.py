"""``charter amendments fingerprint``: record the fingerprint and the wording each amendment amends.

An amendment written by hand names its target and its new wording; this fills
in ``fingerprint`` and ``existing_text`` from the text as it stands. With
``refresh``, an amendment whose wording changed since it was tabled (``CH242``)
gets the fingerprint of today's wording: the one command to run once the
committee has checked that the amendments still make sense against a revised
text. Only amendments still tabled or adopted are touched: the fingerprint of a
rejected or withdrawn one is the record of what was voted on.

The files are rewritten with tomlkit, so comments, key order and formatting
stay as they are; each file is replaced atomically, under the library's lock
and its own, and only if it still validates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit
from pydantic import ValidationError

from charter_cli.check.amendments import LIVE, Resolution, State, resolve
from charter_cli.errors import InvalidInputError
from charter_cli.load.amendments import AmendmentEntry
from charter_cli.load.loader import load_library
from charter_cli.load.wording import Edit, fingerprint, word_diff
from charter_cli.models.amendment import AmendmentFile
from charter_cli.scaffold.appending import existing_text
from charter_cli.suggest import did_you_mean
from charter_cli.vocabulary import AmendmentKind
from charter_cli.write.atomic import write_atomic
from charter_cli.write.lock import DEFAULT_TIMEOUT, file_lock, library_lock


@dataclass(frozen=True)
class Fingerprinted:
    """An amendment whose fingerprint was recorded (or would be, in a dry run), or left alone."""

    entry: AmendmentEntry
    action: str
    """``recorded`` (it had none), ``refreshed`` (its wording changed), ``completed`` (its
    wording as tabled was added), or why it was left alone."""
    changes: tuple[Edit, ...] = ()
    """For ``refreshed``: the words that changed since it was tabled, when known."""
    written: bool = False
    """Whether the file was changed."""


_WRITES = ("recorded", "refreshed", "completed")


def fingerprint_amendments(
    root: Path,
    wanted: Sequence[str] = (),
    *,
    refresh: bool = False,
    dry_run: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
) -> list[Fingerprinted]:
    """Record the fingerprints of the amendments ``wanted`` (IDs such as ``12``, ``CA1``; all if none).

    Amendments with no fingerprint get one; with ``refresh``, stale ones get
    today's. Returns what was done to each amendment considered, in file order.
    """
    with library_lock(root, timeout=timeout):
        library = load_library(root)
        entries = _selected(library.amendments, wanted)
        results = [
            _plan(resolve(library, entry), refresh=refresh, named=bool(wanted)) for entry in entries
        ]
        if dry_run:
            return results
        by_file: dict[Path, list[tuple[Fingerprinted, Resolution]]] = {}
        for result, entry in zip(results, entries, strict=True):
            if result.action in _WRITES:
                by_file.setdefault(entry.file.doc.path, []).append(
                    (result, resolve(library, entry))
                )
        written = set()
        for path in sorted(by_file):
            with file_lock(path, timeout=timeout):
                _rewrite(path, by_file[path])
            written.add(path)
    return [
        Fingerprinted(
            r.entry, r.action, r.changes, r.entry.file.doc.path in written and r.action in _WRITES
        )
        for r in results
    ]


def _selected(entries: Sequence[AmendmentEntry], wanted: Sequence[str]) -> list[AmendmentEntry]:
    if not wanted:
        return list(entries)
    known = {entry.id: entry for entry in entries}
    chosen = []
    for name in wanted:
        key = "".join(name.split())
        if key[:2].lower() == "ca":
            key = f"CA{key[2:]}"
        if key not in known:
            hint = did_you_mean(name, list(known)) or "'charter amendments' lists them"
            raise InvalidInputError(f"no amendment is numbered '{name}'", hint=hint)
        chosen.append(known[key])
    return chosen


def _plan(resolution: Resolution, *, refresh: bool, named: bool) -> Fingerprinted:
    entry, state = resolution.entry, resolution.state
    reason = _left_alone(resolution, refresh=refresh)
    if reason is not None:
        return Fingerprinted(entry, f"left alone: {reason}")
    if state is State.UNFINGERPRINTED:
        return Fingerprinted(entry, "recorded")
    if state is State.STALE:
        recorded = resolution.recorded
        changes = word_diff(recorded, resolution.wording or "") if recorded is not None else ()
        return Fingerprinted(entry, "refreshed", changes)
    if resolution.recorded is None and resolution.wording is not None:
        return Fingerprinted(entry, "completed")
    return Fingerprinted(entry, "left alone: up to date" if named else "up to date")


def _left_alone(resolution: Resolution, *, refresh: bool) -> str | None:
    """Why an amendment's fingerprint is not to be touched, if it is not."""
    amendment = resolution.amendment
    if amendment.kind is AmendmentKind.INSERT:
        return "an insert amends no existing wording"
    if amendment.outcome not in LIVE:
        return f"it is {amendment.outcome.value}"
    if resolution.state is State.UNKNOWN:
        return str(resolution.problem)
    if resolution.state is State.CONSOLIDATED:
        return "it is written into the text"
    if resolution.state is State.STALE and not refresh:
        return "its wording changed since it was tabled (check it, then use --refresh)"
    return None


def _rewrite(path: Path, items: list[tuple[Fingerprinted, Resolution]]) -> None:
    """Set ``fingerprint`` and ``existing_text`` of the amendments of one file, keeping the rest."""
    rel = items[0][0].entry.file.doc.rel
    text = existing_text(path, rel, "amendment")
    if text != items[0][0].entry.file.doc.text:
        raise InvalidInputError(
            f"{path}: changed while the fingerprints were being recorded; try again"
        )
    document = tomlkit.parse(text)
    tables: Any = document["amendment"]
    for result, resolution in items:
        wording = resolution.wording or ""
        table = tables[result.entry.position]
        table["fingerprint"] = fingerprint(wording)
        table["existing_text"] = _string(wording)
    updated = tomlkit.dumps(document)
    try:
        AmendmentFile.model_validate(tomlkit.parse(updated).unwrap())
    except ValidationError as error:  # pragma: no cover - only values the model accepts are set
        raise InvalidInputError(f"{path}: would no longer validate: {error}") from None
    write_atomic(path, updated.encode("utf-8"), replace=True)


def _string(text: str) -> Any:
    if "\n" in text:
        return tomlkit.string(text + "\n", multiline=True)
    return text
