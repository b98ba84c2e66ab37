"""``charter amendments``: the amendments document, the voting list, and their fingerprints."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from charter_cli.cli.options import CommandDirectory, options
from charter_cli.errors import ExitCode
from charter_cli.vocabulary import DocumentFormat


def amendments(
    ctx: typer.Context,
    output_format: Annotated[
        DocumentFormat,
        typer.Option(
            "--format",
            help="md (the document to circulate), json, or akn (Akoma Ntoso 3.0 XML, "
            "an amendment document each; not with --voting-list).",
            metavar="FORMAT",
        ),
    ] = DocumentFormat.MD,
    voting_list: Annotated[
        bool,
        typer.Option(
            "--voting-list",
            help="The voting list: in the order of the text, identical amendments together, "
            "and those that fall if another is adopted.",
        ),
    ] = False,
    output_file: Annotated[
        str | None,
        typer.Option("-o", "--output", help="Write to FILE instead of stdout.", metavar="FILE"),
    ] = None,
    run_in: CommandDirectory = None,
) -> ExitCode:
    """The amendments document, as the European Parliament prints it.

    Each amendment is a table of two columns, "Text proposed by the
    co-rapporteurs" and "Amendment", the words it changes in bold italic,
    under who tabled it and the part of the text it amends, with its
    justification and the language it was tabled in ("Or. es"); in the order
    of the text. --voting-list gives the voting list instead. Amendments are
    read from amendments/*.toml (see 'charter new amendment').

    Example: charter amendments --voting-list -o voting-list.md
    """
    if ctx.invoked_subcommand is not None:
        return ExitCode.OK
    from charter_cli.cli import console

    if voting_list and output_format is DocumentFormat.AKN:
        console.err("error: --voting-list is written as md or json, not akn")
        return ExitCode.USAGE
    from charter_cli.cli.artifacts import deliver
    from charter_cli.cli.views.summaries import finding_lines
    from charter_cli.draft.amendments import amendments_in_order
    from charter_cli.draft.amendments import voting_list as votes_of
    from charter_cli.draft.analysis import analyse
    from charter_cli.render.amendments import render_amendments, render_voting_list
    from charter_cli.render.amendments_json import render_amendments_json, render_voting_list_json
    from charter_cli.render.reports.shared import working_paths
    from charter_cli.write.lock import library_lock
    from charter_cli.write.output import named_output, project_inputs

    opts = options(ctx)
    root = opts.root()
    target = named_output(opts.base(), output_file) if output_file is not None else None
    with library_lock(root, shared=True):
        analysis = analyse(root)
    draft = analysis.draft
    if draft is None or analysis.unreadable:
        for line in finding_lines(analysis, working_paths(root, Path.cwd())):
            console.err(line)
        return ExitCode.USAGE if analysis.unreadable else ExitCode.FINDINGS
    placed = amendments_in_order(analysis.library, draft)
    language = draft.charter.language
    json_format = output_format is DocumentFormat.JSON
    if voting_list:
        votes = votes_of(placed)
        text = (
            render_voting_list_json(votes, draft)
            if json_format
            else render_voting_list(votes, draft)
        )
    elif output_format is DocumentFormat.AKN:
        from charter_cli.render.akn_amendments import render_amendments_akn

        text = render_amendments_akn(placed, draft, language).decode("utf-8")
    else:
        text = (
            render_amendments_json(placed, draft, language)
            if json_format
            else render_amendments(placed, draft, language)
        )
    deliver(text, target, lambda: project_inputs(analysis.library))
    problems = [
        f
        for f in analysis.findings
        if f.code.startswith("CH24") and f.code not in ("CH245", "CH247")
    ]
    console.err(f"{len(placed)} amendment(s)")
    if problems:
        console.err(f"note: {len(problems)} finding(s) about the amendments; run 'charter check'")
    return ExitCode.OK


def fingerprint(
    ctx: typer.Context,
    numbers: Annotated[
        list[str] | None,
        typer.Argument(
            help="The amendments, by number (12, or CA1 for a compromise). [default: all]",
            metavar="NUMBER",
            show_default=False,
        ),
    ] = None,
    refresh: Annotated[
        bool,
        typer.Option(
            "--refresh",
            help="Also record today's wording for amendments whose wording changed since they "
            "were tabled (check them first: 'charter check' shows what changed).",
        ),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would be recorded; write nothing.")
    ] = False,
    run_in: CommandDirectory = None,
) -> ExitCode:
    """Record the wording each amendment amends.

    An amendment written by hand gets the fingerprint of the wording it
    replaces or deletes, and that wording in existing_text, from the text as it
    stands. With --refresh, amendments whose wording changed since they were
    tabled (CH242) get today's, once the committee has checked them. Only
    tabled and adopted amendments are touched. Comments and formatting of the
    files are kept; each file is written atomically.

    Example: charter amendments fingerprint --refresh 12 CA1
    """
    from charter_cli.cli import console
    from charter_cli.load.wording import inline
    from charter_cli.scaffold.fingerprints import fingerprint_amendments

    results = fingerprint_amendments(
        options(ctx).root(), numbers or (), refresh=refresh, dry_run=dry_run
    )
    changed = 0
    for result in results:
        if result.action == "up to date":
            continue
        entry = result.entry
        verb = (
            result.action
            if not dry_run or result.action.startswith("left")
            else f"would be {result.action}"
        )
        line = f"{entry.location}: {entry.amendment.label.lower()}: {verb}"
        if result.changes:
            line += f": {inline(result.changes)}"
        console.err(line)
        changed += result.written or (dry_run and not result.action.startswith("left"))
    what = "would change" if dry_run else "changed"
    console.err(f"{changed} amendment(s) {what}")
    return ExitCode.OK
