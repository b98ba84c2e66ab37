"""What the CLI shows of the core's results: tables, texts and one-line summaries.

Views are plain data (:class:`~charter_cli.console.TableView`,
:class:`~charter_cli.console.TextView`); :func:`charter_cli.console.show` draws
them, with Rich on a terminal and as aligned text elsewhere.
"""

from __future__ import annotations

import re

from charter_cli.assemble import Article, Placement, Recital
from charter_cli.console import Cell, TableView, TextView, View
from charter_cli.coverage import Coverage, Tally
from charter_cli.diagnostics import Severity
from charter_cli.integrity import REFERENCE, references
from charter_cli.library import ClauseEntry, RequirementEntry
from charter_cli.models.catalogue import Level, RequirementKind
from charter_cli.models.clause import JOINT
from charter_cli.pipeline import Analysis


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _short(placement: Placement) -> str:
    if isinstance(placement, Recital):
        return f"Recital {placement.number}"
    return f"Art. {placement.number}"


def check_summary(analysis: Analysis, *, strict: bool) -> str:
    """One line: how many errors and warnings, and how much is covered."""
    errors = analysis.count(Severity.ERROR)
    warnings = analysis.count(Severity.WARNING)
    head = (
        "no findings"
        if not errors and not warnings
        else (
            f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
            + (" (warnings fail under --strict)" if strict and warnings else "")
        )
    )
    return f"{head}; {draft_summary(analysis)}"


def draft_summary(analysis: Analysis) -> str:
    """Articles, recitals and coverage of the draft, in one phrase."""
    library = analysis.library
    files = _plural(library.files_read, "file")
    if analysis.draft is None or analysis.coverage is None:
        return f"{files} read; no draft: charter.toml has errors, so placement and coverage were not checked"
    cov = analysis.coverage
    if not library.manifest_clean:
        return (
            f"{_plural(len(analysis.draft.articles), 'article')}; charter.toml has errors, "
            f"so placement and coverage were not judged; {files} read"
        )
    broken = library.broken_requirements
    uncounted = f" ({broken} more with errors not counted)" if broken else ""
    return (
        f"{_plural(len(analysis.draft.articles), 'article')}, "
        f"{_plural(len(analysis.draft.recitals), 'recital')}; "
        f"{cov.covered} of {_plural(len(cov.items), 'requirement')} covered{uncounted}; "
        f"{files} read"
    )


def _fraction(covered: int, total: int) -> Cell:
    return Cell(f"{covered}/{total}", "green" if covered == total else "red")


def summary_table(coverage: Coverage) -> TableView:
    """Covered / total requirements by kind (rows) and level (columns), with totals."""
    cells = coverage.summary()
    kinds = [k for k in RequirementKind if any(key[1] is k for key in cells)]
    levels = [lv for lv in Level if any(key[0] is lv for key in cells)]
    table = TableView(
        "Coverage by level and kind",
        ("kind", *(level.value for level in levels), "total"),
        right=frozenset(range(1, len(levels) + 2)),
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


def coverage_table(coverage: Coverage) -> TableView:
    """Each requirement and the articles that cover it."""
    table = TableView(
        "Requirements and the articles that cover them",
        ("requirement", "§", "level", "kind", "covered by"),
    )
    for item in coverage.items:
        req = item.entry.requirement
        if item.covered:
            by = Cell(", ".join(f"{_short(p)} ({p.entry.id})" for p in item.placements))
        else:
            by = Cell("not covered", "red")
        table.add(req.id, req.section, req.level.value, req.kind.value, by)
    return table


def clause_table(analysis: Analysis, *, status: str | None, party: str | None) -> TableView:
    """Clauses in draft order, then those placed nowhere."""
    placements = analysis.draft.placements if analysis.draft else {}
    ordered = [p.entry for p in placements.values()]
    ordered += [e for e in analysis.library.clauses.values() if e.id not in placements]
    table = TableView(
        "Clauses",
        ("place", "id", "title", "status", "party", "covers", "module"),
        right=frozenset({5}),
    )
    for entry in ordered:
        clause = entry.clause
        if (status and clause.status.value != status) or (party and clause.proposed_by != party):
            continue
        placement = placements.get(entry.id)
        table.add(
            _short(placement) if placement else Cell("not placed", "yellow"),
            entry.id,
            clause.title,
            clause.status.value,
            clause.proposed_by,
            str(len(clause.covers)),
            entry.module.rel,
        )
    return table


def requirement_table(analysis: Analysis, *, level: str | None, kind: str | None) -> TableView:
    """Requirements in catalogue order with the parts of the draft that cover them."""
    covering = (
        {item.entry.id: item for item in analysis.coverage.items} if analysis.coverage else {}
    )
    table = TableView("Requirements", ("id", "§", "level", "kind", "statement", "covered by"))
    for entry in analysis.library.requirements.values():
        req = entry.requirement
        if (level and req.level.value != level) or (kind and req.kind.value != kind):
            continue
        item = covering.get(entry.id)
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
    table = TableView("Modules", ("module", "title", "clauses", "placed"), right=frozenset({2, 3}))
    for module in analysis.library.modules:
        placed = sum(entry.id in placements for entry in module.clauses)
        table.add(module.rel, module.title or "", str(len(module.clauses)), str(placed))
    return table


def item_view(analysis: Analysis, item: ClauseEntry | RequirementEntry) -> View:
    """Everything about one clause or requirement."""
    if isinstance(item, ClauseEntry):
        return _clause_view(analysis, item)
    return _requirement_view(analysis, item)


def _clause_view(analysis: Analysis, entry: ClauseEntry) -> TextView:
    clause = entry.clause
    placements = analysis.draft.placements if analysis.draft else {}
    placement = placements.get(entry.id)
    if isinstance(placement, Article):
        heading, place = f"Article {placement.number} — {clause.title}", placement.where
    elif isinstance(placement, Recital):
        heading, place = f"Recital {placement.number} — {clause.title}", "Preamble"
    else:
        heading, place = clause.title, "not placed in the draft"
    view = TextView()
    view.add(heading, "bold")
    view.add(f"id: {entry.id}")
    view.add(f"module: {entry.module.rel}:{entry.line() or 1}")
    view.add(f"place: {place}")
    view.add(f"status: {clause.status.value}, {_proposer(clause.proposed_by)}")
    view.add("")
    for line in _with_article_numbers(analysis, clause.text.strip()).split("\n"):
        view.add(line)
    view.add("")
    view.add("covers:", "bold")
    for requirement_id in clause.covers:
        req = analysis.library.requirements.get(requirement_id)
        summary = (
            f"§ {req.requirement.section} — {req.requirement.statement}" if req else "(unknown)"
        )
        view.add(f"  {requirement_id}  {summary}")
    if not clause.covers:
        view.add("  nothing")
    refers = sorted({m.group(1) for m in references(clause.text)})
    referred = [
        other.id
        for other in analysis.library.clauses.values()
        if any(m.group(1) == entry.id for m in references(other.clause.text))
    ]
    view.add(f"refers to: {', '.join(refers) or 'nothing'}")
    view.add(f"referred to by: {', '.join(referred) or 'nothing'}")
    if clause.notes:
        view.add("notes:", "bold")
        for line in clause.notes.strip().split("\n"):
            view.add(line)
    return view


def _with_article_numbers(analysis: Analysis, text: str) -> str:
    placements = analysis.draft.placements if analysis.draft else {}

    def label(match: re.Match[str]) -> str:
        placement = placements.get(match.group(1))
        if isinstance(placement, Article):
            return f"Article {placement.number}"
        return match.group(0)

    return REFERENCE.sub(label, text)


def _requirement_view(analysis: Analysis, entry: RequirementEntry) -> TextView:
    req = entry.requirement
    source = entry.catalogue.source
    cite = source.citation if source else entry.catalogue.doc.rel
    item = next(
        (
            i
            for i in (analysis.coverage.items if analysis.coverage else ())
            if i.entry.id == entry.id
        ),
        None,
    )
    view = TextView()
    view.add(req.id, "bold")
    view.add(f"statement: {req.statement}")
    view.add(f"source: {cite}, § {req.section}")
    view.add(f"catalogue: {entry.catalogue.doc.rel}:{entry.line() or 1}")
    view.add(f"level: {req.level.value}")
    view.add(f"kind: {req.kind.value}")
    view.add(f"quote: “{' '.join(req.quote.split())}”")
    view.add("covered by:", "bold")
    if item and item.covered:
        for p in item.placements:
            label = f"Article {p.number}" if isinstance(p, Article) else f"Recital {p.number}"
            status = p.entry.clause.status.value
            view.add(f"  {label} — {p.entry.clause.title} ({p.entry.id}, {status})")
    else:
        view.add("  no article of the draft", "red")
    if item and item.unplaced:
        names = ", ".join(e.id for e in item.unplaced)
        view.add(f"also covered by clauses not in the draft: {names}")
    return view


def _proposer(party: str) -> str:
    return "proposed jointly" if party == JOINT else f"proposed by {party}"
