"""Render stage: the numbered draft as one Markdown document, in one of three renderings.

:func:`render_markdown` is a pure function of the draft: the same library gives
the same bytes. Cross-references become links ("Article N", "Article N(2)"); the
bodies of articles are rendered by :mod:`charter_cli.render.article`. The
compilation text shows every open bracket, alternative and reservation; the
agreed text only what is agreed, listing at the end the articles that fall; the
clean text reads without parties, notes or reservations. With ``trace`` each
article ends with the requirements and source sections it implements.
"""

from __future__ import annotations

from collections.abc import Iterator

from charter_cli.draft.model import Article, ChapterPart, Draft, Placement, Recital, TitlePart
from charter_cli.load.library import Library
from charter_cli.render.article import Setting, anchor_of, body
from charter_cli.render.frontmatter import (
    HASH_KEY,
    TEXT_KEY,
    TRACE_KEY,
    format_front_matter,
    translation_fields,
)
from charter_cli.render.layout import (
    article_heading,
    chapter_heading,
    default_trace,
    fallen,
    fallen_line,
    setting_for,
    title_block,
    title_heading,
)
from charter_cli.render.provenance import library_hash
from charter_cli.vocabulary import Rendering

__all__ = ["anchor", "default_trace", "iter_markdown", "render_markdown"]


def anchor(placement: Placement | TitlePart | ChapterPart, title: TitlePart | None = None) -> str:
    """The HTML anchor of a part of the draft."""
    if isinstance(placement, Article | Recital):
        return anchor_of(placement)
    if isinstance(placement, TitlePart):
        return f"title-{placement.numeral.lower()}"
    assert title is not None  # noqa: S101 - a chapter is always rendered within its title
    return f"title-{title.numeral.lower()}-chapter-{placement.numeral.lower()}"


def render_markdown(
    draft: Draft,
    library: Library,
    *,
    rendering: Rendering = Rendering.COMPILATION,
    trace: bool | None = None,
) -> str:
    """Render the whole draft: front matter, title block, contents, preamble, titles."""
    return "".join(iter_markdown(draft, library, rendering=rendering, trace=trace))


def iter_markdown(
    draft: Draft,
    library: Library,
    *,
    rendering: Rendering = Rendering.COMPILATION,
    trace: bool | None = None,
) -> Iterator[str]:
    """The draft in pieces, for writing it without holding all of it in memory."""
    setting = setting_for(draft, library, rendering, trace)
    separator = ""
    for block in _blocks(setting):
        yield separator + block
        separator = "\n\n"
    yield "\n"


def _blocks(setting: Setting) -> Iterator[str]:
    draft = setting.draft
    yield _front_matter(setting)
    yield from _title_block(setting)
    yield from _contents(setting)
    if draft.preamble is not None:
        yield from _preamble(setting)
    for title in draft.titles:
        yield from _title(setting, title)
    if setting.rendering is Rendering.AGREED:
        yield from _fallen(setting)


def _front_matter(setting: Setting) -> str:
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
    return format_front_matter(fields)


def _title_block(setting: Setting) -> list[str]:
    return [f"# {setting.draft.charter.title}", *title_block(setting)]


def _contents(setting: Setting) -> list[str]:
    draft = setting.draft
    labels = setting.labels
    lines = []
    if draft.preamble is not None:
        lines.append(f"- [{draft.preamble.heading}](#preamble)")

    def articles(parts: tuple[Article, ...], indent: str) -> list[str]:
        return [
            f"{indent}- [{article_heading(a, labels)}](#{anchor(a)})"
            for a in parts
            if a.entry.id in setting.shown
        ]

    for title in draft.titles:
        lines.append(f"- [{title_heading(title, labels)}](#{anchor(title)})")
        lines += articles(title.articles, "  ")
        for chapter in title.chapters:
            lines.append(f"  - [{chapter_heading(chapter, labels)}](#{anchor(chapter, title)})")
            lines += articles(chapter.articles, "    ")
    if setting.rendering is Rendering.AGREED and fallen(setting):
        lines.append(f"- [{labels.not_yet_agreed}](#not-yet-agreed)")
    return [f"## {labels.contents}", "\n".join(lines)] if lines else []


def _preamble(setting: Setting) -> list[str]:
    preamble = setting.draft.preamble
    assert preamble is not None  # noqa: S101 - called only when there is one
    blocks = ['<a id="preamble"></a>', f"## {preamble.heading}"]
    if preamble.opening:
        blocks.append(preamble.opening.strip())
    for recital in preamble.recitals:
        if recital.entry.id in setting.shown:
            blocks += body(setting, recital)[0]
    if preamble.closing:
        blocks.append(preamble.closing.strip())
    return blocks


def _title(setting: Setting, title: TitlePart) -> Iterator[str]:
    yield f'<a id="{anchor(title)}"></a>'
    yield f"## {title_heading(title, setting.labels)}"
    for article in title.articles:
        yield from _article(setting, article, "###")
    for chapter in title.chapters:
        yield f'<a id="{anchor(chapter, title)}"></a>'
        yield f"### {chapter_heading(chapter, setting.labels)}"
        for article in chapter.articles:
            yield from _article(setting, article, "####")


def _article(setting: Setting, article: Article, level: str) -> Iterator[str]:
    """One article as a single block of text (fewer pieces to stream)."""
    if article.entry.id not in setting.shown:
        return
    blocks, mark = body(setting, article)
    heading = f"{level} {article_heading(article, setting.labels)}{mark}"
    yield "\n\n".join((f'<a id="{anchor(article)}"></a>', heading, *blocks))


def _fallen(setting: Setting) -> Iterator[str]:
    placements = fallen(setting)
    if not placements:
        return
    labels = setting.labels
    yield '<a id="not-yet-agreed"></a>'
    yield f"## {labels.not_yet_agreed}"
    yield labels.fallen_intro
    yield "\n".join(f"- {fallen_line(placement, labels)}" for placement in placements)
