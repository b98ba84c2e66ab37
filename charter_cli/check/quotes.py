"""Check requirement quotes against the text of their source.

A quote must occur verbatim in the source text, compared after collapsing every
run of white space (line breaks, tabs, page-break blank lines) to one space, and,
where the catalogue declares ``[[section]]`` markers, inside the section the
requirement names. This keeps the catalogue from drifting away from the source.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from charter_cli.findings import Finding
from charter_cli.load.entries import LoadedCatalogue, RequirementEntry
from charter_cli.suggest import did_you_mean


def normalise(text: str) -> str:
    """Collapse every run of white space to one space and trim the ends."""
    return " ".join(text.split())


class TextIndex:
    """Find quotes in a normalised text in time independent of the text's length.

    Every word start is indexed by the run of ``KEY_WORDS`` words it opens; a
    quote that starts at a word is looked up by its own first words and
    confirmed in place. Short quotes, and quotes that start inside a word, fall
    back to a plain search.
    """

    KEY_WORDS = 4

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: dict[str, list[int]] = {}
        words = text.split(" ")
        position = 0
        for i in range(len(words)):
            key = " ".join(words[i : i + self.KEY_WORDS])
            self._starts.setdefault(key, []).append(position)
            position += len(words[i]) + 1

    def find(self, quote: str, start: int = 0, end: int | None = None) -> int:
        """The first position of ``quote`` within ``text[start:end]``, or -1."""
        stop = len(self.text) if end is None else end
        words = quote.split(" ", self.KEY_WORDS)
        if len(words) > self.KEY_WORDS:  # the key's last word is then a whole word
            candidates = self._starts.get(" ".join(words[: self.KEY_WORDS]), [])
            for position in candidates[bisect.bisect_left(candidates, start) :]:
                if position + len(quote) > stop:
                    break
                if self.text.startswith(quote, position):
                    return position
        return self.text.find(quote, start, stop)


class _Searcher:
    """Plain ``str.find`` over short stretches of text; a :class:`TextIndex`, built once, over long ones."""

    SHORT = 256 * 1024

    def __init__(self, text: str) -> None:
        self.text = text
        self._index: TextIndex | None = None

    def find(self, quote: str, start: int = 0, end: int | None = None) -> int:
        stop = len(self.text) if end is None else end
        if stop - start <= self.SHORT:
            return self.text.find(quote, start, stop)
        if self._index is None:
            self._index = TextIndex(self.text)
        return self._index.find(quote, start, stop)


@dataclass(frozen=True, slots=True)
class Span:
    """Where a section lies in the normalised source text."""

    section: str
    start: int
    end: int


def section_spans(catalogue: LoadedCatalogue, text: str) -> tuple[list[Span], list[Finding]]:
    """Locate each declared section, searching each marker from the previous section's start."""
    found: list[tuple[str, int]] = []
    findings: list[Finding] = []
    cursor = 0
    for position, section in catalogue.file.sections:
        start = text.find(normalise(section.starts), cursor)
        if start < 0:
            findings.append(
                catalogue.file.doc.finding(
                    "CH213",
                    f"start of section '{section.id}' not found in the source text "
                    f"after the previous section: '{section.starts}'",
                    ("section", position, "starts"),
                    hint="copy the section's heading line from the source text",
                )
            )
            continue
        found.append((section.id, start))
        cursor = start
    spans = [
        Span(section_id, start, found[i + 1][1] if i + 1 < len(found) else len(text))
        for i, (section_id, start) in enumerate(found)
    ]
    return spans, findings


def check_quotes(catalogue: LoadedCatalogue) -> list[Finding]:
    """Every problem with the sections and quotes of one catalogue."""
    if catalogue.file.text is None:
        return []
    text = normalise(catalogue.file.text)
    spans, findings = section_spans(catalogue, text)
    declared = [section.id for _, section in catalogue.file.sections]
    by_id = {span.section: span for span in spans}
    index = _Searcher(text)
    for entry in catalogue.requirements:
        findings.extend(_check_requirement(entry, index, declared, by_id, spans))
    return findings


def _check_requirement(
    entry: RequirementEntry,
    index: _Searcher,
    declared: list[str],
    by_id: dict[str, Span],
    spans: list[Span],
) -> list[Finding]:
    requirement = entry.requirement
    section = requirement.section
    findings = []
    if declared and section not in declared:
        hint = did_you_mean(section, declared) or f"declared: {', '.join(declared)}"
        findings.append(
            entry.finding(
                "CH211",
                f"requirement '{entry.id}' names section '{section}', "
                "which the catalogue does not declare",
                "section",
                hint=hint,
            )
        )
    quote = normalise(requirement.quote)
    span = by_id.get(section)
    if span is not None and index.find(quote, span.start, span.end) >= 0:
        return findings
    where = index.find(quote)
    if where < 0:
        findings.append(
            entry.finding(
                "CH210",
                f"quote of requirement '{entry.id}' does not occur in the source text",
                "quote",
                hint=_typography_hint(quote, index.text) or _divergence(quote, index.text),
            )
        )
    elif span is not None:
        actual = next((s.section for s in spans if s.start <= where < s.end), "none")
        findings.append(
            entry.finding(
                "CH212",
                f"quote of requirement '{entry.id}' lies in section '{actual}', not in '{section}'",
                "section",
                hint=f'set section = "{actual}" or quote from section {section}',
            )
        )
    return findings


def _divergence(quote: str, text: str) -> str:
    """Say how far the quote matches the source, to show where it was mistyped."""
    words = quote.split(" ")
    low, high = 0, len(words)  # the longest matching prefix, by binary search
    while low < high:
        middle = (low + high + 1) // 2
        if " ".join(words[:middle]) in text:
            low = middle
        else:
            high = middle - 1
    if low == 0:
        return "not even its first word occurs; copy the quote from the source text"
    return f"the first {low} word(s) match; it departs from the source at '{' '.join(words[low : low + 3])}'"


_TYPOGRAPHY = str.maketrans(
    {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'",
     "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u2026": "..."}
)  # fmt: skip


def _typography_hint(quote: str, text: str) -> str | None:
    """Say so when the quote differs from the source only by curly quotes, dashes or ellipses."""
    plain_quote = normalise(quote.translate(_TYPOGRAPHY))
    if plain_quote == quote and normalise(text.translate(_TYPOGRAPHY)) == text:
        return None
    if plain_quote in normalise(text.translate(_TYPOGRAPHY)):
        return (
            "it matches once curly quotes, dashes and ellipses are made plain: copy those "
            "characters from the source text as they are there (text pasted from a word "
            "processor often changes them)"
        )
    return None
