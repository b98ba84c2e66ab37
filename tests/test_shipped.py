"""The shipped Charter: its library checks clean under --strict and its draft is pinned."""

from pathlib import Path

from charter_cli.pipeline import analyse
from charter_cli.render import render_markdown
from conftest import REPO, check_golden

GOLDEN = Path(__file__).parent / "golden"


def test_shipped_library_is_clean_and_complete() -> None:
    analysis = analyse(REPO)
    assert [f.format() for f in analysis.findings] == []
    assert analysis.coverage is not None
    assert analysis.coverage.covered == len(analysis.coverage.items) > 0


def test_shipped_draft_is_pinned(update_goldens: bool) -> None:
    analysis = analyse(REPO)
    assert analysis.draft is not None
    draft = render_markdown(analysis.draft, analysis.library, trace=True)
    check_golden(GOLDEN / "charter.md", draft, update=update_goldens)


def test_every_article_is_an_operative_commitment() -> None:
    """Each article binds the Parties (or a body they set up) to do something."""
    analysis = analyse(REPO)
    assert analysis.draft is not None
    for article in analysis.draft.articles:
        text = article.entry.clause.text
        assert " shall " in text or " undertake" in text, article.entry.id


def test_every_bracketed_or_proposed_clause_says_why() -> None:
    analysis = analyse(REPO)
    for entry in analysis.library.clauses.values():
        if entry.clause.status.value != "agreed":
            assert entry.clause.notes, f"{entry.id}: say in notes why it is not agreed"
