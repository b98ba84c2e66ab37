"""The whole draft in one rendering, as the Markdown and HTML writers walk it.

Both writers walk the same pieces in the same order: front matter, title block,
contents, preamble, titles, chapters and articles, the list of what falls. What
each piece says, its words and its identifier (``title_II``,
``title_II__chp_1``, ``art_7``, ``preamble``, ``not_yet_agreed``) come from
:mod:`charter_cli.render.layout`, as for Word, PDF and Akoma Ntoso, so that no
format disagrees on what the compilation, agreed or clean text holds. The
Markdown writer maps the identifiers to the anchors its readers derive from the
headings (:func:`charter_cli.render.markdown.heading_anchors`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from charter_cli.draft.model import Article, Placement
from charter_cli.render.article import article_view
from charter_cli.render.blocks import ArticleView, Block, ItemList, Para
from charter_cli.render.frontmatter import HASH_KEY, TEXT_KEY, TRACE_KEY, translation_fields
from charter_cli.render.layout import (
    Setting,
    article_eid,
    article_label,
    chapter_eid,
    chapter_label,
    fallen,
    fallen_line,
    title_eid,
    title_label,
)
from charter_cli.render.provenance import library_hash
from charter_cli.syntax import text_blocks


def article_counter(
    setting: Setting, progress: Callable[[int, int], None] | None
) -> Callable[[], None] | None:
    """A function to call after each article or recital is written: it tells ``progress``."""
    if progress is None:
        return None
    total = len(setting.shown)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        progress(done, total)

    return tick


def front_fields(setting: Setting) -> dict[str, str | bool]:
    """The front matter of a draft (``generator`` is added by the writer).

    A translated draft adds the state of its translation (``translation-of``, ...).
    """
    info = setting.draft.charter
    fields: dict[str, str | bool] = {
        "title": info.title,
        "version": info.version,
        "language": info.language,
        TEXT_KEY: setting.rendering.value,
        HASH_KEY: library_hash(setting.library),
        TRACE_KEY: setting.trace,
    }
    translated = setting.draft.translated
    if translated is not None:
        fields |= translation_fields(translated)
    return fields


@dataclass(frozen=True)
class PreambleView:
    """The preamble: heading, opening formula, recitals, closing formula."""

    heading: str
    opening: tuple[Block, ...]
    recitals: tuple[ArticleView, ...]
    closing: tuple[Block, ...]


def preamble(setting: Setting) -> PreambleView | None:
    """The preamble as the rendering shows it, or ``None`` when the charter has none."""
    part = setting.draft.preamble
    if part is None:
        return None
    recitals = tuple(
        article_view(setting, recital)
        for recital in part.recitals
        if recital.entry.id in setting.shown
    )
    return PreambleView(
        part.heading, literal_blocks(part.opening), recitals, literal_blocks(part.closing)
    )


def literal_blocks(text: str | None) -> tuple[Block, ...]:
    """A text shown exactly as written (a formula of the manifest): paragraphs and lists."""
    blocks: list[Block] = []
    for block in text_blocks(text or ""):
        paras = tuple(Para(tuple((line,) for line in part.split("\n"))) for part in block.parts)
        if block.list_kind:
            blocks.append(ItemList(block.list_kind == "numbers", block.start, paras))
        else:
            blocks += paras
    return tuple(blocks)


@dataclass(frozen=True)
class Heading:
    """The heading of a title or chapter: ``Title II`` and its name."""

    kind: str
    """``title`` or ``chapter``."""
    label: str
    name: str
    anchor: str
    depth: int
    """1 for a title, 2 for a chapter."""


def parts(setting: Setting) -> Iterator[Heading | ArticleView]:
    """The titles, chapters and shown articles, in the order of the draft."""
    for title in setting.draft.titles:
        label = title_label(title, setting.labels)
        yield Heading("title", label, title.heading, title_eid(title), 1)
        yield from _articles(setting, title.articles, 2)
        for chapter in title.chapters:
            eid = chapter_eid(title, chapter)
            label = chapter_label(chapter, setting.labels)
            yield Heading("chapter", label, chapter.heading, eid, 2)
            yield from _articles(setting, chapter.articles, 3)


def _articles(setting: Setting, articles: tuple[Article, ...], depth: int) -> Iterator[ArticleView]:
    for article in articles:
        if article.entry.id in setting.shown:
            yield article_view(setting, article, depth)


def headings(setting: Setting) -> Iterator[tuple[str, str]]:
    """Each heading the draft writes, in order, with its identifier: ``("Title II", "title_II")``."""
    for title in setting.draft.titles:
        yield title_label(title, setting.labels), title_eid(title)
        yield from _article_labels(setting, title.articles)
        for chapter in title.chapters:
            yield chapter_label(chapter, setting.labels), chapter_eid(title, chapter)
            yield from _article_labels(setting, chapter.articles)


def _article_labels(setting: Setting, articles: tuple[Article, ...]) -> Iterator[tuple[str, str]]:
    for article in articles:
        if article.entry.id in setting.shown:
            yield article_label(article, setting.labels), article_eid(article)


def fallen_lines(setting: Setting) -> list[str]:
    """The provisions that fall from the agreed text, one line each, with who proposed them."""
    placements: list[Placement] = fallen(setting)
    return [fallen_line(placement, setting.labels) for placement in placements]
