"""``charter diff``: what changed between two versions of the library."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from charter_cli.cli.options import CommandDirectory, options
from charter_cli.errors import ExitCode
from charter_cli.vocabulary import DiffFormat

if TYPE_CHECKING:
    from charter_cli.write.output import Target


def diff(
    ctx: typer.Context,
    old: Annotated[
        str | None,
        typer.Argument(
            help="The older version: a git revision (commit, branch, tag) or a project folder. "
            "[default: HEAD]",
            metavar="OLD",
            show_default=False,
        ),
    ] = None,
    new: Annotated[
        str | None,
        typer.Argument(
            help="The newer version, as OLD. [default: the working tree]",
            metavar="NEW",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        DiffFormat,
        typer.Option(
            "--format",
            help="text (the terminal), md (a comparison document to circulate) or json.",
            metavar="FORMAT",
        ),
    ] = DiffFormat.TEXT,
    output_file: Annotated[
        str | None,
        typer.Option("-o", "--output", help="Write to FILE instead of stdout.", metavar="FILE"),
    ] = None,
    exit_code: Annotated[
        bool,
        typer.Option(
            "--exit-code",
            help="Exit 1 when the versions differ (renumbering included), as 'git diff "
            "--exit-code' does.",
        ),
    ] = False,
    run_in: CommandDirectory = None,
) -> ExitCode:
    """Show what changed between two versions, article by article.

    Clauses are matched by their IDs and paragraphs by theirs, so inserting
    an article shows one article added and the others renumbered, never their
    text as changed. Reports articles added, removed, moved and renumbered,
    the words inserted and deleted in each paragraph, status and bracket
    changes, reservations entered or lifted, and requirements whose coverage
    changed. A revision is read from git without touching the working tree.
    Exit 0 whether or not they differ (with --exit-code: 1 if they differ),
    2 if a version cannot be read.

    Example: charter diff HEAD~3 --format md -o changes.md
    """
    from contextlib import ExitStack

    from charter_cli.cli import console
    from charter_cli.cli.artifacts import deliver
    from charter_cli.cli.views.comparison import comparison_view
    from charter_cli.draft.comparison import Placing, compare_versions
    from charter_cli.load.revision import open_version
    from charter_cli.render.comparison import render_comparison
    from charter_cli.render.comparison_json import render_comparison_json
    from charter_cli.write.lock import library_lock
    from charter_cli.write.output import Kind, named_output

    opts = options(ctx)
    root, base = opts.root(), opts.base()
    target = named_output(base, output_file) if output_file is not None else None
    with ExitStack() as stack:
        older = stack.enter_context(open_version(old or "HEAD", root, base))
        newer = stack.enter_context(open_version(new, root, base))
        stack.enter_context(library_lock(root, shared=True))
        comparison = compare_versions(older, newer)
    if output_format is DiffFormat.TEXT and (target is None or target.kind is Kind.STDOUT):
        console.show(comparison_view(comparison))  # coloured on a terminal
    elif output_format is DiffFormat.JSON:
        deliver(render_comparison_json(comparison), target, lambda: inputs(root, target))
    elif output_format is DiffFormat.MD:
        deliver(render_comparison(comparison), target, lambda: inputs(root, target))
    else:
        deliver(console.plain(comparison_view(comparison)), target, lambda: inputs(root, target))
    console.err(
        f"{comparison.count(Placing.ADDED)} added, {comparison.count(Placing.REMOVED)} removed, "
        f"{comparison.count(Placing.MOVED)} moved, {comparison.amended} changed, "
        f"{comparison.count(Placing.RENUMBERED)} renumbered only; "
        f"{len(comparison.coverage)} requirement(s) whose coverage changed"
    )
    return ExitCode.FINDINGS if exit_code and comparison.differs else ExitCode.OK


def inputs(root: Path, target: Target | None) -> list[Path]:
    """The files of the project in the working tree, which an output must never replace.

    Every one of them lies inside the project, so for an output outside it the library
    need not be read again.
    """
    from charter_cli.load.loader import load_library
    from charter_cli.load.project import inside
    from charter_cli.write.output import project_inputs

    if target is None or not inside(root, target.path):
        return []
    return project_inputs(load_library(root))
