"""What every command shares: the global options, and completion of the project's IDs."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from charter_cli.errors import CharterError
from charter_cli.vocabulary import JOINT, Level, RequirementKind, Status

if TYPE_CHECKING:
    from charter_cli.load.cache import ParseCache
    from charter_cli.load.library import Library


@dataclass(frozen=True)
class Options:
    """Global options, passed to every command through the Typer context."""

    directory: Path | None
    debug: bool
    no_cache: bool = False
    """``--no-cache``: parse every file, and leave the cache as it is."""

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

    def cache(self) -> ParseCache | None:
        """The cache of parsed files this run may use, or ``None`` under ``--no-cache``."""
        if self.no_cache:
            return None
        import os

        from charter_cli.load.cache import default_folder, parse_cache

        return parse_cache(default_folder(os.environ))


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


def _library(ctx: typer.Context) -> Library | None:
    """The library of the project the command line names, or ``None`` while there is none."""
    from charter_cli.load.loader import load_library

    try:
        opts = options(ctx)
        return load_library(opts.root(), cache=opts.cache())
    except CharterError:
        return None


def complete_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Clause and requirement IDs of the project, for ``charter show <TAB>``."""
    library = _library(ctx)
    if library is None:
        return []
    return sorted(i for i in (*library.clauses, *library.requirements) if i.startswith(incomplete))


def complete_requirements(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Requirement IDs of the project, each with its statement, for ``--covers <TAB>``."""
    library = _library(ctx)
    if library is None:
        return []
    return [
        (name, entry.requirement.statement)
        for name, entry in library.requirements.items()
        if name.startswith(incomplete)
    ]


def complete_parties(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Party IDs of the manifest, each with its name, for ``--party <TAB>``."""
    library = _library(ctx)
    if library is None:
        return []
    return [(p.id, p.name) for p in library.parties if p.id.startswith(incomplete)]


def complete_parties_or_joint(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Party IDs, and ``joint``, for the proposing party of a new clause."""
    joint = [(JOINT, "proposed by all parties together")] if JOINT.startswith(incomplete) else []
    return complete_parties(ctx, incomplete) + joint


def complete_sections(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Sections of the sources, each with its title, for ``--section <TAB>``."""
    library = _library(ctx)
    if library is None:
        return []
    found = {
        section.id: section.title
        for catalogue in library.catalogues
        for _, section in catalogue.file.sections
        if section.id.startswith(incomplete)
    }
    return list(found.items())


def complete_chapters(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Titles and chapters of the draft as ``II`` and ``II.3``, each with its heading.

    The numerals are the draft's own (the manifest's ``[numbering]``), so what is
    completed is what the draft shows.
    """
    from charter_cli.draft.assemble import assemble

    library = _library(ctx)
    if library is None or library.manifest is None:
        return []
    parts: list[tuple[str, str]] = []
    for title in assemble(library, library.manifest).titles:
        parts.append((title.numeral, title.heading))
        parts += [(f"{title.numeral}.{c.numeral}", c.heading) for c in title.chapters]
    return [(ref, heading) for ref, heading in parts if ref.startswith(incomplete)]


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
NoCache = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        envvar="CHARTER_NO_CACHE",
        help="Parse every file; do not read or write the cache of parsed files.",
    ),
]
"""``--no-cache`` (or ``CHARTER_NO_CACHE=1``): no cache of parsed files this run."""
"""``--debug``: an internal error shows its traceback instead of one line."""
Strict = Annotated[
    bool, typer.Option("--strict", help="Fail on warnings too (clauses placed nowhere).")
]
"""``--strict``: warnings fail the run."""


def _one_of(option: str, values: type[StrEnum], only: str) -> Any:
    """A filter that takes one value of ``values``, named in its help and by its metavar."""
    listed = ", ".join(values)
    return typer.Option(option, help=f"Only {only}: {listed}.", metavar=option[2:].upper())


LevelFilter = Annotated[Level | None, _one_of("--level", Level, "requirements of this level")]
"""``--level``: only requirements of one security level."""
KindFilter = Annotated[
    RequirementKind | None, _one_of("--kind", RequirementKind, "requirements of this kind")
]
"""``--kind``: only requirements of one kind."""
StatusFilter = Annotated[Status | None, _one_of("--status", Status, "clauses with this status")]
"""``--status``: only clauses with one status."""
PartyFilter = Annotated[
    str | None,
    typer.Option(
        "--party",
        help="Only clauses proposed by this party.",
        metavar="PARTY",
        autocompletion=complete_parties_or_joint,
    ),
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
SectionFilter = Annotated[
    str | None,
    typer.Option(
        "--section",
        help="Only requirements of this section of the source and its subsections (4 holds 4.1).",
        metavar="SECTION",
        autocompletion=complete_sections,
    ),
]
"""``--section``: only requirements of one section of the sources, and of its subsections."""
