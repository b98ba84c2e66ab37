import pytest

from charter_cli.draft.analysis import analyse
from charter_cli.draft.lookup import find_item
from charter_cli.errors import UnknownIdError
from helpers import WriteProject


def test_find_by_id_number_and_case(write_project: WriteProject) -> None:
    analysis = analyse(write_project())
    assert find_item(analysis, "objectives").id == "objectives"
    assert find_item(analysis, "MAN-2-objectives").id == "MAN-2-objectives"
    assert find_item(analysis, "Art. 2").id == "joint-committee"
    assert find_item(analysis, "article 2").id == "joint-committee"
    assert find_item(analysis, "man-2-OBJECTIVES").id == "MAN-2-objectives"


def test_unknown_ids(write_project: WriteProject) -> None:
    analysis = analyse(write_project())
    with pytest.raises(UnknownIdError, match="there is no Article 7; the draft has 2 articles"):
        find_item(analysis, "7")
    with pytest.raises(UnknownIdError) as raised:
        find_item(analysis, "nothing-like-it")
    assert raised.value.hint == "run 'charter list' or 'charter list requirements'"


def test_an_unknown_id_suggests_the_ids_it_starts_first() -> None:
    from helpers import REPO

    analysis = analyse(REPO)

    def hint(text: str) -> str | None:
        with pytest.raises(UnknownIdError) as raised:
            find_item(analysis, text)
        return raised.value.hint

    # the prefix, not the merely similar GRA-3-terrorism
    assert hint("GRA-4.2-terror") == "did you mean 'GRA-4.2-terrorism-intelligence'?"
    assert hint("Drugs-") == (
        "the IDs that start with 'Drugs-': drugs-institutional-framework, "
        "drugs-chemical-precursors, drugs-eradication-interdiction"
    )
    many = hint("GRA-4.1-")
    assert many is not None and many.endswith(" and 11 more")
    assert hint("GRA-3-terrorsm") == "did you mean 'GRA-3-terrorism'?"  # no prefix: the closest
