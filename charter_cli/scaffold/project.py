"""``charter init``: a new, working charter project in a new folder, or one that is nearly empty.

A folder that holds only what a fresh repository holds (``.git``, a README, a
licence, a ``.gitignore``) is as good as empty: ``git clone`` then ``charter
init .`` is how a committee starts. Those files are never touched.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

from charter_cli.errors import WriteRefusedError
from charter_cli.load.project import MANIFEST, relative
from charter_cli.scaffold.templates import IGNORED, project_files
from charter_cli.write.atomic import write_atomic

ALLOWED = (".git", "README*", "LICENSE*", ".gitignore")
"""What a folder may already hold for ``init`` to write into it (patterns of names, any case)."""


def _title_from(folder: str) -> str:
    """A title made of a folder's name: words, without bytes that are not UTF-8 or control characters."""
    text = os.fsencode(folder).decode("utf-8", errors="replace").replace("\ufffd", "")
    words = "".join(char if char.isprintable() else " " for char in text)
    return " ".join(words.replace("-", " ").replace("_", " ").split()).title()


def _foreign(directory: Path) -> list[str]:
    """Names in ``directory`` that a fresh repository would not hold, sorted."""
    return sorted(
        entry.name
        for entry in directory.iterdir()
        if not any(fnmatch.fnmatch(entry.name.upper(), p.upper()) for p in ALLOWED)
    )


def create_project(
    directory: Path, *, title: str | None, bare: bool = False, with_study: bool = False
) -> list[Path]:
    """Create a new charter project in ``directory``; return the files written.

    ``directory`` is new, empty, or holds only :data:`ALLOWED` names, which are
    kept as they are (an existing ``.gitignore`` too: see :func:`missing_ignores`).
    """
    if directory.is_symlink() and not directory.exists():
        raise WriteRefusedError(
            f"{directory}: is a symbolic link to a folder that does not exist; nothing was written",
            hint="create the folder it points to, or choose a new folder",
        )
    if directory.exists() and not directory.is_dir():
        raise WriteRefusedError(
            f"{directory}: exists and is not a folder; nothing was written",
            hint="choose a new folder",
        )
    if (directory.resolve() / MANIFEST).exists():
        raise WriteRefusedError(
            f"{directory / MANIFEST}: already exists; nothing was written",
            hint="the folder is a charter project already",
        )
    foreign = _foreign(directory) if directory.exists() else []
    if foreign:
        shown = ", ".join(foreign[:5]) + (
            f" and {len(foreign) - 5} more" if len(foreign) > 5 else ""
        )
        raise WriteRefusedError(
            f"{directory}: holds files other than .git, README, LICENSE and .gitignore "
            f"({shown}); nothing was written",
            hint="choose a new folder, or a fresh clone of the repository",
        )
    name = title or _title_from(directory.resolve().name)
    written = []
    for rel, text in project_files(name or "New Charter", bare=bare, with_study=with_study).items():
        path = directory / rel
        if rel == ".gitignore" and (path.exists() or path.is_symlink()):
            continue  # the repository's own: never touched
        write_atomic(path, text.encode("utf-8"), replace=False)
        written.append(path)
    return sorted(written, key=lambda p: relative(directory, p))


def missing_ignores(directory: Path) -> list[str]:
    """The lines a new project's ``.gitignore`` holds that ``directory``'s own does not.

    Lines are compared without a leading or trailing ``/`` (``/build/`` ignores what
    ``build/`` does, here); a pattern spelt another way is not recognised, so the
    advice is to be read, not applied blindly.
    """
    try:
        text = (directory / ".gitignore").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return list(IGNORED)
    present = {line.strip().strip("/") for line in text.splitlines()}
    return [pattern for pattern in IGNORED if pattern.strip("/") not in present]
