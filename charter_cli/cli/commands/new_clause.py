"""``charter new clause``: append a well-formed clause to a module."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from charter_cli.cli.options import (
    CommandDirectory,
    complete_parties_or_joint,
    complete_requirements,
    options,
)
from charter_cli.errors import ExitCode, InvalidInputError
from charter_cli.vocabulary import JOINT, Status


def new_clause(
    ctx: typer.Context,
    module: Annotated[
        Path,
        typer.Argument(
            help="The module file, under clauses/; created if missing.", metavar="MODULE"
        ),
    ],
    clause_id: Annotated[
        str, typer.Option("--id", help="Stable ID of the new clause.", metavar="ID")
    ],
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            help="Heading of the article. A recital may leave it out: its title is made of its ID.",
            metavar="TITLE",
        ),
    ] = None,
    text: Annotated[
        str | None,
        typer.Option(
            "--text", help="The text (one paragraph, or '1. ...' '2. ...').", metavar="TEXT"
        ),
    ] = None,
    text_file: Annotated[
        Path | None,
        typer.Option(
            "--text-file", help="Read the text from a file ('-' for stdin).", metavar="FILE"
        ),
    ] = None,
    paragraph: Annotated[
        list[str] | None,
        typer.Option(
            "--paragraph",
            help="A numbered paragraph, in order (repeatable; IDs p1, p2, ...).",
            metavar="TEXT",
        ),
    ] = None,
    covers: Annotated[
        list[str] | None,
        typer.Option(
            "--covers",
            help="A requirement ID it implements (repeatable).",
            metavar="REQ",
            autocompletion=complete_requirements,
        ),
    ] = None,
    status: Annotated[
        Status,
        typer.Option("--status", help="proposed, bracketed or agreed.", metavar="STATUS"),
    ] = Status.PROPOSED,
    party: Annotated[
        str,
        typer.Option(
            "--party",
            help="Proposing party ID, or joint.",
            metavar="PARTY",
            autocompletion=complete_parties_or_joint,
        ),
    ] = JOINT,
    notes: Annotated[
        str | None,
        typer.Option("--notes", help="Drafting notes (never rendered).", metavar="TEXT"),
    ] = None,
    module_title: Annotated[
        str | None,
        typer.Option(
            "--module-title",
            help="Title of a new module. [default: made of its file name]",
            metavar="TITLE",
        ),
    ] = None,
    run_in: CommandDirectory = None,
) -> ExitCode:
    r"""Append a well-formed clause to a module.

    It refuses what 'charter check' would reject: an ID used anywhere in the
    library, an unknown requirement or party, a text the draft could not show.
    A new module gets a [module] title. A recital (a clause the preamble
    places) needs no --title.

    Example:
      charter new clause clauses/instruments/public/drugs.toml \
        --id drugs-labs --title 'Clandestine laboratories' \
        --covers GRA-4.1-drugs-eradication-interdiction \
        --text 'The Parties shall ...'
    """
    from charter_cli.cli import console
    from charter_cli.load.project import relative
    from charter_cli.scaffold.new_clause import NewClause, add_clause

    opts = options(ctx)
    root = opts.root()
    request = NewClause(
        id=clause_id,
        title=title,
        text=_read_text_option(text, text_file, paragraph or []),
        paragraphs=tuple(paragraph or []),
        covers=covers or [],
        status=status.value,
        proposed_by=party,
        notes=notes,
        module_title=module_title,
    )
    result = add_clause(root, opts.base() / module, request)
    shown = relative(root, result.module)
    what = "recital" if result.recital else "clause"
    console.err(f"added {what} '{clause_id}' to {shown}{' (new module)' if result.created else ''}")
    if title is None:
        console.err(
            f"note: its title is '{result.title}', made of its ID (the draft does not show a "
            "recital's title; listings do)"
        )
    if not result.placed:
        console.err(
            f"note: '{clause_id}' is in no part of the draft; add it or its module to an "
            "include list of charter.toml"
        )
    return ExitCode.OK


def _read_text_option(text: str | None, text_file: Path | None, paragraphs: list[str]) -> str:
    if (text is None) + (text_file is None) + (not paragraphs) != 2:
        raise InvalidInputError(
            "give the clause text with exactly one of --text, --text-file or --paragraph"
        )
    if paragraphs:
        return "\n\n".join(paragraphs)
    if text is not None:
        return text
    assert text_file is not None  # noqa: S101 - guaranteed by the check above
    if str(text_file) == "-":
        return sys.stdin.read()
    try:
        return text_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidInputError(f"{text_file}: cannot read the text file: {error}") from None
