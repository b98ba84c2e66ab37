"""The export formats of ``charter build --format``: each format's renderer and file name.

A renderer is a pure function ``render(draft, library, *, rendering, trace)``
returning the whole file (``str`` or ``bytes``) or its pieces (an iterable of
``str`` or ``bytes``, written as they come). It is named by module and function
and imported only when its format is built, so that ``charter --help`` and a
Markdown build never load what another format needs. A format is offered by
``--format`` only once it has a line in :data:`EXPORTERS`.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from charter_cli.render.frontmatter import GENERATOR_META
from charter_cli.vocabulary import Format, Rendering

if TYPE_CHECKING:
    from charter_cli.draft.model import Draft
    from charter_cli.load.library import Library


Progress = Callable[[int, int], None]
"""Told ``(done, total)`` as articles are rendered, by the renderers that can say."""


class Renderer(Protocol):
    """What every renderer of a format is: a function of the draft and the library."""

    def __call__(
        self, draft: Draft, library: Library, *, rendering: Rendering, trace: bool | None
    ) -> str | bytes | Iterable[str] | Iterable[bytes]:
        """The whole file, or its pieces in order."""


@dataclass(frozen=True)
class Exporter:
    """One format: where its renderer is, what its files are called, how they are recognised."""

    format: Format
    extension: str
    """The file name's extension, without the dot."""
    module: str
    function: str
    """The renderer: ``function`` of ``module``."""
    binary: bool = False
    """Whether the output is not text (never written to a terminal)."""
    marker: bytes | None = None
    """Bytes every file of this format written by charter holds in its first 4 KiB, so that a
    later build may replace it; ``None`` for Markdown, recognised by its front matter."""
    reports_progress: bool = False
    """Whether the renderer takes ``progress=`` (a :data:`Progress`) and calls it per article."""

    def default_output(self, rendering: Rendering) -> Path:
        """``build/charter.html``; ``build/charter-agreed.html`` and ``-clean`` for the others."""
        suffix = "" if rendering is Rendering.COMPILATION else f"-{rendering.value}"
        return Path("build") / f"charter{suffix}.{self.extension}"

    def renderer(self) -> Renderer:
        """The rendering function, imported now."""
        function: Renderer = getattr(importlib.import_module(self.module), self.function)
        return function

    def render(
        self,
        draft: Draft,
        library: Library,
        *,
        rendering: Rendering,
        trace: bool | None,
        progress: Progress | None = None,
    ) -> Iterator[bytes]:
        """The file as bytes, in the pieces the renderer gives."""
        function = self.renderer()
        if self.reports_progress and progress is not None:
            function = functools.partial(function, progress=progress)  # type: ignore[call-arg]
        result = function(draft, library, rendering=rendering, trace=trace)
        pieces: Iterable[str | bytes] = [result] if isinstance(result, str | bytes) else result
        for piece in pieces:
            yield piece.encode("utf-8") if isinstance(piece, str) else piece


EXPORTERS: dict[Format, Exporter] = {
    Format.MD: Exporter(
        Format.MD, "md", "charter_cli.render.markdown", "iter_markdown", reports_progress=True
    ),
    Format.HTML: Exporter(
        Format.HTML,
        "html",
        "charter_cli.render.html",
        "iter_html",
        marker=GENERATOR_META.encode("utf-8"),
        reports_progress=True,
    ),
}
"""The formats ``build`` writes. A new format is one line: its renderer module and function."""


def exporter(name: str) -> Exporter:
    """The exporter of a format named on the command line (a value of :class:`Format`)."""
    return EXPORTERS[Format(name)]
