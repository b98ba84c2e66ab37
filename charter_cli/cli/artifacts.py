"""Where a command's artifact goes: stdout, or the file or stream ``-o`` named, never over the project."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from charter_cli.write.output import Target


def deliver(text: str, target: Target | None, inputs: Callable[[], Iterable[Path]]) -> None:
    """Write ``text`` to stdout (no ``-o``, or ``-o -``) or to ``target``.

    A file is replaced atomically, and refused if it is one of the project's
    ``inputs`` (asked for only then: reading them may cost a load of the library).
    """
    from charter_cli.write.output import Kind, refuse_inputs, write_output

    if target is None or target.kind is Kind.STDOUT:
        sys.stdout.write(text)
        return
    refuse_inputs(target, inputs())
    write_output(target, [text.encode("utf-8")])
