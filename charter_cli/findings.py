"""Findings: what a run reports about the library, one line each.

Every finding has a stable code from the table in ``codes.toml`` (:func:`codes`). The first digit groups them:
``CH0xx`` the file could not be read or parsed (exit 2), ``CH1xx`` the file does
not match its schema, ``CH2xx`` the library is inconsistent, ``CH3xx`` the
assembled draft does not cover a requirement.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    """How serious a finding is; ``--strict`` turns warnings into failures."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"
    """Information the committee should see; never fails a run, not even under ``--strict``."""


@dataclass(frozen=True, slots=True)
class Code:
    """A finding code: its number, default severity, a summary, the usual fix and its help."""

    code: str
    severity: Severity
    summary: str
    fix: str
    """The hint given when a finding has no more specific one."""
    help: str
    """What the finding means and how to fix it, in a few sentences (docs/checking.md, SARIF)."""

    @property
    def unreadable(self) -> bool:
        """Whether the finding means a file could not be read or parsed at all."""
        return self.code.startswith("CH0")

    @property
    def coverage(self) -> bool:
        """Whether the finding is a coverage gap rather than an integrity problem."""
        return self.code.startswith("CH3")

    @property
    def translation(self) -> bool:
        """Whether the finding is about the translations (``CH250``-``CH259``), not the original."""
        return self.code.startswith("CH25")


CODES_FILE = Path(__file__).with_name("codes.toml")
"""The table of finding codes, shipped with the package."""


@functools.cache
def codes() -> dict[str, Code]:
    """Every finding code, by code, in the order of the table (read once per process)."""
    with CODES_FILE.open("rb") as stream:
        table = tomllib.load(stream)
    return {
        code: Code(code, Severity(row["severity"]), row["summary"], row["fix"], row["help"])
        for code, row in table.items()
    }


INVISIBLE = (
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional controls
    "\u180e\u200b-\u200d\u2060-\u2064\ufeff"  # zero-width characters
)
"""Characters that change how text around them is shown, or are not shown at all (a regex class)."""

_UNSAFE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f\u2028\u2029{INVISIBLE}\\ud800-\\udfff]")
_UNSAFE_KEEP_LINES = re.compile(
    f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\u2028\u2029{INVISIBLE}\\ud800-\\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` on one line with nothing that a terminal would act on or hide, shown escaped.

    Findings quote keys, IDs, values and paths from the files; a line break, a
    terminal escape, a bidirectional override, a zero-width space or a byte of a
    file name that is not UTF-8 must neither split a finding nor reach the
    terminal raw, and a look-alike must be told from the real thing: a letter of
    another script inside a word of Latin letters (a Cyrillic ``o`` in
    ``committee``) is shown escaped too.
    """
    if _UNSAFE.search(text):
        text = _UNSAFE.sub(_escape, text)
    return text if text.isascii() else _MIXED_WORD.sub(_unmask, text)


_MIXED_WORD = re.compile(r"[^\W\d_]*[^\W\d_\x00-\x7f][^\W\d_]*")
"""A run of letters holding at least one that is not ASCII."""


def _foreign(name: str) -> bool:
    return "LATIN" not in name or name.startswith("FULLWIDTH")


def _unmask(match: re.Match[str]) -> str:
    word = match.group()
    if not any(char.isascii() for char in word):
        return word  # a word of one script: Greek, Cyrillic, accented Latin
    foreign = [not char.isascii() and _foreign(unicodedata.name(char, "")) for char in word]
    if not any(foreign):
        return word  # 'cooperación': Latin letters, some accented
    return "".join(
        f"\\u{ord(char):04x}" if odd else char for char, odd in zip(word, foreign, strict=True)
    )


def displayable(text: str) -> str:
    """``text`` as :func:`printable` shows it, but with its line breaks and tabs kept."""
    return _UNSAFE_KEEP_LINES.sub(_escape, text) if _UNSAFE_KEEP_LINES.search(text) else text


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in the library, located in a file and, where possible, a line.

    Its file, message and hint are always single printable lines.
    """

    code: str
    """The stable code, e.g. ``CH203``."""
    message: str
    """What is wrong, naming the item and the value at fault."""
    file: str
    """Path relative to the project root, with ``/`` separators."""
    line: int | None = None
    """The 1-based line, or ``None`` for a finding about a whole file."""
    hint: str | None = None
    """How to fix it, when a specific fix is known (else the code's usual fix)."""
    severity: Severity | None = field(default=None, kw_only=True)
    """Overrides the code's default severity when set."""

    def __post_init__(self) -> None:
        for name in ("file", "message", "hint"):
            value = getattr(self, name)
            if value is not None and printable(value) is not value:
                object.__setattr__(self, name, printable(value))

    @property
    def level(self) -> Severity:
        """The effective severity of the finding."""
        return self.severity or codes()[self.code].severity

    @property
    def sort_key(self) -> tuple[str, int, str, str]:
        """Order findings by file, line, code and message for stable reports."""
        return (self.file, self.line or 0, self.code, self.message)

    @property
    def advice(self) -> str:
        """The hint, or the usual fix for the code when the finding has no specific hint."""
        return self.hint if self.hint is not None else codes()[self.code].fix

    def format(self) -> str:
        """Render the finding as one line: ``file:line: CODE severity: message (hint: ...)``."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.code} {self.level.value}: {self.message} (hint: {self.advice})"


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Return the findings in report order, without duplicates."""
    return sorted(set(findings), key=lambda f: f.sort_key)
