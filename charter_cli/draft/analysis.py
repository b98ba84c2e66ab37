"""The read-only pipeline as one call: load -> check -> assemble -> place -> cover.

:func:`analyse` runs every stage that does not write and returns the library,
the numbered draft, its coverage and every finding, sorted. Commands call it and
then render or report; nothing here prints or writes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from charter_cli.check.amendments import check_amendments
from charter_cli.check.integrity import check_integrity
from charter_cli.check.translations import check_translations
from charter_cli.draft.assemble import assemble
from charter_cli.draft.coverage import Coverage, compute_coverage, coverage_findings
from charter_cli.draft.frozen import frozen_findings
from charter_cli.draft.model import Draft
from charter_cli.draft.placement import check_placement
from charter_cli.errors import ExitCode
from charter_cli.findings import Finding, Severity, codes, sort_findings
from charter_cli.load.library import Library
from charter_cli.load.loader import load_library
from charter_cli.load.translations import Translations, load_translations

if TYPE_CHECKING:
    from charter_cli.load.cache import ParseCache


@dataclass(frozen=True)
class Analysis:
    """Everything known about a project after the read-only stages."""

    library: Library
    draft: Draft | None
    """The numbered draft; ``None`` when the manifest could not be read."""
    coverage: Coverage | None
    findings: tuple[Finding, ...]
    translations: Translations | None = None
    """The translations of the library, as read (``None`` until they are)."""

    def count(self, severity: Severity) -> int:
        """How many findings have this severity."""
        return Counter(f.level for f in self.findings)[severity]

    @property
    def unreadable(self) -> bool:
        """Whether some file could not be read or parsed at all."""
        return any(codes()[f.code].unreadable for f in self.findings)

    @property
    def blocking(self) -> list[Finding]:
        """Errors that make a faithful draft impossible (all errors except coverage gaps).

        The translations' findings do not stop a build either: the original does not
        depend on them, and a draft in another language marks what is stale or missing.
        """
        table = codes()
        return [
            f
            for f in self.findings
            if f.level is Severity.ERROR
            and not table[f.code].coverage
            and not table[f.code].translation
        ]

    def exit_code(self, *, strict: bool = False) -> ExitCode:
        """0 clean, 1 errors (or warnings under ``strict``), 2 a file could not be read."""
        if self.unreadable:
            return ExitCode.USAGE
        if self.count(Severity.ERROR) or (strict and self.count(Severity.WARNING)):
            return ExitCode.FINDINGS
        return ExitCode.OK


_NEEDS_CLEAN_MANIFEST = frozenset({"CH208", "CH209", "CH223", "CH301"})
"""Findings about what the draft places: not judged while the manifest itself has errors."""


def analyse(
    root: Path,
    *,
    overlay: Mapping[str, str | None] | None = None,
    cache: ParseCache | None = None,
) -> Analysis:
    """Load the project at ``root``, check it, assemble the draft and compute its coverage.

    ``overlay`` stands in for some of the project's files, and ``cache`` holds files
    parsed before (see :func:`~charter_cli.load.loader.load_library`): the analysis of
    an edit before it is written, and the same analysis, sooner.
    """
    library = load_library(root, overlay=overlay, cache=cache)
    translations = load_translations(library)
    findings = [
        *library.findings,
        *check_integrity(library),
        *check_translations(library, translations),
        *check_amendments(library),
    ]
    draft = coverage = None
    if library.manifest is not None and library.manifest_doc is not None:
        draft = assemble(library, library.manifest)
        coverage = compute_coverage(library, draft)
        judged = check_placement(library, draft, library.manifest_doc)
        judged += coverage_findings(coverage, library)
        if library.frozen is not None:
            judged += frozen_findings(draft, library.frozen)
        if not library.damage.manifest_clean:  # a misspelt key may have emptied a part
            judged = [f for f in judged if f.code not in _NEEDS_CLEAN_MANIFEST]
        findings += judged
    return Analysis(library, draft, coverage, tuple(sort_findings(findings)), translations)
