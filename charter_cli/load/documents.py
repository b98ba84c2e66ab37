"""Read TOML files into documents: text, parsed data, and lines on demand.

This is the only module that reads library files. Every problem is returned as a
:class:`~charter_cli.diagnostics.Finding` (``CH001``-``CH003``), never raised.
"""

from __future__ import annotations

import codecs
import errno
import functools
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli

from charter_cli.findings import Finding
from charter_cli.load.keylines import KeyPath, LineIndex, index_lines, open_value

if TYPE_CHECKING:
    from charter_cli.load.cache import ParseCache


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
    _header_cache: dict[str, list[tuple[int, int]] | None] = field(default_factory=dict, repr=False)

    @property
    def index(self) -> LineIndex:
        """Lines of every key; built on first use, so clean files never pay for it."""
        if self._index is None:
            self._index = index_lines(self.text)
        return self._index

    def line(self, loc: KeyPath) -> int | None:
        """The line of a key path such as ``("clause", 2, "status")``, or of its nearest parent."""
        if self._index is None and len(loc) >= 2:
            found = self._quick_line(loc)
            if found is not None:
                return found
        return self.index.line(loc)

    def _quick_line(self, loc: KeyPath) -> int | None:
        """The line of ``(table, n)`` or ``(table, n, key)`` without scanning the whole file.

        Findings are most often about one item of an array of tables (a requirement,
        a clause). Its ``[[table]]`` headers are found with one regular expression, and
        the key within the item's own lines; anything less plain (inline tables, odd
        line breaks, headers that do not match the parsed items) takes the full index.
        """
        table, item, *key = loc
        if not isinstance(table, str) or not isinstance(item, int) or len(key) > 1:
            return None
        headers = self._headers(table)
        if headers is None or not 0 <= item < len(headers):
            return None
        start, line = headers[item]
        if not key:
            return line
        end = headers[item + 1][0] if item + 1 < len(headers) else len(self.text)
        return self._key_line(key[0], start, line, end)

    def _key_line(self, key: str | int, start: int, line: int, end: int) -> int | None:
        """The line of ``key`` in the item whose header is at ``start``, or ``None``."""
        table = _ANY_HEADER.search(self.text, self.text.find("\n", start) + 1, end)
        end = table.start() if table else end  # the item's own keys come before its sub-tables
        match = _key_pattern(key).search(self.text, start, end) if isinstance(key, str) else None
        if match is None:  # a missing or quoted key: the full index knows where to point
            return None
        before = self.text[start : match.start()]
        if '"""' in before or "'''" in before:  # the match may stand inside a multi-line text
            return None
        return line + before.count("\n")

    def _headers(self, table: str) -> list[tuple[int, int]] | None:
        """Offset and line of each ``[[table]]`` header, if they match the parsed items."""
        if table not in self._header_cache:
            self._header_cache[table] = _find_headers(self.text, self.data, table)
        return self._header_cache[table]

    def finding(
        self, code: str, message: str, loc: KeyPath = (), *, hint: str | None = None
    ) -> Finding:
        """A finding located at ``loc`` in this document.

        A key path that is nowhere in the file (a missing top-level table) is
        reported at line 1, where the reader would add it.
        """
        line = (self.line(loc) or 1) if loc else None
        return Finding(code, message, self.rel, line, hint)


_ODD_BREAKS = re.compile(r"[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]|\r(?!\n)")
"""Line breaks other than LF and CRLF, which the full index counts its own way."""


_ANY_HEADER = re.compile(r"^[ \t]*\[", re.MULTILINE)


@functools.lru_cache(maxsize=64)
def _key_pattern(key: str) -> re.Pattern[str]:
    """A key at the start of a line (as ``key =`` or ``key.part =``)."""
    return re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*[=.]", re.MULTILINE)


def _find_headers(text: str, data: dict[str, Any], table: str) -> list[tuple[int, int]] | None:
    items = data.get(table)
    if not isinstance(items, list) or not table.replace("_", "a").replace("-", "a").isalnum():
        return None
    if _ODD_BREAKS.search(text):
        return None
    header = re.compile(
        rf"^[ \t]*\[\[[ \t]*{re.escape(table)}[ \t]*\]\][ \t]*(?:#.*)?$", re.MULTILINE
    )
    found: list[tuple[int, int]] = []
    line, last = 1, 0
    for match in header.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        found.append((match.start(), line))
    return found if len(found) == len(items) else None


MAX_FILE_BYTES = 8 * 1024 * 1024
"""Files larger than this are not read: no clause module or source text needs to be."""


def read_text(path: Path, rel: str) -> str | Finding:
    """Read a UTF-8 text file (a leading byte-order mark is allowed), or say why it cannot be read.

    Only regular files are read: a FIFO, a device or a socket in place of a file
    is reported, never opened in a way that could wait for ever, and no more
    than :data:`MAX_FILE_BYTES` are ever read.
    """
    raw = read_bytes(path, rel)
    if isinstance(raw, Finding):
        return raw
    return decode(raw, rel)


def read_bytes(path: Path, rel: str, *, limit: int = MAX_FILE_BYTES) -> bytes | Finding:
    """The bytes of a regular file of at most ``limit`` bytes, or a ``CH001``/``CH004`` finding."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        return Finding("CH001", _unreadable(path, error), rel)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            os.close(fd)
            what = "is a folder, not a file" if stat.S_ISDIR(info.st_mode) else _kind(info.st_mode)
            return Finding("CH001", what, rel)
        with os.fdopen(fd, "rb") as stream:
            raw = stream.read(limit + 1) if info.st_size <= limit else b""
    except OSError as error:
        return Finding("CH001", _unreadable(path, error), rel)
    if info.st_size > limit or len(raw) > limit:
        size = max(info.st_size, len(raw))
        return Finding(
            "CH004",
            f"file is {size / 1048576:.1f} MiB; files over {limit // 1048576} MiB are not read",
            rel,
            hint="split it into several files",
        )
    return raw


def _unreadable(path: Path, error: OSError) -> str:
    if error.errno == errno.ENOENT:
        return (
            "is a symbolic link to a file that does not exist"
            if path.is_symlink()
            else "file not found"
        )
    if error.errno == errno.ELOOP:
        return "is a symbolic link that loops; it is not read"
    if error.errno == errno.EISDIR:
        return "is a folder, not a file"
    return f"cannot read file: {error.strerror or error}"


def _kind(mode: int) -> str:
    what = (
        "a FIFO (named pipe)"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a device"
    )
    return f"is {what}, not a regular file; it is not read"


_WIDE = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def decode(raw: bytes, rel: str) -> str | Finding:
    """UTF-8 text without its byte-order mark, or a ``CH002`` finding naming the encoding if it can."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    wide = wide_encoding(raw)  # ASCII in UTF-16 without a BOM is valid UTF-8, full of NULs
    if wide is not None:
        return Finding(
            "CH002",
            f"not valid UTF-8: the file is {wide} text",
            rel,
            1,
            hint=f"save the file with the UTF-8 encoding (it was saved as {wide})",
        )
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


def wide_encoding(raw: bytes) -> str | None:
    """``UTF-16`` or ``UTF-32`` if the bytes are text in one of them (by its BOM or its zero bytes)."""
    for bom, name in _WIDE:
        if raw.startswith(bom):
            return name
    sample = raw[:4096]
    if len(sample) >= 4 and sample.count(0) * 3 >= len(
        sample
    ):  # ASCII text in UTF-16 is half zeros
        return "UTF-32" if sample.count(0) * 4 >= len(sample) * 3 - 4 else "UTF-16"
    return None


def parse_toml(
    text: str, path: Path, rel: str, *, cache: ParseCache | None = None, raw: bytes | None = None
) -> Document | Finding:
    """Parse TOML text into a :class:`Document`, or a ``CH003`` finding with the line of the error.

    With a ``cache``, data parsed before from the same content (``raw``, the file's
    bytes, or else the text) is taken from it, and what is parsed now is stored in it.
    Only the parsed data is cached: the document's text is always the file's own.
    """
    key = None
    if cache is not None:
        key = cache.key(text.encode("utf-8", "surrogatepass") if raw is None else raw)
        data = cache.get(key)
        if data is not None:
            return Document(rel, path, text, data)
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
    except ValueError as error:  # an integer too long for Python to convert (over 4300 digits)
        return Finding(
            "CH003",
            f"invalid TOML: a number is too long ({str(error).split(':')[0].lower()})",
            rel,
            _longest_number_line(text),
            hint="numbers in the charter's files are short; write long values as text in quotes",
        )
    if cache is not None and key is not None:
        cache.put(key, data)
    return Document(rel, path, text, data)


_DIGITS = re.compile(r"[0-9_]{100,}")


def _longest_number_line(text: str) -> int | None:
    match = _DIGITS.search(text)
    return None if match is None else text.count("\n", 0, match.start()) + 1


def _syntax_finding(error: tomli.TOMLDecodeError, text: str, rel: str) -> Finding:
    """A ``CH003`` at the line where the mistake was made, which is not always where tomli stopped."""
    message = _plain(getattr(error, "msg", str(error)))
    line = getattr(error, "lineno", None)
    column = getattr(error, "colno", None)
    special = _special_character(message, text, line)
    if special is not None:
        return Finding("CH003", special[0], rel, line, special[1])
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


def _special_character(message: str, text: str, line: int | None) -> tuple[str, str] | None:
    """A message and hint for a character TOML does not allow where it stands, named plainly."""
    illegal = re.match(r"Illegal character '(.*)'$", message)
    if illegal is not None:
        char = illegal.group(1)
        if char == "\\n":
            return None  # a line break in a one-line string: the usual hint says it best
        if char == "\\r":
            return (
                "invalid TOML: a carriage return (CR) that does not end a line",
                "save the file with LF or CRLF line ends; old Mac files end lines with CR alone",
            )
        return (
            f"invalid TOML: control character {char} is not allowed here",
            f"remove it; inside a string, write it as an escape such as \\u{_code(char):04X}",
        )
    lines = text.split("\n")
    if line is not None and 0 < line <= len(lines) and "\ufeff" in lines[line - 1]:
        return (
            "invalid TOML: a byte-order mark (U+FEFF) in the middle of the file",
            "remove it; it is usually left where two files were joined into one",
        )
    return None


def _code(escaped: str) -> int:
    r"""The code point of a character as tomli quotes it (``\\x00``, ``\\x1b``)."""
    try:
        decoded = escaped.encode("ascii").decode("unicode_escape")
    except (UnicodeError, ValueError):
        return 0
    return ord(decoded[0]) if len(decoded) == 1 else 0


def _deepest_line(text: str) -> int | None:
    """The line with the most brackets or dots: where a nesting limit was passed."""
    lines = text.split("\n")
    if not text:
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


def read_document(path: Path, rel: str, *, cache: ParseCache | None = None) -> Document | Finding:
    """Read and parse one TOML file (the parse taken from ``cache`` if it holds this content)."""
    raw = read_bytes(path, rel)
    if isinstance(raw, Finding):
        return raw
    text = decode(raw, rel)
    if isinstance(text, Finding):
        return text
    return parse_toml(text, path, rel, cache=cache, raw=raw)
