"""Wordings, fingerprints and word-level changes: properties that hold for any text."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from charter_cli.load.wording import (
    Change,
    Edit,
    after,
    article_wording,
    before,
    changed,
    expanded,
    fingerprint,
    inline,
    normalise,
    paragraph_wording,
    point_wording,
    whole_paragraph_wording,
    word_diff,
    words,
)
from charter_cli.models.clause import Paragraph

texts = st.lists(
    st.sampled_from(
        ["shall", "may", "the", "Parties", "Charter,", "year.", "(a)", "«no»", "élan", "[[x#p1]]"]
    ),
    max_size=30,
).map(" ".join)
"""Texts of few distinct words, so that old and new share runs."""


@given(texts, texts)
def test_the_diff_gives_back_both_texts(old: str, new: str) -> None:
    edits = word_diff(old, new)
    assert before(edits) == words(old)
    assert after(edits) == words(new)
    assert changed(edits) == (words(old) != words(new))


@given(texts, texts)
def test_runs_are_never_empty_and_never_two_equal_in_a_row(old: str, new: str) -> None:
    edits = word_diff(old, new)
    assert all(edit.words for edit in edits)
    kinds = [edit.change for edit in edits]
    assert all(not (a is b is Change.EQUAL) for a, b in pairwise(kinds))


@given(st.text(max_size=200))
def test_white_space_and_composition_do_not_change_a_fingerprint(text: str) -> None:
    spaced = "  \n".join(text.split(" "))
    assert fingerprint(spaced) == fingerprint(text)
    assert fingerprint(text).startswith("sha256:") and len(fingerprint(text)) == 23


def test_what_changes_a_fingerprint() -> None:
    base = fingerprint("The Parties shall cooperate.")
    assert fingerprint("The  Parties\nshall cooperate. ") == base
    assert fingerprint("The Parties shall cooperate") != base
    assert fingerprint("the Parties shall cooperate.") != base
    assert fingerprint("cooperaci\u00f3n") == fingerprint("cooperacio\u0301n")  # NFC
    assert fingerprint("cooperacio\u0301n") != fingerprint("cooperacion")
    assert normalise("e\u0301lan  vital") == "\u00e9lan vital"


def test_brackets_that_touch_are_two_words() -> None:
    assert words("a year][LAC: ,") == ["a", "year]", "[LAC:", ","]


def test_inline_keeps_some_words_of_context() -> None:
    edits = word_diff(
        "one two three four five six seven eight nine ten",
        "one two three four FIVE six seven eight nine ten eleven",
    )
    assert (
        inline(edits, context=2) == "… three four [-five-] {+FIVE+} six seven … nine ten {+eleven+}"
    )
    assert inline(word_diff("a b", "a c")) == "a [-b-] {+c+}"
    assert inline((Edit(Change.EQUAL, ("a", "b", "c")),)) == "a b c"
    assert inline(word_diff("a b c d e f g h i j", "a b c d e f g h i j k")) == "… g h i j {+k+}"


PARAGRAPH = Paragraph.model_validate(
    {
        "id": "tasks",
        "text": "The Committee {verb} meet{where}; it {rate}.",
        "bracket": {
            "verb": [{"party": "EU", "text": "shall"}, {"party": "LAC", "text": "may"}],
            "where": [{"party": "LAC", "text": " in each region"}],
            "rate": [{"party": "EU", "text": "reports"}, {"party": "LAC", "text": ""}],
        },
        "point": [{"id": "a", "text": "follow up {verb} this;"}, {"id": "b", "text": "advise."}],
    }
)


def test_a_wording_writes_out_its_brackets_as_the_compilation_does() -> None:
    assert paragraph_wording(PARAGRAPH) == (
        "The Committee [EU: shall] [LAC: may] meet [LAC: in each region]; it "
        "[EU: reports] [LAC: (delete)]."
    )
    assert point_wording(PARAGRAPH, PARAGRAPH.point[0]) == "follow up [EU: shall] [LAC: may] this;"
    assert whole_paragraph_wording(PARAGRAPH).split("\n")[1:] == [
        "follow up [EU: shall] [LAC: may] this;",
        "advise.",
    ]
    assert expanded("{unknown} and {{braces}}", PARAGRAPH) == "{unknown} and {braces}"
    assert expanded("no brackets", None) == "no brackets"


def test_alternatives_and_whole_articles() -> None:
    alternatives = Paragraph.model_validate(
        {
            "id": "review",
            "alternative": [
                {"party": "EU", "text": "Every three years."},
                {"party": "LAC", "text": "Every five years."},
            ],
        }
    )
    assert paragraph_wording(alternatives) == (
        "[Alternative 1 (EU): Every three years.] [Alternative 2 (LAC): Every five years.]"
    )
    assert article_wording([alternatives, PARAGRAPH]).count("\n") == 3


@pytest.mark.parametrize(("old", "new"), [("", ""), ("a", "a"), ("", "a b"), ("a b", "")])
def test_edges(old: str, new: str) -> None:
    edits = word_diff(old, new)
    assert after(edits) == words(new) and before(edits) == words(old)
    assert word_diff(words(old), words(new)) == edits


def test_inline_keeps_a_short_run_between_changes_whole() -> None:
    edits = word_diff("a b c d e f", "A b c d e F")
    assert inline(edits, context=2) == "[-a-] {+A+} b c d e [-f-] {+F+}"
