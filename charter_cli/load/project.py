"""Locate a charter project: the folder holding ``charter.toml``, found by walking up as git does."""

from __future__ import annotations

from pathlib import Path

from charter_cli.errors import ProjectNotFoundError

MANIFEST = "charter.toml"
"""File name of the manifest that marks a project's root."""

CLAUSES_DIR = "clauses"
"""Folder of the clause library, relative to the project root."""


def find_root(start: Path) -> Path:
    """Return the nearest folder at or above ``start`` that holds a ``charter.toml``."""
    start = start.resolve()
    if not start.is_dir():
        raise ProjectNotFoundError(f"{start}: not a folder")
    for folder in (start, *start.parents):
        if (folder / MANIFEST).is_file():
            return folder
    raise ProjectNotFoundError(
        f"no {MANIFEST} in {start} or any folder above it",
        hint="run inside a charter project, pass -C DIR, or create one with 'charter init DIR'",
    )


def relative(root: Path, path: Path) -> str:
    """``path`` relative to ``root`` with ``/`` separators, for messages and manifests."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def inside(root: Path, path: Path) -> bool:
    """Whether ``path`` (after resolving links and ``..``) lies within ``root``."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True
