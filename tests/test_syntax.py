"""The structure the tool reads in a clause text: paragraphs and list items, nothing else."""

from __future__ import annotations

from charter_cli.syntax import TextBlock, starts_item, text_blocks


def test_blank_lines_separate_paragraphs_and_lines_are_stripped() -> None:
    assert text_blocks("  One line\n  and the next.  \r\n\r\nA second paragraph.\n") == [
        TextBlock(("One line\nand the next.",)),
        TextBlock(("A second paragraph.",)),
    ]
    assert text_blocks("") == []
    assert text_blocks("\n \n") == []


def test_lines_opening_with_a_marker_are_list_items() -> None:
    text = "The Parties shall:\n- notify;\n  in writing;\n* verify.\n\n3) report;\n4. review."
    assert text_blocks(text) == [
        TextBlock(("The Parties shall:",)),
        TextBlock(("notify;\nin writing;", "verify."), "bullets"),
        TextBlock(("report;", "review."), "numbers", 3),
    ]
    assert text_blocks("- one\n1. two") == [
        TextBlock(("one",), "bullets"),
        TextBlock(("two",), "numbers"),
    ]


def test_a_marker_without_words_is_text() -> None:
    assert not starts_item("-")
    assert not starts_item("1.")
    assert not starts_item("-x")
    assert not starts_item("")
    assert starts_item("+ x") and starts_item("12) x")
    assert text_blocks("-\n- item") == [TextBlock(("-",)), TextBlock(("item",), "bullets")]
