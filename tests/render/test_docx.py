"""The Word export, read back by pandoc (pypandoc_binary) and by python-docx."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from charter_cli.draft.analysis import Analysis
from charter_cli.render.docx import BRACKET, PARTY, render_docx, repack
from charter_cli.vocabulary import Rendering
from exporting import ARTICLE_HEADINGS, HOSTILE, HOSTILE_SHOWN, HOSTILE_TITLE, MULTILINGUAL, project


def render(analysis: Analysis, rendering: Rendering = Rendering.COMPILATION) -> bytes:
    assert analysis.draft is not None
    return render_docx(analysis.draft, analysis.library, rendering=rendering)


def pandoc_json(data: bytes, tmp_path: Path) -> dict[str, Any]:
    import pypandoc

    path = tmp_path / "draft.docx"
    path.write_bytes(data)
    result: dict[str, Any] = json.loads(pypandoc.convert_file(str(path), "json"))
    return result


def walk(node: object) -> Iterator[dict[str, Any]]:
    """Every element of a pandoc AST, depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)


def identifiers(ast: dict[str, Any]) -> set[str]:
    """The ids pandoc gives headings and bookmarks (spans)."""
    found = set()
    for node in walk(ast):
        kind, content = node.get("t"), node.get("c", [])
        if kind == "Header":
            found.add(content[1][0])
        elif kind == "Span":
            found.add(content[0][0])
    return found


def internal_links(ast: dict[str, Any]) -> list[str]:
    return [
        node["c"][2][0][1:]
        for node in walk(ast)
        if node.get("t") == "Link" and node["c"][2][0].startswith("#")
    ]


@pytest.mark.parametrize("rendering", list(Rendering))
def test_pandoc_reads_it_and_every_internal_link_resolves(
    rendering: Rendering, tmp_path: Path
) -> None:
    data = render(project(tmp_path, MULTILINGUAL), rendering)
    assert data == render(project(tmp_path / "again", MULTILINGUAL), rendering)
    ast = pandoc_json(data, tmp_path)
    links = internal_links(ast)
    ids = identifiers(ast)
    assert len(links) >= 5  # the contents and the cross-references
    assert [link for link in links if link not in ids] == []
    notes = [node for node in walk(ast) if node.get("t") == "Note"]
    assert len(notes) == (2 if rendering is Rendering.COMPILATION else 0)


def test_styles_numbers_footnotes_and_properties(tmp_path: Path) -> None:
    data = render(project(tmp_path, MULTILINGUAL))
    document = Document(io.BytesIO(data))
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name if paragraph.style else "", []).append(
            paragraph.text
        )
    assert by_style["Title"] == ["Carta Euro-Latinoamericana para la Paz y la Seguridad"]
    assert by_style["Heading 1"][1:] == [
        "Title I — Objetivos e princípios",
        "Title II — Segurança pública",
    ]
    assert by_style["Heading 2"] == ["Chapter I — Cooperação policial e judiciária"]
    assert tuple(by_style["Heading 3"]) == ARTICLE_HEADINGS
    assert by_style["Charter Paragraph"][0] == (
        "(1)\tAs Partes [EU: reforçam] [LAC: procuram reforçar] a cooperação policial e "
        "judiciária em matéria de segurança pública."
    )
    assert by_style["Charter Point"][0] == (
        "a)\ttrocam informações sobre a criminalidade organizada [LAC: todos os anos] [EU: delete];"
    )
    assert by_style["Charter Alternative"] == [
        "[Alternative 2 (LAC): La cooperación se evalúa cada cinco años, conforme a Article 2(2).]"
    ]
    runs = [run for p in document.paragraphs for run in p.runs if run.style is not None]
    assert {"EU: ", "LAC: "} <= {run.text for run in runs if run.style.name == PARTY}
    assert "reforçam" in {run.text for run in runs if run.style.name == BRACKET}
    core = document.core_properties
    assert core.title == "Carta Euro-Latinoamericana para la Paz y la Seguridad"
    assert core.version == "0.2.0"
    assert core.identifier.startswith("sha256:")
    assert core.keywords == "generator: charter"
    assert core.created is not None and core.created.year == 1980
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert archive.namelist()[0] == "[Content_Types].xml"
    footnotes = archive.read("word/footnotes.xml").decode()
    assert "Pendente de exame pelo Congresso Nacional." in footnotes
    assert "docProps/thumbnail.jpeg" not in archive.namelist()


def test_hostile_titles_and_texts_are_literal_text(tmp_path: Path) -> None:
    document = Document(io.BytesIO(render(project(tmp_path, HOSTILE))))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert f"Article 1 — {HOSTILE_TITLE}" in texts
    assert HOSTILE_SHOWN in texts
    assert "Title I — Heading <b>*x*</b> #y $z$ `w`" in texts
    ast = pandoc_json(render(project(tmp_path / "again", HOSTILE)), tmp_path)
    kinds = {node.get("t") for node in walk(ast)}
    assert not kinds & {"RawInline", "RawBlock", "Code", "Math"}


def test_repack_fixes_times_and_order() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("b.xml", "<b/>")
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("a.xml", "<a/>")
    packed = zipfile.ZipFile(io.BytesIO(repack(buffer.getvalue())))
    assert packed.namelist() == ["[Content_Types].xml", "a.xml", "b.xml"]
    assert {info.date_time for info in packed.infolist()} == {(1980, 1, 1, 0, 0, 0)}
