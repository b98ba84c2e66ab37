"""Text that would not appear in the draft as it was written: ``CH231``.

Titles, headings and the preamble's formulas are placed into the Markdown draft
around the structure the tool builds. Raw HTML there (``<script>``,
``<img onerror=...>``) would be passed to every reader of the draft; a closing
formula holding ``# Heading`` would add a heading of its own; a link, an image
or a character reference would show as something else than the words typed.
In clause texts, a ``[[ reference ]]`` that is not of the form ``[[clause-id]]``
is left as raw brackets in the draft. Each is reported where it stands.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from charter_cli.check.markup import structure_problems
from charter_cli.findings import Finding, printable
from charter_cli.load.documents import Document
from charter_cli.load.entries import ClauseEntry
from charter_cli.load.keylines import KeyPath
from charter_cli.models import Manifest
from charter_cli.syntax import REFERENCE

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_INLINE_MARKUP = re.compile(r"[<\[&!\x00-\x08\x0b-\x1f\x7f-\x9f]|#[ \t]*$")
"""A character without which a one-line text renders exactly as written."""
_CLOSING_HASHES = re.compile(r"(?:^|[ \t])#+[ \t]*$")
_OPENERS = re.compile(r"\[\[|\]\]")

MAX_PER_TEXT = 20
"""At most this many malformed references are reported per clause text."""


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def plain_line(text: str) -> bool:
    """Whether a one-line text holds nothing Markdown could show otherwise (a quick test)."""
    return _INLINE_MARKUP.search(text) is None


def inline_problems(text: str) -> list[str]:
    """What in a one-line text (a title, a heading) Markdown would not show as written."""
    if plain_line(text):
        return []
    parser = _parser()
    tokens: list[Token] = []
    parser.inline.parse(text, parser, {}, tokens)
    found: list[str] = []
    for token in tokens:
        if token.type == "html_inline":
            found.append("HTML (a <tag>)")
        elif token.type == "link_open":
            found.append("a link")
        elif token.type == "image":
            found.append("an image")
        elif token.type == "text_special" and token.info == "entity":
            found.append(f"a character reference ({token.markup})")
    if "[[" in text or "]]" in text:
        found.append("a [[reference]], which is resolved only in clause texts")
    found.extend(control_characters(text))
    if _CLOSING_HASHES.search(text):
        found.append("a closing '#', which Markdown drops from the end of a heading")
    return list(dict.fromkeys(found))


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""A control character other than a tab or a line break: a terminal escape, a bell, a NUL."""


def control_characters(text: str) -> list[str]:
    """The control characters of ``text`` (an escape sequence would act on a terminal)."""
    found = sorted(set(_CONTROL.findall(text)))
    return [f"a control character ({printable(char)})" for char in found[:5]]


def malformed_references(text: str) -> Iterator[tuple[int, str]]:
    """Each ``[[`` that opens no ``[[clause-id]]`` (or ``[[clause-id#p.q]]``) reference, and each stray ``]]``.

    Each comes with its offset in the text and an excerpt of the text from it.
    """
    if "[[" not in text and "]]" not in text:
        return
    valid = {position for match in REFERENCE.finditer(text) for position in match.span()}
    pending = False  # a malformed '[[' whose ']]' is still to come
    for match in _OPENERS.finditer(text):
        if match.group() == "[[":
            if match.start() in valid:
                continue
            pending = True
            yield match.start(), _excerpt(text, match.start())
        elif match.end() in valid or pending:
            pending = False
        else:
            yield match.start(), _excerpt(text, max(0, match.start() - 30))


def _excerpt(text: str, start: int) -> str:
    line_end = text.find("\n", start)
    end = min(len(text) if line_end < 0 else line_end, start + 40)
    closing = text.find("]]", start + 2, end)
    if closing >= 0:
        end = closing + 2
    return text[start:end]


def clause_rendering(entry: ClauseEntry) -> list[Finding]:
    """``CH231`` for a clause's title and for malformed references in its text."""
    findings = [
        entry.finding(
            "CH231",
            f"clause '{entry.id}' title holds {what}; the draft would not show it as written",
            "title",
            hint=_HINT,
        )
        for what in inline_problems(entry.clause.title)
    ]
    text = entry.text
    controls = _CONTROL.search(text) is not None
    if not controls and "[[" not in text and "]]" not in text:
        return findings
    for unit in entry.units:
        control = _CONTROL.search(unit.text) if controls else None
        if control is not None:
            line = entry.line_in(unit, control.start())
            findings.extend(
                Finding(
                    "CH231",
                    f"clause '{entry.id}' text holds {what}; "
                    "the draft would not show it as written",
                    entry.module.rel,
                    line,
                    hint="remove it; write the words, not codes",
                )
                for what in control_characters(unit.text)
            )
        for count, (offset, excerpt) in enumerate(malformed_references(unit.text)):
            if count == MAX_PER_TEXT:
                break
            findings.append(
                Finding(
                    "CH231",
                    f"clause '{entry.id}' text holds a malformed reference '{excerpt}'; "
                    "the draft would show the brackets as they are",
                    entry.module.rel,
                    entry.line_in(unit, offset),
                    hint="write a reference as [[clause-id]] or [[clause-id#paragraph]]: "
                    "two brackets, the IDs, no spaces",
                )
            )
    return findings


_HINT = "write plain words: titles, headings and formulas are text, not Markdown or HTML"


def manifest_rendering(manifest: Manifest, doc: Document) -> list[Finding]:
    """``CH231`` for the charter's title, the headings and the preamble's formulas."""
    findings: list[Finding] = []

    def one_line(value: str, loc: KeyPath, what: str) -> None:
        findings.extend(
            doc.finding(
                "CH231",
                f"{what} holds {problem}; the draft would not show it as written",
                loc,
                hint=_HINT,
            )
            for problem in inline_problems(value)
        )

    one_line(manifest.charter.title, ("charter", "title"), "the charter's title")
    preamble = manifest.preamble
    if preamble is not None:
        one_line(preamble.heading, ("preamble", "heading"), "the preamble's heading")
        for key in ("opening", "closing"):
            formula = getattr(preamble, key)
            if formula is None:
                continue
            problems = [what for _, what in structure_problems(formula)]
            if "[[" in formula:
                problems.append("a [[reference]], which is resolved only in clause texts")
            findings.extend(
                doc.finding(
                    "CH231",
                    f"the preamble's {key} formula holds {what}; "
                    "the draft would not show it as written",
                    ("preamble", key),
                    hint=_HINT,
                )
                for what in dict.fromkeys(problems)
            )
    for t, title in enumerate(manifest.title):
        one_line(title.heading, ("title", t, "heading"), f"the heading of title {t + 1}")
        for c, chapter in enumerate(title.chapter):
            loc = ("title", t, "chapter", c, "heading")
            one_line(chapter.heading, loc, f"the heading of chapter {c + 1} of title {t + 1}")
    return findings
