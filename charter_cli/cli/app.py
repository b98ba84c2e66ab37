"""The ``charter`` command: a Typer app, its global options and the one error funnel.

Each command lives in its own module under :mod:`charter_cli.cli.commands`:
it declares its options, calls one core function, shows the result and returns
an :class:`~charter_cli.errors.ExitCode`.
:class:`~charter_cli.cli.funnel.CharterGroup` turns that code, or any error,
into the process's exit. Core modules are imported inside the
commands, so ``charter --help`` starts without loading Pydantic or the loader.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Annotated

import typer

from charter_cli import __version__
from charter_cli.cli.commands import (
    amendments,
    apply,
    build,
    check,
    coverage,
    diff,
    edit,
    freeze,
    init,
    listing,
    migrate,
    move,
    new_amendment,
    new_clause,
    new_part,
    outline,
    remove,
    schema,
    serve,
    show,
    status,
    translate,
    verify,
)
from charter_cli.cli.funnel import CharterGroup
from charter_cli.cli.helptext import CharterCommand, keep_hyphenated_words
from charter_cli.cli.options import Debug, Directory, NoCache, Options
from charter_cli.errors import ExitCode

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
amendments_app = typer.Typer(no_args_is_help=False, rich_markup_mode=None)
app.add_typer(amendments_app, name="amendments")
translate_app = typer.Typer(
    help="Translations: their state, and the exchange with translators.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(translate_app, name="translate")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"charter {__version__}")
        raise typer.Exit


@app.callback()
def main_options(
    ctx: typer.Context,
    directory: Directory = None,
    debug: Debug = False,
    no_cache: NoCache = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Draft, number, check and export a charter from a library of TOML clause modules."""
    ctx.obj = Options(directory, debug, no_cache)


def _register(
    group: typer.Typer, command: Callable[..., ExitCode], name: str | None = None
) -> None:
    r"""Add a command; the last paragraph of its docstring, its example, becomes the epilog.

    The example is shown as written (Click's ``\b`` marker keeps it from being
    rewrapped), so an ID is never cut in two and a long command line keeps the
    line breaks it was given.
    """
    text, _, example = inspect.cleandoc(command.__doc__ or "").rpartition("\n\nExample")
    epilog = f"\b\nExample{example}" if text else None
    group.command(name=name, help=text or None, epilog=epilog, cls=CharterCommand)(command)


for _command in (
    check.check,
    build.build,
    coverage.coverage,
    show.show,
    verify.verify,
    schema.schema,
    init.init,
    migrate.migrate,
    serve.serve,
    diff.diff,
    apply.apply,
    freeze.freeze,
    outline.outline,
    move.move,
    remove.remove,
    status.status,
    edit.edit,
):
    _register(app, _command)
_register(app, listing.list_items, "list")
_register(new_app, new_clause.new_clause, "clause")
_register(new_app, new_amendment.new_amendment, "amendment")
_register(amendments_app, amendments.fingerprint)
_help, _, _example = inspect.cleandoc(amendments.amendments.__doc__ or "").rpartition("\n\nExample")
amendments_app.callback(invoke_without_command=True, help=_help, epilog=f"\b\nExample{_example}")(
    amendments.amendments
)
_register(new_app, new_part.new_title, "title")
_register(new_app, new_part.new_chapter, "chapter")
_register(translate_app, translate.status, "status")
_register(translate_app, translate.export, "export")
_register(translate_app, translate.import_, "import")


keep_hyphenated_words()


def main() -> None:
    """Run the ``charter`` command."""
    app(prog_name="charter")
