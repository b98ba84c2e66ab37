"""Coverage: which parts of the assembled draft implement each requirement.

Only clauses placed in the draft count. A requirement is covered by an article
(``covers`` of the clause), a paragraph or a point (``covers`` of those). A cover
is **open** when that text would fall if every open bracket fell: an article
proposed or bracketed as a whole, or a paragraph that is a party's proposal or a
set of alternatives. A requirement covered only by open text is **at risk**
(``CH302``, a note); one no part covers is a gap (``CH301``: an error, or a note
for an informative source); one the manifest waives is **waived** (``CH303``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from charter_cli.check.integrity import unknown_covers
from charter_cli.draft.model import Article, Draft, Placement
from charter_cli.findings import Finding, Severity
from charter_cli.load.entries import CatalogueFile, ClauseEntry, RequirementEntry
from charter_cli.load.library import Library
from charter_cli.load.negotiation import paragraph_open_as_a_whole
from charter_cli.models.manifest import Waiver
from charter_cli.suggest import closest
from charter_cli.vocabulary import Level, RequirementKind


class CoverState(StrEnum):
    """Where a requirement stands."""

    COVERED = "covered"
    """Covered by agreed text (text that stays if every open bracket falls)."""
    AT_RISK = "at-risk"
    """Covered, but only by text that is not yet agreed."""
    WAIVED = "waived"
    """Deliberately not addressed, by a decision recorded in the manifest."""
    UNCOVERED = "uncovered"
    """Covered by no part of the draft."""


@dataclass(frozen=True, slots=True)
class Covering:
    """A part of the draft that covers a requirement: an article, a paragraph or a point."""

    placement: Placement
    paragraph: str | None
    """The paragraph's ID, when the cover is on a paragraph or a point."""
    point: str | None
    open: bool
    """Whether the covering text would fall if every open bracket fell."""

    @property
    def citation(self) -> str:
        """``Article 23(2)``, ``Article 23`` or ``Recital 2``."""
        if isinstance(self.placement, Article):
            return self.placement.cite(self.paragraph, self.point)
        return self.placement.label


@dataclass(frozen=True, slots=True)
class RequirementCoverage:
    """One requirement, what implements it, and whether it is waived."""

    entry: RequirementEntry
    covering: tuple[Covering, ...]
    """The parts of the draft that cover it, in draft order."""
    unplaced: tuple[ClauseEntry, ...]
    """Clauses that cover it but are not in the draft."""
    waiver: Waiver | None = None

    @property
    def covered(self) -> bool:
        """Whether the assembled draft covers the requirement (agreed or open text)."""
        return bool(self.covering)

    @property
    def placements(self) -> tuple[Placement, ...]:
        """The articles and recitals that cover it, each once, in draft order."""
        return tuple(dict.fromkeys(c.placement for c in self.covering))

    @property
    def state(self) -> CoverState:
        """Covered, at risk, waived or uncovered."""
        if any(not c.open for c in self.covering):
            return CoverState.COVERED
        if self.covering:
            return CoverState.AT_RISK
        return CoverState.WAIVED if self.waiver is not None else CoverState.UNCOVERED

    @property
    def informative(self) -> bool:
        """Whether its source is informative (its gaps never fail the check)."""
        return self.entry.catalogue.informative


@dataclass(frozen=True, slots=True)
class Tally:
    """Requirements of one cell of the summary: covered (by any text), by agreed text, total."""

    covered: int
    total: int
    agreed: int = 0
    waived: int = 0

    @property
    def at_risk(self) -> int:
        """Covered, but only by text not yet agreed."""
        return self.covered - self.agreed

    @property
    def uncovered(self) -> int:
        """Neither covered nor waived."""
        return self.total - self.covered - self.waived


@dataclass(frozen=True)
class Coverage:
    """Coverage of every requirement of the manifest's sources."""

    items: tuple[RequirementCoverage, ...]

    @property
    def covered(self) -> int:
        """How many requirements the draft covers, by agreed or open text."""
        return sum(item.covered for item in self.items)

    @property
    def covered_by_agreed_text(self) -> int:
        """How many requirements agreed text alone covers."""
        return sum(item.state is CoverState.COVERED for item in self.items)

    @property
    def waived(self) -> int:
        """How many requirements are waived."""
        return sum(item.state is CoverState.WAIVED for item in self.items)

    def select(
        self,
        level: Level | None = None,
        *,
        kind: RequirementKind | None = None,
        section: str | None = None,
        missing: bool = False,
        agreed_only: bool = False,
    ) -> Coverage:
        """The requirements of one level, kind or section (or all); optionally only the gaps.

        A section selects itself and its subsections: ``4`` selects ``4``, ``4.1``
        and ``4.2``. With ``agreed_only``, a requirement covered only by open text
        counts as a gap.
        """
        return Coverage(
            tuple(
                item
                for item in self.items
                if (level is None or item.entry.requirement.level == level)
                and (kind is None or item.entry.requirement.kind == kind)
                and (section is None or in_section(item.entry.requirement.section, section))
                and not (missing and _counts(item, agreed_only=agreed_only))
            )
        )

    def by_section(self, *, agreed_only: bool = False) -> list[SectionTally]:
        """Covered, at-risk and total requirements of each section, in the order of the catalogues.

        A section's own requirements only (``4`` does not count those of ``4.1``);
        sections without requirements here are left out. With ``agreed_only``, a
        requirement covered only by open text is not covered.
        """
        tallies: dict[tuple[int, str], list[RequirementCoverage]] = {}
        catalogues: dict[int, CatalogueFile] = {}
        for item in self.items:
            catalogue = item.entry.catalogue
            catalogues.setdefault(id(catalogue), catalogue)
            tallies.setdefault((id(catalogue), item.entry.requirement.section), []).append(item)
        result = []
        order = list(catalogues)  # the catalogues in the order their requirements come
        for key in sorted(tallies, key=lambda k: _section_order(order, catalogues[k[0]], k[1])):
            items, catalogue = tallies[key], catalogues[key[0]]
            titles = {section.id: section.title for _, section in catalogue.sections}
            result.append(
                SectionTally(
                    catalogue,
                    key[1],
                    titles.get(key[1]),
                    covered=sum(_counts(i, agreed_only=agreed_only) for i in items),
                    at_risk=sum(i.state is CoverState.AT_RISK for i in items),
                    total=len(items),
                )
            )
        return result

    def summary(self) -> dict[tuple[Level, RequirementKind], Tally]:
        """Covered, agreed-covered and total requirements by level and kind."""
        totals: Counter[tuple[Level, RequirementKind]] = Counter()
        covered: Counter[tuple[Level, RequirementKind]] = Counter()
        agreed: Counter[tuple[Level, RequirementKind]] = Counter()
        waived: Counter[tuple[Level, RequirementKind]] = Counter()
        for item in self.items:
            key = (item.entry.requirement.level, item.entry.requirement.kind)
            state = item.state
            totals[key] += 1
            covered[key] += item.covered
            agreed[key] += state is CoverState.COVERED
            waived[key] += state is CoverState.WAIVED
        return {
            key: Tally(covered[key], totals[key], agreed[key], waived[key])
            for key in sorted(totals, key=_cell_order)
        }


@dataclass(frozen=True, slots=True)
class SectionTally:
    """The requirements of one section of a source: how many, how many covered, how many at risk."""

    catalogue: CatalogueFile
    section: str
    title: str | None
    """The section's title, if the catalogue declares it."""
    covered: int
    """Covered (waived ones count as covered)."""
    at_risk: int
    """Covered only by text not yet agreed."""
    total: int


def in_section(section: str, wanted: str) -> bool:
    """Whether ``section`` is ``wanted`` or one of its subsections (``4.1`` is in ``4``)."""
    return section == wanted or section.startswith(f"{wanted}.")


def _section_order(
    order: list[int], catalogue: CatalogueFile, section: str
) -> tuple[int, int, str]:
    """Sections in the order the catalogue declares them; undeclared ones after, by name."""
    declared = [s.id for _, s in catalogue.sections]
    position = declared.index(section) if section in declared else len(declared)
    return order.index(id(catalogue)), position, section


def _counts(item: RequirementCoverage, *, agreed_only: bool) -> bool:
    """Whether the item is not a gap (covered, or waived)."""
    if item.state is CoverState.WAIVED:
        return True
    return item.state is CoverState.COVERED or (item.covered and not agreed_only)


def _cell_order(key: tuple[Level, RequirementKind]) -> tuple[int, int]:
    return list(Level).index(key[0]), list(RequirementKind).index(key[1])


def _coverings(placement: Placement) -> Iterator[tuple[str, Covering]]:
    entry = placement.entry
    if not entry.covers:
        return
    standing = entry.standing
    if entry.facts.plain:  # no paragraph is open: the article stands or falls as a whole
        for cover in entry.covers:
            covering = Covering(placement, cover.paragraph, cover.point, standing.open_as_a_whole)
            yield cover.requirement, covering
        return
    paragraphs = {p.id: p for p in entry.paragraphs}
    falls = standing.open_as_a_whole or all(paragraph_open_as_a_whole(p) for p in entry.paragraphs)
    for cover in entry.covers:
        paragraph = paragraphs.get(cover.paragraph) if cover.paragraph else None
        open_text = falls or (paragraph is not None and paragraph_open_as_a_whole(paragraph))
        yield cover.requirement, Covering(placement, cover.paragraph, cover.point, open_text)


def compute_coverage(library: Library, draft: Draft) -> Coverage:
    """Match every requirement with the placed parts that cover it, and with its waiver."""
    placed: dict[str, list[Covering]] = {}
    unplaced: dict[str, list[ClauseEntry]] = {}
    for placement in draft.placements.values():
        for requirement, covering in _coverings(placement):
            placed.setdefault(requirement, []).append(covering)
    for entry in library.clauses.values():
        if entry.id not in draft.placements:
            for requirement in dict.fromkeys(cover.requirement for cover in entry.covers):
                unplaced.setdefault(requirement, []).append(entry)
    waivers = {w.requirement: w for w in library.manifest.waiver} if library.manifest else {}
    items = tuple(
        RequirementCoverage(
            requirement,
            tuple(placed.get(requirement.id, ())),
            tuple(unplaced.get(requirement.id, ())),
            waivers.get(requirement.id),
        )
        for catalogue in library.catalogues
        for requirement in catalogue.requirements
    )
    return Coverage(items)


def coverage_findings(coverage: Coverage, library: Library) -> list[Finding]:
    """``CH301`` for every gap, ``CH302`` for every requirement at risk, ``CH303`` per waiver.

    A requirement named by a clause that is broken, unreadable or a duplicate is
    skipped: that clause's own finding is the one to fix.
    """
    findings = []
    misspelt = unknown_covers(library)
    for item in coverage.items:
        state = item.state
        if item.waiver is not None:
            findings.append(_waived(item, item.waiver))
        if state is CoverState.AT_RISK:
            findings.append(_at_risk(item))
        elif (
            state is CoverState.UNCOVERED
            and item.entry.id not in library.damage.mentioned
            and not library.damage.opaque
        ):
            findings.append(_uncovered(item, misspelt))
    return findings


def _waived(item: RequirementCoverage, waiver: Waiver) -> Finding:
    decided = f"decided by {waiver.decided_by} on {waiver.decided_on}"
    if item.covered:
        parts = ", ".join(c.citation for c in item.covering)
        return item.entry.finding(
            "CH303",
            f"requirement '{item.entry.id}' is waived, but {parts} covers it",
            "id",
            hint=f"remove the [[waiver]] from charter.toml ({decided})",
        )
    return item.entry.finding(
        "CH303",
        f"requirement '{item.entry.id}' is waived: {' '.join(waiver.reason.split())}",
        "id",
        hint=f"{decided}; the waiver is in charter.toml",
    )


def _at_risk(item: RequirementCoverage) -> Finding:
    parts = "; ".join(
        f"{c.citation} ({c.placement.entry.id}, {c.placement.entry.standing.status.value})"
        for c in item.covering
    )
    return item.entry.finding(
        "CH302",
        f"requirement '{item.entry.id}' is covered only by text not yet agreed: {parts}",
        "id",
        hint="it would be lost if every open bracket fell; 'charter coverage --agreed-only' "
        "lists all such requirements",
    )


def _uncovered(item: RequirementCoverage, misspelt: list[tuple[str, ClauseEntry]]) -> Finding:
    typo = next(((name, e) for name, e in misspelt if closest(name, [item.entry.id])), None)
    if item.unplaced:
        names = ", ".join(f"'{entry.id}'" for entry in item.unplaced)
        hint = f"clause {names} covers it but is in no part of charter.toml"
    elif typo is not None:
        hint = f"clause '{typo[1].id}' covers '{typo[0]}': is that a misspelling of it?"
    else:
        hint = f"add '{item.entry.id}' to the covers list of the article that implements it"
    return item.entry.finding(
        "CH301",
        f"requirement '{item.entry.id}' is covered by no article of the draft",
        "id",
        hint=hint,
        severity=Severity.NOTE if item.informative else None,
    )
