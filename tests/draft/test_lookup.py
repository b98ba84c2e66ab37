"""What the user names on the command line: articles, titles and chapters."""

from __future__ import annotations

import pytest

from charter_cli.draft.analysis import analyse
from charter_cli.draft.lookup import PartRef, find_item, find_part, find_shown
from charter_cli.errors import UnknownIdError
from helpers import REPO, WriteProject


def test_parts_are_found_by_numeral_number_and_heading() -> None:
    draft = analyse(REPO).draft
    assert draft is not None
    for name in ("II", "Title II", "title 2", "2"):
        assert find_part(draft, name).label == "Title II"
    for name in ("II.3", "2.3", "II/3", "Title II, Chapter 3", "title ii chapter 3"):
        assert find_part(draft, name).label == "Title II, Chapter 3"
    assert find_part(draft, "Objectives and definitions").label == "Title I, Chapter 1"
    with pytest.raises(UnknownIdError, match="'Chapter 1' names 7 parts"):
        find_part(draft, "Chapter 1")
    with pytest.raises(UnknownIdError, match="no title or chapter 'XX'"):
        find_part(draft, "XX")


def test_show_takes_ids_and_numbers_first_then_parts() -> None:
    analysis = analyse(REPO)
    assert not isinstance(find_shown(analysis, "2"), PartRef)  # Article 2
    assert isinstance(find_shown(analysis, "II.1"), PartRef)
    with pytest.raises(UnknownIdError, match="no clause or requirement has the ID 'nothing-here'"):
        find_shown(analysis, "nothing-here")


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
    assert many is not None and many.endswith(" and 10 more")
    assert hint("GRA-3-terrorsm") == "did you mean 'GRA-3-terrorism'?"  # no prefix: the closest
