"""The draft as a Word document (DOCX), made with python-docx, in one of the three renderings.

* Word's own styles: ``Title`` for the charter, ``Heading 1`` for titles (and the
  preamble), ``Heading 2`` for chapters, ``Heading 3`` for articles; the charter's
  styles ``Charter Paragraph``, ``Charter Point``, ``Charter Alternative`` and
  ``Charter Note`` for the body, and the character styles ``Charter Bracket``
  (contested words, shaded) and ``Charter Party`` (the party proposing them, bold).
* Paragraph numbers and point letters are written as text, in the manifest's
  numbering style, with a hanging indent: they are the numbers every citation
  uses ("Article 12(2)(a)"), so Word must never renumber them.
* Reservations are real footnotes: python-docx has no footnote API, so the
  footnotes part (``word/footnotes.xml``, with Word's separator footnotes) is
  written with lxml and related to the document part.
* Cross-references are internal hyperlinks to bookmarks named by the exports'
  identifiers (``art_12__para_2__point_a``); the contents list links every title,
  chapter and article.
* Document properties: title, version, the rendering, the library hash (as the
  identifier and in the comments), ``generator: charter`` as keywords, and fixed
  dates; the ZIP archive is written with fixed timestamps in a fixed order, so the
  same library gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from charter_cli.draft.model import Article, ChapterPart, Draft, TitlePart
from charter_cli.load.library import Library
from charter_cli.render.frontmatter import SIGNATURE
from charter_cli.render.layout import (
    ELLIPSIS,
    FALLEN_HEADING,
    FALLEN_INTRO,
    TEXT_NAMES,
    BodyView,
    Contest,
    ParagraphView,
    Ref,
    Runs,
    Setting,
    article_eid,
    article_heading,
    chapter_eid,
    chapter_heading,
    fallen,
    fallen_line,
    framed,
    layout,
    ref_eid,
    reflowed,
    setting_for,
    title_block,
    title_eid,
    title_heading,
)
from charter_cli.render.provenance import library_hash
from charter_cli.render.xmlsafe import xml_safe
from charter_cli.vocabulary import Rendering

FIXED_TIME = datetime(1980, 1, 1, tzinfo=UTC)
"""The date of the document and of every file in its archive (the earliest a ZIP can hold)."""
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"

PARAGRAPH = "Charter Paragraph"
POINT = "Charter Point"
ALTERNATIVE = "Charter Alternative"
NOTE = "Charter Note"
BRACKET = "Charter Bracket"
PARTY = "Charter Party"
CONTENTS = ("TOC 1", "TOC 2", "TOC 3")


def render_docx(
    draft: Draft,
    library: Library,
    *,
    rendering: Rendering = Rendering.COMPILATION,
    trace: bool | None = None,
) -> bytes:
    """The whole draft as one Word document, byte-identical for the same library."""
    setting = setting_for(draft, library, rendering, trace)
    document = Document()
    _styles(document)
    writer = _Writer(document, setting)
    writer.write()
    _properties(document, setting)
    _footnotes_part(document, writer.footnotes)
    buffer = io.BytesIO()
    document.save(buffer)
    return repack(buffer.getvalue())


# ------------------------------------------------------------------ styles


def _styles(document: DocumentObject) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Cambria"
    normal.font.size = Pt(11)
    for name, left, hanging in (
        (PARAGRAPH, 0.75, 0.75),
        (POINT, 1.5, 0.75),
        (ALTERNATIVE, 1.5, 0),
        (NOTE, 0, 0),
    ):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.paragraph_format.left_indent = Cm(left)
        style.paragraph_format.first_line_indent = Cm(-hanging)
        style.paragraph_format.space_after = Pt(6)
    styles[NOTE].font.italic = True
    styles[NOTE].font.size = Pt(10)
    for level, name in enumerate(CONTENTS):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.paragraph_format.left_indent = Cm(0.6 * level)
        style.paragraph_format.space_after = Pt(0)
    bracket = styles.add_style(BRACKET, WD_STYLE_TYPE.CHARACTER)
    bracket.font.color.rgb = RGBColor(0x7A, 0x1F, 0x1F)
    _shade(bracket.element.get_or_add_rPr(), "F2E6E6")
    party = styles.add_style(PARTY, WD_STYLE_TYPE.CHARACTER)
    party.base_style = bracket
    party.font.bold = True
    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.font.underline = True
    text = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
    text.base_style = normal
    text.font.size = Pt(9)
    styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER).font.superscript = True


def _shade(properties: etree._Element, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


# ------------------------------------------------------------------ writing


class _Writer:
    """Writes the draft into the document, numbering bookmarks and footnotes as it goes."""

    def __init__(self, document: DocumentObject, setting: Setting) -> None:
        self.document = document
        self.setting = setting
        self.bookmarks = 0
        self.footnotes: list[str] = []

    def write(self) -> None:
        setting = self.setting
        draft = setting.draft
        self.document.add_paragraph(xml_safe(draft.charter.title), style="Title")
        for line in title_block(setting):
            self.document.add_paragraph(xml_safe(line))
        self._contents()
        if draft.preamble is not None:
            self._preamble()
        for title in draft.titles:
            self._title(title)
        if setting.rendering is Rendering.AGREED and fallen(setting):
            self._heading(FALLEN_HEADING, 1, "not_yet_agreed")
            self.document.add_paragraph(FALLEN_INTRO)
            for placement in fallen(setting):
                self.document.add_paragraph(xml_safe(fallen_line(placement)), style="List Bullet")

    def _contents(self) -> None:
        setting = self.setting
        draft = setting.draft
        entries: list[tuple[int, str, str]] = []
        if draft.preamble is not None:
            entries.append((0, draft.preamble.heading, "preamble"))
        for title in draft.titles:
            entries.append((0, title_heading(title), title_eid(title)))
            entries += self._article_entries(title.articles, 1)
            for chapter in title.chapters:
                entries.append((1, chapter_heading(chapter), chapter_eid(title, chapter)))
                entries += self._article_entries(chapter.articles, 2)
        if setting.rendering is Rendering.AGREED and fallen(setting):
            entries.append((0, FALLEN_HEADING, "not_yet_agreed"))
        if not entries:
            return
        self.document.add_paragraph("Contents", style="TOC Heading")
        for level, text, target in entries:
            paragraph = self.document.add_paragraph(style=CONTENTS[level])
            _link(paragraph, text, target)

    def _article_entries(
        self, articles: tuple[Article, ...], level: int
    ) -> list[tuple[int, str, str]]:
        shown = self.setting.shown
        return [
            (level, article_heading(a), article_eid(a)) for a in articles if a.entry.id in shown
        ]

    def _heading(self, text: str, level: int, bookmark: str) -> DocxParagraph:
        paragraph: DocxParagraph = self.document.add_heading(level=level)
        self._bookmark(paragraph, bookmark, lambda: paragraph.add_run(xml_safe(text)))
        return paragraph

    def _bookmark(self, paragraph: DocxParagraph, name: str, fill: Callable[[], object]) -> None:
        """Put a bookmark named ``name`` around what ``fill()`` adds to the paragraph."""
        self.bookmarks += 1
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self.bookmarks))
        start.set(qn("w:name"), name)
        _append(paragraph._p, start)  # python-docx has no bookmark API
        fill()
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self.bookmarks))
        _append(paragraph._p, end)

    def _preamble(self) -> None:
        preamble = self.setting.draft.preamble
        assert preamble is not None  # noqa: S101 - called only when there is one
        self._heading(preamble.heading, 1, "preamble")
        if preamble.opening:
            self.document.add_paragraph(xml_safe(preamble.opening.strip()))
        for recital in preamble.recitals:
            if recital.entry.id in self.setting.shown:
                view = layout(self.setting, recital)
                self._body(view, None)
        if preamble.closing:
            self.document.add_paragraph(xml_safe(preamble.closing.strip()))

    def _title(self, title: TitlePart) -> None:
        self._heading(title_heading(title), 1, title_eid(title))
        for article in title.articles:
            self._article(article)
        for chapter in title.chapters:
            self._chapter(title, chapter)

    def _chapter(self, title: TitlePart, chapter: ChapterPart) -> None:
        self._heading(chapter_heading(chapter), 2, chapter_eid(title, chapter))
        for article in chapter.articles:
            self._article(article)

    def _article(self, article: Article) -> None:
        if article.entry.id not in self.setting.shown:
            return
        view = layout(self.setting, article)
        heading = self._heading(article_heading(article), 3, article_eid(article))
        self._notes(heading, view, view.heading_marks)
        self._body(view, article)

    def _body(self, view: BodyView, article: Article | None) -> None:
        for paragraph, opens, closes in framed(view):
            self._paragraph(view, paragraph, (opens, closes), article)
        if view.status_note:
            self.document.add_paragraph(xml_safe(view.status_note), style=NOTE)
        if view.trace:
            self.document.add_paragraph(xml_safe(view.trace), style=NOTE)

    def _paragraph(
        self,
        view: BodyView,
        paragraph: ParagraphView,
        edges: tuple[str, str],
        article: Article | None,
    ) -> None:
        opens, closes = edges
        style = PARAGRAPH if paragraph.marker else None
        out = self.document.add_paragraph(style=style)
        marker = f"{paragraph.marker}\t" if paragraph.marker else ""

        def first_line() -> None:
            if marker:
                out.add_run(marker)
            if paragraph.dropped:
                out.add_run(ELLIPSIS)
                return
            if paragraph.alternatives:
                return
            self._open(out, opens, paragraph.proposal)
            self._runs(out, paragraph.runs)

        if article is not None and paragraph.number is not None:
            self._bookmark(out, article_eid(article, paragraph.number), first_line)
        else:
            first_line()
        proposal = "]" if paragraph.proposal is not None else ""
        if paragraph.alternatives:
            self._alternatives(out, paragraph, edges)
        elif paragraph.points:
            self._points(paragraph, article, proposal + closes)
        elif not paragraph.dropped:
            _bracketed(out, proposal + closes)
        self._notes(out, view, paragraph.marks)

    def _open(self, out: DocxParagraph, opens: str, proposal: str | None) -> None:
        _bracketed(out, opens)
        if proposal is None:
            return
        _bracketed(out, "[")
        if proposal:
            out.add_run(xml_safe(proposal), style=PARTY)

    def _alternatives(
        self, out: DocxParagraph, paragraph: ParagraphView, edges: tuple[str, str]
    ) -> None:
        opens, closes = edges
        last = len(paragraph.alternatives)
        for alt in paragraph.alternatives:
            target = out if alt.index == 1 else self.document.add_paragraph(style=ALTERNATIVE)
            _bracketed(target, (opens if alt.index == 1 else "") + "[")
            target.add_run(f"Alternative {alt.index}", style=PARTY)
            if alt.party:
                target.add_run(f" ({xml_safe(alt.party)})", style=PARTY)
            target.add_run(": ")
            self._runs(target, alt.runs)
            _bracketed(target, "]" + (closes if alt.index == last else ""))

    def _points(self, paragraph: ParagraphView, article: Article | None, closes: str) -> None:
        last = len(paragraph.points) - 1
        for index, point in enumerate(paragraph.points):
            out = self.document.add_paragraph(style=POINT)

            def fill(
                out: DocxParagraph = out, runs: Runs = point.runs, marker: str = point.marker
            ) -> None:
                out.add_run(f"{marker}\t")
                self._runs(out, runs)

            if article is not None:
                self._bookmark(out, article_eid(article, paragraph.number or 1, point.letter), fill)
            else:
                fill()
            if index == last:
                _bracketed(out, closes)

    def _runs(self, out: DocxParagraph, runs: Runs, style: str | None = None) -> None:
        for run in runs:
            if isinstance(run, str):
                out.add_run(xml_safe(reflowed(run)), style=style)
            elif isinstance(run, Ref):
                if run.linked:
                    _link(out, run.label, ref_eid(run))
                else:
                    out.add_run(run.label, style=style)
            else:
                self._contest(out, run)

    def _contest(self, out: DocxParagraph, contest: Contest) -> None:
        if contest.space:
            out.add_run(contest.space)
        if contest.joined:
            out.add_run("[", style=BRACKET)
            for index, wording in enumerate(contest.wordings):
                if index:
                    out.add_run(" / ", style=BRACKET)
                self._runs(out, wording.runs, BRACKET)
            out.add_run("]", style=BRACKET)
            return
        for index, wording in enumerate(contest.wordings):
            if index:
                out.add_run(" ")
            out.add_run("[", style=BRACKET)
            out.add_run(f"{xml_safe(wording.party or '')}: ", style=PARTY)
            if wording.runs:
                self._runs(out, wording.runs, BRACKET)
            else:
                out.add_run("delete", style=BRACKET).italic = True
            out.add_run("]", style=BRACKET)

    def _notes(self, out: DocxParagraph, view: BodyView, marks: tuple[str, ...]) -> None:
        by_label = {note.label: note.text for note in view.notes}
        for label in marks:
            self.footnotes.append(by_label[label])
            reference = out.add_run(style="Footnote Reference")
            mark = OxmlElement("w:footnoteReference")
            mark.set(qn("w:id"), str(len(self.footnotes)))
            _append(reference._r, mark)  # nor a footnote API


def _append(parent: Any, child: Any) -> None:
    """Add an element python-docx has no API for (its element classes type their children)."""
    parent.append(child)


def _bracketed(out: DocxParagraph, text: str) -> None:
    if text:
        out.add_run(text, style=BRACKET)


def _link(paragraph: DocxParagraph, text: str, anchor: str) -> None:
    """An internal hyperlink to the bookmark ``anchor``."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    run = paragraph.add_run(xml_safe(text), style="Hyperlink")
    _append(link, run._r)  # nor a hyperlink API
    _append(paragraph._p, link)


# ------------------------------------------------------------ parts and archive


def _properties(document: DocumentObject, setting: Setting) -> None:
    charter = setting.draft.charter
    core = document.core_properties
    digest = library_hash(setting.library)
    core.title = xml_safe(charter.title)
    core.subject = f"Draft version {xml_safe(charter.version)} — {TEXT_NAMES[setting.rendering]}"
    core.version = xml_safe(charter.version)
    core.identifier = digest
    core.keywords = SIGNATURE.decode()
    core.comments = f"Built by charter from the library {digest}."
    core.content_status = TEXT_NAMES[setting.rendering]
    core.language = charter.language
    core.author = ""
    core.last_modified_by = "charter build"
    core.category = "draft"
    core.revision = 1
    core.created = FIXED_TIME.replace(tzinfo=None)
    core.modified = FIXED_TIME.replace(tzinfo=None)
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == _THUMBNAIL:  # the template's picture of an empty page
            package.rels.pop(rel_id)


def _footnotes_part(document: DocumentObject, notes: list[str]) -> None:
    """``word/footnotes.xml``: Word's two separators, then one footnote per reservation."""
    if not notes:
        return
    root = etree.Element(f"{{{_W}}}footnotes", nsmap={"w": _W})
    for number, kind, element in (
        (-1, "separator", "separator"),
        (0, "continuationSeparator", "continuationSeparator"),
    ):
        footnote = etree.SubElement(root, f"{{{_W}}}footnote")
        footnote.set(f"{{{_W}}}type", kind)
        footnote.set(f"{{{_W}}}id", str(number))
        run = etree.SubElement(etree.SubElement(footnote, f"{{{_W}}}p"), f"{{{_W}}}r")
        etree.SubElement(run, f"{{{_W}}}{element}")
    for number, text in enumerate(notes, start=1):
        footnote = etree.SubElement(root, f"{{{_W}}}footnote")
        footnote.set(f"{{{_W}}}id", str(number))
        paragraph = etree.SubElement(footnote, f"{{{_W}}}p")
        style = etree.SubElement(etree.SubElement(paragraph, f"{{{_W}}}pPr"), f"{{{_W}}}pStyle")
        style.set(f"{{{_W}}}val", "FootnoteText")
        mark = etree.SubElement(paragraph, f"{{{_W}}}r")
        mark_style = etree.SubElement(etree.SubElement(mark, f"{{{_W}}}rPr"), f"{{{_W}}}rStyle")
        mark_style.set(f"{{{_W}}}val", "FootnoteReference")
        etree.SubElement(mark, f"{{{_W}}}footnoteRef")
        words = etree.SubElement(etree.SubElement(paragraph, f"{{{_W}}}r"), f"{{{_W}}}t")
        words.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        words.text = " " + xml_safe(text)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = Part(PackURI("/word/footnotes.xml"), _FOOTNOTES, blob, document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def repack(archive: bytes) -> bytes:
    """The same ZIP archive, deterministic: fixed timestamps and modes, a fixed order.

    ``[Content_Types].xml`` comes first, as Office writes it; the rest in name
    order; the core properties stored uncompressed so that their ``generator``
    keyword can be recognised in the file.
    """
    source = zipfile.ZipFile(io.BytesIO(archive))
    names = sorted(source.namelist(), key=lambda name: (name != "[Content_Types].xml", name))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.external_attr = 0o644 << 16
            info.create_system = 3
            stored = name == "docProps/core.xml"
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(name))
    return out.getvalue()
