"""The texts of the library that a translation translates, each under a stable key.

Every text the draft renders is a unit: a clause's title, each paragraph, point,
alternative and bracket option, the note of a reservation, and in the manifest
the charter's title, the preamble's heading and formulas, each title's and
chapter's heading and each party's name. The keys are made of stable IDs, never
of positions, so inserting a paragraph or moving an article leaves every other
unit's key as it was:

=====================================  ==========================================
``joint-committee/title``              the clause's title
``joint-committee#review``             a paragraph (``#p1`` for a clause's lone ``text``)
``joint-committee#measures.notify``    a point of a paragraph
``joint-committee#review@EU``          the EU's alternative wording of a paragraph
``joint-committee#establishment{frequency}@LAC``  LAC's option of a bracket
``joint-committee/reservation@BR``     the note of BR's reservation on the article
``joint-committee#review/reservation@BR``  ... or on one paragraph
``charter/title``                      the charter's title
``preamble/heading``, ``preamble/opening``, ``preamble/closing``
``title:objectives``                   a title's heading (its English heading, as a slug)
``title:objectives/chapter:principles``  a chapter's heading
``party:EU``                           a party's name
=====================================  ==========================================

A key that would repeat (two alternatives of one party) takes ``~2``, ``~3``.
A bracket option with no words (the party proposes deleting the passage) is no
unit: every language shows it empty.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from charter_cli.load.entries import ClauseEntry
from charter_cli.load.library import Library
from charter_cli.load.project import MANIFEST
from charter_cli.models.clause import Paragraph


@dataclass(frozen=True, slots=True)
class OriginalUnit:
    """One text of the library in its original language."""

    key: str
    text: str
    home: str
    """The library file that holds it (``clauses/a.toml`` or ``charter.toml``)."""
    kind: str
    """``title``, ``paragraph``, ``point``, ``alternative``, ``option``, ``reservation``,
    ``heading``, ``formula`` or ``party``."""
    clause: str | None = None
    """The clause it belongs to (``None`` for the manifest's texts)."""


def original_units(library: Library) -> dict[str, OriginalUnit]:
    """Every unit of the library, by key, in reading order: the manifest's first, then the clauses'."""
    units: dict[str, OriginalUnit] = {}
    for unit in (*_manifest_units(library), *_all_clause_units(library)):
        key = unit.key
        number = 2
        while key in units:
            key = f"{unit.key}~{number}"
            number += 1
        units[key] = unit if key == unit.key else OriginalUnit(key, *_rest(unit))
    return units


def _rest(unit: OriginalUnit) -> tuple[str, str, str, str | None]:
    return unit.text, unit.home, unit.kind, unit.clause


def clean(text: str) -> str:
    """A text as the draft shows it: surrounding white space gone (units compare by this)."""
    return text.strip()


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """A heading as part of a key: lower-case letters and digits joined by ``-``."""
    return _SLUG.sub("-", text.casefold()).strip("-") or "untitled"


def _manifest_units(library: Library) -> Iterator[OriginalUnit]:
    manifest = library.manifest
    if manifest is None:
        return
    yield OriginalUnit("charter/title", manifest.charter.title, MANIFEST, "heading")
    preamble = manifest.preamble
    if preamble is not None:
        yield OriginalUnit("preamble/heading", preamble.heading, MANIFEST, "heading")
        for key in ("opening", "closing"):
            formula = getattr(preamble, key)
            if formula is not None:
                yield OriginalUnit(f"preamble/{key}", clean(formula), MANIFEST, "formula")
    for title in manifest.title:
        title_key = f"title:{slug(title.heading)}"
        yield OriginalUnit(title_key, title.heading, MANIFEST, "heading")
        for chapter in title.chapter:
            key = f"{title_key}/chapter:{slug(chapter.heading)}"
            yield OriginalUnit(key, chapter.heading, MANIFEST, "heading")
    for party in library.parties:
        yield OriginalUnit(f"party:{party.id}", party.name, MANIFEST, "party")


def _all_clause_units(library: Library) -> Iterator[OriginalUnit]:
    for module in library.modules:
        for entry in module.clauses:
            yield from clause_units(entry)


def clause_units(entry: ClauseEntry) -> Iterator[OriginalUnit]:
    """The units of one clause."""
    home, ident = entry.module.rel, entry.id
    yield OriginalUnit(f"{ident}/title", entry.clause.title, home, "title", ident)
    for paragraph in entry.paragraphs:
        yield from _paragraph_units(ident, home, paragraph)
    for reservation in entry.clause.reservation:
        if reservation.note is None:
            continue
        where = f"#{reservation.paragraph}" if reservation.paragraph else ""
        key = f"{ident}{where}/reservation@{reservation.party}"
        yield OriginalUnit(key, clean(reservation.note), home, "reservation", ident)


def _paragraph_units(ident: str, home: str, paragraph: Paragraph) -> Iterator[OriginalUnit]:
    base = f"{ident}#{paragraph.id}"
    if paragraph.text is not None:
        yield OriginalUnit(base, clean(paragraph.text), home, "paragraph", ident)
    for option in paragraph.alternative:
        yield OriginalUnit(f"{base}@{option.party}", clean(option.text), home, "alternative", ident)
    for point in paragraph.point:
        yield OriginalUnit(f"{base}.{point.id}", clean(point.text), home, "point", ident)
    for name, options in paragraph.bracket.items():
        for option in options:
            if not clean(option.text):
                continue  # an option that deletes the words: nothing to translate
            key = f"{base}{{{name}}}@{option.party}"
            yield OriginalUnit(key, clean(option.text), home, "option", ident)
