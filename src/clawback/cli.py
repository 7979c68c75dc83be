"""The command line: each command is one call on the service API, and errors are one line.

Start-up is kept light: this module imports typer, rich's console and the pure domain values
its options name, and nothing else at import time. A command imports the service it calls
inside its function (``_record``, ``_workspace``), so `clawback --help` never loads SQLAlchemy,
the PDF engine or the rest (``tests/test_cli_start.py`` holds that line).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console

from clawback.domain.bates import BatesNumber
from clawback.domain.counts import counted
from clawback.domain.errors import ClawbackError, InvalidInput
from clawback.domain.exhibit_ids import ExhibitId
from clawback.domain.refs import DocumentRef, parse_document_ref

if TYPE_CHECKING:
    from clawback.service import Record, Workspace

app = typer.Typer(
    help="clawback: documents under a protective order, claw-backs, rulings, sealing, filing.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
# Nothing clawback prints is markup: a stored name or an input holding "[/x]" or ":smile:"
# prints as is.
out = Console(soft_wrap=True, markup=False, emoji=False)
err = Console(stderr=True, soft_wrap=True, markup=False, emoji=False)
F = TypeVar("F", bound=Callable[..., Any])

WorkspaceOption = Annotated[
    Path,
    typer.Option(
        "--workspace",
        "-w",
        envvar="CLAWBACK_WORKSPACE",
        help="The workspace folder.",
        show_default=True,
    ),
]
DEFAULT_WS = Path("workspace")

# The options of a production, shared by `produce` and `jobs produce`.
ProducedDocuments = Annotated[list[str], typer.Argument(help="Documents, in production order.")]
VolumeOption = Annotated[str, typer.Option(help="Volume name.")]
StartOption = Annotated[str | None, typer.Option(help="First Bates number, e.g. ABC-00000001.")]
ContinueOption = Annotated[
    str | None,
    typer.Option("--continue", help="Go on after the last volume with this prefix, e.g. ABC-."),
]
CornerOption = Annotated[
    str, typer.Option(help="bottom-right|bottom-left|bottom-center|top-right|top-left|...")
]
LegendOption = Annotated[
    str | None, typer.Option(help="Legend text (default: the order's, by tier).")
]
RedactPatternOption = Annotated[
    str | None, typer.Option(help="Truly redact every match of this regular expression.")
]


def one_line_errors(command: F) -> F:
    """Turn a failure the user can act on into one line on stderr and exit status 1."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (ClawbackError, OSError) as exc:
            err.print(f"error: {_one_line(exc)}")
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


@app.callback()
def _global(
    ctx: typer.Context,
    preview_as: Annotated[
        str | None,
        typer.Option(
            "--as",
            envvar="CLAWBACK_AS",
            help="Preview what this person (email) would see: the operator's read-only view "
            "through their seat, audited as the operator's preview. Acts are refused.",
        ),
    ] = None,
) -> None:
    """clawback: documents under a protective order, claw-backs, rulings, sealing, filing.

    The command line is the operator's tool: whoever holds the workspace acts as its operator.
    People of the other seats reach the record through the server, logged in."""
    ctx.obj = preview_as


def _workspace() -> type[Workspace]:
    """The service's way in, imported when a command runs, never when the CLI starts."""
    from clawback.service import Workspace

    return Workspace


def _record(ctx: typer.Context, path: Path) -> Record:
    """The record as this command's actor reaches it: the operator, or the operator's
    preview through someone's eyes (``--as``, kept by ``_global`` on the root context)."""
    from clawback.service import Via

    preview: str | None = ctx.find_root().obj
    workspace = _workspace().open(path)
    ctx.call_on_close(workspace.close)  # its connections given back when the command ends
    return workspace.preview(preview) if preview else workspace.operator(Via.cli)


def _fail_on(problems: Sequence[str]) -> None:
    """Each problem on its own line on stderr; exit status 1 if there was any."""
    for problem in problems:
        err.print(problem)
    if problems:
        raise typer.Exit(1)


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"not a date (YYYY-MM-DD): {value!r}") from None


def _required_day(value: str) -> date:
    day = _day(value)
    assert day is not None
    return day


def _doc(text: str) -> DocumentRef:
    return parse_document_ref(text)


def _exhibits(record: Record, texts: Sequence[str]) -> tuple[int, ...]:
    """Exhibits as the court writes them (5, 1-17, A-F, 5-A), as the record's ordinals."""
    from clawback.domain.exhibit_ids import exhibit_ids

    return record.catalog.exhibit_ordinals(exhibit_ids(texts))


def _bates(text: str) -> BatesNumber:
    return BatesNumber.parse(text)


@app.command()
@one_line_errors
def init(path: Annotated[Path, typer.Argument(help="Folder to create.")] = DEFAULT_WS) -> None:
    """Create a workspace: a SQLite database (or CLAWBACK_DATABASE_URL) and a file store."""
    _workspace().init(path).close()
    out.print(f"workspace ready at {path}")


@app.command("load-case")
@one_line_errors
def load_case(
    ctx: typer.Context,
    case_file: Annotated[
        Path | None,
        typer.Argument(help="Case file: matter, order, documents, claims, rulings, acts."),
    ] = None,
    reference: Annotated[bool, typer.Option(help="Load the reference case.")] = False,
    order: Annotated[
        str | None, typer.Option(help="A preset protective order: sdcal-dkt-276, ndcal-model.")
    ] = None,
    agreed_by: Annotated[
        str | None,
        typer.Option(help="Replacing the order in force: who on the other side agreed to it."),
    ] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Load a whole case file (matter, protective order, documents, claims, rulings, seals,
    acts, closures) in one go; loading it again enters only what is new."""
    if case_file is not None and not reference:
        from clawback.cli_cases import load_case_file

        load_case_file(_record(ctx, workspace), case_file, order, agreed_by)
        return
    if not reference:
        raise ClawbackError("give a case file or --reference")
    from clawback.demo.run import reference_case

    data = reference_case()
    _record(ctx, workspace).matter.load_case(data, order, agreed_by)
    out.print(f"case {data['case']['number']} loaded")


@app.command()
@one_line_errors
def ingest(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="Files and folders (recursing).")],
    title: Annotated[str | None, typer.Option(help="Title (default: file name).")] = None,
    kind: Annotated[str | None, typer.Option(help="Kind (default: what the file is).")] = None,
    exhibit: Annotated[
        str | None, typer.Option(help="Exhibit as the court writes it: 12, A, P5, 5-A (one file).")
    ] = None,
    family: str | None = None,
    parent: bool = False,
    public: Annotated[bool, typer.Option(help="Already publicly available.")] = False,
    password: Annotated[
        str | None,
        typer.Option(envvar="CLAWBACK_PDF_PASSWORD", help="Password of encrypted PDFs."),
    ] = None,
    custodian: Annotated[str, typer.Option(help="Whose files these are.")] = "",
    unpack: Annotated[
        bool, typer.Option(help="Open archives (.zip .tar .tar.gz), in e-mails too.")
    ] = False,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Store files with each page's text and hashes: PDFs, e-mails (.eml/.msg, as families),
    Office files (converted), pictures and scans (OCR'd); archives with --unpack (a family:
    the archive, then each file in it). Folders are walked; one line per file; a refused file
    is reported and the rest go on; a file already in is not stored twice. Each new document's
    copy signatures are made as it comes in. Exit status 1 if any file was refused."""
    record = _record(ctx, workspace)
    reports = record.ingest.ingest_paths(
        files,
        password=password,
        custodian=custodian,
        title=title,
        kind=kind,
        exhibit=ExhibitId.parse(exhibit) if exhibit is not None else None,
        family=family,
        parent=parent,
        publicly_available=public,
        unpack=unpack,
    )
    for report in reports:
        (err if report.outcome == "refused" else out).print(report.line())
    for control in (c for r in reports if r.outcome == "ingested" for c in r.controls):
        record.copies.sign(control)  # as it arrives, not on the first search for copies
    if any(report.outcome == "refused" for report in reports):
        raise typer.Exit(1)


@app.command()
@one_line_errors
def designate(
    ctx: typer.Context,
    document: Annotated[str, typer.Argument(help="Exhibit number, control or Bates number.")],
    tier: Annotated[str, typer.Argument(help="A tier of the protective order.")],
    note: str = "",
    on: str | None = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Designate (or re-designate) a document; its earlier designations stay on record."""
    _record(ctx, workspace).designations.designate(_doc(document), tier, note, _day(on))
    out.print(f"{document}: {tier}")


@app.command()
@one_line_errors
def challenge(
    ctx: typer.Context,
    document: Annotated[str, typer.Argument(help="Exhibit number, control or Bates number.")],
    grounds: Annotated[str, typer.Option(help="Why the designation is wrong.")],
    on: Annotated[str, typer.Option(help="Date raised (YYYY-MM-DD).")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Challenge a document's designation; it stands until the challenge ends."""
    number = _record(ctx, workspace).designations.challenge(
        _doc(document), grounds, _required_day(on)
    )
    out.print(f"challenge {number} raised against {document}")


@app.command("resolve-challenge")
@one_line_errors
def resolve_challenge(
    ctx: typer.Context,
    number: int,
    outcome: Annotated[str, typer.Argument(help="upheld, redesignated or withdrawn.")],
    on: Annotated[str, typer.Option(help="Date (YYYY-MM-DD).")],
    tier: Annotated[str | None, typer.Option(help="The new tier, when redesignated.")] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """End a designation challenge; a change of tier is recorded as a re-designation."""
    _record(ctx, workspace).designations.resolve_challenge(number, outcome, _required_day(on), tier)
    out.print(f"challenge {number}: {outcome}")


@app.command()
@one_line_errors
def produce(
    ctx: typer.Context,
    documents: ProducedDocuments,
    volume: VolumeOption,
    start: StartOption = None,
    continue_from: ContinueOption = None,
    allow_gap: Annotated[
        str | None, typer.Option(help="Why numbers are skipped after the last volume (audited).")
    ] = None,
    withhold: Annotated[
        list[str] | None, typer.Option(help="A document to replace by a slip sheet.")
    ] = None,
    reason: Annotated[str, typer.Option(help="Slip sheet text.")] = "Withheld \u2013 privileged",
    corner: CornerOption = "bottom-right",
    legend: LegendOption = None,
    redact_pattern: RedactPatternOption = None,
    workers: Annotated[int, typer.Option(help="Worker processes making the documents.")] = 1,
    on: str | None = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Bates-number and legend-stamp documents as one production volume (run it again to
    resume a volume an interrupted run left open)."""
    with _progress_bar(f"producing {volume}") as progress:
        span = _record(ctx, workspace).productions.produce(
            [_doc(d) for d in documents],
            _bates(start) if start is not None else None,
            volume,
            _day(on),
            continue_from=continue_from,
            allow_gap=allow_gap,
            withhold=dict.fromkeys((_doc(w) for w in withhold or ()), reason),
            corner=corner,
            legend=legend,
            redact_pattern=redact_pattern,
            workers=workers,
            progress=progress,
        )
    out.print(f"{volume}: {span} ({counted(len(span), 'page')})")


@contextmanager
def _progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    """A rich progress bar on stderr, fed by a service's (done, total) callback."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("{task.description}", markup=False),  # a volume's name, as typed
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


@app.command()
@one_line_errors
def item(
    ctx: typer.Context,
    document: str,
    item_id: str,
    page: Annotated[str, typer.Option(help="Bates number of the page.")],
    what: Annotated[str, typer.Option(help="A description that does not reveal it.")],
    text: Annotated[list[str] | None, typer.Option(help="Exact text on the page.")] = None,
    whole_page: bool = False,
    rect: Annotated[
        str | None,
        typer.Option(help="x0,y0,x1,y1 in points on the produced page, origin top-left."),
    ] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Name an item (a text span, a rectangle or a whole page) a claim or ruling can point at."""
    box = _rect(rect) if rect is not None else None
    _record(ctx, workspace).items.define(
        _doc(document), item_id, _bates(page), what, text or (), whole_page, box
    )
    out.print(f"item {item_id} on {page}")


def _rect(value: str) -> tuple[float, ...]:
    try:
        numbers = tuple(float(part) for part in value.split(","))
    except ValueError:
        numbers = ()
    if len(numbers) != 4:
        raise ClawbackError(f"--rect {value!r}: give four numbers x0,y0,x1,y1 in points")
    return numbers


@app.command()
@one_line_errors
def hits(
    ctx: typer.Context,
    pattern: Annotated[str, typer.Argument(help="A regular expression, e.g. [A-Z]{3}-\\d{4}.")],
    make_items: Annotated[
        str | None, typer.Option(help="Confirm: make the hits items named PREFIX-1, -2, ...")
    ] = None,
    what: Annotated[str, typer.Option(help="The items' description.")] = "",
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Every match of a pattern on the produced pages, to review; --make-items confirms them."""
    record = _record(ctx, workspace)
    found = record.items.pattern_hits(pattern)
    for h in found:
        out.print(f"{h.bates}  {h.text}  ...{h.snippet}...")
    if make_items:
        if not what:
            raise ClawbackError("--make-items needs --what (a description that does not reveal)")
        made = record.items.from_hits(found, make_items, what)
        out.print(f"{counted(len(made), 'item')}: {', '.join(made)}")


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
    for c in record.briefs.citations(data, brief.suffix):
        out.print(f"page {c.page + 1}: cites {c.raw} -> {c.cites}")
        for warning in c.warnings:
            out.print(f"page {c.page + 1}: warning: {warning}")
    for p in record.briefs.propose(data, brief.suffix):
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
    written = _record(ctx, workspace).briefs.file(
        brief.read_bytes(), out_dir, brief.stem, brief.suffix
    )
    for kind, path in written.items():
        out.print(f"{kind}: {path}")


@app.command("privilege-log")
@one_line_errors
def privilege_log(
    ctx: typer.Context,
    csv_path: Annotated[Path, typer.Option("--csv")] = Path("privilege-log.csv"),
    xlsx_path: Annotated[Path, typer.Option("--xlsx")] = Path("privilege-log.xlsx"),
    serve_on: Annotated[str | None, typer.Option(help="Keep this version as served.")] = None,
    note: str = "",
    categorical: Annotated[
        bool, typer.Option(help="One row per category (privilege, kind, basis), with counts.")
    ] = False,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Write the privilege log as the record stands (CSV and XLSX); --serve-on keeps it as
    served that day, so later versions can be compared (privilege-log-diff)."""
    from clawback.service import exports

    record = _record(ctx, workspace)
    record.may_deliver(csv_path, xlsx_path)
    if serve_on is not None:
        version, sha = record.privilege_log.serve(_required_day(serve_on), note)
        out.print(f"served as version {version} (sha256 {sha})")
    if categorical:
        grouped = record.privilege_log.categorical()
        record.deliver(csv_path, exports.categorical_log_csv(grouped), "privilege_log")
        record.deliver(xlsx_path, exports.categorical_log_xlsx(grouped), "privilege_log")
        out.print(f"{counted(len(grouped), 'category', 'categories')}: {csv_path}, {xlsx_path}")
        return
    rows = record.privilege_log.rows()
    record.deliver(csv_path, exports.privilege_log_csv(rows), "privilege_log")
    record.deliver(xlsx_path, exports.privilege_log_xlsx(rows), "privilege_log")
    out.print(f"{counted(len(rows), 'entry', 'entries')}: {csv_path}, {xlsx_path}")


@app.command("privilege-log-diff")
@one_line_errors
def privilege_log_diff(
    ctx: typer.Context,
    before: Annotated[int, typer.Argument(help="A served version.")],
    after: Annotated[int, typer.Argument(help="A later served version.")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """What changed in the privilege log between two served versions."""
    from clawback.service import exports

    text = exports.describe_changes(_record(ctx, workspace).privilege_log.diff(before, after))
    out.print(text.rstrip())


@app.command()
@one_line_errors
def serve(
    workspace: WorkspaceOption = DEFAULT_WS,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(help="Server processes answering at once (default: one per core)."),
    ] = None,
) -> None:
    """Serve the web app and its JSON API (/api) over the workspace, for people with a login."""
    from clawback.web.server import default_workers
    from clawback.web.server import serve as run

    run(workspace, host, port, default_workers() if workers is None else workers)


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


@app.command()
@one_line_errors
def demo(
    out_dir: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("demo-out"),
) -> None:
    """Run the reference case (S.D. Cal. order of June 26, 2020) end to end into --out."""
    from clawback.demo.run import run, workspace_for

    with err.status("reference case") as status:
        summary = run(out_dir, progress=lambda step: status.update(step))
    sealed = sum(e["sealed"] for e in summary["exhibits"])
    out.print(
        f"reference case done: {counted(len(summary['exhibits']), 'exhibit')}, {sealed} sealed"
    )
    for d in summary["deadlines"]:
        out.print(f"  due {d['due']}: {d['act']}")
    out.print(
        f"outputs in {out_dir}/ (summary.md, summary.json, sealed/, public/, privilege-log.*)"
    )
    out.print(f"the record: clawback show 19 -w {workspace_for(out_dir)}")
    _demo_logins(workspace_for(out_dir))


def _demo_logins(home: Path) -> None:
    """A login for each of the demo's people: CLAWBACK_DEMO_PASSWORD for all, else one made
    for each and printed here once, with the TOTP secret where the order asks a second factor."""
    from clawback.service import Via

    given = os.environ.get("CLAWBACK_DEMO_PASSWORD") or None
    record = _workspace().open(home).operator(Via.cli)
    try:
        out.print(f"web app: clawback serve -w {home}, then http://127.0.0.1:8000/ as")
        for person in record.people.list():
            made = record.accounts.invite(person.email, given)
            line = f"  {made.email} ({person.side})"
            line += "" if given else f"  password: {made.password}"
            out.print(line + (f"  TOTP secret: {made.totp_secret}" if made.totp_secret else ""))
    finally:
        record.close()


def main() -> None:  # pragma: no cover - the console script entry point
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    sys.exit(app())


# Each module registers its commands on ``app`` when imported.
from clawback import (  # noqa: E402, F401
    cli_audit,
    cli_cases,
    cli_dispute,
    cli_filed,
    cli_jobs,
    cli_log,
    cli_papers,
    cli_people,
    cli_reader,
    cli_reads,
    cli_reviews,
    cli_rulings,
    cli_sealing,
    cli_volumes,
    cli_web,
)
