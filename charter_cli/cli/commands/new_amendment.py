"""``charter new amendment``: table an amendment, its fingerprint filled in."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from charter_cli.cli.options import CommandDirectory, options
from charter_cli.errors import ExitCode, InvalidInputError
from charter_cli.vocabulary import AmendmentKind


def new_amendment(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help="The amendment file, under amendments/; created if missing.", metavar="FILE"
        ),
    ],
    clause: Annotated[
        str, typer.Option("--clause", help="The ID of the clause amended.", metavar="ID")
    ],
    kind: Annotated[
        AmendmentKind,
        typer.Option(
            "--kind", help="replace, insert (after the target) or delete.", metavar="KIND"
        ),
    ],
    paragraph: Annotated[
        str | None,
        typer.Option("--paragraph", help="The ID of the paragraph amended.", metavar="ID"),
    ] = None,
    point: Annotated[
        str | None, typer.Option("--point", help="The ID of the point amended.", metavar="ID")
    ] = None,
    text: Annotated[
        str | None, typer.Option("--text", help="The new wording.", metavar="TEXT")
    ] = None,
    text_file: Annotated[
        Path | None,
        typer.Option(
            "--text-file", help="Read the new wording from a file ('-' for stdin).", metavar="FILE"
        ),
    ] = None,
    new_id: Annotated[
        str | None,
        typer.Option("--new-id", help="For an insert: the ID of what it inserts.", metavar="ID"),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="For a new article: its title.", metavar="TITLE")
    ] = None,
    before: Annotated[
        bool, typer.Option("--before", help="Insert before the target instead of after it.")
    ] = False,
    member: Annotated[
        str | None, typer.Option("--member", help="The member tabling it.", metavar="NAME")
    ] = None,
    group: Annotated[
        str | None,
        typer.Option(
            "--group", help="Their political group (or the group tabling it).", metavar="GROUP"
        ),
    ] = None,
    delegation: Annotated[
        str | None,
        typer.Option("--delegation", help="Their delegation or parliament.", metavar="NAME"),
    ] = None,
    party: Annotated[
        str | None,
        typer.Option("--party", help="A party of the manifest tabling it.", metavar="PARTY"),
    ] = None,
    justification: Annotated[
        str | None, typer.Option("--justification", help="Why it is tabled.", metavar="TEXT")
    ] = None,
    language: Annotated[
        str | None,
        typer.Option(
            "--language", help="The language it was tabled in (es, pt, fr, en).", metavar="LANG"
        ),
    ] = None,
    number: Annotated[
        int | None,
        typer.Option(
            "--number",
            help="Its number. [default: the next free one]",
            show_default=False,
            metavar="N",
        ),
    ] = None,
    compromise: Annotated[
        bool, typer.Option("--compromise", help="A compromise amendment (numbered apart).")
    ] = False,
    run_in: CommandDirectory = None,
) -> ExitCode:
    r"""Table an amendment, fingerprinting the wording it amends.

    The target must exist; the number is the next free one unless given. For a
    replace or a delete the wording amended and its fingerprint are recorded,
    so that 'charter check' notices when the text changes under the amendment.
    Appended to FILE (created with its #:schema line), keeping the rest of the
    file byte for byte.

    Example:
      charter new amendment amendments/ppe.toml \
        --clause drugs-chemical-precursors --paragraph common-list \
        --kind replace --text 'The Parties shall ...' \
        --member 'María Rivera' --group PPE --language es
    """
    from charter_cli.cli import console
    from charter_cli.load.project import relative
    from charter_cli.scaffold.new_amendment import add_amendment

    if text is not None and text_file is not None:
        raise InvalidInputError("give the new wording with --text or --text-file, not both")
    opts = options(ctx)
    if text_file is not None:
        text = (
            sys.stdin.read() if str(text_file) == "-" else _read(opts.base() / text_file, text_file)
        )
    root = opts.root()
    author = {"member": member, "group": group, "delegation": delegation, "party": party}
    target = {"clause": clause, "paragraph": paragraph, "point": point, "before": before}
    table = {
        "number": number,
        "compromise": compromise,
        "tabled_by": [{key: value for key, value in author.items() if value is not None}],
        "target": {key: value for key, value in target.items() if value not in (None, False)},
        "kind": kind.value,
        "text": text,
        "new_id": new_id,
        "title": title,
        "justification": justification,
        "language": language,
    }
    path = opts.base() / file
    amendment = add_amendment(root, path, table)
    console.err(f"added {amendment.label.lower()} to {relative(opts.base(), path)}")
    return ExitCode.OK


def _read(path: Path, given: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        reason = error.strerror or str(error)
        raise InvalidInputError(f"{given}: cannot read the new wording: {reason}") from None
    except UnicodeDecodeError:
        raise InvalidInputError(
            f"{given}: cannot read the new wording: not UTF-8 text",
            hint="save the file with the UTF-8 encoding",
        ) from None
