"""charter status: one key changes, its comment stays; agreed is refused while anything is open."""

from __future__ import annotations

import pytest

from charter_cli.draft.analysis import analyse
from charter_cli.edit.run import EditRefusedError, run_edit
from charter_cli.edit.status import plan_status
from charter_cli.errors import InvalidInputError, UnknownIdError
from charter_cli.vocabulary import Status
from helpers import WriteProject

OBJECTIVES = """\
#:schema ../../schemas/module.schema.json
[[clause]]
id = "objectives"
title = "Objectives"
status = "proposed"  # tabled by LAC on 3 March
proposed_by = "LAC"
covers = ["MAN-2-objectives"]
text = "The Parties shall pursue the objectives of this Charter."
"""


def test_status_changes_one_value_and_keeps_its_comment(write_project: WriteProject) -> None:
    root = write_project({"clauses/provisions/objectives.toml": OBJECTIVES})
    outcome = run_edit(root, plan_status("objectives", Status.AGREED))
    assert outcome.edit.done == ("Article 1 ('objectives') is now agreed (was proposed)",)
    text = (root / "clauses/provisions/objectives.toml").read_text(encoding="utf-8")
    assert text == OBJECTIVES.replace('status = "proposed"', 'status = "agreed"')


def test_a_new_status_key_goes_after_the_title(write_project: WriteProject) -> None:
    root = write_project()
    run_edit(root, plan_status("objectives", Status.BRACKETED, party="EU"))
    text = (root / "clauses/provisions/objectives.toml").read_text(encoding="utf-8")
    assert (
        'title = "Objectives"\nstatus = "bracketed"\nproposed_by = "EU"\n'
        in text.replace('proposed_by = "joint"\n', "")
        or 'status = "bracketed"\nproposed_by = "EU"' in text
    )
    entry = analyse(root).library.clauses["objectives"]
    assert (entry.clause.status, entry.clause.proposed_by) == (Status.BRACKETED, "EU")


def test_agreed_is_refused_while_brackets_are_open(write_project: WriteProject) -> None:
    root = write_project()
    with pytest.raises(EditRefusedError, match="bracket 'frequency' in paragraph 'establishment'"):
        run_edit(root, plan_status("joint-committee", Status.AGREED))
    with pytest.raises(EditRefusedError, match="paragraph 'establishment' of Article 2"):
        run_edit(root, plan_status("joint-committee#establishment", Status.AGREED))


def test_a_paragraph_gets_its_own_status(write_project: WriteProject) -> None:
    root = write_project()
    outcome = run_edit(root, plan_status("joint-committee#review", Status.PROPOSED, party="LAC"))
    assert outcome.edit.done == (
        "paragraph 'review' of Article 2 ('joint-committee') is now proposed by LAC (was agreed)",
    )
    paragraph = analyse(root).library.clauses["joint-committee"].paragraphs[1]
    assert (paragraph.status, paragraph.proposed_by) == (Status.PROPOSED, "LAC")


def test_already_agreed_and_bad_values(write_project: WriteProject) -> None:
    root = write_project()
    outcome = run_edit(root, plan_status("objectives", Status.AGREED))
    assert outcome.edit.done == ("Article 1 ('objectives') is already agreed; nothing to change",)
    assert not outcome.written
    with pytest.raises(
        InvalidInputError, match=r"unknown party 'UE' \(hint: use one of: EU, LAC, joint\)"
    ):
        run_edit(root, plan_status("objectives", Status.PROPOSED, party="UE"))
    with pytest.raises(UnknownIdError, match=r"has no paragraph 'revew'.*did you mean 'review'"):
        run_edit(root, plan_status("joint-committee#revew", Status.PROPOSED))
    with pytest.raises(EditRefusedError, match="keeps its text in one 'text'"):
        run_edit(root, plan_status("objectives#p1", Status.PROPOSED))
