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
