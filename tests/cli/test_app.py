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


@pytest.mark.parametrize("command", [[], ["new"], *COMMANDS], ids=lambda c: " ".join(c) or "-")
def test_help_reads_well_at_80_columns(command: list[str]) -> None:
    """No Python types as metavars, no cut summaries, no ID or path wrapped at a hyphen."""
    result = invoke(*command, "--help", env={"COLUMNS": "80"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines), [line for line in lines if len(line) > 80]
    for noise in ("<str>", "<list", "<path>"):
        assert noise not in result.stdout, noise
    assert "{" not in lines[0] and "[[" not in lines[0]  # the usage line
    assert not [line for line in lines if line.rstrip().endswith("-")]
    listing = result.stdout.partition("Commands:")[2]
    assert "..." not in listing  # every summary whole
    examples = result.stdout.partition("Example")[2].splitlines()[1:]
    for line in examples:  # an example line is as written: a command, or its continuation
        assert line.startswith(("    charter ", "      --", "        --")), line


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


def test_completion_of_requirements_parties_sections_and_choices(
    write_project: WriteProject, tmp_path: Path
) -> None:
    root = write_project()
    new = "charter new clause clauses/x.toml"
    assert _complete(f"{new} --covers MAN-2-o", root) == ["MAN-2-objectives"]
    assert _complete(f"{new} --covers MAN", root) == ["MAN-2-objectives", "MAN-2-joint-committee"]
    assert _complete(f"{new} --party ", root) == ["EU", "LAC", "joint"]
    assert _complete("charter list --party L", root) == ["LAC"]
    assert _complete("charter coverage --section ", root) == ["1", "2"]
    assert _complete("charter coverage --kind inst", root) == ["instrument", "institution"]
    assert _complete("charter coverage --level s", root) == ["state"]
    assert _complete("charter list --status a", root) == ["agreed"]
    assert _complete(f"{new} --covers MAN-2-o", tmp_path) == []  # no project: nothing


def test_completion_honours_the_directory_before_or_after_the_command(
    write_project: WriteProject, tmp_path: Path
) -> None:
    root = write_project(root=tmp_path / "repo" / "charter")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert _complete(f"charter -C {root} show joint", elsewhere) == ["joint-committee"]
    assert _complete(f"charter show -C {root} joint", elsewhere) == ["joint-committee"]
    assert _complete(f"charter list -C {root} --party L", elsewhere) == ["LAC"]
    new = f"charter new clause -C {root} clauses/x.toml --covers MAN-2-j"
    assert _complete(new, elsewhere) == ["MAN-2-joint-committee"]
    relative = "charter -C repo coverage -C charter --section 2"
    assert _complete(relative, tmp_path) == ["2"]  # -C after the command, relative to the first


def test_completion_shows_what_each_value_is_in_shells_that_can(
    write_project: WriteProject,
) -> None:
    from typer.testing import CliRunner

    root = write_project()
    environment = {
        "_CHARTER_COMPLETE": "complete_zsh",
        "_TYPER_COMPLETE_ARGS": "charter new clause x.toml --covers MAN-2-o",
    }
    with working_folder(root):
        done = CliRunner().invoke(app, [], env=environment, prog_name="charter")
    assert done.exit_code == 0, done.stderr
    assert "MAN-2-objectives" in done.stdout
    assert "The charter states the objectives the Parties pursue together" in done.stdout


def test_chapters_complete_as_the_draft_numbers_them(tmp_path: Path) -> None:
    import typer
    from typer.main import get_command

    from charter_cli.cli.options import Options, complete_chapters
    from helpers import copy_shipped

    root = copy_shipped(tmp_path / "charter")
    context = typer.Context(get_command(app))
    context.obj = Options(root, debug=False)
    assert complete_chapters(context, "II.")[:2] == [
        ("II.1", "Governance of public security"),
        ("II.2", "Organised crime"),
    ]
    assert complete_chapters(context, "VII") == [
        ("VII", "Institutions and implementation"),
        *[(f"VII.{n}", h) for n, h in enumerate(["Institutions", "Parliamentary "
          "dimension", "Follow-up and review", "Final provisions"], start=1)],
    ]  # fmt: skip
    context.obj = Options(tmp_path, debug=False)
    assert complete_chapters(context, "") == []  # no project here


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


def test_completion_scripts_are_offered(monkeypatch: pytest.MonkeyPatch) -> None:
    """The script for the shell charter runs in (detected from the parent processes)."""
    import typer.completion

    # the test's parents may hold no shell at all (CI runners, a test run inside a test)
    monkeypatch.setattr(typer.completion, "_get_shell_name", lambda: "bash")
    result = invoke("--show-completion")
    assert result.exit_code == 0, result.stderr
    assert "_CHARTER_COMPLETE=complete_bash" in result.stdout
