"""Commands for the dispute: claw-back notice, its moves, the claims, bench memos, rulings,
and the deadlines an order sets."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from clawback.cli import (
    DEFAULT_WS,
    WorkspaceOption,
    _day,
    _exhibits,
    _fail_on,
    _record,
    _required_day,
    app,
    one_line_errors,
    out,
)
from clawback.domain.compliance import Act, Directive
from clawback.domain.counts import counted
from clawback.domain.errors import InvalidInput
from clawback.storage.texts import text_of

if TYPE_CHECKING:
    from clawback.service import Record


@app.command()
@one_line_errors
def claim(
    ctx: typer.Context,
    claim_id: str,
    exhibit: Annotated[
        list[str] | None, typer.Option(help="Claimed exhibit(s): 5, 1-17, A-F, 1,3,5-7.")
    ] = None,
    privilege: str = "law_enforcement",
    item: Annotated[
        list[str] | None, typer.Option(help="Claimed item(s), on the exhibits or the papers.")
    ] = None,
    paper: Annotated[
        list[str] | None,
        typer.Option(help='Claimed filed paper(s), by docket entry: "ECF No. 101-33".'),
    ] = None,
    declaration: Annotated[list[str] | None, typer.Option()] = None,
    paragraph: Annotated[list[str] | None, typer.Option()] = None,
    basis: str = "",
    on: str | None = None,
    learned_on: Annotated[
        str | None, typer.Option(help="Day the producing side learned of the disclosure.")
    ] = None,
    request: Annotated[
        str, typer.Option(help="clawback, or compel: the other side moved to compel it.")
    ] = "clawback",
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Give claw-back notice (FRCP 26(b)(5)(B)): the claimed material is sequestered at once.
    It names exhibits, filed papers (--paper, whole or --item by item), or both."""
    record = _record(ctx, workspace)
    record.claims.claim(
        claim_id,
        privilege=privilege,
        exhibits=_exhibits(record, exhibit) if exhibit else (),
        papers=paper or (),
        items=item or (),
        declarations=declaration or (),
        paragraphs=paragraph or (),
        basis=basis,
        on=_day(on),
        learned_on=_day(learned_on),
        request=request,
    )
    out.print(f"claim {claim_id}: noticed")


@app.command()
@one_line_errors
def advance(
    ctx: typer.Context,
    claim_id: str,
    state: Annotated[
        str,
        typer.Argument(
            help="sequestered, submitted (receiving side); preserved, replaced, withdrawn "
            "(producing side); under_review (court)."
        ),
    ],
    on: str | None = None,
    how: Annotated[
        str | None, typer.Option(help="With sequestered: returned, sequestered or destroyed.")
    ] = None,
    volume: Annotated[str, typer.Option(help="With replaced: the replacement volume.")] = "",
    bates: Annotated[str, typer.Option(help="With replaced: its Bates range(s).")] = "",
    note: str = "",
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Move a claim on, as the seat that makes the move: the receiving side certifies return,
    sequestration or destruction or presents it under seal, the producing side preserves and
    then serves the replacement production, the court takes it under review."""
    _record(ctx, workspace).claims.advance(
        claim_id, state, _day(on), how=how, volume=volume, bates=bates, note=note
    )
    out.print(f"claim {claim_id}: {state}")


@app.command("claims")
@one_line_errors
def claims_(ctx: typer.Context, workspace: WorkspaceOption = DEFAULT_WS) -> None:
    """Every claim: where it stands, its dated history, the FRE 502(b) lateness flag and the
    duties it started."""
    for c in _record(ctx, workspace).claims.status():
        named = [f"Ex. {', '.join(c['exhibit_ids'])}"] if c["exhibit_ids"] else []
        out.print(f"{c['claim']}  {c['state']}  {c['privilege']}  {'; '.join(named + c['papers'])}")
        for i in c["items"]:
            if "at" in i:  # an item of a filed paper, by pinpoint
                out.print(f"    item {i['item']}: {i['at']}, {i['what']}")
        if c["late"]:
            out.print(f"    {c['late']}")
        history = "; ".join(
            f"{h['state']} {h['on'] or ''} by {h['by']}".replace("  ", " ") for h in c["history"]
        )
        out.print(f"    history: {history}")
        for r in c["rulings"]:
            items = f" (items: {', '.join(r['items'])})" if r["items"] else ""
            reason = f": {r['reason']}" if r["reason"] else ""
            out.print(f"    ruling {r['on'] or 'undated'}: {r['result']}{items}{reason}")
        for d in c["duties"]:
            if d["done_on"]:
                status = f"done {d['done_on']}"
            else:
                status = f"lifted: {d['lifted']}" if d["lifted"] else "open"
            out.print(f"    due {d['due']} ({status}): {d['act']}")


@app.command("bench-memo")
@one_line_errors
def bench_memo(
    ctx: typer.Context,
    claim_id: str,
    out_path: Annotated[Path, typer.Option("--out", help="The memo PDF to write.")] = Path(
        "bench-memo.pdf"
    ),
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Print the bench memo for a claim (PDF): caption, claim, declarations, threshold,
    factors, ruling; it describes the claimed material and never shows it."""
    record = _record(ctx, workspace)
    record.may_deliver(out_path)
    record.deliver(out_path, record.reviews.bench_memo(claim_id), "bench_memo")
    out.print(f"bench memo for {claim_id}: {out_path}")


@app.command()
@one_line_errors
def rule(
    ctx: typer.Context,
    claim_id: Annotated[str | None, typer.Argument(help="The claim.")] = None,
    result: Annotated[
        str | None,
        typer.Argument(
            help="granted, denied, granted_in_part, conditionally_granted, "
            "granted_subject_to_supplement, denied_without_prejudice, waived, moot, withdrawn."
        ),
    ] = None,
    item: Annotated[list[str] | None, typer.Option(help="Item(s) granted.")] = None,
    reason: Annotated[str, typer.Option(help="The court's reason, word for word.")] = "",
    on: str | None = None,
    amend: Annotated[
        bool, typer.Option(help="The court amended its ruling: a new dated ruling governs.")
    ] = False,
    from_csv: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="A CSV of rulings (claim,result,on,reason,items,amend): all checked, then all "
            "entered, or none.",
        ),
    ] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Enter the court's ruling on a claim (or, with --amend, a later ruling that amends it);
    --from enters a CSV's rulings, every row checked before any is entered."""
    if from_csv is not None:
        if claim_id is not None or result is not None:
            raise InvalidInput("give a claim and its result, or --from a CSV, not both")
        _rule_from(_record(ctx, workspace), from_csv)
        return
    if claim_id is None or result is None:
        raise InvalidInput("give the claim and the result (or --from a CSV of rulings)")
    _record(ctx, workspace).claims.rule(claim_id, result, item or (), reason, _day(on), amend=amend)
    out.print(f"claim {claim_id}: {result}{' (amended)' if amend else ''}")


def _rule_from(record: Record, path: Path) -> None:
    from clawback.casefile.rulings_csv import read_rulings
    from clawback.domain.errors import RowsRefused

    try:
        rulings = read_rulings(text_of(path, "utf-8-sig"), str(path))
        record.claims.rule_all(rulings)
    except RowsRefused as refused:
        _fail_on([f"error: {p}" for p in refused.problems])
    for _, ruling, amend in rulings:
        said = f"claim {ruling.claim}: {ruling.result.value}{' (amended)' if amend else ''}"
        out.print(said)


@app.command()
@one_line_errors
def deadlines(
    ctx: typer.Context,
    order_date: Annotated[str | None, typer.Option(help="Date of the order.")] = None,
    directive: Annotated[
        list[str] | None,
        typer.Option(help="PARAGRAPH:DAYS:ACT, ACT one of " + ", ".join(a.value for a in Act)),
    ] = None,
    served_by: Annotated[
        str,
        typer.Option(help="How the order was served: electronic, mail, clerk, other_consented."),
    ] = "electronic",
    today: Annotated[str | None, typer.Option(help="Status as of this day.")] = None,
    ics: Annotated[Path | None, typer.Option(help="Also write an iCalendar file.")] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """What is due, with its status; --order-date and --directive first record an order's acts."""
    from clawback.service.deadlines import served_by_named

    served_by_named(served_by)  # parsed here, whether or not a directive needs it
    record = _record(ctx, workspace)
    if ics is not None:
        record.may_deliver(ics)
    if directive:
        day = _day(order_date)
        if day is None:
            raise InvalidInput("--directive needs --order-date")
        record.deadlines.order_deadlines(day, [_directive(d) for d in directive], served_by)
    as_of = _day(today) or date.today()
    found = record.deadlines.list()
    for d in found:
        status = d.status(as_of)
        out.print(
            f"{d.ref or '-':>6}  {d.due.isoformat()}  {status:9}  {d.says}  [{d.source}]",
        )
    if ics is not None:
        record.deliver(ics, record.deadlines.calendar().encode("utf-8"), "calendar")
        out.print(f"{counted(len(found), 'deadline')} written to {ics}")


@app.command()
@one_line_errors
def done(
    ctx: typer.Context,
    number: Annotated[str, typer.Argument(help="The deadline's reference (see deadlines).")],
    on: Annotated[str, typer.Option(help="Day it was done (YYYY-MM-DD).")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Mark a required act done."""
    _record(ctx, workspace).deadlines.complete(number, _required_day(on))
    out.print(f"deadline {number}: done")


def _directive(text: str) -> Directive:
    try:
        paragraph, days, act = text.split(":")
        return Directive(paragraph, int(days), Act(act))
    except ValueError:
        raise InvalidInput(f"not a directive PARAGRAPH:DAYS:ACT: {text!r}") from None
