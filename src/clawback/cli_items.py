"""Commands that name what a claim or ruling points at: an item (a text span, a rectangle or a
whole page), or every match of a pattern on the produced pages."""

from __future__ import annotations

from typing import Annotated

import typer

from clawback.cli import (
    DEFAULT_WS,
    WorkspaceOption,
    _bates,
    _doc,
    _record,
    app,
    one_line_errors,
    out,
)
from clawback.domain.counts import counted
from clawback.domain.errors import ClawbackError


@app.command()
@one_line_errors
def item(
    ctx: typer.Context,
    document: str,
    item_id: str,
    page: Annotated[str, typer.Option(help="Bates number of the page.")],
    what: Annotated[str, typer.Option(help="A description that does not reveal it.")],
    text: Annotated[list[str] | None, typer.Option(help="Exact text on the page.")] = None,
    whole_page: bool = False,
    rect: Annotated[
        str | None,
        typer.Option(help="x0,y0,x1,y1 in points on the produced page, origin top-left."),
    ] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Name an item (a text span, a rectangle or a whole page) a claim or ruling can point at."""
    box = _rect(rect) if rect is not None else None
    _record(ctx, workspace).items.define(
        _doc(document), item_id, _bates(page), what, text or (), whole_page, box
    )
    out.print(f"item {item_id} on {page}")


def _rect(value: str) -> tuple[float, ...]:
    try:
        numbers = tuple(float(part) for part in value.split(","))
    except ValueError:
        numbers = ()
    if len(numbers) != 4:
        raise ClawbackError(f"--rect {value!r}: give four numbers x0,y0,x1,y1 in points")
    return numbers


@app.command()
@one_line_errors
def hits(
    ctx: typer.Context,
    pattern: Annotated[str, typer.Argument(help="A regular expression, e.g. [A-Z]{3}-\\d{4}.")],
    make_items: Annotated[
        str | None, typer.Option(help="Confirm: make the hits items named PREFIX-1, -2, ...")
    ] = None,
    what: Annotated[str, typer.Option(help="The items' description.")] = "",
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Every match of a pattern on the produced pages, to review; --make-items confirms them."""
    record = _record(ctx, workspace)
    found = record.items.pattern_hits(pattern)
    for h in found:
        out.print(f"{h.bates}  {h.text}  ...{h.snippet}...")
    if make_items is not None:
        if not what:
            raise ClawbackError("--make-items needs --what (a description that does not reveal)")
        made = record.items.from_hits(found, make_items, what)
        out.print(f"{counted(len(made), 'item')}: {', '.join(made)}")
