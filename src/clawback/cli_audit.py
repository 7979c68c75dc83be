"""Commands for the hash-chained audit trail: verify it, sign a checkpoint, export it for a
court, check an exported file alone."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from clawback.cli import (
    DEFAULT_WS,
    WorkspaceOption,
    _fail_on,
    _record,
    app,
    one_line_errors,
    out,
)
from clawback.domain.counts import counted
from clawback.storage.texts import text_of

audit_app = typer.Typer(help="The hash-chained audit trail.")
app.add_typer(audit_app, name="audit")


@audit_app.command("verify")
@one_line_errors
def audit_verify(
    ctx: typer.Context,
    checkpoint: Annotated[
        list[Path] | None,
        typer.Option(help="A checkpoint kept outside (audit checkpoint): the chain must hold it."),
    ] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Check the trail with the audit key: every edited, deleted, reordered or forged entry,
    every checkpoint it no longer holds, every row changed outside clawback (exit 1 if any)."""
    from clawback.storage.audit import Checkpoint

    kept = [Checkpoint.from_json(_read_text(path)) for path in checkpoint or ()]
    _fail_on([p.message for p in _record(ctx, workspace).audit.verify(kept)])
    out.print(
        "audit trail intact" + (f" ({counted(len(kept), 'checkpoint')} held)" if kept else "")
    )


@audit_app.command("checkpoint")
@one_line_errors
def audit_checkpoint(
    ctx: typer.Context,
    path: Annotated[Path, typer.Option("--out", help="Where to keep the checkpoint (JSON).")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """A signed checkpoint of the chain as it stands, to keep outside the workspace: a later
    `audit verify --checkpoint FILE` proves nothing before it was rewritten or cut."""
    record = _record(ctx, workspace)
    record.may_deliver(path)
    kept = record.audit.checkpoint()
    record.deliver(path, (kept.to_json() + "\n").encode("utf-8"), "audit_checkpoint")
    out.print(f"{path}: entry {kept.seq}, {kept.hash[:16]}, signed by {kept.public_key[:16]}")


def _read_text(path: Path) -> str:
    return text_of(path)


@audit_app.command("export")
@one_line_errors
def audit_export(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="File to write (.jsonl or .csv).")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl or csv.")] = "jsonl",
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Export the trail with its chain head, for a court to verify on its own."""
    head = _record(ctx, workspace).audit.export(path, fmt)
    out.print(f"{path}: chain head {head}")


@audit_app.command("check-file")
@one_line_errors
def audit_check_file(path: Path) -> None:
    """Verify an exported trail without any workspace (what a court would run)."""
    from clawback.storage.audit_export import verify_export

    _fail_on([p.message for p in verify_export(path)])
    out.print(f"{path}: intact")
