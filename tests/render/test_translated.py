"""Drafts in other languages and side by side, read by the consumers of each format.

The project is the golden case ``translated-drafts`` (Spanish with a stale and a
missing unit, Portuguese, a partial French); its drafts are pinned there. Here the
Markdown is read by markdown-it-py, the Word documents by python-docx, and the
Akoma Ntoso validated against the OASIS schema.
"""

from __future__ import annotations

import io
import shutil
from functools import cache
from pathlib import Path

import pytest
from docx import Document
from docx.text.paragraph import Paragraph
from markdown_it import MarkdownIt

from charter_cli.draft.analysis import Analysis, analyse
from charter_cli.draft.translated import draft_in
from charter_cli.render.akn import NAMESPACE, render_akn
from charter_cli.render.docx import render_docx
from charter_cli.render.markdown import render_markdown
from charter_cli.render.pdf import typst_markup
from charter_cli.render.synoptic import iter_synoptic_markdown
from charter_cli.render.synoptic_docx import render_synoptic_docx
from charter_cli.vocabulary import Rendering
from exporting import valid_akn
from helpers import CASES

A = f"{{{NAMESPACE}}}"


@cache
def _analysis(tmp: str) -> Analysis:
    target = Path(tmp) / "project"
    if not target.exists():
        shutil.copytree(CASES / "translated-drafts", target)
    return analyse(target)


@pytest.fixture
def analysis(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    return _analysis(str(tmp_path_factory.getbasetemp()))


def _markdown(analysis: Analysis, code: str, rendering: Rendering = Rendering.COMPILATION) -> str:
    return render_markdown(draft_in(analysis, code), analysis.library, rendering=rendering)


def _headings(text: str) -> list[str]:
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    return [tokens[i + 1].content for i, token in enumerate(tokens) if token.type == "heading_open"]


@pytest.mark.parametrize(
    ("code", "expected", "name"),
    [
        ("es", ["Preámbulo", "Título I", "Artículo 1"], "Objetivos"),
        ("pt", ["Preâmbulo", "Título I", "Artigo 1.º"], "Objetivos"),
        ("fr", ["Préambule", "Titre Ier", "Article premier"], "Objectifs"),
    ],
)
def test_markdown_headings_are_in_the_language(
    analysis: Analysis, code: str, expected: list[str], name: str
) -> None:
    text = _markdown(analysis, code)
    headings = _headings(text)
    assert headings[3:6] == expected  # after the front matter (a setext heading), title, contents
    assert f"### {expected[2]}\n\n**{name}**" in text  # the name under the number


def test_markdown_references_cite_as_the_language_does_and_stay_links(analysis: Analysis) -> None:
    text = _markdown(analysis, "es")
    html = MarkdownIt("commonmark").render(text)
    assert '<a href="#art%C3%ADculo-2">artículo 2, apartado 2, letra a)</a>' in html
    assert "#### Artículo 2\n" in text  # the heading whose anchor the link names
    portuguese = _markdown(analysis, "pt")
    assert "[artigo 2.º, n.º 2, alínea a)](#artigo-2º)" in portuguese


def test_markdown_marks_and_notes_in_the_compilation_only(analysis: Analysis) -> None:
    compilation = _markdown(analysis, "es")
    assert "cada dos años. †]" in compilation
    assert "† Traducción desactualizada" in compilation
    assert "‡ Sin traducir: se muestra en el original (inglés)." in compilation
    clean = _markdown(analysis, "es", Rendering.CLEAN)
    assert "cada dos años. †" in clean
    assert "Traducción desactualizada" not in clean.split("Idioma")[1].split("huella")[1]


def test_the_original_is_unchanged_by_the_translations(analysis: Analysis) -> None:
    assert analysis.draft is not None
    original = render_markdown(analysis.draft, analysis.library)
    assert original == _markdown(analysis, "en")
    assert "translation-of" not in original
    assert "### Article 1\n\n**Objectives**" in original


def _style(paragraph: Paragraph) -> str:
    return paragraph.style.name if paragraph.style is not None else ""


def test_word_headings_properties_and_footnotes(analysis: Analysis) -> None:
    data = render_docx(draft_in(analysis, "pt"), analysis.library)
    document = Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if _style(p) == "Heading 3"]
    assert headings[0] == "Artigo 1.º — Objetivos"
    assert "Índice" in [p.text for p in document.paragraphs]
    properties = document.core_properties
    assert properties.language == "pt"
    assert properties.category.startswith("translation pt of en: 27 current, 1 stale, 1 missing")


def test_akoma_ntoso_names_the_expression_language_and_validates(analysis: Analysis) -> None:
    for code, iso in (("es", "spa"), ("pt", "por"), ("fr", "fra")):
        for rendering in Rendering:
            data = render_akn(draft_in(analysis, code), analysis.library, rendering=rendering)
            document = valid_akn(data)
            language = document.find(f".//{A}FRBRExpression/{A}FRBRlanguage")
            assert language is not None and language.get("language") == iso
    spanish = valid_akn(render_akn(draft_in(analysis, "es"), analysis.library))
    numbers = [n.text for n in spanish.iter(f"{A}num")][:3]
    assert numbers == ["Título I", "Artículo 1", "Título II"]
    state = spanish.find(".//{*}translation")
    assert state is not None and state.get("stale") == "1"


def test_the_pdf_source_is_in_the_language(analysis: Analysis) -> None:
    source = typst_markup(draft_in(analysis, "fr"), analysis.library)
    assert '#set text(lang: "fr"' in source or 'lang: "fr"' in source
    assert "Article premier — Objectifs" in source


def test_synoptic_markdown_is_one_table_per_article_row_by_row(analysis: Analysis) -> None:
    assert analysis.draft is not None
    text = "".join(
        iter_synoptic_markdown(analysis.draft, draft_in(analysis, "es"), analysis.library)
    )
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    tables = sum(token.type == "table_open" for token in tokens)
    assert tables == 5  # the title block, the preamble, three articles
    rows: list[list[str]] = []
    for index, token in enumerate(tokens):
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and tokens[index - 1].type in {"td_open", "th_open"}:
            rows[-1].append(token.content)
    assert all(len(row) == 2 for row in rows)
    assert [
        "(b) make recommendations to the Parties.",
        "(b) make recommendations to the Parties. ‡",
    ] in rows
    assert rows[0] == ["English", "Español"]


def test_synoptic_word_is_a_two_column_table_per_article(analysis: Analysis) -> None:
    assert analysis.draft is not None
    data = render_synoptic_docx(
        analysis.draft, draft_in(analysis, "pt"), analysis.library, rendering=Rendering.AGREED
    )
    document = Document(io.BytesIO(data))
    assert all(len(table.columns) == 2 for table in document.tables)
    cells = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert ["English", "Português"] in cells
    assert any(right.startswith("Artigo 3.º — Secretariado") for _, right in cells)
    headings = [p.text for p in document.paragraphs if _style(p).startswith("Heading")]
    assert "Article 2 — Joint committee / Artigo 2.º — Comité Misto" in headings
