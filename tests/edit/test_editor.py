"""Which editor charter edit opens, and how it asks it to go to the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from charter_cli.edit.editor import editor_command
from charter_cli.errors import InvalidInputError

FILE = Path("clauses/a.toml")


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"EDITOR": "vim"}, ["vim", "+12", "clauses/a.toml"]),
        ({"VISUAL": "nano -w", "EDITOR": "vim"}, ["nano", "-w", "+12", "clauses/a.toml"]),
        ({"EDITOR": "/usr/bin/code"}, ["/usr/bin/code", "--wait", "--goto", "clauses/a.toml:12"]),
        ({"EDITOR": "code -w"}, ["code", "-w", "--goto", "clauses/a.toml:12"]),
        ({"EDITOR": "subl"}, ["subl", "--wait", "clauses/a.toml:12"]),
    ],
)
def test_each_editor_is_opened_at_the_line(
    environment: dict[str, str], expected: list[str]
) -> None:
    assert editor_command(FILE, 12, environment) == expected


def test_no_editor_or_a_broken_one_is_one_clear_error() -> None:
    with pytest.raises(InvalidInputError, match=r"no editor is set"):
        editor_command(FILE, 1, {"EDITOR": "  "})
    with pytest.raises(InvalidInputError, match="cannot read the editor command"):
        editor_command(FILE, 1, {"EDITOR": "vim 'unclosed"})
