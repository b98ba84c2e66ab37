"""``charter build``: the numbered draft in a chosen format, written atomically (or to stdout)."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from charter_cli.cli.options import CommandDirectory, options
from charter_cli.errors import ExitCode, InvalidInputError
from charter_cli.render.formats import EXPORTERS, exporter
from charter_cli.vocabulary import Format, Rendering

if TYPE_CHECKING:
    from charter_cli.write.output import Target

FORMATS = [str(name) for name in EXPORTERS]
"""What ``--format`` offers: the formats that have a renderer."""


def _format(value: str) -> str:
    if value not in FORMATS:
        raise typer.BadParameter(f"'{value}' is not one of {', '.join(FORMATS)}")
    return value


def _complete_format(incomplete: str) -> list[str]:
    return [name for name in FORMATS if name.startswith(incomplete)]


def default_output(text: Rendering, output_format: str = Format.MD.value) -> Path:
    """Where ``build`` writes a rendering unless told: ``build/charter.md`` for the compilation."""
    return exporter(output_format).default_output(text)


def build(
    ctx: typer.Context,
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            help="Where to write the draft; '-' for stdout. [default: build/charter.md, "
            "build/charter-agreed.md or build/charter-clean.md, or .html]",
            metavar="FILE",
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            help=f"The format to write: {' or '.join(FORMATS)} (one self-contained page).",
            metavar="|".join(FORMATS),
            callback=_format,
            autocompletion=_complete_format,
        ),
    ] = Format.MD.value,
    text: Annotated[
        Rendering,
        typer.Option(
            "--text",
            help="compilation (every bracket, alternative and reservation, with the parties), "
            "agreed (only what is agreed) or clean (the reading text, without parties).",
        ),
    ] = Rendering.COMPILATION,
    trace: Annotated[
        bool | None,
        typer.Option(
            "--trace/--no-trace",
            help="End each article with the requirements it implements. "
            "[default: on, off for the clean text]",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Overwrite FILE even if it was not written by charter build."),
    ] = False,
    require_tracked: Annotated[
        bool,
        typer.Option(
            "--require-tracked",
            help=(
                "Fail (exit 1) unless git tracks FILE, so a draft meant to be committed is "
                "(what the pre-commit hook runs)."
            ),
        ),
    ] = False,
    run_in: CommandDirectory = None,
) -> ExitCode:
    """Assemble the numbered draft and write it as Markdown or HTML.

    The draft is written atomically; the same library gives byte-identical
    output. Integrity errors stop the build; coverage gaps do not. With
    --require-tracked (the pre-commit hook), a draft git does not track fails.
    On a terminal, a long build shows its progress on stderr.

    Example: charter build --format html --text agreed -o agreed.html
    """
    from charter_cli.cli import console
    from charter_cli.cli.views.summaries import draft_summary, finding_lines
    from charter_cli.draft.analysis import analyse
    from charter_cli.load.project import relative, tracked_by_git
    from charter_cli.write.draft import write_draft
    from charter_cli.write.lock import library_lock
    from charter_cli.write.output import Kind, named_output, project_inputs

    opts = options(ctx)
    root = opts.root()
    chosen = exporter(output_format)
    target = named_output(
        opts.base(), root / chosen.default_output(text) if output is None else output
    )
    if require_tracked and not target.is_file:
        raise InvalidInputError(
            f"--require-tracked needs a file to check, not {target.path}",
            hint="leave out -o, or give it a file of the repository",
        )
    if chosen.binary and _terminal(target):
        raise InvalidInputError(
            f"{chosen.format.value.upper()} is not text; it is not written to a terminal",
            hint="give a file with -o, or redirect the output: -o - > charter." + chosen.extension,
        )
    with console.progress("reading the library"), library_lock(root, shared=True):
        analysis = analyse(root)
    if analysis.draft is None or analysis.blocking:
        for line in finding_lines(analysis):
            console.err(line)
        errors = len(analysis.blocking) or 1
        console.err(f"build stopped: {errors} error(s) to fix first (see above)")
        return ExitCode.USAGE if analysis.unreadable else ExitCode.FINDINGS
    with console.progress(f"writing {chosen.format.value.upper()}") as progress:
        pieces = chosen.render(
            analysis.draft, analysis.library, rendering=text, trace=trace, progress=progress
        )
        if target.kind is Kind.STDOUT:
            _write_stdout(pieces, binary=chosen.binary)
            changed = True
        else:
            inputs = project_inputs(analysis.library)
            changed = write_draft(target, pieces, force=force, inputs=inputs, marker=chosen.marker)
    if target.kind is not Kind.STDOUT:
        shown = relative(opts.base(), target.path) if target.is_file else str(target.path)
        console.err(f"{'wrote' if changed else 'unchanged'} {shown}: {draft_summary(analysis)}")
        if require_tracked and not tracked_by_git(target.path):
            here = relative(Path.cwd().resolve(), target.path)
            console.err(
                f"error: git does not track {shown}, so a commit would leave the draft out "
                f"and pre-commit could not see it change (hint: 'git add {here}', after "
                "taking it out of .gitignore if it is listed there)"
            )
            return ExitCode.FINDINGS
    gaps = analysis.coverage.select(missing=True).items if analysis.coverage else ()
    if gaps:
        console.err(
            f"note: {len(gaps)} requirement(s) not covered; run 'charter coverage --missing'"
        )
    return ExitCode.OK


def _terminal(target: Target) -> bool:
    """Whether the output is a terminal: standard output on one, or a device that is one."""
    from charter_cli.write.output import Kind, is_terminal

    return sys.stdout.isatty() if target.kind is Kind.STDOUT else is_terminal(target)


def _write_stdout(pieces: Iterable[bytes], *, binary: bool) -> None:
    """Text through the text stream (its encoding and error handling), bytes as they are."""
    if binary:
        sys.stdout.flush()
        for piece in pieces:
            sys.stdout.buffer.write(piece)
        sys.stdout.buffer.flush()
        return
    for piece in pieces:
        sys.stdout.write(piece.decode("utf-8"))
