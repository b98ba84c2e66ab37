"""The shipped Charter: its library checks clean under --strict and its draft is pinned."""

import re
from pathlib import Path

import tomli_w

from charter_cli.draft.analysis import analyse
from charter_cli.draft.assemble import assemble
from charter_cli.draft.coverage import compute_coverage, coverage_findings
from charter_cli.draft.model import Article, Draft, Recital
from charter_cli.draft.placement import check_placement
from charter_cli.findings import Severity
from charter_cli.load.paragraphs import covers_of
from charter_cli.models import Manifest
from charter_cli.render.markdown import render_markdown
from charter_cli.vocabulary import Rendering, Status
from helpers import REPO, check_golden, copy_shipped, invoke

GOLDEN = Path(__file__).parent / "shipped" / "expected.md"


def test_shipped_library_is_clean_and_complete() -> None:
    analysis = analyse(REPO)
    assert [f.format() for f in analysis.findings if f.level is not Severity.NOTE] == []
    # CH302: requirements covered by open text; CH250: the count of units not yet translated
    # into a language that is not required
    assert {f.code for f in analysis.findings} <= {"CH302", "CH250"}
    assert analysis.coverage is not None
    assert analysis.coverage.covered == len(analysis.coverage.items) > 0


def test_the_shipped_compilation_shows_contested_words_not_whole_bracketed_articles() -> None:
    analysis = analyse(REPO)
    entries = analysis.library.clauses.values()
    assert not any(e.clause.status is Status.BRACKETED for e in entries)
    assert sum(len(p.bracket) for e in entries for p in e.paragraphs) >= 8
    assert sum(bool(p.alternative) for e in entries for p in e.paragraphs) >= 3
    assert not any(e.clause.text is not None and "\n\n" in e.clause.text for e in entries)


def test_shipped_draft_is_pinned(update_goldens: bool) -> None:
    analysis = analyse(REPO)
    assert analysis.draft is not None
    for rendering in Rendering:
        draft = render_markdown(analysis.draft, analysis.library, rendering=rendering)
        name = "expected.md" if rendering is Rendering.COMPILATION else f"expected-{rendering}.md"
        check_golden(GOLDEN.with_name(name), draft, update=update_goldens)


def test_the_outline_of_the_shipped_charter_is_pinned(update_goldens: bool) -> None:
    result = invoke("-C", str(REPO), "outline")
    assert result.exit_code == 0, result.stderr
    check_golden(GOLDEN.with_name("outline.txt"), result.stdout, update=update_goldens)


def test_every_article_is_an_operative_commitment() -> None:
    """Each article binds the Parties (or a body they set up) to do something."""
    analysis = analyse(REPO)
    assert analysis.draft is not None
    for article in analysis.draft.articles:
        text = " ".join(unit.text for unit in article.entry.units)
        if article.entry.id == "definitions":  # says what the terms mean; binds nobody
            assert text.count(" means ") >= 10
            continue
        assert " shall " in text or " undertake" in text, article.entry.id


def test_every_bracketed_or_proposed_clause_says_why() -> None:
    analysis = analyse(REPO)
    for entry in analysis.library.clauses.values():
        if not entry.standing.settled:
            assert entry.clause.notes, f"{entry.id}: say in notes why it is not agreed"


def _covered_by(draft: Draft) -> dict[str, set[str]]:
    covering: dict[str, set[str]] = {}
    for placement in draft.placements.values():
        for cover in covers_of(placement.entry.clause):
            covering.setdefault(cover.requirement, set()).add(placement.entry.id)
    return covering


def manifest_without(manifest: Manifest, draft: Draft, removed: str) -> Manifest:
    """The manifest with every part listing its clauses by ID, except ``removed``."""

    def ids(placed: tuple[Article, ...] | tuple[Recital, ...]) -> list[str]:
        return [p.entry.id for p in placed if p.entry.id != removed]

    preamble = manifest.preamble
    if preamble is not None and draft.preamble is not None:
        preamble = preamble.model_copy(update={"include": ids(draft.preamble.recitals)})
    titles = [
        title.model_copy(
            update={
                "include": ids(part.articles),
                "chapter": [
                    chapter.model_copy(update={"include": ids(chapter_part.articles)})
                    for chapter, chapter_part in zip(title.chapter, part.chapters, strict=True)
                ],
            }
        )
        for title, part in zip(manifest.title, draft.titles, strict=True)
    ]
    return manifest.model_copy(update={"preamble": preamble, "title": titles})


def test_removing_any_clause_uncovers_exactly_what_only_it_covers() -> None:
    analysis = analyse(REPO)
    library, draft = analysis.library, analysis.draft
    assert draft is not None and library.manifest is not None and library.manifest_doc is not None
    covering = _covered_by(draft)
    for clause_id in draft.placements:
        reduced = manifest_without(library.manifest, draft, clause_id)
        smaller = assemble(library, reduced)
        placement_findings = check_placement(library, smaller, library.manifest_doc)
        assert clause_id not in smaller.placements
        gaps = coverage_findings(compute_coverage(library, smaller), library)
        expected = {req for req, clauses in covering.items() if clauses == {clause_id}}
        assert {f.message.split("'")[1] for f in gaps if f.code == "CH301"} == expected, clause_id
        reference = re.compile(rf"\[\[{re.escape(clause_id)}(?:#[^\]]*)?\]\]")
        referred = any(
            reference.search(unit.text)
            for p in smaller.placements.values()
            for unit in p.entry.units
        )
        expected_codes = {"CH208", "CH209"} if referred else {"CH208"}
        assert {f.code for f in placement_findings} == expected_codes, clause_id


def test_removing_a_clause_makes_the_check_fail(tmp_path: Path) -> None:
    analysis = analyse(REPO)
    library, draft = analysis.library, analysis.draft
    assert draft is not None and library.manifest is not None
    covering = _covered_by(draft)
    clause_id = next(
        c for c in draft.placements if any(ids == {c} for ids in covering.values())
    )  # the first clause that is the only one to cover something
    copy_shipped(tmp_path)
    reduced = manifest_without(library.manifest, draft, clause_id)
    data = reduced.model_dump(mode="json", exclude_none=True)
    (tmp_path / "charter.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    result = invoke("-C", str(tmp_path), "check")
    assert result.exit_code == 1
    uncovered = {line.split("'")[1] for line in result.stdout.splitlines() if " CH301 " in line}
    assert uncovered == {req for req, ids in covering.items() if ids == {clause_id}}
    assert f"CH208 warning: clause '{clause_id}' is in no part of the draft" in result.stdout
