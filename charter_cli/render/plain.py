"""An article as plain text, for the terminal (``charter show``): no markup, nothing escaped.

The terminal escapes control characters itself (:mod:`charter_cli.cli.console`).
"""

from __future__ import annotations

from charter_cli.render import blocks as ir
from charter_cli.render.layout import trace_line


def plain_article(view: ir.ArticleView) -> str:
    """The body of an article: its paragraphs, status note, trace and reservations."""
    parts = [_provision(provision) for provision in view.provisions]
    if view.status_note is not None:
        parts.append(_line(view.status_note))
    if view.trace:
        parts.append(f"*{trace_line(view.trace)}*")
    parts += [f"[^{note.label}]: {note.text}" for note in view.notes]
    return "\n\n".join(part for part in parts if part)


def _provision(provision: ir.Provision) -> str:
    blocks = [_block(block) for block in provision.blocks]
    if provision.marker:
        first = blocks[0] if blocks else ""
        blocks[:1] = [f"{provision.marker} {first}".rstrip()]
    return "\n\n".join(blocks)


def _block(block: ir.Block) -> str:
    if isinstance(block, ir.Para):
        return _para(block)
    return "\n".join(
        f"{f'{block.start + index}.' if block.ordered else '-'} {_para(item)}"
        for index, item in enumerate(block.items)
    )


def _para(para: ir.Para) -> str:
    return "\n".join(_line(line) for line in para.lines)


def _line(line: ir.Line | tuple[ir.Inline, ...]) -> str:
    out = []
    for piece in line:
        if isinstance(piece, str):
            out.append(piece)
        elif isinstance(piece, ir.Label | ir.Link):
            out.append(piece.text)
        elif isinstance(piece, ir.Emphasis):
            out.append(f"*{_line(piece.content)}*")
        elif isinstance(piece, ir.Bracket):
            out.append(_line(piece.content))
        elif isinstance(piece, ir.NoteMark):
            out.append(f"[^{piece.label}]")
    return "".join(out)
