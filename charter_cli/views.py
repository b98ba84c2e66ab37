"""Terminal views of the core's results: Rich tables and summaries, built but not printed.

User content (titles, texts, quotes) always goes into :class:`rich.text.Text`,
never through Rich markup, so ``[brackets]`` in a clause print as they are.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from charter_cli.assemble import Article, Placement, Recital
from charter_cli.coverage import Coverage, Tally
from charter_cli.diagnostics import Severity
from charter_cli.integrity import REFERENCE, references
from charter_cli.library import ClauseEntry, RequirementEntry
from charter_cli.models.catalogue import Level, RequirementKind
from charter_cli.models.clause import JOINT
from charter_cli.pipeline import Analysis


def _table(title: str) -> Table:
    """A table whose title is printed by :func:`_titled` (Rich pads its own titles to the width)."""
    table = Table()
    table.caption = title
    return table


def _titled(table: Table) -> RenderableType:
    title = str(table.caption or "")
    table.caption = None
    if not table.row_count:
        return Group(Text(title, style="bold"), Text("none"))
    return Group(Text(title, style="bold"), table)


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


def summary_table(coverage: Coverage) -> RenderableType:
    """Covered / total requirements by kind (rows) and level (columns), with totals."""
    cells = coverage.summary()
    kinds = [k for k in RequirementKind if any(key[1] is k for key in cells)]
    levels = [lv for lv in Level if any(key[0] is lv for key in cells)]
    table = _table("Coverage by level and kind")
    table.add_column("kind")
    for level in levels:
        table.add_column(level.value, justify="right")
    table.add_column("total", justify="right")

    def row(name: str, tallies: list[Tally | None]) -> None:
        covered = sum(t.covered for t in tallies if t)
        total = sum(t.total for t in tallies if t)
        shown = (_fraction(t.covered, t.total) if t else Text("") for t in tallies)
        table.add_row(name, *shown, _fraction(covered, total))

    for kind in kinds:
        row(kind.value, [cells.get((level, kind)) for level in levels])
    table.add_section()
    row("total", [_level_total(cells, level) for level in levels])
    return _titled(table)


def _level_total(cells: dict[tuple[Level, RequirementKind], Tally], level: Level) -> Tally:
    tallies = [tally for (lv, _), tally in cells.items() if lv is level]
    return Tally(sum(t.covered for t in tallies), sum(t.total for t in tallies))


def _fraction(covered: int, total: int) -> Text:
    return Text(f"{covered}/{total}", style="green" if covered == total else "red")


def coverage_table(coverage: Coverage) -> RenderableType:
    """Each requirement and the articles that cover it."""
    table = _table("Requirements and the articles that cover them")
    for name in ("requirement", "§", "level", "kind", "covered by"):
        table.add_column(name, overflow="fold")
    for item in coverage.items:
        req = item.entry.requirement
        if item.covered:
            by = Text(", ".join(f"{_short(p)} ({p.entry.id})" for p in item.placements))
        else:
            by = Text("not covered", style="red")
        table.add_row(Text(req.id), Text(req.section), req.level.value, req.kind.value, by)
    return _titled(table)


def clause_table(analysis: Analysis, *, status: str | None, party: str | None) -> RenderableType:
    """Clauses in draft order, then those placed nowhere."""
    placements = analysis.draft.placements if analysis.draft else {}
    ordered = [p.entry for p in placements.values()]
    ordered += [e for e in analysis.library.clauses.values() if e.id not in placements]
    table = _table("Clauses")
    for name in ("place", "id", "title", "status", "party", "covers", "module"):
        table.add_column(name, overflow="fold")
    for entry in ordered:
        clause = entry.clause
        if (status and clause.status.value != status) or (party and clause.proposed_by != party):
            continue
        placement = placements.get(entry.id)
        table.add_row(
            _short(placement) if placement else Text("not placed", style="yellow"),
            Text(entry.id),
            Text(clause.title),
            clause.status.value,
            Text(clause.proposed_by),
            str(len(clause.covers)),
            Text(entry.module.rel),
        )
    return _titled(table)


def requirement_table(analysis: Analysis, *, level: str | None, kind: str | None) -> RenderableType:
    """Requirements in catalogue order with the parts of the draft that cover them."""
    covering = (
        {item.entry.id: item for item in analysis.coverage.items} if analysis.coverage else {}
    )
    table = _table("Requirements")
    for name in ("id", "§", "level", "kind", "statement", "covered by"):
        table.add_column(name, overflow="fold")
    for entry in analysis.library.requirements.values():
        req = entry.requirement
        if (level and req.level.value != level) or (kind and req.kind.value != kind):
            continue
        item = covering.get(entry.id)
        by = ", ".join(_short(p) for p in item.placements) if item and item.covered else ""
        table.add_row(
            Text(req.id),
            Text(req.section),
            req.level.value,
            req.kind.value,
            Text(req.statement),
            by or Text("not covered", style="red"),
        )
    return _titled(table)


def module_table(analysis: Analysis) -> RenderableType:
    """Modules of the library with their clause counts."""
    placements = analysis.draft.placements if analysis.draft else {}
    table = _table("Modules")
    for name in ("module", "title", "clauses", "placed"):
        table.add_column(name)
    for module in analysis.library.modules:
        placed = sum(entry.id in placements for entry in module.clauses)
        table.add_row(
            Text(module.rel),
            Text(module.title or ""),
            str(len(module.clauses)),
            str(placed),
        )
    return _titled(table)


def item_view(analysis: Analysis, item: ClauseEntry | RequirementEntry) -> RenderableType:
    """Everything about one clause or requirement."""
    if isinstance(item, ClauseEntry):
        return _clause_view(analysis, item)
    return _requirement_view(analysis, item)


def _field(name: str, value: str) -> Text:
    text = Text(f"{name}: ", style="bold")
    text.append(value)
    return text


def _clause_view(analysis: Analysis, entry: ClauseEntry) -> RenderableType:
    clause = entry.clause
    placements = analysis.draft.placements if analysis.draft else {}
    placement = placements.get(entry.id)
    if isinstance(placement, Article):
        heading, place = f"Article {placement.number} — {clause.title}", placement.where
    elif isinstance(placement, Recital):
        heading, place = f"Recital {placement.number} — {clause.title}", "Preamble"
    else:
        heading, place = clause.title, "not placed in the draft"
    parts: list[RenderableType] = [
        Text(heading, style="bold"),
        _field("id", entry.id),
        _field("module", f"{entry.module.rel}:{entry.line() or 1}"),
        _field("place", place),
        _field("status", f"{clause.status.value}, {_proposer(clause.proposed_by)}"),
        Text(""),
        Text(_with_article_numbers(analysis, clause.text.strip())),
        Text(""),
    ]
    parts.append(Text("covers:", style="bold"))
    for requirement_id in clause.covers:
        req = analysis.library.requirements.get(requirement_id)
        summary = (
            f"§ {req.requirement.section} — {req.requirement.statement}" if req else "(unknown)"
        )
        parts.append(Text(f"  {requirement_id}  {summary}"))
    if not clause.covers:
        parts.append(Text("  nothing"))
    refers = sorted({m.group(1) for m in references(clause.text)})
    referred = [
        other.id
        for other in analysis.library.clauses.values()
        if any(m.group(1) == entry.id for m in references(other.clause.text))
    ]
    parts.append(_field("refers to", ", ".join(refers) or "nothing"))
    parts.append(_field("referred to by", ", ".join(referred) or "nothing"))
    if clause.notes:
        parts += [Text("notes:", style="bold"), Text(clause.notes.strip())]
    return Group(*parts)


def _with_article_numbers(analysis: Analysis, text: str) -> str:
    placements = analysis.draft.placements if analysis.draft else {}

    def label(match: object) -> str:
        target = match.group(1)  # type: ignore[attr-defined]
        placement = placements.get(target)
        return f"Article {placement.number}" if isinstance(placement, Article) else f"[[{target}]]"

    return REFERENCE.sub(label, text)


def _requirement_view(analysis: Analysis, entry: RequirementEntry) -> RenderableType:
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
    parts: list[RenderableType] = [
        Text(req.id, style="bold"),
        _field("statement", req.statement),
        _field("source", f"{cite}, § {req.section}"),
        _field("catalogue", f"{entry.catalogue.doc.rel}:{entry.line() or 1}"),
        _field("level", req.level.value),
        _field("kind", req.kind.value),
        _field("quote", f"“{' '.join(req.quote.split())}”"),
        Text("covered by:", style="bold"),
    ]
    if item and item.covered:
        for p in item.placements:
            title = p.entry.clause.title
            label = f"Article {p.number}" if isinstance(p, Article) else f"Recital {p.number}"
            parts.append(Text(f"  {label} — {title} ({p.entry.id}, {p.entry.clause.status.value})"))
    else:
        parts.append(Text("  no article of the draft", style="red"))
    if item and item.unplaced:
        names = ", ".join(e.id for e in item.unplaced)
        parts.append(_field("also covered by clauses not in the draft", names))
    return Group(*parts)


def _proposer(party: str) -> str:
    return "proposed jointly" if party == JOINT else f"proposed by {party}"
