"""Commands that make papers for the court: the filing packages, a proposed order drafted from
the rulings, and a brief's public, highlighted and sealed versions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from clawback.cli import DEFAULT_WS, WorkspaceOption, _record, app, one_line_errors, out
from clawback.domain.counts import counted
from clawback.domain.errors import naming


@app.command("file")
@one_line_errors
def file_(
    ctx: typer.Context,
    out_dir: Annotated[Path, typer.Argument(help="Where sealed/ and public/ go.")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Make the sealed and public filing packages, each file verified before it is written."""
    record = _record(ctx, workspace)
    record.filings.file(out_dir)
    out.print(f"{counted(len(record.filings.package(out_dir)), 'file')} written to {out_dir}")


@app.command("draft-order")
@one_line_errors
def draft_order(
    ctx: typer.Context,
    producing: Annotated[str, typer.Option(help="How the order names the producing party.")] = (
        "Defendants"
    ),
    receiving: Annotated[str, typer.Option(help="How the order names the receiving party.")] = (
        "Plaintiffs"
    ),
    exhibit_label: Annotated[
        str | None, typer.Option(help="How the order labels exhibits (default: from the party).")
    ] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """The ordering paragraphs of a proposed order, drafted from the rulings and deadlines."""
    drafted = _record(ctx, workspace).filings.draft_order(producing, receiving, exhibit_label)
    for paragraph in drafted:
        out.print(str(paragraph))


@app.command("propose-redactions")
@one_line_errors
def propose_redactions(
    ctx: typer.Context,
    brief: Annotated[Path, typer.Argument(help="The brief: PDF, or DOCX/ODT via LibreOffice.")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """What a public version of a brief must redact: designated material it quotes.

    The text of each proposal is the confidential material itself: it is shown to you because
    you may see it, and only to you."""
    record = _record(ctx, workspace)
    data = brief.read_bytes()
    with naming(str(brief)):  # a refusal says which file
        citations = record.briefs.citations(data, brief.suffix)
        proposals = record.briefs.propose(data, brief.suffix)
    for c in citations:
        out.print(f"page {c.page + 1}: cites {c.raw} -> {c.cites}")
        for warning in c.warnings:
            out.print(f"page {c.page + 1}: warning: {warning}")
    for p in proposals:
        out.print(
            f"page {p.page + 1}: redact {p.text!r} ({p.reason}; {p.source})",
        )


@app.command("file-brief")
@one_line_errors
def file_brief(
    ctx: typer.Context,
    brief: Annotated[Path, typer.Argument(help="The brief: PDF, or DOCX/ODT via LibreOffice.")],
    out_dir: Annotated[
        Path, typer.Option("--out", help="Where public/, highlighted/ and sealed/ go.")
    ],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """The brief's public version (proposed redactions made and verified), the highlighted
    version for the court, and the version lodged under seal."""
    data = brief.read_bytes()
    with naming(str(brief)):  # a refusal says which file
        written = _record(ctx, workspace).briefs.file(data, out_dir, brief.stem, brief.suffix)
    for kind, path in written.items():
        out.print(f"{kind}: {path}")
