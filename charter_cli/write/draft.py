"""Write stage: put a rendered draft on disk without ever losing a file.

``charter build`` replaces its own earlier output, but refuses to overwrite a
file it did not write (a draft without the ``generator: charter`` front matter,
a page without charter's generator mark) unless asked with ``--force``, and
never a file the project reads, even with ``--force``. An unchanged draft is
not rewritten. A terminal, ``/dev/null`` or a FIFO given as output is written
to, never replaced.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from charter_cli.errors import WriteRefusedError
from charter_cli.render.frontmatter import is_generated
from charter_cli.write.output import Target, output_target, read_head, refuse_inputs, write_output


def was_generated(path: Path, marker: bytes | None = None) -> bool:
    """Whether ``path`` was written by ``charter build``.

    A Markdown draft says so in its front matter; a file of another format holds
    its format's ``marker`` near its start.
    """
    head = read_head(path)
    if marker is not None:
        return marker in head
    return is_generated(head.decode("utf-8", errors="replace"))


def write_draft(
    path: Path | Target,
    text: str | Iterable[str] | Iterable[bytes],
    *,
    force: bool,
    inputs: Iterable[Path] = (),
    marker: bytes | None = None,
) -> bool:
    """Write the draft; return ``False`` if the file already held exactly these bytes.

    ``text`` may be the whole draft or its pieces (:func:`~charter_cli.render.markdown.iter_markdown`),
    which are streamed to disk. ``inputs`` are the files of the project, never
    written over; ``marker`` recognises an earlier output of a format other than
    Markdown (:attr:`charter_cli.render.formats.Exporter.marker`).
    """
    target = path if isinstance(path, Target) else output_target(path)
    if target.is_file:
        refuse_inputs(target, inputs)
        if target.path.exists() and not force and not was_generated(target.path, marker):
            raise WriteRefusedError(
                f"{target.path}: exists and was not written by charter build; not overwritten",
                hint="choose another file with -o, or pass --force to replace it",
            )
    pieces: Iterable[str | bytes] = [text] if isinstance(text, str) else text
    return write_output(
        target, (piece.encode("utf-8") if isinstance(piece, str) else piece for piece in pieces)
    )
