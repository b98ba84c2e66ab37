"""``charter translate``: what stands to be translated, and the exchange with translators."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from charter_cli.cli.options import CommandDirectory, DryRun, options
from charter_cli.errors import ExitCode
from charter_cli.vocabulary import ExchangeFormat

Lang = Annotated[
    str,
    typer.Option(
        "--lang", help="The language, as charter.toml declares it (es, pt, fr).", metavar="LANG"
    ),
]


def export(
    ctx: typer.Context,
    lang: Lang,
    exchange_format: Annotated[
        ExchangeFormat,
        typer.Option(
            "--format", help="xliff for CAT tools (Trados, memoQ, OmegaT), po for Weblate."
        ),
    ] = ExchangeFormat.XLIFF,
    everything: Annotated[
        bool, typer.Option("--all", help="Every unit, not only the missing and stale ones.")
    ] = False,
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            help="Where to write it; '-' for stdout. [default: build/translate-LANG.xlf or .po]",
            metavar="FILE",
        ),
    ] = None,
    run_in: CommandDirectory = None,
) -> ExitCode:
    """Write the units of a language that are missing or stale, for a translator.

    A stale unit carries its previous translation and the old and new original.

    Example: charter translate export --lang pt --format po
    """
    from charter_cli.cli import console
    from charter_cli.draft.analysis import analyse
    from charter_cli.draft.translating import export_units
    from charter_cli.load.project import relative
    from charter_cli.render.exchange import po_document, xliff_document
    from charter_cli.write.lock import library_lock
    from charter_cli.write.output import (
        Kind,
        named_output,
        project_inputs,
        refuse_inputs,
        write_output,
    )

    opts = options(ctx)
    root = opts.root()
    suffix = "po" if exchange_format is ExchangeFormat.PO else "xlf"
    given = output if output is not None else root / "build" / f"translate-{lang}.{suffix}"
    target = named_output(opts.base(), given)
    with library_lock(root, shared=True):
        analysis = analyse(root, cache=opts.cache())
    units = export_units(analysis, lang, everything=everything)
    data = po_document(units) if exchange_format is ExchangeFormat.PO else xliff_document(units)
    if target.kind is Kind.STDOUT:
        console.out(data.decode("utf-8").rstrip("\n"))
    else:
        refuse_inputs(target, project_inputs(analysis.library))
        write_output(target, [data])
        shown = relative(opts.base(), target.path) if target.is_file else str(target.path)
        stale = sum(unit.stale for unit in units.units)
        console.err(
            f"wrote {shown}: {len(units.units)} unit(s) for '{lang}' "
            f"({len(units.units) - stale if not everything else 'all'} to translate, {stale} stale)"
        )
    return ExitCode.OK


def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="An XLIFF (.xlf) or PO (.po) file.", metavar="FILE")],
    dry_run: DryRun = False,
    run_in: CommandDirectory = None,
) -> ExitCode:
    """Write a translator's finished units back into the translation files.

    Units whose original changed after the export are refused (exit 1), the
    others written; comments and formatting of the files are kept.

    Example: charter translate import build/translate-pt.xlf
    """
    from charter_cli.cli.commands.editing import run_and_report
    from charter_cli.edit.translate import plan_import

    opts = options(ctx)
    return run_and_report(opts.root(), plan_import(opts.base() / file), dry_run=dry_run)


def status(ctx: typer.Context, run_in: CommandDirectory = None) -> ExitCode:
    """Show how complete and current each language's translation is.

    Example: charter translate status
    """
    from charter_cli.check.translations import translation_state
    from charter_cli.cli import console
    from charter_cli.cli.views.tables import translation_table
    from charter_cli.draft.analysis import analyse
    from charter_cli.write.lock import library_lock

    opts = options(ctx)
    root = opts.root()
    with library_lock(root, shared=True):
        analysis = analyse(root, cache=opts.cache())
    assert analysis.translations is not None  # noqa: S101 - analyse always reads them
    states = translation_state(analysis.library, analysis.translations)
    console.show(translation_table(states))
    return ExitCode.OK
