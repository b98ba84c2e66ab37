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
        Path, typer.Argument(help="Folder of the new project (new or empty).", metavar="DIR")
    ],
    title: Annotated[str | None, typer.Option("--title", help="Title of the new charter.")] = None,
    run_in: CommandDirectory = None,
) -> ExitCode:
    """Create a new, working charter project in DIR.

    A manifest, a source with its requirements and clauses that cover them: its
    check passes and its build works.

    Example: charter init ../trade-charter --title 'Charter on Fair Trade'
    """
    from charter_cli.cli import console
    from charter_cli.load.project import relative
    from charter_cli.scaffold.project import create_project

    target = options(ctx).base() / directory
    for path in create_project(target, title=title):
        console.err(f"created {relative(Path.cwd(), path.resolve())}")
    console.err(f"next: cd {target} && charter check && charter build")
    return ExitCode.OK
