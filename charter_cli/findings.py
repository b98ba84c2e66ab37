"""Findings: what a run reports about the library, one line each.

Every finding has a stable code from the table in ``codes.toml`` (:func:`codes`). The first digit groups them:
``CH0xx`` the file could not be read or parsed (exit 2), ``CH1xx`` the file does
not match its schema, ``CH2xx`` the library is inconsistent, ``CH3xx`` the
assembled draft does not cover a requirement.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from charter_cli import DOCS_URL


class Severity(StrEnum):
    """How serious a finding is; ``--strict`` turns warnings into failures."""

    ERROR = "error"
    WARNING = "warning"


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
    def help_uri(self) -> str:
        """The code's own section of docs/checking.md on the project's site."""
        return f"{DOCS_URL}/checking.md#{self.code.lower()}"

    @property
    def unreadable(self) -> bool:
        """Whether the finding means a file could not be read or parsed at all."""
        return self.code.startswith("CH0")

    @property
    def coverage(self) -> bool:
        """Whether the finding is a coverage gap rather than an integrity problem."""
        return self.code.startswith("CH3")


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


_CONTROL = {code: f"\\x{code:02x}" for code in (*range(32), 127)} | {
    ord("\n"): "\\n",
    ord("\r"): "\\r",
    ord("\t"): "\\t",
}


def printable(text: str) -> str:
    """``text`` on one line with no control character: line breaks and escapes are shown escaped.

    Findings quote keys, IDs and values from the files; a key holding a line break
    or a terminal escape must not split a finding or reach the terminal raw.
    """
    return text.translate(_CONTROL) if any(ord(c) < 32 or ord(c) == 127 for c in text) else text


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
