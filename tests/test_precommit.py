"""The hooks offered to pre-commit are well formed and run what they say."""

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import REPO, invoke, need_tool, write_project

# the keys pre-commit requires of a hook, and those it accepts (pre-commit's clientlib)
REQUIRED = {"id", "name", "entry", "language"}
ACCEPTED = REQUIRED | {
    "alias", "files", "exclude", "types", "types_or", "exclude_types", "additional_dependencies",
    "args", "always_run", "fail_fast", "pass_filenames", "description", "language_version",
    "log_file", "require_serial", "stages", "verbose", "minimum_pre_commit_version",
}  # fmt: skip


def _hooks() -> list[dict[str, Any]]:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    return hooks


def test_hooks_are_well_formed() -> None:
    hooks = _hooks()
    assert [hook["id"] for hook in hooks] == ["charter-check", "charter-build"]
    for hook in hooks:
        assert REQUIRED <= set(hook) <= ACCEPTED
        assert hook["language"] == "python"
        assert hook["pass_filenames"] is False  # coverage is a property of the whole library


def test_hook_entries_are_real_commands() -> None:
    for hook in _hooks():
        program, *arguments = shlex.split(hook["entry"])
        assert program == "charter"
        result = invoke("-C", str(REPO), *arguments, "--help")
        assert result.exit_code == 0, hook["entry"]


# The real consumer: pre-commit installs the hooks from a git repository of this package and runs
# them in a repository whose charter project sits in charter/, with the documented configuration.

HOOK_SOURCES = ("pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml", "charter_cli")
"""What pre-commit needs of this repository to install the hooks (``pip install .``)."""
IDENTITY = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
}
CONFIG = """\
repos:
  - repo: {repo}
    rev: {rev}
    hooks:
      - id: charter-check
        args: ["-C", "charter"]
      - id: charter-build
        args: ["-C", "charter"]
"""
"""The configuration docs/checking.md documents for a project in a subfolder."""


def _run(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def _git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    result = _run("git", *args, cwd=cwd, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def _hook_repository(target: Path, env: dict[str, str]) -> str:
    """A git repository of this package's hooks, as pre-commit clones it; its commit."""
    target.mkdir()
    for name in HOOK_SOURCES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / name)
    _git("init", "-q", cwd=target, env=env)
    _git("add", ".", cwd=target, env=env)
    _git("commit", "-q", "-m", "hooks", cwd=target, env=env)
    return _git("rev-parse", "HEAD", cwd=target, env=env)


@pytest.mark.slow
def test_hooks_work_on_a_project_in_a_subfolder(tmp_path: Path) -> None:
    need_tool("git", install="apt-get install git")
    env = {**os.environ, **IDENTITY, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    rev = _hook_repository(tmp_path / "hooks", env)
    repository = tmp_path / "committee"
    write_project(repository / "charter")
    (repository / ".pre-commit-config.yaml").write_text(
        CONFIG.format(repo=tmp_path / "hooks", rev=rev), encoding="utf-8"
    )
    _git("init", "-q", cwd=repository, env=env)
    _git("add", ".", cwd=repository, env=env)

    def run_hooks() -> subprocess.CompletedProcess[str]:
        command = (sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never")
        return _run(*command, cwd=repository, env=env)

    # the starter project ignores build/: the build hook fails instead of passing in silence
    first = run_hooks()
    assert first.returncode == 1, first.stdout + first.stderr
    assert re.search(r"^charter check\.+Passed$", first.stdout, re.MULTILINE)
    assert re.search(r"^charter build\.+Failed$", first.stdout, re.MULTILINE)
    assert "error: git does not track build/charter.md" in first.stdout
    assert "git add charter/build/charter.md" in first.stdout
    draft = repository / "charter" / "build" / "charter.md"
    assert draft.is_file()

    # tracked, the draft is kept up to date: an edit that changes it fails until it is added
    (repository / "charter" / ".gitignore").write_text("", encoding="utf-8")
    _git("add", ".", cwd=repository, env=env)
    assert run_hooks().returncode == 0
    module = repository / "charter" / "clauses" / "provisions" / "objectives.toml"
    module.write_text(
        module.read_text(encoding="utf-8").replace(
            'title = "Objectives"\nstatus', 'title = "Aims"\nstatus'
        )
    )
    _git("add", ".", cwd=repository, env=env)
    edited = run_hooks()
    assert edited.returncode == 1
    assert "files were modified by this hook" in edited.stdout
    assert "Aims" in draft.read_text(encoding="utf-8")
    _git("add", ".", cwd=repository, env=env)
    assert run_hooks().returncode == 0

    # a finding names its file from the repository's root
    module.write_text(module.read_text(encoding="utf-8").replace("MAN-2-objectives", "MAN-2-x"))
    _git("add", ".", cwd=repository, env=env)
    broken = run_hooks()
    assert broken.returncode == 1
    assert re.search(r"^charter check\.+Failed$", broken.stdout, re.MULTILINE)
    assert re.search(
        r"^charter/clauses/provisions/objectives\.toml:\d+: CH204 error: ", broken.stdout, re.M
    )
