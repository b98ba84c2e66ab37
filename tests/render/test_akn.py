"""The Akoma Ntoso export, validated by lxml against the OASIS schema (``tests/schemas``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from charter_cli.draft.analysis import Analysis, analyse
from charter_cli.render.akn import NAMESPACE, render_akn
from charter_cli.render.xmlsafe import xml_safe
from charter_cli.vocabulary import Rendering
from exporting import (
    ARTICLE_HEADINGS,
    HOSTILE,
    HOSTILE_SHOWN,
    HOSTILE_TITLE,
    MULTILINGUAL,
    project,
    valid_akn,
)
from helpers import REPO

A = f"{{{NAMESPACE}}}"
valid = valid_akn


@cache
def shipped() -> Analysis:
    return analyse(REPO)


def render(analysis: Analysis, rendering: Rendering = Rendering.COMPILATION) -> bytes:
    assert analysis.draft is not None
    return render_akn(analysis.draft, analysis.library, rendering=rendering)


@pytest.mark.parametrize("rendering", list(Rendering))
def test_the_shipped_charter_is_valid_akoma_ntoso(rendering: Rendering) -> None:
    data = render(shipped(), rendering)
    document = valid(data)
    assert data == render(shipped(), rendering)  # byte-identical
    draft = shipped().draft
    assert draft is not None
    articles = document.findall(f".//{A}article")
    expected = len(draft.articles) if rendering is not Rendering.AGREED else len(articles)
    assert len(articles) == expected > 50
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<!-- generator: charter;")


@pytest.mark.parametrize("rendering", list(Rendering))
def test_every_reference_and_party_resolves(rendering: Rendering, tmp_path: Path) -> None:
    document = valid(render(project(tmp_path, MULTILINGUAL), rendering))
    ids = {element.get("eId") for element in document.iter() if element.get("eId")}
    hrefs = [ref.get("href") for ref in document.iter(f"{A}ref")]
    assert hrefs and all(href[1:] in ids for href in hrefs if href)
    refers = [e.get("refersTo") for e in document.iter() if e.get("refersTo")]
    parties = {e.get("eId") for e in document.iter(f"{A}TLCOrganization")}
    assert all(r[1:] in parties for r in refers if r)
    assert (rendering is Rendering.COMPILATION) == bool(refers)


def test_structure_eids_and_negotiation(tmp_path: Path) -> None:
    document = valid(render(project(tmp_path, MULTILINGUAL)))
    bill = document.find(f"{A}bill")
    assert bill is not None and bill.get("name") == "charter"
    by_id = {e.get("eId"): e for e in document.iter() if e.get("eId")}
    headings = [
        f"{a.findtext(f'{A}num')} — {a.findtext(f'{A}heading')}"  # the text before any note
        for a in document.iter(f"{A}article")
    ]
    assert tuple(headings) == ARTICLE_HEADINGS
    point = by_id["art_2__para_2__point_a"]
    assert point.tag == f"{A}point" and point.findtext(f"{A}num") == "a)"
    assert by_id["art_2__para_2__list_1"].tag == f"{A}list"
    assert by_id["art_2__para_1"].findtext(f"{A}num") == "(1)"
    assert by_id["title_II__chp_I"].tag == f"{A}chapter"
    options = by_id["art_2__para_1"].findall(f".//{A}inline[@name='option']")
    assert [(o.get("refersTo"), "".join(o.itertext())) for o in options] == [
        ("#eu", "EU: reforçam"),
        ("#lac", "LAC: procuram reforçar"),
    ]
    deletion = by_id["art_2__para_2__point_a"].find(f".//{A}inline[@name='deletion']")
    assert deletion is not None and deletion.get("refersTo") == "#eu"
    second = by_id["art_2__para_3__alinea_2"]
    assert second.get("alternativeTo") == "art_2__para_3__alinea_1"
    assert second.get("refersTo") == "#lac"
    assert by_id["art_2__para_4"].get("refersTo") == "#lac"
    note = by_id["art_2__note_1"]
    assert note.tag == f"{A}authorialNote"
    assert "".join(note.itertext()).startswith("Parliamentary scrutiny reservation by República")
    language = document.find(f".//{A}FRBRExpression/{A}FRBRlanguage")
    assert language is not None and language.get("language") == "por"
    organisations = [e.get("showAs") for e in document.iter(f"{A}TLCOrganization")]
    assert "República Federativa do Brasil" in organisations


def test_agreed_text_drops_open_words_and_lists_what_falls(tmp_path: Path) -> None:
    document = valid(render(project(tmp_path, MULTILINGUAL), Rendering.AGREED))
    by_id = {e.get("eId"): e for e in document.iter() if e.get("eId")}
    assert "art_3" not in by_id
    assert "".join(by_id["art_2__para_3"].itertext()).strip().endswith("…")
    fallen = "".join(by_id["not_yet_agreed"].itertext())
    assert "Article 3 — Justicia y participación ciudadana (proposed by LAC)" in fallen


def test_hostile_titles_and_texts_are_literal_text(tmp_path: Path) -> None:
    analysis = project(tmp_path, HOSTILE)
    assert analysis.blocking  # check reports the markup; the export still shows it as written
    document = valid(render(analysis))
    article = document.find(f".//{A}article")
    assert article is not None
    assert "".join(article.find(f"{A}heading").itertext()) == HOSTILE_TITLE  # type: ignore[union-attr]
    assert "".join(article.find(f".//{A}p").itertext()) == HOSTILE_SHOWN  # type: ignore[union-attr]
    title = document.find(f".//{A}title/{A}heading")
    assert title is not None and title.text == "Heading <b>*x*</b> #y $z$ `w`"
    assert document.find(f".//{A}script") is None and document.find(f".//{A}b") is None


@given(st.text())
def test_any_text_is_held_literally(text: str) -> None:
    from charter_cli.render.akn import _q, _text

    paragraph = etree.Element(_q("p"))
    _text(paragraph, text)
    parsed = etree.fromstring(etree.tostring(paragraph))
    assert (parsed.text or "") == xml_safe(text)
