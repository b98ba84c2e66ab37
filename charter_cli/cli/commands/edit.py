"""``charter edit``: open a clause in the user's editor, then check what changed."""

from __future__ import annotations

import subprocess

import typer

from charter_cli.cli.options import ClauseArgument, CommandDirectory, options
from charter_cli.errors import ExitCode, InvalidInputError


def edit(
    ctx: typer.Context,
    item: ClauseArgument,
    run_in: CommandDirectory = None,
) -> ExitCode:
    """Open a clause in your editor, then check its module.

    The editor ($VISUAL, else $EDITOR) opens at the clause's line.

    When the editor is closed the module's findings are shown; exit 1 if it has
    errors.

    Example: EDITOR=nano charter edit drugs-precursors
    """
    from charter_cli.cli import console
    from charter_cli.draft.analysis import analyse
    from charter_cli.draft.lookup import find_item
    from charter_cli.edit.editor import editor_command
    from charter_cli.findings import Severity
    from charter_cli.load.entries import ClauseEntry

    opts = options(ctx)
    root = opts.root()
    analysis = analyse(root, cache=opts.cache())
    entry = find_item(analysis, item.partition("#")[0])
    if not isinstance(entry, ClauseEntry):
        raise InvalidInputError(f"'{item}' is a requirement; its catalogue is edited by hand")
    rel = entry.module.rel
    command = editor_command(root / rel, entry.line() or 1)
    console.err(f"opening {rel}:{entry.line() or 1} in {command[0]}")
    try:
        returned = subprocess.call(command)
    except OSError as error:
        raise InvalidInputError(
            f"cannot start the editor '{command[0]}': {error.strerror or error}",
            hint="check $VISUAL / $EDITOR",
        ) from None
    if returned != 0:
        console.err(f"note: the editor exited with status {returned}")
    after = analyse(root, cache=opts.cache())
    mine = [f for f in after.findings if f.file == rel]
    for finding in mine:
        console.out(finding.format())
    errors = sum(1 for f in mine if f.level is Severity.ERROR)
    console.err(f"{rel}: {errors} error(s), {len(mine) - errors} other finding(s)")
    return ExitCode.FINDINGS if errors else ExitCode.OK
