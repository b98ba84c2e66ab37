"""``charter build``: the numbered draft, written atomically (or to stdout)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from charter_cli.cli.options import CommandDirectory, options
from charter_cli.errors import ExitCode, InvalidInputError
from charter_cli.vocabulary import Format, Rendering

if TYPE_CHECKING:
    from charter_cli.draft.analysis import Analysis
    from charter_cli.draft.model import Draft
    from charter_cli.load.library import Library
    from charter_cli.render.formats import Export
    from charter_cli.write.output import Target


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
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="Build the draft in this language: one of the manifest's [translations], the "
            "original's, or 'all' (one file each). Stale translations are shown marked †, "
            "texts not yet translated in the original, marked ‡. [default: the original; "
            "files: build/charter.es.md, build/charter-agreed.pt.docx, ...]",
            metavar="LANG",
        ),
    ] = None,
    synoptic: Annotated[
        str | None,
        typer.Option(
            "--synoptic",
            help="Two language versions side by side, paragraph by paragraph (md or docx): "
            "e.g. 'en,es'. [default file: build/charter.en-es.md]",
            metavar="A,B",
        ),
    ] = None,
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

    With --lang the draft is in another language of the charter; --synoptic puts two
    versions side by side.

    Example: charter build --text agreed --format docx --lang es
    """
    from charter_cli.cli import console
    from charter_cli.cli.views.summaries import finding_lines
    from charter_cli.draft.analysis import analyse
    from charter_cli.render.formats import EXPORTS
    from charter_cli.render.reports.shared import working_paths
    from charter_cli.write.lock import library_lock
    from charter_cli.write.output import named_output

    opts = options(ctx)
    root = opts.root()
    export = EXPORTS[format]
    _refuse_combinations(export, lang, synoptic, output)
    if output is not None:
        _check_target(named_output(opts.base(), output), export, require_tracked=require_tracked)
    with console.progress("reading the library"), library_lock(root, shared=True):
        analysis = analyse(root, cache=opts.cache())
    if analysis.draft is None or analysis.blocking:
        for line in finding_lines(analysis, working_paths(root, Path.cwd())):
            console.err(line)
        errors = len(analysis.blocking) or 1
        console.err(f"build stopped: {errors} error(s) to fix first (see above)")
        return ExitCode.USAGE if analysis.unreadable else ExitCode.FINDINGS
    for language, render in _outputs(analysis, export, text, trace, lang, synoptic):
        default = root / export.default_output(text, language)
        target = named_output(opts.base(), default if output is None else output)
        _check_target(target, export, require_tracked=require_tracked)
        with console.progress(f"writing {format.value.upper()}") as progress:
            changed = _write(target, render(progress), export, analysis, force)
        if not _report(target, changed, analysis, opts.base(), require_tracked):
            return ExitCode.FINDINGS
    gaps = analysis.coverage.select(missing=True).items if analysis.coverage else ()
    if gaps:
        console.err(
            f"note: {len(gaps)} requirement(s) not covered; run 'charter coverage --missing'"
        )
    return ExitCode.OK


Progress = Callable[[int, int], None]
Chunks = Callable[[Progress | None], Iterator[bytes]]
"""One output's rendering, told where to report its progress."""


def _refuse_combinations(
    export: Export, lang: str | None, synoptic: str | None, output: str | None
) -> None:
    """One error for the options that do not go together."""
    if lang is not None and synoptic is not None:
        raise InvalidInputError(
            "--lang and --synoptic do not go together",
            hint="--synoptic en,es already names both languages",
        )
    if synoptic is not None and export.synoptic is None:
        raise InvalidInputError(
            f"--synoptic writes Markdown or Word, not {export.format.value}",
            hint="use --format md or --format docx",
        )
    if lang == "all" and output is not None:
        raise InvalidInputError(
            "--lang all writes one file per language; it cannot write them all to one -o",
            hint="leave out -o (build/charter.md, build/charter.es.md, ...), or name one language",
        )


def _check_target(target: Target, export: Export, *, require_tracked: bool) -> None:
    """A binary format is never written to a terminal (stdout or ``-o /dev/tty``)."""
    from charter_cli.write.output import Kind, is_terminal

    terminal = sys.stdout.isatty() if target.kind is Kind.STDOUT else is_terminal(target)
    if export.binary and terminal:
        raise InvalidInputError(
            f"a {export.format.value.upper()} file is not text; not written to the terminal",
            hint="give a file with -o, or redirect the output: charter build ... -o - > FILE",
        )
    if require_tracked and not target.is_file:
        raise InvalidInputError(
            f"--require-tracked needs a file to check, not {target.path}",
            hint="leave out -o, or give it a file of the repository",
        )


def _outputs(
    analysis: Analysis,
    export: Export,
    text: Rendering,
    trace: bool | None,
    lang: str | None,
    synoptic: str | None,
) -> Iterator[tuple[str | None, Chunks]]:
    """Each file to write: the language part of its default name, and how to render it."""
    from charter_cli.draft.translated import build_languages, draft_in, original_language
    from charter_cli.load.units import original_units

    library = analysis.library
    if synoptic is not None:
        pair = _pair(synoptic)
        for code in pair:
            build_languages(analysis, code)  # an unknown language is refused before rendering
        left, right = (draft_in(analysis, code) for code in pair)
        two = export.synoptic
        assert two is not None  # noqa: S101 - refused before
        yield "-".join(pair), lambda _progress: two(left, right, library, text, trace)
        return
    if lang is None:
        draft = analysis.draft
        assert draft is not None  # noqa: S101 - the command stops without a draft
        yield None, _rendering(export, draft, library, text, trace)
        return
    codes = build_languages(analysis, lang)
    original = original_language(analysis)
    originals = original_units(library) if len(codes) > 1 else None
    for code in codes:
        one = draft_in(analysis, code, originals=originals)
        yield (None if code == original else code), _rendering(export, one, library, text, trace)


def _rendering(
    export: Export, draft: Draft, library: Library, text: Rendering, trace: bool | None
) -> Chunks:
    """The rendering of one draft, started when the output is written."""

    def render(progress: Progress | None) -> Iterator[bytes]:
        return export.render(draft, library, text, trace, progress)

    return render


def _pair(synoptic: str) -> tuple[str, str]:
    codes = [code.strip() for code in synoptic.split(",")]
    if len(codes) != 2 or not all(codes) or codes[0] == codes[1]:
        raise InvalidInputError(
            f"--synoptic takes two different languages, as 'en,es'; not '{synoptic}'",
            hint="name the left column's language, a comma, then the right column's",
        )
    return codes[0], codes[1]


def _write(
    target: Target, chunks: Iterator[bytes], export: Export, analysis: Analysis, force: bool
) -> bool | None:
    """Write one output: whether the file changed (``None`` for stdout)."""
    from charter_cli.write.draft import carries, was_generated, write_export
    from charter_cli.write.output import Kind, project_inputs

    if target.kind is Kind.STDOUT:
        _write_stdout(chunks, binary=export.binary)
        return None
    signature = export.signature
    owned = was_generated if signature is None else lambda path: carries(path, signature)
    inputs = project_inputs(analysis.library)
    return write_export(target, chunks, force=force, inputs=inputs, owned=owned)


def _report(
    target: Target, changed: bool | None, analysis: Analysis, base: Path, require_tracked: bool
) -> bool:
    """Say what was written; ``False`` when --require-tracked finds git does not track it."""
    from charter_cli.cli import console
    from charter_cli.cli.views.summaries import draft_summary
    from charter_cli.load.project import relative, tracked_by_git

    if changed is None:
        return True
    shown = relative(base, target.path) if target.is_file else str(target.path)
    console.err(f"{'wrote' if changed else 'unchanged'} {shown}: {draft_summary(analysis)}")
    if require_tracked and not tracked_by_git(target.path):
        here = relative(Path.cwd().resolve(), target.path)
        console.err(
            f"error: git does not track {shown}, so a commit would leave the draft out "
            f"and pre-commit could not see it change (hint: 'git add {here}', after "
            "taking it out of .gitignore if it is listed there)"
        )
        return False
    return True


def _write_stdout(pieces: Iterable[bytes], *, binary: bool) -> None:
    """Text through the text stream (its encoding and error handling), bytes as they are."""
    if binary:
        sys.stdout.flush()
        sys.stdout.buffer.writelines(pieces)
        sys.stdout.buffer.flush()
        return
    for piece in pieces:
        sys.stdout.write(piece.decode("utf-8"))
