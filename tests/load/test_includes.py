import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from charter_cli.load.includes import Glob, is_module_entry, leaves_project, match_paths
from helpers import examples


def test_glob_stays_within_a_folder_unless_double_star() -> None:
    assert Glob("clauses/*.toml").fullmatch("clauses/a.toml")
    assert not Glob("clauses/*.toml").fullmatch("clauses/sub/a.toml")
    assert Glob("clauses/**/*.toml").fullmatch("clauses/sub/deeper/a.toml")
    assert Glob("clauses/**/*.toml").fullmatch("clauses/a.toml")
    assert not Glob("clauses/a?.toml").fullmatch("clauses/a/.toml")
    assert Glob("clauses/a+b (1).toml").fullmatch("clauses/a+b (1).toml")


def test_module_entries_end_in_toml() -> None:
    assert is_module_entry("clauses/x.toml")
    assert not is_module_entry("drugs-precursors")


def _reference(pattern: str) -> re.Pattern[str]:
    """The glob as the regular expression it used to be compiled to (exponential on no match)."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:[^/]+/)*")
            i += 3
        elif pattern[i] in "*?":
            out.append("[^/]*" if pattern[i] == "*" else "[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


@settings(max_examples=examples(4000))
@given(
    st.lists(st.sampled_from(["a", "b", "/", ".", "*", "?", "**/"]), max_size=8).map("".join),
    st.text("ab/.", max_size=10),
)
def test_glob_matches_what_the_regular_expression_matched(pattern: str, path: str) -> None:
    assert Glob(pattern).fullmatch(path) == bool(_reference(pattern).fullmatch(path))


@settings(max_examples=examples(2000))
@given(
    st.lists(st.sampled_from(["a", "b", "/", ".", "*", "?", "**/"]), max_size=8).map("".join),
    st.lists(st.text("abc/.", max_size=10), max_size=8),
)
def test_one_glob_matches_many_paths_as_each_alone(pattern: str, paths: list[str]) -> None:
    """The moves a glob remembers from one path never change the answer for the next."""
    glob = Glob(pattern)
    assert [glob.fullmatch(p) for p in paths] == [
        bool(_reference(pattern).fullmatch(p)) for p in paths
    ]


def test_a_glob_remembers_its_moves_across_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    glob = Glob("clauses/**/*.toml")
    paths = [f"clauses/instruments/level-{n}/module-{n}.toml" for n in range(50)]
    assert all(glob.fullmatch(path) for path in paths)
    monkeypatch.setattr(Glob, "_step", lambda *args: pytest.fail("a move was worked out again"))
    assert all(glob.fullmatch(path) for path in paths)


def test_a_glob_of_many_stars_costs_pattern_times_path_not_more(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    steps = 0
    real = Glob._step

    def counted(self: Glob, *args: Any) -> Any:
        nonlocal steps
        steps += 1
        return real(self, *args)

    monkeypatch.setattr(Glob, "_step", counted)
    path = "clauses/" + "a" * 300 + ".toml"
    assert not Glob("clauses/" + "*a" * 60 + "*b.toml").fullmatch(path)  # no match
    assert steps <= len(path)  # one step per character (each step bounded by the pattern)
    assert Glob("clauses/" + "**/" * 1000 + "*.toml").tokens.count("**/") == 1


def test_entries_with_dot_dot_that_stay_inside_are_inside() -> None:
    assert not leaves_project("clauses/x/../provisions/a.toml")
    assert leaves_project("clauses/../../a.toml")
    assert leaves_project("/etc/a.toml")
    assert match_paths("./clauses/x/../a.toml", {"clauses/a.toml"}) == ["clauses/a.toml"]
