"""Write stage: put a rendered draft on disk without ever losing a file.

``charter build`` replaces its own earlier output, but refuses to overwrite a
file it did not write (one without the ``generator: charter`` front matter)
unless asked with ``--force``. An unchanged draft is not rewritten.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from charter_cli.errors import WriteRefusedError
from charter_cli.render.frontmatter import is_generated
from charter_cli.write.atomic import write_atomic_stream


def was_generated(path: Path) -> bool:
    """Whether ``path`` starts with front matter marking it as written by ``charter build``."""
    try:
        with path.open("rb") as stream:
            head = stream.read(4096).decode("utf-8", errors="replace")
    except OSError:
        return False
    return is_generated(head)


def write_draft(path: Path, text: str | Iterable[str], *, force: bool) -> bool:
    """Write the draft atomically; return ``False`` if the file already held exactly this text.

    ``text`` may be the whole draft or its pieces (:func:`~charter_cli.render.markdown.iter_markdown`),
    which are streamed to disk.
    """
    if path.is_dir():
        raise WriteRefusedError(f"{path}: is a folder", hint="give a file name with -o")
    if path.exists() and not force and not was_generated(path):
        raise WriteRefusedError(
            f"{path}: exists and was not written by charter build; not overwritten",
            hint="choose another file with -o, or pass --force to replace it",
        )
    pieces = [text] if isinstance(text, str) else text
    return write_atomic_stream(path, (piece.encode("utf-8") for piece in pieces))
