"""Check the negotiation inside articles: brackets, alternatives, proposals, reservations.

* ``CH216``: an article or paragraph marked agreed still holds open parts;
* ``CH217``: a reservation names a paragraph the article does not have;
* ``CH218``: a bracket ``{name}`` with no options, options no text uses, a lone brace;
* ``CH220``: a text in the form of charter 0.1 (numbered paragraphs in ``text``);
* ``CH221``: two paragraphs of an article, or two points of a paragraph, share an ID;
* ``CH222``: square brackets typed into a text instead of a bracket.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from charter_cli.check.rendering import malformed_references
from charter_cli.findings import Finding
from charter_cli.load.entries import ClauseEntry
from charter_cli.load.keylines import KeyPath
from charter_cli.load.negotiation import paragraph_is_open
from charter_cli.load.paragraphs import is_numbered_text
from charter_cli.models.clause import Clause
from charter_cli.suggest import did_you_mean
from charter_cli.syntax import REFERENCE, lone_braces, placeholders
from charter_cli.vocabulary import Status

_TYPED_BRACKET = re.compile(r"[\[\]]")


def _lone_square(text: str) -> bool:
    """Whether a square bracket stands outside every ``[[`` and ``]]`` (a quick test)."""
    rest = text.replace("[[", "").replace("]]", "")
    return "[" in rest or "]" in rest


def check_negotiation(entry: ClauseEntry) -> Iterator[Finding]:
    """Every problem of the negotiation marks of one clause."""
    clause = entry.clause
    if clause.text is not None and is_numbered_text(clause.text):
        yield entry.finding(
            "CH220",
            f"clause '{entry.id}' numbers its paragraphs inside 'text', the form of charter 0.1; "
            "their IDs are positions and shift when a paragraph is inserted",
            "text",
            hint="run 'charter migrate' to write them as [[clause.paragraph]] tables with stable IDs",
        )
    paragraphs = clause.paragraph
    if len({p.id for p in paragraphs}) != len(paragraphs) or any(p.point for p in paragraphs):
        yield from _duplicate_ids(entry)
    text = entry.text
    braces = "{" in text or "}" in text
    typed = ("[" in text or "]" in text) and _lone_square(text)
    if entry.facts.plain and not typed and not braces:
        return  # no negotiation marks, nothing that could be one: most clauses
    if clause.status is Status.AGREED or any(p.status is Status.AGREED for p in paragraphs):
        yield from _agreed_but_open(entry)
    text = entry.text
    if (
        "{" in text
        or "}" in text
        or "[" in text
        or "]" in text
        or any(p.bracket for p in paragraphs)
    ):
        yield from _brackets(entry)
    if clause.reservation:
        yield from _reservations(entry)


def _agreed_but_open(entry: ClauseEntry) -> Iterator[Finding]:
    clause = entry.clause
    for index, paragraph in enumerate(clause.paragraph):
        if paragraph.status is Status.AGREED and (paragraph.bracket or paragraph.alternative):
            yield entry.finding(
                "CH216",
                f"paragraph '{paragraph.id}' of clause '{entry.id}' is marked agreed but holds "
                "open brackets or alternatives",
                "paragraph",
                index,
                "status",
                hint="settle the brackets (keep the agreed wording in 'text'), or remove the status",
            )
    if clause.status is Status.AGREED and any(paragraph_is_open(p) for p in entry.paragraphs):
        yield entry.finding(
            "CH216",
            f"clause '{entry.id}' is marked agreed but holds open brackets, alternatives or "
            "proposed paragraphs",
            "status",
            hint="settle them first, or remove 'status' so that it is derived from the parts",
        )


def _duplicate_ids(entry: ClauseEntry) -> Iterator[Finding]:
    clause = entry.clause
    ids = [paragraph.id for paragraph in clause.paragraph]
    for index, paragraph in enumerate(clause.paragraph):
        if ids.index(paragraph.id) != index:
            yield entry.finding(
                "CH221",
                f"clause '{entry.id}' has two paragraphs with the ID '{paragraph.id}'",
                "paragraph",
                index,
                "id",
                hint="give each paragraph its own ID; IDs never change once used",
            )
        points = [point.id for point in paragraph.point]
        for number, point in enumerate(paragraph.point):
            if points.index(point.id) != number:
                yield entry.finding(
                    "CH221",
                    f"paragraph '{paragraph.id}' of clause '{entry.id}' has two points with the "
                    f"ID '{point.id}'",
                    "paragraph",
                    index,
                    "point",
                    number,
                    "id",
                    hint="give each point its own ID",
                )


def _brackets(entry: ClauseEntry) -> Iterator[Finding]:
    used: dict[int, set[str]] = {}
    for unit in entry.units:
        text = unit.text
        if "{" not in text and "}" not in text and "[" not in text and "]" not in text:
            continue  # the common case: nothing to look at
        for offset in lone_braces(unit.text):
            yield Finding(
                "CH218",
                f"clause '{entry.id}' has a '{unit.text[offset]}' that opens or closes no bracket",
                entry.module.rel,
                entry.line_in(unit, offset),
                hint="mark contested words as {name} with their options in the paragraph's "
                "bracket table; write {{ or }} for a brace",
            )
        for offset in _typed_brackets(unit.text):
            yield Finding(
                "CH222",
                f"clause '{entry.id}' has square brackets typed into its text",
                entry.module.rel,
                entry.line_in(unit, offset),
                hint="mark contested words as {name} and give each party's wording in the "
                "paragraph's bracket table, so that the tool knows who proposes what",
            )
        found = placeholders(unit.text)
        if not found:
            continue
        if unit.kind == "option":
            yield _finding_at(
                entry,
                unit.keys,
                "CH218",
                f"clause '{entry.id}' nests a bracket inside a bracket option",
                "brackets do not nest: split the passage",
            )
            continue
        defined = unit.paragraph.bracket if unit.paragraph is not None else {}
        used.setdefault(id(unit.paragraph), set()).update(p.name for p in found)
        for placeholder in found:
            if placeholder.name not in defined:
                yield Finding(
                    "CH218",
                    f"clause '{entry.id}' marks '{{{placeholder.name}}}' but gives no options "
                    f"for it",
                    entry.module.rel,
                    entry.line_in(unit, placeholder.offset),
                    hint=did_you_mean(placeholder.name, defined)
                    or f'add bracket.{placeholder.name} = [{{ party = "...", text = "..." }}, '
                    "...] to the paragraph (a clause with one 'text' has no brackets: write it "
                    "as [[clause.paragraph]])",
                )
    for index, paragraph in enumerate(entry.clause.paragraph):
        for name, options in paragraph.bracket.items():
            if name not in used.get(id(paragraph), set()):
                yield entry.finding(
                    "CH218",
                    f"paragraph '{paragraph.id}' of clause '{entry.id}' gives options for "
                    f"'{name}', which its text never marks",
                    "paragraph",
                    index,
                    "bracket",
                    name,
                    hint=f"put {{{name}}} where the contested words stand, or remove the options",
                )
            if not options:
                yield entry.finding(
                    "CH218",
                    f"bracket '{name}' of paragraph '{paragraph.id}' of clause '{entry.id}' has "
                    "no options",
                    "paragraph",
                    index,
                    "bracket",
                    name,
                    hint="give at least one party's wording",
                )


def _typed_brackets(text: str) -> list[int]:
    """Offsets of square brackets that are not part of a ``[[reference]]``.

    A text with a malformed reference (``[[ id ]]``, ``[[id]``) has none: ``CH231``
    reports those brackets, and fixing them may leave no typed bracket at all.
    """
    if "[" not in text and "]" not in text:
        return []
    if next(malformed_references(text), None) is not None:
        return []
    inside = {i for m in REFERENCE.finditer(text) for i in range(m.start(), m.end())}
    return [m.start() for m in _TYPED_BRACKET.finditer(text) if m.start() not in inside][:1]


def _finding_at(entry: ClauseEntry, keys: KeyPath, code: str, message: str, hint: str) -> Finding:
    return entry.finding(code, message, *keys, hint=hint)


def _reservations(entry: ClauseEntry) -> Iterator[Finding]:
    ids = [paragraph.id for paragraph in entry.paragraphs]
    for index, reservation in enumerate(entry.clause.reservation):
        if reservation.paragraph is not None and reservation.paragraph not in ids:
            yield entry.finding(
                "CH217",
                f"a reservation on clause '{entry.id}' names paragraph '{reservation.paragraph}', "
                "which the article does not have",
                "reservation",
                index,
                "paragraph",
                hint=did_you_mean(reservation.paragraph, ids)
                or f"its paragraphs are: {', '.join(ids)}",
            )


def party_references(clause: Clause) -> Iterator[tuple[str, KeyPath, str]]:
    """Every party a clause names: (party, key path, the phrase that names it)."""
    yield clause.proposed_by, ("proposed_by",), f"clause '{clause.id}' is proposed by"
    if not clause.reservation and not any(
        p.proposed_by is not None or p.alternative or p.bracket for p in clause.paragraph
    ):
        return
    for index, paragraph in enumerate(clause.paragraph):
        where = f"paragraph '{paragraph.id}' of clause '{clause.id}'"
        keys: KeyPath = ("paragraph", index)
        if paragraph.proposed_by is not None:
            yield paragraph.proposed_by, (*keys, "proposed_by"), f"{where} is proposed by"
        for number, option in enumerate(paragraph.alternative):
            yield (
                option.party,
                (*keys, "alternative", number, "party"),
                (f"alternative {number + 1} of {where} is proposed by"),
            )
        for name, options in paragraph.bracket.items():
            for number, option in enumerate(options):
                yield (
                    option.party,
                    (*keys, "bracket", name, number),
                    (f"an option of bracket '{name}' in {where} is proposed by"),
                )
    for index, reservation in enumerate(clause.reservation):
        yield (
            reservation.party,
            ("reservation", index, "party"),
            (f"a reservation on clause '{clause.id}' is entered by"),
        )
