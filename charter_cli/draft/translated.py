"""The draft in another language: the original draft with every unit taken from its translation.

:func:`translate_draft` is a transform of the assembled :class:`Draft`: the same
parts, numbers and placements, with each text the draft renders (a clause's title,
paragraphs, points, alternatives, bracket options and reservation notes, the
charter's title, the preamble's heading and formulas, the headings of titles and
chapters, the parties' names) replaced by its translation, found by the unit key
of :mod:`charter_cli.load.units`. A stale translation (made from an earlier
original) is used and marked ``†``; a unit not translated yet keeps the original
and is marked ``‡``. The draft records where the marks are and how the language
stands (:class:`Translated`), so the renderers, given the language's labels, show
the marks' notes and the translation's state. Nothing here reads files.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from typing import TypeVar

from charter_cli.draft.analysis import Analysis
from charter_cli.draft.model import (
    MISSING_MARK,
    STALE_MARK,
    Article,
    ChapterPart,
    Draft,
    Placement,
    PreamblePart,
    Recital,
    TitlePart,
    Translated,
)
from charter_cli.draft.translating import language_of
from charter_cli.errors import InvalidInputError
from charter_cli.load.entries import ClauseEntry
from charter_cli.load.library import Library
from charter_cli.load.paragraphs import is_numbered_text
from charter_cli.load.translations import LanguageFiles
from charter_cli.load.units import OriginalUnit, clean, original_units, slug
from charter_cli.load.wording import normalise
from charter_cli.models.clause import Option, Paragraph, Point, Reservation

P = TypeVar("P", Article, Recital)


class _Lookup:
    """Finds each unit's translation, in the order :func:`original_units` numbers repeated keys."""

    def __init__(self, language: LanguageFiles, originals: Mapping[str, OriginalUnit]) -> None:
        self.units = language.units
        self.originals = originals
        self.seen: Counter[str] = Counter()
        self.marks: list[tuple[str | None, str]] = []
        self.where: str | None = None
        """The paragraph being translated (``None``: the clause's title or its notes)."""

    def text(self, key: str, text: str) -> str:
        """The translation of the unit ``key`` whose original is ``text``, marked if need be."""
        self.seen[key] += 1
        if self.seen[key] > 1:
            key = f"{key}~{self.seen[key]}"
        if not text.strip():
            return text  # a proposal to delete a passage: nothing to translate
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        found = self.units.get(key)
        if found is None:
            return self._mark(MISSING_MARK, lead, text.strip(), trail)
        original = self.originals.get(key)
        if original is not None and not _same(found.unit.original, original.text):
            return self._mark(STALE_MARK, lead, found.unit.text.strip(), trail)
        return f"{lead}{found.unit.text.strip()}{trail}"

    def _mark(self, mark: str, lead: str, text: str, trail: str) -> str:
        if (self.where, mark) not in self.marks:
            self.marks.append((self.where, mark))
        return f"{lead}{text} {mark}{trail}"


def _same(old: str, new: str) -> bool:
    return old == new or normalise(old) == normalise(new)


def translate_draft(
    draft: Draft,
    library: Library,
    language: LanguageFiles,
    original: str,
    *,
    originals: Mapping[str, OriginalUnit] | None = None,
) -> Draft:
    """The draft in ``language``: every unit translated, stale ones and missing ones marked.

    ``original`` is the code of the original's language; ``originals`` the units of
    the library, when the caller has them already (a build of every language).
    """
    if originals is None:
        originals = original_units(library)
    look = _Lookup(language, originals)
    marks: dict[str, tuple[tuple[str | None, str], ...]] = {}
    placements: dict[str, Placement] = {}
    for ident, placement in draft.placements.items():
        look.marks = []
        entry = _clause(placement.entry, look)
        placements[ident] = replace(placement, entry=entry)
        if look.marks:
            marks[ident] = tuple(look.marks)
    look.marks = []
    charter = draft.charter.model_copy(
        update={
            "title": look.text("charter/title", draft.charter.title),
            "language": language.code,
        }
    )
    preamble = _preamble(draft.preamble, look, placements)
    titles = tuple(_title(title, look, placements) for title in draft.titles)
    parties = tuple(
        party.model_copy(update={"name": look.text(f"party:{party.id}", party.name)})
        for party in draft.parties
    )
    current, stale, missing = _counts(language, originals)
    state = Translated(
        language.code, original, current, stale, missing, fingerprint(language), marks
    )
    return replace(
        draft,
        charter=charter,
        parties=parties,
        preamble=preamble,
        titles=titles,
        placements=placements,
        translated=state,
    )


def _preamble(
    preamble: PreamblePart | None, look: _Lookup, placements: Mapping[str, Placement]
) -> PreamblePart | None:
    if preamble is None:
        return None
    heading = look.text("preamble/heading", preamble.heading)
    opening = look.text("preamble/opening", clean(preamble.opening)) if preamble.opening else None
    closing = look.text("preamble/closing", clean(preamble.closing)) if preamble.closing else None
    recitals = tuple(_placed(r, placements, Recital) for r in preamble.recitals)
    return PreamblePart(heading, opening, recitals, closing)


def _title(title: TitlePart, look: _Lookup, placements: Mapping[str, Placement]) -> TitlePart:
    key = f"title:{slug(title.heading)}"
    chapters = tuple(
        replace(
            chapter,
            heading=look.text(f"{key}/chapter:{slug(chapter.heading)}", chapter.heading),
            articles=_articles(chapter, placements),
        )
        for chapter in title.chapters
    )
    return replace(
        title,
        heading=look.text(key, title.heading),
        articles=_articles(title, placements),
        chapters=chapters,
    )


def _articles(
    part: TitlePart | ChapterPart, placements: Mapping[str, Placement]
) -> tuple[Article, ...]:
    return tuple(_placed(article, placements, Article) for article in part.articles)


def _placed(old: P, placements: Mapping[str, Placement], kind: type[P]) -> P:
    found = placements.get(old.entry.id)
    return found if isinstance(found, kind) else old


def _clause(entry: ClauseEntry, look: _Lookup) -> ClauseEntry:
    clause = entry.clause
    ident = entry.id
    look.where = None
    update: dict[str, object] = {"title": look.text(f"{ident}/title", clause.title)}
    if clause.paragraph or is_numbered_text(clause.text or ""):
        update["paragraph"] = [_paragraph(ident, p, look) for p in entry.paragraphs]
        update["text"] = None
    else:  # a lone text: keep its form, so that what it covers stays as it is
        paragraph = entry.paragraphs[0]
        look.where = paragraph.id
        update["text"] = look.text(f"{ident}#{paragraph.id}", clean(clause.text or ""))
    if any(r.note is not None for r in clause.reservation):
        update["reservation"] = [_reservation(ident, r, look) for r in clause.reservation]
    return ClauseEntry(clause.model_copy(update=update), entry.file, entry.position)


def _paragraph(ident: str, paragraph: Paragraph, look: _Lookup) -> Paragraph:
    base = f"{ident}#{paragraph.id}"
    look.where = paragraph.id
    update: dict[str, object] = {}
    if paragraph.text is not None:
        update["text"] = look.text(base, clean(paragraph.text))
    if paragraph.alternative:
        update["alternative"] = [
            _option(option, look.text(f"{base}@{option.party}", clean(option.text)))
            for option in paragraph.alternative
        ]
    if paragraph.point:
        update["point"] = [
            _point(point, look.text(f"{base}.{point.id}", clean(point.text)))
            for point in paragraph.point
        ]
    if paragraph.bracket:
        update["bracket"] = {
            name: [
                _option(option, look.text(f"{base}{{{name}}}@{option.party}", option.text))
                for option in options
            ]
            for name, options in paragraph.bracket.items()
        }
    return paragraph.model_copy(update=update)


def _option(option: Option, text: str) -> Option:
    return option.model_copy(update={"text": text})


def _point(point: Point, text: str) -> Point:
    return point.model_copy(update={"text": text})


def _reservation(ident: str, reservation: Reservation, look: _Lookup) -> Reservation:
    if reservation.note is None:
        return reservation
    look.where = reservation.paragraph
    where = f"#{reservation.paragraph}" if reservation.paragraph else ""
    key = f"{ident}{where}/reservation@{reservation.party}"
    return reservation.model_copy(update={"note": look.text(key, clean(reservation.note))})


def _counts(language: LanguageFiles, originals: Mapping[str, OriginalUnit]) -> tuple[int, int, int]:
    """How many units of the library are current, stale and missing in the language."""
    current = stale = missing = 0
    units = language.units
    for key, original in originals.items():
        found = units.get(key)
        if found is None:
            missing += 1
        elif _same(found.unit.original, original.text):
            current += 1
        else:
            stale += 1
    return current, stale, missing


def fingerprint(language: LanguageFiles) -> str:
    """``sha256:<hex>`` of the language's translation files (path and text, line ends normalised)."""
    docs = {t.doc.rel: t.doc.text for t in language.units.values()}
    docs.update((doc.rel, doc.text) for _, doc, _ in language.terms)
    digest = hashlib.sha256()
    for rel, text in sorted(docs.items()):
        for part in (rel, text.replace("\r\n", "\n")):
            data = part.encode("utf-8")
            digest.update(len(data).to_bytes(8, "big"))
            digest.update(data)
    return f"sha256:{digest.hexdigest()}"


def original_language(analysis: Analysis) -> str:
    """The language the charter is drafted in."""
    if analysis.translations is not None:
        return analysis.translations.original
    return analysis.draft.charter.language if analysis.draft is not None else "en"


def build_languages(analysis: Analysis, request: str) -> tuple[str, ...]:
    """The languages ``build --lang`` asks for: one code, or ``all`` (the original first)."""
    original = original_language(analysis)
    if request != "all":
        if request != original:
            language_of(analysis, request)  # an error naming the declared languages
        return (request,)
    declared = analysis.translations.languages if analysis.translations else ()
    return (original, *(lang.code for lang in declared if lang.code != original))


def draft_in(
    analysis: Analysis, code: str, *, originals: Mapping[str, OriginalUnit] | None = None
) -> Draft:
    """The draft in language ``code``: the original's draft, or its translation."""
    draft = analysis.draft
    if draft is None:
        raise InvalidInputError("the charter's manifest could not be read: there is no draft")
    original = original_language(analysis)
    if code == original:
        return draft
    language = language_of(analysis, code)
    return translate_draft(draft, analysis.library, language, original, originals=originals)
