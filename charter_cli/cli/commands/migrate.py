"""``charter migrate``: give the paragraphs of 0.1-form clauses stable IDs."""

from __future__ import annotations

from typing import Annotated

import typer

from charter_cli.cli.options import CommandDirectory, options
from charter_cli.errors import ExitCode


def migrate(
    ctx: typer.Context,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would change; write nothing.")
    ] = False,
    run_in: CommandDirectory = None,
) -> ExitCode:
    """Give the paragraphs of 0.1-form clauses stable IDs.

    Numbered paragraphs inside one 'text' become [[clause.paragraph]] tables.
    Clauses of charter 0.1 number their paragraphs inside one text ("1. ...",
    "2. ..."). Each paragraph gets the ID it is read with now (p1, p2, ...) and
    keeps it when paragraphs are inserted later. Comments and formatting of
    the files are kept; each file is written atomically.

    Example: charter migrate --dry-run
    """
    from charter_cli.cli import console
    from charter_cli.scaffold.migrate import migrate_library

    report = migrate_library(options(ctx).root(), dry_run=dry_run)
    verb = "would migrate" if dry_run else "migrated"
    for migration in report.migrations:
        count = len(migration.clauses)
        console.err(f"{verb} {migration.rel}: {count} clause{'s' if count != 1 else ''}")
    for rel in report.skipped:
        console.err(f"note: {rel} has errors and was left as it is; run 'charter check'")
    if not report.migrations and not report.skipped:
        console.err("nothing to migrate: every clause already has stable paragraph IDs")
    elif not report.migrations:
        console.err("nothing migrated: the other modules already have stable paragraph IDs")
    return ExitCode.OK
