"""Render stage: the numbered draft as one self-contained, accessible HTML file.

One file, no external assets: the style sheet (screen and print) is inside it,
there is no script. The page has the landmarks a screen reader offers (banner,
navigation, main, content information), the charter's language on ``<html>``,
contents that link to every title, chapter and article, and a link for every
cross-reference. Square brackets, party labels, alternatives, open articles and
reservations are styled; the brackets and labels stay in the text, so a copy
of it reads as the Markdown draft does.

Every element is built with :mod:`xml.etree.ElementTree`, which escapes every
text and attribute it writes: nothing from the library reaches the page as
markup. Like the Markdown, the page is a pure function of the library, written
in pieces (one per article).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from charter_cli.draft.model import Draft
from charter_cli.load.library import Library
from charter_cli.render import blocks as ir
from charter_cli.render import document, layout
from charter_cli.render.document import Heading, PreambleView
from charter_cli.render.frontmatter import GENERATOR_META
from charter_cli.render.layout import Setting
from charter_cli.render.tree import append_text, child, serialise
from charter_cli.vocabulary import Rendering

STYLE = """
:root{--ink:#1b1b1b;--muted:#555;--rule:#d0d0d0;--accent:#0b4f8a;--open:#fff4c2;
--open-edge:#b08900;--alt:#eef5fb;--alt-edge:#0b4f8a;--note:#7a2e0e}
*{box-sizing:border-box}
html{font-family:Georgia,"Times New Roman",serif;color:var(--ink);background:#fff;line-height:1.5}
body{margin:0 auto;max-width:52rem;padding:1rem 1.25rem 3rem}
a{color:var(--accent)}
a:focus{outline:2px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.25rem .5rem}
header h1{font-size:1.7rem;margin:1rem 0 .5rem}
header p{margin:.2rem 0;color:var(--muted)}
h2,h3,h4{font-family:"Helvetica Neue",Arial,sans-serif;margin:2rem 0 .25rem}
h2{font-size:1.35rem}h3{font-size:1.15rem}h4{font-size:1rem}
.heading-name{font-weight:normal}
nav ul{list-style:none;padding-left:1.1rem;margin:.2rem 0}
nav>ul{padding-left:0}
.provision{margin:.6rem 0}
.provision p{margin:.4rem 0}
.point{margin-left:2.2rem}
.marker{font-weight:bold;margin-right:.35rem}
.option{background:var(--open);border-bottom:1px solid var(--open-edge)}
.label{font-family:"Helvetica Neue",Arial,sans-serif;font-size:.85em;font-weight:bold;color:var(--open-edge)}
.provision.open{border-left:3px solid var(--open-edge);padding-left:.6rem;background:#fffbea}
.provision.alternative{border-left:3px solid var(--alt-edge);background:var(--alt)}
article.open>h4::after,article.open>h3::after{content:" (not agreed)";font-weight:normal;font-size:.85em;color:var(--open-edge)}
.status-note,.trace{color:var(--muted);font-size:.92em}
.note-mark a{color:var(--note);text-decoration:none;font-weight:bold}
.notes li{margin:.3rem 0}
.notes,.fallen{border-top:1px solid var(--rule);margin-top:2rem}
footer{border-top:1px solid var(--rule);margin-top:2rem;color:var(--muted);font-size:.85em}
@media print{
body{max-width:none;padding:0;font-size:11pt}
.skip{display:none}
a{color:inherit;text-decoration:none}
nav{break-after:page}
section.title>h2{break-before:page}
h2,h3,h4{break-after:avoid}
.provision{break-inside:avoid}
.option,.provision.open,.provision.alternative{background:none}
.option{border-bottom:1px dotted #000}
}
"""
"""The style sheet of the page, for the screen and for print."""


def iter_html(
    draft: Draft,
    library: Library,
    *,
    rendering: Rendering = Rendering.COMPILATION,
    trace: bool | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[str]:
    """The page in pieces (one per article), as :func:`~charter_cli.render.markdown.iter_markdown`."""
    setting = layout.setting_for(draft, library, rendering, trace)
    title = f"{draft.charter.title} — {layout.text_name(rendering, setting.labels)}"
    yield page_start(setting, title)
    yield from body(setting, HtmlOptions(on_article=document.article_counter(setting, progress)))
    yield page_end()


@dataclass(frozen=True)
class HtmlOptions:
    """What a page built on the draft adds to it (the preview of ``charter serve``)."""

    requirement_link: Callable[[str], str] | None = None
    """Where a requirement named in a trace links to, or ``None`` for plain text."""
    aside: str = ""
    """Markup of an ``<aside>`` written after the main text (already escaped: built with a tree)."""
    on_article: Callable[[], None] | None = field(default=None, compare=False)
    """Called after each article is written (to show progress)."""


def page_start(
    setting: Setting,
    title: str,
    *,
    style: str = STYLE,
    head: str = "",
    root_attributes: str = "",
    body_class: str = "",
) -> str:
    """The document up to ``<body>``: language, character set, generator, title, style.

    ``head`` is markup the caller adds to the head (made from constants only);
    ``root_attributes`` and ``body_class`` are added to ``<html>`` and ``<body>``.
    """
    fields = document.front_fields(setting)
    metas = "".join(
        _html(
            "meta",
            {
                "name": f"charter:{key}",
                "content": str(value).lower() if isinstance(value, bool) else str(value),
            },
        )
        for key, value in fields.items()
        if key not in {"title", "language"}
    )
    language = _attribute(setting.draft.charter.language)
    body = f'<body class="{_attribute(body_class)}">' if body_class else "<body>"
    return (
        f'<!DOCTYPE html>\n<html lang="{language}"{root_attributes}>\n<head>\n'
        f'<meta charset="utf-8">\n{GENERATOR_META}\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{metas}\n{_html('title', {}, title)}\n<style>{style}</style>\n{head}</head>\n{body}\n"
    )


def page_end() -> str:
    """The end of the document."""
    return "</body>\n</html>\n"


def body(setting: Setting, options: HtmlOptions) -> Iterator[str]:
    """The banner, the contents, the main text with its notes, and the footer."""
    yield _html("a", {"class": "skip", "href": "#main"}, setting.labels.skip) + "\n"
    yield serialise(_header(setting))
    entries = layout.contents(setting)
    if entries:
        yield serialise(_contents(entries, setting.labels.contents))
    yield '<main id="main">\n'
    writer = _Writer(setting, options)
    yield from writer.main()
    yield "</main>\n"
    yield options.aside
    yield serialise(_footer(setting))


def _header(setting: Setting) -> ET.Element:
    block = layout.title_lines(setting)
    header = _element("header")
    child(header, "h1", setting.draft.charter.title)
    child(header, "p", block.version, {"class": "version"})
    if block.parties:
        child(header, "p", block.parties, {"class": "parties"})
    child(header, "p", block.count, {"class": "count"})
    if block.language:
        child(header, "p", block.language, {"class": "language"})
    return header


def _contents(entries: list[tuple[int, str, str]], heading: str) -> ET.Element:
    nav = _element("nav", {"aria-labelledby": "contents"})
    child(nav, "h2", heading, {"id": "contents"})
    lists = [child(nav, "ul")]
    last_item: ET.Element | None = None
    for depth, text, target in entries:
        while depth + 1 > len(lists) and last_item is not None:
            lists.append(child(last_item, "ul"))
        del lists[depth + 1 :]
        last_item = child(lists[-1], "li")
        child(last_item, "a", text, {"href": f"#{target}"})
    return nav


def _footer(setting: Setting) -> ET.Element:
    footer = _element("footer")
    fields = document.front_fields(setting)
    text = (
        f"Built by charter from the library {fields['library-hash']} "
        f"({layout.TEXT_NAMES[setting.rendering]}, version {fields['version']})."
    )
    child(footer, "p", text, {"class": "provenance"})
    return footer


class _Writer:
    """Writes the main text of one page, numbering its notes."""

    def __init__(self, setting: Setting, options: HtmlOptions) -> None:
        self.setting = setting
        self.options = options
        self.notes: list[tuple[str, str]] = []
        self.numbers: dict[str, int] = {}

    def main(self) -> Iterator[str]:
        view = document.preamble(self.setting)
        if view is not None:
            yield serialise(self._preamble(view))
        open_title = open_chapter = False
        for part in document.parts(self.setting):
            if isinstance(part, Heading):
                if open_chapter:
                    yield "</section>\n"
                if part.kind == "title" and open_title:
                    yield "</section>\n"
                open_chapter = part.kind == "chapter"
                open_title = open_title or part.kind == "title"
                yield f'<section class="{part.kind}">\n'
                yield serialise(self._heading(part))
            else:
                yield serialise(self._article(part))
                if self.options.on_article is not None:
                    self.options.on_article()
        yield "</section>\n" * (open_chapter + open_title)
        fallen = document.fallen_lines(self.setting)
        if fallen:
            section = _element("section", {"class": "fallen"})
            labels = self.setting.labels
            child(section, "h2", labels.not_yet_agreed, {"id": layout.FALLEN_ID})
            child(section, "p", labels.fallen_intro)
            items = child(section, "ul")
            for line in fallen:
                child(items, "li", line)
            yield serialise(section)
        if self.notes:
            yield serialise(self._notes())

    def _heading(self, part: Heading) -> ET.Element:
        heading = _element(f"h{part.depth + 1}", {"id": part.anchor})
        number = child(heading, "span", part.label, {"class": "heading-number"})
        if part.name.strip():
            number.tail = " — "
            child(heading, "span", part.name, {"class": "heading-name"})
        return heading

    def _preamble(self, view: PreambleView) -> ET.Element:
        section = _element("section", {"class": "preamble"})
        child(section, "h2", view.heading, {"id": layout.PREAMBLE_ID})
        self._blocks(child(section, "div", None, {"class": "formula"}), view.opening)
        for recital in view.recitals:
            self._article_body(child(section, "div", None, self._classes(recital)), recital)
            if self.options.on_article is not None:
                self.options.on_article()
        self._blocks(child(section, "div", None, {"class": "formula"}), view.closing)
        return section

    def _classes(self, view: ir.ArticleView) -> dict[str, str]:
        kind = "article" if view.heading else "recital"
        classes = f"{kind} status-{view.status}" + (" open" if view.open else "")
        return {"class": classes, "id": view.anchor} if not view.heading else {"class": classes}

    def _article(self, view: ir.ArticleView) -> ET.Element:
        article = _element("article", {**self._classes(view), "aria-labelledby": view.anchor})
        heading = child(article, f"h{view.depth + 1}", None, {"id": view.anchor})
        child(heading, "span", view.heading, {"class": "heading-number"}).tail = " — "
        name = child(heading, "span", view.title, {"class": "heading-name"})
        for mark in view.title_marks:
            self._inline(name, mark)
        self._article_body(article, view)
        return article

    def _article_body(self, parent: ET.Element, view: ir.ArticleView) -> None:
        for provision in view.provisions:
            self._provision(parent, provision)
        if view.status_note is not None:
            self._line(child(parent, "p", None, {"class": "status-note"}), view.status_note)
        if view.trace:
            self._trace(child(parent, "p", None, {"class": "trace"}), view.trace)
        self.notes += [(note.label, note.text) for note in view.notes]

    def _provision(self, parent: ET.Element, provision: ir.Provision) -> None:
        classes = f"provision {provision.kind}" + (" open" if provision.open else "")
        attributes = {"class": classes}
        if provision.party:
            attributes["data-party"] = provision.party
        box = child(parent, "div", None, attributes)
        blocks = list(provision.blocks)
        if provision.marker:
            first = child(box, "p")
            child(first, "span", provision.marker, {"class": "marker"}).tail = " "
            lead = blocks[0] if blocks else None
            if isinstance(lead, ir.Para):
                self._lines(first, lead.lines)
                blocks.pop(0)
        self._blocks(box, tuple(blocks))

    def _blocks(self, parent: ET.Element, blocks: tuple[ir.Block, ...]) -> None:
        for block in blocks:
            if isinstance(block, ir.Para):
                self._lines(child(parent, "p"), block.lines)
                continue
            attributes = {"start": str(block.start)} if block.ordered and block.start != 1 else {}
            items = child(parent, "ol" if block.ordered else "ul", None, attributes)
            for item in block.items:
                self._lines(child(items, "li"), item.lines)

    def _lines(self, parent: ET.Element, lines: tuple[ir.Line, ...]) -> None:
        for index, line in enumerate(lines):
            if index:
                append_text(parent, "\n")
            self._line(parent, line)

    def _line(self, parent: ET.Element, line: ir.Line | tuple[ir.Inline, ...]) -> None:
        for piece in line:
            self._inline(parent, piece)

    def _inline(self, parent: ET.Element, piece: ir.Inline) -> None:
        if isinstance(piece, str):
            append_text(parent, piece)
        elif isinstance(piece, ir.Link):
            child(parent, "a", piece.text, {"href": f"#{piece.target}"})
        elif isinstance(piece, ir.Label):
            child(parent, "span", piece.text.rstrip(), {"class": "label"}).tail = (
                piece.text[len(piece.text.rstrip()) :] or None
            )
        elif isinstance(piece, ir.Emphasis):
            self._line(child(parent, "em"), piece.content)
        elif isinstance(piece, ir.Bracket):
            attributes = {"class": "option"}
            if piece.party:
                attributes["data-party"] = piece.party
            self._line(child(parent, "span", None, attributes), piece.content)
        else:
            self._mark(parent, piece)

    def _mark(self, parent: ET.Element, mark: ir.NoteMark) -> None:
        number = self.numbers.setdefault(mark.label, len(self.numbers) + 1)
        sup = child(parent, "sup", None, {"class": "note-mark"})
        attributes = {
            "href": f"#note-{mark.label}",
            "id": f"ref-{mark.label}",
            "role": "doc-noteref",
            "aria-label": self.setting.labels.note_mark.format(number=number),
        }
        child(sup, "a", str(number), attributes)

    def _trace(self, parent: ET.Element, groups: tuple[ir.TraceGroup, ...]) -> None:
        em = child(parent, "em")
        link = self.options.requirement_link
        for text, requirement in layout.trace_parts(groups, self.setting.labels):
            if requirement and link is not None:
                child(em, "a", text, {"href": link(text), "class": "requirement"})
            else:
                append_text(em, text)

    def _notes(self) -> ET.Element:
        section = _element("section", {"class": "notes", "role": "doc-endnotes"})
        child(section, "h2", self.setting.labels.notes, {"id": "notes"})
        items = child(section, "ol")
        for label, text in self.notes:
            item = child(items, "li", text + " ", {"id": f"note-{label}"})
            back = {
                "href": f"#ref-{label}",
                "role": "doc-backlink",
                "aria-label": self.setting.labels.back,
            }
            child(item, "a", "↩", back)
        return section


def _element(tag: str, attributes: dict[str, str] | None = None) -> ET.Element:
    return ET.Element(tag, attributes or {})


def _html(tag: str, attributes: dict[str, str], text: str | None = None) -> str:
    element = _element(tag, attributes)
    element.text = text
    return ET.tostring(element, encoding="unicode", method="html")


def _attribute(value: str) -> str:
    """A value escaped for a double-quoted attribute."""
    from html import escape

    return escape(value, quote=True)
