"""Findings: what a run reports about the library, one line each.

Every finding has a stable code from :data:`CODES`. The first digit groups them:
``CH0xx`` the file could not be read or parsed (exit 2), ``CH1xx`` the file does
not match its schema, ``CH2xx`` the library is inconsistent, ``CH3xx`` the
assembled draft does not cover a requirement.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is; ``--strict`` turns warnings into failures."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Code:
    """A finding code: its number, default severity, a summary and the usual fix."""

    code: str
    severity: Severity
    summary: str
    fix: str
    """The hint given when a finding has no more specific one."""

    @property
    def unreadable(self) -> bool:
        """Whether the finding means a file could not be read or parsed at all."""
        return self.code.startswith("CH0")

    @property
    def coverage(self) -> bool:
        """Whether the finding is a coverage gap rather than an integrity problem."""
        return self.code.startswith("CH3")


def _codes(*codes: Code) -> dict[str, Code]:
    return {c.code: c for c in codes}


E, W = Severity.ERROR, Severity.WARNING

CODES: dict[str, Code] = _codes(
    Code("CH001", E, "a file cannot be read (missing, a folder, no permission)",
         "check the path and the file's permissions"),
    Code("CH002", E, "a file is not valid UTF-8 text", "save the file with the UTF-8 encoding"),
    Code("CH003", E, "a file is not valid TOML",
         "fix the syntax at the line given; see the README's file formats"),
    Code("CH004", E, "a file is too large to read (over 8 MiB)", "split it into several files"),
    Code("CH101", E, "unknown key", "remove the key or correct its spelling"),
    Code("CH102", E, "required key missing", "add the key; see the README's file formats"),
    Code("CH103", E, "value of the wrong type or not allowed", "correct the value as the message says"),
    Code("CH201", E, "the same ID is defined twice in the library", "rename one of the two"),
    Code("CH202", E, "two IDs differ only by letter case", "use one spelling, or rename one"),
    Code("CH203", E, "a clause text refers to a clause that does not exist",
         "correct the ID inside [[...]], or remove the reference"),
    Code("CH204", E, "a clause covers a requirement that does not exist",
         "correct the requirement ID; 'charter list requirements' shows them"),
    Code("CH205", E, "a clause names a party the manifest does not declare",
         "use a [[party]] id of charter.toml, or joint"),
    Code("CH206", E, "a manifest entry matches no module or clause",
         "correct the path or ID, or remove the entry"),
    Code("CH207", E, "a clause is placed twice in the draft", "remove one of the two entries"),
    Code("CH208", W, "a clause is in no part of the draft",
         "add its module or ID to an include list of charter.toml, or delete it"),
    Code("CH209", E, "a clause text refers to a clause that is not an article of the draft",
         "refer to an article, or place the clause in the draft"),
    Code("CH210", E, "a requirement quote does not occur in its source text",
         "copy the quote from the source text exactly"),
    Code("CH211", E, "a requirement names a section its source does not declare",
         "use the id of a [[section]] of the catalogue"),
    Code("CH212", E, "a requirement quote lies outside its section",
         "correct the section, or quote from the section named"),
    Code("CH213", E, "a section start marker does not occur in the source text",
         "copy the section's heading line from the source text"),
    Code("CH214", E, "a path in the manifest or a catalogue, or a symbolic link, leads outside the project",
         "keep every file inside the project folder"),
    Code("CH215", E, "a clause text holds a heading, HTML, a rule, a code block or a definition",
         "write it as a paragraph or a list item; the draft makes the headings"),
    Code("CH301", E, "a requirement is covered by no article of the assembled draft",
         "add the requirement ID to the covers of the article that implements it"),
)  # fmt: skip


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
    message: str
    file: str
    line: int | None = None
    hint: str | None = None
    severity: Severity | None = None
    """Overrides the code's default severity when set."""

    def __post_init__(self) -> None:
        for name in ("file", "message", "hint"):
            value = getattr(self, name)
            if value is not None and printable(value) is not value:
                object.__setattr__(self, name, printable(value))

    @property
    def level(self) -> Severity:
        """The effective severity of the finding."""
        return self.severity or CODES[self.code].severity

    @property
    def sort_key(self) -> tuple[str, int, str, str]:
        """Order findings by file, line, code and message for stable reports."""
        return (self.file, self.line or 0, self.code, self.message)

    @property
    def advice(self) -> str:
        """The hint, or the usual fix for the code when the finding has no specific hint."""
        return self.hint if self.hint is not None else CODES[self.code].fix

    def format(self) -> str:
        """Render the finding as one line: ``file:line: CODE severity: message (hint: ...)``."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.code} {self.level.value}: {self.message} (hint: {self.advice})"


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Return the findings in report order, without duplicates."""
    return sorted(set(findings), key=lambda f: f.sort_key)
