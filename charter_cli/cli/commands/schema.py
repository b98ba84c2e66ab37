"""``charter schema``: the JSON Schemas of the file formats, for TOML editors, and of the JSON report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from charter_cli.cli.options import CommandDirectory, options
from charter_cli.errors import ExitCode


def schema(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output-dir",
            help="Folder to write the schemas to. [default: schemas/ in the project]",
            metavar="DIR",
        ),
    ] = None,
    run_in: CommandDirectory = None,
) -> ExitCode:
    """Write the JSON Schemas of the files and of the JSON report.

    The schemas of the three file kinds let TOML editors complete keys and flag
    errors while a member types; check-report.schema.json describes 'charter
    check --output-format json' for the scripts that read it.

    Example: charter schema   (writes schemas/*.schema.json)
    """
    from charter_cli.cli import console
    from charter_cli.scaffold.schemas import SCHEMA_DIR, write_schemas

    opts = options(ctx)
    folder = opts.base() / output if output is not None else opts.root() / SCHEMA_DIR
    for path, changed in write_schemas(folder):
        console.err(f"{'wrote' if changed else 'unchanged'} {path}")
    return ExitCode.OK
