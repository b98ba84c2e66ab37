from charter_cli.load.keylines import index_lines

DOC = '''\
# comment = 1
[charter]
title = "x = y"
sources = [
  "a.toml",  # trailing comment
  "b.toml",
]

[[title]]
heading = "A"
include = ["x", "y"]

[[title.chapter]]
heading = "c1"

[[title.chapter]]
text = """
line one [[ref]]
key = 3
"""
after = 'literal'

[[title]]
"quoted key" = 1
dotted.key = 2
[[title.chapter]]
heading = """same line start
second"""
'''


def test_tables_keys_and_items_have_their_lines() -> None:
    index = index_lines(DOC)
    assert index.line(("charter",)) == 2
    assert index.line(("charter", "title")) == 3
    assert index.line(("charter", "sources", 0)) == 5
    assert index.line(("charter", "sources", 1)) == 6
    assert ("charter", "sources", 2) not in index.keys
    assert index.line(("title", 0, "include", 1)) == 11
    assert index.line(("title", 0, "chapter", 1, "after")) == 21
    assert index.line(("title", 1, "quoted key")) == 24
    assert index.line(("title", 1, "dotted", "key")) == 25
    assert index.line(("title", 1, "chapter", 0, "heading")) == 27


def test_lines_inside_multiline_strings_are_not_keys() -> None:
    index = index_lines(DOC)
    assert ("title", 0, "chapter", 1, "key") not in index.keys


def test_missing_key_falls_back_to_its_table() -> None:
    index = index_lines(DOC)
    assert index.line(("title", 0, "chapter", 0, "status")) == 13
    assert index.line(("nothing",)) is None


def test_line_in_value_counts_from_the_first_content_line() -> None:
    index = index_lines(DOC)
    value = "line one [[ref]]\nkey = 3\n"
    path = ("title", 0, "chapter", 1, "text")
    assert index.line_in_value(path, value, value.index("[[ref]]")) == 18
    assert index.line_in_value(path, value, value.index("key")) == 19
    same_line = ("title", 1, "chapter", 0, "heading")
    assert index.line_in_value(same_line, "same line start\nsecond", 17) == 28
