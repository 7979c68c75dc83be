"""Commands for filed papers: a brief, declaration, expert report, deposition excerpt,
statement of facts or order entered by its docket entry, its items named by pinpoint, sealed,
and its public version made through the gate. Each is one call on the service API."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from clawback.cli import DEFAULT_WS, WorkspaceOption, _day, _record, app, one_line_errors, out
from clawback.domain.counts import counted
from clawback.domain.errors import naming
from clawback.domain.pinpoints import FiledKind

KINDS = ", ".join(k.value for k in FiledKind)


@app.command("file-paper")
@one_line_errors
def file_paper(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The paper as filed (PDF).")],
    docket: Annotated[str, typer.Option(help='Its docket entry: "ECF No. 101-33".')],
    kind: Annotated[str, typer.Option(help=f"What it is: {KINDS}.")],
    title: Annotated[str, typer.Option(help="Its title, as the docket gives it.")] = "",
    under_seal: Annotated[bool, typer.Option(help="Lodged under seal.")] = False,
    designation: Annotated[
        str, typer.Option(help="The protective order's tier of what it quotes (AEO).")
    ] = "",
    filed_on: Annotated[
        str | None, typer.Option(help="The day it was filed (YYYY-MM-DD): FRE 502(b)'s clock.")
    ] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Enter a filed paper, never produced: its pages and text, named by its docket entry."""
    with naming(str(file)):  # every refusal says which file: the day's too
        day = _day(filed_on)
    entered = _record(ctx, workspace).filed_papers.enter(
        file.read_bytes(),
        docket,
        kind,
        title,
        under_seal=under_seal,
        designation=designation or None,
        filed_on=day,
        source=str(file),
    )
    said = "entered" if entered.new else "already in the record"
    out.print(
        f"{entered.paper.name}: {entered.control} ({said}, {counted(entered.paper.pages, 'page')})"
    )


@app.command("paper-item")
@one_line_errors
def paper_item(
    ctx: typer.Context,
    docket: Annotated[str, typer.Argument(help='The paper: "ECF No. 101-33".')],
    item_id: Annotated[str, typer.Argument(help="The item's id.")],
    at: Annotated[
        str,
        typer.Option(help='Where: "page 7, lines 3-9", "Tr. 7:3-9", "¶ 12", "page 7, bullet 3".'),
    ],
    what: Annotated[str, typer.Option(help="What it is, in a few words.")],
    text: Annotated[
        list[str] | None, typer.Option(help="The words on that page (where no lines are).")
    ] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Name an item of a filed paper by pinpoint, so a claim or a seal can point at it."""
    found = _record(ctx, workspace).filed_papers.item(docket, item_id, at, what, text or ())
    out.print(f"{found.id}: {found.at}, {counted(len(found.texts), 'line')}")


@app.command("paper-seal")
@one_line_errors
def paper_seal(
    ctx: typer.Context,
    docket: Annotated[str, typer.Argument(help='The paper: "ECF No. 101-33".')],
    unseal: Annotated[bool, typer.Option(help="Unseal it instead.")] = False,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """The court seals (or unseals) a filed paper whole."""
    _record(ctx, workspace).filed_papers.seal(docket, sealed=not unseal)
    out.print(f"{docket}: {'unsealed' if unseal else 'sealed'}")


@app.command("paper-public")
@one_line_errors
def paper_public(
    ctx: typer.Context,
    docket: Annotated[str, typer.Argument(help='The paper: "ECF No. 101-33".')],
    out_dir: Annotated[Path, typer.Option("--out", help="Where to write the versions.")],
    item: Annotated[
        list[str] | None, typer.Option(help="Redact only this item (repeat); else all.")
    ] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """The paper's public version (its items truly redacted, verified), highlighted version
    and version lodged under seal."""
    written = _record(ctx, workspace).filed_papers.public_version(docket, out_dir, item)
    for kind, path in written.items():
        out.print(f"{kind}: {path}")
