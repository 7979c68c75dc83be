"""Commands for production volumes on disk: export one, abandon an unfinished one, withdraw a
produced one, import another party's (DAT, OPT, images, text, natives)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from clawback.cli import (
    DEFAULT_WS,
    WorkspaceOption,
    _fail_on,
    _progress_bar,
    _record,
    app,
    err,
    one_line_errors,
    out,
)
from clawback.domain.counts import counted

volume_app = typer.Typer(help="Production volumes on disk: PDFs, text, DAT and OPT.")
app.add_typer(volume_app, name="volume")


@volume_app.command("export")
@one_line_errors
def volume_export(
    ctx: typer.Context,
    volume: str,
    out_dir: Annotated[Path, typer.Option("--out", help="Folder to write the volume in.")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Write a production volume: one PDF and one text file per document, DAT and OPT."""
    with _progress_bar(f"exporting {volume}") as progress:
        folder = _record(ctx, workspace).volumes.export(volume, out_dir, progress=progress)
    out.print(str(folder))


@volume_app.command("abandon")
@one_line_errors
def volume_abandon(
    ctx: typer.Context,
    volume: str,
    reason: Annotated[str, typer.Option("--reason", help="Why it is given up (audited).")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Give up an open volume that cannot be finished: its documents lose its numbers and
    stamped files, the numbers are free again, the volume stays on record as abandoned."""
    released = _record(ctx, workspace).productions.abandon(volume, reason)
    out.print(f"{volume} abandoned: {counted(released, 'document')} released")


@volume_app.command("withdraw")
@one_line_errors
def volume_withdraw(
    ctx: typer.Context,
    volume: str,
    reason: Annotated[str, typer.Option("--reason", help="Why it is taken back (audited).")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Take back a produced volume: its documents are no longer produced (the receiving side
    no longer sees them) and may be produced again; its numbers are never given again."""
    released = _record(ctx, workspace).productions.withdraw(volume, reason)
    out.print(f"{volume} withdrawn: {counted(released, 'document')} no longer produced")


@volume_app.command("import")
@one_line_errors
def volume_import(
    ctx: typer.Context,
    folder: Path,
    dat: Annotated[Path | None, typer.Option("--dat", help="The DAT load file.")] = None,
    opt: Annotated[Path | None, typer.Option("--opt", help="The OPT image load file.")] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Load a production volume, ours or another party's: DAT, OPT, images, text, natives
    (without --dat/--opt, the one DAT and OPT in FOLDER/DATA or FOLDER). Each record that
    cannot be read is one line on stderr (exit 1); the rest are imported."""
    from clawback.service.received import describe

    report = _record(ctx, workspace).imports.volume(folder, dat, opt)
    for line in describe(report):
        out.print(line)
    documents = len({i.control for i in report.imported})  # the files inside natives too
    records = [i for i in report.imported if i.attachment_of is None]
    out.print(
        f"{counted(len(records), 'record')} imported from {folder} as "
        f"{counted(documents, 'document')}",
    )
    _fail_on(report.problems)


@volume_app.command("check")
@one_line_errors
def volume_check(
    folder: Path,
    dat: Annotated[Path | None, typer.Option("--dat", help="The DAT load file.")] = None,
    opt: Annotated[Path | None, typer.Option("--opt", help="The OPT image load file.")] = None,
) -> None:
    """Read a production volume's load files and natives and list every defect, one line each
    on stderr, importing nothing (exit 1 if any): Bates gaps, records only in the OPT or only in
    the DAT, rows marked privileged or withheld, empty hash fields, classification markings,
    control numbers used twice, natives missing or byte for byte another record's, files inside
    a native that import will leave in it (and why) or cannot read. The files import will take
    out of each native, on stdout, one line per record."""
    from clawback.service.received_check import check_volume

    said = check_volume(folder, dat, opt)
    for line in said.taken_out:
        out.print(line)
    for line in said.defects:
        err.print(line)
    if said.defects:
        raise typer.Exit(1)
    out.print(f"{folder}: no defect found")
