"""The formats ``charter build --format`` writes: for each, its renderer and its default file.

Renderers are imported only when their format is asked for, so that a Markdown
build never loads python-docx, typst or lxml. Markdown and HTML tell their
progress (``(done, total)`` articles) to the caller that asks; the other
formats render in one go.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from charter_cli.draft.model import Draft
from charter_cli.load.library import Library
from charter_cli.render.frontmatter import GENERATOR_META, SIGNATURE
from charter_cli.vocabulary import Format, Rendering

Progress = Callable[[int, int], None]
"""Told ``(done, total)`` as articles are rendered."""
Render = Callable[[Draft, Library, Rendering, bool | None, Progress | None], Iterator[bytes]]
"""A renderer: the draft in one rendering, as the chunks of the file."""
RenderSynoptic = Callable[[Draft, Draft, Library, Rendering, bool | None], Iterator[bytes]]
"""A synoptic renderer: two versions of the draft side by side."""


@dataclass(frozen=True)
class Export:
    """One format: how to render it, where it goes, how to recognise it."""

    format: Format
    extension: str
    """Of the default file: ``.md``, ``.docx``, ``.pdf``, ``.akn.xml``."""
    render: Render
    binary: bool
    """Whether the output is not text (never written to a terminal)."""
    signature: bytes | None
    """What an earlier output holds, for a format without front matter; ``None`` for Markdown."""
    synoptic: RenderSynoptic | None = None
    """The renderer of two versions side by side, for the formats that have one."""

    def default_output(self, rendering: Rendering, language: str | None = None) -> Path:
        """``build/charter.docx``, ``build/charter-agreed.docx``, ``build/charter-clean.es.docx``.

        ``language`` is the draft's language when it is not the original (``es``), or
        the two languages of a synoptic draft (``en-es``).
        """
        suffix = "" if rendering is Rendering.COMPILATION else f"-{rendering.value}"
        infix = f".{language}" if language else ""
        return Path("build") / f"charter{suffix}{infix}{self.extension}"


def _markdown(
    draft: Draft,
    library: Library,
    rendering: Rendering,
    trace: bool | None,
    progress: Progress | None = None,
) -> Iterator[bytes]:
    from charter_cli.render.markdown import iter_markdown

    pieces = iter_markdown(draft, library, rendering=rendering, trace=trace, progress=progress)
    for piece in pieces:
        yield piece.encode("utf-8")


def _html(
    draft: Draft,
    library: Library,
    rendering: Rendering,
    trace: bool | None,
    progress: Progress | None = None,
) -> Iterator[bytes]:
    from charter_cli.render.html import iter_html

    for piece in iter_html(draft, library, rendering=rendering, trace=trace, progress=progress):
        yield piece.encode("utf-8")


def _akn(
    draft: Draft,
    library: Library,
    rendering: Rendering,
    trace: bool | None,
    progress: Progress | None = None,
) -> Iterator[bytes]:
    from charter_cli.render.akn import render_akn

    yield render_akn(draft, library, rendering=rendering, trace=trace)


def _docx(
    draft: Draft,
    library: Library,
    rendering: Rendering,
    trace: bool | None,
    progress: Progress | None = None,
) -> Iterator[bytes]:
    from charter_cli.render.docx import render_docx

    yield render_docx(draft, library, rendering=rendering, trace=trace)


def _pdf(
    draft: Draft,
    library: Library,
    rendering: Rendering,
    trace: bool | None,
    progress: Progress | None = None,
) -> Iterator[bytes]:
    from charter_cli.render.pdf import render_pdf

    yield render_pdf(draft, library, rendering=rendering, trace=trace)


def _synoptic_markdown(
    left: Draft, right: Draft, library: Library, rendering: Rendering, trace: bool | None
) -> Iterator[bytes]:
    from charter_cli.render.synoptic import iter_synoptic_markdown

    for piece in iter_synoptic_markdown(left, right, library, rendering=rendering, trace=trace):
        yield piece.encode("utf-8")


def _synoptic_docx(
    left: Draft, right: Draft, library: Library, rendering: Rendering, trace: bool | None
) -> Iterator[bytes]:
    from charter_cli.render.synoptic_docx import render_synoptic_docx

    yield render_synoptic_docx(left, right, library, rendering=rendering, trace=trace)


EXPORTS = {
    Format.MD: Export(
        Format.MD, ".md", _markdown, binary=False, signature=None, synoptic=_synoptic_markdown
    ),
    Format.HTML: Export(
        Format.HTML, ".html", _html, binary=False, signature=GENERATOR_META.encode("utf-8")
    ),
    Format.DOCX: Export(
        Format.DOCX, ".docx", _docx, binary=True, signature=SIGNATURE, synoptic=_synoptic_docx
    ),
    Format.PDF: Export(Format.PDF, ".pdf", _pdf, binary=True, signature=SIGNATURE),
    Format.AKN: Export(Format.AKN, ".akn.xml", _akn, binary=False, signature=SIGNATURE),
}
"""Every format ``build`` writes."""
