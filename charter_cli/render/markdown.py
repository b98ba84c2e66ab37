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
from charter_cli.render.article import Setting, anchor_of, body, falls
from charter_cli.render.frontmatter import HASH_KEY, TEXT_KEY, TRACE_KEY, format_front_matter
from charter_cli.render.provenance import library_hash
from charter_cli.vocabulary import JOINT, Rendering, Status

_TEXT_NAMES = {
    Rendering.COMPILATION: "compilation text",
    Rendering.AGREED: "agreed text",
    Rendering.CLEAN: "clean text",
}


def anchor(placement: Placement | TitlePart | ChapterPart, title: TitlePart | None = None) -> str:
    """The HTML anchor of a part of the draft."""
    if isinstance(placement, Article | Recital):
        return anchor_of(placement)
    if isinstance(placement, TitlePart):
        return f"title-{placement.numeral.lower()}"
    assert title is not None  # noqa: S101 - a chapter is always rendered within its title
    return f"title-{title.numeral.lower()}-chapter-{placement.numeral.lower()}"


def default_trace(rendering: Rendering) -> bool:
    """Whether a rendering lists what each article implements unless told otherwise."""
    return rendering is not Rendering.CLEAN


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
    shown = frozenset(
        clause_id
        for clause_id, placement in draft.placements.items()
        if rendering is not Rendering.AGREED or not falls(placement.entry)
    )
    setting = Setting(
        draft, library, rendering, default_trace(rendering) if trace is None else trace, shown
    )
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
    return format_front_matter(fields)


def _title_block(setting: Setting) -> list[str]:
    draft = setting.draft
    charter = draft.charter
    blocks = [
        f"# {charter.title}",
        f"Draft version {charter.version} — {_TEXT_NAMES[setting.rendering]}",
    ]
    if draft.parties:
        names = "; ".join(f"{party.name} ({party.id})" for party in draft.parties)
        blocks.append(f"Parties: {names}")
    articles = draft.articles
    noun = "article" if len(articles) == 1 else "articles"
    if setting.rendering is Rendering.AGREED:
        shown = sum(a.entry.id in setting.shown for a in articles)
        fallen = len(articles) - shown
        line = f"{shown} of {len(articles)} {noun} in the agreed text"
        blocks.append(line + (f"; {fallen} not yet agreed, listed at the end." if fallen else "."))
        return blocks
    order = (Status.AGREED, Status.PROPOSED, Status.BRACKETED)
    tally = {status: sum(a.entry.standing.status is status for a in articles) for status in order}
    status = ", ".join(f"{count} {status.value}" for status, count in tally.items() if count)
    blocks.append(f"{len(articles)} {noun}" + (f": {status}." if status else "."))
    return blocks


def _contents(setting: Setting) -> list[str]:
    draft = setting.draft
    lines = []
    if draft.preamble is not None:
        lines.append(f"- [{draft.preamble.heading}](#preamble)")

    def articles(parts: tuple[Article, ...], indent: str) -> list[str]:
        return [
            f"{indent}- [{_article_heading(a)}](#{anchor(a)})"
            for a in parts
            if a.entry.id in setting.shown
        ]

    for title in draft.titles:
        lines.append(f"- [{_title_heading(title)}](#{anchor(title)})")
        lines += articles(title.articles, "  ")
        for chapter in title.chapters:
            lines.append(f"  - [{_chapter_heading(chapter)}](#{anchor(chapter, title)})")
            lines += articles(chapter.articles, "    ")
    if setting.rendering is Rendering.AGREED and _fallen_placements(setting):
        lines.append("- [Not yet agreed](#not-yet-agreed)")
    return ["## Contents", "\n".join(lines)] if lines else []


def _title_heading(title: TitlePart) -> str:
    return f"Title {title.numeral} — {title.heading}"


def _chapter_heading(chapter: ChapterPart) -> str:
    return f"Chapter {chapter.numeral} — {chapter.heading}"


def _article_heading(article: Article) -> str:
    return f"{article.label} — {article.entry.clause.title}"


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
    yield f"## {_title_heading(title)}"
    for article in title.articles:
        yield from _article(setting, article, "###")
    for chapter in title.chapters:
        yield f'<a id="{anchor(chapter, title)}"></a>'
        yield f"### {_chapter_heading(chapter)}"
        for article in chapter.articles:
            yield from _article(setting, article, "####")


def _article(setting: Setting, article: Article, level: str) -> Iterator[str]:
    """One article as a single block of text (fewer pieces to stream)."""
    if article.entry.id not in setting.shown:
        return
    blocks, mark = body(setting, article)
    heading = f"{level} {_article_heading(article)}{mark}"
    yield "\n\n".join((f'<a id="{anchor(article)}"></a>', heading, *blocks))


def _fallen_placements(setting: Setting) -> list[Placement]:
    return [p for p in setting.draft.placements.values() if p.entry.id not in setting.shown]


def _fallen(setting: Setting) -> Iterator[str]:
    fallen = _fallen_placements(setting)
    if not fallen:
        return
    yield '<a id="not-yet-agreed"></a>'
    yield "## Not yet agreed"
    yield (
        "These provisions of the compilation text are not agreed as a whole and fall from the "
        "agreed text:"
    )
    lines = []
    for placement in fallen:
        entry = placement.entry
        party = entry.clause.proposed_by
        status = entry.standing.status
        by = "" if party == JOINT else f" by {party}"
        standing = f"proposed{by}" if status is Status.PROPOSED else f"{status.value}; proposed{by}"
        name = (
            _article_heading(placement)
            if isinstance(placement, Article)
            else f"{placement.label} of the preamble"
        )
        lines.append(f"- {name} ({standing})")
    yield "\n".join(lines)
