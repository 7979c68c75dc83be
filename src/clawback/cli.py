"""The command line: each command is one call on the service API, and errors are one line."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
import yaml
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)

from clawback.domain.compliance import Act, Directive
from clawback.domain.errors import ClawbackError
from clawback.service import Workspace
from clawback.service.exports import write_privilege_log

app = typer.Typer(
    help="clawback: documents under a protective order, claw-backs, rulings, sealing, filing.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
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


def one_line_errors(command: F) -> F:
    """Turn a failure the user can act on into one line on stderr and exit status 1."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (ClawbackError, ValueError, OSError) as exc:
            err.print(f"[red]error:[/red] {exc}", highlight=False, markup=True)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


_seat: dict[str, str | None] = {"as": None}


@app.callback()
def _global(
    as_person: Annotated[
        str | None,
        typer.Option(
            "--as", envvar="CLAWBACK_AS", help="Act as this person (email): see what they see."
        ),
    ] = None,
) -> None:
    """clawback: documents under a protective order, claw-backs, rulings, sealing, filing."""
    _seat["as"] = as_person


def _fail_on(problems: Sequence[str]) -> None:
    """Each problem on its own line on stderr; exit status 1 if there was any."""
    for problem in problems:
        err.print(problem, highlight=False, markup=False)
    if problems:
        raise typer.Exit(1)


def _open(path: Path) -> Workspace:
    ws = Workspace.open(path, as_person=_seat["as"])
    ws.path = "cli"
    return ws


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ClawbackError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _required_day(value: str) -> date:
    day = _day(value)
    assert day is not None
    return day


@app.command()
@one_line_errors
def init(path: Annotated[Path, typer.Argument(help="Folder to create.")] = DEFAULT_WS) -> None:
    """Create a workspace: a SQLite database (or CLAWBACK_DATABASE_URL) and a file store."""
    Workspace.init(path).close()
    out.print(f"workspace ready at {path}")


@app.command("load-case")
@one_line_errors
def load_case(
    case_file: Annotated[Path | None, typer.Argument(help="Case YAML (caption, order).")] = None,
    reference: Annotated[bool, typer.Option(help="Load the reference case.")] = False,
    order: Annotated[
        str | None, typer.Option(help="A preset protective order: sdcal-dkt-276, ndcal-model.")
    ] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Record the matter and its protective order (tiers and who each admits)."""
    if reference:
        from clawback.demo.run import reference_case

        data = reference_case()
    elif case_file is None:
        raise ClawbackError("give a case file or --reference")
    else:
        try:
            data = yaml.safe_load(case_file.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            first = str(exc).splitlines()[0]
            raise ClawbackError(f"{case_file}: not valid YAML ({first})") from None
        if not isinstance(data, dict):
            raise ClawbackError(f"{case_file}: case data must be a mapping")
    ws = _open(workspace)
    ws.load_case(data, order)
    out.print(f"case {data['case']['number']} loaded")


@app.command()
@one_line_errors
def ingest(
    files: Annotated[list[Path], typer.Argument(help="Files and folders (recursing).")],
    title: Annotated[str | None, typer.Option(help="Title (default: file name).")] = None,
    kind: Annotated[str | None, typer.Option(help="Kind (default: what the file is).")] = None,
    exhibit: Annotated[int | None, typer.Option(help="Exhibit number (one file only).")] = None,
    family: str | None = None,
    parent: bool = False,
    public: Annotated[bool, typer.Option(help="Already publicly available.")] = False,
    password: Annotated[
        str | None,
        typer.Option(envvar="CLAWBACK_PDF_PASSWORD", help="Password of encrypted PDFs."),
    ] = None,
    custodian: Annotated[str, typer.Option(help="Whose files these are.")] = "",
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Store files with each page's text and hashes: PDFs, e-mails (.eml/.msg, as families),
    Office files (converted), pictures and scans (OCR'd). Folders are walked; one line per
    file; a refused file is reported and the rest go on; a file already in is not stored
    twice. Exit status 1 if any file was refused."""
    reports = _open(workspace).ingest_paths(
        files,
        password=password,
        custodian=custodian,
        title=title,
        kind=kind,
        exhibit=exhibit,
        family=family,
        parent=parent,
        publicly_available=public,
    )
    for report in reports:
        (err if report.outcome == "refused" else out).print(
            report.line(), highlight=False, markup=False
        )
    if any(report.outcome == "refused" for report in reports):
        raise typer.Exit(1)


@app.command()
@one_line_errors
def designate(
    document: Annotated[str, typer.Argument(help="Exhibit number, control or Bates number.")],
    tier: Annotated[str, typer.Argument(help="A tier of the protective order.")],
    note: str = "",
    on: str | None = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Designate (or re-designate) a document; its earlier designations stay on record."""
    _open(workspace).designate(document, tier, note, _day(on))
    out.print(f"{document}: {tier}")


@app.command()
@one_line_errors
def challenge(
    document: Annotated[str, typer.Argument(help="Exhibit number, control or Bates number.")],
    grounds: Annotated[str, typer.Option(help="Why the designation is wrong.")],
    on: Annotated[str, typer.Option(help="Date raised (YYYY-MM-DD).")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Challenge a document's designation; it stands until the challenge ends."""
    number = _open(workspace).challenge(document, grounds, _required_day(on))
    out.print(f"challenge {number} raised against {document}")


@app.command("resolve-challenge")
@one_line_errors
def resolve_challenge(
    number: int,
    outcome: Annotated[str, typer.Argument(help="upheld, redesignated or withdrawn.")],
    on: Annotated[str, typer.Option(help="Date (YYYY-MM-DD).")],
    tier: Annotated[str | None, typer.Option(help="The new tier, when redesignated.")] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """End a designation challenge; a change of tier is recorded as a re-designation."""
    _open(workspace).resolve_challenge(number, outcome, _required_day(on), tier)
    out.print(f"challenge {number}: {outcome}")


@app.command()
@one_line_errors
def produce(
    documents: Annotated[list[str], typer.Argument(help="Documents, in production order.")],
    volume: Annotated[str, typer.Option(help="Volume name.")],
    start: Annotated[
        str | None, typer.Option(help="First Bates number, e.g. ABC-00000001.")
    ] = None,
    continue_from: Annotated[
        str | None,
        typer.Option("--continue", help="Go on after the last volume with this prefix, e.g. ABC-."),
    ] = None,
    allow_gap: Annotated[
        str | None, typer.Option(help="Why numbers are skipped after the last volume (audited).")
    ] = None,
    withhold: Annotated[
        list[str] | None, typer.Option(help="A document to replace by a slip sheet.")
    ] = None,
    reason: Annotated[str, typer.Option(help="Slip sheet text.")] = "Withheld \u2013 privileged",
    corner: Annotated[
        str, typer.Option(help="bottom-right|bottom-left|bottom-center|top-right|top-left|...")
    ] = "bottom-right",
    legend: Annotated[
        str | None, typer.Option(help="Legend text (default: the order's, by tier).")
    ] = None,
    redact_pattern: Annotated[
        str | None, typer.Option(help="Truly redact every match of this regular expression.")
    ] = None,
    workers: Annotated[int, typer.Option(help="Worker processes making the documents.")] = 1,
    on: str | None = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Bates-number and legend-stamp documents as one production volume (run it again to
    resume a volume an interrupted run left open)."""
    with _progress_bar(f"producing {volume}") as progress:
        span = _open(workspace).produce(
            documents,
            start,
            volume,
            _day(on),
            continue_from=continue_from,
            allow_gap=allow_gap,
            withhold=dict.fromkeys(withhold or (), reason),
            corner=corner,
            legend=legend,
            redact_pattern=redact_pattern,
            workers=workers,
            progress=progress,
        )
    out.print(f"{volume}: {span} ({len(span)} pages)")


@contextmanager
def _progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    """A rich progress bar on stderr, fed by a service's (done, total) callback."""
    with Progress(
        TextColumn("{task.description}"),
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
    _open(workspace).define_item(document, item_id, page, what, text or (), whole_page, box)
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
    pattern: Annotated[str, typer.Argument(help="A regular expression, e.g. [A-Z]{3}-\\d{4}.")],
    make_items: Annotated[
        str | None, typer.Option(help="Confirm: make the hits items named PREFIX-1, -2, ...")
    ] = None,
    what: Annotated[str, typer.Option(help="The items' description.")] = "",
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Every match of a pattern on the produced pages, to review; --make-items confirms them."""
    ws = _open(workspace)
    found = ws.pattern_hits(pattern)
    for h in found:
        out.print(f"{h.bates}  {h.text}  ...{h.snippet}...", highlight=False, markup=False)
    if make_items:
        if not what:
            raise ClawbackError("--make-items needs --what (a description that does not reveal)")
        made = ws.items_from_hits(found, make_items, what)
        out.print(f"{len(made)} items: {', '.join(made)}")


@app.command()
@one_line_errors
def claim(
    claim_id: str,
    exhibit: Annotated[list[int], typer.Option(help="Claimed exhibit(s).")],
    privilege: str = "law_enforcement",
    item: Annotated[list[str] | None, typer.Option(help="Claimed item(s).")] = None,
    declaration: Annotated[list[str] | None, typer.Option()] = None,
    paragraph: Annotated[list[str] | None, typer.Option()] = None,
    basis: str = "",
    on: str | None = None,
    learned_on: Annotated[
        str | None, typer.Option(help="Day the producing side learned of the disclosure.")
    ] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Give claw-back notice (FRCP 26(b)(5)(B)): the claimed material is sequestered at once."""
    _open(workspace).claim(
        claim_id,
        privilege=privilege,
        exhibits=exhibit,
        items=item or (),
        declarations=declaration or (),
        paragraphs=paragraph or (),
        basis=basis,
        on=_day(on),
        learned_on=_day(learned_on),
    )
    out.print(f"claim {claim_id}: noticed")


@app.command()
@one_line_errors
def advance(
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
    _open(workspace).advance(
        claim_id, state, _day(on), how=how, volume=volume, bates=bates, note=note
    )
    out.print(f"claim {claim_id}: {state}")


@app.command("claims")
@one_line_errors
def claims_(workspace: WorkspaceOption = DEFAULT_WS) -> None:
    """Every claim: where it stands, its dated history, the FRE 502(b) lateness flag and the
    duties it started."""
    for c in _open(workspace).claims_status():
        out.print(
            f"{c['claim']}  {c['state']}  {c['privilege']}  "
            f"Ex. {', '.join(str(n) for n in c['exhibits'])}",
            highlight=False,
        )
        if c["late"]:
            out.print(f"    {c['late']}", highlight=False, markup=False)
        history = "; ".join(
            f"{h['state']} {h['on'] or ''} by {h['by']}".replace("  ", " ") for h in c["history"]
        )
        out.print(f"    history: {history}", highlight=False, markup=False)
        for d in c["duties"]:
            status = f"done {d['done_on']}" if d["done_on"] else "open"
            out.print(f"    due {d['due']} ({status}): {d['act']}", highlight=False, markup=False)


@app.command("review")
@one_line_errors
def review(
    claim_id: str,
    findings: Annotated[Path, typer.Option(help="YAML: threshold, factors, conclusion.")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Record the court's findings on a claim: the threshold showing and the ten Frankenhauser
    factors, each with a finding and a citation."""
    if not findings.is_file():
        raise ClawbackError(f"no findings file {findings}")
    try:
        data = yaml.safe_load(findings.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0]
        raise ClawbackError(f"findings file {findings} is not YAML: {first}") from None
    if not isinstance(data, dict):
        raise ClawbackError(f"findings file {findings} is not a mapping of threshold and factors")
    ws = _open(workspace)
    ws.record_review(claim_id, data)
    kept = ws.review_record(claim_id)
    shown = kept.threshold_words
    out.print(f"claim {claim_id}: review recorded (threshold {shown}, {len(kept.factors)} factors)")


@app.command("bench-memo")
@one_line_errors
def bench_memo(
    claim_id: str,
    out_path: Annotated[Path, typer.Option("--out", help="The memo PDF to write.")] = Path(
        "bench-memo.pdf"
    ),
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Print the bench memo for a claim (PDF): caption, claim, declarations, threshold,
    factors, ruling; it describes the claimed material and never shows it."""
    data = _open(workspace).bench_memo(claim_id)
    out_path.write_bytes(data)
    out.print(f"bench memo for {claim_id}: {out_path}")


@app.command()
@one_line_errors
def rule(
    claim_id: str,
    result: Annotated[str, typer.Argument(help="granted, denied or granted_in_part.")],
    item: Annotated[list[str] | None, typer.Option(help="Item(s) granted.")] = None,
    reason: str = "",
    on: str | None = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Enter the court's ruling on a claim."""
    _open(workspace).rule(claim_id, result, item or (), reason, _day(on))
    out.print(f"claim {claim_id}: {result}")


@app.command()
@one_line_errors
def seal(
    docket: str,
    exhibit: Annotated[list[int], typer.Option(help="Exhibit(s) the motion asks to seal.")],
    kind: Annotated[str, typer.Option(help="dispositive or non_dispositive.")],
    granted: Annotated[bool, typer.Option("--granted/--denied")] = True,
    joint: bool = False,
    reason: str = "",
    on: str | None = None,
    unseal_on: Annotated[str | None, typer.Option(help="Day the seal ends.")] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Rule on a motion to seal, exhibit by exhibit; already-public material is never sealed."""
    decisions = _open(workspace).seal(
        docket,
        exhibits=exhibit,
        kind=kind,
        granted=granted,
        joint=joint,
        reason=reason,
        on=_day(on),
        unseal_on=_day(unseal_on),
    )
    for d in decisions:
        out.print(f"Ex. {d.exhibit}: {'sealed' if d.sealed else 'not sealed'} ({d.reason})")


@app.command()
@one_line_errors
def deadlines(
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
    ws = _open(workspace)
    if directive:
        day = _day(order_date)
        if day is None:
            raise ClawbackError("--directive needs --order-date")
        ws.order_deadlines(day, [_directive(d) for d in directive], served_by)
    as_of = _day(today) or date.today()
    found = ws.deadlines()
    for d in found:
        status = d.status(as_of)
        out.print(
            f"{d.number:>3}  {d.due.isoformat()}  {status:9}  {d.act}  [{d.source}]",
            highlight=False,
        )
    if ics is not None:
        ics.write_text(ws.calendar(), encoding="utf-8", newline="")
        out.print(f"{len(found)} deadlines written to {ics}")


@app.command()
@one_line_errors
def done(
    number: Annotated[int, typer.Argument(help="The deadline's number (see deadlines).")],
    on: Annotated[str, typer.Option(help="Day it was done (YYYY-MM-DD).")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Mark a required act done."""
    _open(workspace).complete(number, _required_day(on))
    out.print(f"deadline {number}: done")


@app.command("move-to-seal")
@one_line_errors
def move_to_seal(
    docket: str,
    exhibit: Annotated[list[int], typer.Option(help="Exhibit(s) to seal.")],
    kind: Annotated[str, typer.Option(help="dispositive or non_dispositive.")],
    filed_on: Annotated[str, typer.Option(help="Day the motion was filed.")],
    local_rule: Annotated[str | None, typer.Option(help="ndcal-79-5 or sdcal.")] = None,
    designating_party: Annotated[
        bool, typer.Option("--by-designating-party/--by-other-party")
    ] = True,
    joint: bool = False,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Record a motion to seal as filed, and the supporting statement it calls for."""
    due = _open(workspace).move_to_seal(
        docket,
        exhibits=exhibit,
        kind=kind,
        filed_on=_required_day(filed_on),
        local_rule=local_rule,
        movant_designated=designating_party,
        joint=joint,
    )
    out.print(f"motion to seal Dkt. {docket} recorded")
    if due is not None:
        out.print(f"  due {due.due.isoformat()}: {due.act}", highlight=False)


def _directive(text: str) -> Directive:
    try:
        paragraph, days, act = text.split(":")
        return Directive(paragraph, int(days), Act(act))
    except ValueError:
        raise ClawbackError(f"not a directive PARAGRAPH:DAYS:ACT: {text!r}") from None


@app.command("file")
@one_line_errors
def file_(
    out_dir: Annotated[Path, typer.Argument(help="Where sealed/ and public/ go.")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Make the sealed and public filing packages, each file verified before it is written."""
    made = _open(workspace).file(out_dir)
    out.print(f"{len(made)} files written to {out_dir}")


@app.command("draft-order")
@one_line_errors
def draft_order(
    producing: Annotated[str, typer.Option(help="How the order names the producing party.")] = (
        "Defendants"
    ),
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """The ordering paragraphs of a proposed order, drafted from the rulings and deadlines."""
    for paragraph in _open(workspace).draft_order(producing):
        out.print(str(paragraph), highlight=False, markup=False)


@app.command("propose-redactions")
@one_line_errors
def propose_redactions(
    brief: Annotated[Path, typer.Argument(help="The brief: PDF, or DOCX/ODT via LibreOffice.")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """What a public version of a brief must redact: designated material it quotes.

    The text of each proposal is the confidential material itself: it is shown to you because
    you may see it, and only to you."""
    ws = _open(workspace)
    data = brief.read_bytes()
    for c in ws.brief_citations(data, brief.suffix):
        out.print(f"page {c.page + 1}: cites {c.raw} -> {c.cites}", highlight=False, markup=False)
    for p in ws.propose_brief_redactions(data, brief.suffix):
        out.print(
            f"page {p.page + 1}: redact {p.text!r} ({p.reason}; {p.source})",
            highlight=False,
            markup=False,
        )


@app.command("file-brief")
@one_line_errors
def file_brief(
    brief: Annotated[Path, typer.Argument(help="The brief: PDF, or DOCX/ODT via LibreOffice.")],
    out_dir: Annotated[
        Path, typer.Option("--out", help="Where public/, highlighted/ and sealed/ go.")
    ],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """The brief's public version (proposed redactions made and verified), the highlighted
    version for the court, and the version lodged under seal."""
    written = _open(workspace).file_brief(brief.read_bytes(), out_dir, brief.stem, brief.suffix)
    for kind, path in written.items():
        out.print(f"{kind}: {path}")


@app.command("privilege-log")
@one_line_errors
def privilege_log(
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
    ws = _open(workspace)
    if serve_on is not None:
        version, sha = ws.serve_privilege_log(_required_day(serve_on), note)
        out.print(f"served as version {version} (sha256 {sha})")
    if categorical:
        from clawback.service.exports import write_categorical_log

        grouped = ws.categorical_privilege_log()
        write_categorical_log(grouped, csv_path, xlsx_path)
        out.print(f"{len(grouped)} categories: {csv_path}, {xlsx_path}")
        return
    rows = ws.privilege_log()
    write_privilege_log(rows, csv_path, xlsx_path)
    out.print(f"{len(rows)} entries: {csv_path}, {xlsx_path}")


@app.command("privilege-log-diff")
@one_line_errors
def privilege_log_diff(
    before: Annotated[int, typer.Argument(help="A served version.")],
    after: Annotated[int, typer.Argument(help="A later served version.")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """What changed in the privilege log between two served versions."""
    from clawback.service.exports import describe_changes

    text = describe_changes(_open(workspace).privilege_log_diff(before, after))
    out.print(text.rstrip(), highlight=False, markup=False)


@app.command()
@one_line_errors
def show(
    document: Annotated[str, typer.Argument(help="Exhibit number, control or Bates number.")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """What the record holds about a document: Bates range, designations, items, claims."""
    shown = _open(workspace).show(document)
    out.print_json(json.dumps(shown))
    for warning in shown.get("warnings", []):
        err.print(f"warning: {warning}", highlight=False, markup=False)


people_app = typer.Typer(help="The people in the case and their seats under the order.")
app.add_typer(people_app, name="people")


@people_app.command("add")
@one_line_errors
def people_add(
    email: str,
    name: Annotated[str, typer.Option(help="Full name.")],
    side: Annotated[str, typer.Option(help="producing, receiving, court or public.")],
    category: Annotated[str, typer.Option(help="Recipient category under the order.")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Give someone a seat; experts and others who must sign start without access."""
    person = _open(workspace).add_person(email, name=name, side=side, category=category)
    signed = "" if person.acknowledged else " (no access until their acknowledgment is recorded)"
    out.print(f"{person.email}: {person.side} {person.category}{signed}", highlight=False)


@people_app.command("acknowledge")
@one_line_errors
def people_acknowledge(email: str, workspace: WorkspaceOption = DEFAULT_WS) -> None:
    """Record a signed acknowledgment and agreement to be bound."""
    _open(workspace).acknowledge(email)
    out.print(f"{email}: acknowledgment recorded")


@people_app.command("list")
@one_line_errors
def people_list(workspace: WorkspaceOption = DEFAULT_WS) -> None:
    """Everyone with a seat."""
    for p in _open(workspace).people():
        signed = "" if p.acknowledged else "  (acknowledgment missing)"
        out.print(f"{p.email}  {p.side}  {p.category}  {p.name}{signed}", highlight=False)


@app.command()
@one_line_errors
def text(
    bates: Annotated[str, typer.Argument(help="Bates number of a produced page.")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """The text of one page, as you may read it."""
    ws = _open(workspace)
    out.print(ws.page_text(bates), highlight=False, markup=False)
    for warning in ws.page_warnings(bates):
        err.print(f"warning: {warning}", highlight=False, markup=False)


@app.command()
@one_line_errors
def image(
    bates: Annotated[str, typer.Argument(help="Bates number of a produced page.")],
    png: Annotated[Path, typer.Option("--png", help="Where to write the PNG.")],
    dpi: int = 72,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """A picture of one page (a thumbnail at a low --dpi), as you may see it."""
    png.write_bytes(_open(workspace).page_image(bates, dpi))
    out.print(f"{bates}: {png}")


@app.command()
@one_line_errors
def search(
    query: str,
    limit: int = 50,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Pages holding the words, among those you may see."""
    for hit in _open(workspace).search(query, limit):
        out.print(f"{hit.bates}  {hit.snippet}", highlight=False, markup=False)


@app.command()
@one_line_errors
def export(
    documents: Annotated[list[str], typer.Argument(help="Documents to export.")],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the PDFs.")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Write documents as PDFs, each in the version you may see."""
    for path in _open(workspace).export(documents, out_dir):
        out.print(str(path))


audit_app = typer.Typer(help="The hash-chained audit trail.")
app.add_typer(audit_app, name="audit")


@audit_app.command("verify")
@one_line_errors
def audit_verify(workspace: WorkspaceOption = DEFAULT_WS) -> None:
    """Re-hash the trail; name every edited, deleted or reordered entry (exit 1 if any)."""
    _fail_on([p.message for p in _open(workspace).verify_audit()])
    out.print("audit trail intact")


@audit_app.command("export")
@one_line_errors
def audit_export(
    path: Annotated[Path, typer.Argument(help="File to write (.jsonl or .csv).")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl or csv.")] = "jsonl",
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Export the trail with its chain head, for a court to verify on its own."""
    head = _open(workspace).export_audit(path, fmt)
    out.print(f"{path}: chain head {head}")


@audit_app.command("check-file")
@one_line_errors
def audit_check_file(path: Path) -> None:
    """Verify an exported trail without any workspace (what a court would run)."""
    from clawback.storage.audit import verify_export

    _fail_on([p.message for p in verify_export(path)])
    out.print(f"{path}: intact")


@app.command()
@one_line_errors
def conflicts(workspace: WorkspaceOption = DEFAULT_WS) -> None:
    """Exact copies of one page that the rulings treat differently (exit 1 if any)."""
    found = _open(workspace).ruling_conflicts()
    for c in found:
        out.print(
            f"{c.bates} is {c.treatment} but its copy {c.copy} ({c.kind}) is {c.copy_treatment}",
            highlight=False,
        )
    if found:
        raise typer.Exit(1)
    out.print("no copy is treated differently from another")


@app.command()
@one_line_errors
def copies(
    bates: Annotated[str | None, typer.Argument(help="A produced page.")] = None,
    claim: Annotated[
        str | None, typer.Option(help="Copies, outside the claim, of what it claims.")
    ] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Every other produced page with the same or nearly the same text or picture."""
    ws = _open(workspace)
    if claim is not None:
        for page, c in ws.claim_copies(claim):
            out.print(
                f"{page}: extend {claim} to {c.bates}? ({c.kind}, Ex. {c.exhibit})", highlight=False
            )
        return
    if bates is None:
        raise ClawbackError("give a Bates number or --claim")
    found = ws.find_copies(bates)
    for c in found:
        review = "  (review: near matches are proposals)" if c.kind.startswith("near") else ""
        ex = f"Ex. {c.exhibit}" if c.exhibit is not None else "-"
        out.print(f"{c.bates}  {ex}  {c.kind}  {c.score}{review}", highlight=False)
    if not found:
        out.print(f"no other copy of {bates}")


volume_app = typer.Typer(help="Production volumes on disk: PDFs, text, DAT and OPT.")
app.add_typer(volume_app, name="volume")


@volume_app.command("export")
@one_line_errors
def volume_export(
    volume: str,
    out_dir: Annotated[Path, typer.Option("--out", help="Folder to write the volume in.")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Write a production volume: one PDF and one text file per document, DAT and OPT."""
    with _progress_bar(f"exporting {volume}") as progress:
        folder = _open(workspace).export_volume(volume, out_dir, progress=progress)
    out.print(str(folder))


@volume_app.command("abandon")
@one_line_errors
def volume_abandon(
    volume: str,
    reason: Annotated[str, typer.Option("--reason", help="Why it is given up (audited).")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Give up an open volume that cannot be finished: its documents lose its numbers and
    stamped files, the numbers are free again, the volume stays on record as abandoned."""
    released = _open(workspace).abandon_volume(volume, reason)
    out.print(f"{volume} abandoned: {released} document(s) released", highlight=False)


@volume_app.command("import")
@one_line_errors
def volume_import(
    folder: Path,
    dat: Annotated[Path | None, typer.Option("--dat", help="The DAT load file.")] = None,
    opt: Annotated[Path | None, typer.Option("--opt", help="The OPT image load file.")] = None,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Load a production volume, ours or another party's: DAT, OPT, images, text, natives
    (without --dat/--opt, the one DAT and OPT in FOLDER/DATA or FOLDER). Each record that
    cannot be read is one line on stderr (exit 1); the rest are imported."""
    from clawback.service.received import describe

    report = _open(workspace).import_received(folder, dat, opt)
    for line in describe(report):
        out.print(line, highlight=False, markup=False)
    documents = len({i.control for i in report.imported})  # a file sent twice is in once
    out.print(
        f"{len(report.imported)} records imported from {folder} as {documents} documents",
        highlight=False,
    )
    _fail_on(report.problems)


@app.command()
@one_line_errors
def check(workspace: WorkspaceOption = DEFAULT_WS) -> None:
    """Re-hash every stored file; report missing, altered and orphaned files (exit 1 if any)."""
    _fail_on(_open(workspace).check())
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
    out.print(f"reference case done: {len(summary['exhibits'])} exhibits, {sealed} sealed")
    for d in summary["deadlines"]:
        out.print(f"  due {d['due']}: {d['act']}", highlight=False)
    out.print(
        f"outputs in {out_dir}/ (summary.md, summary.json, sealed/, public/, privilege-log.*)"
    )
    out.print(f"the record: clawback show 19 -w {workspace_for(out_dir)}", highlight=False)


def main() -> None:  # pragma: no cover - the console script entry point
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    sys.exit(app())
