"""What every command shares: the global options, and completion of the project's IDs."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated

import typer

from charter_cli.errors import CharterError
from charter_cli.vocabulary import Level, RequirementKind, Status


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
        from charter_cli.errors import InvalidInputError

        folder = self.directory or Path.cwd()
        try:
            return folder.resolve()
        except (RuntimeError, OSError):  # a link that loops
            raise InvalidInputError(f"{folder}: is a symbolic link that loops") from None


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


Directory = Annotated[
    Path | None, typer.Option("-C", "--directory", help="Run as if started in DIR.", metavar="DIR")
]
"""``-C DIR``: run as if started in ``DIR``."""


def _directory_after_command(ctx: typer.Context, value: Path | None) -> None:
    """``-C DIR`` given after the command's name: the same as before it (relative to it if both)."""
    if value is None:
        return
    root = ctx.find_root()
    before = root.obj if isinstance(root.obj, Options) else options(ctx)
    directory = value if before.directory is None else before.directory / value
    root.obj = replace(before, directory=directory)


CommandDirectory = Annotated[
    Path | None,
    typer.Option(
        "-C",
        "--directory",
        help="Run as if started in DIR, as 'charter -C DIR' does (pre-commit's args come here).",
        metavar="DIR",
        callback=_directory_after_command,
        expose_value=False,
    ),
]
"""``charter COMMAND -C DIR``: the global ``-C`` accepted after the command too.

Tools that append arguments to a command line, such as pre-commit's ``args``,
can only put options after the command. The value reaches the command through
:func:`options`, never through the parameter, which a command declares only so
that the option is offered (and shown in its help).
"""
Debug = Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")]
"""``--debug``: an internal error shows its traceback instead of one line."""
Strict = Annotated[
    bool, typer.Option("--strict", help="Fail on warnings too (clauses placed nowhere).")
]
"""``--strict``: warnings fail the run."""
LevelFilter = Annotated[
    Level | None,
    typer.Option("--level", help="Only requirements of this level: " + ", ".join(Level) + "."),
]
"""``--level``: only requirements of one security level."""
KindFilter = Annotated[
    RequirementKind | None, typer.Option("--kind", help="Only requirements of this kind.")
]
"""``--kind``: only requirements of one kind."""
StatusFilter = Annotated[
    Status | None, typer.Option("--status", help="Only clauses with this status.")
]
"""``--status``: only clauses with one status."""
PartyFilter = Annotated[
    str | None, typer.Option("--party", help="Only clauses proposed by this party.")
]
"""``--party``: only clauses one party proposed."""
DryRun = Annotated[bool, typer.Option("--dry-run", help="Say what would change; write nothing.")]
"""``--dry-run``: an editing command plans and checks the change but writes nothing."""
ClauseArgument = Annotated[
    str,
    typer.Argument(
        help="The clause: its ID or its article number ('12' or 'Article 12').",
        metavar="ID",
        autocompletion=complete_ids,
    ),
]
"""The clause an editing command acts on."""
