"""The command that reads a court order into a draft: `read-order`.

Registered on the main app by the import at the end of `clawback.cli`; it imports the reader
inside its function, so the CLI starts light. The draft is printed for a person to review:
nothing is entered in a workspace.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from clawback.cli import DEFAULT_WS, WorkspaceOption, _day, _record, app, one_line_errors, out
from clawback.domain.errors import naming

if TYPE_CHECKING:
    from clawback.domain.order_reading import Draft

__all__ = ["read_order"]


@app.command("read-order")
@one_line_errors
def read_order(
    ctx: typer.Context,
    order: Annotated[Path, typer.Argument(help="The court order: text, PDF or DOCX.")],
    dated: Annotated[
        str | None,
        typer.Option("--dated", help="The order's date (YYYY-MM-DD) if its text does not say."),
    ] = None,
    words: Annotated[
        Path | None,
        typer.Option("--words", help="Vocabularies of your own, shaped like the built-in file."),
    ] = None,
    apply: Annotated[
        bool,
        typer.Option(
            "--apply", help="After review: enter the rulings and acts that match the record."
        ),
    ] = False,
    producing: Annotated[
        str | None,
        typer.Option(
            "--producing",
            help="With --apply: the side that produced (plaintiff, defendant), to tell "
            "the order's parties apart; by default the case file's producing_party.",
        ),
    ] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Draft what a court order decides, for review: each motion's and each exhibit's
    disposition (with the part it covers and the court's reason), sealing per exhibit, and each
    act with its party, period or fixed date and the date it falls due. Every value is shown
    with the sentence it came from and a confidence. Nothing is entered in the workspace
    without --apply, which then enters the claw-back rulings on the claims they decide and the
    acts of either side, and says what it could not place (exit status 1)."""
    from clawback.domain.errors import InvalidInput
    from clawback.domain.order_reading import read_order as read
    from clawback.domain.order_words import words_from_file

    if producing is not None and producing not in ("plaintiff", "defendant"):
        raise InvalidInput(f"--producing {producing!r}: give plaintiff or defendant")
    from clawback.papers.text import paper_text

    vocabulary = words_from_file(words) if words is not None else None
    with naming(str(order)):  # a refusal says which file
        draft = read(paper_text(order), vocabulary, dated=_day(dated))
    out.print(f"order dated {draft.dated or 'unknown (no date found)'}")
    for ruling in draft.rulings:
        motion = ruling.motion + (f" (docket {ruling.docket})" if ruling.docket else "")
        on = (
            f"exhibit {ruling.exhibit}"
            if ruling.exhibit
            else (f"on {ruling.document}" if ruling.document else "the motion")
        )
        part = f" as to {ruling.part}" if ruling.part else ""
        by = f" by {ruling.movant}" if ruling.movant else ""
        out.print(
            f"RULING {motion}{by}, {on}: {ruling.outcome.value}{part} [{ruling.confidence:.1f}]",
        )
        out.print(f'  "{ruling.sentence}"')
        if ruling.reason and ruling.reason != ruling.sentence:
            out.print(f'  reason: "{ruling.reason}"')
    for ruling in draft.sealing():
        state = "sealed" if ruling.sealed else "NOT sealed"
        out.print(f"SEALING exhibit {ruling.exhibit}: {state} [{ruling.confidence:.1f}]")
    for act in draft.acts:
        if act.on_or_before is not None:
            when = f"on or before {act.on_or_before}"
        elif act.days is not None:
            kind = "business days" if act.business_days else "days"
            when = f"within {act.days} {kind} of {act.trigger}"
        else:
            when = "no time set"
        due = f", due {act.due}" if act.due else ""
        out.print(
            f"ACT {act.party or 'party not named'}: {act.what} ({when}{due}) "
            f"[{act.confidence:.1f}]",
        )
        out.print(f'  "{act.sentence}"')
    for warning in draft.warnings:
        out.print(f"WARNING {warning} (--dated)")
    if apply:
        _apply(ctx, draft, producing, workspace)


def _apply(ctx: typer.Context, draft: Draft, producing: str | None, workspace: Path) -> None:
    """Enter what of the draft matches the record, each claim and act on its own (one that
    fails is reported and the rest go on); every part not placed is said. Exit status 1 if
    anything was not placed."""
    from clawback.domain.errors import ClawbackError, InvalidInput
    from clawback.domain.order_placing import ClaimOnRecord, place

    record = _record(ctx, workspace)
    problems: list[str] = []
    try:
        producing = producing or record.matter.producing_side()
        if producing is None:
            raise InvalidInput(
                "--apply: the record does not say which side produced (the case file's "
                "producing_party): give --producing plaintiff or defendant"
            )
        claims = [
            ClaimOnRecord(
                c["claim"],
                tuple(c["exhibits"]),
                tuple((i["item"], i["what"]) for i in c["items"]),
            )
            for c in record.claims.status()
        ]
        placement = place(draft, claims, producing)
        problems.extend(placement.unplaced)
        for ruling in placement.rulings:
            try:
                record.claims.rule(
                    ruling.claim, ruling.result.value, ruling.items, ruling.reason, draft.dated
                )
            except ClawbackError as exc:
                problems.append(f"claim {ruling.claim}: {exc}")
                continue
            items = f" items {', '.join(ruling.items)}" if ruling.items else ""
            out.print(f"ENTERED ruling on claim {ruling.claim}: {ruling.result.value}{items}")
        for act in placement.acts:
            try:
                deadline = record.deadlines.add_act(act)
            except ClawbackError as exc:
                problems.append(f"act {act.what!r}: {exc}")
                continue
            out.print(f"ENTERED act of {act.party.value}: {act.what} (due {deadline.due})")
    finally:
        record.close()
    for problem in problems:
        out.print(f"NOT PLACED {problem}")
    if problems:
        raise typer.Exit(1)
