"""Commands for what the privilege log says of a logged document. Each is one call on the
service API."""

from __future__ import annotations

from typing import Annotated

import typer

from clawback.cli import DEFAULT_WS, WorkspaceOption, _day, _record, app, one_line_errors, out


@app.command("log-entry")
@one_line_errors
def log_entry(
    ctx: typer.Context,
    exhibit: Annotated[int, typer.Argument(help="The logged document's exhibit number.")],
    date: Annotated[str | None, typer.Option("--date", help="The document's date.")] = None,
    author: Annotated[str | None, typer.Option(help="Its author.")] = None,
    recipient: Annotated[
        list[str] | None, typer.Option(help='A recipient (repeat for each; "" clears them).')
    ] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Set a logged document's date, author and recipients, as the privilege log shows them."""
    kept = _record(ctx, workspace).privilege_log.describe(
        exhibit, on=_day(date), author=author, recipients=recipient
    )
    said = ", ".join(f"{k} {v!r}" for k, v in kept.items())
    out.print(f"Ex. {exhibit}: {said}")
