"""``charter serve``: it says where it serves, serves the page, and Ctrl-C ends it with exit 0."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path
from urllib.request import urlopen

from charter_cli.errors import ExitCode
from helpers import WriteProject, invoke

WAIT = 30.0


def test_serve_until_interrupted(write_project: WriteProject) -> None:
    root = write_project()
    process = subprocess.Popen(
        [sys.executable, "-m", "charter_cli", "serve", "--port", "0", "-C", str(root)],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stderr is not None
        first = process.stderr.readline()
        assert first.startswith("built in ")
        assert first.endswith(
            ": 2 articles, 1 recital; 2 of 2 requirements covered; 5 files read\n"
        )
        serving = process.stderr.readline()
        assert serving.startswith("serving the draft at http://127.0.0.1:")
        url = serving.split(" at ", 1)[1].split(" ", 1)[0]
        with urlopen(url, timeout=WAIT) as reply:  # noqa: S310 - our own server
            assert b"<h1>Test Charter</h1>" in reply.read()
        process.send_signal(signal.SIGINT)
        stdout, rest = process.communicate(timeout=WAIT)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == ExitCode.OK
    assert rest == "stopped\n"
    assert stdout == ""


def test_serve_on_an_address_in_use_is_one_error_line(write_project: WriteProject) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = invoke("-C", str(write_project()), "serve", "--port", str(port))
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith(f"error: cannot serve on 127.0.0.1 port {port}: ")
    assert result.stderr.endswith(
        "(hint: choose another port with --port (0 takes any free one))\n"
    )


def test_serve_outside_a_project_says_so(tmp_path: Path) -> None:
    result = invoke("-C", str(tmp_path), "serve", "--port", "0")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith("error: no charter.toml")
