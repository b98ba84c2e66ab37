import os
from pathlib import Path

import pytest

from charter_cli.errors import InvalidInputError, ProjectNotFoundError
from charter_cli.load.project import (
    find_repository_root,
    find_root,
    inside,
    relative,
    tracked_by_git,
)
from helpers import invoke


def test_finds_the_manifest_walking_up(tmp_path: Path) -> None:
    (tmp_path / "charter.toml").write_text("", encoding="utf-8")
    deep = tmp_path / "clauses" / "a" / "b"
    deep.mkdir(parents=True)
    assert find_root(deep) == tmp_path.resolve()


def test_no_manifest_and_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ProjectNotFoundError, match=r"no charter\.toml"):
        find_root(tmp_path)
    with pytest.raises(ProjectNotFoundError, match="not a folder"):
        find_root(tmp_path / "missing")


def test_relative_and_inside(tmp_path: Path) -> None:
    assert relative(tmp_path, tmp_path / "a" / "b.toml") == "a/b.toml"
    assert inside(tmp_path, tmp_path / "a" / ".." / "b")
    assert not inside(tmp_path, tmp_path / ".." / "elsewhere")
    link = tmp_path / "link"
    link.symlink_to(tmp_path.parent)
    assert not inside(tmp_path, link / "x")


def test_a_loop_or_an_odd_manifest_is_named(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    with pytest.raises(ProjectNotFoundError, match="cannot be followed"):
        find_root(loop)
    result = invoke("-C", str(loop), "check")
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {loop}: is a symbolic link that loops\n",
    )
    os.mkfifo(tmp_path / "charter.toml")
    assert find_root(tmp_path) == tmp_path  # found, and reported as a FIFO when read
    result = invoke("-C", str(tmp_path), "check")
    assert result.exit_code == 2
    assert result.stdout.startswith("charter.toml: CH001 error: is a FIFO (named pipe)")


def test_repository_root_is_the_nearest_folder_holding_git(tmp_path: Path) -> None:
    project = tmp_path / "repo" / "charter" / "clauses"
    project.mkdir(parents=True)
    assert find_repository_root(project) is None
    (tmp_path / "repo" / ".git").mkdir()
    assert find_repository_root(project) == (tmp_path / "repo").resolve()
    (tmp_path / "repo" / "charter" / ".git").write_text("gitdir: elsewhere\n", encoding="utf-8")
    assert find_repository_root(project) == (tmp_path / "repo" / "charter").resolve()  # a worktree


def test_tracked_by_git_needs_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    with pytest.raises(InvalidInputError, match="cannot ask git"):
        tracked_by_git(tmp_path / "x.md")
