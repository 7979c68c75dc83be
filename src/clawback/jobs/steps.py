"""The steps: each a named function of plain values (a file's path, a volume's name, a control
number) and the record, safe to run again.

A step's effect happens once however often it runs: a worker killed mid-step has its step run
again, and what the first run committed is found, not made twice. Ingest finds a file already
in the record by its SHA-256 (`Ingest.ingest_paths`), a production resumes its open volume and
numbers each document from its plan (`Productions.produce`), a signature is kept per page and
made again only when stale (`Copies.sign`). Each commit is one transaction, so a kill leaves
either all of a document or none of it.

A step says what follows it (`Outcome.then`): ingest is followed by the signature step of each
document it brought in, so signatures are made as documents arrive, by whichever runner runs
the steps (`jobs.local`, `jobs.queue`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clawback.domain.counts import counted
from clawback.domain.days import parse_day
from clawback.domain.errors import InvalidInput

if TYPE_CHECKING:
    from clawback.service import Record

#: Called with (done, total) as a step goes (a production's pages).
Progress = Callable[[int, int], None]

#: Runs again of a step that failed by a fault of its own (an exception that is no
#: ``ClawbackError``: a bug, a library's crash) before it is recorded as failed: a poison step
#: must not go round a queue for ever.
FAULT_RETRIES = 2


@dataclass(frozen=True)
class Step:
    """One step to run: its name among `STEPS` and its arguments, plain JSON values."""

    name: str
    args: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def ingest(cls, path: Path, *, kind: str | None = None, custodian: str = "") -> Step:
        """Ingest one file (a folder is walked by whoever makes the steps), named by its
        absolute path: a worker elsewhere does not share this process's folder."""
        return cls("ingest", {"path": str(path.absolute()), "kind": kind, "custodian": custodian})

    @classmethod
    def produce(
        cls,
        documents: Sequence[str],
        volume: str,
        start: str | None = None,
        *,
        continue_from: str | None = None,
        corner: str = "bottom-right",
        legend: str | None = None,
        redact_pattern: str | None = None,
        on: date | None = None,
    ) -> Step:
        """Produce one volume (resumed where a killed run left it)."""
        return cls(
            "produce",
            {
                "documents": list(documents),
                "volume": volume,
                "start": start,
                "continue_from": continue_from,
                "corner": corner,
                "legend": legend,
                "redact_pattern": redact_pattern,
                "on": on.isoformat() if on else None,
            },
        )

    @classmethod
    def sign(cls, control: str) -> Step:
        """Make one document's copy signatures."""
        return cls("sign", {"control": control})

    @property
    def subject(self) -> str:
        """What the step works on, as its report lines begin: a path, a volume, a control."""
        for name in ("path", "volume", "control"):
            if name in self.args:
                return str(self.args[name])
        return self.name

    def as_data(self) -> dict[str, Any]:
        return {"name": self.name, "args": dict(self.args)}


@dataclass(frozen=True)
class Outcome:
    """What a step did: a line per thing it did (``PATH: DOC-... (ingested)``), whether any
    was refused, and the steps that follow it."""

    lines: tuple[str, ...]
    refused: bool = False
    then: tuple[Step, ...] = ()

    def as_data(self) -> dict[str, Any]:
        return {
            "lines": list(self.lines),
            "refused": self.refused,
            "then": [step.as_data() for step in self.then],
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Outcome:
        then = tuple(Step(str(s["name"]), dict(s["args"])) for s in data.get("then", ()))
        return cls(tuple(str(x) for x in data["lines"]), bool(data["refused"]), then)


def failed(step: Step, runs: int, exc: BaseException) -> Outcome:
    """A step given up after ``runs`` runs that each ended in ``exc``, said in one line."""
    reason = (str(exc).strip().splitlines() or [""])[0][:200]
    why = f"{type(exc).__name__}: {reason}" if reason else type(exc).__name__
    return Outcome(
        (f"{step.subject}: failed {counted(runs, 'time')}, not run again: {why}",), refused=True
    )


def run_step(record: Record, step: Step, progress: Progress | None = None) -> Outcome:
    """Run ``step`` as ``record``'s actor; a step it does not know is refused in one line."""
    run = STEPS.get(step.name)
    if run is None:
        raise InvalidInput(f"no step {step.name!r} (steps: {', '.join(sorted(STEPS))})")
    return run(record, progress, **step.args)


def _ingest(
    record: Record, _progress: Progress | None, *, path: str, kind: str | None, custodian: str
) -> Outcome:
    reports = record.ingest.ingest_paths([Path(path)], kind=kind, custodian=custodian)
    controls = [c for r in reports for c in r.controls]
    return Outcome(
        tuple(r.line() for r in reports),
        refused=any(r.outcome == "refused" for r in reports),
        then=tuple(Step.sign(c) for c in controls),  # again after a kill: a no-op if made
    )


def _produce(
    record: Record,
    progress: Progress | None,
    *,
    documents: Sequence[str],
    volume: str,
    start: str | None,
    continue_from: str | None,
    corner: str,
    legend: str | None,
    redact_pattern: str | None,
    on: str | None,
) -> Outcome:
    done = record.productions.produced(volume)
    if done is not None:  # run again after the kill of a run that had finished it
        return Outcome((f"{volume}: {done} ({counted(len(done), 'page')}, already produced)",))
    span = record.productions.produce(
        documents,
        start,
        volume,
        parse_day(on) if on else None,
        continue_from=continue_from,
        corner=corner,
        legend=legend,
        redact_pattern=redact_pattern,
        progress=progress,
    )
    return Outcome((f"{volume}: {span} ({counted(len(span), 'page')})",))


def _sign(record: Record, _progress: Progress | None, *, control: str) -> Outcome:
    pages = record.copies.sign(control)
    return Outcome((f"{control}: {pages} page signature(s) made",))


STEPS: dict[str, Callable[..., Outcome]] = {
    "ingest": _ingest,
    "produce": _produce,
    "sign": _sign,
}
