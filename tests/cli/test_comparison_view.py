"""The comparison on the terminal: runs of renumbered articles, recitals, frozen numbers."""

from __future__ import annotations

from pathlib import Path

from charter_cli.cli.console import plain
from charter_cli.cli.views.comparison import comparison_view
from charter_cli.draft.comparison import compare, snapshot
from helpers import WriteProject, edit_project

RECITAL = """
[[clause]]
id = "recital-first"
title = "First"
status = "agreed"
text = "Recalling their common history,"
"""


def test_runs_and_single_renumberings(write_project: WriteProject, tmp_path: Path) -> None:
    old = write_project(root=tmp_path / "old")
    new = write_project(root=tmp_path / "new")
    recitals = new / "clauses" / "preamble" / "recitals.toml"
    head, _, rest = recitals.read_text(encoding="utf-8").partition("[[clause]]")
    edit_project(
        new, {"clauses/preamble/recitals.toml": head + RECITAL.lstrip() + "\n[[clause]]" + rest}
    )
    objectives = new / "clauses" / "provisions" / "objectives.toml"
    head, _, rest = objectives.read_text(encoding="utf-8").partition("[[clause]]")
    edit_project(
        new,
        {
            "clauses/provisions/objectives.toml": head
            + '[[clause]]\nid = "first"\ntitle = "First"\nstatus = "agreed"\ntext = "The Parties shall begin."\n\n[[clause]]'
            + rest
        },
    )
    text = plain(comparison_view(compare(snapshot(old, "old"), snapshot(new, "new"))))
    assert "Article 1 — First (first): added" in text
    assert "Recital 1 — First (recital-first): added" in text
    assert "Renumbered only (3): Recital 1 -> Recital 2, Articles 1-2 -> 2-3\n" in text


def test_frozen_numbers_and_no_differences(write_project: WriteProject, tmp_path: Path) -> None:
    lock = '[article]\nobjectives = "1"\njoint-committee = "2"\n'
    old = write_project(root=tmp_path / "old")
    same = plain(comparison_view(compare(snapshot(old, "old"), snapshot(old, "again"))))
    assert same == "Comparing old with again\nNo differences.\n"
    new = write_project({"numbering.lock.toml": lock}, root=tmp_path / "new")
    objectives = new / "clauses" / "provisions" / "objectives.toml"
    head, _, rest = objectives.read_text(encoding="utf-8").partition("[[clause]]")
    edit_project(
        new,
        {
            "clauses/provisions/objectives.toml": head
            + "[[clause]]"
            + rest
            + '\n[[clause]]\nid = "more"\ntitle = "More"\nstatus = "agreed"\ntext = "The Parties shall do more."\n'
        },
    )
    edit_project(new, {"numbering.lock.toml": lock.replace('"2"', '"3"')})
    text = plain(comparison_view(compare(snapshot(old, "old"), snapshot(new, "new"))))
    assert "Article 1a — More (more): added" in text
    assert "Renumbered only (1): Article 2 -> 3" in text
