"""What the editing commands share: running an edit and telling what it changed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from charter_cli.errors import ExitCode

if TYPE_CHECKING:
    from charter_cli.edit.run import Planner


def run_and_report(root: Path, plan: Planner, *, dry_run: bool, force: bool = False) -> ExitCode:
    """Run the edit, print what it did (or would do) and any new finding.

    A refused edit raises, and the funnel prints it; an edit of which some parts
    were refused (an import's stale units) exits 1 after writing the rest.
    """
    from charter_cli.cli import console
    from charter_cli.edit.run import run_edit

    outcome = run_edit(root, plan, dry_run=dry_run, force=force)
    prefix = "would have: " if dry_run and outcome.edit.files else ""
    for line in outcome.edit.done:
        console.err(f"{prefix}{line}" if not line.startswith(" ") else line)
    for finding in outcome.new_findings:
        console.err(f"note: now {finding.format()}")
    for line in outcome.edit.refused:
        console.err(f"refused: {line}")
    if dry_run and outcome.edit.files:
        console.err("nothing was written (--dry-run)")
    return ExitCode.FINDINGS if outcome.edit.refused else ExitCode.OK
