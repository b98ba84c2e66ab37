import io
import re
import sys

import pytest

from charter_cli.cli import console
from charter_cli.cli.console import Cell, TableView, TextView


def _table() -> TableView:
    table = TableView("Totals", ("kind", "count"), right=frozenset({1}))
    table.add("instrument", Cell("33/33", "green"))
    table.section()
    table.add("total", "137/137")
    return table


def test_plain_table_is_aligned_with_rules() -> None:
    assert console.plain(_table()) == (
        "Totals\n"
        "kind          count\n"
        "----------  -------\n"
        "instrument    33/33\n"
        "----------  -------\n"
        "total       137/137\n"
    )


def test_plain_empty_table_and_text() -> None:
    assert console.plain(TableView("Clauses", ("id",))) == "Clauses\nnone\n"
    text = TextView()
    text.add("Article 1 — Purpose", "bold")
    text.add("[brackets] stay as they are")
    assert console.plain(text) == "Article 1 — Purpose\n[brackets] stay as they are\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_rich_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    screen = _Terminal()
    monkeypatch.setattr("sys.stdout", screen)
    console.show(_table())
    text = TextView()
    text.add("[bold]not markup[/bold]")
    console.show(text)
    shown = screen.getvalue()
    assert "┃" in shown or "│" in shown  # a boxed table
    assert "137/137" in shown
    assert "[bold]not markup[/bold]" in shown  # user text is never read as Rich markup


def test_control_characters_never_reach_the_terminal_raw(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    table = TableView("Clauses \x1b]0;owned\x07", ("id", "title"))
    table.add("a", Cell("\x1b[2JCleared", "red"))
    text = TextView()
    text.add("title \x1b[31mred\u202e")
    assert "\x1b" not in console.plain(table) + console.plain(text)
    assert "\\x1b[2JCleared" in console.plain(table)
    assert console.plain(text) == "title \\x1b[31mred\\u202e\n"
    screen = _Terminal()
    monkeypatch.setattr("sys.stdout", screen)
    console.show(table)
    console.show(text)
    assert "\x1b[2JCleared" not in screen.getvalue()  # Rich's own colours are its business
    assert "\\x1b[2JCleared" in screen.getvalue()
    console.out("line\x07\ttab")
    assert screen.getvalue().endswith("line\\x07\ttab\n")
    console.err("note\x1b")
    assert capsys.readouterr().err == "note\\x1b\n"


def test_closed_streams_are_replaced_and_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdout", None)
    monkeypatch.setattr("sys.stderr", None)
    monkeypatch.setattr("os.dup2", lambda fd, number: None)
    console.prepare_streams()
    console.err("nowhere to go")  # no stderr: nothing is written, nothing fails
    with pytest.raises(console.OutputClosedError, match="standard output is closed"):
        console.out("report")
    with pytest.raises(console.OutputClosedError):
        sys.stdout.writelines(["a"])


def test_lines_of_styled_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Word changes: coloured on a terminal, marked ``[-...-]{+...+}`` in plain text, escaped in both."""
    text = TextView()
    text.add_spans(
        (
            Cell("  Article 2: keep "),
            Cell("old\x1b", "red strike", "[-old\x1b-]"),
            Cell(" "),
            Cell("new", "green bold", "{+new+}"),
        )
    )
    assert console.plain(text) == "  Article 2: keep [-old\\x1b-] {+new+}\n"
    screen = _Terminal()
    monkeypatch.setattr("sys.stdout", screen)
    console.show(text)
    shown = screen.getvalue()
    assert "\x1b[9;31mold" in shown  # struck through, in red
    assert "keep old\\x1b new" in re.sub(r"\x1b\[[0-9;]*m", "", shown) and "[-" not in shown
