"""charter new title / new chapter: a part added where asked, the manifest otherwise as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from charter_cli.draft.analysis import analyse
from charter_cli.edit.run import run_edit
from charter_cli.edit.structure import plan_new_chapter, plan_new_title
from charter_cli.errors import InvalidInputError
from helpers import WriteProject


def _headings(root: Path) -> list[tuple[str, list[str]]]:
    draft = analyse(root).draft
    assert draft is not None
    return [(t.heading, [c.heading for c in t.chapters]) for t in draft.titles]


def test_titles_and_chapters_go_where_asked(write_project: WriteProject) -> None:
    root = write_project()
    before = (root / "charter.toml").read_text(encoding="utf-8")
    done = run_edit(root, plan_new_title("Final provisions")).edit.done
    assert done == ("added Title III 'Final provisions' to charter.toml",)
    run_edit(root, plan_new_title("Definitions", before="I"))
    run_edit(root, plan_new_chapter("Institutions", "Committee"))
    run_edit(root, plan_new_chapter("Institutions", "Budget", after="III.1"))
    run_edit(root, plan_new_chapter("Institutions", "Seat", before="Committee"))
    assert _headings(root) == [
        ("Definitions", []),
        ("Objectives", []),
        ("Institutions", ["Seat", "Committee", "Budget"]),
        ("Final provisions", []),
    ]
    after = (root / "charter.toml").read_text(encoding="utf-8")
    for line in before.splitlines():
        assert line in after  # every line of the manifest, comments included, is still there
    assert analyse(root).exit_code().value == 0


def test_a_chapter_with_its_module(write_project: WriteProject) -> None:
    root = write_project()
    outcome = run_edit(
        root,
        plan_new_chapter("II", "Secretariat", module="clauses/institutions/staff/secretariat.toml"),
    )
    assert outcome.edit.done == (
        "added chapter 1 of Title II 'Secretariat' to charter.toml",
        "created clauses/institutions/staff/secretariat.toml",
    )
    module = (root / "clauses/institutions/staff/secretariat.toml").read_text(encoding="utf-8")
    assert (
        module == '#:schema ../../../schemas/module.schema.json\n[module]\ntitle = "Secretariat"\n'
    )
    assert 'include = ["clauses/institutions/staff/secretariat.toml"]' in (
        root / "charter.toml"
    ).read_text(encoding="utf-8")


def test_bad_requests(write_project: WriteProject) -> None:
    root = write_project()
    with pytest.raises(InvalidInputError, match="a heading is one line"):
        plan_new_title("Two\nlines")
    with pytest.raises(InvalidInputError, match=r"a \.toml file under clauses/"):
        run_edit(root, plan_new_chapter("II", "X", module="../outside.toml"))
    run_edit(root, plan_new_chapter("II", "Committee"))
    with pytest.raises(InvalidInputError, match="is Title II, Chapter 1, a chapter"):
        run_edit(root, plan_new_chapter("II.1", "X"))
    with pytest.raises(InvalidInputError, match="'I' is Title I; name a chapter"):
        run_edit(root, plan_new_chapter("II", "X", before="I"))
    with pytest.raises(InvalidInputError, match="is not in Title I"):
        run_edit(root, plan_new_chapter("I", "X", before="II.1"))
