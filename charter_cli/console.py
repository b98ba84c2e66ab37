"""The one place the CLI writes to the terminal: artifacts to stdout, messages to stderr.

Rich is imported only when a table is printed, so plain commands start fast.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


def out(text: str = "") -> None:
    """Write a line of the artifact (a report, a draft) to stdout."""
    sys.stdout.write(text + "\n")


def err(text: str = "") -> None:
    """Write a line of messages (summaries, notes, errors) to stderr."""
    sys.stderr.write(text + "\n")


PIPE_WIDTH = 1000
"""Width of tables sent to a file or a pipe: wide enough that no cell is wrapped or cut."""


def _console(*, stderr: bool) -> Console:
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else PIPE_WIDTH
    return Console(stderr=stderr, highlight=False, soft_wrap=False, width=width)


def show(renderable: RenderableType, *, stderr: bool = False) -> None:
    """Print a Rich renderable (a table, styled text) to stdout or stderr."""
    _console(stderr=stderr).print(renderable)
