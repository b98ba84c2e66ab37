r"""Library text inside Markdown the tool writes around it: escaped, so it reads as typed.

The comparison document and the amendments document put words of the library
between their own marks (``~~deleted~~``, ``**inserted**``, table cells); a
``*``, ``|`` or ``<`` typed in a clause must then stay a character and never
close a mark, end a cell or open HTML. Control characters, bidirectional
controls and zero-width characters are shown as escapes (``\u202e``), as
findings show them.
"""

from __future__ import annotations

import re

from charter_cli.findings import printable

_INLINE = re.compile(r"([\\`*_\[\]<>|~&$])")
"""Characters that can start or end Markdown inline syntax (or a table cell, or math on GitHub)."""
_BLOCK_START = re.compile(r"^(?:([#+=-])|(\d+)([.)]))")
"""What at the start of a line would open a heading, a list or an underline."""


def inline(text: str) -> str:
    """``text`` on one line (white space collapsed), every Markdown mark escaped."""
    return _INLINE.sub(r"\\\1", printable(" ".join(text.split())))


def block(text: str) -> str:
    """``text`` as a paragraph of its own: :func:`inline`, and nothing at its start opens a block."""
    escaped = inline(text)
    match = _BLOCK_START.match(escaped)
    if match is None:
        return escaped
    if match.group(1) is not None:
        return f"\\{escaped}"
    return f"{match.group(2)}\\{escaped[match.end(2) :]}"
