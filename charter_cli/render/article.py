"""The body of one article or recital as Markdown, in each of the three renderings.

What each rendering shows is decided by :mod:`charter_cli.render.layout`; this
module writes it in Markdown:

* **compilation**: contested words as ``[EU: shall] [LAC: shall endeavour to]``,
  alternatives as ``[Alternative 1 (EU): ...]``, a party's paragraph as
  ``[LAC: ...]``, reservations as footnotes, an article open as a whole in
  brackets with a note saying who proposes it;
* **agreed**: open words replaced by an ellipsis, open paragraphs by ``…`` after
  their number;
* **clean**: brackets and alternatives without parties, no notes, no reservations.
"""

from __future__ import annotations

import re

from charter_cli.draft.model import Placement
from charter_cli.render.layout import (
    ELLIPSIS,
    Contest,
    ParagraphView,
    Ref,
    Runs,
    Setting,
    anchor_of,
    falls,
    layout,
)
from charter_cli.vocabulary import ParagraphStyle

__all__ = ["Setting", "anchor_of", "body", "bracket", "falls"]

_LIST_MARKER = re.compile(r"^(\s*(?:\d+[.)]|[-*+])\s+)")


def body(setting: Setting, placement: Placement) -> tuple[list[str], str]:
    """The blocks of an article's or recital's body, and the footnote mark of its heading."""
    view = layout(setting, placement)
    blocks: list[str] = []
    for paragraph in view.paragraphs:
        blocks += _paragraph(setting, paragraph)
    text = "\n\n".join(blocks)
    if view.bracketed:
        text = bracket(text)  # a proposed article is marked by its note; a contested one too
    out = [text]
    if view.status_note:
        out.append(f"*{view.status_note}*")
    if view.trace:
        out.append(f"*{view.trace}*")
    out += [f"[^{note.label}]: {note.text}" for note in view.notes]
    return out, _marks(view.heading_marks)


def _marks(labels: tuple[str, ...]) -> str:
    return "".join(f"[^{label}]" for label in labels)


def _paragraph(setting: Setting, paragraph: ParagraphView) -> list[str]:
    marker = f"{paragraph.marker} " if paragraph.marker else ""
    marks = _marks(paragraph.marks)
    if paragraph.dropped:
        return [f"{marker}{ELLIPSIS}"]
    if paragraph.alternatives:
        parts = [
            f"[{alt.name}{f' ({alt.party})' if alt.party else ''}: {inline(alt.runs)}]"
            for alt in paragraph.alternatives
        ]
    else:
        parts = [inline(paragraph.runs)]
        parts += [f"{point.marker} {inline(point.runs)}" for point in paragraph.points]
        if paragraph.proposal is not None:
            parts[0] = f"[{paragraph.proposal}{parts[0]}"
            parts[-1] = f"{parts[-1]}]"
    parts[0] = f"{marker}{parts[0]}{marks}"
    if len(parts) == 1:
        return parts
    numbering = setting.draft.numbering
    indent = " " * len(marker) if numbering.paragraphs is ParagraphStyle.PERIOD else ""
    return [parts[0], *(_indented(part, indent) for part in parts[1:])]


def _indented(block: str, indent: str) -> str:
    return "\n".join(f"{indent}{line}" if line else line for line in block.split("\n"))


def inline(runs: Runs) -> str:
    """Words, references (as links) and contested passages as Markdown."""
    if len(runs) == 1 and isinstance(runs[0], str):
        return runs[0]
    out = []
    for run in runs:
        if isinstance(run, str):
            out.append(run)
        elif isinstance(run, Ref):
            out.append(f"[{run.label}](#{anchor_of(run.article)})" if run.linked else run.label)
        else:
            out.append(_contest(run))
    return "".join(out)


def _contest(contest: Contest) -> str:
    if contest.joined:
        return f"{contest.space}[{' / '.join(inline(w.runs) for w in contest.wordings)}]"
    return contest.space + " ".join(
        f"[{wording.party}: {inline(wording.runs) if wording.runs else f'*{contest.delete}*'}]"
        for wording in contest.wordings
    )


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
