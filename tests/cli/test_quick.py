"""``charter check`` answered before Typer: only from a record that holds, and exactly as recorded."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from charter_cli.cli.quick import _parse, quick_check
from helpers import OBJECTIVES_BAD_COVER, edit_project, invoke, write_project

MODULE = "clauses/provisions/objectives.toml"


def _project(tmp_path: Path) -> Path:
    root = write_project(tmp_path / "project", {MODULE: OBJECTIVES_BAD_COVER})
    for path in root.rglob("*"):
        os.utime(path, (1e9, 1e9))  # saved long before the run: not "racily clean"
    return root


def _quick(
    args: list[str], capsys: pytest.CaptureFixture[str], **env: str
) -> tuple[int | None, str, str]:
    code = quick_check(args, {"CHARTER_CACHE_DIR": os.environ["CHARTER_CACHE_DIR"], **env})
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", "--strict"],
        ["--strict", "check"],  # not the plain form: the full command
    ],
)
def test_a_recorded_check_is_replayed_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    root = _project(tmp_path)
    full = invoke("-C", str(root), *args)
    capsys.readouterr()
    code, out, err = _quick(["-C", str(root), *args], capsys)
    if args[0] != "check":
        assert code is None
        return
    assert (code, out, err) == (full.exit_code, full.stdout, full.stderr)
    assert full.exit_code == 1
    assert out


def test_a_change_means_the_full_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project(tmp_path)
    invoke("-C", str(root), "check")
    edit_project(root, {MODULE: OBJECTIVES_BAD_COVER.replace("Objectives", "Aims")})
    assert _quick(["-C", str(root), "check"], capsys)[0] is None
    again = invoke("-C", str(root), "check")
    plain = invoke("--no-cache", "-C", str(root), "check")
    assert (again.exit_code, again.stdout, again.stderr) == (
        plain.exit_code,
        plain.stdout,
        plain.stderr,
    )


@pytest.mark.parametrize(
    "env",
    [{"CHARTER_NO_CACHE": "1"}, {"CHARTER_NO_CACHE": "yes"}, {"CHARTER_OUTPUT_FORMAT": "github"}],
)
def test_no_replay_without_the_cache_or_for_github(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], env: dict[str, str]
) -> None:
    root = _project(tmp_path)
    invoke("-C", str(root), "check")
    assert _quick(["-C", str(root), "check"], capsys, **env)[0] is None


def test_an_interrupted_edit_is_recovered_by_the_full_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from charter_cli.write.transaction import JOURNAL

    root = _project(tmp_path)
    invoke("-C", str(root), "check")
    (root / JOURNAL).write_text("{}", encoding="utf-8")
    assert _quick(["-C", str(root), "check"], capsys)[0] is None


@pytest.mark.parametrize(
    ("argv", "parsed"),
    [
        (["check"], (None, False)),
        (["check", "--strict"], (None, True)),
        (["-C", "a", "check"], ("a", False)),
        (["--directory", "a", "check", "--strict"], ("a", True)),
        (["check", "-C", "b"], ("b", False)),
        (["-C", "a", "check", "-C", "b"], (str(Path("a") / "b"), False)),
        (["check", "--output-format", "json"], None),
        (["check", "-o", "x"], None),
        (["build"], None),
        (["--no-cache", "check"], None),
        (["-C", "", "check"], None),
        (["check", "-C"], None),
    ],
)
def test_only_the_plainest_command_lines_are_read(
    argv: list[str], parsed: tuple[str | None, bool] | None
) -> None:
    assert _parse(argv) == parsed
