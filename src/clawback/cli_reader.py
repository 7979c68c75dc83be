"""The command that reads a court order into a draft: `read-order`.

Registered on the main app by the import at the end of `clawback.cli`; it imports the reader
inside its function, so the CLI starts light. The draft is printed for a person to review:
nothing is entered in a workspace.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from clawback.cli import _day, app, one_line_errors, out

__all__ = ["read_order"]


@app.command("read-order")
@one_line_errors
def read_order(
    order: Annotated[Path, typer.Argument(help="The court order: text, PDF or DOCX.")],
    dated: Annotated[
        str | None,
        typer.Option("--dated", help="The order's date (YYYY-MM-DD) if its text does not say."),
    ] = None,
    words: Annotated[
        Path | None,
        typer.Option("--words", help="Vocabularies of your own, shaped like the built-in file."),
    ] = None,
) -> None:
    """Draft what a court order decides, for review: each motion's and each exhibit's
    disposition (with the part it covers and the court's reason), sealing per exhibit, and each
    act with its party, period or fixed date and the date it falls due. Every value is shown
    with the sentence it came from and a confidence; nothing is entered in the workspace."""
    from clawback.domain.order_reading import read_order as read
    from clawback.domain.order_words import words_from_file
    from clawback.papers.text import paper_text

    vocabulary = words_from_file(words) if words is not None else None
    draft = read(paper_text(order), vocabulary, dated=_day(dated))
    out.print(f"order dated {draft.dated or 'unknown (no date found)'}")
    for ruling in draft.rulings:
        motion = ruling.motion + (f" (docket {ruling.docket})" if ruling.docket else "")
        on = f"exhibit {ruling.exhibit}" if ruling.exhibit else "the motion"
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
