"""The preview server: the page, its events, rebuilds on change, a clean stop."""

from __future__ import annotations

import http.client
import shutil
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest
from watchfiles import Change

from charter_cli.errors import InvalidInputError
from charter_cli.preview.server import Preview, PreviewServer, Rebuild, _ignored
from charter_cli.vocabulary import Rendering
from helpers import WriteProject

WAIT = 20.0
"""Seconds to wait for something that happens at once (a generous bound, never a measure)."""


@contextmanager
def running(root: Path) -> Iterator[PreviewServer]:
    """A preview server on a free port of this machine, serving from a thread."""
    server = PreviewServer(root, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.close()
        thread.join(WAIT)


def _events(server: PreviewServer) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
    host, port = server.httpd.server_address[:2]
    connection = http.client.HTTPConnection(str(host), int(port), timeout=WAIT)
    connection.request("GET", "/events")
    return connection, connection.getresponse()


def _next_event(response: http.client.HTTPResponse) -> str:
    """The data of the next event, skipping keep-alive comments."""
    while True:
        line = response.readline().decode("ascii")
        if line.startswith("data: "):
            response.readline()  # the blank line that ends the event
            return line.removeprefix("data: ").strip()


def test_the_page_and_its_events(write_project: WriteProject) -> None:
    root = write_project()
    with running(root) as server:
        assert server.url.startswith("http://127.0.0.1:")
        with urlopen(server.url, timeout=WAIT) as reply:  # noqa: S310 - our own server
            assert reply.headers["Content-Type"] == "text/html; charset=utf-8"
            page = reply.read()
        version = server.preview.page.version
        assert f'data-version="{version}"'.encode() in page
        connection, events = _events(server)
        assert events.headers["Content-Type"] == "text/event-stream"
        assert _next_event(events) == version  # the version now, first
        module = root / "clauses" / "provisions" / "objectives.toml"
        module.write_text(
            module.read_text(encoding="utf-8").replace('title = "Objectives"', 'title = "Aims"'),
            encoding="utf-8",
        )
        rebuild = server.preview.rebuild(("clauses/provisions/objectives.toml",))
        assert rebuild.changed and rebuild.analysis is not None
        assert _next_event(events) == server.preview.page.version != version
        assert not server.preview.rebuild().changed  # the same library: nothing announced
        events.close()
        connection.close()
        with pytest.raises(HTTPError) as missing:
            urlopen(server.url + "favicon.ico", timeout=WAIT)  # noqa: S310
        assert missing.value.code == 404
        missing.value.close()


def test_a_change_to_a_file_rebuilds_the_page(write_project: WriteProject) -> None:
    root = write_project()
    rebuilt = threading.Event()
    seen: list[Rebuild] = []

    def on_rebuild(rebuild: Rebuild) -> None:
        seen.append(rebuild)
        if rebuild.changed:
            rebuilt.set()

    with running(root) as server:
        before = server.preview.page.version
        server.start_watching(on_rebuild)
        module = root / "clauses" / "provisions" / "objectives.toml"
        for _ in range(int(WAIT / 0.5)):  # the watcher needs a moment to start watching
            module.write_text(module.read_text(encoding="utf-8") + "\n", encoding="utf-8")
            if rebuilt.wait(0.5):
                break
        assert rebuilt.is_set()
        assert server.preview.page.version != before
        assert "clauses/provisions/objectives.toml" in seen[-1].files


def test_a_library_that_disappears_gets_a_page_saying_so(write_project: WriteProject) -> None:
    root = write_project()
    preview = Preview(root, Rendering.COMPILATION)
    assert preview.rebuild().error is None
    (root / "charter.toml").unlink()
    missing_manifest = preview.rebuild()
    assert missing_manifest.changed and missing_manifest.analysis is not None
    assert b"The draft cannot be assembled" in preview.page.html
    shutil.rmtree(root)
    root.write_text("a file where the project was\n", encoding="utf-8")
    gone = preview.rebuild()
    assert gone.changed and gone.analysis is None
    assert gone.error is not None
    assert b"The library cannot be read: " in preview.page.html


def test_closing_ends_the_event_streams(write_project: WriteProject) -> None:
    preview = Preview(write_project(), Rendering.COMPILATION)
    version = preview.page.version
    assert preview.next_version(version, 0.0) == version  # nothing new yet
    preview.close()
    assert preview.next_version(version, WAIT) is None


def test_an_address_in_use_is_one_clear_error(write_project: WriteProject) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(InvalidInputError) as error:
            PreviewServer(write_project(), port=port)
    assert str(error.value).startswith(f"cannot serve on 127.0.0.1 port {port}: ")
    assert "--port" in str(error.value)


def test_lock_files_never_cause_a_rebuild() -> None:
    assert _ignored(Change.added, "/p/.charter.lock")
    assert _ignored(Change.deleted, "/p/clauses/.objectives.toml.lock")
    assert not _ignored(Change.modified, "/p/clauses/objectives.toml")


def test_an_ipv6_address_is_shown_in_brackets(write_project: WriteProject) -> None:
    if not socket.has_ipv6:
        pytest.skip("no IPv6 on this machine")
    try:
        server = PreviewServer(write_project(), host="::1", port=0)
    except InvalidInputError:
        pytest.skip("no IPv6 loopback on this machine")
    try:
        assert server.url.startswith("http://[::1]:")
    finally:
        server.close()
