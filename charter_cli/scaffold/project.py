"""``charter init``: a new, working charter project in a new or empty folder."""

from __future__ import annotations

import os
from pathlib import Path

from charter_cli.errors import WriteRefusedError
from charter_cli.load.project import MANIFEST, relative
from charter_cli.scaffold.templates import project_files
from charter_cli.write.atomic import write_atomic


def _title_from(folder: str) -> str:
    """A title made of a folder's name: words, without bytes that are not UTF-8 or control characters."""
    text = os.fsencode(folder).decode("utf-8", errors="replace").replace("\ufffd", "")
    words = "".join(char if char.isprintable() else " " for char in text)
    return " ".join(words.replace("-", " ").replace("_", " ").split()).title()


def create_project(directory: Path, *, title: str | None) -> list[Path]:
    """Create a new charter project in ``directory`` (new or empty); return the files written."""
    if directory.is_symlink() and not directory.exists():
        raise WriteRefusedError(
            f"{directory}: is a symbolic link to a folder that does not exist; nothing was written",
            hint="create the folder it points to, or choose a new folder",
        )
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise WriteRefusedError(
            f"{directory}: exists and is not an empty folder; nothing was written",
            hint="choose a new folder",
        )
    if (directory.resolve() / MANIFEST).exists():
        raise WriteRefusedError(f"{directory / MANIFEST}: already exists")
    name = title or _title_from(directory.resolve().name)
    written = []
    for rel, text in project_files(name or "New Charter").items():
        path = directory / rel
        write_atomic(path, text.encode("utf-8"), replace=False)
        written.append(path)
    return sorted(written, key=lambda p: relative(directory, p))
