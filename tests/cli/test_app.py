"""The app as a whole: version, help, usage errors, completion."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from charter_cli import __version__
from charter_cli.cli.app import app
from charter_cli.errors import ExitCode
from helpers import REPO, WriteProject, invoke, working_folder


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == ExitCode.OK
    assert result.stdout == f"charter {__version__}\n"


def _commands() -> list[list[str]]:
    """Every command path of the app, read from the app itself (``new clause`` included)."""
    from typer.main import get_command

    def walk(command: Any, path: list[str]) -> list[list[str]]:
        children = getattr(command, "commands", None)
        if not children:
            return [path]
        return [found for name, child in children.items() for found in walk(child, [*path, name])]

    return walk(get_command(app), [])


COMMANDS = _commands()


def test_the_app_has_the_commands_the_readme_documents() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(COMMANDS) >= 9
    for path in COMMANDS:
        assert f"### `charter {' '.join(path)}" in readme, path


def test_help_lists_every_command() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    listed = {
        line.split()[0] for line in result.stdout.split("Commands:")[1].splitlines() if line.strip()
    }
    assert listed == {path[0] for path in COMMANDS}


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_help_shows_an_example(command: list[str]) -> None:
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert f"charter {' '.join(command)}" in result.stdout.split("Example", 1)[1]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_takes_directory_after_its_name(command: list[str]) -> None:
    """pre-commit appends a hook's args after the command: ``charter check -C DIR`` must work."""
    result = invoke(*command, "--help")
    assert "-C, --directory DIR" in result.stdout


def test_directory_after_the_command_is_the_global_one(tmp_path: Path) -> None:
    from helpers import write_project

    project = write_project(tmp_path / "repo" / "charter")
    before = invoke("-C", str(project), "list", "modules")
    after = invoke("list", "modules", "-C", str(project))
    assert after.exit_code == before.exit_code == ExitCode.OK
    assert after.stdout == before.stdout
    nested = invoke("-C", str(tmp_path / "repo"), "list", "modules", "-C", "charter")
    assert nested.stdout == before.stdout  # relative to the global -C, as git -C does
    in_folder = invoke("check", "-C", "charter", "--strict", cwd=tmp_path / "repo")
    assert in_folder.exit_code == ExitCode.OK, in_folder.stderr


def test_unknown_option_is_a_usage_error() -> None:
    result = invoke("check", "--nope")
    assert result.exit_code == ExitCode.USAGE


def test_no_project_is_exit_2_with_a_hint(tmp_path: Path) -> None:
    result = invoke("-C", str(tmp_path), "check")
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: no charter.toml in {tmp_path}")
    assert "charter init DIR" in result.stderr


def _complete(words: str, cwd: Path) -> list[str]:
    """Ask for completions as the shell does (bash's protocol), in-process."""
    from typer.testing import CliRunner

    environment = {
        "_CHARTER_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split(" ")) - 1),
    }
    with working_folder(cwd):
        done = CliRunner().invoke(app, [], env=environment, prog_name="charter")
    assert done.exit_code == 0, done.stderr
    return done.stdout.split()


def test_shell_completion_of_commands_choices_and_ids(
    write_project: WriteProject, tmp_path: Path
) -> None:
    root = write_project()
    assert _complete("charter co", root) == ["coverage"]
    assert _complete("charter check --output-format j", root) == ["json", "junit"]
    assert _complete("charter list requirements --level c", root) == ["cross-cutting"]
    assert _complete("charter show joint", root) == ["joint-committee"]
    assert _complete("charter show MAN-2-o", root) == ["MAN-2-objectives"]
    assert _complete(f"charter -C {root} show joint", tmp_path) == ["joint-committee"]
    assert _complete("charter show joint", tmp_path) == []  # no project here: nothing to offer


def test_the_installed_command_completes(write_project: WriteProject) -> None:
    """The same protocol through the real entry point, as the shell runs it."""
    root = write_project()
    environment = {
        **os.environ,
        "_CHARTER_COMPLETE": "complete_bash",
        "COMP_WORDS": "charter show joint",
        "COMP_CWORD": "2",
    }
    done = subprocess.run(
        [sys.executable, "-m", "charter_cli"],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert done.stdout.split() == ["joint-committee"]


def test_completion_scripts_are_offered() -> None:
    result = invoke("--show-completion", "bash")
    assert result.exit_code == 0
    assert "_CHARTER_COMPLETE=complete_bash" in result.stdout
