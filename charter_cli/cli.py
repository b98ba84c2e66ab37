"""The ``charter`` command: a thin Typer front end over the library.

Each command parses its options, calls one core function, prints through
:mod:`charter_cli.console` and returns an :class:`~charter_cli.exitcodes.ExitCode`.
Core modules are imported inside the commands so that ``charter --version`` and
``charter --help`` start without loading Pydantic or the loader.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, NoReturn, ParamSpec

import typer

from charter_cli import __version__, choices
from charter_cli.errors import CharterError
from charter_cli.exitcodes import ExitCode

app = typer.Typer(
    name="charter",
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


@dataclass(frozen=True)
class Options:
    """Global options, passed to every command through the Typer context."""

    directory: Path | None
    debug: bool

    def root(self) -> Path:
        """The project root: found by walking up from ``-C DIR`` or the working folder."""
        from charter_cli.project import find_root

        return find_root(self.base())

    def base(self) -> Path:
        """The folder relative paths on the command line are relative to."""
        return (self.directory or Path.cwd()).resolve()


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


def _options(ctx: typer.Context) -> Options:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Options) else Options(None, debug=False)


def _finish(code: ExitCode) -> NoReturn:
    raise typer.Exit(int(code))


def _complete(values: tuple[str, ...]) -> Callable[[str], list[str]]:
    return lambda incomplete: choices.starting_with(values, incomplete)


def _complete_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Clause and requirement IDs of the project, for ``charter show <TAB>``."""
    from charter_cli.library import load_library

    try:
        library = load_library(_options(ctx).root())
    except CharterError:
        return []
    return sorted(i for i in (*library.clauses, *library.requirements) if i.startswith(incomplete))


P = ParamSpec("P")


def guarded(command: Callable[P, None]) -> Callable[P, None]:
    """The one catch point: a known error becomes one line on stderr and its exit code.

    An unexpected error becomes one ``internal error`` line too, unless
    ``--debug`` asks for the traceback.
    """

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            command(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except CharterError as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(int(error.exit_code)) from None
        except Exception as error:
            if _debug_requested(args, kwargs):
                raise
            typer.echo(
                f"internal error: {type(error).__name__}: {error} "
                "(run with --debug for the traceback)",
                err=True,
            )
            raise typer.Exit(int(ExitCode.USAGE)) from None

    return run


def _debug_requested(args: tuple[object, ...], kwargs: dict[str, object]) -> bool:
    """Whether ``--debug`` was given, read from the command's Typer context."""
    for value in (*args, *kwargs.values()):
        find_root = getattr(value, "find_root", None)  # a Typer/Click context
        if find_root is not None:
            return isinstance(find_root().obj, Options) and find_root().obj.debug
    return False


@app.command(epilog="Example: charter check --strict --output-format sarif -o charter.sarif")
@guarded
def check(
    ctx: typer.Context,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail on warnings too (clauses placed nowhere).")
    ] = False,
    output_format: Annotated[
        str,
        typer.Option(
            "--output-format",
            envvar="CHARTER_OUTPUT_FORMAT",
            autocompletion=_complete(choices.OUTPUT_FORMATS),
            help="text, json, github, gitlab, junit or sarif.",
            metavar="FORMAT",
        ),
    ] = "text",
    output_file: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output-file",
            help="Write the report to FILE instead of stdout.",
            metavar="FILE",
        ),
    ] = None,
) -> None:
    """Check integrity and the coverage of every requirement.

    The report (one line per finding in the default text format) goes to
    stdout or FILE; the summary by level and kind goes to stderr. Exit 0 clean,
    1 findings, 2 usage or unreadable input.
    """
    from charter_cli.commands import run_check

    options = _options(ctx)
    target = options.base() / output_file if output_file is not None else None
    _finish(
        run_check(options.root(), strict=strict, output_format=output_format, output_file=target)
    )


@app.command(epilog="Example: charter build --no-trace -o draft.md")
@guarded
def build(
    ctx: typer.Context,
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            help="Where to write the draft; '-' for stdout. [default: build/charter.md]",
            metavar="FILE",
        ),
    ] = None,
    trace: Annotated[
        bool,
        typer.Option(
            "--trace/--no-trace", help="End each article with the requirements it implements."
        ),
    ] = True,
    force: Annotated[
        bool,
        typer.Option("--force", help="Overwrite FILE even if it was not written by charter build."),
    ] = False,
) -> None:
    """Assemble the numbered draft and write it as Markdown.

    The draft is written atomically; the same library gives byte-identical
    output. Integrity errors stop the build; coverage gaps do not.
    """
    from charter_cli.commands import run_build

    options = _options(ctx)
    _finish(run_build(options.root(), output, base=options.base(), trace=trace, force=force))


@app.command(epilog="Example: charter coverage --level regional --missing")
@guarded
def coverage(
    ctx: typer.Context,
    level: Annotated[
        str | None,
        typer.Option(
            "--level",
            help="Only requirements of this level: public, state, regional, cross-cutting.",
            autocompletion=_complete(choices.LEVELS),
        ),
    ] = None,
    missing: Annotated[
        bool, typer.Option("--missing", help="Only requirements no article covers.")
    ] = False,
) -> None:
    """Show which articles cover each requirement.

    Ends with a summary by level and kind.

    Exit 1 if a shown requirement is not covered.
    """
    from charter_cli.commands import run_coverage

    _finish(run_coverage(_options(ctx).root(), level=level, missing=missing))


@app.command(name="list", epilog="Example: charter list requirements --level state")
@guarded
def list_items(
    ctx: typer.Context,
    what: Annotated[
        str,
        typer.Argument(
            help="clauses, requirements or modules.",
            metavar="[WHAT]",
            autocompletion=_complete(choices.LISTABLE),
        ),
    ] = "clauses",
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help="Clauses: proposed, bracketed or agreed.",
            autocompletion=_complete(choices.STATUSES),
        ),
    ] = None,
    party: Annotated[
        str | None, typer.Option("--party", help="Clauses proposed by this party.")
    ] = None,
    level: Annotated[
        str | None,
        typer.Option(
            "--level",
            help="Requirements of this level.",
            autocompletion=_complete(choices.LEVELS),
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            help="Requirements of this kind.",
            autocompletion=_complete(choices.KINDS),
        ),
    ] = None,
) -> None:
    """List the clauses (in draft order), requirements or modules."""
    from charter_cli.commands import run_list

    _finish(
        run_list(_options(ctx).root(), what, status=status, party=party, level=level, kind=kind)
    )


@app.command(
    epilog="Examples: charter show drugs-precursors   charter show 'Article 7'   charter show 7"
)
@guarded
def show(
    ctx: typer.Context,
    item: Annotated[
        str,
        typer.Argument(
            help="A clause ID, requirement ID or article number.",
            metavar="ID",
            autocompletion=_complete_ids,
        ),
    ],
) -> None:
    """Show one clause or requirement in full.

    A clause with its place, status, text, what it covers and what refers to it; a
    requirement with its quote and the articles that cover it.
    """
    from charter_cli.commands import run_show

    _finish(run_show(_options(ctx).root(), item))


@new_app.command(
    name="clause",
    epilog=(
        "Example: charter new clause clauses/instruments/public/drugs.toml --id drugs-labs "
        "--title 'Clandestine laboratories' --covers GRA-4.1-drug-eradication "
        "--text 'The Parties shall ...'"
    ),
)
@guarded
def new_clause(
    ctx: typer.Context,
    module: Annotated[
        Path,
        typer.Argument(
            help="The module file, under clauses/; created if missing.", metavar="MODULE"
        ),
    ],
    clause_id: Annotated[str, typer.Option("--id", help="Stable ID of the new clause.")],
    title: Annotated[str, typer.Option("--title", help="Heading of the article.")],
    text: Annotated[str | None, typer.Option("--text", help="Markdown text of the clause.")] = None,
    text_file: Annotated[
        Path | None,
        typer.Option(
            "--text-file", help="Read the text from a file ('-' for stdin).", metavar="FILE"
        ),
    ] = None,
    covers: Annotated[
        list[str] | None,
        typer.Option("--covers", help="A requirement ID it implements (repeatable)."),
    ] = None,
    status: Annotated[
        str,
        typer.Option(
            "--status",
            help="proposed, bracketed or agreed.",
            autocompletion=_complete(choices.STATUSES),
        ),
    ] = "proposed",
    party: Annotated[str, typer.Option("--party", help="Proposing party ID, or joint.")] = "joint",
    notes: Annotated[
        str | None, typer.Option("--notes", help="Drafting notes (never rendered).")
    ] = None,
) -> None:
    """Append a well-formed clause to a module, refusing an ID that exists anywhere."""
    from charter_cli.commands import run_new_clause

    options = _options(ctx)
    _finish(
        run_new_clause(
            options.root(),
            options.base() / module,
            clause_id=clause_id,
            title=title,
            text=text,
            text_file=text_file,
            covers=covers or [],
            status=status,
            party=party,
            notes=notes,
        )
    )


@app.command(epilog="Example: charter verify build/charter.md")
@guarded
def verify(
    ctx: typer.Context,
    draft: Annotated[
        Path, typer.Argument(help="A Markdown draft written by charter build.", metavar="DRAFT")
    ],
) -> None:
    """Tell whether a draft is exactly what the library builds today.

    Compares the library hash recorded in the draft's front matter with the
    library, and the draft's text with a fresh build. Exit 0 if it matches, 1 if
    it was built from another library or edited since, 2 if it is not a draft.
    """
    from charter_cli.commands import run_verify

    options = _options(ctx)
    _finish(run_verify(options.root(), options.base() / draft))


@app.command(epilog="Example: charter schema   (writes schemas/*.schema.json for editors)")
@guarded
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
) -> None:
    """Write the JSON Schemas of the file formats, for TOML editors."""
    from charter_cli.commands import run_schema
    from charter_cli.schemas import SCHEMA_DIR

    options = _options(ctx)
    folder = options.base() / output if output is not None else options.root() / SCHEMA_DIR
    _finish(run_schema(folder))


@app.command(epilog="Example: charter init ../trade-charter --title 'Charter on Fair Trade'")
@guarded
def init(
    ctx: typer.Context,
    directory: Annotated[
        Path, typer.Argument(help="Folder of the new project (new or empty).", metavar="DIR")
    ],
    title: Annotated[str | None, typer.Option("--title", help="Title of the new charter.")] = None,
) -> None:
    """Create a new, working charter project in DIR.

    A manifest, a source with its requirements and clauses that cover them: its
    check passes and its build works.
    """
    from charter_cli.commands import run_init

    _finish(run_init(_options(ctx).base() / directory, title=title))


def main() -> None:
    """Run the ``charter`` command."""
    app(prog_name="charter")
