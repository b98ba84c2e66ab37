"""What each rendering shows of the draft, whatever the format that writes it.

Every renderer (Markdown, HTML, Word, PDF, Akoma Ntoso) asks this module the same
questions and writes the answers in its own markup: which articles a rendering
shows, the headings and the title block, and the body of an article as plain
values: paragraphs with their numbers, points, alternatives, contested passages
with the parties' wordings, cross-references, reservations as notes, the note on
an article open as a whole and the trace of what it implements.

* **compilation**: contested words with the party proposing each wording,
  alternatives with their party, a party's paragraph marked as its proposal,
  reservations as notes, an article open as a whole in brackets with a note
  saying who proposes it;
* **agreed**: open words replaced by an ellipsis, open paragraphs by ``…`` after
  their number (numbers and citations stay those of the compilation);
* **clean**: the reading text: contested passages and alternatives without
  parties, no notes, no reservations.

Texts here are the library's own words, unescaped: each renderer escapes them
for its format. The words the draft adds itself (``Article``, ``Title``,
``Chapter``, ``Contents``, ``Alternative``, the notes) are all made here, so that
a translated draft changes them in one place. The identifiers of the parts
(``art_12``, ``title_II__chp_3``) are those of Akoma Ntoso, used by every export
but Markdown, whose readers derive anchors from its headings
(:mod:`charter_cli.render.slugs`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from charter_cli.draft.model import (
    MISSING_MARK,
    STALE_MARK,
    Article,
    ChapterPart,
    Draft,
    Placement,
    Recital,
    TitlePart,
)
from charter_cli.draft.numbering import letter, paragraph_marker, point_marker
from charter_cli.load.entries import ClauseEntry
from charter_cli.load.library import Library
from charter_cli.load.negotiation import paragraph_open_as_a_whole
from charter_cli.models.clause import Option, Paragraph
from charter_cli.render.labels import LABELS, Labels, labels_for
from charter_cli.syntax import REFERENCE, Placeholder, segments
from charter_cli.vocabulary import JOINT, Rendering, Status

ELLIPSIS = "…"
_ONE_ELLIPSIS = re.compile(r"\s*…(?:\s*…)+")
"""Adjacent dropped passages, shown as one ellipsis."""

PREAMBLE_ID = "preamble"
"""The identifier of the preamble in every export."""
TEXT_NAMES = {
    Rendering.COMPILATION: "compilation text",
    Rendering.AGREED: "agreed text",
    Rendering.CLEAN: "clean text",
}
"""The renderings' English names, where a file names them for tools (its metadata)."""


@dataclass(frozen=True)
class Setting:
    """What every article of one rendering shares."""

    draft: Draft
    library: Library
    rendering: Rendering
    trace: bool
    shown: frozenset[str]
    """IDs of the clauses this rendering shows (in the agreed text, those that do not fall)."""
    links: bool = True
    """Whether references to shown articles may become links (else plain "Article N")."""
    labels: Labels = field(default=LABELS["en"])
    """The words of the draft's language (its headings, notes and citations)."""


def falls(entry: ClauseEntry) -> bool:
    """Whether the whole clause falls from the agreed text."""
    return entry.standing.open_as_a_whole or all(
        paragraph_open_as_a_whole(p) for p in entry.paragraphs
    )


def default_trace(rendering: Rendering) -> bool:
    """Whether a rendering lists what each article implements unless told otherwise."""
    return rendering is not Rendering.CLEAN


def setting_for(
    draft: Draft, library: Library, rendering: Rendering, trace: bool | None
) -> Setting:
    """The setting of one rendering: which clauses it shows, whether it traces, its words.

    A translated draft takes its language's labels; the original keeps the English
    ones, whatever its language, as the drafts built before the translations did.
    """
    shown = frozenset(
        clause_id
        for clause_id, placement in draft.placements.items()
        if rendering is not Rendering.AGREED or not falls(placement.entry)
    )
    return Setting(
        draft,
        library,
        rendering,
        default_trace(rendering) if trace is None else trace,
        shown,
        labels=ENGLISH if draft.translated is None else labels_for(draft.charter.language),
    )


def anchor_of(placement: Placement) -> str:
    """The stem of the labels of an article's or recital's notes: ``article-7``, ``recital-2``."""
    if isinstance(placement, Article):
        return f"article-{placement.numeral}"
    return f"recital-{placement.number}"


# ----------------------------------------------------------------- headings


ENGLISH = LABELS["en"]
_TEXTS = (Rendering.COMPILATION, Rendering.AGREED, Rendering.CLEAN)


def title_label(title: TitlePart, labels: Labels = ENGLISH) -> str:
    """``Title II``, ``Título II``, ``Titre Ier``."""
    return labels.title_heading(title.numeral)


def chapter_label(chapter: ChapterPart, labels: Labels = ENGLISH) -> str:
    """``Chapter 3``, ``Capítulo 3``."""
    return labels.chapter_heading(chapter.numeral)


def article_label(article: Article, labels: Labels = ENGLISH) -> str:
    """``Article 12``, ``Artigo 12.º``, under a frozen numbering ``Article 12a``."""
    return labels.article_heading(article_number(article))


def text_name(rendering: Rendering, labels: Labels = ENGLISH) -> str:
    """How the title block names a rendering: ``compilation text``, ``texto acordado``."""
    return labels.text_name(_TEXTS.index(rendering))


def title_heading(title: TitlePart, labels: Labels = ENGLISH) -> str:
    """``Title II — Public security``, ``Título II — Seguridad pública``."""
    return f"{labels.title_heading(title.numeral)} — {title.heading}"


def chapter_heading(chapter: ChapterPart, labels: Labels = ENGLISH) -> str:
    """``Chapter 3 — Drug trafficking``."""
    return f"{chapter_label(chapter, labels)} — {chapter.heading}"


def alternative_label(alternative: AlternativeView) -> str:
    """``Alternative 1 (EU)`` in the compilation text, ``Alternative 1`` in the others."""
    party = f" ({alternative.party})" if alternative.party else ""
    return f"{alternative.name}{party}"


def article_heading(article: Article, labels: Labels = ENGLISH) -> str:
    """``Article 12 — Control of chemical precursors``, ``Artigo 12.º — ...``."""
    return f"{article_label(article, labels)} — {article.entry.clause.title}"


def article_number(article: Article) -> int | str:
    """The number an article is cited by: ``12``, or under a frozen numbering ``12a``."""
    numeral = article.numeral
    return int(numeral) if numeral.isdigit() else numeral


def alternative_name(labels: Labels, index: int) -> str:
    """``Alternative 2``, ``Variante 2``."""
    return labels.alternative.format(number=index)


@dataclass(frozen=True)
class TitleBlock:
    """The lines under the charter's title."""

    version: str
    """``Draft version 0.1.0 — compilation text``."""
    parties: str | None
    """``Parties: European Union (EU); ...``, when the manifest names parties."""
    count: str
    """How many articles, by status (or, in the agreed text, how many stand)."""
    language: str | None = None
    """The line on the translation, in a draft in another language than the original."""

    def lines(self) -> list[str]:
        """The lines in order, without the parties or the language when there are none."""
        optional = (
            [self.parties] if self.parties else [],
            [self.language] if self.language else [],
        )
        return [self.version, *optional[0], self.count, *optional[1]]


def title_block(setting: Setting) -> list[str]:
    """The lines under the charter's title: version and text, parties, the count of articles.

    A draft in another language than the original adds a line naming the language,
    the original's, and the state of the translation.
    """
    return title_lines(setting).lines()


def title_lines(setting: Setting) -> TitleBlock:
    """The version and rendering, the parties, the count of articles, the translation's state."""
    draft = setting.draft
    labels = setting.labels
    version = labels.draft_version.format(version=draft.charter.version)
    version = f"{version} — {text_name(setting.rendering, labels)}"
    parties = None
    if draft.parties:
        names = "; ".join(f"{p.name} ({p.id})" for p in draft.parties)
        parties = f"{labels.parties}{labels.colon}{names}"
    language = language_line(draft, labels) if draft.translated is not None else None
    articles = draft.articles
    noun = labels.nouns[0 if len(articles) == 1 else 1]
    if setting.rendering is Rendering.AGREED:
        shown = sum(a.entry.id in setting.shown for a in articles)
        fallen = len(articles) - shown
        count = labels.in_agreed.format(shown=shown, total=len(articles), noun=noun)
        count += labels.fallen_count.format(count=fallen) if fallen else "."
        return TitleBlock(version, parties, count, language)
    order = (Status.AGREED, Status.PROPOSED, Status.BRACKETED)
    tally = [sum(a.entry.standing.status is status for a in articles) for status in order]
    status = ", ".join(
        f"{count} {labels.status(index, count)}" for index, count in enumerate(tally) if count
    )
    count = f"{len(articles)} {noun}" + (f"{labels.colon}{status}." if status else ".")
    return TitleBlock(version, parties, count, language)


def language_line(draft: Draft, labels: Labels) -> str:
    """``Idioma: español; original: inglés. Traducción: 120 textos al día, ...``."""
    state = draft.translated
    assert state is not None  # noqa: S101 - asked only of a translated draft
    return labels.language_line.format(
        colon=labels.colon,
        language=labels.language_name(state.language),
        original=labels.language_name(state.original),
        current=state.current,
        stale=state.stale,
        missing=state.missing,
        fingerprint=state.fingerprint.removeprefix("sha256:")[:16],
    )


FALLEN_ID = "not_yet_agreed"
"""The identifier of the list of what falls, in every export."""


def fallen(setting: Setting) -> list[Placement]:
    """The articles and recitals the rendering leaves out (those that fall from the agreed text)."""
    if setting.rendering is not Rendering.AGREED:
        return []
    return [p for p in setting.draft.placements.values() if p.entry.id not in setting.shown]


def fallen_line(placement: Placement, labels: Labels = ENGLISH) -> str:
    """One provision that falls: ``Article 2 — Joint committee (proposed by EU)``."""
    entry = placement.entry
    party = entry.clause.proposed_by
    status = entry.standing.status
    by = "" if party == JOINT else labels.by.format(party=party)
    proposed = f"{labels.status(1, 1)}{by}"
    if status is not Status.PROPOSED:
        word = labels.status((Status.AGREED, Status.PROPOSED, Status.BRACKETED).index(status), 1)
        proposed = f"{word}; {proposed}"
    name = (
        article_heading(placement, labels)
        if isinstance(placement, Article)
        else labels.of_the_preamble.format(label=labels.recital_label(placement.number))
    )
    return f"{name} ({proposed})"


# ------------------------------------------------------------- inline values


@dataclass(frozen=True, slots=True)
class Ref:
    """A cross-reference to an article, one of its paragraphs or a point."""

    label: str
    """How the text cites it: ``Article 2(2)(a)``."""
    article: Article
    paragraph: int | None
    """The paragraph's display number, if the reference names one that exists."""
    point: int | None
    """The point's index (from 0), if the reference names one that exists."""
    linked: bool
    """Whether the rendering shows the target, so that the reference may be a link."""


@dataclass(frozen=True, slots=True)
class Wording:
    """One wording of a contested passage."""

    party: str | None
    """The party proposing it (in the compilation text), else ``None``."""
    runs: Runs
    """The words; empty when the party proposes to delete the passage."""


@dataclass(frozen=True, slots=True)
class Contest:
    """A contested passage ``{name}``: its wordings.

    In the compilation each wording is one bracket with its party (``[EU: shall]
    [LAC: *delete*]``); in the clean text the wordings share one bracket, without
    the deletions (``[shall / shall endeavour to]``).
    """

    name: str
    space: str
    """``" "`` when every wording adds words after a word: the space goes before the bracket."""
    wordings: tuple[Wording, ...]
    joined: bool
    """Whether the wordings share one bracket, without parties (the clean text)."""
    delete: str = "delete"
    """How the draft's language names a proposal to delete the passage."""


Inline = str | Ref | Contest
"""A piece of text: plain words, a reference, a contested passage."""
Runs = tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Note:
    """A reservation, shown as a footnote."""

    label: str
    """Unique in the draft: ``article-2-1``."""
    text: str
    """``Scrutiny reservation by European Union (EU): ...``, ending with a full stop."""
    translation: bool = False
    """Whether the note says a translated text is stale or missing (not a reservation)."""


@dataclass(frozen=True, slots=True)
class PointView:
    """A lettered point of a paragraph."""

    id: str
    letter: str
    marker: str
    """``(a)`` or ``a)``, as the manifest numbers points."""
    runs: Runs


@dataclass(frozen=True, slots=True)
class AlternativeView:
    """One whole-paragraph alternative."""

    index: int
    party: str | None
    """The party tabling it (in the compilation text), else ``None``."""
    runs: Runs
    name: str = "Alternative"
    """``Alternative 1``, ``Alternativa 1``: how the draft's language names it."""


@dataclass(frozen=True, slots=True)
class ParagraphView:
    """A paragraph as the rendering shows it."""

    id: str
    number: int | None
    """Its display number, or ``None`` for the one paragraph of an unnumbered article."""
    marker: str
    """``2.`` or ``(2)``, or empty when unnumbered."""
    runs: Runs
    """The text (introducing the points, if any); empty for alternatives or a dropped paragraph."""
    points: tuple[PointView, ...] = ()
    alternatives: tuple[AlternativeView, ...] = ()
    proposal: str | None = None
    """When the paragraph is open as a whole: the label of who proposes it (``LAC: ``, or
    empty outside the compilation or for a joint proposal); the paragraph shows in brackets."""
    dropped: bool = False
    """In the agreed text, a paragraph open as a whole: shown as its number and ``…``."""
    marks: tuple[str, ...] = ()
    """The labels of the notes on this paragraph."""


@dataclass(frozen=True, slots=True)
class TraceGroup:
    """Requirements an article implements that share a paragraph and a source section."""

    requirements: tuple[str, ...]
    citation: str
    """How the source is cited: ``Grabendorff 2008``."""
    section: str
    where: str
    """The paragraph (``2(a)``), or empty for the whole article."""


def trace_parts(groups: tuple[TraceGroup, ...], labels: Labels = ENGLISH) -> list[tuple[str, bool]]:
    """The trace's sentence in pieces, each with whether it is a requirement's ID (to link it).

    The sentence is the language's (``Implements: {requirements}.``), cut around its
    requirements.
    """
    before, _, after = labels.implements.partition("{requirements}")
    parts: list[tuple[str, bool]] = [(before, False)]
    for index, group in enumerate(groups):
        if index:
            parts.append(("; ", False))
        for number, requirement in enumerate(group.requirements):
            if number:
                parts.append((", ", False))
            parts.append((requirement, True))
        where = f" {labels.in_paragraph.format(number=group.where)}" if group.where else ""
        parts.append((f" ({group.citation}, § {group.section}){where}", False))
    parts.append((after, False))
    return parts


def trace_line(groups: tuple[TraceGroup, ...], labels: Labels = ENGLISH) -> str:
    """``Implements: ID (Source, § 2) in paragraph 2(a).``: the trace as one sentence."""
    return "".join(text for text, _ in trace_parts(groups, labels))


@dataclass(frozen=True, slots=True)
class BodyView:
    """The body of an article or recital."""

    paragraphs: tuple[ParagraphView, ...]
    heading_marks: tuple[str, ...]
    """The labels of the notes on the heading (reservations on the whole article)."""
    notes: tuple[Note, ...]
    """Every note of the body, in the order of their marks."""
    bracketed: bool
    """Whether the whole text shows in brackets (an article bracketed as a whole)."""
    status_note: str | None
    """``Proposed by EU; not yet agreed.`` for an article open as a whole, in the compilation."""
    trace_groups: tuple[TraceGroup, ...]
    """What the article implements, when the rendering traces."""
    trace: str | None = None
    """``Implements: ...`` when the rendering traces and the article implements something."""


def layout(setting: Setting, placement: Placement) -> BodyView:
    """What the rendering shows of an article's or recital's body."""
    entry = placement.entry
    notes: list[Note] = []
    compilation = setting.rendering is Rendering.COMPILATION
    reservations = compilation and bool(entry.clause.reservation)
    translation = _translation_marks(setting, placement) if compilation else {}
    heading_marks = _notes(setting, placement, None, notes) if reservations else ()
    paragraphs = entry.paragraphs
    if None in translation:
        heading_marks += _translation_notes(setting, placement, translation[None], notes)
    numbered = len(paragraphs) > 1 and isinstance(placement, Article)
    views = []
    for number, paragraph in enumerate(paragraphs, start=1):
        marks = _notes(setting, placement, paragraph.id, notes) if reservations else ()
        if paragraph.id in translation:
            marks += _translation_notes(setting, placement, translation[paragraph.id], notes)
        views.append(_paragraph(setting, paragraph, number if numbered else None, marks))
    standing = entry.standing
    traced = trace_groups(setting, placement) if setting.trace else ()
    return BodyView(
        paragraphs=tuple(views),
        heading_marks=heading_marks,
        notes=tuple(notes),
        bracketed=standing.status is Status.BRACKETED and standing.open_as_a_whole,
        status_note=_status_note(setting, entry),
        trace_groups=traced,
        trace=trace_line(traced, setting.labels) if traced else None,
    )


def _paragraph(
    setting: Setting, paragraph: Paragraph, number: int | None, marks: tuple[str, ...]
) -> ParagraphView:
    marker = paragraph_marker(number, setting.draft.numbering) if number is not None else ""
    whole = paragraph_open_as_a_whole(paragraph)
    if not whole and not paragraph.point and not paragraph.alternative:  # most paragraphs
        runs = units(setting, paragraph.text or "", paragraph)
        return ParagraphView(paragraph.id, number, marker, runs, marks=marks)
    rendering = setting.rendering
    if whole and rendering is Rendering.AGREED:
        return ParagraphView(paragraph.id, number, marker, (), dropped=True, marks=marks)
    if paragraph.alternative:
        compilation = rendering is Rendering.COMPILATION
        alternatives = tuple(
            AlternativeView(
                index,
                option.party if compilation else None,
                units(setting, option.text, paragraph),
                alternative_name(setting.labels, index),
            )
            for index, option in enumerate(paragraph.alternative, start=1)
        )
        return ParagraphView(
            paragraph.id, number, marker, (), alternatives=alternatives, marks=marks
        )
    numbering = setting.draft.numbering
    points = tuple(
        PointView(
            point.id,
            letter(index),
            point_marker(index, numbering),
            units(setting, point.text, paragraph),
        )
        for index, point in enumerate(paragraph.point)
    )
    runs = units(setting, paragraph.text or "", paragraph)
    proposal = _label(setting, paragraph.proposed_by) if whole else None
    return ParagraphView(paragraph.id, number, marker, runs, points, proposal=proposal, marks=marks)


def _label(setting: Setting, party: str | None) -> str:
    if setting.rendering is not Rendering.COMPILATION or party in (None, JOINT):
        return ""
    return f"{party}: "


def units(setting: Setting, text: str, paragraph: Paragraph | None) -> Runs:
    """One text with its references resolved and its contested passages laid out.

    The text of a paragraph or point is stripped; a wording inside a bracket
    (``paragraph`` is ``None``) is taken as it is.
    """
    if "{" not in text and "[[" not in text and "\r" not in text:
        return (text.strip() if paragraph is not None else text,)  # most texts: nothing to do
    out: list[Inline] = []
    for part in segments(text.strip() if paragraph is not None else text):
        if isinstance(part, Placeholder):
            options = paragraph.bracket.get(part.name, []) if paragraph is not None else []
            out.append(_contest(setting, part.name, options))
        elif "[[" in part:
            out += _references(setting, part)
        else:
            out.append(part)
    return _tidy(setting, out)


def _tidy(setting: Setting, runs: list[Inline]) -> Runs:
    """Join adjacent words, one ellipsis for adjacent dropped passages, CR LF as a line end."""
    joined: list[Inline] = []
    for run in runs:
        if isinstance(run, str) and joined and isinstance(joined[-1], str):
            joined[-1] += run
        elif run != "":
            joined.append(run)
    return tuple(_words(setting, run) if isinstance(run, str) else run for run in joined)


def _words(setting: Setting, text: str) -> str:
    if setting.rendering is Rendering.AGREED and ELLIPSIS in text:
        text = _ONE_ELLIPSIS.sub(
            lambda m: m.group(0)[: len(m.group(0)) - len(m.group(0).lstrip())] + ELLIPSIS, text
        )
    return text.replace("\r\n", "\n") if "\r" in text else text


def _contest(setting: Setting, name: str, options: list[Option]) -> Inline:
    """A contested passage: its wordings with their parties, the wordings alone, or an ellipsis.

    Options that add words after a word start with a space; the space then goes
    before the bracket, as a reader expects: ``this Charter [and report on it]``.
    """
    worded = [option for option in options if option.text.strip()]
    space = " " if worded and all(o.text[:1].isspace() for o in worded) else ""
    rendering = setting.rendering
    if rendering is Rendering.AGREED:
        return f"{space}{ELLIPSIS}"
    if rendering is Rendering.CLEAN:
        wordings = tuple(Wording(None, units(setting, o.text.strip(), None)) for o in worded)
        return Contest(name, space, wordings, joined=True)
    wordings = tuple(
        Wording(o.party, units(setting, o.text.strip(), None) if o.text.strip() else ())
        for o in options
    )
    return Contest(name, space, wordings, joined=False, delete=setting.labels.delete)


def _references(setting: Setting, text: str) -> list[Inline]:
    placements = setting.draft.placements
    out: list[Inline] = []
    last = 0
    for match in REFERENCE.finditer(text):
        target, paragraph, point = match.groups()
        placement = placements.get(target)
        if not isinstance(placement, Article):
            continue  # reported as CH203 or CH209; the build stops before this
        out.append(text[last : match.start()])
        last = match.end()
        number = placement.paragraph_number(paragraph) if paragraph else None
        index = None
        if number is not None and point is not None:
            found = placement.entry.paragraphs[number - 1].point
            index = next((i for i, p in enumerate(found) if p.id == point), None)
        linked = target in setting.shown and setting.links
        cited = setting.labels.cite(article_number(placement), number, index)
        out.append(Ref(cited, placement, number, index, linked))
    out.append(text[last:])
    return out


# ------------------------------------------------------------ notes and trace


def _status_note(setting: Setting, entry: ClauseEntry) -> str | None:
    if setting.rendering is not Rendering.COMPILATION or not entry.standing.open_as_a_whole:
        return None
    clause = entry.clause
    labels = setting.labels
    party = labels.jointly if clause.proposed_by == JOINT else clause.proposed_by
    if entry.standing.status is Status.BRACKETED:
        return labels.bracketed_by.format(party=party)
    return labels.proposed_by.format(party=party)


_KINDS = ("general", "scrutiny", "parliamentary", "linguistic")
"""The reservations' kinds, in the order of :attr:`Labels.reservations`."""


def _notes(
    setting: Setting, placement: Placement, paragraph: str | None, notes: list[Note]
) -> tuple[str, ...]:
    """The labels of the reservations on the article (or one paragraph); notes collects them."""
    names = {party.id: party.name for party in setting.draft.parties}
    marks = []
    for reservation in placement.entry.clause.reservation:
        if reservation.paragraph != paragraph:
            continue
        label = f"{anchor_of(placement)}-{len(notes) + 1}"
        party = reservation.party
        who = f"{names[party]} ({party})" if party in names else party
        labels = setting.labels
        kind = labels.reservations[_KINDS.index(reservation.kind.value)]
        text = labels.reservation_by.format(kind=kind, party=who)
        if reservation.note:
            text += f": {' '.join(reservation.note.split())}"
        notes.append(Note(label, f"{text.rstrip('.')}."))
        marks.append(label)
    return tuple(marks)


def _translation_marks(setting: Setting, placement: Placement) -> dict[str | None, list[str]]:
    """The marks of stale and untranslated texts of a clause, by paragraph (``None``: the clause).

    A recital shows no heading, so neither its title nor a note on it: their marks are left out.
    """
    state = setting.draft.translated
    if state is None:
        return {}
    found: dict[str | None, list[str]] = {}
    recital = isinstance(placement, Recital)
    for where, mark in state.marks.get(placement.entry.id, ()):
        if where is None and recital:
            continue
        if mark not in found.setdefault(where, []):
            found[where].append(mark)
    return found


def _translation_notes(
    setting: Setting, placement: Placement, marks: list[str], notes: list[Note]
) -> tuple[str, ...]:
    """Notes saying that texts of a paragraph (or of the clause) are stale or not translated."""
    state = setting.draft.translated
    assert state is not None  # noqa: S101 - marks come from a translated draft
    labels = setting.labels
    texts = {
        STALE_MARK: labels.stale_note,
        MISSING_MARK: labels.missing_note.format(original=labels.language_name(state.original)),
    }
    where = (
        anchor_of(placement) if isinstance(placement, Article) else f"recital-{placement.number}"
    )
    out = []
    for mark in (STALE_MARK, MISSING_MARK):
        if mark in marks:
            label = f"{where}-{len(notes) + 1}"
            notes.append(Note(label, f"{mark} {texts[mark]}", translation=True))
            out.append(label)
    return tuple(out)


def trace_groups(setting: Setting, placement: Placement) -> tuple[TraceGroup, ...]:
    """The requirements the shown text covers, by paragraph, source and section."""
    entry = placement.entry
    library = setting.library
    paragraphs = {p.id: p for p in entry.paragraphs}
    groups: dict[tuple[str, str, str], list[str]] = {}
    for cover in entry.covers:
        requirement = library.requirements.get(cover.requirement)
        if requirement is None or requirement.catalogue.source is None:
            continue
        paragraph = paragraphs.get(cover.paragraph) if cover.paragraph else None
        if (
            setting.rendering is Rendering.AGREED
            and paragraph is not None
            and paragraph_open_as_a_whole(paragraph)
        ):
            continue
        where = ""
        if cover.paragraph is not None and isinstance(placement, Article):
            cited = placement.cite(cover.paragraph, cover.point).removeprefix(placement.label)
            where = cited.replace("(", "", 1).replace(")", "", 1)  # "(2)(a)" -> "2(a)"
        key = (where, requirement.catalogue.source.citation, requirement.requirement.section)
        groups.setdefault(key, []).append(cover.requirement)
    return tuple(
        TraceGroup(tuple(ids), cite, section, where)
        for (where, cite, section), ids in groups.items()
    )


def framed(view: BodyView) -> list[tuple[ParagraphView, str, str]]:
    """Each paragraph with the bracket it opens and the one it closes (``"["``, ``"]"`` or none).

    An article bracketed as a whole opens its bracket before the text of its first
    paragraph and closes it after the last words of its last paragraph.
    """
    last = len(view.paragraphs) - 1
    return [
        (
            paragraph,
            "[" if view.bracketed and index == 0 else "",
            "]" if view.bracketed and index == last else "",
        )
        for index, paragraph in enumerate(view.paragraphs)
    ]


# ---------------------------------------------------------------- identifiers


def title_eid(title: TitlePart) -> str:
    """The identifier of a title in every export: ``title_II`` (Akoma Ntoso's naming convention)."""
    return f"title_{title.numeral}"


def chapter_eid(title: TitlePart, chapter: ChapterPart) -> str:
    """``title_II__chp_3``."""
    return f"{title_eid(title)}__chp_{chapter.numeral}"


def recital_eid(recital: Placement) -> str:
    """``recs__rec_2``: the identifier of a recital."""
    return f"recs__rec_{recital.number}"


def placement_eid(placement: Placement) -> str:
    """The identifier of an article (``art_12``) or a recital (``recs__rec_2``)."""
    return article_eid(placement) if isinstance(placement, Article) else recital_eid(placement)


def article_eid(article: Article, paragraph: int | None = None, point: str | None = None) -> str:
    """``art_12``, ``art_12__para_2``, ``art_12__para_2__point_a``: bookmarks, labels and eIds."""
    eid = f"art_{article.numeral}"
    if paragraph is not None:
        eid += f"__para_{paragraph}"
        if point is not None:
            eid += f"__point_{point}"
    return eid


def ref_eid(ref: Ref) -> str:
    """The identifier a reference points to."""
    point = letter(ref.point) if ref.point is not None else None
    return article_eid(ref.article, ref.paragraph, point)


_SOFT_BREAK = re.compile(r"[ \t]*\n(?![ \t]*\n)[ \t]*")
_BLANK_LINES = re.compile(r"[ \t]*\n(?:[ \t]*\n)+[ \t]*")


def reflowed(text: str) -> str:
    """Words as a reader of the Markdown draft sees them: a line end is a space.

    A blank line becomes one line break. For the formats that lay out lines
    themselves (Word, PDF).
    """
    if "\n" not in text:
        return text
    return "\n".join(_SOFT_BREAK.sub(" ", part) for part in _BLANK_LINES.split(text))


def contents(setting: Setting) -> list[tuple[int, str, str]]:
    """The entries of the contents: (level from 0, heading, identifier) of every part shown."""
    draft = setting.draft
    shown = setting.shown
    labels = setting.labels

    def articles(parts: tuple[Article, ...], level: int) -> list[tuple[int, str, str]]:
        return [
            (level, article_heading(a, labels), article_eid(a))
            for a in parts
            if a.entry.id in shown
        ]

    entries: list[tuple[int, str, str]] = []
    if draft.preamble is not None:
        entries.append((0, draft.preamble.heading, PREAMBLE_ID))
    for title in draft.titles:
        entries.append((0, title_heading(title, labels), title_eid(title)))
        entries += articles(title.articles, 1)
        for chapter in title.chapters:
            entries.append((1, chapter_heading(chapter, labels), chapter_eid(title, chapter)))
            entries += articles(chapter.articles, 2)
    if fallen(setting):
        entries.append((0, labels.not_yet_agreed, FALLEN_ID))
    return entries
