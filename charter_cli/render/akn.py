"""The draft as Akoma Ntoso 3.0 XML (OASIS LegalDocML), in one of the three renderings.

The document is an ``akomaNtoso/bill``: Akoma Ntoso keeps ``act`` for a text
that has been adopted and ``bill`` for a draft still before its authors, which a
charter under negotiation is (``doc`` would lose the hierarchy of titles,
chapters and articles). It holds:

* ``meta``: ``identification`` with the FRBR Work (the charter), Expression (this
  version in the charter's language) and Manifestation (this XML file), all dated
  :data:`FIXED_DATE` so that the same library gives the same bytes;
  ``references`` naming every party as a ``TLCOrganization`` (blocs, groups and
  States alike are organisations); ``proprietary`` with the library hash and, with
  ``trace``, what each article implements;
* ``preface``: the title and the version line; ``preamble``: the opening words,
  the recitals and the closing formula;
* ``body``: ``title``, ``chapter``, ``article``, ``paragraph``, and points as
  ``list``/``point``, with ``eId``s by the naming convention (``title_II``,
  ``title_II__chp_3``, ``art_12``, ``art_12__para_2``, ``art_12__para_2__list_1``,
  ``art_12__para_2__point_a``);
* the negotiation: a contested passage is ``<inline name="contested">`` holding
  one ``<inline name="option" refersTo="#eu">`` per wording (``name="deletion"`` for
  a proposal to delete), with the brackets and party labels of the compilation
  text kept as text so that the document reads as the others do; whole-paragraph
  alternatives are ``alinea``s of the paragraph, each naming its party in
  ``refersTo``, every one after the first marked ``alternativeTo`` the first (the
  standard's mechanism for alternative versions of a content); a paragraph one
  party proposes names it in ``refersTo``; reservations and the note on an
  article open as a whole are ``authorialNote``s; cross-references are
  ``<ref href="#art_2__para_2__point_a">``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from charter_cli.draft.model import Article, ChapterPart, Draft, Placement, TitlePart
from charter_cli.load.library import Library
from charter_cli.render.frontmatter import SIGNATURE
from charter_cli.render.layout import (
    ELLIPSIS,
    TEXT_NAMES,
    BodyView,
    Contest,
    Note,
    ParagraphView,
    Ref,
    Runs,
    Setting,
    alternative_label,
    article_eid,
    article_number,
    chapter_eid,
    fallen,
    fallen_line,
    framed,
    layout,
    recital_eid,
    ref_eid,
    setting_for,
    title_block,
    title_eid,
)
from charter_cli.render.provenance import library_hash
from charter_cli.render.xmlsafe import xml_safe
from charter_cli.vocabulary import Rendering

NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
TRACE_NAMESPACE = "urn:charter-drafter:trace"
"""The namespace of what ``proprietary`` holds: the library hash and the trace."""
FIXED_DATE = "1980-01-01"
"""The date of every FRBR level: fixed, so that the same library gives the same bytes (the
manifest records no date; 1980-01-01 is also the earliest date a ZIP archive can hold)."""

_LANGUAGES = {"en": "eng", "es": "spa", "pt": "por", "fr": "fra", "de": "deu", "it": "ita"}
"""BCP 47 primary subtags to the ISO 639-2 codes the naming convention uses."""
_NAME = re.compile(r"[^a-z0-9.]+")


def render_akn(
    draft: Draft,
    library: Library,
    *,
    rendering: Rendering = Rendering.COMPILATION,
    trace: bool | None = None,
) -> bytes:
    """The whole draft as one Akoma Ntoso document, UTF-8, byte-identical for the same library."""
    setting = setting_for(draft, library, rendering, trace)
    root = etree.Element(_q("akomaNtoso"), nsmap={None: NAMESPACE, "charter": TRACE_NAMESPACE})
    bill = _sub(root, "bill", name="charter")
    traces = _Traces()
    _meta(bill, setting, traces)
    _preface(bill, setting)
    if draft.preamble is not None:
        _preamble(bill, setting)
    body = _sub(bill, "body")
    for title in draft.titles:
        _title(body, setting, title, traces)
    if fallen(setting):
        _fallen(bill, setting)
    comment = f" {SIGNATURE.decode()}; {TEXT_NAMES[rendering]} "
    head = b"<?xml version='1.0' encoding='UTF-8'?>\n<!--" + comment.encode() + b"-->\n"
    return head + etree.tostring(root, encoding="UTF-8", pretty_print=True)


def _q(tag: str) -> str:
    return f"{{{NAMESPACE}}}{tag}"


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element: etree._Element = etree.SubElement(
        parent, _q(tag), {k: v for k, v in attrs.items() if v}
    )
    if text is not None:
        element.text = xml_safe(text)
    return element


def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    """A child element in the Akoma Ntoso namespace, its text made XML-safe; empty attributes left out."""
    return _sub(parent, tag, text, **attrs)


def slug(text: str) -> str:
    """A title or version as a component of an FRBR URI: ``eurolat-charter``, ``0.2.0``."""
    return _NAME.sub("-", text.lower()).strip("-") or "charter"


def akn_language(language: str) -> str:
    """The ISO 639-2 code of a BCP 47 tag, as the naming convention writes it: ``pt`` -> ``por``."""
    return _LANGUAGES.get(language.split("-", maxsplit=1)[0].lower(), language.lower())


def frbr_levels(
    identification: etree._Element,
    uris: tuple[str, str],
    name: str,
    version: str,
    language: str,
) -> None:
    """The FRBR Work, Expression and Manifestation of a document, dated :data:`FIXED_DATE`.

    ``uris`` are the Work's and the Expression's URIs; the Manifestation is the
    Expression's ``.akn``.
    """
    work, expression = uris
    levels = (
        ("FRBRWork", f"{work}/main", work),
        ("FRBRExpression", f"{expression}/main", expression),
        ("FRBRManifestation", f"{expression}/main.xml", f"{expression}.akn"),
    )
    for level, this, uri in levels:
        frbr = _sub(identification, level)
        _sub(frbr, "FRBRthis", value=this)
        _sub(frbr, "FRBRuri", value=uri)
        _sub(frbr, "FRBRdate", date=FIXED_DATE, name="fixed")
        _sub(frbr, "FRBRauthor", href="#charter")
        if level == "FRBRWork":
            _sub(frbr, "FRBRcountry", value="int")
            _sub(frbr, "FRBRname", value=xml_safe(name))
        elif level == "FRBRExpression":
            _sub(frbr, "FRBRversionNumber", value=xml_safe(version))
            _sub(frbr, "FRBRlanguage", language=language)
        else:
            _sub(frbr, "FRBRformat", value="application/akn+xml")


def party_id(party: str) -> str:
    """The eId of a party among the references: ``eu``, ``lac``, ``br``."""
    return slug(party).replace("-", "_")


# ---------------------------------------------------------------------- meta


class _Traces:
    """The trace lines, gathered while the body is written, then placed in ``proprietary``."""

    def __init__(self) -> None:
        self.element: etree._Element | None = None

    def add(self, eid: str, text: str) -> None:
        if self.element is not None:
            line = etree.SubElement(
                self.element, f"{{{TRACE_NAMESPACE}}}implements", href=f"#{eid}"
            )
            line.text = xml_safe(text)


def _meta(bill: etree._Element, setting: Setting, traces: _Traces) -> None:
    draft = setting.draft
    charter = draft.charter
    meta = _sub(bill, "meta")
    identification = _sub(meta, "identification", source="#charter")
    language = akn_language(charter.language)
    work = f"/akn/int/bill/{FIXED_DATE}/{slug(charter.title)}"
    expression = f"{work}/{language}@{slug(charter.version)}"
    if setting.rendering is not Rendering.COMPILATION:
        expression += f"!{setting.rendering.value}"
    frbr_levels(identification, (work, expression), charter.title, charter.version, language)
    references = _sub(meta, "references", source="#charter")
    _sub(
        references,
        "TLCOrganization",
        eId="charter",
        href="/ontology/organization/charter",
        showAs="charter build",
    )
    for party in draft.parties:
        _sub(
            references,
            "TLCOrganization",
            eId=party_id(party.id),
            href=f"/ontology/organization/{party_id(party.id)}",
            showAs=xml_safe(party.name),
            shortForm=xml_safe(party.id),
        )
    proprietary = _sub(meta, "proprietary", source="#charter")
    provenance = etree.SubElement(proprietary, f"{{{TRACE_NAMESPACE}}}library")
    provenance.set("hash", library_hash(setting.library))
    provenance.set("text", setting.rendering.value)
    translated = draft.translated
    if translated is not None:
        state = etree.SubElement(proprietary, f"{{{TRACE_NAMESPACE}}}translation")
        state.set("language", translated.language)
        state.set("original", translated.original)
        state.set("current", str(translated.current))
        state.set("stale", str(translated.stale))
        state.set("missing", str(translated.missing))
        state.set("fingerprint", translated.fingerprint)
    if setting.trace:
        traces.element = proprietary


def _preface(bill: etree._Element, setting: Setting) -> None:
    preface = _sub(bill, "preface")
    long_title = _sub(preface, "longTitle")
    _sub(_sub(long_title, "p"), "docTitle", setting.draft.charter.title)
    for line in title_block(setting):
        _sub(preface, "p", line)


def _preamble(bill: etree._Element, setting: Setting) -> None:
    preamble = setting.draft.preamble
    assert preamble is not None  # noqa: S101 - called only when there is one
    element = _sub(bill, "preamble")
    if preamble.opening:
        _sub(_sub(element, "formula", name="enactingFormula"), "p", preamble.opening.strip())
    recitals = [r for r in preamble.recitals if r.entry.id in setting.shown]
    if recitals:
        container = _sub(element, "recitals", eId="recs")
        _sub(container, "heading", preamble.heading)
        for recital in recitals:
            eid = recital_eid(recital)
            item = _sub(container, "recital", eId=eid)
            view = layout(setting, recital)
            for paragraph, opens, closes in framed(view):
                p = _sub(item, "p")
                _paragraph_text(p, setting, paragraph, opens, closes, eid)
            _after(item, view, eid)
    if preamble.closing:
        _sub(_sub(element, "formula", name="enactingFormula"), "p", preamble.closing.strip())


# ---------------------------------------------------------------------- body


def _title(body: etree._Element, setting: Setting, title: TitlePart, traces: _Traces) -> None:
    eid = title_eid(title)
    element = _sub(body, "title", eId=eid)
    _sub(element, "num", setting.labels.title_heading(title.numeral))
    _sub(element, "heading", title.heading)
    for article in title.articles:
        _article(element, setting, article, traces)
    for chapter in title.chapters:
        _chapter(element, setting, chapter, chapter_eid(title, chapter), traces)
    if len(element) == 2:
        _sub(_sub(element, "content"), "p", ELLIPSIS)  # every article of it fell


def _chapter(
    parent: etree._Element, setting: Setting, chapter: ChapterPart, eid: str, traces: _Traces
) -> None:
    element = _sub(parent, "chapter", eId=eid)
    _sub(element, "num", setting.labels.chapter_heading(chapter.numeral))
    _sub(element, "heading", chapter.heading)
    for article in chapter.articles:
        _article(element, setting, article, traces)
    if len(element) == 2:
        _sub(_sub(element, "content"), "p", ELLIPSIS)


def _article(parent: etree._Element, setting: Setting, article: Article, traces: _Traces) -> None:
    if article.entry.id not in setting.shown:
        return
    eid = article_eid(article)
    element = _sub(parent, "article", eId=eid)
    _sub(element, "num", setting.labels.article_heading(article_number(article)))
    view = layout(setting, article)
    heading = _sub(element, "heading", article.entry.clause.title)
    _notes(heading, view.notes, view.heading_marks, eid)
    if view.status_note:
        _note(heading, f"{eid}__status", "*", view.status_note, "status")
    for paragraph, opens, closes in framed(view):
        number = paragraph.number or 1
        para = _sub(element, "paragraph", eId=f"{eid}__para_{number}")
        if paragraph.number is not None:
            _sub(para, "num", paragraph.marker)
        _paragraph(para, setting, paragraph, (opens, closes), (eid, f"{eid}__para_{number}"), view)
    if view.trace:
        traces.add(eid, view.trace)


def _paragraph(
    para: etree._Element,
    setting: Setting,
    paragraph: ParagraphView,
    edges: tuple[str, str],
    eids: tuple[str, str],
    view: BodyView,
) -> None:
    opens, closes = edges
    base, eid = eids
    if paragraph.proposal is not None and paragraph.proposal:
        para.set("refersTo", "#" + party_id(paragraph.proposal.removesuffix(": ")))
    if paragraph.alternatives:
        first = f"{eid}__alinea_1"
        for alt in paragraph.alternatives:
            alinea = _sub(
                para,
                "alinea",
                eId=f"{eid}__alinea_{alt.index}",
                refersTo=f"#{party_id(alt.party)}" if alt.party else "",
                alternativeTo=first if alt.index > 1 else "",
            )
            p = _sub(_sub(alinea, "content"), "p")
            lead = opens if alt.index == 1 else ""
            tail = closes if alt.index == len(paragraph.alternatives) else ""
            _text(p, f"{lead}[{alternative_label(alt)}: ")
            _runs(p, alt.runs, setting, eid)
            _text(p, f"]{tail}")
            if alt.index == 1:
                _notes(p, view.notes, paragraph.marks, base)
        return
    if paragraph.points:
        listing = _sub(para, "list", eId=f"{eid}__list_1")
        intro = _sub(_sub(listing, "intro"), "p")
        _text(intro, opens + (f"[{paragraph.proposal}" if paragraph.proposal is not None else ""))
        _runs(intro, paragraph.runs, setting, eid)
        _notes(intro, view.notes, paragraph.marks, base)
        last = len(paragraph.points) - 1
        for index, point in enumerate(paragraph.points):
            item = _sub(listing, "point", eId=f"{eid}__point_{point.letter}")
            _sub(item, "num", point.marker)
            p = _sub(_sub(item, "content"), "p")
            _runs(p, point.runs, setting, eid)
            if index == last:
                _text(p, ("]" if paragraph.proposal is not None else "") + closes)
        return
    p = _sub(_sub(para, "content"), "p")
    _paragraph_text(p, setting, paragraph, opens, closes, eid)
    _notes(p, view.notes, paragraph.marks, base)


def _paragraph_text(
    p: etree._Element, setting: Setting, paragraph: ParagraphView, opens: str, closes: str, eid: str
) -> None:
    """A paragraph without points or alternatives: its words, or ``…`` where it fell."""
    if paragraph.dropped:
        _text(p, ELLIPSIS)
        return
    proposal = paragraph.proposal
    _text(p, opens + (f"[{proposal}" if proposal is not None else ""))
    _runs(p, paragraph.runs, setting, eid)
    _text(p, ("]" if proposal is not None else "") + closes)


def _after(item: etree._Element, view: BodyView, eid: str) -> None:
    """The notes of a recital (reservations, the note on a recital open as a whole)."""
    target = item[0] if len(item) else _sub(item, "p")
    _notes(target, view.notes, view.heading_marks, eid)
    if view.status_note:
        _note(target, f"{eid}__status", "*", view.status_note, "status")


def _notes(
    parent: etree._Element, notes: tuple[Note, ...], marks: tuple[str, ...], base: str
) -> None:
    """The reservations marked here, as notes numbered within their article (``art_2__note_1``)."""
    by_label = {note.label: note for note in notes}
    for label in marks:
        marker = label.rsplit("-", 1)[1]
        _note(parent, f"{base}__note_{marker}", marker, by_label[label].text, "")


def _note(parent: etree._Element, eid: str, marker: str, text: str, kind: str) -> None:
    note = _sub(parent, "authorialNote", eId=eid, marker=marker, placement="bottom")
    if kind:
        note.set("class", kind)
    _sub(note, "p", text)


# -------------------------------------------------------------------- inline


def _text(parent: etree._Element, text: str) -> None:
    """Append words to an element's mixed content."""
    if not text:
        return
    text = xml_safe(text)
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _runs(parent: etree._Element, runs: Runs, setting: Setting, eid: str) -> None:
    for run in runs:
        if isinstance(run, str):
            _text(parent, run)
        elif isinstance(run, Ref):
            _ref(parent, run)
        else:
            _contest(parent, run, setting, eid)


def _ref(parent: etree._Element, ref: Ref) -> None:
    if not ref.linked:
        _text(parent, ref.label)
        return
    _sub(parent, "ref", ref.label, href=f"#{ref_eid(ref)}")


def _contest(parent: etree._Element, contest: Contest, setting: Setting, eid: str) -> None:
    _text(parent, contest.space)
    element = _sub(parent, "inline", name="contested")
    if contest.joined:
        _text(element, "[")
        for index, wording in enumerate(contest.wordings):
            if index:
                _text(element, " / ")
            option = _sub(element, "inline", name="option")
            _runs(option, wording.runs, setting, eid)
        _text(element, "]")
        return
    for index, wording in enumerate(contest.wordings):
        _text(element, " [" if index else "[")
        party = wording.party or ""
        option = _sub(
            element,
            "inline",
            name="option" if wording.runs else "deletion",
            refersTo=f"#{party_id(party)}",
        )
        _text(option, f"{party}: ")
        if wording.runs:
            _runs(option, wording.runs, setting, eid)
        else:
            _text(option, contest.delete)
        _text(element, "]")


def _fallen(bill: etree._Element, setting: Setting) -> None:
    conclusions = _sub(bill, "conclusions")
    container = _sub(conclusions, "container", name="notYetAgreed", eId="not_yet_agreed")
    labels = setting.labels
    _sub(container, "p", labels.not_yet_agreed)
    _sub(container, "p", labels.fallen_intro)
    lines: Iterable[Placement] = fallen(setting)
    for placement in lines:
        _sub(container, "p", fallen_line(placement, labels))
