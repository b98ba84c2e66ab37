"""Outputs named with -o: streams written to, files replaced atomically, inputs never overwritten."""

from __future__ import annotations

import os
import socket
import stat
import threading
from pathlib import Path

import pytest

from charter_cli.errors import WriteRefusedError
from charter_cli.load.loader import load_library
from charter_cli.write.output import (
    Kind,
    named_output,
    output_target,
    own_output,
    project_inputs,
    read_head,
    refuse_inputs,
    write_output,
)
from helpers import WriteProject


def test_dash_and_the_stdout_names_are_standard_output(tmp_path: Path) -> None:
    assert named_output(tmp_path, "-").kind is Kind.STDOUT
    for name in ("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"):
        assert named_output(tmp_path, name).kind is Kind.STDOUT
    link = tmp_path / "out"
    link.symlink_to("/dev/stdout")
    assert output_target(link).kind is Kind.STDOUT  # the same file as stdout, by any name
    with pytest.raises(ValueError, match="standard output"):
        write_output(named_output(tmp_path, "-"), [b"x"])


def test_a_device_is_written_to_never_replaced() -> None:
    target = output_target(Path("/dev/null"))
    assert target.kind is Kind.STREAM
    assert write_output(target, [b"gone"]) is True
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def test_a_descriptor_of_the_shell_is_written_to(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    try:
        target = output_target(Path(f"/dev/fd/{write_end}"))
        assert target.kind is Kind.STREAM
        write_output(target, [b"through ", b"the pipe"])
        assert os.read(read_end, 100) == b"through the pipe"
    finally:
        os.close(read_end)
        os.close(write_end)


def test_a_fifo_is_written_when_read_and_refused_when_no_one_reads(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    target = output_target(fifo)
    assert target.kind is Kind.STREAM
    with pytest.raises(WriteRefusedError, match="no process is reading"):
        write_output(target, [b"lost"])
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    for _ in range(200):  # the reader opens the FIFO in its own time
        try:
            write_output(target, [b"report"])
            break
        except WriteRefusedError:
            threading.Event().wait(0.01)
    reader.join(timeout=10)
    assert received == [b"report"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_link_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    target = output_target(link)
    assert (target.kind, target.path) == (Kind.FILE, real)
    assert write_output(target, [b"new"]) is True
    assert write_output(target, [b"new"]) is False  # unchanged: not rewritten
    assert link.is_symlink()
    assert real.read_bytes() == b"new"
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "made" / "here.txt")
    write_output(output_target(dangling), [b"created"])
    assert (tmp_path / "made" / "here.txt").read_bytes() == b"created"


def test_what_cannot_be_written_is_refused_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(WriteRefusedError, match="is a folder"):
        output_target(tmp_path)
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    with pytest.raises(WriteRefusedError, match="symbolic link that loops"):
        output_target(loop)
    sock = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(sock))
        with pytest.raises(WriteRefusedError, match="is a socket"):
            output_target(sock)
    (tmp_path / "file").write_bytes(b"")
    with pytest.raises(WriteRefusedError, match="cannot write: Not a directory"):
        output_target(tmp_path / "file" / "x")


def test_the_files_of_the_project_are_never_written_over(write_project: WriteProject) -> None:
    root = write_project()
    inputs = project_inputs(load_library(root))
    names = {path.relative_to(root).as_posix() for path in inputs}
    assert {"charter.toml", "sources/mandate.toml", "sources/mandate.txt"} <= names
    assert "clauses/provisions/objectives.toml" in names
    for rel in ("charter.toml", "sources/mandate.txt", "clauses/provisions/objectives.toml"):
        with pytest.raises(WriteRefusedError, match="is a file of the project"):
            refuse_inputs(output_target(root / rel), inputs)
    refuse_inputs(output_target(root / "report.txt"), inputs)  # not an input: fine
    refuse_inputs(output_target(Path("/dev/null")), inputs)  # a stream replaces nothing


def test_its_own_earlier_output_may_be_replaced(
    write_project: WriteProject, tmp_path: Path
) -> None:
    root = write_project()
    report = root / "clauses" / "report.toml"
    report.write_text("charter.toml:3: CH101 error: unknown key (hint: x)\n", encoding="utf-8")
    refuse_inputs(output_target(report), project_inputs(load_library(root)))
    samples = {
        "empty": b"",
        "draft": b'---\ntitle: "T"\ngenerator: charter\n---\n',
        "json": b'{"tool": {"name": "charter", "version": "1"}}',
        "junit": b'<testsuites><testsuite package="charter">',
        "gitlab": b'[{"check_name": "CH101"}]',
        "github": b"::error file=charter.toml,line=3::x",
    }
    for name, content in samples.items():
        path = tmp_path / name
        path.write_bytes(content)
        assert own_output(path), name
    mine = tmp_path / "mine.toml"
    mine.write_bytes(b'[[clause]]\nid = "x"\n')
    assert not own_output(mine)
    assert read_head(tmp_path / "missing") == b""
    assert read_head(tmp_path) == b""
