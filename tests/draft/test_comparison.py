"""Comparing two versions clause by clause: matched by ID, renumbering never a change of words."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from charter_cli.draft.comparison import Comparison, Part, Placing, compare, snapshot
from charter_cli.draft.coverage import CoverState
from charter_cli.errors import InvalidInputError
from charter_cli.load.wording import after, before
from charter_cli.scaffold.templates import project_files
from helpers import TASKS, WriteProject, edit_project, examples

OBJECTIVES = project_files("Test Charter")["clauses/provisions/objectives.toml"]


def _compare(
    write_project: WriteProject,
    tmp_path: Path,
    old: dict[str, str | None],
    new: dict[str, str | None],
) -> Comparison:
    a = write_project(old, root=tmp_path / "a")
    b = write_project(old, root=tmp_path / "b")
    edit_project(b, new)
    return compare(snapshot(a, "old"), snapshot(b, "new"))


def test_points_and_paragraphs_added_removed_and_moved(
    write_project: WriteProject, tmp_path: Path
) -> None:
    changed = (
        TASKS.replace('id = "a"\ntext = "meet;"', 'id = "c"\ntext = "advise;"')
        .replace('[[clause.paragraph]]\nid = "other"\ntext = "It may invite observers."\n', "")
        .replace(
            '[[clause.paragraph]]\nid = "list"',
            '[[clause.paragraph]]\nid = "first"\ntext = "It is established."\n\n[[clause.paragraph]]\nid = "list"',
        )
    )
    comparison = _compare(
        write_project,
        tmp_path,
        {"clauses/institutions/tasks.toml": TASKS},
        {"clauses/institutions/tasks.toml": changed},
    )
    (diff,) = comparison.clauses
    assert diff.placing is Placing.KEPT and diff.changed and diff.amended
    shown = [
        (t.part, t.change, t.paragraph, t.point, t.old_citation, t.new_citation) for t in diff.texts
    ]
    assert shown == [
        (Part.PARAGRAPH, Placing.ADDED, "first", None, None, "Article 3(1)"),
        (Part.POINT, Placing.ADDED, "list", "c", None, "Article 3(2)(a)"),
        (Part.POINT, Placing.REMOVED, "list", "a", "Article 3(1)(a)", None),
        (Part.PARAGRAPH, Placing.REMOVED, "other", None, "Article 3(2)", None),
    ]
    assert after(diff.texts[0].edits) == ["It", "is", "established."]
    assert before(diff.texts[3].edits) == ["It", "may", "invite", "observers."]


def test_paragraphs_and_points_moved_within_the_article(
    write_project: WriteProject, tmp_path: Path
) -> None:
    swapped = (
        TASKS.replace('id = "a"\ntext = "meet;"', 'id = "x"')
        .replace('id = "b"\ntext = "report."', 'id = "a"\ntext = "meet;"')
        .replace('id = "x"', 'id = "b"\ntext = "report."')
    )
    reordered = swapped.split('[[clause.paragraph]]\nid = "other"')[0]
    reordered = reordered.replace(
        '[[clause.paragraph]]\nid = "list"',
        '[[clause.paragraph]]\nid = "other"\ntext = "It may invite observers."\n\n[[clause.paragraph]]\nid = "list"',
    )
    comparison = _compare(
        write_project,
        tmp_path,
        {"clauses/institutions/tasks.toml": TASKS},
        {"clauses/institutions/tasks.toml": reordered},
    )
    (diff,) = comparison.clauses
    moved = {(t.part, t.paragraph, t.point) for t in diff.texts if t.change is Placing.MOVED}
    assert (Part.POINT, "list", "b") in moved or (Part.POINT, "list", "a") in moved
    assert (Part.PARAGRAPH, "other", None) in moved or (Part.PARAGRAPH, "list", None) in moved
    assert not any(t.worded for t in diff.texts)


def test_a_recital_that_becomes_an_article_has_moved(
    write_project: WriteProject, tmp_path: Path
) -> None:
    comparison = _compare(
        write_project,
        tmp_path,
        {},
        {
            "clauses/preamble/recitals.toml": None,
            "clauses/provisions/objectives.toml": OBJECTIVES
            + """
[[clause]]
id = "recital-purpose"
title = "Common purpose"
status = "agreed"
text = "The Parties are resolved to give their cooperation a lasting framework."
""",
        },
    )
    diff = next(d for d in comparison.clauses if d.id == "recital-purpose")
    assert diff.placing is Placing.MOVED
    assert diff.old is not None and diff.old.label == "Recital 1"
    assert diff.new is not None and diff.new.label == "Article 2"
    assert [t.part for t in diff.texts] == [Part.PARAGRAPH]


def test_removed_and_retitled(write_project: WriteProject, tmp_path: Path) -> None:
    comparison = _compare(
        write_project,
        tmp_path,
        {"clauses/institutions/tasks.toml": TASKS},
        {
            "clauses/institutions/tasks.toml": None,
            "clauses/provisions/objectives.toml": write_project(root=tmp_path / "c")
            .joinpath("clauses/provisions/objectives.toml")
            .read_text(encoding="utf-8")
            .replace('title = "Objectives"', 'title = "Common objectives"'),
        },
    )
    by_id = {d.id: d for d in comparison.clauses}
    assert by_id["tasks"].placing is Placing.REMOVED and by_id["tasks"].title == "Tasks"
    title = by_id["objectives"].texts[0]
    assert title.part is Part.TITLE and after(title.edits) == ["Common", "objectives"]
    assert comparison.count(Placing.REMOVED) == 1 and comparison.amended == 1


def test_requirements_that_appear_or_go(write_project: WriteProject, tmp_path: Path) -> None:
    base = write_project(root=tmp_path / "base")
    catalogue = (base / "sources" / "mandate.toml").read_text(encoding="utf-8")
    extra = (
        catalogue
        + """
[[requirement]]
id = "MAN-2-extra"
section = "2"
level = "cross-cutting"
kind = "objective"
statement = "Something more."
quote = "joint committee"
"""
    )
    comparison = _compare(write_project, tmp_path, {}, {"sources/mandate.toml": extra})
    assert [(c.requirement, c.old, c.new) for c in comparison.coverage] == [
        ("MAN-2-extra", None, CoverState.UNCOVERED)
    ]
    back = compare(comparison.new, comparison.old)
    assert [(c.requirement, c.old, c.new) for c in back.coverage] == [
        ("MAN-2-extra", CoverState.UNCOVERED, None)
    ]


def test_a_version_that_does_not_load_is_not_compared(write_project: WriteProject) -> None:
    root = write_project({"clauses/provisions/objectives.toml": '[[clause]]\nid = "x"\n'})
    with pytest.raises(
        InvalidInputError,
        match=r"old: the project cannot be loaded, so it is not compared: .*CH102",
    ):
        snapshot(root, "old")
    broken = write_project({"charter.toml": "[charter]\n"}, root=root.parent / "b")
    with pytest.raises(InvalidInputError, match="cannot be loaded"):
        snapshot(broken, "old")


@settings(max_examples=examples(60), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["alpha", "beta", "gamma"]), min_size=1, max_size=4, unique=True))
def test_inserting_articles_anywhere_renumbers_and_never_changes_words(
    write_project: WriteProject, tmp_path_factory: pytest.TempPathFactory, inserted: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("versions")
    articles = "".join(
        f'\n[[clause]]\nid = "{name}"\ntitle = "{name.title()}"\nstatus = "agreed"\n'
        f'text = "The Parties shall do {name}, as [[joint-committee]] provides."\n'
        for name in inserted
    )
    head, clause, rest = OBJECTIVES.partition("[[clause]]")
    comparison = _compare(
        write_project,
        folder,
        {},
        {"clauses/provisions/objectives.toml": head + articles.lstrip("\n") + "\n" + clause + rest},
    )
    assert comparison.count(Placing.ADDED) == len(inserted)
    others = [d for d in comparison.clauses if d.placing is not Placing.ADDED]
    assert others and all(d.placing is Placing.RENUMBERED and not d.amended for d in others)
