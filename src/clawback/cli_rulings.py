"""Commands for what orders set besides rulings: acts with a party and a period or a fixed
date, and the court's own closures. Each is one call on the service API."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, TypeVar

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
from clawback.domain.acts import ActKind, OrderedAct, Party
from clawback.domain.errors import InvalidInput

closure_app = typer.Typer(help="Days the court's clerk's office was inaccessible (FRCP 6(a)(3)).")
app.add_typer(closure_app, name="closure")


@app.command("act")
@one_line_errors
def act(
    ctx: typer.Context,
    what: Annotated[str, typer.Argument(help="The act in the order's words: a verb phrase.")],
    party: Annotated[str, typer.Option(help="producing, receiving or both.")],
    order_date: Annotated[str, typer.Option(help="Date of the order that sets it.")],
    kind: Annotated[str, typer.Option(help=", ".join(k.value for k in ActKind))] = "other",
    within: Annotated[int | None, typer.Option(help="Days from the order (FRCP 6(a)).")] = None,
    by: Annotated[str | None, typer.Option(help="The date the court fixed.")] = None,
    source: Annotated[str, typer.Option(help="Where the order sets it (para.).")] = "",
    served_by: Annotated[
        str, typer.Option(help="How the order was served: electronic, mail, clerk, ...")
    ] = "electronic",
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Record an act an order sets: --within N days of the order, or --by the date it fixed."""
    ordered = OrderedAct(
        _choice(Party, party, "party"),
        _choice(ActKind, kind, "kind of act"),
        what,
        _required_day(order_date),
        days=within,
        by=_day(by),
        source=source or f"order of {order_date}",
    )
    found = _record(ctx, workspace).deadlines.add_act(ordered, served_by)
    out.print(f"{found.ref or '-':>6}  {found.due.isoformat()}  {found.says}  [{found.source}]")


@closure_app.command("add")
@one_line_errors
def closure_add(
    ctx: typer.Context,
    day: Annotated[str, typer.Argument(help="The day (YYYY-MM-DD).")],
    reason: Annotated[str, typer.Option(help="Why the clerk's office was inaccessible.")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Enter a day the court was closed: a deadline counted from now that falls on it moves."""
    moved = _record(ctx, workspace).deadlines.close_court(_required_day(day), reason)
    out.print(f"court closed {day}: {reason.strip()}")
    for d in moved:
        out.print(f"  moved to {d.due.isoformat()}: {d.says}")


@closure_app.command("list")
@one_line_errors
def closure_list(ctx: typer.Context, workspace: WorkspaceOption = DEFAULT_WS) -> None:
    """The court's closures entered for the case."""
    for closure in _record(ctx, workspace).deadlines.closures():
        out.print(f"{closure.day.isoformat()}  {closure.reason}")


E = TypeVar("E", bound=StrEnum)


def _choice(kind: type[E], value: str, what: str) -> E:
    try:
        return kind(value)
    except ValueError:
        known = ", ".join(k.value for k in kind)
        raise InvalidInput(f"no {what} {value!r}: one of {known}") from None
