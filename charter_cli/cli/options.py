"""What every command shares: the global options, and completion of the project's IDs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import typer

from charter_cli.errors import CharterError


@dataclass(frozen=True)
class Options:
    """Global options, passed to every command through the Typer context."""

    directory: Path | None
    debug: bool

    def root(self) -> Path:
        """The project root: found by walking up from ``-C DIR`` or the working folder."""
        from charter_cli.load.project import find_root

        return find_root(self.base())

    def base(self) -> Path:
        """The folder relative paths on the command line are relative to."""
        return (self.directory or Path.cwd()).resolve()


def options(ctx: typer.Context) -> Options:
    """The global options of this run.

    While the shell completes a word, the root callback has not run; the options
    are then read from what was parsed so far, so ``charter -C DIR show <TAB>``
    completes the IDs of the project in ``DIR``.
    """
    root = ctx.find_root()
    if isinstance(root.obj, Options):
        return root.obj
    directory = root.params.get("directory")
    return Options(directory if isinstance(directory, Path) else None, debug=False)


def complete_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Clause and requirement IDs of the project, for ``charter show <TAB>``."""
    from charter_cli.load.loader import load_library

    try:
        library = load_library(options(ctx).root())
    except CharterError:
        return []
    return sorted(i for i in (*library.clauses, *library.requirements) if i.startswith(incomplete))
