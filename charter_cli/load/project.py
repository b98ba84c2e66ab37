"""Locate a charter project (the folder holding ``charter.toml``) and its repository, walking up as git does."""

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


def find_repository_root(start: Path) -> Path | None:
    """The root of the git repository holding ``start``, found as git finds it; ``None`` outside one.

    Like git, it walks up to the nearest folder holding ``.git`` (a folder, or a
    file in a worktree or a submodule); no git program is needed.
    """
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


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
