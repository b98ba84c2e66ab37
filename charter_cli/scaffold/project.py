"""``charter init``: a new, working charter project in a new or empty folder."""

from __future__ import annotations

from pathlib import Path

from charter_cli.errors import WriteRefusedError
from charter_cli.load.project import MANIFEST, relative
from charter_cli.scaffold.templates import project_files
from charter_cli.write.atomic import write_atomic


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
    name = title or directory.resolve().name.replace("-", " ").replace("_", " ").strip().title()
    written = []
    for rel, text in project_files(name or "New Charter").items():
        path = directory / rel
        write_atomic(path, text.encode("utf-8"), replace=False)
        written.append(path)
    return sorted(written, key=lambda p: relative(directory, p))
