"""One clause or requirement in full, for ``charter show``."""

from __future__ import annotations

from charter_cli.cli.console import TextView, View
from charter_cli.draft.analysis import Analysis
from charter_cli.draft.model import Article, Recital
from charter_cli.load.entries import ClauseEntry, RequirementEntry
from charter_cli.syntax import references
from charter_cli.vocabulary import JOINT, Rendering


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
        heading, place = f"{placement.label} — {clause.title}", placement.where
    elif isinstance(placement, Recital):
        heading, place = f"Recital {placement.number} — {clause.title}", "Preamble"
    else:
        heading, place = clause.title, "not placed in the draft"
    standing = entry.standing
    status = standing.status.value
    if standing.derived and standing.open_parts:
        status += f" ({standing.open_parts} open part{'s' if standing.open_parts > 1 else ''})"
    view = TextView()
    view.add(heading, "bold")
    view.add(f"id: {entry.id}")
    view.add(f"module: {entry.module.rel}:{entry.line() or 1}")
    view.add(f"place: {place}")
    view.add(f"status: {status}, {_proposer(clause.proposed_by)}")
    view.add("")
    for line in _text(analysis, entry, placement).split("\n"):
        view.add(line)
    view.add("")
    view.add("covers:", "bold")
    covers = list(entry.covers)
    for cover in covers:
        req = analysis.library.requirements.get(cover.requirement)
        summary = (
            f"§ {req.requirement.section} — {req.requirement.statement}" if req else "(unknown)"
        )
        where = f" (paragraph {cover.paragraph})" if cover.paragraph else ""
        view.add(f"  {cover.requirement}{where}  {summary}")
    if not covers:
        view.add("  nothing")
    view.add(f"refers to: {', '.join(_refers_to(analysis, entry)) or 'nothing'}")
    view.add(f"referred to by: {', '.join(_referred_by(analysis, entry)) or 'nothing'}")
    if clause.notes:
        view.add("notes:", "bold")
        for line in clause.notes.strip().split("\n"):
            view.add(line)
    return view


def _text(analysis: Analysis, entry: ClauseEntry, placement: Article | Recital | None) -> str:
    """The clause as the compilation text shows it, with plain "Article N" references."""
    from charter_cli.render.article import article_view
    from charter_cli.render.layout import Setting
    from charter_cli.render.plain import plain_article

    draft = analysis.draft
    if draft is None:
        return "\n\n".join(unit.text.strip() for unit in entry.units)
    shown = frozenset(draft.placements)
    setting = Setting(draft, analysis.library, Rendering.COMPILATION, False, shown, links=False)
    return plain_article(article_view(setting, placement or Article(0, entry, "not placed")))


def _name(analysis: Analysis, clause_id: str) -> str:
    placement = analysis.draft.placements.get(clause_id) if analysis.draft else None
    return f"{placement.label} ({clause_id})" if placement is not None else clause_id


def _refers_to(analysis: Analysis, entry: ClauseEntry) -> list[str]:
    targets = dict.fromkeys(m.group(1) for u in entry.units for m in references(u.text))
    return [_name(analysis, target) for target in targets]


def _referred_by(analysis: Analysis, entry: ClauseEntry) -> list[str]:
    return [
        _name(analysis, other.id)
        for other in analysis.library.clauses.values()
        if any(m.group(1) == entry.id for u in other.units for m in references(u.text))
    ]


def _requirement_view(analysis: Analysis, entry: RequirementEntry) -> TextView:
    req = entry.requirement
    cite = entry.citation
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
            label = p.label
            status = p.entry.standing.status.value
            view.add(f"  {label} — {p.entry.clause.title} ({p.entry.id}, {status})")
    else:
        view.add("  no article of the draft", "red")
    if item and item.unplaced:
        names = ", ".join(e.id for e in item.unplaced)
        view.add(f"also covered by clauses not in the draft: {names}")
    return view


def _proposer(party: str) -> str:
    return "proposed jointly" if party == JOINT else f"proposed by {party}"
