"""GitHub's anchors for headings, as github-slugger 2.0 (what GitHub's own rule is modelled on)
gave them when this table was measured: ``new GithubSlugger().slug(heading)``, in order."""

from __future__ import annotations

from charter_cli.render.slugs import Slugger, slug

MEASURED = [
    (
        "Euro-Latin American Charter for Peace and Security",
        "euro-latin-american-charter-for-peace-and-security",
    ),
    ("Contents", "contents"),
    ("Preamble", "preamble"),
    ("Title I", "title-i"),
    ("Chapter 1", "chapter-1"),
    ("Article 1", "article-1"),
    ("Chapter 1", "chapter-1-1"),
    ("Title II", "title-ii"),
    ("Chapter 1", "chapter-1-2"),
    ("Article 7", "article-7"),
    ("Not yet agreed", "not-yet-agreed"),
    ("Preámbulo", "preámbulo"),
    ("Preâmbulo", "preâmbulo"),
    ("Título IV", "título-iv"),
    ("Capítulo 2", "capítulo-2"),
    ("Article 7 — Non-intervention", "article-7--non-intervention"),
    ("The U.N. mandate", "the-un-mandate"),
    ("Rules for *all* [Parties]", "rules-for-all-parties"),
    ("a_b-c  d", "a_b-c--d"),
    ("Chapter 1-1", "chapter-1-1-1"),
    ("Chapter 1", "chapter-1-3"),
    ("ÉTAT", "état"),
    ("Ⅻ roman", "ⅻ-roman"),
]


def test_the_slugger_gives_githubs_anchors_in_document_order() -> None:
    slugger = Slugger()
    assert [(heading, slugger(heading)) for heading, _ in MEASURED] == MEASURED


def test_a_slug_keeps_letters_digits_and_joiners_only() -> None:
    assert slug("Article 12") == "article-12"
    assert slug("x² & € ½") == "x---"
    assert slug("İstanbul") == "i̇stanbul"
