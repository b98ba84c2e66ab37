"""charter move: the clause lands where asked, every other article keeps its order, no byte is lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from charter_cli.draft.analysis import analyse
from charter_cli.edit.move import plan_move
from charter_cli.edit.run import EditRefusedError, run_edit
from charter_cli.errors import InvalidInputError, UnknownIdError
from helpers import WriteProject

SECOND_MODULE = """\
#:schema ../../schemas/module.schema.json
[module]
title = "Secretariat"

# Staff of the committee: kept with its clause wherever it goes.
[[clause]]
id = "secretariat"
title = "Secretariat"
text = "A secretariat shall assist the Joint Committee."

[[clause]]
id = "budget"
title = "Budget"
text = "The Parties shall finance the Joint Committee in equal shares."
"""


def _order(root: Path) -> list[str]:
    draft = analyse(root).draft
    assert draft is not None
    return list(draft.placements)


def _project(write_project: WriteProject) -> Path:
    return write_project({"clauses/institutions/secretariat.toml": SECOND_MODULE})


def test_move_before_another_clause_of_another_module(write_project: WriteProject) -> None:
    root = _project(write_project)
    assert _order(root) == [
        "recital-purpose", "objectives", "joint-committee", "secretariat", "budget",
    ]  # fmt: skip
    outcome = run_edit(root, plan_move("budget", before="joint-committee"))
    assert outcome.written
    assert _order(root) == [
        "recital-purpose", "objectives", "budget", "joint-committee", "secretariat",
    ]  # fmt: skip
    assert outcome.edit.done[0] == (
        "moved Article 4 ('budget') before Article 2 ('joint-committee'): now Article 2"
    )
    committee = (root / "clauses/institutions/committee.toml").read_text(encoding="utf-8")
    assert '[[clause]]\nid = "budget"' in committee


def test_the_comment_above_a_clause_goes_with_it(write_project: WriteProject) -> None:
    root = _project(write_project)
    run_edit(root, plan_move("secretariat", after="budget"))
    text = (root / "clauses/institutions/secretariat.toml").read_text(encoding="utf-8")
    assert text.index('id = "budget"') < text.index("# Staff of the committee")
    assert text.index("# Staff of the committee") < text.index('id = "secretariat"')
    assert _order(root)[-2:] == ["budget", "secretariat"]


def test_move_to_the_end_of_a_title_and_to_an_empty_chapter(write_project: WriteProject) -> None:
    root = _project(write_project)
    run_edit(root, plan_move("secretariat", to="I"))
    assert _order(root)[:4] == ["recital-purpose", "objectives", "secretariat", "joint-committee"]
    manifest = root / "charter.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8")
        + '\n[[title.chapter]]\nheading = "Finance"\ninclude = []\n',
        encoding="utf-8",
    )
    outcome = run_edit(root, plan_move("budget", to="Finance"))
    assert outcome.edit.done[0].startswith(
        "moved Article 4 ('budget') to the end of Title II, Chapter 1 (Finance)"
    )
    draft = analyse(root).draft
    assert draft is not None
    assert draft.placements["budget"].where == "Title II, Chapter 1"  # type: ignore[union-attr]


def test_a_clause_placed_by_its_id_moves_in_the_manifest(write_project: WriteProject) -> None:
    root = _project(write_project)
    manifest = root / "charter.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        text.replace(
            'include = ["clauses/institutions/*.toml"]',
            'include = ["joint-committee", "secretariat", "budget"]  # by ID',
        ),
        encoding="utf-8",
    )
    run_edit(root, plan_move("budget", before="joint-committee"))
    assert 'include = ["budget", "joint-committee", "secretariat"]  # by ID' in manifest.read_text(
        encoding="utf-8"
    )
    assert (root / "clauses/institutions/secretariat.toml").read_text(
        encoding="utf-8"
    ) == SECOND_MODULE


def test_nothing_to_do_and_dry_run_write_nothing(write_project: WriteProject) -> None:
    root = _project(write_project)
    already = run_edit(root, plan_move("budget", after="secretariat"))
    assert not already.written
    assert already.edit.done == (
        "Article 4 ('budget') is already after Article 3 ('secretariat'); nothing to change",
    )
    before = (root / "clauses/institutions/secretariat.toml").read_bytes()
    dry = run_edit(root, plan_move("budget", before="secretariat"), dry_run=True)
    assert not dry.written and dry.edit.files
    assert (root / "clauses/institutions/secretariat.toml").read_bytes() == before


def test_bad_requests_are_one_clear_error(write_project: WriteProject) -> None:
    root = _project(write_project)
    with pytest.raises(InvalidInputError, match="one of --before ID, --after ID or --to PART"):
        plan_move("budget")
    with pytest.raises(UnknownIdError, match="did you mean 'budget'"):
        run_edit(root, plan_move("budgt", before="objectives"))
    with pytest.raises(InvalidInputError, match="before or after another clause"):
        run_edit(root, plan_move("budget", before="budget"))
    with pytest.raises(UnknownIdError, match="no title or chapter 'IX'"):
        run_edit(root, plan_move("budget", to="IX"))
    with pytest.raises(InvalidInputError, match="is a requirement"):
        run_edit(root, plan_move("MAN-2-objectives", before="budget"))


def test_a_move_that_cannot_be_made_by_editing_is_refused(write_project: WriteProject) -> None:
    root = _project(write_project)
    manifest = root / "charter.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        text.replace(
            'include = ["clauses/provisions/objectives.toml"]', 'include = ["objectives"]'
        ).replace(
            "[preamble]",
            "[preamble]\n",
        )
        + '\n[[title]]\nheading = "More"\ninclude = ["clauses/provisions/objectives.toml"]\n',
        encoding="utf-8",
    )
    with pytest.raises(EditRefusedError, match="cannot move 'budget' before"):
        run_edit(root, plan_move("budget", before="objectives"))


def test_move_into_an_empty_chapter_that_includes_an_empty_module(
    write_project: WriteProject,
) -> None:
    root = _project(write_project)
    (root / "clauses/finance.toml").write_text('[module]\ntitle = "Finance"\n', encoding="utf-8")
    manifest = root / "charter.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8")
        + '\n[[title.chapter]]\nheading = "Finance"\ninclude = ["clauses/finance.toml"]\n',
        encoding="utf-8",
    )
    run_edit(root, plan_move("budget", to="II.1"))
    assert 'id = "budget"' in (root / "clauses/finance.toml").read_text(encoding="utf-8")
    assert _order(root)[-1] == "budget"


def test_an_unplaced_clause_is_placed_by_its_id(write_project: WriteProject) -> None:
    root = _project(write_project)
    (root / "clauses/loose.toml").write_text(
        '[[clause]]\nid = "loose"\ntitle = "Loose"\ntext = "The Parties shall meet."\n',
        encoding="utf-8",
    )
    manifest = root / "charter.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8") + '\n[[title.chapter]]\nheading = "Meetings"\n',
        encoding="utf-8",
    )
    outcome = run_edit(root, plan_move("loose", to="Meetings"))
    assert (
        outcome.edit.done[0]
        == "moved 'loose' to the end of Title II, Chapter 1 (Meetings): now Article 5"
    )
    assert 'heading = "Meetings"\ninclude = ["loose"]' in manifest.read_text(encoding="utf-8")
