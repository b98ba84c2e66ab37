"""Numbers and labels of the draft's parts, in the styles the manifest's ``[numbering]`` sets.

Articles are numbered 1, 2, ... across the whole charter (or, under a frozen
numbering, keep their frozen numbers: :mod:`charter_cli.draft.frozen`). Titles and chapters take
roman or arabic numerals, chapters within each title or across the charter;
paragraphs read ``1.`` or ``(1)``, points ``(a)`` or ``a)``. Citations follow the
treaties' form whatever the display style: ``Article 23(2)(a)``.
"""

from __future__ import annotations

from string import ascii_lowercase

from charter_cli.models.manifest import Numbering
from charter_cli.vocabulary import Numerals, ParagraphStyle, PointStyle

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def roman(number: int) -> str:
    """Write a positive integer in Roman numerals."""
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def numeral(number: int, style: Numerals) -> str:
    """A title's or chapter's number: ``IV`` or ``4``."""
    return roman(number) if style is Numerals.ROMAN else str(number)


def letter(index: int) -> str:
    """The letter of the ``index``-th point (from 0): a, b, ..., z, aa, ab, ..."""
    if index < len(ascii_lowercase):
        return ascii_lowercase[index]
    return letter(index // len(ascii_lowercase) - 1) + ascii_lowercase[index % 26]


def paragraph_marker(number: int, numbering: Numbering) -> str:
    """How a paragraph's number is written before its text: ``2.`` or ``(2)``."""
    return f"{number}." if numbering.paragraphs is ParagraphStyle.PERIOD else f"({number})"


def point_marker(index: int, numbering: Numbering) -> str:
    """How a point's letter is written before its text: ``(b)`` or ``b)``."""
    text = letter(index)
    return f"({text})" if numbering.points is PointStyle.PARENTHESES else f"{text})"


def citation(article: int | str, paragraph: int | None = None, point: int | None = None) -> str:
    """How the text cites an article, a paragraph or a point: ``Article 23(2)(a)``."""
    text = f"Article {article}"
    if paragraph is not None:
        text += f"({paragraph})"
        if point is not None:
            text += f"({letter(point)})"
    return text
