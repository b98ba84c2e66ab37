"""Writing adopted amendments into the library: each kind, refusals, identical and applied ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from charter_cli.edit.apply import plan_apply
from charter_cli.edit.run import EditRefusedError, run_edit
from charter_cli.errors import ExitCode, InvalidInputError
from helpers import WriteProject, invoke

COMMITTEE = "clauses/institutions/committee.toml"
OBJECTIVES = "clauses/provisions/objectives.toml"
HEADER = "#:schema ../schemas/amendment.schema.json\n"


def _tabled(root: Path, body: str) -> Path:
    """Write ``body`` as an amendment file and record its fingerprints, as the secretariat does."""
    path = root / "amendments" / "members.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(HEADER + body, encoding="utf-8")
    result = invoke("-C", str(root), "amendments", "fingerprint")
    assert result.exit_code == ExitCode.OK, result.stderr
    return path


def _read(root: Path, rel: str) -> str:
    return (root / rel).read_text(encoding="utf-8")


REPLACE_REVIEW = """
[[amendment]]
number = 1
tabled_by = [{ member = "Ana Ruiz" }]
target = { clause = "joint-committee", paragraph = "review" }
kind = "replace"
text = "The Joint Committee shall follow up the implementation of this Charter and review it every two years."
outcome = "adopted"
"""


def test_new_wording_replaces_the_old_and_keeps_comments(write_project: WriteProject) -> None:
    root = write_project()
    module = root / COMMITTEE
    module.write_text(
        _read(root, COMMITTEE).replace(
            '[[clause.paragraph]]\nid = "review"',
            '# Reviewed in May.\n[[clause.paragraph]]\nid = "review"  # keep',
        ),
        encoding="utf-8",
    )
    _tabled(root, REPLACE_REVIEW)
    before = _read(root, COMMITTEE)
    outcome = run_edit(root, plan_apply())
    after = _read(root, COMMITTEE)
    assert outcome.written
    assert after == before.replace("every three years", "every two years")
    assert outcome.edit.done[0].startswith("applied amendment 1: new wording of Article 2(2)")
    assert "[-three-] {+two+}" in outcome.edit.done[1]


def test_applying_twice_changes_nothing(write_project: WriteProject) -> None:
    root = write_project()
    _tabled(root, REPLACE_REVIEW)
    run_edit(root, plan_apply())
    again = run_edit(root, plan_apply())
    assert not again.written
    assert again.edit.done == ("Amendment 1 is already in the text; nothing to change",)


def test_a_dry_run_writes_nothing(write_project: WriteProject) -> None:
    root = write_project()
    _tabled(root, REPLACE_REVIEW)
    before = _read(root, COMMITTEE)
    outcome = run_edit(root, plan_apply(), dry_run=True)
    assert COMMITTEE in outcome.edit.files and not outcome.written
    assert _read(root, COMMITTEE) == before


def test_a_stale_amendment_is_refused_and_the_others_written(write_project: WriteProject) -> None:
    root = write_project()
    _tabled(
        root,
        REPLACE_REVIEW
        + """
[[amendment]]
number = 2
tabled_by = [{ member = "Jan Berg" }]
target = { clause = "objectives" }
kind = "replace"
text = "The Parties shall pursue together the objectives of this Charter."
outcome = "adopted"
""",
    )
    module = root / COMMITTEE
    module.write_text(_read(root, COMMITTEE).replace("every three", "every four"), encoding="utf-8")
    outcome = run_edit(root, plan_apply())
    assert len(outcome.edit.refused) == 1
    refusal = outcome.edit.refused[0]
    assert refusal.startswith("amendments/members.toml:")
    assert "CH242" in refusal and "amendment 1 not applied" in refusal
    assert "[-three-] {+four+}" in refusal
    assert "every four years" in _read(root, COMMITTEE)
    assert _read(root, OBJECTIVES).count("objectives of this Charter.") == 1


def test_two_adopted_amendments_to_the_same_words_are_both_refused(
    write_project: WriteProject,
) -> None:
    root = write_project()
    _tabled(
        root,
        REPLACE_REVIEW
        + REPLACE_REVIEW.replace("number = 1", "number = 2").replace("two years", "four years"),
    )
    outcome = run_edit(root, plan_apply())
    assert not outcome.edit.files
    assert [line.split(": ")[1].split()[0] for line in outcome.edit.refused] == ["CH243"] * 2


def test_identical_amendments_are_written_once(write_project: WriteProject) -> None:
    root = write_project()
    _tabled(root, REPLACE_REVIEW + REPLACE_REVIEW.replace("number = 1", "number = 2"))
    outcome = run_edit(root, plan_apply())
    assert outcome.edit.done[0].startswith("applied amendment 1 (with amendment 2, identical)")
    assert "every two years" in _read(root, COMMITTEE)


def test_a_bracket_the_new_wording_drops_goes_with_its_options(
    write_project: WriteProject,
) -> None:
    root = write_project()
    _tabled(
        root,
        """
[[amendment]]
number = 1
tabled_by = [{ party = "LAC" }]
target = { clause = "joint-committee", paragraph = "establishment" }
kind = "replace"
text = "A Joint Committee of the Parties is hereby established. It shall meet at least twice a year."
outcome = "adopted"
""",
    )
    run_edit(root, plan_apply())
    text = _read(root, COMMITTEE)
    assert "bracket.frequency" not in text and 'twice a year."' in text


def test_a_bracket_the_new_wording_keeps_stays(write_project: WriteProject) -> None:
    root = write_project()
    _tabled(
        root,
        """
[[amendment]]
number = 1
tabled_by = [{ party = "EU" }]
target = { clause = "joint-committee", paragraph = "establishment" }
kind = "replace"
text = "A Joint Committee of the Parties is hereby established. It shall meet in public at least {frequency}."
outcome = "adopted"
""",
    )
    run_edit(root, plan_apply())
    text = _read(root, COMMITTEE)
    assert "bracket.frequency" in text and "in public at least {frequency}" in text


@pytest.mark.parametrize("before", [False, True])
def test_a_paragraph_is_inserted_next_to_its_target(
    write_project: WriteProject, before: bool
) -> None:
    root = write_project()
    place = ", before = true" if before else ""
    _tabled(
        root,
        f"""
[[amendment]]
number = 1
tabled_by = [{{ member = "Ana Ruiz" }}]
target = {{ clause = "joint-committee", paragraph = "review"{place} }}
kind = "insert"
new_id = "reports"
text = "The Joint Committee shall report each year to the Parties."
outcome = "adopted"
""",
    )
    run_edit(root, plan_apply())
    text = _read(root, COMMITTEE)
    reports, review = text.index('id = "reports"'), text.index('id = "review"')
    assert (reports < review) is before
    assert text.count("[[clause.paragraph]]") == 3
    assert "\n\n\n" not in text and text.endswith('years."\n' if before else 'Parties."\n')


def test_an_article_is_inserted_and_placed_by_its_module(write_project: WriteProject) -> None:
    root = write_project()
    _tabled(
        root,
        """
[[amendment]]
number = 1
tabled_by = [{ member = "Ana Ruiz" }]
target = { clause = "joint-committee" }
kind = "insert"
new_id = "secretariat"
title = "Secretariat"
text = "The Joint Committee shall be assisted by a secretariat."
outcome = "adopted"
""",
    )
    outcome = run_edit(root, plan_apply())
    assert "inserted 'secretariat' after Article 2" in outcome.edit.done[0]
    assert outcome.after.draft is not None
    assert outcome.after.draft.placements["secretariat"].label == "Article 3"
    assert 'notes = "Inserted by Amendment 1."' in _read(root, COMMITTEE)


def test_a_paragraph_is_deleted(write_project: WriteProject) -> None:
    root = write_project()
    _tabled(
        root,
        """
[[amendment]]
number = 1
tabled_by = [{ member = "Jan Berg" }]
target = { clause = "joint-committee", paragraph = "review" }
kind = "delete"
outcome = "adopted"
""",
    )
    run_edit(root, plan_apply())
    text = _read(root, COMMITTEE)
    assert 'id = "review"' not in text and text.count("[[clause.paragraph]]") == 1
    assert text.endswith("]\n")


def test_the_text_of_a_one_paragraph_article_is_replaced(write_project: WriteProject) -> None:
    root = write_project()
    _tabled(
        root,
        """
[[amendment]]
number = 1
tabled_by = [{ member = "Jan Berg" }]
target = { clause = "objectives" }
kind = "replace"
text = "The Parties shall pursue together the objectives of this Charter, as [[joint-committee]] reports them."
outcome = "adopted"
""",
    )
    run_edit(root, plan_apply())
    assert 'text = "The Parties shall pursue together the objectives of this Charter, as' in _read(
        root, OBJECTIVES
    )


def test_only_adopted_amendments_named_by_number(write_project: WriteProject) -> None:
    root = write_project()
    _tabled(
        root,
        REPLACE_REVIEW
        + REPLACE_REVIEW.replace("number = 1", "number = 2").replace(
            'outcome = "adopted"', 'outcome = "rejected"'
        ),
    )
    with pytest.raises(InvalidInputError, match="no amendment has the number '7'"):
        run_edit(root, plan_apply(["7"]))
    with pytest.raises(EditRefusedError, match="Amendment 2 is rejected, not adopted"):
        run_edit(root, plan_apply(["2"]))
    assert run_edit(root, plan_apply(["1"])).written


def test_nothing_adopted(write_project: WriteProject) -> None:
    root = write_project()
    outcome = run_edit(root, plan_apply())
    assert outcome.edit.done == ("no adopted amendment to apply",) and not outcome.written
