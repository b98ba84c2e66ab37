"""What every report shares: where the project's files lie in the repository, severities, fingerprints.

Findings name files relative to the project root (the folder of ``charter.toml``).
CI hosts and code scanning resolve paths from the root of the repository, so
reports name them from a *report root*: the repository's root unless told
otherwise. :class:`ReportPaths` is computed once, by :func:`report_paths`, and
passed to the renderers; the findings themselves never change.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from charter_cli.errors import InvalidInputError
from charter_cli.findings import Finding, Severity
from charter_cli.load.packaged import is_packaged
from charter_cli.load.project import find_repository_root


@dataclass(frozen=True)
class ReportPaths:
    """How a report names the project's files: relative to the report root, with ``/``."""

    project: str = ""
    """The project root relative to the report root; empty when they are the same folder."""

    here: str = ""
    """The folder names are relative to, relative to the report root: the working folder, for
    the text people read; empty for the report root itself."""

    def of(self, file: str) -> str:
        """The report's name for ``file``, a path relative to the project root.

        A catalogue shipped with charter keeps its name (``charter:grabendorff-2008``).
        """
        if is_packaged(file):
            return file
        named = posixpath.join(self.project, file) if self.project else file
        return posixpath.relpath(f"/{named}", f"/{self.here}") if self.here else named

    def locate(self, finding: Finding) -> Finding:
        """``finding`` with its file named as the report names it."""
        return (
            replace(finding, file=self.of(finding.file)) if self.project or self.here else finding
        )


PROJECT_RELATIVE = ReportPaths()
"""Files named relative to the project root: the default of the renderers, for tests and libraries."""


def report_paths(project_root: Path, report_root: Path | None = None) -> ReportPaths:
    """The paths of reports on the project at ``project_root``.

    ``report_root`` defaults to the root of the git repository holding the
    project (or the project root outside a repository). The project must lie
    inside it.
    """
    project_root = project_root.resolve()
    if report_root is None:
        report_root = find_repository_root(project_root) or project_root
    report_root = report_root.resolve()
    try:
        inside = project_root.relative_to(report_root)
    except ValueError:
        raise InvalidInputError(
            f"the project {project_root} is not inside the report root {report_root}",
            hint="pass a folder that holds the project to --report-root",
        ) from None
    return ReportPaths("" if inside == Path() else inside.as_posix())


def working_paths(project_root: Path, working_folder: Path) -> ReportPaths:
    """Files named relative to the folder the user is in, as git and ruff name them.

    From ``clauses/public`` a module of that folder is ``drugs.toml`` and the
    manifest ``../../charter.toml``; from the root of a repository whose project
    is in ``charter/``, ``charter/clauses/...``; from the folder above a project,
    ``project/clauses/...``. From anywhere else, files are named as reports name
    them, from the repository's root (or the project's, outside a repository).
    """
    paths = report_paths(project_root)
    project_root = project_root.resolve()
    report_root = find_repository_root(project_root) or project_root
    try:
        here = working_folder.resolve()
    except (OSError, RuntimeError):
        return paths
    if here.is_relative_to(report_root):
        below = here.relative_to(report_root)
        return replace(paths, here="" if below == Path() else below.as_posix())
    if project_root.is_relative_to(here):
        return ReportPaths(project_root.relative_to(here).as_posix())
    return paths


@dataclass(frozen=True)
class SeverityStyle:
    """How each consumer spells one severity."""

    sarif: str
    """SARIF ``level``: error, warning or note."""
    gitlab: str
    """GitLab Code Quality ``severity``: info, minor, major, critical or blocker."""
    github: str
    """GitHub workflow command: error, warning or notice."""


SEVERITY_STYLES: dict[Severity, SeverityStyle] = {
    Severity.ERROR: SeverityStyle(sarif="error", gitlab="major", github="error"),
    Severity.WARNING: SeverityStyle(sarif="warning", gitlab="minor", github="warning"),
    Severity.NOTE: SeverityStyle(sarif="note", gitlab="info", github="notice"),
}
"""Each severity in every report format: the one place to extend for a new severity."""

_LINE_NUMBERS = re.compile(r"(:|\bline )\d+")
"""A line number inside a message, such as ``already defined at clauses/a.toml:5``."""


def fingerprints(findings: Sequence[Finding], paths: ReportPaths) -> list[str]:
    """A stable fingerprint for each finding, independent of the lines it is at.

    It hashes the code, the file (as the report names it), the message with its
    line numbers left out, and how many identical findings came before it (findings
    are in file and line order), so a line added above a finding keeps its
    fingerprint and two identical findings never share one.
    """
    seen: Counter[tuple[str, str, str]] = Counter()
    result = []
    for finding in findings:
        key = (finding.code, paths.of(finding.file), _LINE_NUMBERS.sub(r"\1#", finding.message))
        occurrence = seen[key]
        seen[key] += 1
        text = json.dumps([*key, occurrence], ensure_ascii=False)
        result.append(hashlib.sha256(text.encode("utf-8")).hexdigest())
    return result
