"""The PDF export, read back by poppler's ``pdftotext`` and ``pdffonts``; its escaping by typst."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from charter_cli.draft.analysis import Analysis
from charter_cli.render.pdf import render_pdf, typst_text
from charter_cli.render.xmlsafe import xml_safe
from charter_cli.vocabulary import Rendering
from exporting import ARTICLE_HEADINGS, HOSTILE, HOSTILE_SHOWN, HOSTILE_TITLE, MULTILINGUAL, project
from helpers import examples, need_tool

POPPLER = "apt-get install poppler-utils, as .ci/run does"


def render(analysis: Analysis, rendering: Rendering = Rendering.COMPILATION) -> bytes:
    assert analysis.draft is not None
    return render_pdf(analysis.draft, analysis.library, rendering=rendering)


def text_of(data: bytes, tmp_path: Path) -> str:
    """The PDF's text as pdftotext reads it, with runs of white space as one space."""
    pdftotext = need_tool("pdftotext", install=POPPLER)
    path = tmp_path / "draft.pdf"
    path.write_bytes(data)
    done = subprocess.run([pdftotext, str(path), "-"], capture_output=True, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


@pytest.mark.parametrize("rendering", list(Rendering))
def test_pdftotext_finds_every_article_heading_with_its_accents(
    rendering: Rendering, tmp_path: Path
) -> None:
    analysis = project(tmp_path, MULTILINGUAL)
    data = render(analysis, rendering)
    assert data.startswith(b"%PDF-")
    assert data == render(project(tmp_path / "again", MULTILINGUAL), rendering)  # byte-identical
    text = text_of(data, tmp_path)
    shown = ARTICLE_HEADINGS[:2] if rendering is Rendering.AGREED else ARTICLE_HEADINGS
    for heading in shown:
        assert text.count(heading) == 2  # in the contents and as the heading
    assert "Preâmbulo" in text and "Acordaram o seguinte:" in text
    if rendering is Rendering.COMPILATION:
        assert "[EU: reforçam] [LAC: procuram reforçar]" in text
        assert "Pendente de exame pelo Congresso Nacional." in text
    if rendering is Rendering.AGREED:
        assert "Article 3 — Justicia y participación ciudadana (proposed by LAC)" in text


def test_fonts_are_embedded_and_the_document_has_no_date(tmp_path: Path) -> None:
    pdffonts = need_tool("pdffonts", install=POPPLER)
    path = tmp_path / "draft.pdf"
    path.write_bytes(render(project(tmp_path, MULTILINGUAL)))
    lines = subprocess.run([pdffonts, str(path)], capture_output=True, check=True, text=True)
    fonts = lines.stdout.splitlines()[2:]
    assert fonts
    assert all(line.split()[-5] == "yes" for line in fonts), lines.stdout  # the "emb" column
    data = path.read_bytes()
    assert b"/CreationDate" not in data and b"generator: charter" in data


def test_hostile_titles_and_texts_are_literal_text(tmp_path: Path) -> None:
    text = text_of(render(project(tmp_path, HOSTILE)), tmp_path)
    assert f"Article 1 — {' '.join(HOSTILE_TITLE.split())}" in text
    assert " ".join(HOSTILE_SHOWN.split()) in text
    assert "Title I — Heading <b>*x*</b> #y $z$ `w`" in text


def _shown(content: dict[str, Any]) -> str:
    """The text of typst content as queried: its text elements, a line break as ``\\n``."""
    if content["func"] == "text":
        return str(content["text"])
    if content["func"] == "linebreak":
        return "\n"
    return "".join(_shown(child) for child in content.get("children", []))


@settings(max_examples=examples(200))
@given(st.text())
def test_typst_shows_any_text_literally(text: str) -> None:
    import typst

    source = f"#metadata([{typst_text(text)}]) <probe>"
    queried = json.loads(
        typst.query(source.encode("utf-8"), "<probe>", field="value", ignore_system_fonts=True)
    )
    assert _shown(queried[0]) == xml_safe(text)
