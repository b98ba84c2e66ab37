"""The comparison document and its JSON for what the git test does not show: removals, titles, recitals."""

from __future__ import annotations

import json
from pathlib import Path

from charter_cli.draft.comparison import compare, snapshot
from charter_cli.render.comparison import render_comparison
from charter_cli.render.comparison_json import render_comparison_json
from charter_cli.render.wordmarks import cited
from helpers import WriteProject, edit_project

DUTIES = """
[[clause]]
id = "duties"
title = "Duties"
status = "agreed"

[[clause.paragraph]]
id = "one"
text = "The Committee shall meet."

[[clause.paragraph]]
id = "two"
text = "It shall report."

[[clause.paragraph]]
id = "three"
text = "It may invite observers."
"""


def test_removed_articles_and_paragraphs_moved_ones_and_titles(
    write_project: WriteProject, tmp_path: Path
) -> None:
    old = write_project({"clauses/institutions/duties.toml": DUTIES}, root=tmp_path / "old")
    new = write_project({"clauses/institutions/duties.toml": DUTIES}, root=tmp_path / "new")
    moved = DUTIES.replace('title = "Duties"', 'title = "Duties of the Committee"')
    moved = moved.replace(
        '[[clause.paragraph]]\nid = "three"\ntext = "It may invite observers."\n', ""
    ).replace(
        '[[clause.paragraph]]\nid = "one"',
        '[[clause.paragraph]]\nid = "two"\ntext = "It shall report yearly."\n\n[[clause.paragraph]]\nid = "one"',
    )
    moved = moved.replace('[[clause.paragraph]]\nid = "two"\ntext = "It shall report."\n', "", 1)
    edit_project(
        new, {"clauses/institutions/duties.toml": moved, "clauses/preamble/recitals.toml": None}
    )
    comparison = compare(snapshot(old, "old"), snapshot(new, "new"))
    markdown = render_comparison(comparison)
    assert (
        "## Removed\n\n### Recital 1 — Common purpose\n\n- Removed from the preamble." in markdown
    )
    assert "~~Resolved to give their cooperation a common and lasting framework,~~" in markdown
    assert "**Title**: Duties **of the Committee**" in markdown
    assert (
        "**Article 3(1) (moved; Article 3(2) before)**: It shall report **yearly.**" not in markdown
    )
    assert (
        "**Article 3(1) (moved; Article 3(2) before)**: It shall ~~report.~~ **report yearly.**"
        in markdown
    )
    assert "**Article 3(3) (deleted)**: ~~It may invite observers.~~" in markdown
    report = json.loads(render_comparison_json(comparison))
    recital = next(c for c in report["clauses"] if c["id"] == "recital-purpose")
    assert recital["old"] == {
        "kind": "recital",
        "number": "1",
        "label": "Recital 1",
        "where": "Preamble",
    }
    assert recital["placing"] == "removed" and recital["new"] is None


def test_references_to_what_is_no_article_stay_as_written(write_project: WriteProject) -> None:
    draft = snapshot(write_project(), "x").draft
    assert cited("see [[joint-committee#review]] and [[recital-purpose]]", draft) == (
        "see Article 2(2) and [[recital-purpose]]"
    )
