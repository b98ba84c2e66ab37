"""The preview page: the draft, the coverage map with the numbers of ``charter coverage``, the
findings; valid HTML whatever state the library is in."""

from __future__ import annotations

import json
from pathlib import Path

import html5lib
import lxml.html
import pytest

from charter_cli.draft.analysis import analyse
from charter_cli.preview.page import error_page, preview_page
from charter_cli.vocabulary import Rendering
from helpers import OBJECTIVES_BAD_COVER, REPO, WriteProject, invoke


def _tree(html: bytes) -> lxml.html.HtmlElement:
    html5lib.HTMLParser(strict=True).parse(html)
    return lxml.html.document_fromstring(html)


@pytest.fixture(scope="module")
def shipped() -> lxml.html.HtmlElement:
    return _tree(preview_page(analyse(REPO), Rendering.COMPILATION).html)


def test_the_maps_cells_hold_the_numbers_of_charter_coverage(
    shipped: lxml.html.HtmlElement,
) -> None:
    result = invoke("-C", str(REPO), "coverage", "--output-format", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    fields = ("total", "covered", "covered_by_agreed_text", "at_risk", "waived", "uncovered")
    shown = [
        {
            "level": cell.get("data-level"),
            "kind": cell.get("data-kind"),
            **{name: int(cell.get(f"data-{name.replace('_', '-')}")) for name in fields},
        }
        for cell in shipped.xpath("//td[@class='cell']")
    ]

    def order(cell: dict[str, object]) -> tuple[str, str]:
        return str(cell["level"]), str(cell["kind"])

    assert sorted(shown, key=order) == sorted(report["cells"], key=order)
    assert len(shown) == 28
    summary = shipped.find_class("map-summary")[0].text_content()
    assert summary == "132 of 132 requirements covered, 131 by agreed text alone, 1 at risk."


def test_each_cell_opens_its_requirements_and_the_articles_covering_them(
    shipped: lxml.html.HtmlElement,
) -> None:
    cell = shipped.xpath("//td[@data-level='state' and @data-kind='principle']/a")[0]
    assert cell.text == "3/4" and cell.get("href") == "#cell-state-principle"
    panel = shipped.get_element_by_id("cell-state-principle")
    requirements = panel.xpath(".//li[@class='requirement']")
    assert len(requirements) == 4
    states = [r.get("data-state") for r in requirements]
    assert states.count("covered") == 3 and states.count("at-risk") == 1
    first = requirements[0]
    assert first.get("id") == f"req-{first.find('strong').text}"
    for link in panel.xpath(".//a/@href"):
        shipped.get_element_by_id(link[1:])  # every article it names is on the page


def test_each_article_names_the_requirements_it_implements(shipped: lxml.html.HtmlElement) -> None:
    article = shipped.get_element_by_id("art_27").getparent()
    assert article is not None
    trace = article.find_class("trace")[0]
    links = trace.xpath(".//a[@class='requirement']")
    assert [a.text for a in links] == ["GRA-4.1-drug-precursors"]
    assert links[0].get("href") == "#req-GRA-4.1-drug-precursors"
    shipped.get_element_by_id("req-GRA-4.1-drug-precursors")
    ids = shipped.xpath("//@id")
    assert len(ids) == len(set(ids))
    assert {href[1:] for href in shipped.xpath("//@href") if href.startswith("#")} <= set(ids)


def test_the_findings_are_on_the_page(write_project: WriteProject) -> None:
    root = write_project({"clauses/provisions/objectives.toml": OBJECTIVES_BAD_COVER})
    tree = _tree(preview_page(analyse(root), Rendering.AGREED).html)
    findings = tree.find_class("findings")[0]
    assert findings.find_class("finding-count")[0].text == "2 errors, 0 warnings, 0 notes"
    codes = [span.text for span in findings.find_class("code")]
    assert "CH204" in codes and "CH301" in codes
    assert (
        tree.xpath("//*[@role='alert']")[0]
        .text_content()
        .startswith("1 error in the library: 'charter build' would stop.")
    )
    assert tree.get_element_by_id("art_1") is not None  # the draft is still shown


def test_a_library_without_a_usable_manifest_gets_its_findings(write_project: WriteProject) -> None:
    root = write_project({"charter.toml": "[charter\n"})
    tree = _tree(preview_page(analyse(root), Rendering.COMPILATION).html)
    assert tree.get_element_by_id("main").text_content().startswith("The draft cannot be assembled")
    assert [span.text for span in tree.find_class("code")] == ["CH003"]  # TOML syntax
    assert not tree.find_class("coverage-map")


def test_the_version_is_a_digest_of_the_page(write_project: WriteProject, tmp_path: Path) -> None:
    root = write_project()
    first = preview_page(analyse(root), Rendering.COMPILATION)
    assert first == preview_page(analyse(root), Rendering.COMPILATION)
    assert f'data-version="{first.version}"'.encode() in first.html
    assert preview_page(analyse(root), Rendering.CLEAN).version != first.version
    problem = error_page("The library cannot be read: <gone>")
    tree = _tree(problem.html)
    assert tree.get_element_by_id("main").text == "The library cannot be read: <gone>"
