"""Run an edit: plan it on the library as it is, check the library as it would be, write it.

Every editing command is a *planner*, a function from the current
:class:`~charter_cli.draft.analysis.Analysis` to an :class:`Edit` (the new text
of each file it touches and what it says it did). :func:`run_edit` holds the
library's lock from reading to writing, refuses an edit that would give the
library errors it did not have (unless forced), refuses to overwrite a file that
changed on disk since it was read, and writes every file as one
(:func:`charter_cli.write.transaction.commit`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from charter_cli.draft.analysis import Analysis, analyse
from charter_cli.errors import CharterError, ExitCode, WriteRefusedError
from charter_cli.findings import Finding, Severity
from charter_cli.write.lock import DEFAULT_TIMEOUT, file_lock, library_lock
from charter_cli.write.transaction import Change, commit


class EditRefusedError(CharterError):
    """The edit would leave the library with errors it did not have, or cannot be made."""

    exit_code = ExitCode.FINDINGS


@dataclass(frozen=True)
class Edit:
    """What an editing command changes: the new text of each file, and what it did, in words."""

    files: Mapping[str, str | None]
    """Project-relative path -> the file's new text (``None``: the file is removed)."""
    done: tuple[str, ...]
    """One line per change, for the user: ``moved 'x' (Article 12) to Article 9``."""
    read: Mapping[str, str] = field(default_factory=dict)
    """The text each touched file had when the edit was planned (``""`` for a new file)."""
    after: Analysis | None = field(default=None, compare=False)
    """The library as the edit leaves it, when the planner already analysed it."""
    refused: tuple[str, ...] = ()
    """Parts of the request that were not done, one line each (an import's stale units)."""


@dataclass(frozen=True)
class EditOutcome:
    """An edit and the library it leaves."""

    edit: Edit
    after: Analysis
    new_findings: tuple[Finding, ...]
    """Findings the library has after the edit and did not have before (errors only if forced)."""
    written: bool


Planner = Callable[[Analysis], Edit]

CATCH_UP = frozenset({"CH250", "CH251"})
"""Errors an edit of the original may bring and never refuses: the translations of a
required language missing or stale for the text it adds or changes. Translators catch
up afterwards (``charter translate export``); the edit reports them as new findings.
"""


def run_edit(
    root: Path,
    plan: Planner,
    *,
    dry_run: bool = False,
    force: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
) -> EditOutcome:
    """Plan ``plan`` on the library at ``root``, check the result, and write it unless ``dry_run``."""
    with library_lock(root, timeout=timeout):
        before = analyse(root)
        edit = plan(before)
        after = edit.after if edit.after is not None else analyse(root, overlay=edit.files)
        new = new_findings(before, after)
        errors = [f for f in new if f.level is Severity.ERROR and f.code not in CATCH_UP]
        if errors and not force:
            shown = "; ".join(f"{f.code} {f.message}" for f in errors[:3])
            more = f"; and {len(errors) - 3} more" if len(errors) > 3 else ""
            raise EditRefusedError(
                f"the change was not made: 'charter check' would then report "
                f"{len(errors)} new error(s): {shown}{more}",
                hint="fix what stands in the way first",
            )
        if not dry_run and edit.files:
            _write(root, edit, timeout=timeout)
        return EditOutcome(edit, after, tuple(new), written=not dry_run and bool(edit.files))


def _write(root: Path, edit: Edit, *, timeout: float) -> None:
    with ExitStack() as locks:
        for rel in sorted(edit.files):
            locks.enter_context(file_lock(root / rel, timeout=timeout))
        for rel, text in edit.read.items():
            path = root / rel
            now = path.read_text(encoding="utf-8") if path.exists() else ""
            if now != text:
                raise WriteRefusedError(
                    f"{rel}: changed on disk while the edit was being made; nothing was written",
                    hint="run the command again",
                )
        commit(
            root,
            [
                Change(root / rel, None if text is None else text.encode("utf-8"))
                for rel, text in sorted(edit.files.items())
            ],
        )


_NUMBERS = re.compile(r"\d+")


def new_errors(before: Analysis, after: Analysis) -> list[Finding]:
    """The errors of ``after`` that ``before`` did not have."""
    return [f for f in new_findings(before, after) if f.level is Severity.ERROR]


def new_findings(before: Analysis, after: Analysis) -> list[Finding]:
    """Findings of ``after`` that ``before`` did not have (numbers in messages ignored)."""

    def key(finding: Finding) -> tuple[str, str, str]:
        return finding.code, finding.file, _NUMBERS.sub("#", finding.message)

    had = Counter(key(f) for f in before.findings)
    new = []
    for finding in after.findings:
        if had[key(finding)]:
            had[key(finding)] -= 1
        else:
            new.append(finding)
    return new
