"""The one error funnel, tested directly on a small app of its own."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import pytest
import typer
from typer.testing import CliRunner

from charter_cli.cli.funnel import CharterGroup
from charter_cli.errors import CharterError, ExitCode, WriteRefusedError
from charter_cli.vocabulary import Level
from helpers import OBJECTIVES_BAD_COVER, REPO, WriteProject


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


def _charter(
    *args: str, env: dict[str, str] | None = None, close_stdout: bool = False
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "charter_cli", *args],
        check=False,
        stdout=subprocess.DEVNULL if close_stdout else subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=60,
        env=env,
        preexec_fn=(lambda: os.close(1)) if close_stdout else None,
    )


def test_a_reader_that_leaves_early_ends_the_run_quietly() -> None:
    with subprocess.Popen(  # the shipped draft is larger than a pipe holds
        [sys.executable, "-m", "charter_cli", "-C", str(REPO), "build", "-o", "-"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        assert process.stdout.readline() == b"---\n"  # like 'charter build -o - | head -1'
        process.stdout.close()
        stderr = process.stderr.read() if process.stderr else b""
        assert process.wait(timeout=60) == 141  # 128 + SIGPIPE, what a shell shows for git
    assert stderr == b""


def test_a_closed_or_ascii_stdout_is_one_clear_line(write_project: WriteProject) -> None:
    root = write_project({"clauses/provisions/objectives.toml": OBJECTIVES_BAD_COVER})
    closed = _charter("-C", str(root), "check", close_stdout=True)
    assert closed.returncode == ExitCode.USAGE
    assert closed.stderr.decode().splitlines() == [
        "error: standard output is closed; nothing could be written (hint: give a file with -o, "
        "or do not close standard output (>&-))"
    ]
    ascii_only = _charter("-C", str(root), "show", "objectives",
                          env={**os.environ, "PYTHONIOENCODING": "ascii"})  # fmt: skip
    assert ascii_only.returncode == 0, ascii_only.stderr
    assert b"Article 1 \\u2014 Objectives" in ascii_only.stdout


def test_an_error_of_the_system_is_one_line(tmp_path: Path) -> None:
    @contextmanager
    def app() -> Iterator[typer.Typer]:
        application = _app()

        @application.command()
        def denied() -> ExitCode:
            raise PermissionError(13, "Permission denied", str(tmp_path / "x\x1b[2J"))

        @application.command()
        def nameless() -> ExitCode:
            raise OSError(28, "No space left on device")

        yield application

    with app() as application:
        result = CliRunner().invoke(application, ["denied"])
        assert (result.exit_code, result.stderr) == (
            2,
            f"error: {tmp_path}/x\\x1b[2J: Permission denied\n",
        )
        result = CliRunner().invoke(application, ["nameless"])
        assert result.stderr == "error: No space left on device\n"
        with pytest.raises(OSError, match="No space"):
            CliRunner().invoke(application, ["--debug", "nameless"], catch_exceptions=False)


def test_a_group_without_a_command_shows_its_help_whole() -> None:
    from helpers import invoke

    for args in ([], ["new"]):
        result = invoke(*args)
        assert result.exit_code == 2
        assert result.stderr.startswith(f"Usage: charter {' '.join(args)}".rstrip() + " [OPTIONS]")
        assert "Commands:\n" in result.stderr and "\\n" not in result.stderr
