"""Locate a charter project (the folder holding ``charter.toml``) and its repository, walking up as git does."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from charter_cli.errors import InvalidInputError, ProjectNotFoundError

MANIFEST = "charter.toml"
"""File name of the manifest that marks a project's root."""

CLAUSES_DIR = "clauses"
"""Folder of the clause library, relative to the project root."""


def find_root(start: Path) -> Path:
    """Return the nearest folder at or above ``start`` that holds a ``charter.toml``."""
    try:
        start = start.resolve()
    except (RuntimeError, OSError) as error:  # a link that loops
        raise ProjectNotFoundError(f"{start}: cannot be followed: {_reason(error)}") from None
    if not start.is_dir():
        raise ProjectNotFoundError(f"{start}: not a folder")
    for folder in (start, *start.parents):
        manifest = folder / MANIFEST
        if manifest.is_symlink() or (manifest.exists() and not manifest.is_dir()):
            return folder  # a manifest that cannot be read is reported as a finding, with why
    raise ProjectNotFoundError(
        f"no {MANIFEST} in {start} or any folder above it",
        hint="run inside a charter project, pass -C DIR, or create one with 'charter init DIR'",
    )


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return "a symbolic link that loops"


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


_NOT_A_REPOSITORY = 128
"""git's exit code when it finds no repository (``git ls-files`` gives 1 for an untracked file)."""


def tracked_by_git(path: Path) -> bool:
    """Whether git tracks the file ``path``: it is in the index, staged or committed.

    A file that is new or ignored is not tracked. Asks ``git ls-files``, run in
    the file's folder, so the index of a running commit (``GIT_INDEX_FILE``) counts.
    """
    try:
        result = subprocess.run(
            ["git", "ls-files", "--error-unmatch", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError as error:
        raise InvalidInputError(
            f"cannot ask git whether {path} is tracked: {error.strerror}",
            hint="install git, or leave out --require-tracked",
        ) from None
    if result.returncode == _NOT_A_REPOSITORY:
        raise InvalidInputError(
            f"{path.parent}: not in a git repository, so no file in it is tracked",
            hint="leave out --require-tracked outside a repository",
        )
    return result.returncode == 0


def relative(root: Path, path: Path) -> str:
    r"""``path`` relative to ``root`` with ``/`` separators, for messages and manifests.

    A byte of a file name that is not UTF-8 is shown as ``\\xNN``.
    """
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        rel = path.as_posix()
    return _NOT_UTF8.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", rel)


_NOT_UTF8 = re.compile("[\udc80-\udcff]")


def inside(root: Path, path: Path) -> bool:
    """Whether ``path`` (after resolving links and ``..``) lies within ``root``.

    A link that loops is resolved as far as it goes (reading it will say it loops).
    """
    try:
        resolved = path.resolve()
    except (RuntimeError, OSError):
        resolved = Path(os.path.realpath(path))
    except ValueError:  # a NUL in the path
        return False
    try:
        resolved.relative_to(root.resolve())
    except ValueError:
        return False
    return True
