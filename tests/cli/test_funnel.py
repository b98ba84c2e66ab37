"""The one error funnel, tested directly on a small app of its own."""

from __future__ import annotations

from typing import Annotated

import pytest
import typer
from typer.testing import CliRunner

from charter_cli.cli.funnel import CharterGroup
from charter_cli.errors import CharterError, ExitCode, WriteRefusedError
from charter_cli.vocabulary import Level


def _app() -> typer.Typer:
    app = typer.Typer(cls=CharterGroup, rich_markup_mode=None, pretty_exceptions_enable=False)

    @app.callback()
    def main(
        debug: Annotated[bool, typer.Option("--debug")] = False,
    ) -> None:
        """A test app."""

    @app.command()
    def ok() -> ExitCode:
        return ExitCode.OK

    @app.command()
    def findings() -> ExitCode:
        return ExitCode.FINDINGS

    @app.command()
    def refused() -> ExitCode:
        raise WriteRefusedError("out.md: exists", hint="pass --force")

    @app.command()
    def boom() -> ExitCode:
        raise RuntimeError("disk on fire")

    @app.command()
    def choose(level: Annotated[Level, typer.Option("--level")]) -> ExitCode:
        return ExitCode.OK

    return app


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(_app(), list(args))
    return result.exit_code, result.stdout, result.stderr


def test_a_returned_exit_code_is_the_exit() -> None:
    assert _run("ok") == (0, "", "")
    assert _run("findings") == (1, "", "")


def test_a_known_error_is_one_line_with_its_hint_and_exit_code() -> None:
    assert _run("refused") == (2, "", "error: out.md: exists (hint: pass --force)\n")


def test_an_unexpected_error_is_one_line_unless_debug() -> None:
    assert _run("boom") == (
        2,
        "",
        "internal error: RuntimeError: disk on fire (run with --debug for the traceback)\n",
    )
    result = CliRunner().invoke(_app(), ["--debug", "boom"])
    assert isinstance(result.exception, RuntimeError)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["bom"], "error: no such command 'bom' (hint: did you mean 'boom'?)"),
        (["zzz"], "error: no such command 'zzz' (hint: run 'root' with --help)"),
        (["ok", "--nope"], "error: no such option: --nope (hint: run 'root ok' with --help)"),
        (
            ["choose", "--level", "regionl"],
            "error: invalid value for '--level': 'regionl' is not one of 'public', 'state', "
            "'regional', 'cross-cutting' (hint: did you mean 'regional'?)",
        ),
    ],
)
def test_usage_errors_are_one_line_too(args: list[str], message: str) -> None:
    code, out, err = _run(*args)
    assert (code, out) == (2, "")
    assert err == message + "\n"


def test_every_charter_error_carries_its_exit_code() -> None:
    error = CharterError("x")
    assert error.exit_code is ExitCode.USAGE
    assert str(CharterError("x", hint="y")) == "x (hint: y)"


def test_an_abort_is_one_line_and_exit_2() -> None:
    app = _app()

    @app.command()
    def stop() -> ExitCode:
        raise typer.Abort

    result = CliRunner().invoke(app, ["stop"])
    assert (result.exit_code, result.stderr) == (2, "aborted\n")


def test_without_standalone_mode_errors_and_codes_reach_the_caller() -> None:
    from typer._click.exceptions import UsageError
    from typer.main import get_command

    group = get_command(_app())
    assert group.main(["ok"], standalone_mode=False) == 0
    with pytest.raises(UsageError):
        group.main(["zzz"], standalone_mode=False)
