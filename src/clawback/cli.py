"""The command line: each command is one call on the service API, and errors are one line.

Start-up is kept light: this module imports typer, rich's console and the pure domain values
its options name, and nothing else at import time. A command imports the service it calls
inside its function (``_record``, ``_workspace``), so `clawback --help` never loads SQLAlchemy,
the PDF engine or the rest (``tests/test_cli_start.py`` holds that line).
"""

from __future__ import annotations

import errno
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
from clawback.domain.days import parse_day
from clawback.domain.errors import ClawbackError, InvalidInput
from clawback.domain.exhibit_ids import ExhibitId
from clawback.domain.refs import DocumentRef, parse_document_ref

if TYPE_CHECKING:
    from clawback.ingest import FileReport
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
        except (typer.Exit, typer.Abort):  # RuntimeErrors: the command's own exit
            raise
        except Exception as exc:  # a reading library's own, on a damaged file: else raised
            from clawback.ingest.unreadable import library_said

            said = library_said(exc)
            if said is None:
                raise
            err.print(f"error: a damaged file could not be read ({said})")
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


#: How a file path's problem is said (else the system's own words, as "No space left on device").
_PATH_PROBLEMS = {
    errno.EISDIR: "is a folder",
    errno.ENOENT: "no such file",
    errno.ENOTDIR: "not a folder (or a part of its path is not)",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
}


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.filename is not None and exc.strerror:
        # the path and its problem, not Python's "[Errno 21] Is a directory: '/tmp/x'"
        problem = _PATH_PROBLEMS.get(exc.errno or 0, exc.strerror)
        text = f"{os.fsdecode(exc.filename)}: {problem}"
    else:
        text = str(exc)
    return " ".join(text.split()) or type(exc).__name__


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
    return parse_day(value)


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


#: How a PDF that needs a password is refused (`pdf.files.decrypt`).
LOCKED = "it needs a password to open"


def _ingest_kind(kind: str | None) -> str | None:
    """``--kind`` as ingest takes it: ``received`` or none (what the file is). Any other word
    was stored as the documents' kind."""
    if kind is not None and kind != "received":
        raise InvalidInput(f"no ingest kind {kind!r}: give --kind received, or leave it out")
    return kind


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
    kind = _ingest_kind(kind)
    record = _record(ctx, workspace)

    def said(report: FileReport) -> None:  # as each file is done with, not at the end
        line = report.line()
        if report.outcome == "refused" and report.reason.endswith(LOCKED):
            line += " (give --password)"  # the option is this command's, said here only
        (err if report.outcome == "refused" else out).print(line)

    reports = record.ingest.ingest_paths(
        files,
        each=said,
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
    kept = _record(ctx, workspace).designations.designate(_doc(document), tier, note, _day(on))
    out.print(f"{document}: {kept}")


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
    number: Annotated[str, typer.Argument(help="The challenge's reference.")],
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
    cli_checks,
    cli_dispute,
    cli_filed,
    cli_filing,
    cli_items,
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
