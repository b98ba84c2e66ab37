"""The one place the CLI writes to the terminal: artifacts to stdout, messages to stderr.

Views (:mod:`charter_cli.views`) describe tables and texts; this module draws
them: with Rich (colour, boxes, wrapping to the width) when the stream is a
terminal, as plain aligned text when it is a file or a pipe. CI logs and
scripts get clean columns, and Rich is not even imported for them.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from charter_cli.errors import CharterError
from charter_cli.findings import displayable

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text


def out(text: str = "") -> None:
    """Write a line to stdout, control characters from the library shown escaped."""
    sys.stdout.write(displayable(text) + "\n")


def err(text: str = "") -> None:
    """Write a line of messages (summaries, notes, errors) to stderr, control characters escaped."""
    stream = sys.stderr
    if stream is not None:
        stream.write(displayable(text) + "\n")


PROGRESS_DELAY = 0.5
"""Seconds a step may take before its progress is shown: a quick build stays quiet."""
_REDRAW = 0.1
"""Seconds between two redraws of the progress line."""


@contextlib.contextmanager
def progress(
    what: str,
    *,
    stream: TextIO | None = None,
    delay: float = PROGRESS_DELAY,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[Callable[[int, int], None]]:
    """Show a step's progress on one line of stderr, only on a terminal and only if it lasts.

    The block gets a function to call with ``(done, total)``; a step that never
    calls it shows ``what…`` once ``delay`` has passed. The line is erased at the
    end, so nothing of it stays in the terminal, and nothing at all reaches a
    file or a pipe.
    """
    out = sys.stderr if stream is None else stream
    if out is None or not _is_terminal(out):
        yield _ignore
        return
    line = _ProgressLine(out, what, delay, clock)
    timer = threading.Timer(delay, line.waiting)
    timer.daemon = True
    timer.start()
    try:
        yield line.update
    finally:
        timer.cancel()
        line.erase()


def _ignore(done: int, total: int) -> None:
    """Progress where nobody watches."""


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (ValueError, OSError):
        return False


class _ProgressLine:
    """The one line a step's progress is drawn on, from the step and from its timer."""

    def __init__(self, stream: TextIO, what: str, delay: float, clock: Callable[[], float]) -> None:
        self.stream, self.what, self.delay, self.clock = stream, what, delay, clock
        self.start = clock()
        self.drawn_at: float | None = None
        self.lock = threading.Lock()

    def waiting(self) -> None:
        self._draw(f"{self.what}…")

    def update(self, done: int, total: int) -> None:
        now = self.clock()
        if now - self.start < self.delay:
            return
        if self.drawn_at is not None and now - self.drawn_at < _REDRAW and done != total:
            return
        self._draw(f"{self.what}: {done:,} of {total:,} articles")

    def _draw(self, text: str) -> None:
        with self.lock, contextlib.suppress(OSError, ValueError):
            self.stream.write(f"\r{text}\x1b[K")
            self.stream.flush()
            self.drawn_at = self.clock()

    def erase(self) -> None:
        with self.lock, contextlib.suppress(OSError, ValueError):
            if self.drawn_at is not None:
                self.stream.write("\r\x1b[K")
                self.stream.flush()


class OutputClosedError(CharterError):
    """Standard output was closed when charter started, and the command writes to it."""


class _Closed(io.TextIOBase):
    """Standard output when it was closed: writing to it is one clear error, not a crash."""

    def write(self, text: str) -> int:
        raise OutputClosedError(
            "standard output is closed; nothing could be written",
            hint="give a file with -o, or do not close standard output (>&-)",
        )

    def writelines(self, lines: object) -> None:
        self.write("")


def prepare_streams() -> None:
    """Make the standard streams safe to write: never a crash on an encoding or a closed stream.

    A character the stream's encoding cannot show (an ASCII-only locale) is
    written as a backslash escape. A stream closed before the start (``>&-``)
    is replaced: its descriptor is taken by ``/dev/null``, so no file opened
    later can land on it, and writing to standard output then is one clear
    error.
    """
    for number, name in ((1, "stdout"), (2, "stderr")):
        stream = getattr(sys, name)
        if stream is None:
            with contextlib.suppress(OSError):
                fd = os.open(os.devnull, os.O_WRONLY)
                if fd != number:
                    os.dup2(fd, number)
                    os.close(fd)
            setattr(sys, name, _Closed() if name == "stdout" else None)
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def leave_quietly() -> int:
    """After the reader of stdout has gone (``charter build -o - | head -1``): exit as git does.

    Further writes go to ``/dev/null``, so Python's own flush at exit cannot
    complain, and the exit status is the one of a process ended by ``SIGPIPE``.
    """
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return BROKEN_PIPE


BROKEN_PIPE = 128 + 13
"""The exit status of a writer whose reader left: 128 + SIGPIPE, what a shell shows for git."""


@dataclass(frozen=True)
class Cell:
    """One cell of a table, or one line of a text: the text and an optional Rich style."""

    text: str
    style: str | None = None
    plain: str | None = None
    """How it reads without colour (a file, a pipe), when that differs: ``[-deleted-]``."""


Spans = tuple[Cell, ...]
"""One line of text made of runs in different styles (words deleted and inserted)."""


@dataclass
class TableView:
    """A titled table: column names, right-aligned columns, rows and section breaks."""

    title: str
    columns: tuple[str, ...]
    right: frozenset[int] = frozenset()
    rows: list[tuple[Cell, ...]] = field(default_factory=list)
    breaks: set[int] = field(default_factory=set)
    """Row indices before which a separator is drawn."""
    keep: frozenset[int] = frozenset()
    """Columns never wrapped (IDs, paths, numbers): on a terminal too narrow for them and the
    other columns' longest words, each row is shown as a block of lines instead."""

    def add(self, *cells: str | Cell) -> None:
        """Append a row; plain strings become unstyled cells."""
        self.rows.append(tuple(c if isinstance(c, Cell) else Cell(c) for c in cells))

    def section(self) -> None:
        """Draw a separator before the next row."""
        self.breaks.add(len(self.rows))


@dataclass
class TextView:
    """Lines of text, each with an optional style (``bold`` for headings), or made of styled runs."""

    lines: list[Cell | Spans] = field(default_factory=list)

    def add(self, text: str, style: str | None = None) -> None:
        """Append a line."""
        self.lines.append(Cell(text, style))

    def add_spans(self, spans: Spans) -> None:
        """Append a line of runs in their own styles."""
        self.lines.append(spans)


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
    view = _escaped(view)
    if isinstance(view, TextView):
        return "".join(f"{_plain_line(line)}\n" for line in view.lines)
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


def _plain_line(line: Cell | Spans) -> str:
    if isinstance(line, Cell):
        return line.plain if line.plain is not None else line.text
    return "".join(span.plain if span.plain is not None else span.text for span in line)


def _escaped(view: View) -> View:
    """The view with every control character of its texts shown escaped (one line per cell)."""
    from charter_cli.findings import printable

    def cell(item: Cell) -> Cell:
        text = printable(item.text)
        plain = printable(item.plain) if item.plain is not None else None
        if text is item.text and plain is item.plain:
            return item
        return Cell(text, item.style, plain)

    if isinstance(view, TextView):
        return TextView(
            [
                cell(line) if isinstance(line, Cell) else tuple(map(cell, line))
                for line in view.lines
            ]
        )
    return TableView(
        printable(view.title),
        tuple(printable(name) for name in view.columns),
        view.right,
        [tuple(cell(item) for item in row) for row in view.rows],
        view.breaks,
        view.keep,
    )


def _rich(view: View, *, stderr: bool) -> None:
    from rich.console import Console, Group
    from rich.text import Text

    renderable: RenderableType
    console = Console(stderr=stderr, highlight=False)
    view = _escaped(view)
    if isinstance(view, TextView):
        renderable = Group(*(_rich_line(Text, line) for line in view.lines))
    elif not view.rows:
        renderable = Group(Text(view.title, style="bold"), Text("none"))
    else:
        widths = column_widths(view, console.width)
        body = _boxed(view, widths) if widths is not None else _stacked(view, console.width)
        renderable = Group(Text(view.title, style="bold"), body)
    console.print(renderable)


_BOX_OVERHEAD = 3
"""Characters a boxed table spends per column (a border and a space on each side), plus one."""


def column_widths(view: TableView, width: int) -> list[int] | None:
    """The width of each column of a boxed table ``width`` characters wide, or ``None``.

    A kept column is as wide as its longest cell; any other column is at least as
    wide as its longest word, so wrapping never cuts an ID or a path in two. The
    room left goes to the wrapped columns, up to what they need. ``None`` when the
    table cannot fit that way.
    """
    from rich.cells import cell_len

    count = len(view.columns)
    texts = [[view.columns[i], *(row[i].text for row in view.rows)] for i in range(count)]
    widest = [max(cell_len(text) for text in column) for column in texts]
    least = [
        widest[i]
        if i in view.keep
        else max(cell_len(word) for text in texts[i] for word in [*text.split(), ""])
        for i in range(count)
    ]
    room = width - _BOX_OVERHEAD * count - 1
    if sum(widest) <= room:
        return widest
    if sum(least) > room:
        return None
    widths, spare = list(least), room - sum(least)
    while spare > 0:
        short = [i for i in range(count) if widths[i] < widest[i]]
        for i in short[:spare]:
            widths[i] += 1
        spare -= len(short[:spare])
    return widths


def _boxed(view: TableView, widths: list[int]) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    table = Table()
    for index, (name, width) in enumerate(zip(view.columns, widths, strict=True)):
        table.add_column(
            name,
            justify="right" if index in view.right else "left",
            width=width,
            no_wrap=index in view.keep,
            overflow="fold",
        )
    for index, row in enumerate(view.rows):
        if index in view.breaks:
            table.add_section()
        table.add_row(*(Text(cell.text, style=cell.style or "") for cell in row))
    return table


def _stacked(view: TableView, width: int) -> RenderableType:
    """Each row as a block: kept cells on its first line while they fit, the rest below it.

    No cell is cut: a kept cell that does not fit the first line gets a line of
    its own, and the other cells wrap at spaces.
    """
    from rich.cells import cell_len
    from rich.console import Group
    from rich.padding import Padding
    from rich.rule import Rule
    from rich.text import Text

    blocks: list[RenderableType] = []
    kept = [i for i in range(len(view.columns)) if i in view.keep] or [0]
    for index, row in enumerate(view.rows):
        if index in view.breaks:
            blocks.append(Rule(style="dim"))
        head = Text()
        head.append(row[kept[0]].text, style=row[kept[0]].style or "bold")
        below: list[int] = []
        for i in kept[1:]:
            if not below and cell_len(head.plain) + 2 + cell_len(row[i].text) <= width:
                head.append("  ")
                head.append(row[i].text, style=row[i].style or "")
            else:
                below.append(i)
        blocks.append(head)
        for i, cell in enumerate(row):
            if (i in below or i not in kept) and cell.text:
                line = Text()
                line.append(f"{view.columns[i]}: ", style="dim")
                line.append(cell.text, style=cell.style or "")
                blocks.append(Padding(line, (0, 0, 0, 4), expand=False))
    return Group(*blocks)


def _rich_line(text: type[Text], line: Cell | Spans) -> Text:
    if isinstance(line, Cell):
        return text(line.text, style=line.style or "")
    return text.assemble(*((span.text, span.style or "") for span in line))
