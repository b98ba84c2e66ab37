"""The outline of the draft: parts, articles, what stands open, counts."""

from __future__ import annotations

import json

from charter_cli.cli.views.outline import outline_json
from charter_cli.draft.analysis import analyse
from charter_cli.draft.outline import outline
from charter_cli.vocabulary import Status
from helpers import WriteProject


def test_outline_of_the_starter_project(write_project: WriteProject) -> None:
    draft = analyse(write_project()).draft
    assert draft is not None
    shape = outline(draft)
    assert (shape.articles, shape.chapters, len(shape.titles)) == (2, 0, 2)
    assert shape.statuses == ((Status.BRACKETED, 1), (Status.AGREED, 1))
    committee = shape.titles[1].lines[0]
    assert (committee.label, committee.id, committee.open_parts, committee.proposed_by) == (
        "Article 2", "joint-committee", 1, "EU",
    )  # fmt: skip
    data = json.loads(outline_json(shape))
    assert data["statuses"] == {"bracketed": 1, "agreed": 1}
    assert data["titles"][1]["lines"][0]["id"] == "joint-committee"
