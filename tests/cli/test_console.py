import io

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
