"""Find the line of any key in a TOML document.

``tomli`` gives the line of a syntax error but not the lines of the keys of a
valid document. :func:`index_lines` scans the text once (headers, keys, strings,
brackets) and maps each key path, as Pydantic reports it (``("clause", 2,
"status")``: the third ``[[clause]]``, key ``status``), to its line. Array items
get paths too (``("covers", 1)``), so a finding can point at the exact entry.
The scan runs only for files that have findings, so it costs nothing on a clean run.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

KeyPath = tuple[str | int, ...]
"""Where a value is in a document, as Pydantic reports it: ``("clause", 2, "status")``."""

_BARE = r"[A-Za-z0-9_-]+"
_PART = rf"""(?:{_BARE}|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_KEY = rf"{_PART}(?:[ \t]*\.[ \t]*{_PART})*"
_TABLE_ARRAY = re.compile(rf"[ \t]*\[\[[ \t]*({_KEY})[ \t]*\]\]")
_TABLE = re.compile(rf"[ \t]*\[[ \t]*({_KEY})[ \t]*\]")
_KEY_VALUE = re.compile(rf"[ \t]*({_KEY})[ \t]*=[ \t]*")
_PART_RE = re.compile(_PART)
_NEXT = re.compile(r"""[\s,#"'\[\]{}]""")
"""What can end a bare value: white space, a comma, a comment, a string, a bracket."""


@dataclass
class LineIndex:
    """Lines of the keys (and array items) of one TOML document, 1-based.

    Lines are counted as TOML counts them: only a line feed ends a line (a lone
    carriage return, U+2028 or U+0085 does not).
    """

    keys: dict[KeyPath, int] = field(default_factory=dict)
    value_starts: dict[KeyPath, int] = field(default_factory=dict)
    """For string values: the line on which the string's content begins."""
    strings: dict[KeyPath, tuple[int, int, str]] = field(default_factory=dict)
    """For string values: the line and offset in the text where the content starts, and the delimiter."""
    text: str = ""
    headers: list[tuple[int, KeyPath]] = field(default_factory=list)
    """Every table header in order: its line and the path of the table it opens."""
    _breaks: dict[KeyPath, list[int]] = field(default_factory=dict)

    def line(self, path: KeyPath) -> int | None:
        """The line of ``path`` or, if it has none (a missing key), of its nearest ancestor."""
        for end in range(len(path), 0, -1):
            found = self.keys.get(path[:end])
            if found is not None:
                return found
        return None

    def line_in_value(self, path: KeyPath, value: str, offset: int) -> int | None:
        r"""The line of character ``offset`` of the string ``value`` stored at ``path``.

        Escapes are followed as TOML reads them: an escaped ``\\n`` does not start
        a line of the file, and a line-ending backslash starts one without a
        line break in the value. The lines of a string are mapped once.
        """
        start = self.value_starts.get(path)
        if start is None:
            return self.line(path)
        found = self.strings.get(path)
        if found is None:
            return start + value.count("\n", 0, offset)
        line, at, delimiter = found
        if len(delimiter) == 1:
            return line  # a one-line string: every character is on its line
        breaks = self._breaks.get(path)
        if breaks is None:
            breaks = self._breaks[path] = _line_breaks(self.text, at, delimiter)
        return line + bisect.bisect_left(breaks, offset)


def _line_breaks(text: str, at: int, delimiter: str) -> list[int]:
    """Where a multi-line string's content moves to the next line of the file, as value offsets.

    An entry ``b`` means: characters of the value at offsets above ``b`` lie on a
    later line. ``text[at:]`` is the content, just after the opening delimiter.
    """
    breaks: list[int] = []
    basic = delimiter == '"""'
    quote = delimiter[0]
    i, end, position = at, len(text), 0
    if text.startswith("\r\n", i) or text.startswith("\n", i):  # trimmed after the delimiter
        breaks.append(-1)
        i = text.index("\n", i) + 1
    while i < end:
        char = text[i]
        if char == quote and text.startswith(delimiter, i):
            run = i
            while run < end and text[run] == quote:
                run += 1
            if run - i >= 3:
                break  # up to two quotes before the delimiter belong to the content
        if char == "\r" and text.startswith("\r\n", i):
            i += 1
            continue
        if char == "\n":
            breaks.append(position)
        elif basic and char == "\\":
            following = text[i + 1 : i + 2]
            if following in {" ", "\t", "\r", "\n"}:  # a line-ending backslash trims
                i += 1
                while i < end and text[i] in " \t\r\n":
                    if text[i] == "\n":
                        breaks.append(position - 1)
                    i += 1
                continue
            i += {"u": 6, "U": 10}.get(following, 2)
            position += 1
            continue
        position += 1
        i += 1
    return breaks


def _split_key(key: str) -> list[str]:
    return [raw[1:-1] if raw[:1] in "\"'" else raw for raw in _PART_RE.findall(key)]


@dataclass
class _Scanner:
    index: LineIndex = field(default_factory=LineIndex)
    table: KeyPath = ()
    array_counts: dict[KeyPath, int] = field(default_factory=dict)
    multiline: str | None = None  # the delimiter of an open multi-line string
    multiline_line: int = 0  # where it opened
    depth: int = 0  # open [ and { of a value spanning lines
    depth_line: int = 0  # where the outermost open bracket opened
    value_path: KeyPath = ()
    items: int = 0
    expect_item: bool = False

    def resolve(self, parts: list[str]) -> KeyPath:
        """Turn a header's dotted key into a path, indexing arrays of tables by their last item."""
        path: KeyPath = ()
        for part in parts:
            path = (*path, part)
            count = self.array_counts.get(path)
            if count is not None:
                path = (*path, count - 1)
        return path

    offset: int = 0  # where the line being fed starts in the text

    def feed(self, line: str, number: int) -> None:
        if self.multiline is not None or self.depth > 0:
            self.scan_value(line, number, 0)
            return
        match = _TABLE_ARRAY.match(line)
        if match:
            parts = _split_key(match.group(1))
            self.note_parents(parts, number)
            parent = self.resolve(parts[:-1])
            array = (*parent, parts[-1])
            count = self.array_counts.get(array, 0)
            self.array_counts[array] = count + 1
            self.table = (*array, count)
            self.index.keys.setdefault(array, number)
            self.index.keys[self.table] = number
            self.index.headers.append((number, self.table))
            return
        match = _TABLE.match(line)
        if match:
            parts = _split_key(match.group(1))
            self.note_parents(parts, number)
            self.table = self.resolve(parts)
            self.index.keys.setdefault(self.table, number)
            self.index.headers.append((number, self.table))
            return
        match = _KEY_VALUE.match(line)
        if match:
            parts = _split_key(match.group(1))
            self.value_path = (*self.table, *parts)
            for end in range(1, len(parts) + 1):  # a dotted key defines its tables too
                self.index.keys.setdefault((*self.table, *parts[:end]), number)
            self.items = 0
            self.expect_item = False
            self.scan_value(line, number, match.end())

    def scan_value(self, line: str, number: int, start: int) -> None:  # noqa: PLR0912
        i, end = start, len(line)
        while i < end:
            if self.multiline is not None:
                close = line.find(self.multiline, i)
                if close < 0:
                    return
                while line.startswith(self.multiline[0], close + 3):
                    close += 1  # up to two quotes may end the content
                self.multiline = None
                i = close + 3
                continue
            char = line[i]
            if char in " \t,":
                if char == "," and self.depth == 1:
                    self.expect_item = True
                i += 1
                continue
            if char == "#":
                return
            if char in "]}":
                self.depth = max(self.depth - 1, 0)
                i += 1
                continue
            self.note_item(number)
            if line.startswith('"""', i) or line.startswith("'''", i):
                self.multiline = line[i : i + 3]
                self.multiline_line = number
                rest_blank = not line[i + 3 :].strip()
                if self.depth == 0:
                    self.index.value_starts[self.value_path] = number + 1 if rest_blank else number
                    self.note_string(number, i + 3, self.multiline)
                i += 3
            elif char == '"':
                if self.depth == 0:
                    self.index.value_starts[self.value_path] = number
                    self.note_string(number, i + 1, char)
                i = _end_of_basic(line, i + 1)
            elif char == "'":
                close = line.find("'", i + 1)
                if self.depth == 0:
                    self.index.value_starts[self.value_path] = number
                    self.note_string(number, i + 1, char)
                i = end if close < 0 else close + 1
            elif char in "[{":
                if self.depth == 0:
                    self.depth_line = number
                self.depth += 1
                self.expect_item = self.depth == 1
                i += 1
            else:  # a bare value (a number, a date, true): skip to what can matter next
                found = _NEXT.search(line, i + 1)
                i = end if found is None else found.start()

    def note_parents(self, parts: list[str], number: int) -> None:
        """A header ``[a.b.c]`` defines the tables ``a`` and ``a.b`` too, if nothing did before."""
        for end in range(1, len(parts)):
            self.index.keys.setdefault(self.resolve(parts[:end]), number)

    def note_string(self, number: int, column: int, delimiter: str) -> None:
        self.index.strings[self.value_path] = (number, self.offset + column, delimiter)

    def note_item(self, number: int) -> None:
        if self.depth == 1 and self.expect_item:
            self.index.keys.setdefault((*self.value_path, self.items), number)
            self.items += 1
            self.expect_item = False


_BASIC_REST = re.compile(r'(?:[^"\\]|\\.?)*"?')
"""The rest of a basic string from after its opening quote: escapes skipped, up to its end."""


def _end_of_basic(line: str, i: int) -> int:
    """The position after the basic string whose content starts at ``i`` (or the line's end)."""
    match = _BASIC_REST.match(line, i)
    return match.end() if match else len(line)


def index_lines(text: str) -> LineIndex:
    """Scan a (valid) TOML document and return the line of every key, table and array item."""
    scanner = _Scanner()
    scanner.index.text = text
    for number, line in enumerate(_lines(text), start=1):
        scanner.feed(line, number)
        scanner.offset += len(line) + 1
    return scanner.index


def _lines(text: str) -> list[str]:
    """The lines of a TOML document: split at line feeds only, as TOML counts them."""
    return text.split("\n")


def open_value(text: str, before_line: int) -> tuple[str, int] | None:
    """What is still open just before ``before_line``: a multi-line string or a list, and its line.

    Used to place a syntax error where the mistake was made: tomli reports an
    unclosed string or list where it gave up, often many lines later.
    """
    scanner = _Scanner()
    for number, line in enumerate(_lines(text), start=1):
        if number >= before_line:
            break
        scanner.feed(line, number)
    if scanner.multiline is not None:
        return "string", scanner.multiline_line
    if scanner.depth > 0:
        return "list", scanner.depth_line
    return None
