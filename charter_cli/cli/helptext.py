"""How ``--help`` reads: usage lines as people write commands, IDs and paths never cut in two.

The tool's IDs and paths are full of hyphens (``GRA-4.1-drugs-eradication-interdiction``,
``build/charter-agreed.md``); Click wraps help text at hyphens by default, so a
copied ID or path would come out in two pieces. Typer writes a required
argument as ``{ID}`` in usage lines; the documentation and every example write
``ID``.
"""

from __future__ import annotations

import re
from typing import Any

from typer._click import _textwrap
from typer._click.core import Context, Parameter
from typer._click.formatting import HelpFormatter
from typer.core import TyperCommand

from charter_cli.cli.quickparams import quicken

_TYPE_LABEL = re.compile(r" <(?:str|path|int|float|list\[str\])>$")
"""The type Typer appends to an argument's name (``ID <str>``); a choice's values stay."""


class _WholeWords(_textwrap.TextWrapper):
    """Click's text wrapper, wrapping at spaces only."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("break_on_hyphens", False)
        super().__init__(*args, **kwargs)


def keep_hyphenated_words() -> None:
    """Wrap help text at spaces only, never inside an ID or a path.

    Click makes a new wrapper for each text from its ``_textwrap`` module, which
    is where the wrapper that keeps hyphenated words whole is put.
    """
    if not issubclass(_textwrap.TextWrapper, _WholeWords):
        _textwrap.TextWrapper = _WholeWords  # type: ignore[misc]


class CharterCommand(TyperCommand):
    """A command whose help names arguments as its examples do: ``ID``, not ``{ID}`` or ``ID <str>``."""

    def get_params(self, ctx: Context) -> list[Parameter]:
        """The parameters, those of simple kinds converted without Pydantic where they can be."""
        params = super().get_params(ctx)
        quicken(params)
        return params

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        """The pieces of the usage line, with Typer's braces around required arguments removed."""
        return [
            piece[1:-1] if piece.startswith("{") and piece.endswith("}") else piece
            for piece in super().collect_usage_pieces(ctx)
        ]

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        """The Arguments and Options sections, arguments named without a Python type."""
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                arguments.append((_TYPE_LABEL.sub("", record[0]), record[1]))
            else:
                options.append(record)
        for title, records in (("Arguments", arguments), ("Options", options)):
            if records:
                with formatter.section(title):
                    formatter.write_dl(records)
