"""The one place the CLI writes to the terminal: artifacts to stdout, messages to stderr.

Views (:mod:`charter_cli.views`) describe tables and texts; this module draws
them: with Rich (colour, boxes, wrapping to the width) when the stream is a
terminal, as plain aligned text when it is a file or a pipe. CI logs and
scripts get clean columns, and Rich is not even imported for them.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import RenderableType


def out(text: str = "") -> None:
    """Write a line of the artifact (a report, a draft) to stdout."""
    sys.stdout.write(text + "\n")


def err(text: str = "") -> None:
    """Write a line of messages (summaries, notes, errors) to stderr."""
    sys.stderr.write(text + "\n")


@dataclass(frozen=True)
class Cell:
    """One cell of a table, or one line of a text: the text and an optional Rich style."""

    text: str
    style: str | None = None


@dataclass
class TableView:
    """A titled table: column names, right-aligned columns, rows and section breaks."""

    title: str
    columns: tuple[str, ...]
    right: frozenset[int] = frozenset()
    rows: list[tuple[Cell, ...]] = field(default_factory=list)
    breaks: set[int] = field(default_factory=set)
    """Row indices before which a separator is drawn."""

    def add(self, *cells: str | Cell) -> None:
        """Append a row; plain strings become unstyled cells."""
        self.rows.append(tuple(c if isinstance(c, Cell) else Cell(c) for c in cells))

    def section(self) -> None:
        """Draw a separator before the next row."""
        self.breaks.add(len(self.rows))


@dataclass
class TextView:
    """Lines of text, each with an optional style (``bold`` for headings)."""

    lines: list[Cell] = field(default_factory=list)

    def add(self, text: str, style: str | None = None) -> None:
        """Append a line."""
        self.lines.append(Cell(text, style))


View = TableView | TextView


def show(view: View, *, stderr: bool = False) -> None:
    """Print a view to stdout or stderr: with Rich on a terminal, as plain text otherwise."""
    stream = sys.stderr if stderr else sys.stdout
    if stream.isatty():
        _rich(view, stderr=stderr)
    else:
        stream.write(plain(view))


def plain(view: View) -> str:
    """The view as plain text: aligned columns, a dashed rule under the header."""
    if isinstance(view, TextView):
        return "".join(f"{line.text}\n" for line in view.lines)
    if not view.rows:
        return f"{view.title}\nnone\n"
    widths = [
        max(len(view.columns[i]), *(len(row[i].text) for row in view.rows))
        for i in range(len(view.columns))
    ]

    def line(cells: tuple[str, ...]) -> str:
        parts = [
            cell.rjust(widths[i]) if i in view.right else cell.ljust(widths[i])
            for i, cell in enumerate(cells)
        ]
        return "  ".join(parts).rstrip() + "\n"

    rule = line(tuple("-" * width for width in widths))
    text = [f"{view.title}\n", line(view.columns), rule]
    for index, row in enumerate(view.rows):
        if index in view.breaks:
            text.append(rule)
        text.append(line(tuple(cell.text for cell in row)))
    return "".join(text)


def _rich(view: View, *, stderr: bool) -> None:
    from rich.console import Console, Group
    from rich.table import Table
    from rich.text import Text

    renderable: RenderableType
    if isinstance(view, TextView):
        renderable = Group(*(Text(line.text, style=line.style or "") for line in view.lines))
    elif not view.rows:
        renderable = Group(Text(view.title, style="bold"), Text("none"))
    else:
        table = Table()
        for index, name in enumerate(view.columns):
            table.add_column(
                name, justify="right" if index in view.right else "left", overflow="fold"
            )
        for index, row in enumerate(view.rows):
            if index in view.breaks:
                table.add_section()
            table.add_row(*(Text(cell.text, style=cell.style or "") for cell in row))
        renderable = Group(Text(view.title, style="bold"), table)
    Console(stderr=stderr, highlight=False).print(renderable)
