"""The comparison of two versions on the terminal: words deleted in red, inserted in green.

Without colour (a file, a pipe) the changes read as ``git diff --word-diff``
writes them: ``[-deleted-]{+inserted+}``.
"""

from __future__ import annotations

from charter_cli.cli.console import Cell, Spans, TextView
from charter_cli.draft.comparison import ClauseDiff, Comparison, Placing, TextChange
from charter_cli.draft.coverage import CoverState
from charter_cli.draft.model import Article
from charter_cli.load.wording import Change
from charter_cli.render.comparison import label, notes
from charter_cli.render.wordmarks import cited

_STYLES = {
    Placing.ADDED: "green",
    Placing.REMOVED: "red",
    Placing.MOVED: "yellow",
}
_STATES = {
    CoverState.COVERED: "covered",
    CoverState.AT_RISK: "at risk",
    CoverState.WAIVED: "waived",
    CoverState.UNCOVERED: "not covered",
    None: "not in the sources",
}


def comparison_view(comparison: Comparison) -> TextView:
    """Every clause that changed, its notes and its words; the renumbered ones; coverage."""
    view = TextView()
    view.add(f"Comparing {comparison.old.label} with {comparison.new.label}", "bold")
    for diff in comparison.clauses:
        if diff.amended or diff.placing is not Placing.RENUMBERED:
            _clause(view, comparison, diff)
    renumbered = [
        d for d in comparison.clauses if d.placing is Placing.RENUMBERED and not d.amended
    ]
    if renumbered:
        view.add(f"Renumbered only ({len(renumbered)}): {', '.join(_ranges(renumbered))}", "dim")
    for change in comparison.coverage:
        style = "red" if change.new in (CoverState.UNCOVERED, CoverState.AT_RISK) else "green"
        view.add(f"{change.requirement}: {_STATES[change.old]} -> {_STATES[change.new]}", style)
    if not comparison.differs:
        view.add("No differences.")
    return view


def _clause(view: TextView, comparison: Comparison, diff: ClauseDiff) -> None:
    placement = diff.new or diff.old
    assert placement is not None  # noqa: S101 - a diff is of a clause in one version at least
    what = diff.placing.value if diff.placing in _STYLES else "changed"
    before = ""
    if diff.old is not None and diff.new is not None and diff.old.label != diff.new.label:
        before = f", {diff.old.label} before"
    heading = f"{placement.label} — {diff.title} ({diff.id}{before}): {what}"
    view.add(heading, _STYLES.get(diff.placing, "bold"))
    for note in notes(comparison, diff, str):
        view.add(f"  {note}")
    for change in diff.texts:
        view.add_spans(_words(comparison, change))


def _words(comparison: Comparison, change: TextChange) -> Spans:
    spans = [Cell(f"  {label(change)}:")]
    for edit in change.edits:
        draft = comparison.old.draft if edit.change is Change.DELETE else comparison.new.draft
        text = cited(" ".join(edit.words), draft)
        spans.append(Cell(" "))
        if edit.change is Change.DELETE:
            spans.append(Cell(text, "red strike", f"[-{text}-]"))
        elif edit.change is Change.INSERT:
            spans.append(Cell(text, "green bold", f"{{+{text}+}}"))
        else:
            spans.append(Cell(text))
    return tuple(spans)


def _ranges(diffs: list[ClauseDiff]) -> list[str]:
    """``Article 12 -> 13`` for each, runs of articles shifted alike as ``Articles 12-97 -> 13-98``."""
    runs: list[list[tuple[int, int]]] = []
    shown: list[str] = []
    for diff in diffs:
        old, new = diff.old, diff.new
        if not (isinstance(old, Article) and isinstance(new, Article)):
            if old is not None and new is not None:
                shown.append(f"{old.label} -> {new.label}")
            continue
        if not (old.numeral.isdigit() and new.numeral.isdigit()):
            shown.append(f"{old.label} -> {new.numeral}")
            continue
        pair = (int(old.numeral), int(new.numeral))
        last = runs[-1][-1] if runs else None
        if last is not None and pair == (last[0] + 1, last[1] + 1):
            runs[-1].append(pair)
        else:
            runs.append([pair])
    for run in runs:
        (a, b), (c, d) = run[0], run[-1]
        shown.append(f"Article {a} -> {b}" if len(run) == 1 else f"Articles {a}-{c} -> {b}-{d}")
    return shown
