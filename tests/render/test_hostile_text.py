"""Text from the library is text: whatever a title, a clause text, an option or a note holds,
markdown-it-py reads the Markdown draft as those words, the HTML page shows them as those words,
and mdformat finds the Markdown already in its own form.

The renderers are run on libraries that ``check`` may reject (a title with ``<b>``, a text with a
``<script>`` tag): the checks are one guard, escaping is the other.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import lxml.html
import mdformat
import pytest
import tomli_w
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from charter_cli.draft.analysis import analyse
from charter_cli.render.html import iter_html
from charter_cli.render.markdown import render_markdown
from charter_cli.render.synoptic import iter_synoptic_markdown
from charter_cli.syntax import text_blocks
from charter_cli.vocabulary import Rendering
from helpers import examples, write_project
from markdown_reading import read_blocks

HOSTILE = "ab cdéÑ *_`[]<>&#|\\!()~^$@=+-.:;0123456789/\"'\u00a0"
"""Letters, spaces, the characters Markdown and HTML give a meaning to, and a no-break space."""
ONE_LINE = st.text(HOSTILE, min_size=1, max_size=30).filter(lambda t: t.strip() != "")
NASTY = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<b>bold</b>",
        "*not emphasis*",
        "__not strong__",
        "`not code`",
        "[not a link](http://example.org)",
        "![not an image](x.png)",
        "&amp; &copy; &#65;",
        "# not a heading",
        "1. not a list",
        "- not a list",
        "> not a quote",
        "---",
        "===",
        "[^article-2-1]",
        "a | b",
        "<!-- not a comment -->",
        "\\*",
        "line one\nline two",
    ]
)
WORDS = st.one_of(ONE_LINE, NASTY)
_MARKER = re.compile(r"^\s*(\d{1,3}[.)]|\(?[a-z]\))\s")
"""The paragraph and point markers of the numbered form of charter 0.1 (load.paragraphs)."""


def _collapsed(text: str) -> str:
    """What a Markdown reader shows of one line: runs of spaces (and tabs) as one space."""
    return re.sub(r" {2,}", " ", text.replace("\t", " ")).strip()


def _project(folder: Path, title: str, text: str, option: str, note: str) -> Path:
    """The starter project with the hostile words in a title, a text, an option and a note."""
    root = write_project(folder)
    objectives = {
        "id": "objectives",
        "title": title,
        "status": "agreed",
        "proposed_by": "joint",
        "covers": ["MAN-2-objectives"],
        "text": text,
        "reservation": [{"party": "EU", "kind": "scrutiny", "note": note}],
    }
    committee = {
        "id": "joint-committee",
        "title": "Joint committee",
        "proposed_by": "EU",
        "covers": ["MAN-2-joint-committee"],
        "paragraph": [
            {
                "id": "establishment",
                "text": "The Joint Committee shall meet at least {frequency}.",
                "bracket": {
                    "frequency": [
                        {"party": "EU", "text": option},
                        {"party": "LAC", "text": "twice a year"},
                    ]
                },
            }
        ],
    }
    for rel, clause in (
        ("provisions/objectives.toml", objectives),
        ("institutions/committee.toml", committee),
    ):
        module = tomli_w.dumps({"clause": [clause]})
        (root / "clauses" / rel).write_text(module, encoding="utf-8")
    return root


def _expected_blocks(text: str) -> list[str]:
    """The blocks a reader must find for a clause text: its paragraphs and list items."""
    out = []
    for block in text_blocks(text):
        out += ["\n".join(_collapsed(line) for line in part.split("\n")) for part in block.parts]
    return out


@settings(max_examples=examples(200), deadline=None)
@given(title=WORDS, text=st.lists(WORDS, min_size=1, max_size=3), option=WORDS, note=WORDS)
def test_every_text_reads_as_typed_in_markdown_and_html(
    title: str, text: list[str], option: str, note: str
) -> None:
    body = "\n\n".join(text)
    # a text of several paragraphs whose first starts "1. " or "(a) " is the numbered form of
    # charter 0.1 (CH220): those markers are numbering, not text
    assume(len(text) == 1 or not any(_MARKER.match(part) for part in text))
    with tempfile.TemporaryDirectory() as folder:
        root = _project(Path(folder) / "project", title.replace("\n", " "), body, option, note)
        analysis = analyse(root)
    assert analysis.draft is not None
    title = title.replace("\n", " ")
    for rendering in Rendering:
        markdown = render_markdown(analysis.draft, analysis.library, rendering=rendering)
        assert mdformat.text(markdown, extensions=["frontmatter", "footnote"]) == markdown
        blocks = read_blocks(markdown)
        article = blocks.index("### Article 1")
        assert blocks[article + 1].startswith(f"**{_collapsed(title)}**"), blocks[article + 1]
        expected = _expected_blocks(body)
        assert blocks[article + 2 : article + 2 + len(expected)] == expected
        page = lxml.html.document_fromstring(
            "".join(iter_html(analysis.draft, analysis.library, rendering=rendering))
        )
        assert not page.xpath("//main//script | //main//b | //main//img | //main//code")
        heading = page.get_element_by_id("art_1")
        assert heading.find_class("heading-name")[0].text_content().startswith(title)
        article_1 = heading.getparent()
        assert article_1 is not None
        paragraphs = article_1.xpath(
            './/div[contains(@class, "provision")]//*[self::p or self::li]'
        )
        assert [p.text_content() for p in paragraphs] == [
            "\n".join(line.strip() for line in part.split("\n"))
            for block in text_blocks(body)
            for part in block.parts
        ]
        if rendering is Rendering.COMPILATION:
            option_shown = f"[EU: {_collapsed(' '.join(option.split()))}]"
            assert option_shown in "\n".join(blocks), option_shown
            notes = [b for b in blocks if b.startswith("[^article-1-1]: ")]
            words = _collapsed(" ".join(note.split())).rstrip(".")
            assert notes == [
                f"[^article-1-1]: Scrutiny reservation by European Union (EU): {words}."
            ]


@pytest.mark.parametrize(
    "words", ["*not emphasis*", "[not a link](http://example.org)", "<b>bold</b>", "a | b", "`x`"]
)
def test_synoptic_markdown_shows_every_text_as_typed(words: str, tmp_path: Path) -> None:
    """The two columns' cells and the headings of a synoptic draft are text, not Markdown."""
    root = _project(tmp_path / "project", f"Aims {words}", f"Text {words}.", words, words)
    analysis = analyse(root)
    assert analysis.draft is not None
    draft = analysis.draft
    markdown = "".join(iter_synoptic_markdown(draft, draft, analysis.library))
    page = lxml.html.fragment_fromstring(
        MarkdownIt("commonmark").enable("table").render(markdown.split("---\n", 2)[2]),
        create_parent="div",
    )
    assert not page.xpath("//script | //b | //img | //code | //a")
    assert not page.xpath("//em[not(contains(., 'delete'))]")
    headings = [h.text_content() for h in page.xpath("//h3 | //h4")]
    assert f"Article 1 — Aims {words}" in headings
    cells = [cell.text_content() for cell in page.xpath("//td")]
    assert f"Text {words}." in cells
    assert any(f"[EU: {words}]" in cell for cell in cells)
