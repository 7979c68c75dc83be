"""The audit trail: append-only, hash-chained, checkable from the database or from an export.

Every entry is hashed by one rule, :func:`digest`: SHA-256 (hex) of the canonical JSON (sorted
keys, compact separators, UTF-8, non-ASCII kept) of ``seq, stamp, actor, path, action, subject,
detail, prev``, where ``prev`` is the previous entry's hash (64 zeros for the first). Editing,
deleting or moving an entry breaks the chain, and :func:`verify` and :func:`verify_export` say
which entry. A one-row head (``audit_head``) holds the last entry: appends lock it, so two
transactions can never take the same ``seq``, and a deleted tail shows as a wrong head.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.errors import ClawbackError
from clawback.storage import tables as t

GENESIS = "0" * 64
PATHS = ("api", "cli", "web", "worker")
HASHED = ("seq", "stamp", "actor", "path", "action", "subject", "detail", "prev")
COLUMNS = (*HASHED, "hash")
STAMP = "%Y-%m-%dT%H:%M:%S.%fZ"


@dataclass(frozen=True)
class Entry:
    """What happened: who (``actor``), through which ``path``, did what, to which subject."""

    actor: str
    path: str
    action: str
    subject: str
    detail: Mapping[str, Any]


@dataclass(frozen=True)
class Recorded(Entry):
    """An entry as kept: its place in the chain, and ``row`` (database id or export line)."""

    seq: int
    stamp: str
    prev: str
    hash: str
    row: int | None = None

    def fields(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in HASHED}


@dataclass(frozen=True)
class Problem:
    """One break in the chain. ``kind``: edited, deleted, reordered, broken, head, malformed."""

    seq: int
    kind: str
    message: str


def canonical(value: Any) -> bytes:
    """The canonical JSON bytes of ``value``: the only serialization that is ever hashed."""
    text = json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return text.encode("utf-8")


def digest(fields: Mapping[str, Any]) -> str:
    """The hashing rule: hex SHA-256 of the canonical JSON of an entry's hashed fields."""
    return hashlib.sha256(canonical({name: fields[name] for name in HASHED})).hexdigest()


def stamp(moment: datetime) -> str:
    """``moment`` as the hashed text: ISO 8601 in UTC with microseconds, e.g. ``...56.000123Z``."""
    if moment.tzinfo is None:
        raise ValueError("an audit time must carry its time zone")
    return moment.astimezone(UTC).strftime(STAMP)


def plain(detail: Mapping[str, Any]) -> dict[str, Any]:
    """``detail`` exactly as JSON storage gives it back: dates as ISO text, tuples as lists."""

    def iso(value: Any) -> str:
        if isinstance(value, date):
            return value.isoformat()
        raise TypeError(f"audit detail holds a {type(value).__name__}, which JSON cannot hold")

    if not isinstance(detail, Mapping):
        raise TypeError(f"audit detail must be a mapping, not a {type(detail).__name__}")
    result: dict[str, Any] = json.loads(json.dumps(dict(detail), default=iso, allow_nan=False))
    return result


def append(
    session: Session,
    actor: str,
    path: str,
    action: str,
    subject: str,
    detail: Mapping[str, Any],
) -> t.Audit:
    """Add the next entry inside the caller's transaction; it waits for any other appender."""
    if path not in PATHS:
        raise ValueError(f"audit path {path!r} is not one of {', '.join(PATHS)}")
    for name, value in (("actor", actor), ("path", path), ("action", action), ("subject", subject)):
        limit: int | None = getattr(t.Audit.__table__.c[name].type, "length", None)
        if not isinstance(value, str) or (limit is not None and len(value) > limit):
            raise ValueError(f"audit {name} {value!r} is not text of at most {limit} characters")
    head = _lock_head(session)
    if head is None:
        raise ClawbackError("the audit trail has no head row: run its verify before writing more")
    moment = datetime.now(UTC)
    fields = {"seq": head.seq + 1, "stamp": stamp(moment), "actor": actor, "path": path}
    fields |= {"action": action, "subject": subject, "detail": plain(detail), "prev": head.hash}
    row = t.Audit(**fields, hash=digest(fields), at=moment.replace(tzinfo=None))
    head.seq, head.hash = row.seq, row.hash
    session.add(row)
    session.flush()
    return row


def _lock_head(session: Session, *, share: bool = False) -> t.AuditHead | None:
    """The head row, locked on PostgreSQL (SQLite's BEGIN IMMEDIATE already has one writer)."""
    query = select(t.AuditHead).where(t.AuditHead.id == 1).with_for_update(read=share)
    return session.scalar(query.execution_options(populate_existing=True))


def records(session: Session) -> list[Recorded]:
    """The stored entries in ``seq`` order."""
    return [_recorded(row) for row in session.scalars(select(t.Audit).order_by(t.Audit.seq))]


def _recorded(row: t.Audit) -> Recorded:
    return Recorded(**{c: getattr(row, c) for c in COLUMNS}, row=row.id)


def verify(session: Session) -> list[Problem]:
    """Check the stored chain and head; an empty list means intact. Blocks appends meanwhile."""
    head = _lock_head(session, share=True)
    rows = session.scalars(select(t.Audit).order_by(t.Audit.seq)).all()
    problems, last = _walk([_recorded(row) for row in rows], "id")
    for row in rows:
        if _parse(row.stamp) not in (None, row.at):
            message = (
                f"entry {row.seq} (id {row.id}) was edited: its time no longer matches its stamp"
            )
            problems.append(Problem(row.seq, "edited", message))
    tip = (last.seq, last.hash) if last else (0, GENESIS)
    if head is None and last is not None:
        problems.append(Problem(last.seq, "head", "the stored head of the chain is missing"))
    elif head is not None and (head.seq, head.hash) != tip:
        cut = ": entries at the end were deleted" if head.seq > tip[0] else ""
        said = f"the stored head (entry {head.seq}, {head.hash[:12]})"
        message = f"{said} is not the last entry ({tip[0]}, {tip[1][:12]}){cut}"
        problems.append(Problem(head.seq, "head", message))
    return sorted(problems, key=lambda p: p.seq)


def export(session: Session, out: Path, fmt: str = "jsonl") -> str:
    """Write the chain to ``out`` (``jsonl``, or ``csv`` with ``<out>.head``); returns the head."""
    kept = records(session)
    head = kept[-1].hash if kept else GENESIS
    tail = canonical({"chain_head": head, "entries": len(kept)}).decode() + "\n"
    rows = [{**r.fields(), "hash": r.hash} for r in kept]
    if fmt == "jsonl":
        text = "".join(canonical(r).decode() + "\n" for r in rows) + tail
        out.write_text(text, "utf-8", newline="")
    elif fmt == "csv":
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(
            [{**r, "detail": canonical(r["detail"]).decode()}[c] for c in COLUMNS] for r in rows
        )
        out.write_text(buffer.getvalue(), "utf-8", newline="")
        _sidecar(out).write_text(tail, "utf-8", newline="")
    else:
        raise ValueError(f"audit export format {fmt!r} is not jsonl or csv")
    return head


def verify_export(path: Path) -> list[Problem]:
    """Check an exported file on its own, with no database: what a court would run."""
    lines, tail = _load(path.read_text(encoding="utf-8"), _sidecar(path))
    problems: list[Problem] = []
    kept = [r for number, value in lines if (r := _read(value, number, problems))]
    found, last = _walk(kept, "line")
    tip = (last.seq, last.hash) if last else (0, GENESIS)
    if not isinstance(tail, dict) or not {"chain_head", "entries"} <= tail.keys():
        problems.append(Problem(tip[0], "head", "the chain head is missing: the file was cut"))
    elif (tail["entries"], tail["chain_head"]) != (len(kept), tip[1]):
        said = f"{tail['entries']} entries ending in {str(tail['chain_head'])[:12]}"
        held = f"it holds {len(kept)} ending in {tip[1][:12]}"
        problems.append(Problem(tip[0], "head", f"the file's head says {said}, but {held}"))
    return sorted(problems + found, key=lambda p: p.seq)


def _load(text: str, sidecar: Path) -> tuple[list[tuple[int, Any]], Any]:
    """An export's entries as (line, JSON value), and its head (None when there is none)."""
    text = text.removeprefix("\ufeff")
    if text.startswith("{"):  # JSON lines, the head last; only "\n" ends a line (not U+2028)
        lines = [(n, _json(line)) for n, line in enumerate(text.rstrip("\n").split("\n"), 1)]
        last = lines[-1][1] if lines else None
        return (
            (lines[:-1], last) if isinstance(last, dict) and "chain_head" in last else (lines, None)
        )
    reader = csv.reader(io.StringIO(text, newline=""))
    lines = [] if next(reader, None) == list(COLUMNS) else [(1, "not the header")]
    for cells in reader:
        value: Any = dict(zip(COLUMNS, cells, strict=False)) if len(cells) == len(COLUMNS) else None
        if value is not None:
            value |= {"detail": _json(value["detail"]), "seq": _json(value["seq"])}
        lines.append((reader.line_num, value))
    return lines, _json(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else None


def _walk(kept: Iterable[Recorded], noun: str) -> tuple[list[Problem], Recorded | None]:
    """The checks shared by the database and the export, over entries in stored order."""
    problems: list[Problem] = []
    last: Recorded | None = None
    for r in kept:
        name = f"entry {r.seq} ({noun} {r.row})"
        if digest(r.fields()) != r.hash:
            message = f"{name} was edited: its content no longer matches its hash"
            problems.append(Problem(r.seq, "edited", message))
        expected = last.seq + 1 if last else 1
        if r.seq < expected:
            message = f"{name} was moved: it comes after entry {expected - 1}"
            problems.append(Problem(r.seq, "reordered", message))
            continue
        if r.seq > expected:
            gone = (
                f"entries {expected}-{r.seq - 1}" if r.seq > expected + 1 else f"entry {expected}"
            )
            message = f"{gone} deleted: the chain goes from entry {expected - 1} to {name}"
            problems.append(Problem(expected, "deleted", message))
        elif r.prev != (last.hash if last else GENESIS):
            message = (
                f"{name} does not follow entry {expected - 1}: its prev is not that entry's hash"
            )
            problems.append(Problem(r.seq, "broken", message))
        if last and r.row is not None and last.row is not None and r.row < last.row:
            message = f"{name} was moved: written before entry {last.seq} ({noun} {last.row})"
            problems.append(Problem(r.seq, "reordered", message))
        last = r
    return problems, last


def _read(value: Any, line: int, problems: list[Problem]) -> Recorded | None:
    """The exported entry ``value`` from ``line``, or None after saying why it is unreadable."""
    seq = value.get("seq") if isinstance(value, dict) else None
    seq = seq if type(seq) is int else 0
    if not isinstance(value, dict) or set(value) != set(COLUMNS):
        why = f"it does not have exactly the fields {', '.join(COLUMNS)}"
    elif not (type(value["seq"]) is int and isinstance(value["detail"], dict)):
        why = "its seq is not a whole number or its detail is not a JSON object"
    elif not all(isinstance(value[c], str) for c in COLUMNS if c not in ("seq", "detail")):
        why = "one of its text fields is not text"
    else:
        return Recorded(**value, row=line)
    problems.append(Problem(seq, "malformed", f"line {line} is not an entry: {why}"))
    return None


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _parse(text: str) -> datetime | None:
    try:
        return datetime.strptime(text, STAMP)
    except ValueError:
        return None


def _sidecar(out: Path) -> Path:
    return out.with_name(out.name + ".head")
