"""Commands for motions to seal and to unseal and the court's rulings on them: whole
exhibits, in part (items, patterns, FRCP 5.2(a) redactions), on a condition, on the court's own
motion. Each is one call on the service API."""

from __future__ import annotations

from typing import Annotated

import typer

from clawback.cli import (
    DEFAULT_WS,
    WorkspaceOption,
    _day,
    _exhibits,
    _record,
    _required_day,
    app,
    one_line_errors,
    out,
)
from clawback.domain.paper_seals import PaperSealDecision
from clawback.domain.pinpoints import docket_entry
from clawback.domain.seal_parts import SealPart, SealRequest, motion_form, motion_title, privacy
from clawback.domain.sealing import SealDecision

_MOVANTS = "producing, receiving, both or court (the court's own motion)"
_PAPER = 'A filed paper it names, by docket entry: "ECF No. 101-33" (repeat).'
_FORM = (
    "How it was brought: motion, administrative (an Administrative Motion to File Under Seal, "
    "N.D. Cal. Civil L.R. 7-11, 79-5) or other_partys_material (to Consider Whether Another "
    "Party's Material Should Be Sealed, L.R. 79-5(f))."
)


@app.command()
@one_line_errors
def seal(
    ctx: typer.Context,
    docket: str,
    kind: Annotated[str, typer.Option(help="dispositive or non_dispositive.")],
    exhibit: Annotated[
        list[str] | None,
        typer.Option(help="Exhibit(s) the motion asks to seal: 5, 1-17, A-F, 5-A."),
    ] = None,
    paper: Annotated[list[str] | None, typer.Option(help=_PAPER)] = None,
    granted: Annotated[bool, typer.Option("--granted/--denied")] = True,
    joint: bool = False,
    reason: Annotated[str, typer.Option(help="The court's reason, word for word.")] = "",
    on: str | None = None,
    unseal_on: Annotated[str | None, typer.Option(help="Day the seal ends.")] = None,
    movant: Annotated[str | None, typer.Option(help=f"Who moved: {_MOVANTS}.")] = None,
    unseal: Annotated[bool, typer.Option("--unseal", help="A motion to unseal.")] = False,
    redact_item: Annotated[
        list[str] | None, typer.Option(help="Sealed in part: an item the public version removes.")
    ] = None,
    redact_pattern: Annotated[
        list[str] | None, typer.Option(help="Sealed in part: text (a regex) it removes.")
    ] = None,
    privacy_redaction: Annotated[
        list[str] | None,
        typer.Option("--privacy", help="FRCP 5.2(a): ssn, birth_date, minor, account."),
    ] = None,
    minor: Annotated[list[str] | None, typer.Option(help="A minor's name (5.2(a)(3)).")] = None,
    part_what: Annotated[
        str, typer.Option(help='The order\'s words for the part: "the discount rates".')
    ] = "",
    condition: Annotated[
        str, typer.Option(help="What the seal is conditioned on, in the order's words.")
    ] = "",
    condition_days: Annotated[
        int | None, typer.Option(help="Days from --on the condition is due in.")
    ] = None,
    public_days: Annotated[
        int | None,
        typer.Option(help="Days from --on the movant has to file a paper's public version."),
    ] = None,
    form: Annotated[str | None, typer.Option(help=f"{_FORM} Default: as recorded.")] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Rule on a motion to seal or to unseal, exhibit by exhibit and paper by paper, whole or
    in part (a paper's part names its items); already-public material is never sealed."""
    part = SealPart(
        items=tuple(redact_item or ()),
        patterns=tuple(redact_pattern or ()),
        privacy=tuple(privacy(p) for p in privacy_redaction or ()),
        minors=tuple(minor or ()),
        what=part_what,
    )
    record = _record(ctx, workspace)
    decisions = record.sealing.seal(
        docket,
        exhibits=_exhibits(record, exhibit or []),
        papers=paper or (),
        kind=kind,
        granted=granted,
        joint=joint,
        reason=reason,
        on=_day(on),
        unseal_on=_day(unseal_on),
        movant=movant,
        request="unseal" if unseal else "seal",
        part=part or None,
        condition=condition,
        condition_days=condition_days,
        public_days=public_days,
        form=form,
    )
    named = {d.exhibit: d.exhibit_id for d in record.catalog.documents() if d.exhibit}
    said: list[tuple[str, SealDecision | PaperSealDecision]] = [
        (f"Ex. {named.get(d.exhibit) or d.exhibit}", d) for d in decisions
    ]
    wanted = {docket_entry(p) for p in paper or ()}
    on_papers = record.sealing.paper_decisions(docket) if paper else []
    said += [(p.name, p) for p in on_papers if p.paper in wanted]
    for name, d in said:
        state = "sealed" if d.sealed else "not sealed"
        if d.sealed and d.part:
            state = f"sealed in part: the public version removes {d.part.describe()}"
        if d.condition:
            state += f", on condition: {d.condition}"
        out.print(f"{name}: {state} ({d.reason})")


@app.command("move-to-seal")
@one_line_errors
def move_to_seal(
    ctx: typer.Context,
    docket: str,
    kind: Annotated[str, typer.Option(help="dispositive or non_dispositive.")],
    filed_on: Annotated[str, typer.Option(help="Day the motion was filed.")],
    exhibit: Annotated[
        list[str] | None, typer.Option(help="Exhibit(s) to seal: 5, 1-17, A-F, 1,3,5-7.")
    ] = None,
    paper: Annotated[list[str] | None, typer.Option(help=_PAPER)] = None,
    local_rule: Annotated[str | None, typer.Option(help="ndcal-79-5 or sdcal.")] = None,
    designating_party: Annotated[
        bool | None,
        typer.Option(
            "--by-designating-party/--by-other-party",
            help="Whether the movant designated the material (default: yes, unless "
            "--form other_partys_material).",
        ),
    ] = None,
    joint: bool = False,
    movant: Annotated[str | None, typer.Option(help=f"Who moved: {_MOVANTS}.")] = None,
    unseal: Annotated[bool, typer.Option("--unseal", help="A motion to unseal.")] = False,
    form: Annotated[str, typer.Option(help=_FORM)] = "motion",
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Record a motion to seal (or to unseal) as filed, and the supporting statement it calls
    for."""
    record = _record(ctx, workspace)
    due = record.sealing.move_to_seal(
        docket,
        exhibits=_exhibits(record, exhibit or []),
        papers=paper or (),
        kind=kind,
        filed_on=_required_day(filed_on),
        local_rule=local_rule,
        movant_designated=designating_party,
        joint=joint,
        movant=movant,
        request="unseal" if unseal else "seal",
        form=form,
    )
    title = motion_title(motion_form(form), SealRequest.unseal if unseal else SealRequest.seal)
    out.print(f"{title.lower()} Dkt. {docket} recorded")
    if due is not None:
        out.print(f"  due {due.due.isoformat()}: {due.says}")
