"""Render stage: the numbered draft as one Markdown document.

:func:`render_markdown` is a pure function of the draft: the same library gives
the same bytes. Cross-references ``[[clause-id]]`` become links to the article
("Article N"); bracketed clauses are shown in [square brackets] with the party
that proposed them; with ``trace`` each article ends with the requirements and
source sections it implements.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from charter_cli.draft.model import Article, ChapterPart, Draft, Placement, Recital, TitlePart
from charter_cli.load.entries import ClauseEntry
from charter_cli.load.library import Library
from charter_cli.render.frontmatter import HASH_KEY, TRACE_KEY, format_front_matter
from charter_cli.render.provenance import library_hash
from charter_cli.syntax import REFERENCE
from charter_cli.vocabulary import JOINT, Status

_LIST_MARKER = re.compile(r"^(\s*(?:\d+[.)]|[-*+])\s+)")


def anchor(placement: Placement | TitlePart | ChapterPart, title: TitlePart | None = None) -> str:
    """The HTML anchor of a part of the draft."""
    if isinstance(placement, Article):
        return f"article-{placement.number}"
    if isinstance(placement, Recital):
        return "preamble"
    if isinstance(placement, TitlePart):
        return f"title-{placement.numeral.lower()}"
    assert title is not None  # noqa: S101 - a chapter is always rendered within its title
    return f"title-{title.numeral.lower()}-chapter-{placement.number}"


def render_markdown(draft: Draft, library: Library, *, trace: bool = True) -> str:
    """Render the whole draft: front matter, title block, contents, preamble, titles."""
    return "".join(iter_markdown(draft, library, trace=trace))


def iter_markdown(draft: Draft, library: Library, *, trace: bool = True) -> Iterator[str]:
    """The draft in pieces, for writing it without holding all of it in memory."""
    separator = ""
    for block in _blocks(draft, library, trace=trace):
        yield separator + block
        separator = "\n\n"
    yield "\n"


def _blocks(draft: Draft, library: Library, *, trace: bool) -> Iterator[str]:
    yield from _front_matter(draft, library, trace=trace)
    yield from _title_block(draft)
    yield from _contents(draft)
    if draft.preamble is not None:
        yield from _preamble(draft, library, trace=trace)
    for title in draft.titles:
        yield from _title(draft, library, title, trace=trace)


def _front_matter(draft: Draft, library: Library, *, trace: bool) -> list[str]:
    info = draft.charter
    fields: dict[str, str | bool] = {
        "title": info.title,
        "version": info.version,
        "language": info.language,
        HASH_KEY: library_hash(library),
        TRACE_KEY: trace,
    }
    return [format_front_matter(fields)]


def _title_block(draft: Draft) -> list[str]:
    articles = draft.articles
    order = (Status.AGREED, Status.PROPOSED, Status.BRACKETED)
    tally = {status: sum(a.entry.clause.status is status for a in articles) for status in order}
    status = ", ".join(f"{count} {status.value}" for status, count in tally.items() if count)
    blocks = [f"# {draft.charter.title}", f"Draft version {draft.charter.version}"]
    if draft.parties:
        names = "; ".join(f"{party.name} ({party.id})" for party in draft.parties)
        blocks.append(f"Parties: {names}")
    noun = "article" if len(articles) == 1 else "articles"
    blocks.append(f"{len(articles)} {noun}" + (f": {status}." if status else "."))
    return blocks


def _contents(draft: Draft) -> list[str]:
    lines = []
    if draft.preamble is not None:
        lines.append(f"- [{draft.preamble.heading}](#preamble)")
    for title in draft.titles:
        lines.append(f"- [{_title_heading(title)}](#{anchor(title)})")
        lines += [f"  - [{_article_heading(a)}](#{anchor(a)})" for a in title.articles]
        for chapter in title.chapters:
            lines.append(f"  - [{_chapter_heading(chapter)}](#{anchor(chapter, title)})")
            lines += [f"    - [{_article_heading(a)}](#{anchor(a)})" for a in chapter.articles]
    return ["## Contents", "\n".join(lines)] if lines else []


def _title_heading(title: TitlePart) -> str:
    return f"Title {title.numeral} — {title.heading}"


def _chapter_heading(chapter: ChapterPart) -> str:
    return f"Chapter {chapter.number} — {chapter.heading}"


def _article_heading(article: Article) -> str:
    return f"Article {article.number} — {article.entry.clause.title}"


def _preamble(draft: Draft, library: Library, *, trace: bool) -> list[str]:
    preamble = draft.preamble
    assert preamble is not None  # noqa: S101 - called only when there is one
    blocks = ['<a id="preamble"></a>', f"## {preamble.heading}"]
    if preamble.opening:
        blocks.append(preamble.opening.strip())
    for recital in preamble.recitals:
        blocks += _body(draft, library, recital.entry, trace=trace)
    if preamble.closing:
        blocks.append(preamble.closing.strip())
    return blocks


def _title(draft: Draft, library: Library, title: TitlePart, *, trace: bool) -> Iterator[str]:
    yield f'<a id="{anchor(title)}"></a>'
    yield f"## {_title_heading(title)}"
    for article in title.articles:
        yield from _article(draft, library, article, "###", trace=trace)
    for chapter in title.chapters:
        yield f'<a id="{anchor(chapter, title)}"></a>'
        yield f"### {_chapter_heading(chapter)}"
        for article in chapter.articles:
            yield from _article(draft, library, article, "####", trace=trace)


def _article(
    draft: Draft, library: Library, article: Article, level: str, *, trace: bool
) -> Iterator[str]:
    """One article as a single block of text (fewer pieces to stream)."""
    heading = f"{level} {_article_heading(article)}"
    body = _body(draft, library, article.entry, trace=trace)
    yield "\n\n".join((f'<a id="{anchor(article)}"></a>', heading, *body))


def _body(draft: Draft, library: Library, entry: ClauseEntry, *, trace: bool) -> list[str]:
    clause = entry.clause
    text = clause.text.strip()
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if "[[" in text:
        text = _resolve_references(draft, text)
    if clause.status is Status.BRACKETED:
        text = bracket(text)
    blocks = [text]
    status = _status_note(draft, entry)
    if status:
        blocks.append(status)
    if trace and clause.covers:
        line = _trace(library, entry)
        if line:
            blocks.append(line)
    return blocks


def _resolve_references(draft: Draft, text: str) -> str:
    def link(match: re.Match[str]) -> str:
        placement = draft.placements.get(match.group(1))
        if not isinstance(placement, Article):
            return match.group(0)  # reported as CH203 or CH209; the build stops before this
        return f"[{placement.label}](#{anchor(placement)})"

    return REFERENCE.sub(link, text)


def bracket(text: str) -> str:
    """Put a text in [square brackets], inside any list marker of its first line."""
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    last = max(i for i, line in enumerate(lines) if line.strip())
    marker = _LIST_MARKER.match(lines[first])
    cut = marker.end() if marker else len(lines[first]) - len(lines[first].lstrip())
    lines[first] = f"{lines[first][:cut]}[{lines[first][cut:]}"
    lines[last] = f"{lines[last].rstrip()}]"
    return "\n".join(lines)


def _status_note(draft: Draft, entry: ClauseEntry) -> str | None:
    clause = entry.clause
    party = "all Parties jointly" if clause.proposed_by == JOINT else clause.proposed_by
    if clause.status is Status.BRACKETED:
        return f"*Bracketed text proposed by {party}.*"
    if clause.status is Status.PROPOSED:
        return f"*Proposed by {party}; not yet agreed.*"
    return None


def _trace(library: Library, entry: ClauseEntry) -> str | None:
    """``*Implements: ...*``: the requirements a clause covers, grouped by source and section."""
    groups: dict[tuple[str, str], list[str]] = {}
    for requirement_id in entry.clause.covers:
        requirement = library.requirements.get(requirement_id)
        if requirement is None or requirement.catalogue.source is None:
            continue
        key = (requirement.catalogue.source.citation, requirement.requirement.section)
        groups.setdefault(key, []).append(requirement_id)
    if not groups:
        return None
    parts = [f"{', '.join(ids)} ({cite}, § {section})" for (cite, section), ids in groups.items()]
    return f"*Implements: {'; '.join(parts)}.*"
