"""``charter serve``: a live preview of the draft, with its coverage map, in the browser."""

from __future__ import annotations

from typing import Annotated

import typer

from charter_cli.cli.options import CommandDirectory, options
from charter_cli.errors import ExitCode
from charter_cli.vocabulary import Rendering


def serve(
    ctx: typer.Context,
    port: Annotated[
        int,
        typer.Option(
            "--port",
            help="The port to listen on; 0 takes any free one.",
            min=0,
            max=65535,
            metavar="N",
        ),
    ] = 8000,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="The address to listen on. Only this machine can connect to the default; "
            "0.0.0.0 opens the preview to the network.",
            metavar="ADDRESS",
        ),
    ] = "127.0.0.1",
    text: Annotated[
        Rendering,
        typer.Option("--text", help="compilation, agreed or clean: the text to show."),
    ] = Rendering.COMPILATION,
    run_in: CommandDirectory = None,
) -> ExitCode:
    """Serve a live preview of the draft beside its coverage map.

    The page shows the text, the coverage map and the findings of check. The page is rebuilt whenever a file of the library changes and the browser
    reloads it. Each cell of the map (level by kind, coloured by the share of
    requirements covered, and covered only by open text) lists its
    requirements and the articles that cover them; each article names what it
    implements. Ctrl-C stops the server.

    Example: charter serve --port 8001 --text agreed
    """
    import gc

    from charter_cli.cli import console
    from charter_cli.cli.views.summaries import draft_summary
    from charter_cli.preview.server import PreviewServer, Rebuild

    # entry.py turns the cycle collector off because a one-shot command's objects all live
    # until it exits. This command rebuilds the library at every change for as long as it
    # runs: without the collector, every rebuild's graph of objects would stay in memory.
    gc.enable()
    root = options(ctx).root()
    server = PreviewServer(root, host=host, port=port, rendering=text)

    def report(rebuild: Rebuild) -> None:
        if rebuild.error is not None:
            console.err(f"error: {rebuild.error}")
        elif rebuild.analysis is not None and rebuild.changed:
            summary = draft_summary(rebuild.analysis)
            why = f"rebuilt after {', '.join(rebuild.files)} changed" if rebuild.files else "built"
            console.err(f"{why} in {rebuild.seconds:.2f}s: {summary}")

    try:
        report(server.preview.rebuild())
        server.start_watching(report)
        console.err(f"serving the draft at {server.url} (Ctrl-C to stop)")
        server.serve_forever()
    except KeyboardInterrupt:
        console.err("stopped")
    finally:
        server.close()
    return ExitCode.OK
