from charter_cli.draft.numbering import (
    citation,
    letter,
    numeral,
    paragraph_marker,
    point_marker,
    roman,
)
from charter_cli.models.manifest import Numbering
from charter_cli.vocabulary import Numerals


def test_roman_and_arabic_numerals() -> None:
    assert [roman(n) for n in (1, 4, 9, 14, 40, 1994)] == ["I", "IV", "IX", "XIV", "XL", "MCMXCIV"]
    assert numeral(14, Numerals.ROMAN) == "XIV"
    assert numeral(14, Numerals.ARABIC) == "14"


def test_point_letters_go_on_after_z() -> None:
    assert [letter(i) for i in (0, 1, 25, 26, 27, 51, 52)] == [
        "a",
        "b",
        "z",
        "aa",
        "ab",
        "az",
        "ba",
    ]


def test_markers_follow_the_styles() -> None:
    default = Numbering()
    other = Numbering.model_validate({"paragraphs": "(1)", "points": "a)"})
    assert (paragraph_marker(2, default), point_marker(1, default)) == ("2.", "(b)")
    assert (paragraph_marker(2, other), point_marker(1, other)) == ("(2)", "b)")


def test_citations_take_the_treaties_form() -> None:
    assert citation(23) == "Article 23"
    assert citation(23, 2) == "Article 23(2)"
    assert citation(23, 2, 0) == "Article 23(2)(a)"
