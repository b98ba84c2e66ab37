"""``charter new title`` and ``charter new chapter``: add a part to the structure of the draft."""

from __future__ import annotations

from typing import Annotated

import typer

from charter_cli.cli.options import CommandDirectory, DryRun, options
from charter_cli.errors import ExitCode

Heading = Annotated[str, typer.Option("--heading", help="Its heading.", metavar="TEXT")]
Before = Annotated[
    str | None, typer.Option("--before", help="Put it before this one.", metavar="PART")
]
After = Annotated[
    str | None, typer.Option("--after", help="Put it after this one.", metavar="PART")
]


def new_title(
    ctx: typer.Context,
    heading: Heading,
    before: Before = None,
    after: After = None,
    dry_run: DryRun = False,
    run_in: CommandDirectory = None,
) -> ExitCode:
    """Add a title to charter.toml.

    It goes after the last title unless --before or --after says where.

    Example: charter new title --heading "Final provisions"
    """
    from charter_cli.cli.commands.editing import run_and_report
    from charter_cli.edit.structure import plan_new_title

    plan = plan_new_title(heading, before=before, after=after)
    return run_and_report(options(ctx).root(), plan, dry_run=dry_run)


def new_chapter(
    ctx: typer.Context,
    title: Annotated[
        str,
        typer.Option("--title", help="The title it goes in: 'II' or its heading.", metavar="PART"),
    ],
    heading: Heading,
    module: Annotated[
        str | None,
        typer.Option(
            "--module",
            help="A module under clauses/ the chapter includes (created if missing).",
            metavar="PATH",
        ),
    ] = None,
    before: Before = None,
    after: After = None,
    dry_run: DryRun = False,
    run_in: CommandDirectory = None,
) -> ExitCode:
    r"""Add a chapter to a title in charter.toml.

    It goes at the title's end unless --before or --after says where.

    Example:
      charter new chapter --title II --heading "Arms control" \
        --module clauses/state/arms.toml
    """
    from charter_cli.cli.commands.editing import run_and_report
    from charter_cli.edit.structure import plan_new_chapter

    plan = plan_new_chapter(title, heading, before=before, after=after, module=module)
    return run_and_report(options(ctx).root(), plan, dry_run=dry_run)
