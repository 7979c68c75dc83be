"""Commands for long work run as steps (`clawback.jobs`): ``clawback worker`` and
``clawback jobs ingest|produce``.

With a broker (``--broker`` or ``CLAWBACK_BROKER``) a command queues its steps for the
workspace's workers and, unless ``--no-wait``, shows their progress until every step (and
each signature step that follows an ingest) is done; without one it runs them in a local
process pool (``--workers``). Either way it prints one line per step asked for, in the order
asked, and each refused line of the steps that followed; exit status 1 if any was refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from clawback.cli import (
    DEFAULT_WS,
    ContinueOption,
    CornerOption,
    LegendOption,
    ProducedDocuments,
    RedactPatternOption,
    StartOption,
    VolumeOption,
    WorkspaceOption,
    _day,
    _ingest_kind,
    _progress_bar,
    _record,
    app,
    err,
    one_line_errors,
    out,
)
from clawback.domain.seats import Act
from clawback.domain.typed import processes

if TYPE_CHECKING:
    from clawback.jobs import Outcome, Step

jobs_app = typer.Typer(
    help="Long work as steps: in a local process pool, or queued for `clawback worker`s.",
    no_args_is_help=True,
)
app.add_typer(jobs_app, name="jobs")

BrokerOption = Annotated[
    str | None,
    typer.Option(
        envvar="CLAWBACK_BROKER",
        help="Celery broker URL (redis://127.0.0.1:6379/0); none: a local process pool.",
    ),
]
WorkersOption = Annotated[
    int, typer.Option(help="Processes of the local pool (with no broker), 1 to 32.")
]
WaitOption = Annotated[
    bool, typer.Option("--wait/--no-wait", help="Show progress until every step is done.")
]


@app.command()
@one_line_errors
def worker(
    broker: Annotated[
        str, typer.Option(envvar="CLAWBACK_BROKER", help="Celery broker URL (Redis).")
    ],
    concurrency: Annotated[int, typer.Option(help="Worker processes, 1 to 32.")] = 2,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Take this workspace's steps from the broker and run them, as the operator, in
    CONCURRENCY processes, until stopped. A process killed mid-step has its step run again
    by another: nothing is lost or made twice."""
    from clawback.jobs import queue

    queue.serve(workspace, None, broker, processes("--concurrency", concurrency))


@jobs_app.command("ingest")
@one_line_errors
def jobs_ingest(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="Files and folders (recursing).")],
    kind: Annotated[str | None, typer.Option(help="Kind (default: what the file is).")] = None,
    custodian: Annotated[str, typer.Option(help="Whose files these are.")] = "",
    broker: BrokerOption = None,
    workers: WorkersOption = 2,
    wait: WaitOption = True,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Ingest files, one step per file, each followed by its documents' copy signatures."""
    from clawback.ingest import walk
    from clawback.jobs import Step

    kind = _ingest_kind(kind)
    steps = [Step.ingest(p, kind=kind, custodian=custodian) for p in walk(files)]
    _run(ctx, workspace, Act.ingest, steps, broker, workers, wait)


@jobs_app.command("produce")
@one_line_errors
def jobs_produce(
    ctx: typer.Context,
    documents: ProducedDocuments,
    volume: VolumeOption,
    start: StartOption = None,
    continue_from: ContinueOption = None,
    corner: CornerOption = "bottom-right",
    legend: LegendOption = None,
    redact_pattern: RedactPatternOption = None,
    on: str | None = None,
    broker: BrokerOption = None,
    wait: WaitOption = True,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Produce one volume as one step (resumed where a killed worker left it)."""
    from clawback.jobs import Step

    step = Step.produce(
        documents,
        volume,
        start,
        continue_from=continue_from,
        corner=corner,
        legend=legend,
        redact_pattern=redact_pattern,
        on=_day(on),
    )
    _run(ctx, workspace, Act.produce, [step], broker, 1, wait)


@jobs_app.command("sign")
@one_line_errors
def jobs_sign(
    ctx: typer.Context,
    broker: BrokerOption = None,
    workers: WorkersOption = 2,
    wait: WaitOption = True,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Make the copy signatures of every document that has a page not signed yet (after an
    upgrade, or files ingested by the web app), one step per document."""
    from clawback.jobs import Step

    steps = [Step.sign(c) for c in _record(ctx, workspace).copies.unsigned()]
    _run(ctx, workspace, Act.ingest, steps, broker, workers, wait)


def _run(
    ctx: typer.Context,
    workspace: Path,
    act: Act,
    steps: Sequence[Step],
    broker: str | None,
    workers: int,
    wait: bool,
) -> None:
    """Run or queue ``steps``, which make ``act`` (refused now to a preview or a seat that
    may not: the workers run them as the operator)."""
    processes("--workers", workers)
    record = _record(ctx, workspace)
    record.ctx.require(act)
    workspace_id = record.ctx.workspace.id
    record.ctx.workspace.close()
    found = (
        _run_here(workspace, steps, workers)
        if broker is None
        else _queue(broker, workspace_id, steps, wait)
    )
    if found is None:
        return  # queued, not waited for
    asked, followed = found
    for outcome in asked:
        for line in outcome.lines:
            (err if outcome.refused else out).print(line)
    for outcome in followed:
        if outcome.refused:
            for line in outcome.lines:
                err.print(line)
    if any(o.refused for o in (*asked, *followed)):
        raise typer.Exit(1)


def _run_here(
    workspace: Path, steps: Sequence[Step], workers: int
) -> tuple[list[Outcome], list[Outcome]]:
    from clawback.jobs import run_local

    asked: dict[int, Outcome] = {}
    followed: list[Outcome] = []
    ids = {id(step): n for n, step in enumerate(steps)}
    known = len(steps)
    with _progress_bar("steps") as progress:

        def report(step: Step, outcome: Outcome) -> None:
            nonlocal known
            if id(step) in ids:
                asked[ids[id(step)]] = outcome
            else:
                followed.append(outcome)
            known += len(outcome.then)
            progress(len(asked) + len(followed), known)

        run_local(workspace, None, steps, workers, report)
    return [asked[n] for n in sorted(asked)], followed


def _queue(
    broker: str, workspace_id: str, steps: Sequence[Step], wait: bool
) -> tuple[list[Outcome], list[Outcome]] | None:
    from clawback.jobs import queue

    app_ = queue.celery_app(broker)
    ids = queue.submit(app_, workspace_id, steps)
    err.print(f"{len(ids)} step(s) queued for the workers of workspace {workspace_id}")
    if not wait:
        return None
    with _progress_bar("steps") as progress:

        def watch(done: int, known: int, pages: int, total: int) -> None:
            if total:  # a production under way: its pages
                progress(pages, total)
            else:
                progress(done, known)

        found = queue.wait(app_, ids, watch)
    return [found[i] for i in ids], [o for i, o in found.items() if i not in set(ids)]
