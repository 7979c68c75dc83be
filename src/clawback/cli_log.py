"""Commands for the privilege log: what it says of a logged document, the log written as the
record stands, its served versions and what changed between two. Each is one call on the
service API."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from clawback.cli import (
    DEFAULT_WS,
    WorkspaceOption,
    _day,
    _record,
    _required_day,
    app,
    one_line_errors,
    out,
)
from clawback.domain.counts import counted


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


@app.command("privilege-log")
@one_line_errors
def privilege_log(
    ctx: typer.Context,
    csv_path: Annotated[Path, typer.Option("--csv")] = Path("privilege-log.csv"),
    xlsx_path: Annotated[Path, typer.Option("--xlsx")] = Path("privilege-log.xlsx"),
    serve_on: Annotated[str | None, typer.Option(help="Keep this version as served.")] = None,
    note: str = "",
    categorical: Annotated[
        bool, typer.Option(help="One row per category (privilege, kind, basis), with counts.")
    ] = False,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Write the privilege log as the record stands (CSV and XLSX); --serve-on keeps it as
    served that day, so later versions can be compared (privilege-log-diff)."""
    from clawback.service import exports

    record = _record(ctx, workspace)
    record.may_deliver(csv_path, xlsx_path)
    if serve_on is not None:
        version, sha = record.privilege_log.serve(_required_day(serve_on), note)
        out.print(f"served as version {version} (sha256 {sha})")
    if categorical:
        grouped = record.privilege_log.categorical()
        record.deliver(csv_path, exports.categorical_log_csv(grouped), "privilege_log")
        record.deliver(xlsx_path, exports.categorical_log_xlsx(grouped), "privilege_log")
        out.print(f"{counted(len(grouped), 'category', 'categories')}: {csv_path}, {xlsx_path}")
        return
    rows = record.privilege_log.rows()
    record.deliver(csv_path, exports.privilege_log_csv(rows), "privilege_log")
    record.deliver(xlsx_path, exports.privilege_log_xlsx(rows), "privilege_log")
    out.print(f"{counted(len(rows), 'entry', 'entries')}: {csv_path}, {xlsx_path}")


@app.command("privilege-log-diff")
@one_line_errors
def privilege_log_diff(
    ctx: typer.Context,
    before: Annotated[int, typer.Argument(help="A served version.")],
    after: Annotated[int, typer.Argument(help="A later served version.")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """What changed in the privilege log between two served versions."""
    from clawback.service import exports

    text = exports.describe_changes(_record(ctx, workspace).privilege_log.diff(before, after))
    out.print(text.rstrip())
