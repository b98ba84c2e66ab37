"""The draft as a typeset PDF, in one of the three renderings, made with typst.

The draft is written as typst markup (:func:`typst_markup`) and compiled by the
typst compiler that the ``typst`` package ships; nothing is downloaded. Every
text of the library enters the markup as a typst string literal
(:func:`typst_string`), which typst shows as it is: no markup, no smart quotes,
no dashes made of hyphens. The fonts are typst's own (Libertinus Serif, which
covers the accents of Spanish and Portuguese), embedded in the file; the fonts
of the machine are ignored, so every machine makes the same bytes, and the
document carries no date.

Headings (title, chapter, article) are PDF bookmarks; the contents list links
every title, chapter and article with its page; paragraphs are numbered as the
manifest says, with a hanging indent; reservations are footnotes; every
cross-reference is an internal link.
"""

from __future__ import annotations

from collections.abc import Iterator

from charter_cli.draft.model import Article, ChapterPart, Draft, TitlePart
from charter_cli.load.library import Library
from charter_cli.render.frontmatter import SIGNATURE
from charter_cli.render.layout import (
    ELLIPSIS,
    FALLEN_ID,
    BodyView,
    Contest,
    ParagraphView,
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
    title_block,
    title_eid,
    title_heading,
)
from charter_cli.render.provenance import library_hash
from charter_cli.render.xmlsafe import xml_safe
from charter_cli.vocabulary import Rendering

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})

_SETUP = """\
#set page(paper: "a4", margin: (x: 2.4cm, y: 2.6cm), numbering: "1")
#set text(font: "Libertinus Serif", size: 11pt, lang: {lang}, hyphenate: false)
#set par(justify: true, spacing: 0.9em)
#set heading(numbering: none)
#show heading.where(level: 1): set text(size: 15pt)
#show heading.where(level: 2): set text(size: 13pt)
#show heading.where(level: 3): set text(size: 11.5pt)
#show link: set text(fill: rgb("#0563c1"))
#let bracket(body) = text(fill: rgb("#7a1f1f"), body)
#let party(body) = text(fill: rgb("#7a1f1f"), weight: "bold", body)
#let numbered(marker, body) = par(hanging-indent: 2.2em, box(width: 2.2em, marker) + body)
#let point(marker, body) = pad(left: 2.2em, numbered(marker, body))
#let alternative(body) = pad(left: 2.2em, body)
#let remark(body) = text(style: "italic", size: 10pt, body)
#let entry(level, target, body) = block(
  spacing: 0.5em,
  pad(left: level * 1.2em, link(target, box(width: 1fr, body + " " + box(width: 1fr, repeat[.]) + " " + context counter(page).at(target).first()))),
)
"""


def render_pdf(
    draft: Draft,
    library: Library,
    *,
    rendering: Rendering = Rendering.COMPILATION,
    trace: bool | None = None,
) -> bytes:
    """The whole draft typeset as one PDF, byte-identical for the same library."""
    import typst

    source = typst_markup(draft, library, rendering=rendering, trace=trace)
    pdf: bytes = typst.compile(source.encode("utf-8"), ignore_system_fonts=True)
    return pdf


def typst_string(text: str) -> str:
    """A typst string literal holding ``text`` exactly.

    Characters a document cannot hold are shown as U+FFFD, as in the other exports.
    """
    return '"' + xml_safe(text).translate(_ESCAPES) + '"'


def typst_text(text: str) -> str:
    """Markup that shows ``text`` literally, a line break for each line end."""
    return "#linebreak()".join(f"#{typst_string(line)};" for line in text.split("\n"))


def typst_markup(
    draft: Draft,
    library: Library,
    *,
    rendering: Rendering = Rendering.COMPILATION,
    trace: bool | None = None,
) -> str:
    """The typst source of the draft."""
    setting = setting_for(draft, library, rendering, trace)
    return "\n".join(_source(setting)) + "\n"


def _source(setting: Setting) -> Iterator[str]:
    draft = setting.draft
    charter = draft.charter
    keywords = (SIGNATURE.decode(), library_hash(setting.library), setting.rendering.value)
    yield (
        f"#set document(title: {typst_string(charter.title)}, "
        f"keywords: ({', '.join(typst_string(k) for k in keywords)}), date: none)"
    )
    yield _SETUP.replace("{lang}", typst_string(_language(charter.language)))
    heading = typst_text(charter.title)
    yield f'#align(center, par(justify: false, text(size: 20pt, weight: "bold")[{heading}]))'
    for line in title_block(setting):
        yield f"#align(center, par(justify: false)[{typst_text(line)}])"
    yield from _contents(setting)
    if draft.preamble is not None:
        yield from _preamble(setting)
    for title in draft.titles:
        yield from _title(setting, title)
    placements = fallen(setting)
    if setting.rendering is Rendering.AGREED and placements:
        labels = setting.labels
        yield f"= {typst_text(labels.not_yet_agreed)} <{FALLEN_ID}>"
        yield typst_text(labels.fallen_intro)
        for placement in placements:
            yield f"- {typst_text(fallen_line(placement, labels))}"


def _language(tag: str) -> str:
    primary = tag.split("-", maxsplit=1)[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else "en"


def _contents(setting: Setting) -> Iterator[str]:
    entries = contents(setting)
    if not entries:
        return
    heading = typst_text(setting.labels.contents)
    yield f"#heading(outlined: false, bookmarked: false, level: 1)[{heading}]"
    for level, text, target in entries:
        yield f"#entry({level}, <{target}>)[{typst_text(text)}]"
    yield "#pagebreak(weak: true)"


def _preamble(setting: Setting) -> Iterator[str]:
    preamble = setting.draft.preamble
    assert preamble is not None  # noqa: S101 - called only when there is one
    yield f"= {typst_text(preamble.heading)} <preamble>"
    if preamble.opening:
        yield "\n" + typst_text(reflowed(preamble.opening.strip())) + "\n"
    for recital in preamble.recitals:
        if recital.entry.id in setting.shown:
            yield from _body(layout(setting, recital), None)
    if preamble.closing:
        yield "\n" + typst_text(reflowed(preamble.closing.strip())) + "\n"


def _title(setting: Setting, title: TitlePart) -> Iterator[str]:
    yield f"= {typst_text(title_heading(title, setting.labels))} <{title_eid(title)}>"
    for article in title.articles:
        yield from _article(setting, article)
    for chapter in title.chapters:
        yield from _chapter(setting, title, chapter)


def _chapter(setting: Setting, title: TitlePart, chapter: ChapterPart) -> Iterator[str]:
    yield f"== {typst_text(chapter_heading(chapter, setting.labels))} <{chapter_eid(title, chapter)}>"
    for article in chapter.articles:
        yield from _article(setting, article)


def _article(setting: Setting, article: Article) -> Iterator[str]:
    if article.entry.id not in setting.shown:
        return
    view = layout(setting, article)
    notes = _notes(view, view.heading_marks)
    yield f"=== {typst_text(article_heading(article, setting.labels))}{notes} <{article_eid(article)}>"
    yield from _body(view, article)


def _body(view: BodyView, article: Article | None) -> Iterator[str]:
    for paragraph, opens, closes in framed(view):
        yield _paragraph(view, paragraph, (opens, closes), article)
    if view.status_note:
        yield f"#remark[{typst_text(view.status_note)}]"
    if view.trace:
        yield f"#remark[{typst_text(view.trace)}]"


def _paragraph(
    view: BodyView, paragraph: ParagraphView, edges: tuple[str, str], article: Article | None
) -> str:
    opens, closes = edges
    label = ""
    if article is not None and paragraph.number is not None:
        label = f"#box()<{article_eid(article, paragraph.number)}>"
    notes = _notes(view, paragraph.marks)
    proposal = paragraph.proposal
    if paragraph.dropped:
        text = typst_text(ELLIPSIS)
    elif paragraph.alternatives:
        return _alternatives(paragraph, edges, (label, notes))
    else:
        text = _open(opens, proposal) + _runs(paragraph.runs)
        if not paragraph.points:
            text += _bracketed(("]" if proposal is not None else "") + closes)
    text = label + text + notes
    block = f"#numbered[{typst_text(paragraph.marker)}][{text}]" if paragraph.marker else text
    lines = ["", block]
    last = len(paragraph.points) - 1
    for index, point in enumerate(paragraph.points):
        anchor = ""
        if article is not None:
            point_eid = article_eid(article, paragraph.number or 1, point.letter)
            anchor = f"#box()<{point_eid}>"
        words = anchor + _runs(point.runs)
        if index == last:
            words += _bracketed(("]" if proposal is not None else "") + closes)
        lines.append(f"#point[{typst_text(point.marker)}][{words}]")
    return "\n".join([*lines, ""])


def _alternatives(paragraph: ParagraphView, edges: tuple[str, str], marks: tuple[str, str]) -> str:
    """The alternatives: the first beside the paragraph's number, with its label and notes."""
    opens, closes = edges
    label, notes = marks
    parts = []
    last = len(paragraph.alternatives)
    for alt in paragraph.alternatives:
        text = (
            _bracketed((opens if alt.index == 1 else "") + "[")
            + f"#party[{typst_text(alternative_label(alt))}]"
            + typst_text(": ")
            + _runs(alt.runs)
            + _bracketed("]" + (closes if alt.index == last else ""))
        )
        if alt.index == 1:
            marker = typst_text(paragraph.marker)
            text = label + text + notes
            parts.append(f"#numbered[{marker}][{text}]" if paragraph.marker else text)
        else:
            parts.append(f"#alternative[{text}]")
    return "\n".join(["", *parts, ""])


def _open(opens: str, proposal: str | None) -> str:
    text = _bracketed(opens)
    if proposal is not None:
        text += _bracketed("[")
        if proposal:
            text += f"#party[{typst_text(proposal)}]"
    return text


def _bracketed(text: str) -> str:
    return f"#bracket[{typst_text(text)}]" if text else ""


def _notes(view: BodyView, marks: tuple[str, ...]) -> str:
    by_label = {note.label: note.text for note in view.notes}
    return "".join(f"#footnote[{typst_text(by_label[label])}]" for label in marks)


def _runs(runs: Runs, bracketed: bool = False) -> str:
    out = []
    for run in runs:
        if isinstance(run, str):
            text = typst_text(reflowed(run))
            out.append(f"#bracket[{text}]" if bracketed else text)
        elif isinstance(run, Ref):
            label = typst_text(run.label)
            out.append(f"#link(<{ref_eid(run)}>)[{label}]" if run.linked else label)
        else:
            out.append(_contest(run))
    return "".join(out)


def _contest(contest: Contest) -> str:
    out = [typst_text(contest.space)] if contest.space else []
    if contest.joined:
        wordings = [_runs(w.runs, bracketed=True) for w in contest.wordings]
        out += [_bracketed("["), _bracketed(" / ").join(wordings), _bracketed("]")]
        return "".join(out)
    for index, wording in enumerate(contest.wordings):
        if index:
            out.append(typst_text(" "))
        out.append(_bracketed("["))
        label = f"{wording.party or ''}: "
        out.append(f"#party[{typst_text(label)}]")
        if wording.runs:
            out.append(_runs(wording.runs, bracketed=True))
        else:
            out.append(f"#emph(bracket[{typst_text(contest.delete)}])")
        out.append(_bracketed("]"))
    return "".join(out)
