"""One article or recital, in each of the three renderings, as the blocks of :mod:`~charter_cli.render.blocks`.

* **compilation**: contested words as ``[EU: shall] [LAC: shall endeavour to]``,
  alternatives as ``[Alternative 1 (EU): ...]``, a party's paragraph as
  ``[LAC: ...]``, reservations as footnotes, an article open as a whole in
  brackets with a note saying who proposes it;
* **agreed**: open words replaced by an ellipsis, open paragraphs by ``…`` after
  their number (numbers and citations stay those of the compilation);
* **clean**: the reading text: brackets and alternatives without parties, no
  notes, no reservations.

What is shown is decided here, once; the writers of each format only write it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from charter_cli.draft.model import Article, Draft, Placement
from charter_cli.draft.numbering import paragraph_marker, point_marker
from charter_cli.load.entries import ClauseEntry
from charter_cli.load.library import Library
from charter_cli.load.negotiation import paragraph_open_as_a_whole
from charter_cli.models.clause import Option, Paragraph
from charter_cli.render.blocks import (
    ArticleView,
    Block,
    Bracket,
    Emphasis,
    Inline,
    ItemList,
    Label,
    Line,
    Link,
    Note,
    NoteMark,
    Para,
    Provision,
    TraceGroup,
)
from charter_cli.syntax import REFERENCE, Placeholder, segments, starts_item, text_blocks
from charter_cli.vocabulary import JOINT, Rendering, Status

ELLIPSIS = "…"
_ONE_ELLIPSIS = re.compile(r"\s*…(?:\s*…)+")
"""Adjacent dropped passages, shown as one ellipsis."""
_LineEdit = Callable[[Line], Line]


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
    """Whether references become links (else plain "Article N", for the terminal)."""


def falls(entry: ClauseEntry) -> bool:
    """Whether the whole clause falls from the agreed text."""
    return entry.standing.open_as_a_whole or all(
        paragraph_open_as_a_whole(p) for p in entry.paragraphs
    )


def anchor_of(placement: Placement) -> str:
    """The anchor of an article (``article-7``) or of a recital (``recital-2``)."""
    kind = "article" if isinstance(placement, Article) else "recital"
    return f"{kind}-{placement.number}"


def article_view(setting: Setting, placement: Placement, depth: int = 0) -> ArticleView:
    """An article or recital as the rendering shows it: its paragraphs, notes and trace.

    ``depth`` is where it stands: 2 in a title, 3 in a chapter (0 for a recital).
    """
    entry = placement.entry
    notes: list[Note] = []
    reservations = setting.rendering is Rendering.COMPILATION and bool(entry.clause.reservation)
    title_marks: tuple[NoteMark, ...] = ()
    if reservations:
        title_marks = tuple(_reservation_marks(setting, placement, None, notes))
    paragraphs = entry.paragraphs
    numbered = len(paragraphs) > 1 and isinstance(placement, Article)
    provisions: list[Provision] = []
    for number, paragraph in enumerate(paragraphs, start=1):
        marks: tuple[NoteMark, ...] = ()
        if reservations:
            marks = tuple(_reservation_marks(setting, placement, paragraph.id, notes))
        provisions += _paragraph(setting, paragraph, number if numbered else None, marks)
    standing = entry.standing
    if standing.status is Status.BRACKETED and standing.open_as_a_whole:
        provisions = _bracketed(provisions, "")  # a proposed article is marked by its note
    return ArticleView(
        anchor=anchor_of(placement),
        number=placement.number,
        heading=placement.label if isinstance(placement, Article) else "",
        title=entry.clause.title,
        title_marks=title_marks,
        provisions=tuple(provisions),
        status=standing.status.value,
        open=standing.open_as_a_whole,
        status_note=_status_note(setting, entry),
        trace=_trace(setting, placement) if setting.trace else (),
        notes=tuple(notes),
        clause=entry.id,
        depth=depth,
    )


def _paragraph(
    setting: Setting, paragraph: Paragraph, number: int | None, marks: tuple[NoteMark, ...]
) -> list[Provision]:
    numbering = setting.draft.numbering
    marker = paragraph_marker(number, numbering) if number is not None else ""
    whole = paragraph_open_as_a_whole(paragraph)
    if not whole and not paragraph.point and not paragraph.alternative:  # most paragraphs
        return [
            Provision(marker, _with_marks(_blocks(setting, paragraph.text or "", paragraph), marks))
        ]
    if whole and setting.rendering is Rendering.AGREED:
        return [Provision(marker, (Para(((ELLIPSIS,),)),))]
    if paragraph.alternative:
        parts = [
            _alternative(setting, paragraph, index, option)
            for index, option in enumerate(paragraph.alternative, start=1)
        ]
    else:
        parts = [Provision("", _blocks(setting, paragraph.text or "", paragraph))]
        parts += [
            Provision(
                point_marker(index, numbering),
                _blocks(setting, point.text, paragraph),
                kind="point",
            )
            for index, point in enumerate(paragraph.point)
        ]
        if whole:
            label = _label(setting, paragraph.proposed_by)
            parts = _bracketed(parts, label, paragraph.proposed_by)
    first = parts[0]
    parts[0] = Provision(
        marker, _with_marks(first.blocks, marks), first.kind, first.party, first.open
    )
    return parts


def _label(setting: Setting, party: str | None) -> str:
    if setting.rendering is not Rendering.COMPILATION or party in (None, JOINT):
        return ""
    return f"{party}: "


def _alternative(setting: Setting, paragraph: Paragraph, index: int, option: Option) -> Provision:
    blocks = _blocks(setting, option.text, paragraph)
    compilation = setting.rendering is Rendering.COMPILATION
    label = f"Alternative {index} ({option.party}): " if compilation else f"Alternative {index}: "
    bracketed = _bracketed([Provision("", blocks)], label, option.party)[0]
    return Provision(
        "", bracketed.blocks, "alternative", option.party if compilation else None, True
    )


def _bracketed(parts: list[Provision], label: str, party: str | None = None) -> list[Provision]:
    """The provisions in one pair of square brackets: ``[`` and a label before, ``]`` after."""
    if not parts:
        return parts
    opening: Line = ("[", Label(label)) if label else ("[",)
    first, last = parts[0], parts[-1]
    parts = list(parts)
    parts[0] = Provision(
        first.marker,
        _edit_line(first.blocks, 0, lambda line: (*opening, *line)),
        first.kind,
        party if label else first.party,
        open=True,
    )
    last = parts[-1]
    parts[-1] = Provision(
        last.marker,
        _edit_line(last.blocks, -1, lambda line: (*line, "]")),
        last.kind,
        last.party,
        open=True,
    )
    return parts


def _with_marks(blocks: tuple[Block, ...], marks: tuple[NoteMark, ...]) -> tuple[Block, ...]:
    if not marks:
        return blocks
    return _edit_line(blocks, -1, lambda line: (*line, *marks))


def _edit_line(blocks: tuple[Block, ...], which: int, edit: _LineEdit) -> tuple[Block, ...]:
    """The blocks with their first (``0``) or last (``-1``) line changed."""
    if not blocks:
        return (Para((edit(()),)),)
    block = blocks[which]
    if isinstance(block, ItemList):
        item = block.items[which]
        items = list(block.items)
        items[which] = Para(_edit_lines(item.lines, which, edit))
        changed: Block = ItemList(block.ordered, block.start, tuple(items))
    else:
        changed = Para(_edit_lines(block.lines, which, edit))
    out = list(blocks)
    out[which] = changed
    return tuple(out)


def _edit_lines(lines: tuple[Line, ...], which: int, edit: _LineEdit) -> tuple[Line, ...]:
    out = list(lines) or [()]
    out[which] = edit(out[which])
    return tuple(out)


def _blocks(setting: Setting, text: str, paragraph: Paragraph | None) -> tuple[Block, ...]:
    """A text of the library as blocks: paragraphs and lists, references and brackets resolved."""
    if "\n" not in text and "\r" not in text and not starts_item(text.strip()):
        return (Para((_line(setting, text.strip(), paragraph),)),)  # most texts: one line
    blocks: list[Block] = []
    for block in text_blocks(text):
        paras = tuple(
            Para(tuple(_line(setting, line, paragraph) for line in part.split("\n")))
            for part in block.parts
        )
        if block.list_kind:
            blocks.append(ItemList(block.list_kind == "numbers", block.start, paras))
        else:
            blocks += paras
    return tuple(blocks)


def _line(setting: Setting, text: str, paragraph: Paragraph | None) -> Line:
    """One line of a text: its references become links, its ``{name}`` the contested words."""
    if "{" not in text and "[[" not in text:
        return (text,)
    out: list[Inline] = []
    for part in segments(text):
        if isinstance(part, Placeholder):
            options = paragraph.bracket.get(part.name, []) if paragraph is not None else []
            out += _bracket(setting, options, paragraph)
        elif "[[" in part:
            out += _references(setting, part)
        else:
            out.append(part)
    if setting.rendering is Rendering.AGREED:
        out = _merge_ellipses(out)
    return tuple(out)


def _merge_ellipses(line: list[Inline]) -> list[Inline]:
    """Adjacent strings joined, and dropped passages that touch shown as one ellipsis."""
    merged: list[Inline] = []
    for piece in line:
        if isinstance(piece, str) and merged and isinstance(merged[-1], str):
            merged[-1] += piece
        else:
            merged.append(piece)
    return [
        _ONE_ELLIPSIS.sub(_one_ellipsis, piece)
        if isinstance(piece, str) and ELLIPSIS in piece
        else piece
        for piece in merged
    ]


def _one_ellipsis(match: re.Match[str]) -> str:
    """The space before a run of ellipses, and one ellipsis."""
    run = match.group(0)
    return run[: len(run) - len(run.lstrip())] + ELLIPSIS


def _option_line(setting: Setting, text: str) -> list[Inline]:
    """The words of one option: on one line, references resolved."""
    words = " ".join(text.split())
    return _references(setting, words) if "[[" in words else [words]


def _bracket(setting: Setting, options: list[Option], paragraph: Paragraph | None) -> list[Inline]:
    """A contested passage: its options with their parties, the options alone, or an ellipsis.

    Options that add words after a word start with a space; the space then goes
    before the bracket, as a reader expects: ``this Charter [and report on it]``.
    """
    worded = [option for option in options if option.text.strip()]
    space = " " if worded and all(o.text[:1].isspace() for o in worded) else ""
    rendering = setting.rendering
    if rendering is Rendering.AGREED:
        return [f"{space}{ELLIPSIS}"]
    out: list[Inline] = [space] if space else []
    if rendering is Rendering.CLEAN:
        content: list[Inline] = []
        for index, option in enumerate(worded):
            content += ([" / "] if index else []) + _option_line(setting, option.text)
        out.append(Bracket(("[", *content, "]")))
        return out
    for index, option in enumerate(options):
        words: list[Inline] = (
            _option_line(setting, option.text) if option.text.strip() else [Emphasis(("delete",))]
        )
        if index:
            out.append(" ")
        out.append(Bracket(("[", Label(f"{option.party}: "), *words, "]"), option.party))
    return out


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
        label = placement.cite(paragraph, point)
        shown = target in setting.shown and setting.links
        out.append(Link(label, anchor_of(placement)) if shown else label)
        last = match.end()
    out.append(text[last:])
    return [piece for piece in out if piece != ""]


def _status_note(setting: Setting, entry: ClauseEntry) -> Line | None:
    if setting.rendering is not Rendering.COMPILATION or not entry.standing.open_as_a_whole:
        return None
    clause = entry.clause
    party = "all Parties jointly" if clause.proposed_by == JOINT else clause.proposed_by
    if entry.standing.status is Status.BRACKETED:
        return (Emphasis((f"Bracketed text proposed by {party}.",)),)
    return (Emphasis((f"Proposed by {party}; not yet agreed.",)),)


_KINDS = {
    "general": "General reservation",
    "scrutiny": "Scrutiny reservation",
    "parliamentary": "Parliamentary scrutiny reservation",
    "linguistic": "Linguistic reservation",
}


def _reservation_marks(
    setting: Setting, placement: Placement, paragraph: str | None, notes: list[Note]
) -> Iterator[NoteMark]:
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
        notes.append(Note(label, f"{text.rstrip('.')}."))
        yield NoteMark(label)


def _trace(setting: Setting, placement: Placement) -> tuple[TraceGroup, ...]:
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


def trace_line(groups: tuple[TraceGroup, ...]) -> str:
    """``Implements: ID (Source, § 2) in paragraph 2(a).``, the trace as one sentence."""
    parts = [
        f"{', '.join(group.requirements)} ({group.citation}, § {group.section})"
        + (f" in paragraph {group.where}" if group.where else "")
        for group in groups
    ]
    return f"Implements: {'; '.join(parts)}."
