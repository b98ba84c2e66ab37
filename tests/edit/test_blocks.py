"""Whole tables as blocks of text: found past multi-line strings, moved with their comments."""

from __future__ import annotations

import tomli
from hypothesis import given, settings
from hypothesis import strategies as st

from charter_cli.edit.blocks import as_block, cut, insert, newline_of, table_blocks
from helpers import examples

MODULE = '''#:schema ../../schemas/module.schema.json
[module]
title = "Institutions"

# The committee's note on the first clause.
[[clause]]
id = "first"
title = "First"
text = """
A text that mentions
[[clause]]
at the start of a line, inside a string.
"""

[[clause]]
id = "second"
title = "Second"

[[clause.paragraph]]
id = "p1"
text = "One."

# A note on the third, kept with it.
# On two lines.
[[clause]]
id = "third"
title = "Third"
text = "Three."
'''


def _ids(text: str) -> list[str]:
    return [clause["id"] for clause in tomli.loads(text).get("clause", [])]


def test_blocks_start_at_their_comments_and_skip_headers_inside_strings() -> None:
    blocks = table_blocks(MODULE, ("clause",))
    assert len(blocks) == 3
    first, second, third = (MODULE[b.start : b.end] for b in blocks)
    assert first.startswith("# The committee's note on the first clause.\n[[clause]]")
    assert "at the start of a line, inside a string." in first
    assert second.startswith('[[clause]]\nid = "second"') and "[[clause.paragraph]]" in second
    assert third.startswith("# A note on the third, kept with it.\n# On two lines.\n[[clause]]")
    assert blocks[-1].end == len(MODULE)


def test_a_block_moves_with_its_comments_and_the_rest_keeps_every_byte() -> None:
    blocks = table_blocks(MODULE, ("clause",))
    third = MODULE[blocks[2].start : blocks[2].end]
    rest = cut(MODULE, blocks[2])
    moved = insert(rest, table_blocks(rest, ("clause",))[0].start, as_block(third, "\n"))
    assert _ids(moved) == ["third", "first", "second"]
    assert moved.startswith(MODULE[: blocks[0].start] + "# A note on the third")
    assert (
        MODULE[blocks[0].start : blocks[1].end].rstrip() in moved
    )  # first and second as they were


def test_cut_keeps_the_file_ending_unless_the_block_ended_it() -> None:
    text = MODULE + "\n\n"
    blocks = table_blocks(text, ("clause",))
    assert cut(text, blocks[1]).endswith('Three."\n\n\n')
    assert cut(text, blocks[2]).endswith('text = "One."\n')


def test_crlf_files_stay_crlf() -> None:
    crlf = MODULE.replace("\n", "\r\n")
    assert newline_of(crlf) == "\r\n" and newline_of(MODULE) == "\n"
    blocks = table_blocks(crlf, ("clause",))
    block = as_block(crlf[blocks[0].start : blocks[0].end], "\r\n")
    appended = insert(cut(crlf, blocks[0]), len(crlf), block)
    assert "\n" not in appended.replace("\r\n", "")
    assert _ids(appended) == ["second", "third", "first"]


def test_a_block_inserted_at_the_end_is_set_off_by_one_blank_line() -> None:
    assert insert("a = 1\n\n\n", 99, as_block("[b]\nc = 2\n\n", "\n")) == "a = 1\n\n[b]\nc = 2\n"
    assert insert("", 0, as_block("[b]\nc = 2", "\n")) == "[b]\nc = 2\n"


_CLAUSE = st.builds(
    lambda ident, comment, text: (
        (f"# note {comment}\n" if comment else "")
        + f'[[clause]]\nid = "c{ident}"\ntitle = "T"\ntext = """\n{text}\n"""\n'
    ),
    st.integers(0, 10_000),
    st.text("abc ", max_size=5),
    st.text("ab[]=\n #'", max_size=30).filter(lambda t: '"""' not in t and "\\" not in t),
)


@settings(max_examples=examples(1000))
@given(st.lists(_CLAUSE, min_size=1, max_size=6, unique=True), st.data())
def test_moving_any_block_anywhere_keeps_every_clause(
    clauses: list[str], data: st.DataObject
) -> None:
    text = '[module]\ntitle = "M"\n\n' + "\n".join(clauses)
    before = tomli.loads(text)["clause"]
    blocks = table_blocks(text, ("clause",))
    assert len(blocks) == len(before)
    taken = data.draw(st.integers(0, len(blocks) - 1))
    rest = cut(text, blocks[taken])
    spots = table_blocks(rest, ("clause",))
    where = data.draw(st.integers(0, len(spots)))
    at = spots[where].start if where < len(spots) else len(rest)
    moved = insert(rest, at, as_block(text[blocks[taken].start : blocks[taken].end], "\n"))
    after = tomli.loads(moved)["clause"]
    expected = [c for i, c in enumerate(before) if i != taken]
    expected.insert(where, before[taken])
    assert after == expected
