"""Find the clause modules of a project: every ``.toml`` file under ``clauses/``."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from charter_cli.findings import Finding
from charter_cli.load.project import CLAUSES_DIR, inside, relative


def module_paths(root: Path) -> tuple[list[Path], list[Finding]]:
    """Every clause module under ``clauses/``, in sorted path order, and the links refused.

    Hidden files and folders are skipped. Symbolic links are followed only while
    they stay inside the project: a link that leads out of it is reported
    (``CH214``) and not read, and a folder is never visited twice.
    """
    paths, refused = toml_paths(root, root / CLAUSES_DIR)
    return paths, refused + _odd_names(root, paths)


def toml_paths(root: Path, folder: Path) -> tuple[list[Path], list[Finding]]:
    """Every ``.toml`` file under ``folder`` (inside the project ``root``), sorted, and the links refused."""
    if not folder.is_dir():
        return [], []
    real_root = root.resolve()
    paths: list[Path] = []
    refused: list[Finding] = []
    visited: set[Path] = set()
    for current, folders, files in os.walk(folder, followlinks=True):
        here = Path(current)
        real = here.resolve()
        if not inside(real_root, real):
            refused.append(_outside(root, here, "folder"))
            folders.clear()
            continue
        if real in visited:  # a link back to a folder already read
            folders.clear()
            continue
        visited.add(real)
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            path = here / name
            if name.startswith(".") or not name.endswith(".toml"):
                continue
            if inside(real_root, path):
                paths.append(path)
            else:
                refused.append(_outside(root, path, "file"))
    paths.sort(key=lambda p: relative(root, p))
    return paths, refused


def _odd_names(root: Path, paths: list[Path]) -> list[Finding]:
    """File names that are not UTF-8, and names that differ only in Unicode normalisation."""
    findings = []
    first: dict[str, str] = {}
    for path in paths:
        rel = relative(root, path)
        if rel != path.relative_to(root).as_posix():  # bytes that are not UTF-8 were escaped
            findings.append(
                Finding(
                    "CH002",
                    "the file name is not valid UTF-8; it is read, but no manifest can name it",
                    rel,
                    hint="rename the file with UTF-8 characters",
                )
            )
        key = unicodedata.normalize("NFC", rel)
        other = first.setdefault(key, rel)
        if other != rel:
            findings.append(
                Finding(
                    "CH233",
                    f"the file name differs from '{other}' only in Unicode normalisation "
                    "(the same letters, composed differently): both are read, and a manifest "
                    "entry naming one places both",
                    rel,
                    hint="merge the two files, or rename one",
                )
            )
    return findings


def _outside(root: Path, path: Path, what: str) -> Finding:
    return Finding(
        "CH214",
        f"is a symbolic link to a {what} outside the project; it is not read",
        relative(root, path),
        hint="copy the file into the project, or remove the link",
    )
