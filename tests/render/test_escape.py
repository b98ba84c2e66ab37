"""Library text inside the tool's Markdown reads as typed, whatever it holds: read back by a CommonMark parser."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from charter_cli.load.wording import Change, Edit, word_diff
from charter_cli.render.escape import block, inline
from charter_cli.render.wordmarks import STRUCK, marked
from helpers import examples

PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
MARKUP = "*_`~[]()<>!#|&\\$-+=.:;'\"{}"
"""Every character that means something somewhere in Markdown, and some that do not."""
text = st.text(alphabet=st.sampled_from(f"ab c1{MARKUP}éñ"), min_size=1, max_size=40).filter(
    lambda t: t.strip() != ""
)


def _rendered(markdown: str) -> str:
    """The text a reader sees: the HTML of one paragraph, tags removed, entities decoded."""
    out = PARSER.render(markdown).strip()
    assert out.startswith("<p>") and out.endswith("</p>"), out
    return html.unescape(out[3:-4])


@settings(max_examples=examples(1000))
@given(text)
def test_inline_text_reads_as_typed(value: str) -> None:
    assert _rendered(f"x {inline(value)} y") == f"x {' '.join(value.split())} y"


@settings(max_examples=examples(1000))
@given(text)
def test_a_paragraph_of_library_text_reads_as_typed(value: str) -> None:
    assert _rendered(block(value)) == " ".join(value.split())


@pytest.mark.parametrize(
    "value", ["# heading", "1. item", "12) item", "- item", "+ item", "= rule", "---"]
)
def test_nothing_at_the_start_opens_a_block(value: str) -> None:
    assert _rendered(block(value)) == value


def test_control_and_bidirectional_characters_are_shown_escaped() -> None:
    assert _rendered(inline("a\u202eb\x1bc")) == "a\\u202eb\\x1bc"


word = st.text(alphabet=st.sampled_from(f"ab1{MARKUP}"), min_size=1, max_size=6).filter(
    lambda w: not w.isspace() and w == w.strip() and " " not in w
)


@settings(max_examples=examples(1000))
@given(st.lists(word, max_size=8), st.lists(word, max_size=8))
def test_struck_and_bold_words_are_the_deleted_and_inserted_ones(
    old: list[str], new: list[str]
) -> None:
    edits = word_diff(old, new)
    markdown = marked(edits, STRUCK, lambda _change, words: words)
    if not markdown:
        return
    out = PARSER.render(f"x {markdown}").strip()
    deleted = [html.unescape(m) for m in re.findall(r"<s>(.*?)</s>", out)]
    inserted = [html.unescape(m) for m in re.findall(r"<strong>(.*?)</strong>", out)]
    assert deleted == [" ".join(e.words) for e in edits if e.change is Change.DELETE]
    assert inserted == [" ".join(e.words) for e in edits if e.change is Change.INSERT]
    plain = html.unescape(re.sub(r"</?(?:s|strong|p)>", "", out))
    assert plain == "x " + " ".join(" ".join(e.words) for e in edits)


def test_marks_leave_out_what_a_column_does_not_show() -> None:
    edits = (Edit(Change.EQUAL, ("a",)), Edit(Change.DELETE, ("b",)), Edit(Change.INSERT, ("c",)))
    left = {Change.EQUAL: ("", ""), Change.DELETE: ("***", "***")}
    assert marked(edits, left, lambda _c, w: w) == "a ***b***"


@settings(max_examples=examples(1000))
@given(st.lists(word, max_size=8), st.lists(word, max_size=8))
def test_bold_italic_columns_mark_exactly_the_changed_words(old: list[str], new: list[str]) -> None:
    from charter_cli.render.amendments import LEFT, RIGHT

    edits = word_diff(old, new)
    for marks, change in ((LEFT, Change.DELETE), (RIGHT, Change.INSERT)):
        markdown = marked(edits, marks, lambda _change, words: words)
        if not markdown:
            continue
        out = PARSER.render(f"x {markdown}").strip()
        found = re.findall(r"<em><strong>(.*?)</strong></em>", out)
        assert [html.unescape(m) for m in found] == [
            " ".join(e.words) for e in edits if e.change is change
        ]
