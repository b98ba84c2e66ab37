"""The units a translation translates: every rendered text, under keys made of stable IDs."""

from __future__ import annotations

from charter_cli.load.loader import load_library
from charter_cli.load.units import original_units, slug
from helpers import WriteProject

RICH = """\
[[clause]]
id = "joint-committee"
title = "Joint committee"
covers = ["MAN-2-joint-committee"]

[[clause.paragraph]]
id = "review"
alternative = [
    { party = "EU", text = "Every three years." },
    { party = "LAC", text = "Every five years." },
    { party = "LAC", text = "Every six years." },
]

[[clause.paragraph]]
id = "tasks"
text = "The Joint Committee shall{scope}:"
bracket.scope = [
  { party = "LAC", text = " at least" },
  { party = "EU", text = "" },
]

[[clause.paragraph.point]]
id = "follow"
text = "follow up the implementation of this Charter;"

[[clause.reservation]]
party = "EU"
kind = "scrutiny"
note = "Subject to the Council's approval."

[[clause.reservation]]
party = "LAC"
paragraph = "tasks"
note = "  Pending consultation.  "

[[clause.reservation]]
party = "EU"
paragraph = "review"
"""


def test_every_kind_of_unit_has_its_key(write_project: WriteProject) -> None:
    root = write_project({"clauses/institutions/committee.toml": RICH})
    manifest = root / "charter.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8")
        + '\n[[title.chapter]]\nheading = "The Joint Committee & its tasks"\n',
        encoding="utf-8",
    )
    units = original_units(load_library(root))
    mine = {key: unit for key, unit in units.items() if unit.clause == "joint-committee"}
    assert list(mine) == [
        "joint-committee/title",
        "joint-committee#review@EU",
        "joint-committee#review@LAC",
        "joint-committee#review@LAC~2",
        "joint-committee#tasks",
        "joint-committee#tasks.follow",
        "joint-committee#tasks{scope}@LAC",  # EU's empty option deletes the words: no unit
        "joint-committee/reservation@EU",
        "joint-committee#tasks/reservation@LAC",
    ]
    assert mine["joint-committee#tasks/reservation@LAC"].text == "Pending consultation."
    assert mine["joint-committee#review@LAC~2"].kind == "alternative"
    chapter = "title:institutions/chapter:the-joint-committee-its-tasks"
    assert units[chapter].text == "The Joint Committee & its tasks"
    assert slug("  ") == "untitled"
