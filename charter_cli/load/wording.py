"""The wording of the library's texts: what a paragraph or point says, its fingerprint, and word changes.

Three things are built on this module: ``charter diff`` (which words of a
paragraph changed between two versions), amendments (the fingerprint of the
wording an amendment amends, and the words it changes), and the stale findings
(which words changed since an amendment was tabled).

The **wording** of a paragraph is its text as the compilation shows it, with
every ``{name}`` written out as its options (``[EU: shall] [LAC: shall
endeavour to]``) and alternatives as ``[Alternative 1 (EU): ...]``; references
stay ``[[clause-id]]``, so that renumbering never changes a wording. Words are
the runs of text between white space, punctuation attached ("Charter," is one
word), compared after Unicode normalisation (NFC).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from enum import StrEnum
from typing import NamedTuple

from charter_cli.models.clause import Option, Paragraph, Point
from charter_cli.syntax import Placeholder, segments

DELETE_OPTION = "(delete)"
"""How an option that deletes the words reads in a wording."""


def words(text: str) -> list[str]:
    """The words of ``text``: runs between white space, punctuation attached, in NFC.

    Two written-out brackets that touch (``[EU: a][LAC: b]``) are two words apart.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if "][" in text:
        text = text.replace("][", "] [")
    return text.split()


def normalise(text: str) -> str:
    """``text`` as compared: NFC, every run of white space one space, no white space at the ends."""
    return " ".join(words(text))


def fingerprint(text: str) -> str:
    """``sha256:`` and 16 hex digits of the SHA-256 of the normalised wording.

    Line breaks, indentation and the composition of accented letters do not
    change it; any change of a word, a punctuation mark or a letter's case does.
    """
    digest = hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()
    return f"sha256:{digest[:16]}"


class Change(StrEnum):
    """What happened to a run of words."""

    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


class Edit(NamedTuple):
    """A run of words kept, deleted or inserted."""

    change: Change
    words: tuple[str, ...]


def word_diff(old: str | Sequence[str], new: str | Sequence[str]) -> tuple[Edit, ...]:
    """The word-level changes from ``old`` to ``new``: runs kept, deleted and inserted, in order.

    Where words are replaced, the deletion comes before the insertion. Keeping
    the runs that are equal and inserted gives the new words back
    (:func:`after`), keeping those that are equal and deleted the old
    (:func:`before`).
    """
    a = words(old) if isinstance(old, str) else list(old)
    b = words(new) if isinstance(new, str) else list(new)
    if a == b:
        return (Edit(Change.EQUAL, tuple(a)),) if a else ()
    edits: list[Edit] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            edits.append(Edit(Change.EQUAL, tuple(a[i1:i2])))
            continue
        if i2 > i1:
            edits.append(Edit(Change.DELETE, tuple(a[i1:i2])))
        if j2 > j1:
            edits.append(Edit(Change.INSERT, tuple(b[j1:j2])))
    return tuple(edits)


def before(edits: Iterable[Edit]) -> list[str]:
    """The old words of a diff."""
    return [word for edit in edits if edit.change is not Change.INSERT for word in edit.words]


def after(edits: Iterable[Edit]) -> list[str]:
    """The new words of a diff."""
    return [word for edit in edits if edit.change is not Change.DELETE for word in edit.words]


def changed(edits: Iterable[Edit]) -> bool:
    """Whether a diff deletes or inserts anything."""
    return any(edit.change is not Change.EQUAL for edit in edits)


def inline(edits: Sequence[Edit], *, context: int = 4) -> str:
    """The changes on one line, as ``git diff --word-diff`` writes them: ``... [-old-]{+new+} ...``.

    Only ``context`` words are kept on each side of a change; longer runs of
    unchanged words are cut to an ellipsis.
    """
    parts: list[str] = []
    for index, edit in enumerate(edits):
        if edit.change is Change.DELETE:
            parts.append(f"[-{' '.join(edit.words)}-]")
        elif edit.change is Change.INSERT:
            parts.append(f"{{+{' '.join(edit.words)}+}}")
        else:
            first, last = index == 0, index == len(edits) - 1
            parts.append(_context(edit.words, context, first=first, last=last))
    return " ".join(part for part in parts if part)


def _context(kept: tuple[str, ...], context: int, *, first: bool, last: bool) -> str:
    """A run of unchanged words around a change, cut to ``context`` words on the changes' side."""
    if first and last:
        return " ".join(kept)
    if first:
        shown = list(kept[-context:])
        return " ".join(["…", *shown] if len(kept) > context else shown)
    if last:
        shown = list(kept[:context])
        return " ".join([*shown, "…"] if len(kept) > context else shown)
    if len(kept) <= 2 * context:
        return " ".join(kept)
    return " ".join([*kept[:context], "…", *kept[-context:]])


# ------------------------------------------------------------------ wordings


def _options(options: list[Option]) -> str:
    return " ".join(f"[{o.party}: {o.text.strip() or DELETE_OPTION}]" for o in options)


def expanded(text: str, paragraph: Paragraph | None) -> str:
    """``text`` with each ``{name}`` written out as its options: ``[EU: shall] [LAC: shall not]``.

    An option that adds words after a word starts with a space; the space goes
    before the bracket, as the compilation text puts it. A ``{name}`` without
    options stays as it is (``check`` reports it).
    """
    if "{" not in text and "}" not in text:
        return text
    out: list[str] = []
    for part in segments(text):
        if not isinstance(part, Placeholder):
            out.append(part)
            continue
        options = paragraph.bracket.get(part.name, []) if paragraph is not None else []
        if not options:
            out.append(f"{{{part.name}}}")
            continue
        worded = [option for option in options if option.text.strip()]
        space = " " if worded and all(o.text[:1].isspace() for o in worded) else ""
        out.append(space + _options(options))
    return "".join(out)


def paragraph_wording(paragraph: Paragraph) -> str:
    """What a paragraph says before its points: its text, or its alternatives, brackets written out."""
    if paragraph.alternative:
        return " ".join(
            f"[Alternative {index} ({option.party}): {expanded(option.text.strip(), paragraph)}]"
            for index, option in enumerate(paragraph.alternative, start=1)
        )
    return expanded((paragraph.text or "").strip(), paragraph)


def point_wording(paragraph: Paragraph, point: Point) -> str:
    """What a point says, its paragraph's brackets written out."""
    return expanded(point.text.strip(), paragraph)


def whole_paragraph_wording(paragraph: Paragraph) -> str:
    """A paragraph with its points, one per line."""
    lines = [paragraph_wording(paragraph)]
    lines += [point_wording(paragraph, point) for point in paragraph.point]
    return "\n".join(lines)


def article_wording(paragraphs: Sequence[Paragraph]) -> str:
    """A whole article: its paragraphs with their points, one per line."""
    return "\n".join(whole_paragraph_wording(paragraph) for paragraph in paragraphs)
