"""The checks of the negotiation marks inside one clause (``check.negotiation``)."""

from __future__ import annotations

from charter_cli.check.integrity import check_integrity
from charter_cli.load.loader import load_library
from helpers import WriteProject

PLAIN_TWICE_THE_SAME_ID = """\
[[clause]]
id = "objectives"
title = "Objectives"
covers = ["MAN-2-objectives"]

[[clause.paragraph]]
id = "aims"
text = "The Parties shall pursue the objectives of this Charter."

[[clause.paragraph]]
id = "aims"
text = "They shall report on their progress every year."
"""


def _codes(write_project: WriteProject, module: str) -> list[tuple[str, int | None]]:
    library = load_library(write_project({"clauses/provisions/objectives.toml": module}))
    return [(f.code, f.line) for f in check_integrity(library)]


def test_duplicate_ids_of_plain_paragraphs_are_found(write_project: WriteProject) -> None:
    """A clause without any negotiation mark still has its paragraph IDs checked."""
    assert _codes(write_project, PLAIN_TWICE_THE_SAME_ID) == [("CH221", 11)]


def test_a_malformed_reference_is_not_also_a_typed_bracket(write_project: WriteProject) -> None:
    module = PLAIN_TWICE_THE_SAME_ID.replace(
        'id = "aims"\ntext = "They', 'id = "report"\ntext = "They'
    )
    module = module.replace("every year.", "to [[ joint-committee ]] every year.")
    assert _codes(write_project, module) == [("CH231", 12)]


def test_typed_square_brackets_are_a_warning(write_project: WriteProject) -> None:
    module = PLAIN_TWICE_THE_SAME_ID.replace(
        'id = "aims"\ntext = "They', 'id = "report"\ntext = "They'
    )
    module = module.replace("every year.", "every [two] years.")
    assert _codes(write_project, module) == [("CH222", 12)]
