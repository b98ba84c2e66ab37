"""``charter edit``: which editor to open, and how to open it at a clause's line."""

from __future__ import annotations

import os
import shlex
from collections.abc import Mapping
from pathlib import Path

from charter_cli.errors import InvalidInputError

_GOTO = {"code", "code-insiders", "codium", "cursor"}
"""Editors that take ``--goto FILE:LINE`` (and ``--wait`` to return when the file is closed)."""
_COLON = {"subl", "sublime_text", "zed", "mate"}
"""Editors that take ``FILE:LINE``."""


def editor_command(
    path: Path, line: int, environment: Mapping[str, str] | None = None
) -> list[str]:
    """The command that opens ``path`` at ``line`` in the user's editor ($VISUAL, else $EDITOR).

    Most terminal editors (vi, vim, nvim, nano, emacs, micro, kak, helix) take
    ``+LINE FILE``; VS Code and its relatives ``--wait --goto FILE:LINE``; Sublime
    Text ``--wait FILE:LINE``.
    """
    env = os.environ if environment is None else environment
    chosen = env.get("VISUAL") or env.get("EDITOR")
    if not chosen or not chosen.strip():
        raise InvalidInputError(
            "no editor is set: $VISUAL and $EDITOR are both empty",
            hint="set one, e.g. 'export EDITOR=nano', or open the file at the line shown",
        )
    try:
        words = shlex.split(chosen)
    except ValueError as error:
        raise InvalidInputError(f"cannot read the editor command '{chosen}': {error}") from None
    name = Path(words[0]).name
    if name in _GOTO:
        extra = [] if "--wait" in words or "-w" in words else ["--wait"]
        return [*words, *extra, "--goto", f"{path}:{line}"]
    if name in _COLON:
        extra = [] if "--wait" in words or "-w" in words else ["--wait"]
        return [*words, *extra, f"{path}:{line}"]
    return [*words, f"+{line}", str(path)]
