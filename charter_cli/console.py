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


def _console(*, stderr: bool) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def show(renderable: RenderableType, *, stderr: bool = False) -> None:
    """Print a Rich renderable (a table, styled text) to stdout or stderr."""
    _console(stderr=stderr).print(renderable)
