"""Escaping for Markdown, judged by its readers: markdown-it-py must read the words as typed,
and mdformat must find the paragraph already in its own form."""

from __future__ import annotations

import re

import mdformat
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from charter_cli.render.mdtext import escape_heading_end, escape_line_start, escape_run
from helpers import examples
from markdown_reading import read_blocks

CHARACTERS = "ab 1.)(*_`[]<>&#|\\!:=-+~^\t\u00a0é;"
lines = st.text(CHARACTERS, min_size=1, max_size=24)
entities = st.sampled_from(["&amp;", "&copy;", "&#65;", "&#x41;", "&nbsp;", "&bogus;", "&"])


def _shown(line: str) -> str:
    """What a reader shows of a line: tabs and runs of spaces as one space, no space around."""
    return re.sub(r" {2,}", " ", line.replace("\t", " ")).strip()


@settings(max_examples=examples(2000), deadline=None)
@given(st.lists(st.one_of(lines, entities), min_size=1, max_size=4))
def test_a_paragraph_reads_as_typed_and_is_in_mdformats_form(typed: list[str]) -> None:
    assume(all(line.strip() for line in typed))
    markdown = "\n".join(escape_line_start(escape_run(line.strip())) for line in typed) + "\n"
    assert read_blocks(markdown) == ["\n".join(_shown(line) for line in typed)], markdown
    assert mdformat.text(markdown) == markdown


@settings(max_examples=examples(1000), deadline=None)
@given(lines)
def test_a_heading_reads_as_typed(typed: str) -> None:
    assume(typed.strip())
    markdown = f"## {escape_heading_end(escape_run(typed.strip()))}\n"
    assert read_blocks(markdown) == [f"## {_shown(typed)}"], markdown
    assert mdformat.text(markdown) == markdown


def test_a_link_after_an_exclamation_mark_stays_a_link() -> None:
    markdown = f"{escape_run('Look!', before_link=True)}[Article 2](#article-2)\n"
    assert read_blocks(markdown) == ["Look![Article 2](#article-2)"]
    assert mdformat.text(markdown) == markdown


def test_plain_words_are_left_alone() -> None:
    words = "The Parties shall cooperate (in good faith): 2 + 2 = 4; a - b."
    assert escape_run(words) is words
    assert escape_line_start(words) == words
