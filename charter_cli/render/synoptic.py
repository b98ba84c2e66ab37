"""Two language versions of the draft side by side, paragraph by paragraph, as a committee compares them.

:func:`synoptic` lays the two drafts out in no format: the title block line by line,
then the preamble and every article as a block of rows, each row one paragraph (or
one point, one alternative, one note) in both languages, so that a reader's eye
moves across the row. The two drafts are the same draft in two languages (one
may be the original): the same parts, articles and paragraphs, so the rows pair up.
:func:`iter_synoptic_markdown` writes it as Markdown, a pipe table per article;
:mod:`charter_cli.render.synoptic_docx` as a Word document, a two-column table per
article. Only these two formats have a synoptic form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import zip_longest

from charter_cli.draft.model import Article, Draft, Placement
from charter_cli.load.library import Library
from charter_cli.render.frontmatter import (
    HASH_KEY,
    SYNOPTIC_KEY,
    TEXT_KEY,
    TRACE_KEY,
    format_front_matter,
    translation_fields,
)
from charter_cli.render.layout import (
    ELLIPSIS,
    BodyView,
    Contest,
    ParagraphView,
    Ref,
    Runs,
    Setting,
    article_heading,
    chapter_heading,
    fallen,
    fallen_line,
    framed,
    layout,
    reflowed,
    setting_for,
    title_block,
    title_heading,
)
from charter_cli.render.provenance import library_hash
from charter_cli.vocabulary import Rendering

Inline = Callable[[Runs], str]
"""How a format writes a text's runs (words, references, contested passages)."""


@dataclass(frozen=True, slots=True)
class Block:
    """A heading in both languages and the rows under it."""

    level: int
    """0 for the charter's title, 1 for the preamble and titles, 2 for chapters and the articles
    of a title, 3 for the articles of a chapter."""
    heading: tuple[str, str]
    rows: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Synoptic:
    """The two versions, block by block."""

    left: Setting
    right: Setting
    columns: tuple[str, str]
    """The column headings: each language's name in itself."""
    blocks: tuple[Block, ...]


def settings(
    left: Draft, right: Draft, library: Library, rendering: Rendering, trace: bool | None
) -> tuple[Setting, Setting]:
    """The settings of both versions; references are not links (a synoptic has no anchors)."""
    return (
        replace(setting_for(left, library, rendering, trace), links=False),
        replace(setting_for(right, library, rendering, trace), links=False),
    )


def synoptic(left: Setting, right: Setting, inline: Inline) -> Synoptic:
    """The blocks of the two versions, with their texts written by ``inline``."""
    pair = (left, right)
    blocks = [
        Block(
            0,
            (left.draft.charter.title, right.draft.charter.title),
            tuple(
                zip_longest(
                    (_text(line, inline) for line in title_block(left)),
                    (_text(line, inline) for line in title_block(right)),
                    fillvalue="",
                )
            ),
        )
    ]
    one, two = left.draft.preamble, right.draft.preamble
    if one is not None and two is not None:
        rows: list[tuple[str, str]] = []
        if one.opening or two.opening:
            rows.append((_text(one.opening or "", inline), _text(two.opening or "", inline)))
        for recitals in zip(one.recitals, two.recitals, strict=True):
            if recitals[0].entry.id in left.shown:
                rows += _rows(pair, recitals, inline)
        if one.closing or two.closing:
            rows.append((_text(one.closing or "", inline), _text(two.closing or "", inline)))
        blocks.append(Block(1, (one.heading, two.heading), tuple(rows)))
    for first, second in zip(left.draft.titles, right.draft.titles, strict=True):
        heading = (title_heading(first, left.labels), title_heading(second, right.labels))
        blocks.append(Block(1, heading))
        blocks += _articles(pair, (first.articles, second.articles), inline, 2)
        for one_chapter, two_chapter in zip(first.chapters, second.chapters, strict=True):
            heading = (
                chapter_heading(one_chapter, left.labels),
                chapter_heading(two_chapter, right.labels),
            )
            blocks.append(Block(2, heading))
            articles = (one_chapter.articles, two_chapter.articles)
            blocks += _articles(pair, articles, inline, 3)
    if left.rendering is Rendering.AGREED and fallen(left):
        heading = (left.labels.not_yet_agreed, right.labels.not_yet_agreed)
        rows = [(_text(left.labels.fallen_intro, inline), _text(right.labels.fallen_intro, inline))]
        rows += [
            (
                _text(fallen_line(one, left.labels), inline),
                _text(fallen_line(two, right.labels), inline),
            )
            for one, two in zip(fallen(left), fallen(right), strict=True)
        ]
        blocks.append(Block(1, heading, tuple(rows)))
    columns = (left.labels.name, right.labels.name)
    if columns[0] == columns[1]:
        columns = (left.draft.charter.language, right.draft.charter.language)
    return Synoptic(left, right, columns, tuple(blocks))


def _articles(
    pair: tuple[Setting, Setting],
    articles: tuple[tuple[Article, ...], tuple[Article, ...]],
    inline: Inline,
    level: int,
) -> list[Block]:
    left, right = pair
    blocks = []
    for one, two in zip(*articles, strict=True):
        if one.entry.id not in left.shown:
            continue
        heading = (article_heading(one, left.labels), article_heading(two, right.labels))
        blocks.append(Block(level, heading, tuple(_rows(pair, (one, two), inline))))
    return blocks


def _rows(
    pair: tuple[Setting, Setting], placements: tuple[Placement, Placement], inline: Inline
) -> list[tuple[str, str]]:
    views = (layout(pair[0], placements[0]), layout(pair[1], placements[1]))
    one, two = (_column(view, inline) for view in views)
    return list(zip_longest(one, two, fillvalue=""))


def _column(view: BodyView, inline: Inline) -> list[str]:
    """One version's rows of a body: paragraph by paragraph, then its notes."""
    rows: list[str] = []
    for paragraph, opens, closes in framed(view):
        rows += _paragraph(paragraph, opens, closes, inline)
    rows += [_text(text, inline) for text in (view.status_note, view.trace) if text]
    # the marks † and ‡ stand in the text; the notes that pair up are the reservations
    rows += [_text(note.text, inline) for note in view.notes if not note.translation]
    return rows


def _paragraph(paragraph: ParagraphView, opens: str, closes: str, inline: Inline) -> list[str]:
    marker = f"{paragraph.marker} " if paragraph.marker else ""
    if paragraph.dropped:
        return [f"{marker}{ELLIPSIS}"]
    if paragraph.alternatives:
        rows = [
            f"[{alt.name}{f' ({alt.party})' if alt.party else ''}: {inline(alt.runs)}]"
            for alt in paragraph.alternatives
        ]
    else:
        rows = [inline(paragraph.runs), *(f"{p.marker} {inline(p.runs)}" for p in paragraph.points)]
        if paragraph.proposal is not None:
            rows[0] = f"[{paragraph.proposal}{rows[0]}"
            rows[-1] = f"{rows[-1]}]"
    rows[0] = f"{marker}{opens}{rows[0]}"
    rows[-1] = f"{rows[-1]}{closes}"
    return rows


def _text(text: str, inline: Inline) -> str:
    """A text the draft shows as it is (a label, a note, a formula), on one line, in the format."""
    return inline((_flat(text),)) if text else ""


def _flat(text: str) -> str:
    return " ".join(text.split())


def plain(runs: Runs) -> str:
    """A text's runs as plain words (references by their citation, contested passages bracketed)."""
    out = []
    for run in runs:
        if isinstance(run, str):
            out.append(run)
        elif isinstance(run, Ref):
            out.append(run.label)
        else:
            out.append(_contest(run))
    return _flat("".join(out))


def _contest(contest: Contest) -> str:
    if contest.joined:
        return f"{contest.space}[{' / '.join(plain(w.runs) for w in contest.wordings)}]"
    return contest.space + " ".join(
        f"[{w.party}: {plain(w.runs) if w.runs else contest.delete}]" for w in contest.wordings
    )


# ---------------------------------------------------------------- Markdown


def iter_synoptic_markdown(
    left: Draft,
    right: Draft,
    library: Library,
    *,
    rendering: Rendering = Rendering.COMPILATION,
    trace: bool | None = None,
) -> Iterator[str]:
    """The synoptic draft as Markdown: front matter, then a heading and a table per block."""
    from charter_cli.render.markdown import inline

    first, second = settings(left, right, library, rendering, trace)
    view = synoptic(first, second, inline)
    yield _front_matter(view)
    for block in view.blocks:
        yield "\n\n" + _heading(block)
        if block.rows:
            yield "\n\n" + _table(view.columns, block.rows)
    yield "\n"


def _front_matter(view: Synoptic) -> str:
    left, right = view.left.draft, view.right.draft
    fields: dict[str, str | bool] = {
        "title": left.charter.title,
        "version": left.charter.version,
        "language": left.charter.language,
        SYNOPTIC_KEY: f"{left.charter.language},{right.charter.language}",
        TEXT_KEY: view.left.rendering.value,
        HASH_KEY: library_hash(view.left.library),
        TRACE_KEY: view.left.trace,
    }
    for draft in (left, right):
        if draft.translated is not None:
            code = draft.translated.language
            fields |= {f"{code}-{k}": v for k, v in translation_fields(draft.translated).items()}
    return format_front_matter(fields)


def _heading(block: Block) -> str:
    from charter_cli.render.mdtext import escape_heading_end, escape_run

    left, right = (_flat(text) for text in block.heading)
    text = left if left == right else f"{left} / {right}"
    return f"{'#' * (block.level + 1)} {escape_heading_end(escape_run(text))}"


def _table(columns: tuple[str, str], rows: tuple[tuple[str, str], ...]) -> str:
    lines = [f"| {columns[0]} | {columns[1]} |", "| --- | --- |"]
    lines += [f"| {_cell(left) or ' '} | {_cell(right) or ' '} |" for left, right in rows]
    return "\n".join(lines)


def _cell(text: str) -> str:
    """A text as one table cell: one line, pipes escaped."""
    return _flat(reflowed(text)).replace("|", "\\|")
