"""``charter serve``: the preview page on localhost, rebuilt whenever a file of the library changes.

Three parts, each small: :class:`Preview` holds the current page and rebuilds
it (under the library's shared lock, as ``build`` reads it); :func:`watch`
waits for changes with watchfiles and asks for a rebuild; the HTTP server
(the standard library's, one thread per connection) answers ``/`` with the
page and ``/events`` with a stream of server-sent events, one per new version,
on which the page's script reloads itself. A rebuild that gives the same page
(a change outside the library, a file saved unchanged) announces nothing.

Nothing here prints: what happened is told to the caller through callbacks.
"""

from __future__ import annotations

import gc
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from charter_cli.draft.analysis import Analysis, analyse
from charter_cli.errors import CharterError, InvalidInputError
from charter_cli.preview.page import Page, error_page, preview_page
from charter_cli.vocabulary import Rendering
from charter_cli.write.lock import LIBRARY_LOCK, library_lock

if TYPE_CHECKING:
    from watchfiles import Change

KEEP_ALIVE = 15.0
"""Seconds between two comments on an idle event stream, so that proxies keep it open."""


@dataclass(frozen=True)
class Rebuild:
    """What one rebuild found."""

    changed: bool
    """Whether the page differs from the one before."""
    seconds: float
    analysis: Analysis | None
    """The analysis the page shows, or ``None`` when the library could not be read at all."""
    error: str | None = None
    """Why nothing could be read (no project any more, a lock held too long)."""
    files: tuple[str, ...] = field(default=())
    """The files whose change caused it, relative to the project (none for the first build)."""


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a build makes its graph of objects.

    Left on, it walks that graph again and again as it grows (the 40 % of a check that
    ``entry.py`` saves by turning it off); :meth:`Preview.rebuild` collects once afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Preview:
    """The current page of one library, and the readers waiting for the next one."""

    def __init__(self, root: Path, rendering: Rendering) -> None:
        self.root = root
        self.rendering = rendering
        self._page: Page | None = None
        self._changed = threading.Condition()
        self._closed = False

    def rebuild(self, files: tuple[str, ...] = ()) -> Rebuild:
        """Read the library again and make the page; wake the event streams if it changed."""
        start = time.perf_counter()
        with _collector_paused():
            analysis, error, page = self._build()
        with self._changed:
            changed = self._page is None or page.version != self._page.version
            self._page = page
            if changed:
                self._changed.notify_all()
        seconds = time.perf_counter() - start
        gc.collect()  # the previous build's cycles, once, after the new page is out
        return Rebuild(changed, seconds, analysis, error, files)

    def _build(self) -> tuple[Analysis | None, str | None, Page]:
        try:
            with library_lock(self.root, shared=True):
                analysis = analyse(self.root)
            return analysis, None, preview_page(analysis, self.rendering)
        except (CharterError, OSError) as problem:  # the folder went away, a lock was held
            return None, str(problem), error_page(f"The library cannot be read: {problem}")

    @property
    def page(self) -> Page:
        """The page as last built (built now if it never was)."""
        if self._page is None:
            self.rebuild()
        assert self._page is not None  # noqa: S101 - rebuild always sets it
        return self._page

    def next_version(self, seen: str, timeout: float) -> str | None:
        """The version after ``seen`` once there is one (or ``seen`` after ``timeout``); ``None`` once closed."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or self.page.version != seen, timeout)
            return None if self._closed else self.page.version

    def close(self) -> None:
        """End every event stream."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()


def _ignored(change: Change, path: str) -> bool:
    """Lock files come and go with every read of the library: never a reason to rebuild."""
    name = Path(path).name
    return name == LIBRARY_LOCK or (name.startswith(".") and name.endswith(".lock"))


def watch(preview: Preview, stop: threading.Event, on_rebuild: Callable[[Rebuild], None]) -> None:
    """Rebuild the page after every change in the project's folder, until ``stop`` is set."""
    from watchfiles import DefaultFilter
    from watchfiles import watch as changes_of

    default = DefaultFilter()

    def relevant(change: Change, path: str) -> bool:
        return default(change, path) and not _ignored(change, path)

    for changes in changes_of(
        preview.root,
        watch_filter=relevant,
        stop_event=stop,
        debounce=400,
        step=30,
        raise_interrupt=False,
    ):
        files = sorted({_relative(preview.root, path) for _, path in changes})
        on_rebuild(preview.rebuild(tuple(files)))


def _relative(root: Path, path: str) -> str:
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return path


class _Handler(BaseHTTPRequestHandler):
    """``/``: the page; ``/events``: its versions as server-sent events; anything else: 404."""

    preview: Preview
    server_version = "charter-serve"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path == "/":
            self._page()
        elif path == "/events":
            self._events()
        else:
            self._send(404, b"Not found\n", "text/plain; charset=utf-8")

    def _page(self) -> None:
        self._send(200, self.preview.page.html, "text/html; charset=utf-8")

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        version = self.preview.page.version
        message = f"data: {version}\n\n"
        try:
            while True:
                self.wfile.write(message.encode("ascii"))
                self.wfile.flush()
                following = self.preview.next_version(version, KEEP_ALIVE)
                if following is None:
                    return
                message = f"data: {following}\n\n" if following != version else ": alive\n\n"
                version = following
        except (BrokenPipeError, ConnectionResetError):
            return  # the page was closed or reloaded

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: the command says what matters."""


class PreviewServer:
    """The preview of one library, served on one address and kept up to date."""

    def __init__(
        self,
        root: Path,
        *,
        host: str = "127.0.0.1",
        port: int = 8000,
        rendering: Rendering = Rendering.COMPILATION,
    ) -> None:
        self.preview = Preview(root, rendering)
        handler = type("Handler", (_Handler,), {"preview": self.preview})
        server_class = _IPv6Server if ":" in host else _Server
        try:
            self.httpd = server_class((host, port), handler)
        except OSError as error:
            reason = error.strerror or str(error)
            raise InvalidInputError(
                f"cannot serve on {host} port {port}: {reason}",
                hint="choose another port with --port (0 takes any free one)",
            ) from None
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None

    @property
    def url(self) -> str:
        """Where the page is: ``http://127.0.0.1:8000/``."""
        address = self.httpd.server_address
        host = address[0].decode() if isinstance(address[0], bytes) else str(address[0])
        port = address[1]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"

    def start_watching(self, on_rebuild: Callable[[Rebuild], None]) -> None:
        """Watch the library in a thread of its own; each rebuild is told to ``on_rebuild``."""
        self._watcher = threading.Thread(
            target=watch, args=(self.preview, self._stop, on_rebuild), daemon=True
        )
        self._watcher.start()

    def serve_forever(self) -> None:
        """Answer requests until :meth:`shutdown` is called (or the process is interrupted)."""
        self.httpd.serve_forever(poll_interval=0.2)

    def shutdown(self) -> None:
        """Stop :meth:`serve_forever` from another thread."""
        self.httpd.shutdown()

    def close(self) -> None:
        """Stop watching, end the event streams and free the address."""
        self._stop.set()
        self.preview.close()
        self.httpd.server_close()
        if self._watcher is not None:
            self._watcher.join(timeout=5)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class _IPv6Server(_Server):
    address_family = socket.AF_INET6
