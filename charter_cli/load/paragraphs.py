"""The paragraphs of a clause, whatever form its file gives them in.

A clause holds either ``[[clause.paragraph]]`` tables or one ``text``. A ``text``
whose blocks are numbered ("1. ...", "2. ...") is the form of charter 0.1: it is
still read, as paragraphs ``p1``, ``p2``, ... (and lettered lines "(a) ..." as
points ``a``, ``b``, ...), with a deprecation finding, because those IDs are
positions and would shift when a paragraph is inserted. ``charter migrate``
writes them as tables, after which the IDs are stable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from charter_cli.load.keylines import KeyPath
from charter_cli.models.clause import Clause, Paragraph, Point

_NUMBERED = re.compile(r"^\s{0,3}(\d{1,3})[.)]\s+")
_LETTERED = re.compile(r"^\s*\(?([a-z])\)\s+")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


def is_numbered_text(text: str) -> bool:
    """Whether ``text`` is in the 0.1 form: every block a numbered paragraph."""
    blocks = [block for block in _BLANK_LINES.split(text.strip()) if block.strip()]
    return bool(blocks) and all(_NUMBERED.match(block) for block in blocks)


# the texts are replaced by every copy; a text must not be blank to validate
_BLANK_PARAGRAPH = Paragraph(id="p1", text="-")
_BLANK_POINT = Point(id="a", text="-")


def _paragraph(id: str, text: str, points: list[Point] | None = None) -> Paragraph:
    """A paragraph made from trusted parts, without validation.

    ``model_construct`` would work out every default (for a default factory,
    pydantic inspects its signature on each call: a tenth of a millisecond per
    field); a copy of a blank paragraph takes the defaults as they are.
    """
    update: dict[str, object] = {"id": id, "text": text}
    if points:
        update["point"] = points
    return _BLANK_PARAGRAPH.model_copy(update=update)


def _point(id: str, text: str) -> Point:
    return _BLANK_POINT.model_copy(update={"id": id, "text": text})


def numbered_paragraphs(text: str) -> list[Paragraph]:
    """The paragraphs of a numbered text, IDs ``p1``, ``p2``, ...; lettered lines become points."""
    blocks = [block for block in _BLANK_LINES.split(text.strip()) if block.strip()]
    paragraphs = []
    for number, block in enumerate(blocks, start=1):
        body = _NUMBERED.sub("", block, count=1)
        lines = body.split("\n")
        first_point = next((i for i, line in enumerate(lines) if i and _LETTERED.match(line)), None)
        points: list[Point] = []
        if first_point is not None:
            lead = "\n".join(lines[:first_point]).strip()
            for line in lines[first_point:]:
                letter = _LETTERED.match(line)
                if letter:
                    points.append(_point(letter.group(1), line[letter.end() :]))
                elif points:
                    last = points[-1]
                    points[-1] = _point(last.id, f"{last.text}\n{line}")
            body = lead
        paragraphs.append(_paragraph(f"p{number}", body.strip(), points))
    return paragraphs


def paragraphs_of(clause: Clause) -> tuple[Paragraph, ...]:
    """The clause's paragraphs: its tables, its numbered text, or its one text as ``p1``."""
    if clause.paragraph:
        return tuple(clause.paragraph)
    text = clause.text or ""
    if is_numbered_text(text):
        return tuple(numbered_paragraphs(text))
    return (_paragraph("p1", text.strip()),)


class TextUnit(NamedTuple):
    """One text of a clause that the draft renders, with its place in the clause's table."""

    keys: KeyPath
    """Its key path within the ``[[clause]]`` table, e.g. ``("paragraph", 1, "text")``."""
    text: str
    paragraph: Paragraph | None
    """The paragraph whose ``bracket`` options its ``{name}`` refer to (none for a ``text``)."""
    kind: str
    """``text``, ``alternative``, ``point`` or ``option``."""


def text_units(clause: Clause) -> Iterator[TextUnit]:
    """Every text of a clause, in reading order, with the key path of each."""
    if not clause.paragraph:
        yield TextUnit(("text",), clause.text or "", None, "text")
        return
    for index, paragraph in enumerate(clause.paragraph):
        keys: KeyPath = ("paragraph", index)
        if paragraph.text is not None:
            yield TextUnit((*keys, "text"), paragraph.text, paragraph, "text")
        for number, option in enumerate(paragraph.alternative):
            yield TextUnit(
                (*keys, "alternative", number, "text"), option.text, paragraph, "alternative"
            )
        for number, point in enumerate(paragraph.point):
            yield TextUnit((*keys, "point", number, "text"), point.text, paragraph, "point")
        for name, options in paragraph.bracket.items():
            for number, option in enumerate(options):
                yield TextUnit(
                    (*keys, "bracket", name, number, "text"), option.text, paragraph, "option"
                )


class Cover(NamedTuple):
    """One requirement a clause says it implements, and which part of it does."""

    requirement: str
    keys: KeyPath
    """The key path of the ``covers`` entry within the ``[[clause]]`` table."""
    paragraph: str | None = None
    """The paragraph's ID, when a paragraph (or one of its points) covers it."""
    point: str | None = None
    """The point's ID, when a point covers it."""


def covers_of(clause: Clause) -> Iterator[Cover]:
    """Every ``covers`` entry of the clause, its paragraphs and their points."""
    for number, requirement in enumerate(clause.covers):
        yield Cover(requirement, ("covers", number))
    for index, paragraph in enumerate(clause.paragraph):
        for number, requirement in enumerate(paragraph.covers):
            yield Cover(requirement, ("paragraph", index, "covers", number), paragraph.id)
        for p_index, point in enumerate(paragraph.point):
            for number, requirement in enumerate(point.covers):
                keys = ("paragraph", index, "point", p_index, "covers", number)
                yield Cover(requirement, keys, paragraph.id, point.id)


class Facts(NamedTuple):
    """What every stage asks of a clause, worked out in one pass when it is first asked."""

    paragraphs: tuple[Paragraph, ...]
    text: str
    """Every text of the clause joined by line breaks, for quick tests of what it may hold."""
    covers: tuple[Cover, ...]
    plain: bool
    """Whether it has no negotiation marks at all: no bracket, alternative, proposed or marked
    paragraph, point or reservation (most clauses: the checks of those marks can be skipped)."""


def facts(clause: Clause) -> Facts:
    """The :class:`Facts` of a clause."""
    if not clause.paragraph:
        covers = tuple(Cover(r, ("covers", i)) for i, r in enumerate(clause.covers))
        return Facts(paragraphs_of(clause), clause.text or "", covers, not clause.reservation)
    texts: list[str] = []
    marked = bool(clause.reservation)
    for paragraph in clause.paragraph:
        if paragraph.text is not None:
            texts.append(paragraph.text)
        if paragraph.alternative or paragraph.bracket or paragraph.point:
            marked = True
            texts += [option.text for option in paragraph.alternative]
            texts += [point.text for point in paragraph.point]
            texts += [o.text for options in paragraph.bracket.values() for o in options]
        elif paragraph.proposed_by is not None or paragraph.status is not None:
            marked = True
    covers = tuple(covers_of(clause)) if clause.covers or marked or _any_covers(clause) else ()
    return Facts(tuple(clause.paragraph), "\n".join(texts), covers, not marked)


def _any_covers(clause: Clause) -> bool:
    return any(paragraph.covers for paragraph in clause.paragraph)
