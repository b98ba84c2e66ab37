"""Write stage: put a rendered draft on disk without ever losing a file.

``charter build`` replaces its own earlier output, but refuses to overwrite a
file it did not write (one without the ``generator: charter`` front matter)
unless asked with ``--force``, and never a file the project reads, even with
``--force``. An unchanged draft is not rewritten. A terminal, ``/dev/null`` or
a FIFO given as output is written to, never replaced.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from charter_cli.errors import WriteRefusedError
from charter_cli.render.frontmatter import is_generated
from charter_cli.write.output import Target, output_target, read_head, refuse_inputs, write_output


def was_generated(path: Path) -> bool:
    """Whether ``path`` starts with front matter marking it as written by ``charter build``."""
    return is_generated(read_head(path).decode("utf-8", errors="replace"))


def write_draft(
    path: Path | Target,
    text: str | Iterable[str],
    *,
    force: bool,
    inputs: Iterable[Path] = (),
) -> bool:
    """Write the draft; return ``False`` if the file already held exactly this text.

    ``text`` may be the whole draft or its pieces (:func:`~charter_cli.render.markdown.iter_markdown`),
    which are streamed to disk. ``inputs`` are the files of the project, never
    written over.
    """
    pieces = [text] if isinstance(text, str) else text
    chunks = (piece.encode("utf-8") for piece in pieces)
    return write_export(path, chunks, force=force, inputs=inputs, owned=was_generated)


def write_export(
    path: Path | Target,
    chunks: Iterable[bytes],
    *,
    force: bool,
    inputs: Iterable[Path] = (),
    owned: Callable[[Path], bool],
) -> bool:
    """Write an export (a draft in any format); return ``False`` if the file already held it.

    ``owned`` tells whether an existing file is the tool's own output, which may
    be replaced; any other file is replaced only with ``force``, and a file of
    the project (``inputs``) never.
    """
    target = path if isinstance(path, Target) else output_target(path)
    if target.is_file:
        refuse_inputs(target, inputs)
        if target.path.exists() and not force and not owned(target.path):
            raise WriteRefusedError(
                f"{target.path}: exists and was not written by charter build; not overwritten",
                hint="choose another file with -o, or pass --force to replace it",
            )
    return write_output(target, chunks)


def carries(path: Path, signature: bytes) -> bool:
    """Whether the file holds ``signature`` anywhere (how binary exports are recognised)."""
    tail = b""
    try:
        with path.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                if signature in tail + block:
                    return True
                tail = block[-len(signature) :]
    except OSError:
        return False
    return False
