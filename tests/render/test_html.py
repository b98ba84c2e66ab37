"""The HTML export: one self-contained, valid, accessible page, with a link for every reference.

Its consumers: html5lib (the WHATWG parsing algorithm, in strict mode: any parse error fails),
lxml (the structure), pandoc (reads it; every internal link must land). The browser test is in
``tests/test_browser.py``.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import html5lib
import lxml.html
import pypandoc
import pytest

from charter_cli.draft.analysis import analyse
from charter_cli.render.html import iter_html
from charter_cli.vocabulary import Rendering
from helpers import CASES, REPO, WriteProject, invoke


def _page(root: Path, rendering: Rendering = Rendering.COMPILATION) -> str:
    analysis = analyse(root)
    assert analysis.draft is not None
    return "".join(iter_html(analysis.draft, analysis.library, rendering=rendering))


@pytest.fixture(scope="module")
def shipped() -> dict[Rendering, str]:
    return {rendering: _page(REPO, rendering) for rendering in Rendering}


def test_every_page_is_valid_html(shipped: dict[Rendering, str]) -> None:
    for page in [*shipped.values(), _page(CASES / "negotiation-renderings")]:
        html5lib.HTMLParser(strict=True).parse(page)


def test_the_page_is_self_contained(shipped: dict[Rendering, str]) -> None:
    for page in shipped.values():
        tree = lxml.html.document_fromstring(page)
        assert not tree.xpath("//script | //link | //img | //iframe | //object | //*[@src]")
        assert {href[:1] for href in tree.xpath("//@href")} == {"#"}
        style = "".join(tree.xpath("//style/text()"))
        assert "url(" not in style and "@import" not in style
        assert "@media print" in style


def test_language_landmarks_and_headings(shipped: dict[Rendering, str]) -> None:
    tree = lxml.html.document_fromstring(shipped[Rendering.COMPILATION])
    assert tree.get("lang") == "en"
    assert tree.xpath("//meta/@charset") == ["utf-8"]
    for landmark in ("header", "nav", "main", "footer"):
        assert len(tree.xpath(f"//{landmark}")) == 1, landmark
    assert tree.xpath("//nav/@aria-labelledby") == ["contents"]
    assert [h.text_content() for h in tree.xpath("//h1")] == [
        "Euro-Latin American Charter for Peace and Security"
    ]
    assert (
        tree.get_element_by_id("art_7").text_content()
        == "Article 7 — Civilian public security and acceptable remedies"
    )
    assert (
        tree.get_element_by_id("title_II__chp_3").text_content() == "Chapter 3 — Drug trafficking"
    )
    levels = [int(h.tag[1]) for h in tree.xpath("//main//*[self::h2 or self::h3 or self::h4]")]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels  # none skipped


def test_every_internal_link_lands_and_every_reference_is_a_link(
    shipped: dict[Rendering, str],
) -> None:
    for rendering, page in shipped.items():
        tree = lxml.html.document_fromstring(page)
        ids = tree.xpath("//@id")
        assert len(ids) == len(set(ids)), rendering
        targets = [href[1:] for href in tree.xpath("//@href")]
        assert set(targets) <= set(ids), rendering
        contents = tree.xpath("//nav//a/@href")
        articles = tree.xpath("//main//article/h3/@id | //main//article/h4/@id")
        assert {f"#{a}" for a in articles} <= set(contents)
    compilation = lxml.html.document_fromstring(shipped[Rendering.COMPILATION])
    references = compilation.xpath("//main//div[contains(@class, 'provision')]//a")
    draft = analyse(REPO).draft
    assert draft is not None
    cited: int = sum(
        len(re.findall(r"\[\[", unit.text))
        for placement in draft.placements.values()
        for unit in placement.entry.units
    )
    assert len(references) == cited > 50


def test_brackets_parties_and_reservations_are_marked(write_project: WriteProject) -> None:
    page = _page(CASES / "negotiation-renderings")
    tree = lxml.html.document_fromstring(page)
    options = tree.find_class("option")
    assert [(o.get("data-party"), o.text_content()) for o in options[:2]] == [
        ("EU", "[EU: once a year]"),
        ("LAC", "[LAC: twice a year]"),
    ]
    assert options[0].find_class("label")[0].text_content() == "EU:"
    alternatives = tree.xpath("//div[contains(@class, 'alternative')]")
    assert [a.get("data-party") for a in alternatives] == ["EU", "LAC"]
    assert alternatives[0].text_content().startswith("3. [Alternative 1 (EU): The Joint")
    notes = tree.xpath("//section[@role='doc-endnotes']//li")
    assert [n.get("id") for n in notes] == ["note-article-2-1", "note-article-2-2"]
    assert notes[0].text_content().startswith("Parliamentary scrutiny reservation by Federative")
    marks = tree.xpath("//sup[@class='note-mark']/a")
    assert [(m.text, m.get("href")) for m in marks] == [
        ("1", "#note-article-2-1"),
        ("2", "#note-article-2-2"),
    ]
    open_as_a_whole = tree.xpath("//article[contains(@class, ' open')]/@aria-labelledby")
    assert open_as_a_whole == ["art_3"]  # article 2 has open parts only
    clean = lxml.html.document_fromstring(_page(CASES / "negotiation-renderings", Rendering.CLEAN))
    assert not clean.xpath("//*[@data-party]")
    labels = [label.text_content() for label in clean.find_class("label")]
    assert labels == ["Alternative 1:", "Alternative 2:"]


def test_the_same_library_gives_the_same_bytes(write_project: WriteProject, tmp_path: Path) -> None:
    root = write_project()
    first = invoke("-C", str(root), "build", "--format", "html", "-o", "-")
    second = invoke("-C", str(root), "build", "--format", "html", "-o", "-")
    assert first.exit_code == 0, first.stderr
    assert first.stdout == second.stdout
    assert first.stdout.startswith(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="generator" content="charter">\n'
    )


def _pandoc_ids_and_links(page: str) -> tuple[set[str], list[str]]:
    """Every identifier pandoc keeps, and every internal link it reads, from a page."""
    ast = json.loads(pypandoc.convert_text(page, "json", format="html"))
    ids: set[str] = set()
    links: list[str] = []

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

    walk(ast)
    return ids, links


def test_pandoc_reads_the_page_and_every_link_lands(shipped: dict[Rendering, str]) -> None:
    for rendering, page in shipped.items():
        ids, links = _pandoc_ids_and_links(page)
        assert len(links) > 40, rendering
        assert [link for link in links if link not in ids] == [], rendering
