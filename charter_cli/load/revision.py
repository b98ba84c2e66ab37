"""Read another version of the project: a git revision, or another project folder.

A revision is read without touching the working tree or the index: the files
of the project's folder at that commit are listed with ``git ls-tree`` and
copied out with one ``git cat-file --batch`` into a temporary folder, which is
then loaded like any project. Attributes such as ``export-ignore`` do not
change what is read, as they would with ``git archive``.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from charter_cli.errors import InvalidInputError
from charter_cli.load.project import MANIFEST

WORKING_TREE = "the working tree"
"""How the project as it is on disk is named."""


@dataclass(frozen=True)
class Version:
    """One side of a comparison: where it was read from, and the folder to load."""

    label: str
    """How messages and reports name it: ``HEAD (3f9a0c5)``, ``the working tree``, a folder."""
    root: Path
    """The project's root folder (a temporary copy for a revision)."""
    revision: str | None = None
    """The commit, for a revision."""
    folder: str | None = None
    """The folder as given, for a project folder."""


@contextmanager
def open_version(given: str | None, project: Path, base: Path) -> Iterator[Version]:
    """The version ``given`` on the command line: a revision, a project folder, or (``None``) the working tree.

    ``project`` is the project the command runs in (its revisions are read from
    its repository), ``base`` the folder relative paths are relative to. A
    revision is copied into a temporary folder, removed when the block ends.
    """
    if given is None:
        yield Version(WORKING_TREE, project)
        return
    folder = _project_folder(base, given)
    repository = _git(["rev-parse", "--git-dir"], project).returncode == 0
    revision = _commit(project, given) if repository else None
    if folder is not None and revision is not None:
        raise InvalidInputError(
            f"'{given}' is both a project folder and a revision",
            hint=f"write ./{given} for the folder, or {given}^{{commit}} for the revision",
        )
    if folder is not None:
        yield Version(given, folder, folder=given)
        return
    if not repository:
        _repository(project)  # says that the project is in no repository
    if revision is None:
        raise InvalidInputError(
            f"'{given}' is neither a revision of the repository nor a project folder",
            hint="give a commit, branch or tag (HEAD~1, main, v1.0), or a folder holding "
            f"a {MANIFEST}",
        )
    with tempfile.TemporaryDirectory(prefix="charter-revision-") as temporary:
        root = _export(project, revision, Path(temporary))
        yield Version(f"{given} ({revision[:7]})", root, revision=revision)


def _project_folder(base: Path, given: str) -> Path | None:
    folder = base / given
    try:
        if folder.is_dir() and (folder / MANIFEST).exists():
            return folder.resolve()
    except (OSError, ValueError):
        return None
    return None


def _git(
    args: list[str], cwd: Path, *, data: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, input=data, capture_output=True, check=False)
    except OSError as error:
        raise InvalidInputError(
            f"cannot run git: {error.strerror}",
            hint="install git, or compare two project folders",
        ) from None


def _repository(project: Path) -> tuple[Path, str]:
    """The root of the repository holding ``project``, and the project's folder in it (``""`` or ``a/b/``)."""
    done = _git(["rev-parse", "--show-toplevel", "--show-prefix"], project)
    if done.returncode != 0:
        raise InvalidInputError(
            f"{project}: not in a git repository, so it has no revisions",
            hint="compare two project folders: charter diff OLD_FOLDER NEW_FOLDER",
        )
    lines = done.stdout.decode("utf-8", errors="surrogateescape").split("\n")
    return Path(lines[0]), lines[1] if len(lines) > 1 else ""


def _commit(project: Path, given: str) -> str | None:
    """The commit ``given`` names, or ``None``."""
    if given.startswith("-") or "\0" in given:
        return None
    done = _git(["rev-parse", "--verify", "--quiet", f"{given}^{{commit}}"], project)
    if done.returncode != 0:
        return None
    return done.stdout.decode("ascii").strip() or None


def _export(project: Path, revision: str, target: Path) -> Path:
    """Copy the project's folder at ``revision`` into ``target``; the root of the copy."""
    top, prefix = _repository(project)
    listing = _output(["ls-tree", "-r", "-z", "--full-tree", revision, "--", prefix or "."], top)
    files = list(_blobs(listing, prefix))
    root = target / "project"
    root.mkdir()
    if not any(path == MANIFEST for _, _, path in files):
        where = f"in {prefix.rstrip('/')}" if prefix else "at the repository's root"
        raise InvalidInputError(
            f"revision {revision[:7]} has no {MANIFEST} {where}: the project did not exist there yet",
            hint="compare a later revision",
        )
    batch = "".join(f"{sha}\n" for _, sha, _ in files).encode("ascii")
    _write(root, files, _output(["cat-file", "--batch"], top, data=batch))
    return root


def _output(args: list[str], cwd: Path, *, data: bytes | None = None) -> bytes:
    """What git writes to stdout; its message, as an error, if it fails."""
    done = _git(args, cwd, data=data)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", errors="replace").strip() or f"git {args[0]} failed"
        raise InvalidInputError(f"cannot read the revision from git: {message}")
    return done.stdout


def _blobs(listing: bytes, prefix: str) -> Iterator[tuple[str, str, str]]:
    """``(mode, sha, path)`` of each file, path relative to the project's folder."""
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, kind, sha = meta.decode("ascii").split()
        if kind != "blob":
            continue  # a submodule: not part of the project's files
        yield mode, sha, name.decode("utf-8", errors="surrogateescape")[len(prefix) :]


def _write(root: Path, files: list[tuple[str, str, str]], stream: bytes) -> None:
    """Write each blob of a ``git cat-file --batch`` answer to its path under ``root``."""
    offset = 0
    for mode, _, rel in files:
        end = stream.index(b"\n", offset)
        header = stream[offset:end].split()
        size = int(header[2])
        data = stream[end + 1 : end + 1 + size]
        offset = end + 1 + size + 1
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if mode == "120000":  # a symbolic link: the blob is its target
            path.symlink_to(os.fsdecode(data))
        else:
            path.write_bytes(data)
