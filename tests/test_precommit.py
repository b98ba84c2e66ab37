"""The hooks offered to pre-commit are well formed and run what they say."""

import shlex
from typing import Any

import yaml

from helpers import REPO, invoke

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
