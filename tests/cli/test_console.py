import io
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


def test_progress_stays_off_files_and_pipes() -> None:
    captured = io.StringIO()
    with console.progress("writing HTML", stream=captured, delay=0.0) as tick:
        tick(5, 10)
    assert captured.getvalue() == ""


def test_progress_waits_redraws_sparingly_and_erases_its_line() -> None:
    screen = _Terminal()
    now = [0.0]
    line = console._ProgressLine(screen, "writing HTML", 0.5, lambda: now[0])
    line.update(1, 10)  # within the first half second: a quick build shows nothing
    assert screen.getvalue() == ""
    line.waiting()  # the timer's call, when the step has said nothing yet
    now[0] = 0.6
    line.update(2, 10)
    now[0] = 0.65
    line.update(3, 10)  # too soon after the last redraw
    line.update(10, 10)  # the last count is always drawn
    line.erase()
    assert screen.getvalue() == (
        "\rwriting HTML…\x1b[K"
        "\rwriting HTML: 2 of 10 articles\x1b[K"
        "\rwriting HTML: 10 of 10 articles\x1b[K"
        "\r\x1b[K"
    )


def test_progress_on_a_terminal_leaves_nothing_behind_when_the_step_is_quick() -> None:
    screen = _Terminal()
    with console.progress("reading the library", stream=screen, delay=3600.0) as tick:
        tick(1, 1)
    assert screen.getvalue() == ""
