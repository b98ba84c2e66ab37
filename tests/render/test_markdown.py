import json
import re
from pathlib import Path

import mdformat
import pypandoc
import pytest

from charter_cli.draft.analysis import Analysis, analyse
from charter_cli.render.layout import chapter_eid, title_eid
from charter_cli.render.markdown import heading_anchors, render_markdown
from charter_cli.vocabulary import Rendering
from helpers import CASES, REPO, WriteProject


def _render(analysis: Analysis, *, trace: bool = True) -> str:
    assert analysis.draft is not None
    return render_markdown(analysis.draft, analysis.library, trace=trace)


def _draft(write_project: WriteProject, *, trace: bool = True) -> str:
    return _render(analyse(write_project()), trace=trace)


def test_front_matter_title_block_and_contents(write_project: WriteProject) -> None:
    text = _draft(write_project)
    assert re.match(
        '---\ntitle: "Test Charter"\nversion: "0.1.0"\nlanguage: "en"\ntext: "compilation"\n'
        'library-hash: "sha256:[0-9a-f]{64}"\ntrace: true\ngenerator: charter\n---\n\n',
        text,
    )
    assert text.split("---\n\n", 1)[1].startswith(
        "# Test Charter\n\nDraft version 0.1.0 — compilation text\n\n"
        "Parties: European Union (EU); Latin American and Caribbean States (LAC)\n\n"
        "2 articles: 1 agreed, 1 bracketed.\n\n## Contents\n\n- [Preamble](#preamble)\n"
    )
    assert text.endswith("(Mandate, § 2).*\n")
    assert "\n\n\n" not in text


def test_references_become_links_and_trace_is_optional(write_project: WriteProject) -> None:
    text = _draft(write_project)
    assert "established by [Article 2](#article-2)." in text
    assert "*Implements: MAN-2-objectives (Mandate, § 2).*" in text
    clean = _draft(write_project, trace=False)
    assert "Implements" not in clean
    blocks = text.rstrip("\n").split("\n\n")
    expected = "\n\n".join(b for b in blocks if not b.startswith("*Implements")) + "\n"
    assert clean == expected.replace("trace: true", "trace: false", 1)


def test_the_draft_does_not_depend_on_where_the_files_are(
    write_project: WriteProject, tmp_path: Path
) -> None:
    root = write_project()
    elsewhere = tmp_path / "elsewhere" / "copy"
    for path in sorted(root.rglob("*"), reverse=True):  # created in the reverse order
        if path.is_file():
            target = elsewhere / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    assert _render(analyse(elsewhere)) == _render(analyse(root))


def test_identifiers_and_the_anchors_readers_derive(write_project: WriteProject) -> None:
    from charter_cli.draft.model import ChapterPart, TitlePart
    from charter_cli.render.layout import setting_for

    title = TitlePart("IV", 4, "Regional security", (), ())
    assert title_eid(title) == "title_IV"
    assert chapter_eid(title, ChapterPart(2, "2", "x", ())) == "title_IV__chp_2"
    analysis = analyse(write_project())
    assert analysis.draft is not None
    setting = setting_for(analysis.draft, analysis.library, Rendering.COMPILATION, None)
    anchors = heading_anchors(setting)
    assert anchors["preamble"] == "preamble"
    assert anchors["art_2"] == "article-2"


# --- the draft's consumers ------------------------------------------------------------------
# Measured against the readers themselves: mdformat, markdown-it-py (with its anchors plugin,
# whose slugs are its own), pandoc's three Markdown readers and pandoc's DOCX round trip.


@pytest.fixture(scope="module")
def drafts() -> dict[str, str]:
    """The shipped draft and the negotiation case, in every rendering."""
    out = {}
    for name, root in (("shipped", REPO), ("negotiation", CASES / "negotiation-renderings")):
        analysis = analyse(root)
        assert analysis.draft is not None
        for rendering in Rendering:
            out[f"{name} {rendering}"] = render_markdown(
                analysis.draft, analysis.library, rendering=rendering
            )
    return out


def test_mdformat_leaves_every_draft_unchanged(drafts: dict[str, str]) -> None:
    for name, text in drafts.items():
        assert mdformat.text(text, extensions=["frontmatter", "footnote"]) == text, name


def test_markdown_it_finds_no_html_and_every_link_lands(drafts: dict[str, str]) -> None:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.anchors import anchors_plugin
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    for name, text in drafts.items():
        parser = (
            MarkdownIt("commonmark")
            .use(front_matter_plugin)
            .use(footnote_plugin)
            .use(anchors_plugin, max_level=6)  # its own slugs, not charter's
        )
        tokens = parser.parse(text)
        kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
        assert not kinds & {"html_block", "html_inline", "code_inline", "code_block"}, name
        html = parser.renderer.render(tokens, parser.options, {})
        ids = re.findall(r' id="([^"]+)"', html)
        links = re.findall(r' href="#([^"]+)"', html)
        assert len(ids) == len(set(ids))
        assert len(links) > 3, name
        assert [link for link in links if link not in ids] == [], name


def _pandoc_links(document: str | Path, reader: str) -> tuple[list[str], set[str]]:
    """Internal links and identifiers in what pandoc reads (a text, or a file such as a DOCX)."""
    data = (
        pypandoc.convert_file(str(document), "json", format=reader)
        if isinstance(document, Path)
        else pypandoc.convert_text(document, "json", format=reader)
    )
    links: list[str] = []
    ids: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            kind, content = node.get("t"), node.get("c")
            if kind == "Header":
                ids.add(content[1][0])  # type: ignore[index]
            elif kind in {"Div", "Span", "Link"} and content[0][0]:  # type: ignore[index]
                ids.add(content[0][0])  # type: ignore[index]
            if kind == "Link" and content[2][0].startswith("#"):  # type: ignore[index]
                links.append(content[2][0][1:])  # type: ignore[index]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(data))
    return links, ids


@pytest.mark.parametrize("reader", ["markdown", "gfm", "commonmark_x"])
def test_pandoc_lands_every_link(drafts: dict[str, str], reader: str) -> None:
    for name, text in drafts.items():
        links, ids = _pandoc_links(text, reader)
        assert links, name
        assert [link for link in links if link not in ids] == [], (name, reader)


def test_a_word_file_made_by_pandoc_keeps_every_link(
    drafts: dict[str, str], tmp_path: Path
) -> None:
    source = tmp_path / "charter.md"
    source.write_text(drafts["shipped compilation"], encoding="utf-8")
    word = tmp_path / "charter.docx"
    pypandoc.convert_file(str(source), "docx", format="markdown", outputfile=str(word))
    links, ids = _pandoc_links(word, "docx")
    assert len(links) > 200
    assert [link for link in links if link not in ids] == []
