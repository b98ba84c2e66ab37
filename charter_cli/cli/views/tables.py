"""Tables the CLI shows: coverage by level and kind, requirements, clauses, modules.

Views are plain data (:class:`~charter_cli.cli.console.TableView`);
:func:`charter_cli.cli.console.show` draws them, with Rich on a terminal and as
aligned text elsewhere.
"""

from __future__ import annotations

from charter_cli.check.translations import LanguageState
from charter_cli.cli.console import Cell, TableView
from charter_cli.draft.analysis import Analysis
from charter_cli.draft.coverage import Coverage, Covering, CoverState, Tally, in_section
from charter_cli.draft.model import Placement, Recital
from charter_cli.vocabulary import Level, RequirementKind, Status


def _short(placement: Placement) -> str:
    if isinstance(placement, Recital):
        return f"Recital {placement.number}"
    return f"Art. {placement.numeral}"


def _short_citation(covering: Covering) -> str:
    """``Art. 23(2)`` or ``Recital 2``."""
    return covering.citation.replace("Article ", "Art. ", 1)


def _fraction(covered: int, total: int) -> Cell:
    return Cell(f"{covered}/{total}", "green" if covered == total else "red")


def summary_table(coverage: Coverage, *, agreed_only: bool = False) -> TableView:
    """Covered / total requirements by kind (rows) and level (columns), with totals.

    With ``agreed_only``, a requirement counts as covered only if agreed text covers it.
    """
    cells = coverage.summary()
    if agreed_only:
        cells = {key: Tally(t.agreed, t.total, t.agreed) for key, t in cells.items()}
    kinds = [k for k in RequirementKind if any(key[1] is k for key in cells)]
    levels = [lv for lv in Level if any(key[0] is lv for key in cells)]
    table = TableView(
        "Coverage by agreed text, by level and kind"
        if agreed_only
        else "Coverage by level and kind",
        ("kind", *(level.value for level in levels), "total"),
        right=frozenset(range(1, len(levels) + 2)),
        keep=frozenset(range(len(levels) + 2)),
    )

    def row(name: str, tallies: list[Tally | None]) -> None:
        covered = sum(t.covered for t in tallies if t)
        total = sum(t.total for t in tallies if t)
        shown = (_fraction(t.covered, t.total) if t else Cell("") for t in tallies)
        table.add(name, *shown, _fraction(covered, total))

    for kind in kinds:
        row(kind.value, [cells.get((level, kind)) for level in levels])
    table.section()
    totals = [_level_total(cells, level) for level in levels]
    row("total", list(totals))
    return table


def _level_total(cells: dict[tuple[Level, RequirementKind], Tally], level: Level) -> Tally:
    tallies = [tally for (lv, _), tally in cells.items() if lv is level]
    return Tally(sum(t.covered for t in tallies), sum(t.total for t in tallies))


_STATE_STYLE = {
    CoverState.COVERED: "green",
    CoverState.AT_RISK: "yellow",
    CoverState.WAIVED: "yellow",
    CoverState.UNCOVERED: "red",
}


def coverage_table(coverage: Coverage) -> TableView:
    """Each requirement, its statement, where it stands, and the parts of the draft that cover it.

    A part that is not yet agreed (it would fall if every open bracket fell) is
    marked ``open``.
    """
    table = TableView(
        "Requirements and the articles that cover them",
        ("requirement", "§", "level", "kind", "state", "statement", "covered by"),
        keep=frozenset(range(5)),
    )
    for item in coverage.items:
        req = item.entry.requirement
        state = item.state
        by = ", ".join(
            f"{_short_citation(c)} ({c.placement.entry.id}{', open' if c.open else ''})"
            for c in item.covering
        )
        table.add(
            req.id,
            req.section,
            req.level.value,
            req.kind.value,
            Cell(
                "not covered" if state is CoverState.UNCOVERED else state.value, _STATE_STYLE[state]
            ),
            req.statement,
            by,
        )
    return table


def section_table(coverage: Coverage, *, agreed_only: bool = False) -> TableView:
    """Covered / total and at-risk requirements of each section of the sources.

    With ``agreed_only``, a requirement counts as covered only if agreed text covers it.
    """
    tallies = coverage.by_section(agreed_only=agreed_only)
    several = len({id(tally.catalogue) for tally in tallies}) > 1
    source = ("source",) if several else ()
    table = TableView(
        "Coverage by agreed text, by section" if agreed_only else "Coverage by section",
        (*source, "section", "title", "covered", "at risk"),
        right=frozenset({len(source) + 2, len(source) + 3}),
        keep=frozenset({0, len(source), len(source) + 2, len(source) + 3}),
    )
    for tally in tallies:
        cite = (
            tally.catalogue.source.citation if tally.catalogue.source else tally.catalogue.doc.rel,
        )
        table.add(
            *(cite if several else ()),
            tally.section,
            tally.title or "",
            _fraction(tally.covered, tally.total),
            Cell(str(tally.at_risk), "yellow" if tally.at_risk else None),
        )
    return table


def clause_table(analysis: Analysis, *, status: Status | None, party: str | None) -> TableView:
    """Clauses in draft order, then those placed nowhere."""
    placements = analysis.draft.placements if analysis.draft else {}
    ordered = [p.entry for p in placements.values()]
    ordered += [e for e in analysis.library.clauses.values() if e.id not in placements]
    table = TableView(
        "Clauses",
        ("place", "id", "title", "status", "party", "covers", "module"),
        right=frozenset({5}),
        keep=frozenset({0, 1, 3, 4, 5, 6}),
    )
    for entry in ordered:
        clause = entry.clause
        shown_status = entry.standing.status
        if (status and shown_status is not status) or (party and clause.proposed_by != party):
            continue
        placement = placements.get(entry.id)
        table.add(
            _short(placement) if placement else Cell("not placed", "yellow"),
            entry.id,
            clause.title,
            shown_status.value,
            clause.proposed_by,
            str(len(entry.covers)),
            entry.module.rel,
        )
    return table


def requirement_table(
    analysis: Analysis,
    *,
    level: Level | None,
    kind: RequirementKind | None,
    section: str | None = None,
    missing: bool = False,
) -> TableView:
    """Requirements in catalogue order with the parts of the draft that cover them.

    ``section`` selects a section and its subsections; ``missing`` only the
    requirements no part of the draft covers (and no waiver excuses).
    """
    covering = (
        {item.entry.id: item for item in analysis.coverage.items} if analysis.coverage else {}
    )
    table = TableView(
        "Requirements",
        ("id", "§", "level", "kind", "statement", "covered by"),
        keep=frozenset({0, 1, 2, 3}),
    )
    for entry in analysis.library.requirements.values():
        req = entry.requirement
        if (level and req.level is not level) or (kind and req.kind is not kind):
            continue
        if section is not None and not in_section(req.section, section):
            continue
        item = covering.get(entry.id)
        if missing and (item is None or item.state is not CoverState.UNCOVERED):
            continue
        by = ", ".join(_short(p) for p in item.placements) if item and item.covered else ""
        table.add(
            req.id,
            req.section,
            req.level.value,
            req.kind.value,
            req.statement,
            by or Cell("not covered", "red"),
        )
    return table


def module_table(analysis: Analysis) -> TableView:
    """Modules of the library with their clause counts."""
    placements = analysis.draft.placements if analysis.draft else {}
    table = TableView(
        "Modules",
        ("module", "title", "clauses", "placed"),
        right=frozenset({2, 3}),
        keep=frozenset({0, 2, 3}),
    )
    for module in analysis.library.modules:
        placed = sum(entry.id in placements for entry in module.clauses)
        table.add(module.rel, module.title or "", str(len(module.clauses)), str(placed))
    return table


def translation_table(states: list[LanguageState]) -> TableView:
    """Each language: required or not, units, share translated, share current."""
    view = TableView(
        "Translations",
        ("language", "required", "units", "translated", "current", "missing", "stale"),
        right=frozenset({2, 3, 4, 5, 6}),
    )
    for state in states:
        view.add(
            state.code,
            "yes" if state.required else "no",
            str(state.total),
            f"{state.complete:.0f}%",
            f"{state.up_to_date:.0f}%",
            str(state.total - state.translated),
            str(state.translated - state.current),
        )
    return view
