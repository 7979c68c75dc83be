"""Commands that read the record as the person may see it: a document, a page's text or
picture, a search, an export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from clawback.cli import (
    DEFAULT_WS,
    WorkspaceOption,
    _bates,
    _doc,
    _record,
    app,
    err,
    one_line_errors,
    out,
)


@app.command()
@one_line_errors
def show(
    ctx: typer.Context,
    document: Annotated[str, typer.Argument(help="Exhibit number, control or Bates number.")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """What the record holds about a document: Bates range, designations, items, claims."""
    shown = _record(ctx, workspace).reads.show(_doc(document))
    out.print_json(json.dumps(shown))
    for warning in shown.get("warnings", []):
        err.print(f"warning: {warning}")


@app.command()
@one_line_errors
def text(
    ctx: typer.Context,
    bates: Annotated[str, typer.Argument(help="Bates number of a produced page.")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """The text of one page, as you may read it."""
    record = _record(ctx, workspace)
    page = _bates(bates)
    out.print(record.reads.page_text(page))
    for warning in record.reads.page_warnings(page):
        err.print(f"warning: {warning}")


@app.command()
@one_line_errors
def image(
    ctx: typer.Context,
    bates: Annotated[str, typer.Argument(help="Bates number of a produced page.")],
    png: Annotated[Path, typer.Option("--png", help="Where to write the PNG.")],
    dpi: int = 72,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """A picture of one page (a thumbnail at a low --dpi), as you may see it."""
    record = _record(ctx, workspace)
    record.may_deliver(png)
    record.deliver(png, record.reads.page_image(_bates(bates), dpi), "page_image")
    out.print(f"{bates}: {png}")


@app.command()
@one_line_errors
def search(
    ctx: typer.Context,
    query: Annotated[
        str,
        typer.Argument(
            help='Words (all of them), "a phrase", prefix*, AND/OR/NOT, ( ), NEAR(a b, 5).'
        ),
    ],
    limit: int = 50,
    offset: int = 0,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Pages holding the words, among those you may see, produced or not, with snippets."""
    hits = _record(ctx, workspace).reads.search(query, limit, offset)
    for hit in hits:
        out.print(f"{hit.name}  {hit.snippet}")
    shown = f"{offset + 1}-{offset + len(hits)} of " if hits else ""
    out.print(f"{shown}{hits.shown_total} page{'' if hits.total == 1 and not hits.more else 's'}")


@app.command()
@one_line_errors
def export(
    ctx: typer.Context,
    documents: Annotated[list[str], typer.Argument(help="Documents to export.")],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the PDFs.")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Write documents as PDFs, each in the version you may see."""
    for path in _record(ctx, workspace).reads.export([_doc(d) for d in documents], out_dir):
        out.print(str(path))
