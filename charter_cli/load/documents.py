"""Read TOML files into documents: text, parsed data, and lines on demand.

This is the only module that reads library files. Every problem is returned as a
:class:`~charter_cli.diagnostics.Finding` (``CH001``-``CH003``), never raised.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli

from charter_cli.findings import Finding
from charter_cli.load.keylines import KeyPath, LineIndex, index_lines, open_value


@dataclass(eq=False)
class Document:
    """One parsed TOML file of the project."""

    rel: str
    """Path relative to the project root, with ``/`` separators; used in every message."""
    path: Path
    """Absolute path on disk."""
    text: str
    """The decoded text."""
    data: dict[str, Any]
    """What ``tomli`` parsed."""
    _index: LineIndex | None = field(default=None, repr=False)

    @property
    def index(self) -> LineIndex:
        """Lines of every key; built on first use, so clean files never pay for it."""
        if self._index is None:
            self._index = index_lines(self.text)
        return self._index

    def line(self, loc: KeyPath) -> int | None:
        """The line of a key path such as ``("clause", 2, "status")``, or of its nearest parent."""
        return self.index.line(loc)

    def finding(
        self, code: str, message: str, loc: KeyPath = (), *, hint: str | None = None
    ) -> Finding:
        """A finding located at ``loc`` in this document."""
        return Finding(code, message, self.rel, self.line(loc) if loc else None, hint)


MAX_FILE_BYTES = 8 * 1024 * 1024
"""Files larger than this are not read: no clause module or source text needs to be."""


def read_text(path: Path, rel: str) -> str | Finding:
    """Read a UTF-8 text file (a leading byte-order mark is allowed), or say why it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES and path.is_file():
            return Finding(
                "CH004",
                f"file is {size / 1048576:.1f} MiB; files over {MAX_FILE_BYTES // 1048576} MiB are not read",
                rel,
                hint="split it into several files",
            )
        raw = path.read_bytes()
    except IsADirectoryError:
        return Finding("CH001", "is a folder, not a file", rel)
    except FileNotFoundError:
        return Finding("CH001", "file not found", rel)
    except OSError as error:
        return Finding("CH001", f"cannot read file: {error.strerror or error}", rel)
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        start = raw.rfind(b"\n", 0, error.start) + 1
        column = len(raw[start : error.start].decode("utf-8", errors="replace")) + 1
        return Finding(
            "CH002",
            f"not valid UTF-8: byte 0x{raw[error.start]:02x} at column {column}",
            rel,
            line,
            hint="save the file with the UTF-8 encoding (it was probably saved as Latin-1 or Windows-1252)",
        )


def parse_toml(text: str, path: Path, rel: str) -> Document | Finding:
    """Parse TOML text into a :class:`Document`, or a ``CH003`` finding with the line of the error."""
    try:
        data = tomli.loads(text)
    except RecursionError as error:  # tomli's limit on nested arrays, tables and dotted keys
        return Finding(
            "CH003",
            f"invalid TOML: {error}",
            rel,
            _deepest_line(text),
            hint="the charter's files never need values nested this deeply",
        )
    except tomli.TOMLDecodeError as error:
        return _syntax_finding(error, text, rel)
    return Document(rel, path, text, data)


def _syntax_finding(error: tomli.TOMLDecodeError, text: str, rel: str) -> Finding:
    """A ``CH003`` at the line where the mistake was made, which is not always where tomli stopped."""
    message = _plain(getattr(error, "msg", str(error)))
    line = getattr(error, "lineno", None)
    column = getattr(error, "colno", None)
    if line is not None:
        still_open = open_value(text, line)
        if still_open is not None:
            what, opened = still_open
            if what == "string":
                return Finding(
                    "CH003",
                    "invalid TOML: the multi-line string opened here is never closed",
                    rel,
                    opened,
                    'end the text with """ on a line of its own',
                )
            if opened < line:
                return Finding(
                    "CH003",
                    f"invalid TOML: the list opened here is not closed before line {line} ({message})",
                    rel,
                    opened,
                    "end the list with ], and put a comma between its items",
                )
    where = f" at column {column}" if column else ""
    return Finding("CH003", f"invalid TOML: {message}{where}", rel, line, toml_hint(message))


def _deepest_line(text: str) -> int | None:
    """The line with the most brackets or dots: where a nesting limit was passed."""
    lines = text.splitlines()
    if not lines:
        return None
    weights = [line.count("[") + line.count("{") + line.count(".") for line in lines]
    return weights.index(max(weights)) + 1


def _plain(message: str) -> str:
    """The parser's message without Python notation: ``Cannot declare ('a', 'b') twice`` -> ``[a.b]``."""
    declared = re.match(r"Cannot declare \((.*)\) twice", message)
    if declared:
        parts = re.findall(r"'([^']*)'", declared.group(1))
        return f"the table [{'.'.join(parts)}] is declared twice"
    return message


_TOML_HINTS = (
    (
        "Illegal character '\\n'",
        'a string is not closed on this line: end it with ", or use """ for text on several lines',
    ),
    ("Unterminated string", "a string is not closed: end it with the quote that opened it"),
    (
        "Expected '=' after a key",
        "write key = value; keys have no spaces (proposed_by, not proposed by)",
    ),
    (
        "Expected ']]' at the end of an array declaration",
        "an array-of-tables header looks like [[clause]]",
    ),
    (
        "Invalid value",
        'text needs quotes ("..."), a list brackets ([...]); dates look like 2008-11-12',
    ),
    ("Cannot overwrite a value", "the same key is given twice in this table"),
    ("the table [", "merge the two tables, or use [[name]] for an array of tables"),
    ("Unclosed array", "a list is not closed: end it with ]"),
    (
        "Expected ']' at the end of a table declaration",
        "a table header looks like [name] or [[name]]",
    ),
    ("Invalid statement", "each line is key = value, [table], [[array-of-tables]] or a # comment"),
)


def toml_hint(message: str) -> str | None:
    """A hint for a tomli error message, for the mistakes made when editing by hand."""
    return next((hint for prefix, hint in _TOML_HINTS if message.startswith(prefix)), None)


def read_document(path: Path, rel: str) -> Document | Finding:
    """Read and parse one TOML file."""
    text = read_text(path, rel)
    if isinstance(text, Finding):
        return text
    return parse_toml(text, path, rel)
