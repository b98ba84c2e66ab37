"""The one error funnel: every command's exit code and every error pass through here."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer._click.core import Context, Parameter
from typer._click.exceptions import ClickException, NoArgsIsHelpError
from typer.core import TyperGroup

from charter_cli.cli import console
from charter_cli.cli.quickparams import quicken
from charter_cli.errors import CharterError, ExitCode
from charter_cli.findings import printable


class CharterGroup(TyperGroup):
    """The root command: every error of every command passes through :meth:`invoke` or :meth:`main`.

    A :class:`~charter_cli.errors.CharterError` becomes one ``error:`` line on
    stderr and its exit code; an unexpected exception becomes one ``internal
    error`` line and exit 2, unless ``--debug`` asks for the traceback. Usage
    errors (a misspelt command or option) get the same one-line form.
    """

    def get_params(self, ctx: Context) -> list[Parameter]:
        """The parameters, those of simple kinds converted without Pydantic where they can be."""
        params = super().get_params(ctx)
        quicken(params)
        return params

    def invoke(self, ctx: Context) -> Any:
        """Run the command; map its returned exit code, or its error, to the exit."""
        try:
            code = super().invoke(ctx)
        except (typer.Exit, typer.Abort, ClickException):
            raise
        except BrokenPipeError:  # the reader of stdout left (| head): end quietly, as git does
            raise typer.Exit(console.leave_quietly()) from None
        except CharterError as error:
            _say(f"error: {error}")
            raise typer.Exit(int(error.exit_code)) from None
        except OSError as error:  # the machine refused: a permission, a full disk, a name
            if ctx.params.get("debug"):
                raise
            _say(f"error: {_os_error(error)}")
            raise typer.Exit(int(ExitCode.USAGE)) from None
        except Exception as error:
            if ctx.params.get("debug"):
                raise
            _say(
                f"internal error: {type(error).__name__}: {error} "
                "(run with --debug for the traceback)"
            )
            raise typer.Exit(int(ExitCode.USAGE)) from None
        if isinstance(code, int) and code:
            raise typer.Exit(int(code))
        return code

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command line; a usage error is one ``error:`` line with a hint, exit 2."""
        console.prepare_streams()
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            if sys.stdout is not None:
                sys.stdout.flush()  # a reader that left shows here, not at Python's exit
        except BrokenPipeError:
            if not standalone_mode:
                raise
            sys.exit(console.leave_quietly())
        except NoArgsIsHelpError as error:  # 'charter' or 'charter new' alone: the help, whole
            if not standalone_mode:
                raise
            console.err(error.ctx.get_help() if error.ctx is not None else "")
            sys.exit(error.exit_code)
        except ClickException as error:
            if not standalone_mode:
                raise
            _say(usage_error(error))
            sys.exit(error.exit_code)
        except typer.Abort:
            if not standalone_mode:
                raise
            typer.echo("aborted", err=True)
            sys.exit(int(ExitCode.USAGE))
        if not standalone_mode:
            return code
        sys.exit(int(code) if isinstance(code, int) else 0)


def _say(line: str) -> None:
    """One line on stderr, with whatever came from the files or the command line escaped."""
    console.err(printable(line))


def _os_error(error: OSError) -> str:
    """``path: reason`` for an error of the operating system, e.g. ``clauses: Permission denied``."""
    reason = error.strerror or str(error)
    name = error.filename
    if name is None:
        return reason
    return f"{os.fsdecode(name)}: {reason}"


def usage_error(error: ClickException) -> str:
    """One line for a usage error: ``error: no such option: --nope (hint: ...)``."""
    from charter_cli.suggest import did_you_mean

    message = error.format_message().strip().rstrip(".").replace("Value error, ", "")
    message, _, suggested = message.partition(". Did you mean ")
    message = message[:1].lower() + message[1:]
    hint = f"did you mean {suggested}" if suggested else None
    choice = _INVALID_CHOICE.search(message)
    if choice is not None:
        hint = did_you_mean(choice.group(1), _QUOTED.findall(choice.group(2)))
    ctx = getattr(error, "ctx", None)
    command = ctx.command_path if ctx is not None else "charter"
    return f"error: {message} (hint: {hint or f'run {command!r} with --help'})"


_INVALID_CHOICE = re.compile(r"'([^']*)' is not one of (.*)$")
_QUOTED = re.compile(r"'([^']*)'")
