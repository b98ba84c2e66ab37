"""``charter build``: the numbered draft, written atomically (or to stdout)."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer

from charter_cli.cli.options import CommandDirectory, options
from charter_cli.errors import ExitCode, InvalidInputError
from charter_cli.vocabulary import Format, Rendering


def build(
    ctx: typer.Context,
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            help="Where to write the draft; '-' for stdout. [default: build/charter.md, "
            "build/charter-agreed.md or build/charter-clean.md; .html, .docx, .pdf or .akn.xml "
            "for the other formats]",
            metavar="FILE",
        ),
    ] = None,
    text: Annotated[
        Rendering,
        typer.Option(
            "--text",
            help="compilation (every bracket, alternative and reservation, with the parties), "
            "agreed (only what is agreed) or clean (the reading text, without parties).",
        ),
    ] = Rendering.COMPILATION,
    format: Annotated[
        Format,
        typer.Option(
            "--format",
            help="md (Markdown), html (one web page), docx (Word), pdf (typeset) or akn "
            "(Akoma Ntoso 3.0 XML).",
        ),
    ] = Format.MD,
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
    """Assemble the draft: Markdown, HTML, Word, PDF or Akoma Ntoso.

    The draft is written atomically; the same library gives byte-identical
    output in every format. Integrity errors stop the build; coverage gaps do not. With
    --require-tracked (the pre-commit hook), a draft git does not track fails.
    On a terminal, a long build shows its progress on stderr.

    Example: charter build --text agreed --format docx
    """
    from charter_cli.cli import console
    from charter_cli.cli.views.summaries import draft_summary, finding_lines
    from charter_cli.draft.analysis import analyse
    from charter_cli.load.project import relative, tracked_by_git
    from charter_cli.render.formats import EXPORTS
    from charter_cli.render.reports.shared import working_paths
    from charter_cli.write.draft import carries, was_generated, write_export
    from charter_cli.write.lock import library_lock
    from charter_cli.write.output import Kind, is_terminal, named_output, project_inputs

    opts = options(ctx)
    root = opts.root()
    export = EXPORTS[format]
    target = named_output(
        opts.base(), root / export.default_output(text) if output is None else output
    )
    terminal = sys.stdout.isatty() if target.kind is Kind.STDOUT else is_terminal(target)
    if export.binary and terminal:
        raise InvalidInputError(
            f"a {format.value.upper()} file is not text; not written to the terminal",
            hint="give a file with -o, or redirect the output: charter build ... -o - > FILE",
        )
    if require_tracked and not target.is_file:
        raise InvalidInputError(
            f"--require-tracked needs a file to check, not {target.path}",
            hint="leave out -o, or give it a file of the repository",
        )
    with console.progress("reading the library"), library_lock(root, shared=True):
        analysis = analyse(root)
    if analysis.draft is None or analysis.blocking:
        for line in finding_lines(analysis, working_paths(root, Path.cwd())):
            console.err(line)
        errors = len(analysis.blocking) or 1
        console.err(f"build stopped: {errors} error(s) to fix first (see above)")
        return ExitCode.USAGE if analysis.unreadable else ExitCode.FINDINGS
    with console.progress(f"writing {format.value.upper()}") as progress:
        chunks = export.render(analysis.draft, analysis.library, text, trace, progress)
        if target.kind is Kind.STDOUT:
            _write_stdout(chunks, binary=export.binary)
        else:
            signature = export.signature
            owned = was_generated if signature is None else lambda path: carries(path, signature)
            inputs = project_inputs(analysis.library)
            changed = write_export(target, chunks, force=force, inputs=inputs, owned=owned)
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


def _write_stdout(pieces: Iterable[bytes], *, binary: bool) -> None:
    """Text through the text stream (its encoding and error handling), bytes as they are."""
    if binary:
        sys.stdout.flush()
        sys.stdout.buffer.writelines(pieces)
        sys.stdout.buffer.flush()
        return
    for piece in pieces:
        sys.stdout.write(piece.decode("utf-8"))
