"""Coverage: which parts of the assembled draft implement each requirement.

Only clauses placed in the draft count. A requirement covered only by a clause
that no part of the manifest places is reported as uncovered (``CH301``), with a
hint naming that clause.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from charter_cli.check.integrity import unknown_covers
from charter_cli.draft.model import Draft, Placement
from charter_cli.findings import Finding
from charter_cli.load.entries import ClauseEntry, RequirementEntry
from charter_cli.load.library import Library
from charter_cli.suggest import closest
from charter_cli.vocabulary import Level, RequirementKind


@dataclass(frozen=True, slots=True)
class RequirementCoverage:
    """One requirement and what implements it."""

    entry: RequirementEntry
    placements: tuple[Placement, ...]
    """Articles (and recitals) of the draft that cover it, in draft order."""
    unplaced: tuple[ClauseEntry, ...]
    """Clauses that cover it but are not in the draft."""

    @property
    def covered(self) -> bool:
        """Whether the assembled draft covers the requirement."""
        return bool(self.placements)


@dataclass(frozen=True, slots=True)
class Tally:
    """Covered and total requirements of one cell of the summary."""

    covered: int
    total: int


@dataclass(frozen=True)
class Coverage:
    """Coverage of every requirement of the manifest's sources."""

    items: tuple[RequirementCoverage, ...]

    @property
    def covered(self) -> int:
        """How many requirements the draft covers."""
        return sum(item.covered for item in self.items)

    def select(self, level: Level | None = None, *, missing: bool = False) -> Coverage:
        """The requirements of one level (or all), optionally only the uncovered ones."""
        return Coverage(
            tuple(
                item
                for item in self.items
                if (level is None or item.entry.requirement.level == level)
                and not (missing and item.covered)
            )
        )

    def summary(self) -> dict[tuple[Level, RequirementKind], Tally]:
        """Covered and total requirements by level and kind, for the cells that have any."""
        totals: Counter[tuple[Level, RequirementKind]] = Counter()
        covered: Counter[tuple[Level, RequirementKind]] = Counter()
        for item in self.items:
            key = (item.entry.requirement.level, item.entry.requirement.kind)
            totals[key] += 1
            covered[key] += item.covered
        return {key: Tally(covered[key], totals[key]) for key in sorted(totals, key=_cell_order)}


def _cell_order(key: tuple[Level, RequirementKind]) -> tuple[int, int]:
    return list(Level).index(key[0]), list(RequirementKind).index(key[1])


def compute_coverage(library: Library, draft: Draft) -> Coverage:
    """Match every requirement with the placed clauses that cover it."""
    placed: dict[str, list[Placement]] = {}
    unplaced: dict[str, list[ClauseEntry]] = {}
    for placement in draft.placements.values():
        for requirement in placement.entry.clause.covers:
            placed.setdefault(requirement, []).append(placement)
    for entry in library.clauses.values():
        if entry.id not in draft.placements:
            for requirement in entry.clause.covers:
                unplaced.setdefault(requirement, []).append(entry)
    items = tuple(
        RequirementCoverage(
            requirement,
            tuple(placed.get(requirement.id, ())),
            tuple(unplaced.get(requirement.id, ())),
        )
        for catalogue in library.catalogues
        for requirement in catalogue.requirements
    )
    return Coverage(items)


def coverage_findings(coverage: Coverage, library: Library) -> list[Finding]:
    """A ``CH301`` finding for every requirement the draft does not cover.

    A requirement named by a clause that is broken, unreadable or a duplicate is
    skipped: that clause's own finding is the one to fix.
    """
    findings = []
    misspelt = unknown_covers(library)
    for item in coverage.items:
        if item.covered or item.entry.id in library.damage.mentioned or library.damage.opaque:
            continue
        typo = next(
            ((name, entry) for name, entry in misspelt if closest(name, [item.entry.id])),
            None,
        )
        if item.unplaced:
            names = ", ".join(f"'{entry.id}'" for entry in item.unplaced)
            hint = f"clause {names} covers it but is in no part of charter.toml"
        elif typo is not None:
            hint = f"clause '{typo[1].id}' covers '{typo[0]}': is that a misspelling of it?"
        else:
            hint = f"add '{item.entry.id}' to the covers list of the article that implements it"
        findings.append(
            item.entry.finding(
                "CH301",
                f"requirement '{item.entry.id}' is covered by no article of the draft",
                "id",
                hint=hint,
            )
        )
    return findings
