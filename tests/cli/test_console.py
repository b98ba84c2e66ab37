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


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _on_terminal(view: TableView, width: int, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The lines a terminal ``width`` columns wide shows for ``view``, colours left out."""
    screen = _Terminal()
    monkeypatch.setattr("sys.stdout", screen)
    monkeypatch.setenv("COLUMNS", str(width))
    console.show(view)
    return [_ANSI.sub("", line) for line in screen.getvalue().splitlines()]


def _shipped_views() -> dict[str, TableView]:
    from charter_cli.cli.views import tables
    from charter_cli.draft.analysis import analyse
    from helpers import REPO

    analysis = analyse(REPO)
    assert analysis.coverage is not None
    return {
        "coverage": tables.coverage_table(analysis.coverage),
        "summary": tables.summary_table(analysis.coverage),
        "sections": tables.section_table(analysis.coverage),
        "requirements": tables.requirement_table(analysis, level=None, kind=None),
        "clauses": tables.clause_table(analysis, status=None, party=None),
        "modules": tables.module_table(analysis),
    }


@pytest.mark.parametrize("width", [80, 100, 160, 240])
def test_tables_never_cut_an_id_or_a_path(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.cells import cell_len

    for name, view in _shipped_views().items():
        lines = _on_terminal(view, width, monkeypatch)
        assert all(cell_len(line) <= width for line in lines), name
        words = {word for line in lines for word in re.split(r"[\s│┃,()]+", line)}
        for index in view.keep:
            for row in view.rows:
                for word in row[index].text.split():
                    assert word in words, (name, width, word)
        for row in view.rows:  # clause IDs in "covered by" cells, whatever the column's width
            for word in row[-1].text.replace(",", " ").replace("(", " ").split():
                assert word.rstrip(")") in words or word.rstrip(")") + ")" in words, (name, word)


def test_a_narrow_terminal_shows_each_row_as_a_block(monkeypatch: pytest.MonkeyPatch) -> None:
    table = TableView(
        "Requirements", ("id", "§", "statement", "covered by"), keep=frozenset({0, 1})
    )
    table.add("GRA-4.2-trafficking-agreements-enforcement", "4.2", "Enforce " * 12, "Art. 40")
    table.section()
    table.add("GRA-5.2-congruent-offers", "5.2", "Offers that match.", "")
    assert console.column_widths(table, 80) == [42, 3, 12, 10]  # just fits, boxed
    assert console.column_widths(table, 74) == [42, 3, 9, 7]  # the longest words
    assert console.column_widths(table, 73) is None
    lines = _on_terminal(table, 60, monkeypatch)
    assert lines[:2] == ["Requirements", "GRA-4.2-trafficking-agreements-enforcement  4.2"]
    assert lines[2].startswith("    statement: Enforce Enforce")
    assert lines[-3].startswith("─")  # the section break
    assert lines[-2:] == ["GRA-5.2-congruent-offers  5.2", "    statement: Offers that match."]


def test_column_widths_give_the_room_left_to_wrapped_columns() -> None:
    table = TableView("T", ("id", "text"), keep=frozenset({0}))
    table.add("an-id", "a b c d e f g h i j k l m n o p")
    assert console.column_widths(table, 80) == [5, 31]  # all it needs
    assert console.column_widths(table, 20) == [5, 8]  # 20 - 3 * 2 - 1 = 13 characters
    assert console.column_widths(table, 12) is None  # 'an-id' and 'text' do not fit
