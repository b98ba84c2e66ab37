import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from charter_cli.findings import Finding, Severity, codes, displayable, printable, sort_findings
from helpers import examples


def test_format_with_and_without_line_and_hint() -> None:
    assert Finding("CH206", "m", "charter.toml", 3, "h").format() == (
        "charter.toml:3: CH206 error: m (hint: h)"
    )
    assert Finding("CH208", "m", "a.toml").format() == (
        "a.toml: CH208 warning: m (hint: add its module or ID to an include list of charter.toml, "
        "or delete it)"
    )  # without a specific hint, the usual fix for the code


def test_severity_comes_from_the_code_unless_overridden() -> None:
    assert Finding("CH208", "m", "a").level is Severity.WARNING
    assert Finding("CH208", "m", "a", severity=Severity.ERROR).level is Severity.ERROR


def test_sorted_by_file_line_code_and_deduplicated() -> None:
    b = Finding("CH203", "x", "b.toml", 2)
    a2 = Finding("CH201", "x", "a.toml", 10)
    a1 = Finding("CH204", "x", "a.toml", 9)
    assert sort_findings([b, a2, a1, b]) == [a1, a2, b]


def test_code_groups() -> None:
    assert codes()["CH003"].unreadable and not codes()["CH101"].unreadable
    assert codes()["CH301"].coverage and not codes()["CH208"].coverage
    assert all(code.startswith("CH") and len(code) == 5 for code in codes())


@settings(max_examples=examples(2000))
@given(st.text(st.characters(codec=None, exclude_categories=())))
def test_printable_text_is_one_line_with_nothing_hidden(text: str) -> None:
    shown = printable(text)
    for char in shown:
        category = unicodedata.category(char)
        assert category not in ("Cc", "Zl", "Zp", "Cs"), (text, shown)
        assert char not in "\u200b\u200c\u200d\u2060\ufeff\u202e\u202d\u2066\u2067\u2068\u2069"
    assert displayable("a\nb\tc\x1b") == "a\nb\tc\\x1b"


def test_look_alike_letters_are_shown_escaped() -> None:
    assert printable("joint-c\u043emmittee") == "joint-c\\u043emmittee"
    assert printable("cooperación, Москва, Ελλάδα") == "cooperación, Москва, Ελλάδα"
    assert printable("caf\udce9.toml") == "caf\\xe9.toml"  # a byte of a name that is not UTF-8
