"""What the user names on the command line: articles, titles and chapters."""

from __future__ import annotations

import pytest

from charter_cli.draft.analysis import analyse
from charter_cli.draft.lookup import PartRef, find_part, find_shown
from charter_cli.errors import UnknownIdError
from helpers import REPO


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
