"""The words the draft adds, in each language: headings and citations as each language's treaties write them."""

from __future__ import annotations

import pytest

from charter_cli.render.labels import LABELS, labels_for


@pytest.mark.parametrize(
    ("language", "article", "cited", "title", "chapter"),
    [
        ("en", "Article 12", "Article 12(2)(a)", "Title I", "Chapter 3"),
        ("es", "Artículo 12", "artículo 12, apartado 2, letra a)", "Título I", "Capítulo 3"),
        ("pt", "Artigo 12.º", "artigo 12.º, n.º 2, alínea a)", "Título I", "Capítulo 3"),
        ("fr", "Article 12", "article 12, paragraphe 2, point a)", "Titre Ier", "Chapitre 3"),
    ],
)
def test_headings_and_citations(
    language: str, article: str, cited: str, title: str, chapter: str
) -> None:
    labels = LABELS[language]
    assert labels.article_heading(12) == article
    assert labels.cite(12, 2, 0) == cited
    assert labels.title_heading("I") == title
    assert labels.chapter_heading("3") == chapter


def test_french_writes_one_as_premier_and_unknown_languages_take_english() -> None:
    french = labels_for("fr-CA")
    assert (french.article_heading(1), french.chapter_heading("1"), french.cite(1)) == (
        "Article premier",
        "Chapitre premier",
        "article premier",
    )
    assert labels_for("pt-BR").article_heading(1) == "Artigo 1.º"
    assert labels_for("de").article_heading(2) == "Article 2"
    assert labels_for("de").cite(2, 1) == "Article 2(1)"


def test_the_english_labels_are_the_words_the_drafts_always_had() -> None:
    english = LABELS["en"]
    assert english.alternative.format(number=2) == "Alternative 2"
    assert english.reservation_by.format(kind=english.reservations[1], party="EU") == (
        "Scrutiny reservation by EU"
    )
    assert english.status(0, 1) == "agreed" and english.nouns == ("article", "articles")


@pytest.mark.parametrize(
    ("language", "names", "counted"),
    [
        ("es", ("inglés", "español"), "2 acordados"),
        ("pt", ("inglês", "português"), "2 acordados"),
        ("fr", ("anglais", "français"), "2 agréés"),
    ],
)
def test_each_language_names_the_languages_and_counts(
    language: str, names: tuple[str, str], counted: str
) -> None:
    labels = LABELS[language]
    assert (labels.language_name("en"), labels.language_name(language)) == names
    assert labels.language_name("de") == "de"
    assert f"2 {labels.status(0, 2)}" == counted
    line = labels.language_line.format(
        colon=labels.colon,
        language="x",
        original="y",
        current=1,
        stale=2,
        missing=3,
        fingerprint="abc",
    )
    assert "†" in line and "‡" in line and "abc" in line
