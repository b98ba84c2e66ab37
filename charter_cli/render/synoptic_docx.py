"""The synoptic draft as a Word document: a heading and a two-column table per article.

The rows are those of :func:`charter_cli.render.synoptic.synoptic`, one paragraph
(or point, alternative, note) of each language per row, in plain text; the
document carries the same core properties as the single-language export, so
``build`` recognises it as its own.
"""

from __future__ import annotations

import io

from docx import Document
from docx.shared import Pt

from charter_cli.draft.model import Draft
from charter_cli.load.library import Library
from charter_cli.render.docx import repack, set_properties
from charter_cli.render.synoptic import plain, settings, synoptic
from charter_cli.render.xmlsafe import xml_safe
from charter_cli.vocabulary import Rendering


def render_synoptic_docx(
    left: Draft,
    right: Draft,
    library: Library,
    *,
    rendering: Rendering = Rendering.COMPILATION,
    trace: bool | None = None,
) -> bytes:
    """The two versions side by side as one Word document, byte-identical for the same library."""
    first, second = settings(left, right, library, rendering, trace)
    view = synoptic(first, second, plain)
    document = Document()
    document.styles["Normal"].font.size = Pt(10)
    for block in view.blocks:
        one, two = (xml_safe(text) for text in block.heading)
        heading = one if one == two else f"{one} / {two}"
        document.add_heading(heading, level=block.level)
        if not block.rows:
            continue
        table = document.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        header = table.rows[0].cells
        for cell, name in zip(header, view.columns, strict=True):
            cell.text = name
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for left_text, right_text in block.rows:
            cells = table.add_row().cells
            cells[0].text = xml_safe(left_text)
            cells[1].text = xml_safe(right_text)
    set_properties(document, first)
    buffer = io.BytesIO()
    document.save(buffer)
    return repack(buffer.getvalue())
