"""The body of one article or recital, in each of the three renderings.

* **compilation**: contested words as ``[EU: shall] [LAC: shall endeavour to]``,
  alternatives as ``[Alternative 1 (EU): ...]``, a party's paragraph as
  ``[LAC: ...]``, reservations as footnotes, an article open as a whole in
  brackets with a note saying who proposes it;
* **agreed**: open words replaced by an ellipsis, open paragraphs by ``…`` after
  their number (numbers and citations stay those of the compilation);
* **clean**: the reading text: brackets and alternatives without parties, no
  notes, no reservations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from charter_cli.draft.model import Article, Draft, Placement
from charter_cli.draft.numbering import paragraph_marker, point_marker
from charter_cli.load.entries import ClauseEntry
from charter_cli.load.library import Library
from charter_cli.load.negotiation import paragraph_open_as_a_whole
from charter_cli.models.clause import Option, Paragraph
from charter_cli.syntax import REFERENCE, Placeholder, segments
from charter_cli.vocabulary import JOINT, ParagraphStyle, Rendering, Status

ELLIPSIS = "…"
_ONE_ELLIPSIS = re.compile(r"\s*…(?:\s*…)+")
"""Adjacent dropped passages, shown as one ellipsis."""
_LIST_MARKER = re.compile(r"^(\s*(?:\d+[.)]|[-*+])\s+)")


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
    """Whether references become Markdown links (else plain "Article N", for the terminal)."""


def falls(entry: ClauseEntry) -> bool:
    """Whether the whole clause falls from the agreed text."""
    return entry.standing.open_as_a_whole or all(
        paragraph_open_as_a_whole(p) for p in entry.paragraphs
    )


def anchor_of(placement: Placement) -> str:
    """The anchor of an article (``article-7``) or of the preamble."""
    return f"article-{placement.numeral}" if isinstance(placement, Article) else "preamble"


def body(setting: Setting, placement: Placement) -> tuple[list[str], str]:
    """The blocks of an article's or recital's body, and the footnote mark of its heading."""
    entry = placement.entry
    notes: list[str] = []
    heading_mark = ""
    reservations = setting.rendering is Rendering.COMPILATION and bool(entry.clause.reservation)
    if reservations:
        heading_mark = "".join(_reservation_marks(setting, placement, None, notes))
    paragraphs = entry.paragraphs
    numbered = len(paragraphs) > 1 and isinstance(placement, Article)
    blocks: list[str] = []
    for number, paragraph in enumerate(paragraphs, start=1):
        marks = ""
        if reservations:
            marks = "".join(_reservation_marks(setting, placement, paragraph.id, notes))
        blocks += _paragraph(setting, paragraph, number if numbered else None, marks)
    text = "\n\n".join(blocks)
    if entry.standing.status is Status.BRACKETED and entry.standing.open_as_a_whole:
        text = bracket(text)  # a proposed article is marked by its note; a contested one too
    out = [text]
    note = _status_note(setting, entry)
    if note:
        out.append(note)
    if setting.trace:
        line = _trace(setting, placement)
        if line:
            out.append(line)
    return out + notes, heading_mark


def _paragraph(setting: Setting, paragraph: Paragraph, number: int | None, marks: str) -> list[str]:
    numbering = setting.draft.numbering
    marker = f"{paragraph_marker(number, numbering)} " if number is not None else ""
    whole = paragraph_open_as_a_whole(paragraph)
    if not whole and not paragraph.point and not paragraph.alternative:  # most paragraphs
        return [f"{marker}{_unit(setting, paragraph.text or '', paragraph)}{marks}"]
    indent = " " * len(marker) if numbering.paragraphs is ParagraphStyle.PERIOD else ""
    rendering = setting.rendering
    if whole and rendering is Rendering.AGREED:
        return [f"{marker}{ELLIPSIS}"]
    if paragraph.alternative:
        parts = [
            _alternative(setting, paragraph, index, option)
            for index, option in enumerate(paragraph.alternative, start=1)
        ]
    else:
        parts = [_unit(setting, paragraph.text or "", paragraph)]
        parts += [
            f"{point_marker(index, numbering)} {_unit(setting, point.text, paragraph)}"
            for index, point in enumerate(paragraph.point)
        ]
        if whole and not paragraph.alternative:
            label = _label(setting, paragraph.proposed_by)
            parts[0] = f"[{label}{parts[0]}"
            parts[-1] = f"{parts[-1]}]"
    parts[0] = f"{marker}{parts[0]}{marks}"
    return [parts[0], *(_indented(part, indent) for part in parts[1:])]


def _label(setting: Setting, party: str | None) -> str:
    if setting.rendering is not Rendering.COMPILATION or party in (None, JOINT):
        return ""
    return f"{party}: "


def _alternative(setting: Setting, paragraph: Paragraph, index: int, option: Option) -> str:
    text = _unit(setting, option.text, paragraph)
    if setting.rendering is Rendering.COMPILATION:
        return f"[Alternative {index} ({option.party}): {text}]"
    return f"[Alternative {index}: {text}]"


def _indented(block: str, indent: str) -> str:
    return "\n".join(f"{indent}{line}" if line else line for line in block.split("\n"))


def _unit(setting: Setting, text: str, paragraph: Paragraph | None) -> str:
    """One text with its references resolved and its brackets rendered."""
    if "{" not in text and "[[" not in text and "\r" not in text:
        return text.strip() if paragraph is not None else text  # most texts: nothing to do
    out = []
    for part in segments(text.strip() if paragraph is not None else text):
        if isinstance(part, Placeholder):
            options = paragraph.bracket.get(part.name, []) if paragraph is not None else []
            out.append(_bracket(setting, options, paragraph))
        else:
            out.append(_references(setting, part) if "[[" in part else part)
    joined = "".join(out)
    if setting.rendering is Rendering.AGREED and ELLIPSIS in joined:
        joined = _ONE_ELLIPSIS.sub(
            lambda m: m.group(0)[: len(m.group(0)) - len(m.group(0).lstrip())] + ELLIPSIS, joined
        )
    return joined.replace("\r\n", "\n") if "\r" in joined else joined


def _bracket(setting: Setting, options: list[Option], paragraph: Paragraph | None) -> str:
    """A contested passage: its options with their parties, the options alone, or an ellipsis.

    Options that add words after a word start with a space; the space then goes
    before the bracket, as a reader expects: ``this Charter [and report on it]``.
    """
    worded = [option for option in options if option.text.strip()]
    space = " " if worded and all(o.text[:1].isspace() for o in worded) else ""
    rendering = setting.rendering
    if rendering is Rendering.AGREED:
        return f"{space}{ELLIPSIS}"
    if rendering is Rendering.CLEAN:
        wordings = [_unit(setting, o.text.strip(), None) for o in worded]
        return f"{space}[{' / '.join(wordings)}]"
    return space + " ".join(
        f"[{option.party}: "
        + (_unit(setting, option.text.strip(), None) if option.text.strip() else "*delete*")
        + "]"
        for option in options
    )


def _references(setting: Setting, text: str) -> str:
    placements = setting.draft.placements

    def link(match: re.Match[str]) -> str:
        target, paragraph, point = match.groups()
        placement = placements.get(target)
        if not isinstance(placement, Article):
            return match.group(0)  # reported as CH203 or CH209; the build stops before this
        label = placement.cite(paragraph, point)
        if target not in setting.shown or not setting.links:
            return label
        return f"[{label}](#{anchor_of(placement)})"

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


def _status_note(setting: Setting, entry: ClauseEntry) -> str | None:
    if setting.rendering is not Rendering.COMPILATION or not entry.standing.open_as_a_whole:
        return None
    clause = entry.clause
    party = "all Parties jointly" if clause.proposed_by == JOINT else clause.proposed_by
    if entry.standing.status is Status.BRACKETED:
        return f"*Bracketed text proposed by {party}.*"
    return f"*Proposed by {party}; not yet agreed.*"


_KINDS = {
    "general": "General reservation",
    "scrutiny": "Scrutiny reservation",
    "parliamentary": "Parliamentary scrutiny reservation",
    "linguistic": "Linguistic reservation",
}


def _reservation_marks(
    setting: Setting, placement: Placement, paragraph: str | None, notes: list[str]
) -> Iterator[str]:
    """Footnote marks for the reservations on the article (or one paragraph); notes collects them."""
    names = {party.id: party.name for party in setting.draft.parties}
    for reservation in placement.entry.clause.reservation:
        if reservation.paragraph != paragraph:
            continue
        label = f"{anchor_of(placement)}-{len(notes) + 1}"
        party = reservation.party
        who = f"{names[party]} ({party})" if party in names else party
        text = f"{_KINDS[reservation.kind.value]} by {who}"
        if reservation.note:
            text += f": {' '.join(reservation.note.split())}"
        notes.append(f"[^{label}]: {text.rstrip('.')}.")
        yield f"[^{label}]"


def _trace(setting: Setting, placement: Placement) -> str | None:
    """``*Implements: ...*``: the requirements the shown text covers, by source and section."""
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
    if not groups:
        return None
    parts = [
        f"{', '.join(ids)} ({cite}, § {section})" + (f" in paragraph {where}" if where else "")
        for (where, cite, section), ids in groups.items()
    ]
    return f"*Implements: {'; '.join(parts)}.*"
