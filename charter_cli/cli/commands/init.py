"""``charter init``: a new, working charter project."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from charter_cli.cli.options import CommandDirectory, options
from charter_cli.errors import ExitCode


def init(
    ctx: typer.Context,
    directory: Annotated[
        Path,
        typer.Argument(
            help="Folder of the new project: new, empty, or a fresh clone (only .git, README, "
            "LICENSE, .gitignore).",
            metavar="DIR",
        ),
    ],
    title: Annotated[
        str | None,
        typer.Option("--title", help="Title of the new charter.", metavar="TITLE"),
    ] = None,
    with_study: Annotated[
        bool,
        typer.Option(
            "--with-study",
            help="Measure the draft against the 2008 study's catalogue, shipped with charter "
            "(informative: its gaps are notes until you move it to sources).",
        ),
    ] = False,
    bare: Annotated[
        bool,
        typer.Option("--bare", help="No example content: a manifest with one title."),
    ] = False,
    run_in: CommandDirectory = None,
) -> ExitCode:
    r"""Create a new, working charter project in DIR.

    By default a worked example: a source with its requirements and clauses that
    cover them. --with-study starts from the 2008 study's catalogue instead, with
    one recital and one article; --bare has no example content. Files already in
    DIR (.git, README, LICENSE, .gitignore) are left as they are. The new
    project's check passes and its build works.

    Example:
      charter init . --with-study \
        --title 'Euro-Latin American Charter for Peace and Security'
    """
    from charter_cli.cli import console
    from charter_cli.load.project import relative
    from charter_cli.scaffold.project import create_project, missing_ignores

    target = options(ctx).base() / directory
    written = create_project(target, title=title, bare=bare, with_study=with_study)
    for path in written:
        console.err(f"created {relative(Path.cwd(), path.resolve())}")
    if target / ".gitignore" not in written:
        missing = missing_ignores(target)
        if missing:
            console.err(
                f"note: .gitignore was left as it is; add {' and '.join(missing)} to it "
                "unless the drafts are to be committed"
            )
    here = relative(Path.cwd(), target.resolve())
    enter = "" if here == "." else f"cd {here} && "
    follow = "charter coverage --missing" if with_study else "charter build"
    console.err(f"next: {enter}charter check && {follow}")
    return ExitCode.OK
