"""The audit trail's exports: the chain written for a court and checked alone from the file.

:func:`export` writes the chain (``jsonl``, or ``csv`` with a ``<out>.head`` sidecar), entries
it is told to withhold reduced to ``seq, prev, hash, withheld`` (the reason). The file ends with
its head: ``chain_head``, ``entries``, ``withheld`` (the withheld lines, as written),
``checkpoint`` (a signed :class:`~clawback.storage.audit.Checkpoint` of its last entry) and
``signature`` (the key's Ed25519 signature of the canonical JSON of the four other fields).
:func:`verify_export` checks the file alone: every entry shown against its hash, every link
(through withheld entries too), the checkpoint and the signature, and, given the workspace's
public key, that it is theirs. The hashing rule and the chain's checks are
:mod:`clawback.storage.audit`'s.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from clawback.domain.cells import as_text, from_text
from clawback.domain.errors import ClawbackError
from clawback.storage.audit import (
    COLUMNS,
    CSV_COLUMNS,
    GENESIS,
    TAIL,
    WITHHELD,
    Checkpoint,
    Problem,
    Recorded,
    _check,
    _json,
    _refuse,
    _sign,
    _walk,
    _Withheld,
    canonical,
)
from clawback.storage.folders import make_folder
from clawback.storage.keys import AuditKeys, verify_signature
from clawback.storage.texts import text_of


def export(
    session: Session,
    out: Path,
    fmt: str = "jsonl",
    *,
    keys: AuditKeys,
    workspace: str,
    withhold: Callable[[Recorded], str | None] | None = None,
) -> str:
    """Write the chain to ``out`` (``jsonl``, or ``csv`` with ``<out>.head``); returns the head.

    An entry for which ``withhold`` gives a reason is written as only its seq, prev, hash and
    that reason. The file ends with the head, a signed checkpoint of it and the head's signature
    (see the module's description). Refused (ClawbackError) when the trail does not verify.
    The file is written whole, by replacing it with a finished temporary file.
    """
    if fmt not in ("jsonl", "csv"):
        raise ValueError(f"audit export format {fmt!r} is not jsonl or csv")
    kept, problems = _check(session, keys, None, (), None)
    _refuse(problems, "export")
    head = kept[-1].hash if kept else GENESIS
    rows: list[dict[str, Any]] = []
    stubs: list[dict[str, Any]] = []
    for r in kept:
        reason = withhold(r) if withhold is not None else None
        if reason is None:
            rows.append({**r.fields(), "hash": r.hash})
            continue
        if not isinstance(reason, str) or not reason.strip():
            raise ValueError(f"audit entry {r.seq} is withheld without a reason")
        stubs.append({"seq": r.seq, "prev": r.prev, "hash": r.hash, "withheld": reason})
        rows.append(stubs[-1])
    signed: dict[str, Any] = {"chain_head": head, "entries": len(kept), "withheld": stubs}
    signed["checkpoint"] = _sign(keys, workspace, kept[-1] if kept else None).to_dict()
    tail = canonical({**signed, "signature": keys.sign(canonical(signed))}).decode() + "\n"
    if fmt == "jsonl":
        _write(out, "".join(canonical(r).decode() + "\n" for r in rows) + tail)
        return head
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for line in rows:
        # every cell as text a spreadsheet shows, never runs (a subject is a name a person
        # gave: a claim's id); ``_load`` reads each back as written
        if "withheld" in line:
            writer.writerow([as_text(line.get(c, "")) for c in CSV_COLUMNS])
        else:
            shown = {**line, "detail": canonical(line["detail"]).decode(), "withheld": ""}
            writer.writerow([as_text(shown[c]) for c in CSV_COLUMNS])
    _write(out, buffer.getvalue())
    _write(_sidecar(out), tail)
    return head


def _write(path: Path, text: str) -> None:
    """``text`` into ``path`` whole: a temporary file beside it, synced, then renamed over it."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
    make_folder(path.parent)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0o077)  # the stricter mask meanwhile, should another thread make a file
    os.umask(mask)
    return mask


def verify_export(path: Path, public_key: str | None = None) -> list[Problem]:
    """Check an exported file on its own, with no database: what a court would run.

    ``public_key`` (hex, as the workspace publishes it): the file's checkpoint must be signed
    by it. Without it the checkpoint is checked against the key it names.
    """
    lines, tail = _load(text_of(path), _sidecar(path))
    problems: list[Problem] = []
    kept = [r for number, value in lines if (r := _read(value, number, problems))]
    found, last = _walk(kept, "line")
    tip = (last.seq, last.hash) if last else (0, GENESIS)
    stubs = [r for r in kept if isinstance(r, _Withheld)]
    if not isinstance(tail, dict) or not {"chain_head", "entries"} <= tail.keys():
        problems.append(Problem(tip[0], "head", "the chain head is missing: the file was cut"))
        tail = {}
    elif (tail["entries"], tail["chain_head"]) != (len(kept), tip[1]):
        said = f"{tail['entries']} entries ending in {str(tail['chain_head'])[:12]}"
        held = f"it holds {len(kept)} ending in {tip[1][:12]}"
        problems.append(Problem(tip[0], "head", f"the file's head says {said}, but {held}"))
    problems += _against_signed_tail(tail, tip, stubs, public_key)
    return sorted(found + problems, key=lambda p: p.seq)


def _against_signed_tail(
    tail: dict[str, Any], tip: tuple[int, str], stubs: list[_Withheld], public_key: str | None
) -> list[Problem]:
    """The export's checkpoint and signature, and the withheld entries its head lists."""
    problems: list[Problem] = []
    unlisted = [
        Problem(
            s.seq,
            "withheld",
            f"entry {s.seq} (line {s.row}) is withheld, but no valid signature lists it: the "
            "entries before it cannot be checked",
        )
        for s in stubs
    ]
    if "checkpoint" not in tail:
        if public_key is not None:
            message = (
                "the file carries no signed checkpoint, so it cannot be shown to come from the "
                f"audit key {public_key[:12]}"
            )
            problems.append(Problem(tip[0], "checkpoint", message))
        return problems + unlisted
    try:
        cp = Checkpoint.from_dict(tail["checkpoint"])
    except ClawbackError as exc:
        problems.append(Problem(tip[0], "checkpoint", f"the file's checkpoint is {exc}"))
        return problems + unlisted
    if public_key is not None and cp.public_key != public_key.strip().lower():
        message = (
            f"the file's checkpoint was signed with the key {cp.public_key[:12]}, not with "
            f"{public_key.strip()[:12]}"
        )
        problems.append(Problem(cp.seq, "checkpoint", message))
    if not cp.signature_valid():
        message = f"the file's checkpoint (entry {cp.seq}) is not validly signed: it was edited"
        problems.append(Problem(cp.seq, "checkpoint", message))
    elif (cp.seq, cp.hash) != tip:
        message = (
            f"the file's checkpoint signs entry {cp.seq} ({cp.hash[:12]}), but the file ends at "
            f"entry {tip[0]} ({tip[1][:12]})"
        )
        problems.append(Problem(cp.seq, "checkpoint", message))
    signed: dict[str, Any] = {name: tail.get(name) for name in TAIL}
    signature = tail.get("signature")
    if (
        set(tail) != {*TAIL, "signature"}
        or not isinstance(signature, str)
        or not verify_signature(cp.public_key, canonical(signed), signature)
    ):
        message = "the file's head does not carry its checkpoint key's signature: it was edited"
        return [*problems, Problem(tip[0], "checkpoint", message), *unlisted]
    listed = {
        item["seq"]: item
        for item in (signed["withheld"] if isinstance(signed["withheld"], list) else [])
        if isinstance(item, dict) and type(item.get("seq")) is int
    }
    for s in stubs:
        if listed.get(s.seq) != s.stub():
            message = (
                f"entry {s.seq} (line {s.row}) is withheld, but not as the file's signed head "
                "lists it: it was hidden or altered after the export"
            )
            problems.append(Problem(s.seq, "withheld", message))
    for seq in sorted(listed.keys() - {s.seq for s in stubs}):
        message = f"the file's signed head lists entry {seq} as withheld, but the file does not"
        problems.append(Problem(seq, "withheld", message))
    return problems


def _load(text: str, sidecar: Path) -> tuple[list[tuple[int, Any]], Any]:
    """An export's entries as (line, JSON value), and its head (None when there is none)."""
    text = text.removeprefix("\ufeff")
    if text.startswith("{"):  # JSON lines, the head last; only "\n" ends a line (not U+2028)
        lines = [(n, _json(line)) for n, line in enumerate(text.rstrip("\n").split("\n"), 1)]
        last = lines[-1][1] if lines else None
        return (
            (lines[:-1], last) if isinstance(last, dict) and "chain_head" in last else (lines, None)
        )
    # A cell is as long as the entry's detail is (Python's reader refused one past 128 KiB,
    # ending the check of an export clawback itself wrote): no cell is longer than the file.
    limit = csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    try:
        return _load_csv(text, sidecar)
    finally:
        csv.field_size_limit(limit)  # the limit is the process's: every other reader keeps it


def _load_csv(text: str, sidecar: Path) -> tuple[list[tuple[int, Any]], Any]:
    reader = csv.reader(io.StringIO(text, newline=""))
    first = next(reader, None)
    header = tuple(first) if first in (list(CSV_COLUMNS), list(COLUMNS)) else CSV_COLUMNS
    lines = [] if first == list(header) else [(1, "not the header")]
    for written in reader:
        cells = [from_text(c) for c in written]
        value: Any = dict(zip(header, cells, strict=True)) if len(cells) == len(header) else None
        reason = value.pop("withheld", "") if value is not None else ""
        if reason:  # the other cells of a withheld row are empty: any that is not is kept, and
            shown = {c: v for c, v in value.items() if c not in WITHHELD and v != ""}  # refused
            links = {"seq": _json(value["seq"]), "prev": value["prev"], "hash": value["hash"]}
            value = {**shown, **links, "withheld": reason}
        elif value is not None:
            value |= {"detail": _json(value["detail"]), "seq": _json(value["seq"])}
        lines.append((reader.line_num, value))
    return lines, _json(text_of(sidecar)) if sidecar.exists() else None


def _read(value: Any, line: int, problems: list[Problem]) -> Recorded | _Withheld | None:
    """The exported entry ``value`` from ``line``, or None after saying why it is unreadable."""
    seq = value.get("seq") if isinstance(value, dict) else None
    seq = seq if type(seq) is int else 0
    if isinstance(value, dict) and "withheld" in value:
        if set(value) != set(WITHHELD):
            why = f"a withheld entry has exactly the fields {', '.join(WITHHELD)}"
        elif type(value["seq"]) is not int:
            why = "its seq is not a whole number"
        elif not all(isinstance(value[c], str) and value[c] for c in WITHHELD if c != "seq"):
            why = "its prev, hash or reason for withholding is not text"
        else:
            return _Withheld(**value, row=line)
    elif not isinstance(value, dict) or set(value) != set(COLUMNS):
        why = f"it does not have exactly the fields {', '.join(COLUMNS)}"
    elif not (type(value["seq"]) is int and isinstance(value["detail"], dict)):
        why = "its seq is not a whole number or its detail is not a JSON object"
    elif not all(isinstance(value[c], str) for c in COLUMNS if c not in ("seq", "detail")):
        why = "one of its text fields is not text"
    else:
        return Recorded(**value, row=line)
    problems.append(Problem(seq, "malformed", f"line {line} is not an entry: {why}"))
    return None


def _sidecar(out: Path) -> Path:
    return out.with_name(out.name + ".head")
