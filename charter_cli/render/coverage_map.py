"""The coverage map: the level x kind grid of the requirements, as HTML, for the preview page.

Each cell shows how many of its requirements agreed text covers, how many only
open text covers (at risk of falling with the brackets), how many are waived
and how many nothing covers; its colour is those shares, left to right. A cell
links to its panel, which lists its requirements, each with where it stands and
the articles (and paragraphs) that cover it; a requirement named in an
article's trace links to its line there. The numbers come from
:meth:`charter_cli.draft.coverage.Coverage.summary`, the same as those of
``charter coverage --output-format json``, and stand in the cells' ``data-``
attributes for anyone (a test, a script) to read.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from charter_cli.draft.coverage import Coverage, CoverState, RequirementCoverage, Tally
from charter_cli.render.layout import placement_eid
from charter_cli.render.tree import append_text, child
from charter_cli.vocabulary import Level, RequirementKind

MAP_STYLE = """
.coverage-map table{border-collapse:collapse;font-family:"Helvetica Neue",Arial,sans-serif;font-size:.8rem;width:100%}
.coverage-map th{text-align:left;font-weight:normal;color:var(--muted);padding:.15rem .3rem}
.coverage-map thead th+th{writing-mode:vertical-rl;transform:rotate(180deg);height:6.5rem;text-align:left}
.coverage-map thead th{vertical-align:bottom}
.coverage-map td{padding:0;border:2px solid #fff;min-width:2.6rem;height:2rem}
.coverage-map td a{display:block;height:100%;padding:.35rem .2rem;text-align:center;color:#000;text-decoration:none;
background:linear-gradient(to right,var(--agreed-colour) 0 var(--agreed),var(--risk-colour) var(--agreed) var(--covered),
var(--waived-colour) var(--covered) var(--handled),var(--gap-colour) var(--handled) 100%)}
.coverage-map td a:hover,.coverage-map td a:focus{outline:2px solid var(--accent)}
.coverage-map td.empty{background:#f4f4f4}
.coverage-map{--agreed-colour:#7fc98f;--risk-colour:#f3c44b;--waived-colour:#c9c9c9;--gap-colour:#e8837a}
.legend{list-style:none;padding:0;font-size:.8rem;display:flex;flex-wrap:wrap;gap:.3rem .8rem}
.legend span{display:inline-block;width:.8rem;height:.8rem;margin-right:.25rem;vertical-align:middle}
.cell-panel{display:none;border:1px solid var(--rule);padding:.4rem .6rem;margin:.6rem 0;font-size:.85rem}
.cell-panel:target,.cell-panel:has(:target){display:block}
.cell-panel h3{margin:.2rem 0 .4rem;font-size:.95rem}
.cell-panel ul{padding-left:1rem;margin:0}
.requirement:target{background:var(--open)}
.state{font-family:"Helvetica Neue",Arial,sans-serif;font-size:.75rem;padding:0 .25rem;border-radius:3px}
.state-covered{background:var(--agreed-colour)}.state-at-risk{background:var(--risk-colour)}
.state-waived{background:var(--waived-colour)}.state-uncovered{background:var(--gap-colour)}
"""
"""The map's style sheet (it relies on the colours of :data:`charter_cli.render.html.STYLE`)."""

_STATE_NAMES = {
    CoverState.COVERED: "covered",
    CoverState.AT_RISK: "at risk",
    CoverState.WAIVED: "waived",
    CoverState.UNCOVERED: "not covered",
}


def cell_id(level: Level, kind: RequirementKind) -> str:
    """The anchor of a cell's panel: ``cell-public-threat``."""
    return f"cell-{level.value}-{kind.value}"


def requirement_id(requirement: str) -> str:
    """The anchor of a requirement's line in the map: ``req-GRA-4.1-drug-precursors``."""
    return f"req-{requirement}"


def coverage_map(coverage: Coverage) -> ET.Element:
    """The map: a summary line, the grid, its legend, and a panel per cell."""
    cells = coverage.summary()
    section = ET.Element("section", {"class": "coverage-map", "aria-labelledby": "coverage-map"})
    child(section, "h2", "Coverage map", {"id": "coverage-map"})
    child(section, "p", _summary(coverage), {"class": "map-summary"})
    section.append(_grid(cells))
    section.append(_legend())
    by_cell: dict[tuple[Level, RequirementKind], list[RequirementCoverage]] = {}
    for item in coverage.items:
        key = (item.entry.requirement.level, item.entry.requirement.kind)
        by_cell.setdefault(key, []).append(item)
    for (level, kind), tally in cells.items():
        section.append(_panel(level, kind, tally, by_cell[(level, kind)]))
    return section


def _summary(coverage: Coverage) -> str:
    total = len(coverage.items)
    at_risk = coverage.covered - coverage.covered_by_agreed_text
    parts = [f"{coverage.covered} of {total} requirements covered"]
    parts.append(f"{coverage.covered_by_agreed_text} by agreed text alone")
    parts.append(f"{at_risk} at risk")
    if coverage.waived:
        parts.append(f"{coverage.waived} waived")
    return ", ".join(parts) + "."


def _grid(cells: dict[tuple[Level, RequirementKind], Tally]) -> ET.Element:
    levels = [level for level in Level if any(key[0] is level for key in cells)]
    kinds = [kind for kind in RequirementKind if any(key[1] is kind for key in cells)]
    table = ET.Element("table")
    child(table, "caption", "Requirements by level and kind: covered by agreed text of all")
    head = ET.SubElement(ET.SubElement(table, "thead"), "tr")
    child(head, "th", "kind", {"scope": "col"})
    for level in levels:
        child(head, "th", level.value, {"scope": "col"})
    body = ET.SubElement(table, "tbody")
    for kind in kinds:
        row = ET.SubElement(body, "tr")
        child(row, "th", kind.value, {"scope": "row"})
        for level in levels:
            tally = cells.get((level, kind))
            if tally is None:
                ET.SubElement(row, "td", {"class": "empty"})
            else:
                row.append(_cell(level, kind, tally))
    return table


def _cell(level: Level, kind: RequirementKind, tally: Tally) -> ET.Element:
    cell = ET.Element(
        "td",
        {
            "class": "cell",
            "data-level": level.value,
            "data-kind": kind.value,
            "data-total": str(tally.total),
            "data-covered": str(tally.covered),
            "data-covered-by-agreed-text": str(tally.agreed),
            "data-at-risk": str(tally.at_risk),
            "data-waived": str(tally.waived),
            "data-uncovered": str(tally.uncovered),
        },
    )

    def share(count: int) -> str:
        return f"{100 * count / tally.total:.1f}%"

    style = (
        f"--agreed:{share(tally.agreed)};--covered:{share(tally.covered)};"
        f"--handled:{share(tally.covered + tally.waived)}"
    )
    label = (
        f"{level.value}, {kind.value}: {tally.agreed} of {tally.total} covered by agreed text, "
        f"{tally.at_risk} at risk, {tally.waived} waived, {tally.uncovered} not covered"
    )
    link = {"href": f"#{cell_id(level, kind)}", "style": style, "aria-label": label, "title": label}
    child(cell, "a", f"{tally.agreed}/{tally.total}", link)
    return cell


def _legend() -> ET.Element:
    legend = ET.Element("ul", {"class": "legend"})
    for colour, text in (
        ("agreed", "covered by agreed text"),
        ("risk", "covered only by open text (at risk)"),
        ("waived", "waived"),
        ("gap", "not covered"),
    ):
        item = ET.SubElement(legend, "li")
        ET.SubElement(item, "span", {"style": f"background:var(--{colour}-colour)"}).tail = text
    return legend


def _panel(
    level: Level, kind: RequirementKind, tally: Tally, items: list[RequirementCoverage]
) -> ET.Element:
    panel = ET.Element("section", {"class": "cell-panel", "id": cell_id(level, kind)})
    heading = (
        f"{level.value} · {kind.value}: {tally.agreed} of {tally.total} covered by agreed text"
        + (f", {tally.at_risk} at risk" if tally.at_risk else "")
        + (f", {tally.waived} waived" if tally.waived else "")
        + (f", {tally.uncovered} not covered" if tally.uncovered else "")
    )
    child(panel, "h3", heading)
    listing = ET.SubElement(panel, "ul")
    for item in items:
        listing.append(_requirement(item))
    return panel


def _requirement(item: RequirementCoverage) -> ET.Element:
    state = item.state
    attributes = {"class": "requirement", "data-state": state.value}
    line = ET.Element("li", {**attributes, "id": requirement_id(item.entry.id)})
    child(line, "strong", item.entry.id).tail = " "
    child(
        line, "span", _STATE_NAMES[state], {"class": f"state state-{state.value}"}
    ).tail = f" § {item.entry.requirement.section}: {item.entry.requirement.statement}"
    if item.covering:
        covered = ET.SubElement(line, "div", {"class": "covered-by"})
        covered.text = "covered by "
        for index, covering in enumerate(item.covering):
            if index:
                append_text(covered, ", ")
            target = placement_eid(covering.placement)
            link = child(covered, "a", covering.citation, {"href": f"#{target}"})
            if covering.open:
                link.tail = " (not yet agreed)"
    elif item.waiver is not None:
        child(
            line, "div", f"waived: {' '.join(item.waiver.reason.split())}", {"class": "covered-by"}
        )
    return line
