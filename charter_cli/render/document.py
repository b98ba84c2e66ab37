"""The whole draft in one rendering: front matter, title block, contents, preamble, parts.

Every writer (Markdown, HTML) walks the same pieces in the same order, so the
formats never disagree on what the compilation, agreed or clean text holds. The
anchors named here (``title-ii``, ``title-ii-chapter-1``, ``article-7``,
``preamble``, ``not-yet-agreed``) are those of the HTML export; the Markdown
writer maps them to the anchors Markdown readers derive from its headings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from charter_cli.draft.model import Article, ChapterPart, Draft, Placement, TitlePart
from charter_cli.load.library import Library
from charter_cli.render.article import Setting, anchor_of, article_view, falls
from charter_cli.render.blocks import ArticleView, Block, ItemList, Para
from charter_cli.render.frontmatter import HASH_KEY, TEXT_KEY, TRACE_KEY
from charter_cli.render.provenance import library_hash
from charter_cli.syntax import text_blocks
from charter_cli.vocabulary import JOINT, Rendering, Status

TEXT_NAMES = {
    Rendering.COMPILATION: "compilation text",
    Rendering.AGREED: "agreed text",
    Rendering.CLEAN: "clean text",
}
PREAMBLE = "preamble"
NOT_YET_AGREED = "not-yet-agreed"
NOT_YET_AGREED_HEADING = "Not yet agreed"


def default_trace(rendering: Rendering) -> bool:
    """Whether a rendering lists what each article implements unless told otherwise."""
    return rendering is not Rendering.CLEAN


def make_setting(
    draft: Draft,
    library: Library,
    *,
    rendering: Rendering = Rendering.COMPILATION,
    trace: bool | None = None,
) -> Setting:
    """What one rendering of the draft shares: in the agreed text, only clauses that stand."""
    shown = frozenset(
        clause_id
        for clause_id, placement in draft.placements.items()
        if rendering is not Rendering.AGREED or not falls(placement.entry)
    )
    return Setting(
        draft, library, rendering, default_trace(rendering) if trace is None else trace, shown
    )


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


def anchor(part: TitlePart | ChapterPart | Placement, title: TitlePart | None = None) -> str:
    """The anchor of a part of the draft: ``title-iv``, ``title-iv-chapter-2``, ``article-7``."""
    if isinstance(part, TitlePart):
        return f"title-{part.numeral.lower()}"
    if isinstance(part, ChapterPart):
        assert title is not None  # noqa: S101 - a chapter is always within its title
        return f"title-{title.numeral.lower()}-chapter-{part.numeral.lower()}"
    return anchor_of(part)


def front_fields(setting: Setting) -> dict[str, str | bool]:
    """The front matter of a draft (``generator`` is added by the writer)."""
    info = setting.draft.charter
    return {
        "title": info.title,
        "version": info.version,
        "language": info.language,
        TEXT_KEY: setting.rendering.value,
        HASH_KEY: library_hash(setting.library),
        TRACE_KEY: setting.trace,
    }


@dataclass(frozen=True)
class TitleBlock:
    """The lines under the charter's title."""

    title: str
    version: str
    """``Draft version 0.1.0 — compilation text``."""
    parties: str | None
    """``Parties: European Union (EU); ...``, when the manifest names parties."""
    count: str
    """How many articles, by status (or, in the agreed text, how many stand)."""


def title_block(setting: Setting) -> TitleBlock:
    """The title, the version and rendering, the parties and the count of articles."""
    draft = setting.draft
    charter = draft.charter
    parties = None
    if draft.parties:
        parties = "Parties: " + "; ".join(f"{p.name} ({p.id})" for p in draft.parties)
    articles = draft.articles
    noun = "article" if len(articles) == 1 else "articles"
    if setting.rendering is Rendering.AGREED:
        shown = sum(a.entry.id in setting.shown for a in articles)
        fallen = len(articles) - shown
        count = f"{shown} of {len(articles)} {noun} in the agreed text"
        count += f"; {fallen} not yet agreed, listed at the end." if fallen else "."
    else:
        order = (Status.AGREED, Status.PROPOSED, Status.BRACKETED)
        tally = {s: sum(a.entry.standing.status is s for a in articles) for s in order}
        status = ", ".join(f"{n} {s.value}" for s, n in tally.items() if n)
        count = f"{len(articles)} {noun}" + (f": {status}." if status else ".")
    version = f"Draft version {charter.version} — {TEXT_NAMES[setting.rendering]}"
    return TitleBlock(charter.title, version, parties, count)


@dataclass(frozen=True)
class Entry:
    """A line of the contents: its depth (0 for a title), its text and where it leads."""

    depth: int
    text: str
    target: str


def title_heading(title: TitlePart) -> str:
    """``Title II``."""
    return f"Title {title.numeral}"


def chapter_heading(chapter: ChapterPart) -> str:
    """``Chapter 3``."""
    return f"Chapter {chapter.numeral}"


def contents(setting: Setting) -> list[Entry]:
    """The contents: the preamble, every title, chapter and shown article, the fallen list."""
    draft = setting.draft
    entries = []
    if draft.preamble is not None:
        entries.append(Entry(0, draft.preamble.heading, PREAMBLE))

    def articles(parts: tuple[Article, ...], depth: int) -> list[Entry]:
        return [
            Entry(depth, f"{a.label} — {a.entry.clause.title}", anchor(a))
            for a in parts
            if a.entry.id in setting.shown
        ]

    for title in draft.titles:
        entries.append(Entry(0, f"{title_heading(title)} — {title.heading}", anchor(title)))
        entries += articles(title.articles, 1)
        for chapter in title.chapters:
            text = f"{chapter_heading(chapter)} — {chapter.heading}"
            entries.append(Entry(1, text, anchor(chapter, title)))
            entries += articles(chapter.articles, 2)
    if fallen_placements(setting):
        entries.append(Entry(0, NOT_YET_AGREED_HEADING, NOT_YET_AGREED))
    return entries


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
        yield Heading("title", title_heading(title), title.heading, anchor(title), 1)
        yield from _articles(setting, title.articles, 2)
        for chapter in title.chapters:
            label = chapter_heading(chapter)
            yield Heading("chapter", label, chapter.heading, anchor(chapter, title), 2)
            yield from _articles(setting, chapter.articles, 3)


def _articles(setting: Setting, articles: tuple[Article, ...], depth: int) -> Iterator[ArticleView]:
    for article in articles:
        if article.entry.id in setting.shown:
            yield article_view(setting, article, depth)


def fallen_placements(setting: Setting) -> list[Placement]:
    """In the agreed text, the articles and recitals that fall from it."""
    if setting.rendering is not Rendering.AGREED:
        return []
    return [p for p in setting.draft.placements.values() if p.entry.id not in setting.shown]


FALLEN_INTRO = (
    "These provisions of the compilation text are not agreed as a whole and fall from the "
    "agreed text:"
)


def fallen(setting: Setting) -> list[str]:
    """The provisions that fall from the agreed text, one line each, with who proposed them."""
    lines = []
    for placement in fallen_placements(setting):
        entry = placement.entry
        party = entry.clause.proposed_by
        status = entry.standing.status
        by = "" if party == JOINT else f" by {party}"
        standing = f"proposed{by}" if status is Status.PROPOSED else f"{status.value}; proposed{by}"
        name = (
            f"{placement.label} — {entry.clause.title}"
            if isinstance(placement, Article)
            else f"{placement.label} of the preamble"
        )
        lines.append(f"{name} ({standing})")
    return lines
