"""Commands that check what is stored or received: fake redactions in another party's PDFs, pages
whose copies are treated differently, copies of a page, documents not read whole."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from clawback.cli import (
    DEFAULT_WS,
    WorkspaceOption,
    _bates,
    _fail_on,
    _one_line,
    _record,
    app,
    err,
    one_line_errors,
    out,
)
from clawback.domain.counts import counted
from clawback.domain.errors import ClawbackError, InvalidInput


@app.command("check-redactions")
@one_line_errors
def check_redactions(
    paths: Annotated[list[Path], typer.Argument(help="PDF files and folders (recursing).")],
    show_text: Annotated[
        bool, typer.Option("--show-text", help="Print the text each fake redaction leaves.")
    ] = False,
) -> None:
    """Find fake redactions in PDFs another party produced, with no workspace: per page, each
    box with text still under it (or painted over it in its colour) and how many characters
    can be recovered, found by clawback's check, x-ray's or both; a summary line per file.
    Never the text itself unless --show-text. Exit status 1 if any fake redaction is found,
    2 if none is but a file could not be checked."""
    from clawback.ingest import walk
    from clawback.ingest.pdfcheck import check_pdf
    from clawback.pdf.received.check import check_files

    files = list(walk(paths))
    readable: list[Path] = []
    unreadable = False
    for path in files:
        try:
            check_pdf(path.read_bytes())  # bombs and non-PDFs refused before any page is read
        except OSError as exc:
            err.print(f"{path}: cannot be read ({exc.strerror or exc})")
            unreadable = True
        except (ClawbackError, ValueError) as exc:
            err.print(f"{path}: cannot be checked: {_one_line(exc)}")
            unreadable = True
        else:
            readable.append(path)
    reports = check_files(readable, with_text=show_text)
    fake = False
    for path in readable:
        report = reports[path]
        if report.failure:
            err.print(f"{path}: {report.summary()}")
            unreadable = True
            continue
        for box in report.boxes:
            out.print(f"{path}: {box.line()}")
            if show_text and box.text is not None:
                out.print(f"    text: {box.text}")
        out.print(f"{path}: {report.summary()}")
        fake = fake or bool(report.boxes)
    if fake:
        raise typer.Exit(1)
    if unreadable:
        raise typer.Exit(2)


@app.command()
@one_line_errors
def conflicts(ctx: typer.Context, workspace: WorkspaceOption = DEFAULT_WS) -> None:
    """Exact copies of one page that the rulings treat differently (exit 1 if any)."""
    found = _record(ctx, workspace).copies.conflicts()
    for c in found:
        out.print(
            f"{c.bates} is {c.treatment} but its copy {c.copy} ({c.kind}) is {c.copy_treatment}",
        )
    if found:
        raise typer.Exit(1)
    out.print("no copy is treated differently from another")


@app.command()
@one_line_errors
def copies(
    ctx: typer.Context,
    bates: Annotated[str | None, typer.Argument(help="A produced page.")] = None,
    claim: Annotated[
        str | None, typer.Option(help="Copies, outside the claim, of what it claims.")
    ] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Every other produced page with the same or nearly the same text or picture."""
    record = _record(ctx, workspace)
    if claim is not None:
        for page, c in record.copies.of_claim(claim):
            out.print(f"{page}: extend {claim} to {c.bates}? ({c.kind}, Ex. {c.exhibit})")
        return
    if bates is None:
        raise InvalidInput("give a Bates number or --claim")
    found = record.copies.of_page(_bates(bates))
    for c in found:
        review = "  (review: near matches are proposals)" if c.kind.startswith("near") else ""
        ex = f"Ex. {c.exhibit}" if c.exhibit is not None else "-"
        out.print(f"{c.bates}  {ex}  {c.kind}  {c.score}{review}")
    if not found:
        out.print(f"no other copy of {bates}")


@app.command()
@one_line_errors
def check(ctx: typer.Context, workspace: WorkspaceOption = DEFAULT_WS) -> None:
    """List the documents ingest could not read whole (a warning each); re-hash every stored
    file and report missing, altered and orphaned files (exit 1 if any). Previewed ``--as`` a
    person: their own side's documents they may see, and no store check unless theirs to do."""
    from clawback.domain import seats
    from clawback.ingest.batch import shown

    record = _record(ctx, workspace)
    partial = record.reads.partial_reads()
    if partial:
        documents = len({control for control, _ in partial})
        out.print(f"{counted(documents, 'document')} not read whole:")
    for control, warning in partial:
        out.print(f"{control}: {shown(warning)}")
    if record.may(seats.Act.check_store):
        _fail_on(record.integrity.check())
        out.print("every stored file is present and matches its hash")
