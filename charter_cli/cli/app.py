"""The ``charter`` command: a Typer app, its global options and the one error funnel.

Each command lives in its own module under :mod:`charter_cli.cli.commands`:
it declares its options, calls one core function, shows the result and returns
an :class:`~charter_cli.errors.ExitCode`.
:class:`~charter_cli.cli.funnel.CharterGroup` turns that code, or any error,
into the process's exit. Core modules are imported inside the
commands, so ``charter --help`` starts without loading Pydantic or the loader.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from charter_cli import __version__
from charter_cli.cli.commands import (
    build,
    check,
    coverage,
    init,
    listing,
    new_clause,
    schema,
    show,
    verify,
)
from charter_cli.cli.funnel import CharterGroup
from charter_cli.cli.options import Options

app = typer.Typer(
    name="charter",
    cls=CharterGroup,
    help="Draft, number, check and export a charter from a library of TOML clause modules.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: Rich's help layout costs more start-up than all of --help
    context_settings={"help_option_names": ["-h", "--help"]},
)
new_app = typer.Typer(
    help="Add a well-formed item to the library.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(new_app, name="new")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"charter {__version__}")
        raise typer.Exit


@app.callback()
def main_options(
    ctx: typer.Context,
    directory: Annotated[
        Path | None,
        typer.Option("-C", "--directory", help="Run as if started in DIR.", metavar="DIR"),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an internal error.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Draft, number, check and export a charter from a library of TOML clause modules."""
    ctx.obj = Options(directory, debug)


for _module in (check, build, coverage, listing, show, verify, schema, init):
    app.command(name=_module.NAME, epilog=_module.EXAMPLE)(_module.run)
new_app.command(name=new_clause.NAME, epilog=new_clause.EXAMPLE)(new_clause.run)


def main() -> None:
    """Run the ``charter`` command."""
    app(prog_name="charter")
