"""One article or recital as the blocks of :mod:`~charter_cli.render.blocks`: for Markdown, HTML and text.

What each rendering shows is decided by :mod:`charter_cli.render.layout`, for
every format; this module only cuts it into the shape the web formats need:
a text of the library into paragraphs, lists and lines (the lines and lists its
author typed), contested passages into brackets with their party labels, the
paragraphs of an article open as a whole into one pair of brackets. Word, PDF
and Akoma Ntoso write :mod:`~charter_cli.render.layout`'s values directly.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from charter_cli.draft.model import Article, Placement
from charter_cli.models.clause import Paragraph
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
    NoteMark,
    Para,
    Provision,
)
from charter_cli.render.layout import (
    ELLIPSIS,
    Contest,
    ParagraphView,
    Ref,
    Runs,
    Setting,
    alternative_label,
    article_eid,
    article_label,
    layout,
    placement_eid,
    units,
)
from charter_cli.syntax import starts_item, text_blocks

__all__ = ["Setting", "article_view"]

_LineEdit = Callable[[Line], Line]
_SPACE = re.compile(r"\s+")


def article_view(setting: Setting, placement: Placement, depth: int = 0) -> ArticleView:
    """An article or recital as the rendering shows it: its paragraphs, notes and trace.

    ``depth`` is where it stands: 2 in a title, 3 in a chapter (0 for a recital).
    """
    view = layout(setting, placement)
    entry = placement.entry
    article = placement if isinstance(placement, Article) else None
    provisions: list[Provision] = []
    for paragraph, shown in zip(entry.paragraphs, view.paragraphs, strict=True):
        provisions += _paragraph(setting, paragraph, shown)
    if view.bracketed:
        provisions = _bracketed(provisions, "")  # a proposed article is marked by its note
    standing = entry.standing
    return ArticleView(
        anchor=placement_eid(placement),
        number=placement.number,
        heading=article_label(article, setting.labels) if article is not None else "",
        title=entry.clause.title,
        title_marks=tuple(NoteMark(label) for label in view.heading_marks),
        provisions=tuple(provisions),
        status=standing.status.value,
        open=standing.open_as_a_whole,
        status_note=(Emphasis((view.status_note,)),) if view.status_note else None,
        trace=view.trace_groups,
        notes=view.notes,
        clause=entry.id,
        depth=depth,
    )


def _paragraph(setting: Setting, paragraph: Paragraph, shown: ParagraphView) -> list[Provision]:
    if shown.dropped:
        return [Provision(shown.marker, (Para(((ELLIPSIS,),)),))]
    if shown.alternatives:
        parts = [
            _alternative(
                alternative.party,
                alternative_label(alternative),
                _text(setting, alternative.runs, option.text, paragraph),
            )
            for alternative, option in zip(shown.alternatives, paragraph.alternative, strict=True)
        ]
    else:
        parts = [Provision("", _text(setting, shown.runs, paragraph.text or "", paragraph))]
        parts += [
            Provision(point.marker, _text(setting, point.runs, source.text, paragraph), "point")
            for point, source in zip(shown.points, paragraph.point, strict=True)
        ]
        if shown.proposal is not None:
            parts = _bracketed(parts, shown.proposal, paragraph.proposed_by)
    first = parts[0]
    marks = tuple(NoteMark(label) for label in shown.marks)
    parts[0] = Provision(
        shown.marker, _with_marks(first.blocks, marks), first.kind, first.party, first.open
    )
    return parts


def _alternative(party: str | None, label: str, blocks: tuple[Block, ...]) -> Provision:
    bracketed = _bracketed([Provision("", blocks)], f"{label}: ", party)[0]
    return Provision("", bracketed.blocks, "alternative", party, True)


def _bracketed(parts: list[Provision], label: str, party: str | None = None) -> list[Provision]:
    """The provisions in one pair of square brackets: ``[`` and a label before, ``]`` after."""
    if not parts:
        return parts
    opening: Line = ("[", Label(label)) if label else ("[",)
    first = parts[0]
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


def _text(setting: Setting, runs: Runs, text: str, paragraph: Paragraph) -> tuple[Block, ...]:
    """A text of the library as blocks: its lines, paragraphs and lists, as its author typed them.

    ``runs`` is the text as :func:`~charter_cli.render.layout.layout` shows it; a
    text of one line (most texts) is that one line, a longer one is laid out line
    by line.
    """
    if "\n" not in text and "\r" not in text and not starts_item(text.strip()):
        return (Para((line_of(runs),)),)
    blocks: list[Block] = []
    for block in text_blocks(text):
        paras = tuple(
            Para(tuple(line_of(units(setting, line, paragraph)) for line in part.split("\n")))
            for part in block.parts
        )
        if block.list_kind:
            blocks.append(ItemList(block.list_kind == "numbers", block.start, paras))
        else:
            blocks += paras
    return tuple(blocks)


def line_of(runs: Runs, *, one_line: bool = False) -> Line:
    """Words, references (links to the article when it is shown) and contested passages."""
    out: list[Inline] = []
    for run in runs:
        if isinstance(run, str):
            if run:
                out.append(_SPACE.sub(" ", run) if one_line else run)
        elif isinstance(run, Ref):
            out.append(Link(run.label, article_eid(run.article)) if run.linked else run.label)
        else:
            out += _contest(run)
    return tuple(out)


def _contest(contest: Contest) -> list[Inline]:
    """Each party's wording in its own bracket, or (clean text) the wordings in one."""
    out: list[Inline] = [contest.space] if contest.space else []
    if contest.joined:
        content: list[Inline] = []
        for index, wording in enumerate(contest.wordings):
            content += ([" / "] if index else []) + list(line_of(wording.runs, one_line=True))
        out.append(Bracket(("[", *content, "]")))
        return out
    for index, wording in enumerate(contest.wordings):
        words = (
            line_of(wording.runs, one_line=True) if wording.runs else (Emphasis((contest.delete,)),)
        )
        if index:
            out.append(" ")
        out.append(Bracket(("[", Label(f"{wording.party}: "), *words, "]"), wording.party))
    return out
