"""One clause or requirement in full, for ``charter show``."""

from __future__ import annotations

import re

from charter_cli.cli.console import TextView, View
from charter_cli.draft.analysis import Analysis
from charter_cli.draft.model import Article, Recital
from charter_cli.load.entries import ClauseEntry, RequirementEntry
from charter_cli.syntax import REFERENCE, references
from charter_cli.vocabulary import JOINT


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
