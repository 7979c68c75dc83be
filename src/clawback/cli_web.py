"""Commands for what the server hands out: tracing a copy found elsewhere to its person."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from clawback.cli import DEFAULT_WS, WorkspaceOption, _record, app, one_line_errors, out
from clawback.domain.errors import DocumentError, InvalidInput

#: Largest file traced (a scan of a few pages is far less).
MAX_TRACE_BYTES = 200 << 20


@app.command()
@one_line_errors
def trace(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(help="A copy found elsewhere: a PDF, or a picture (scan, photo, crop)."),
    ],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Name the person a copy was served to, when, and what it was, from its trace mark
    (read from its text, else by OCR); exit status 1 when it carries no code."""
    if file.stat().st_size > MAX_TRACE_BYTES:
        raise InvalidInput(f"{file.name}: over {MAX_TRACE_BYTES >> 20} MiB, too large to trace")
    try:
        found = _record(ctx, workspace).tracing.trace(file.read_bytes())
    except DocumentError as exc:
        raise DocumentError(f"{file.name}: {exc}") from None
    if found is None:
        out.print(f"{file.name}: no trace code found (not a copy clawback marked)")
        raise typer.Exit(1)
    out.print(f"{file.name}: {found}")


@app.command()
@one_line_errors
def serve(
    workspace: WorkspaceOption = DEFAULT_WS,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(help="Server processes answering at once (default: one per core)."),
    ] = None,
    drawing: Annotated[
        int,
        typer.Option(
            help="Processes each server process draws page pictures in, apart from its "
            "requests (0: in the request's own thread, which stalls the others meanwhile)."
        ),
    ] = 1,
    proxy: Annotated[
        str | None,
        typer.Option(
            help="The IP address of the TLS proxy in front, whose X-Forwarded-For names each "
            "client (log-ins are throttled by it); left out, no such header is believed."
        ),
    ] = None,
) -> None:
    """Serve the web app and its JSON API (/api) over the workspace, for people with a login."""
    from clawback.web.server import default_workers
    from clawback.web.server import serve as run

    run(workspace, host, port, default_workers() if workers is None else workers, drawing, proxy)
