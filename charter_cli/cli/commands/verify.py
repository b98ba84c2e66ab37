"""``charter verify``: tell whether a draft is exactly what the library builds today."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from charter_cli.cli.options import CommandDirectory, options
from charter_cli.errors import ExitCode


def verify(
    ctx: typer.Context,
    draft: Annotated[
        Path, typer.Argument(help="A Markdown draft written by charter build.", metavar="DRAFT")
    ],
    run_in: CommandDirectory = None,
) -> ExitCode:
    """Tell whether a draft is exactly what the library builds today.

    Compares the library hash recorded in the draft's front matter with the
    library, and the draft's text with a fresh build. Exit 0 if it matches, 1 if
    it was built from another library or edited since, 2 if it is not a draft.

    Example: charter verify build/charter.md
    """
    from charter_cli.cli import console
    from charter_cli.cli.views.summaries import finding_lines
    from charter_cli.errors import InvalidInputError
    from charter_cli.load.documents import read_text
    from charter_cli.load.project import relative
    from charter_cli.render.reports.shared import working_paths
    from charter_cli.render.verify import Verdict, verify_draft
    from charter_cli.write.lock import library_lock

    opts = options(ctx)
    root = opts.root()
    draft_path = opts.base() / draft
    shown = relative(root, draft_path)
    text = read_text(draft_path, shown)
    if not isinstance(text, str):
        raise InvalidInputError(f"{shown}: {text.message}")
    with library_lock(root, shared=True):
        result = verify_draft(root, text)
    if result.verdict is Verdict.NOT_A_DRAFT:
        raise InvalidInputError(f"{shown}: not a draft written by charter build ({result.detail})")
    if result.verdict is Verdict.LIBRARY_BROKEN:
        assert result.analysis is not None  # noqa: S101 - set with this verdict
        for line in finding_lines(result.analysis, working_paths(root, Path.cwd())):
            console.err(line)
        console.err("cannot verify: the library has errors (see above); run 'charter check'")
        return ExitCode.FINDINGS
    if result.verdict is Verdict.MATCHES:
        console.out(f"{shown}: matches the library ({result.current})")
        return ExitCode.OK
    if result.verdict is Verdict.OTHER_LIBRARY:
        console.out(
            f"{shown}: built from another library: it records {result.recorded or 'no hash'}, "
            f"the library is now {result.current} (hint: rebuild with 'charter build', or check out "
            "the library the draft was built from)"
        )
    else:
        console.out(
            f"{shown}:{result.first_difference}: differs from a fresh build of the library it "
            "records: edited after it was built, or built by another version of charter "
            "(hint: rebuild with 'charter build')"
        )
    return ExitCode.FINDINGS
