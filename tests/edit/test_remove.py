"""charter remove: refused while the clause is needed, then gone from its module and the manifest."""

from __future__ import annotations

import pytest

from charter_cli.draft.analysis import analyse
from charter_cli.edit.remove import plan_remove
from charter_cli.edit.run import EditRefusedError, run_edit
from charter_cli.errors import InvalidInputError
from helpers import WriteProject

EXTRA = """\
[[clause]]
id = "secretariat"
title = "Secretariat"
covers = ["MAN-2-joint-committee"]
text = "A secretariat shall assist the committee of [[joint-committee]]."
"""


def test_a_referred_clause_is_kept_unless_forced(write_project: WriteProject) -> None:
    root = write_project({"clauses/institutions/secretariat.toml": EXTRA})
    with pytest.raises(
        EditRefusedError,
        match=r"referred to by 2 other clause\(s\): Article 1 \('objectives'\), Article 3 \('secretariat'\)",
    ):
        run_edit(root, plan_remove("joint-committee"))
    outcome = run_edit(root, plan_remove("joint-committee", force=True), force=True)
    assert outcome.edit.done[-1] == (
        "left 2 reference(s) to it: Article 1 ('objectives'), Article 3 ('secretariat')"
    )
    assert sorted({f.code for f in outcome.new_findings}) == ["CH203"]
    assert "joint-committee" not in analyse(root).library.clauses


def test_the_only_cover_of_a_requirement_is_kept_unless_forced(write_project: WriteProject) -> None:
    root = write_project()
    with pytest.raises(EditRefusedError, match="CH301 requirement 'MAN-2-objectives'"):
        run_edit(root, plan_remove("objectives"))
    assert "objectives" in analyse(root).library.clauses


def test_removal_takes_the_id_out_of_the_manifest_too(write_project: WriteProject) -> None:
    root = write_project(
        {"clauses/institutions/secretariat.toml": EXTRA.replace(" of [[joint-committee]]", "")}
    )
    manifest = root / "charter.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            'include = ["clauses/institutions/*.toml"]',
            'include = ["joint-committee", "secretariat"]  # kept',
        ),
        encoding="utf-8",
    )
    outcome = run_edit(root, plan_remove("secretariat"))
    assert outcome.edit.done == (
        "removed Article 3 ('secretariat') from clauses/institutions/secretariat.toml",
        "removed its ID from charter.toml (1 entry(ies))",
    )
    assert 'include = ["joint-committee"]  # kept' in manifest.read_text(encoding="utf-8")
    assert analyse(root).exit_code().value == 0


def test_a_paragraph_is_not_removed_this_way(write_project: WriteProject) -> None:
    with pytest.raises(InvalidInputError, match="takes a whole clause"):
        run_edit(write_project(), plan_remove("joint-committee#review"))
