"""Frozen numbering: frozen articles keep their numbers, insertions are lettered, numbers never repeat."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from charter_cli.draft.analysis import analyse
from charter_cli.draft.frozen import frozen_numerals, order_key
from helpers import WriteProject, examples


@pytest.mark.parametrize(
    ("order", "lock", "expected"),
    [
        (["a", "x", "b"], {"a": "12", "b": "13"}, ["12", "12a", "13"]),
        (["a", "x", "y", "b"], {"a": "12", "b": "13"}, ["12", "12a", "12b", "13"]),
        (["x", "a"], {"a": "1"}, ["0a", "1"]),
        (["a", "b", "x", "c"], {"a": "12", "b": "12a", "c": "12b"}, ["12", "12a", "12aa", "12b"]),
        (["a", "x", "b"], {"a": "12a", "b": "13"}, ["12a", "12b", "13"]),
        (["a", "b", "x"], {"a": "1", "b": "2"}, ["1", "2", "2a"]),
        (["x", "y"], {}, ["0a", "0b"]),
    ],
)
def test_insertions_are_numbered_as_the_treaties_number_them(
    order: list[str], lock: dict[str, str], expected: list[str]
) -> None:
    assert frozen_numerals(order, lock) == expected


def test_a_place_with_no_number_in_order_still_gets_a_unique_one() -> None:
    """Between Article 12 and Article 12a no number fits; CH247 reports the order."""
    numerals = frozen_numerals(["a", "x", "b"], {"a": "12", "b": "12a"})
    assert numerals[0] == "12" and numerals[2] == "12a"
    assert numerals[1] not in ("12", "12a")


def test_a_number_is_never_given_twice_even_once_its_article_is_gone() -> None:
    assert frozen_numerals(["a", "x", "c"], {"a": "1", "b": "1a", "c": "2"}) == ["1", "1b", "2"]


def test_numbers_sort_by_digits_then_letters() -> None:
    numerals = ["12b", "2", "12", "12aa", "0a", "12a", "13"]
    assert sorted(numerals, key=order_key) == ["0a", "2", "12", "12a", "12aa", "12b", "13"]


@st.composite
def drafts(draw: st.DrawFn) -> tuple[list[str], dict[str, str]]:
    """Articles in draft order, some frozen with increasing numbers, some inserted since."""
    size = draw(st.integers(min_value=0, max_value=80))
    order = [f"c{i}" for i in range(size)]
    frozen = [c for c in order if draw(st.booleans())]
    numbers = sorted(draw(st.sets(st.integers(1, 400), min_size=len(frozen), max_size=len(frozen))))
    return order, dict(zip(frozen, map(str, numbers), strict=True))


@settings(max_examples=examples(500))
@given(drafts())
def test_any_insertions_keep_frozen_numbers_unique_and_in_order(
    draft: tuple[list[str], dict[str, str]],
) -> None:
    order, lock = draft
    numerals = frozen_numerals(order, lock)
    assert len(set(numerals)) == len(numerals)
    assert all(numerals[i] == lock[c] for i, c in enumerate(order) if c in lock)
    keys = [order_key(n) for n in numerals]
    assert keys == sorted(keys)


def test_when_every_letter_is_taken() -> None:
    from string import ascii_lowercase

    from charter_cli.draft.frozen import _between

    used = {f"5{a}" for a in ascii_lowercase} | {
        f"5{a}{b}" for a in ascii_lowercase for b in ascii_lowercase
    }
    assert _between("5", "6", used) == "5aaa"


def test_an_insertion_that_cannot_be_numbered_in_order_is_reported(
    write_project: WriteProject,
) -> None:
    root = write_project(
        {"numbering.lock.toml": '[article]\nobjectives = "1"\njoint-committee = "1a"\n'}
    )
    module = root / "clauses" / "provisions" / "objectives.toml"
    module.write_text(
        module.read_text(encoding="utf-8")
        + '\n[[clause]]\nid = "between"\ntitle = "Between"\nstatus = "agreed"\ntext = "The Parties shall act."\n',
        encoding="utf-8",
    )
    findings = [f for f in analyse(root).findings if f.code == "CH247"]
    assert [(f.file, f.line) for f in findings] == [("numbering.lock.toml", 3)]
    assert findings[0].message.startswith(
        "Article 1a (clause 'joint-committee') stands after Article 1b"
    )
