"""Reproducible drafts and nothing lost: builds in other environments, builds killed mid-write."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import WriteProject

STALL_AT_FSYNC = """
import os, sys, time
real_fsync = os.fsync
def stall(fd):
    real_fsync(fd)
    sys.stderr.write("WRITING\\n")
    sys.stderr.flush()
    time.sleep(120)
os.fsync = stall
sys.argv = ["charter", *sys.argv[1:]]
from charter_cli.cli.app import main
main()
"""


def _build(project: Path, *, cwd: Path, env: dict[str, str], args: tuple[str, ...] = ()) -> bytes:
    environment = {**os.environ, **env}
    done = subprocess.run(
        [sys.executable, "-m", "charter_cli", *args, "build", "-o", "-"],
        cwd=cwd,
        env=environment,
        capture_output=True,
        check=True,
        timeout=120,
    )
    return done.stdout


def test_the_same_library_builds_the_same_bytes_everywhere(
    write_project: WriteProject, tmp_path: Path
) -> None:
    root = write_project()
    reference = _build(root, cwd=root, env={})
    variants = [
        (root, {"PYTHONHASHSEED": "1"}, ()),
        (root, {"PYTHONHASHSEED": "4242"}, ()),
        (root, {"TZ": "Pacific/Auckland"}, ()),
        (root, {"LC_ALL": "C", "LANG": "C"}, ()),
        (root, {"LC_ALL": "es_ES.UTF-8", "LANG": "es_ES.UTF-8"}, ()),
        (root / "clauses" / "provisions", {}, ()),
        (tmp_path, {}, ("-C", str(root))),
    ]
    for cwd, env, args in variants:
        assert _build(root, cwd=cwd, env=env, args=args) == reference, (cwd, env)
    # the same files created in another order, in another folder: the file system lists them
    # differently, and the paths on disk differ, but the draft is the same
    copy = tmp_path / "elsewhere" / "copy"
    for path in sorted(root.rglob("*"), reverse=True):
        target = copy / path.relative_to(root)
        if path.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    assert _build(copy, cwd=copy, env={}) == reference


def _kill_while_writing(args: list[str], cwd: Path) -> None:
    """Run charter, stop it after the new file is written but before it is renamed into place."""
    with subprocess.Popen(
        [sys.executable, "-c", STALL_AT_FSYNC, *args],
        cwd=cwd,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    ) as process:
        assert process.stderr is not None
        line = process.stderr.readline()
        assert line == "WRITING\n", line
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_a_build_killed_while_writing_leaves_the_previous_draft(
    write_project: WriteProject,
) -> None:
    root = write_project()
    subprocess.run(
        [sys.executable, "-m", "charter_cli", "-C", str(root), "build"],
        check=True,
        capture_output=True,
    )
    draft = root / "build" / "charter.md"
    previous = draft.read_bytes()
    module = root / "clauses" / "provisions" / "objectives.toml"
    module.write_text(
        module.read_text(encoding="utf-8").replace("together", "jointly"), encoding="utf-8"
    )
    _kill_while_writing(["-C", str(root), "build"], cwd=root)
    assert draft.read_bytes() == previous
    leftovers = [p.name for p in draft.parent.iterdir() if p.name != "charter.md"]
    assert all(
        name.startswith(".charter.md.") and name.endswith((".tmp", ".lock")) for name in leftovers
    )
    subprocess.run(
        [sys.executable, "-m", "charter_cli", "-C", str(root), "build"],
        check=True,
        capture_output=True,
    )
    assert draft.read_bytes() != previous  # the next build completes normally


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_new_clause_killed_while_writing_leaves_the_module(write_project: WriteProject) -> None:
    root = write_project()
    module = root / "clauses" / "provisions" / "objectives.toml"
    before = module.read_bytes()
    args = ["-C", str(root), "new", "clause", "clauses/provisions/objectives.toml", "--id", "more",
            "--title", "More", "--text", "The Parties shall do more."]  # fmt: skip
    _kill_while_writing(args, cwd=root)
    assert module.read_bytes() == before
