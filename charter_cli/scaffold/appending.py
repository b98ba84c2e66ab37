"""Add a table at the end of a file of the library, keeping every byte already there."""

from __future__ import annotations

from pathlib import Path

from charter_cli.errors import InvalidInputError, WriteRefusedError
from charter_cli.findings import Finding
from charter_cli.load.documents import read_text
from charter_cli.write.atomic import write_atomic


def existing_text(path: Path, rel: str, what: str) -> str | None:
    """The file's text, ``None`` if it does not exist yet; refused if it cannot be read.

    ``what`` names what was to be added (``clause``, ``amendment``), for the message.
    """
    if not path.exists() and not path.is_symlink():
        return None
    text = read_text(path, rel)
    if isinstance(text, Finding):
        if text.code == "CH002":
            raise InvalidInputError(f"{path}: not UTF-8 text; fix it before adding {what}s")
        raise InvalidInputError(f"{path}: {text.message}; no {what} was added")
    return text


def appended(existing: str | None, block: str, header: str) -> str:
    """The file's text with ``block`` at its end; a new file starts with ``header`` and a blank line."""
    if existing is None:
        return f"{header}\n\n{block}"
    return f"{existing.rstrip()}\n\n{block}" if existing.strip() else block


def replace_unless_changed(
    path: Path, rel: str, existing: str | None, text: str, what: str
) -> None:
    """Write ``text`` atomically over the file read as ``existing`` (``None``: a new file).

    Refused if the file changed since it was read (another editor), or was
    created meanwhile: their edit is never lost.
    """
    if existing is None:
        write_atomic(path, text.encode("utf-8"), replace=False)
        return
    if existing_text(path, rel, what) != existing:
        raise WriteRefusedError(f"{path}: changed while the {what} was being added; try again")
    write_atomic(path, text.encode("utf-8"), replace=True)
