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

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

from charter_cli.draft.model import Article, ChapterPart, Draft, TitlePart
from charter_cli.load.library import Library
from charter_cli.render.frontmatter import SIGNATURE
from charter_cli.render.layout import (
    ELLIPSIS,
    FALLEN_ID,
    PREAMBLE_ID,
    TEXT_NAMES,
    BodyView,
    Contest,
    ParagraphView,
    PointView,
    Ref,
    Runs,
    Setting,
    alternative_label,
    article_eid,
    article_heading,
    chapter_eid,
    chapter_heading,
    contents,
    fallen,
    fallen_line,
    framed,
    layout,
    ref_eid,
    reflowed,
    setting_for,
    text_name,
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
TOC_STYLES = ("TOC 1", "TOC 2", "TOC 3")


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
    end = document.element.body.sectPr
    assert end is not None  # noqa: S101 - the template has its section properties
    for paragraph in writer.body:
        end.addprevious(paragraph)
    set_properties(document, setting)
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
    for level, name in enumerate(TOC_STYLES):
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


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class _Writer:
    """Writes the draft's paragraphs as WordprocessingML, numbering bookmarks and footnotes.

    The body is built with lxml, not python-docx's paragraph API, which looks up
    every style by name and inserts every paragraph by a search of the body: too
    slow for a charter of thousands of articles.
    """

    def __init__(self, document: DocumentObject, setting: Setting) -> None:
        self.setting = setting
        self.ids = {style.name: style.style_id for style in document.styles}
        self.body: list[etree._Element] = []
        self.bookmarks = 0
        self.footnotes: list[str] = []

    def write(self) -> None:
        setting = self.setting
        draft = setting.draft
        self._run(self._para("Title"), draft.charter.title)
        for line in title_block(setting):
            self._run(self._para(None), line)
        self._contents()
        if draft.preamble is not None:
            self._preamble()
        for title in draft.titles:
            self._title(title)
        if fallen(setting):
            labels = setting.labels
            self._heading(labels.not_yet_agreed, 1, FALLEN_ID)
            self._run(self._para(None), labels.fallen_intro)
            for placement in fallen(setting):
                self._run(self._para("List Bullet"), fallen_line(placement, labels))

    def _para(self, style: str | None) -> etree._Element:
        paragraph = etree.Element(_w("p"))
        if style is not None:
            properties = etree.SubElement(paragraph, _w("pPr"))
            etree.SubElement(properties, _w("pStyle")).set(_w("val"), self.ids[style])
        self.body.append(paragraph)
        return paragraph

    def _run(
        self, parent: etree._Element, text: str, style: str | None = None, *, italic: bool = False
    ) -> etree._Element:
        """A run of text: line ends as breaks, tabs as tabs, every character as written."""
        run: etree._Element = etree.SubElement(parent, _w("r"))
        if style is not None or italic:
            properties = etree.SubElement(run, _w("rPr"))
            if style is not None:
                etree.SubElement(properties, _w("rStyle")).set(_w("val"), self.ids[style])
            if italic:
                etree.SubElement(properties, _w("i"))
        for index, line in enumerate(xml_safe(text).split("\n")):
            if index:
                etree.SubElement(run, _w("br"))
            for number, piece in enumerate(line.split("\t")):
                if number:
                    etree.SubElement(run, _w("tab"))
                if piece:
                    words = etree.SubElement(run, _w("t"))
                    words.text = piece
                    if piece[0].isspace() or piece[-1].isspace():
                        words.set(_SPACE, "preserve")
        return run

    def _bracketed(self, parent: etree._Element, text: str) -> None:
        if text:
            self._run(parent, text, BRACKET)

    def _link(self, parent: etree._Element, text: str, anchor: str) -> None:
        """An internal hyperlink to the bookmark ``anchor``."""
        link = etree.SubElement(parent, _w("hyperlink"))
        link.set(_w("anchor"), anchor)
        link.set(_w("history"), "1")
        self._run(link, text, "Hyperlink")

    def _bookmark(self, paragraph: etree._Element, name: str, fill: Callable[[], object]) -> None:
        """Put a bookmark named ``name`` around what ``fill()`` adds to the paragraph."""
        self.bookmarks += 1
        number = str(self.bookmarks)
        start = etree.SubElement(paragraph, _w("bookmarkStart"))
        start.set(_w("id"), number)
        start.set(_w("name"), name)
        fill()
        etree.SubElement(paragraph, _w("bookmarkEnd")).set(_w("id"), number)

    def _contents(self) -> None:
        entries = contents(self.setting)
        if not entries:
            return
        self._run(self._para("TOC Heading"), self.setting.labels.contents)
        for level, text, target in entries:
            self._link(self._para(TOC_STYLES[level]), text, target)

    def _heading(self, text: str, level: int, bookmark: str) -> etree._Element:
        paragraph = self._para("Title" if level == 0 else f"Heading {level}")
        self._bookmark(paragraph, bookmark, lambda: self._run(paragraph, text))
        return paragraph

    def _preamble(self) -> None:
        preamble = self.setting.draft.preamble
        assert preamble is not None  # noqa: S101 - called only when there is one
        self._heading(preamble.heading, 1, PREAMBLE_ID)
        if preamble.opening:
            self._run(self._para(None), reflowed(preamble.opening.strip()))
        for recital in preamble.recitals:
            if recital.entry.id in self.setting.shown:
                self._body(layout(self.setting, recital), None)
        if preamble.closing:
            self._run(self._para(None), reflowed(preamble.closing.strip()))

    def _title(self, title: TitlePart) -> None:
        self._heading(title_heading(title, self.setting.labels), 1, title_eid(title))
        for article in title.articles:
            self._article(article)
        for chapter in title.chapters:
            self._chapter(title, chapter)

    def _chapter(self, title: TitlePart, chapter: ChapterPart) -> None:
        self._heading(chapter_heading(chapter, self.setting.labels), 2, chapter_eid(title, chapter))
        for article in chapter.articles:
            self._article(article)

    def _article(self, article: Article) -> None:
        if article.entry.id not in self.setting.shown:
            return
        view = layout(self.setting, article)
        heading = self._heading(
            article_heading(article, self.setting.labels), 3, article_eid(article)
        )
        self._notes(heading, view, view.heading_marks)
        self._body(view, article)

    def _body(self, view: BodyView, article: Article | None) -> None:
        for paragraph, opens, closes in framed(view):
            self._paragraph(view, paragraph, (opens, closes), article)
        if view.status_note:
            self._run(self._para(NOTE), view.status_note)
        if view.trace:
            self._run(self._para(NOTE), view.trace)

    def _paragraph(
        self,
        view: BodyView,
        paragraph: ParagraphView,
        edges: tuple[str, str],
        article: Article | None,
    ) -> None:
        opens, closes = edges
        out = self._para(PARAGRAPH if paragraph.marker else None)

        def first_line() -> None:
            if paragraph.marker:
                self._run(out, f"{paragraph.marker}\t")
            if paragraph.dropped:
                self._run(out, ELLIPSIS)
            elif not paragraph.alternatives:
                self._open(out, opens, paragraph.proposal)
                self._runs(out, paragraph.runs)

        if article is not None and paragraph.number is not None:
            self._bookmark(out, article_eid(article, paragraph.number), first_line)
        else:
            first_line()
        proposal = "]" if paragraph.proposal is not None else ""
        if paragraph.alternatives:
            self._alternatives(out, view, paragraph, edges)
            return
        self._notes(out, view, paragraph.marks)
        if paragraph.points:
            self._points(paragraph, article, proposal + closes)
        elif not paragraph.dropped:
            self._bracketed(out, proposal + closes)

    def _open(self, out: etree._Element, opens: str, proposal: str | None) -> None:
        self._bracketed(out, opens)
        if proposal is None:
            return
        self._bracketed(out, "[")
        if proposal:
            self._run(out, proposal, PARTY)

    def _alternatives(
        self, out: etree._Element, view: BodyView, paragraph: ParagraphView, edges: tuple[str, str]
    ) -> None:
        opens, closes = edges
        last = len(paragraph.alternatives)
        for alt in paragraph.alternatives:
            target = out if alt.index == 1 else self._para(ALTERNATIVE)
            self._bracketed(target, (opens if alt.index == 1 else "") + "[")
            self._run(target, alternative_label(alt), PARTY)
            self._run(target, ": ")
            self._runs(target, alt.runs)
            self._bracketed(target, "]" + (closes if alt.index == last else ""))
            if alt.index == 1:
                self._notes(target, view, paragraph.marks)

    def _points(self, paragraph: ParagraphView, article: Article | None, closes: str) -> None:
        last = len(paragraph.points) - 1
        for index, point in enumerate(paragraph.points):
            out = self._para(POINT)

            def fill(out: etree._Element = out, point: PointView = point) -> None:
                self._run(out, f"{point.marker}\t")
                self._runs(out, point.runs)

            if article is not None:
                self._bookmark(out, article_eid(article, paragraph.number or 1, point.letter), fill)
            else:
                fill()
            if index == last:
                self._bracketed(out, closes)

    def _runs(self, out: etree._Element, runs: Runs, style: str | None = None) -> None:
        for run in runs:
            if isinstance(run, str):
                self._run(out, reflowed(run), style)
            elif isinstance(run, Ref):
                if run.linked:
                    self._link(out, run.label, ref_eid(run))
                else:
                    self._run(out, run.label, style)
            else:
                self._contest(out, run)

    def _contest(self, out: etree._Element, contest: Contest) -> None:
        if contest.space:
            self._run(out, contest.space)
        if contest.joined:
            self._bracketed(out, "[")
            for index, wording in enumerate(contest.wordings):
                if index:
                    self._bracketed(out, " / ")
                self._runs(out, wording.runs, BRACKET)
            self._bracketed(out, "]")
            return
        for index, wording in enumerate(contest.wordings):
            if index:
                self._run(out, " ")
            self._bracketed(out, "[")
            self._run(out, f"{wording.party or ''}: ", PARTY)
            if wording.runs:
                self._runs(out, wording.runs, BRACKET)
            else:
                self._run(out, contest.delete, BRACKET, italic=True)
            self._bracketed(out, "]")

    def _notes(self, out: etree._Element, view: BodyView, marks: tuple[str, ...]) -> None:
        by_label = {note.label: note.text for note in view.notes}
        for label in marks:
            self.footnotes.append(by_label[label])
            reference = self._run(out, "", "Footnote Reference")
            mark = etree.SubElement(reference, _w("footnoteReference"))
            mark.set(_w("id"), str(len(self.footnotes)))


# ------------------------------------------------------------ parts and archive


def set_properties(document: DocumentObject, setting: Setting) -> None:
    """The document's core properties: title, version, the library's hash, the generator."""
    charter = setting.draft.charter
    core = document.core_properties
    digest = library_hash(setting.library)
    core.title = xml_safe(charter.title)
    labels = setting.labels
    version = labels.draft_version.format(version=xml_safe(charter.version))
    core.subject = f"{version} — {text_name(setting.rendering, labels)}"
    core.version = xml_safe(charter.version)
    core.identifier = digest
    core.keywords = SIGNATURE.decode()
    core.comments = f"Built by charter from the library {digest}."
    core.content_status = TEXT_NAMES[setting.rendering]
    core.language = charter.language
    core.author = ""
    core.last_modified_by = "charter build"
    core.category = "draft"
    translated = setting.draft.translated
    if translated is not None:  # the state of the translation, as the Markdown's front matter
        core.category = (
            f"translation {translated.language} of {translated.original}: "
            f"{translated.current} current, {translated.stale} stale, "
            f"{translated.missing} missing; {translated.fingerprint}"
        )
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
