"""The audit trail: append-only, hash-chained, keyed, checkable from the database or an export.

Every entry is hashed by one rule, :func:`digest`: SHA-256 (hex) of the canonical JSON (sorted
keys, compact separators, UTF-8, non-ASCII kept) of ``seq, stamp, actor, path, action, subject,
detail, prev``, where ``prev`` is the previous entry's hash (64 zeros, :data:`GENESIS`, for the
first). Editing, deleting or moving an entry breaks the chain, and :func:`verify` (and
``audit_export.verify_export``) say which entry. A one-row head (``audit_head``) holds the last
entry: appends lock it, so two transactions can never take the same ``seq``.

A hash chain alone proves nothing to someone who can write the database: they can re-hash the
rest of the chain after an edit, or delete the tail and fix the head. So every entry also carries
``mac`` = HMAC-SHA256 of ``entry:<seq>:<hash>``, and the head ``mac`` = HMAC-SHA256 of
``head:<seq>:<hash>``, under the workspace's audit key (:mod:`clawback.storage.keys`), which the
database does not hold. :func:`verify` needs that key: an entry with a wrong MAC was written or
re-hashed outside clawback ("forged"), one without a MAC predates the key ("unkeyed"), and a
head with a wrong MAC was rewritten (a cut tail). :func:`append` refuses to extend a head whose
MAC is wrong, so an entry written by clawback never vouches for a tampered chain.

One thing a MAC cannot show is a rollback: an old copy of the database (or of its head row and
entries) put back carries valid MACs. For that, :func:`checkpoint` signs the current head
(workspace, seq, hash, time) with the key's Ed25519 half; each side keeps its checkpoints
outside the workspace, and :func:`verify` checks that the chain still holds every entry a
checkpoint saw, unchanged.

An entry's ``detail`` may bind the state of records: ``"state": {"document:DOC-000001":
"<digest>" | "deleted", ...}``. Given the digests computed from the database now (``current``),
:func:`verify` names every record changed, added or deleted since the last entry that bound it:
what changed without going through clawback.

Exports for a court, and their check from the file alone, are
:mod:`clawback.storage.audit_export`'s.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.errors import ClawbackError
from clawback.storage import tables as t
from clawback.storage.keys import AuditKeys, verify_signature

GENESIS = "0" * 64
PATHS = ("api", "cli", "web", "worker")
HASHED = ("seq", "stamp", "actor", "path", "action", "subject", "detail", "prev")
COLUMNS = (*HASHED, "hash")
WITHHELD = ("seq", "prev", "hash", "withheld")
# The CSV export's header, fixed: a withheld entry's row has only seq, prev, hash and withheld
# (the reason); every other row has withheld empty. Files written before withholding existed
# have the header without its last column, and still verify.
CSV_COLUMNS = (*COLUMNS, "withheld")
SIGNED = ("workspace", "seq", "hash", "at", "public_key")
TAIL = ("chain_head", "entries", "withheld", "checkpoint")
DELETED = "deleted"
STAMP = "%Y-%m-%dT%H:%M:%S.%fZ"
HEX = frozenset("0123456789abcdef")


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
    """An entry as kept: its place in the chain, ``row`` (database id or export line) and its
    ``mac`` (None in an export, or for an entry written before the audit key existed)."""

    seq: int
    stamp: str
    prev: str
    hash: str
    row: int | None = None
    mac: str | None = None

    def fields(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in HASHED}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the trail, at entry ``seq`` (0 when no entry is concerned).

    ``kind``: ``edited`` (content or time no longer matches its hash), ``deleted`` (a gap in the
    seq numbers), ``reordered`` (out of its place), ``broken`` (prev is not the previous hash),
    ``head`` (the stored or exported head is not the last entry, or lacks its MAC), ``malformed``
    (an export line that is not an entry), ``unkeyed`` (written before the audit key existed),
    ``forged`` (its MAC is wrong or was removed: written or re-hashed outside clawback),
    ``checkpoint`` (a checkpoint that is not validly signed by the key, or that the chain no
    longer matches), ``state`` (a record changed, added or deleted outside clawback),
    ``withheld`` (an export's withheld entry that its signed head does not list as such).
    """

    seq: int
    kind: str
    message: str


@dataclass(frozen=True)
class Checkpoint:
    """The chain's head as of ``at``, signed: what either side keeps to check the trail later.

    ``signature`` is the Ed25519 signature, by ``public_key`` (raw, hex), of the canonical JSON
    of the other five fields (:meth:`message`).
    """

    workspace: str
    seq: int
    hash: str
    at: str
    public_key: str
    signature: str

    def message(self) -> bytes:
        """The bytes signed."""
        return canonical({name: getattr(self, name) for name in SIGNED})

    def signature_valid(self) -> bool:
        """Whether ``signature`` is ``public_key``'s (not whether that key is the right one)."""
        return verify_signature(self.public_key, self.message(), self.signature)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        """One line of canonical JSON."""
        return canonical(self.to_dict()).decode()

    @classmethod
    def from_json(cls, text: str) -> Checkpoint:
        """A checkpoint read back from :meth:`to_json`; ClawbackError if it is not one."""
        value = _json(text.removeprefix("\ufeff")) if isinstance(text, str) else None
        if value is None:
            raise ClawbackError("not a clawback audit checkpoint: it is not JSON")
        return cls.from_dict(value)

    @classmethod
    def from_dict(cls, value: Any) -> Checkpoint:
        """A checkpoint from its fields (as in an export's head); ClawbackError if malformed."""
        if not isinstance(value, dict) or set(value) != {*SIGNED, "signature"}:
            why = f"it does not have exactly the fields {', '.join((*SIGNED, 'signature'))}"
        elif type(value["seq"]) is not int or value["seq"] < 0:
            why = "its seq is not a whole number of at least 0"
        elif not all(isinstance(value[c], str) for c in (*SIGNED, "signature") if c != "seq"):
            why = "one of its text fields is not text"
        elif not (_hex(value["hash"], 64) and _hex(value["public_key"], 64)):
            why = "its hash or public key is not 64 lowercase hexadecimal characters"
        elif not _hex(value["signature"], 128):
            why = "its signature is not 128 lowercase hexadecimal characters"
        elif _parse(value["at"]) is None:
            why = f"its time {value['at'][:40]!r} is not like 2025-01-02T03:04:05.000006Z"
        elif not value["workspace"]:
            why = "it names no workspace"
        else:
            return cls(**value)
        raise ClawbackError(f"not a clawback audit checkpoint: {why}")


@dataclass(frozen=True)
class _Withheld:
    """An exported entry shown only by its place in the chain, and why it is withheld."""

    seq: int
    prev: str
    hash: str
    withheld: str
    row: int | None = None

    def stub(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in WITHHELD}


def canonical(value: Any) -> bytes:
    """The canonical JSON bytes of ``value``: the only serialization that is hashed or signed."""
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


def entry_mac(keys: AuditKeys, seq: int, hash: str) -> str:
    """The MAC an entry carries: HMAC-SHA256 of ``entry:<seq>:<hash>`` under the audit key."""
    return keys.mac(f"entry:{seq}:{hash}".encode())


def head_mac(keys: AuditKeys, seq: int, hash: str) -> str:
    """The MAC the head carries: HMAC-SHA256 of ``head:<seq>:<hash>`` under the audit key."""
    return keys.mac(f"head:{seq}:{hash}".encode())


def append(
    session: Session,
    keys: AuditKeys,
    actor: str,
    path: str,
    action: str,
    subject: str,
    detail: Mapping[str, Any],
) -> t.Audit:
    """Add the next entry inside the caller's transaction; it waits for any other appender.

    Refused (ClawbackError) when the head does not carry ``keys``' MAC: the key is not the
    workspace's, or the head was rewritten, and a new entry must not vouch for either.
    """
    (row,) = append_all(session, keys, [(actor, path, action, subject, detail)])
    return row


#: One entry to append: actor, path, action, subject, detail.
Appended = tuple[str, str, str, str, Mapping[str, Any]]


def append_all(session: Session, keys: AuditKeys, entries: Sequence[Appended]) -> list[t.Audit]:
    """``append`` each of ``entries`` in turn, the head read, checked and written once for
    them all (each entry still chained to the one before, as one by one)."""
    kept_details = [_checked(*entry) for entry in entries]
    if not entries:
        return []
    head = _lock_head(session)
    if head is None:
        raise ClawbackError("the audit trail has no head row: run its verify before writing more")
    if head.mac is None:
        keyed = session.scalar(select(t.Audit.seq).where(t.Audit.mac.is_not(None)).limit(1))
        if keyed is not None:
            raise ClawbackError(
                f"the audit trail's head carries no MAC though entry {keyed} does: it was "
                "rewritten outside clawback; run audit verify"
            )
    elif not hmac.compare_digest(head.mac, head_mac(keys, head.seq, head.hash)):
        raise ClawbackError(
            "the audit trail's head does not carry this audit key's MAC: the key is not this "
            "workspace's, or the head was rewritten outside clawback; run audit verify"
        )
    added = []
    for (actor, path, action, subject, _), kept in zip(entries, kept_details, strict=True):
        moment, seq = datetime.now(UTC), head.seq + 1
        fields = {"seq": seq, "stamp": stamp(moment), "actor": actor, "path": path}
        fields |= {"action": action, "subject": subject, "detail": kept, "prev": head.hash}
        hashed = digest(fields)
        mac = entry_mac(keys, seq, hashed)
        row = t.Audit(**fields, hash=hashed, mac=mac, at=moment.replace(tzinfo=None))
        head.seq, head.hash, head.mac = seq, hashed, head_mac(keys, seq, hashed)
        session.add(row)
        added.append(row)
    session.flush()
    return added


def _checked(
    actor: str, path: str, action: str, subject: str, detail: Mapping[str, Any]
) -> dict[str, Any]:
    """An entry's detail as kept, once its fields are checked (a ValueError for one that is
    not what the trail holds)."""
    if path not in PATHS:
        raise ValueError(f"audit path {path!r} is not one of {', '.join(PATHS)}")
    for name, value in (("actor", actor), ("path", path), ("action", action), ("subject", subject)):
        limit: int | None = getattr(t.Audit.__table__.c[name].type, "length", None)
        if not isinstance(value, str) or (limit is not None and len(value) > limit):
            raise ValueError(f"audit {name} {value!r} is not text of at most {limit} characters")
    kept = plain(detail)
    state = kept.get("state", {})
    if not isinstance(state, dict) or not all(isinstance(v, str) for v in state.values()):
        raise ValueError("audit detail's state must map each record to a digest or 'deleted'")
    return kept


def _lock_head(session: Session, *, share: bool = False) -> t.AuditHead | None:
    """The head row, locked on PostgreSQL (SQLite's BEGIN IMMEDIATE already has one writer)."""
    query = select(t.AuditHead).where(t.AuditHead.id == 1).with_for_update(read=share)
    return session.scalar(query.execution_options(populate_existing=True))


def records(session: Session) -> list[Recorded]:
    """The stored entries in ``seq`` order."""
    return [_recorded(row) for row in session.scalars(select(t.Audit).order_by(t.Audit.seq))]


def _recorded(row: t.Audit) -> Recorded:
    return Recorded(**{c: getattr(row, c) for c in COLUMNS}, row=row.id, mac=row.mac)


def verify(
    session: Session,
    keys: AuditKeys,
    *,
    current: Mapping[str, str] | None = None,
    checkpoints: Sequence[Checkpoint] = (),
    workspace: str | None = None,
    aliases: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Check the stored chain, its MACs and head against ``keys``; an empty list means intact.

    ``checkpoints``: signed heads kept outside the workspace, each of which the chain must still
    hold (and, given ``workspace``, each must be of that workspace). ``current``: each record's
    digest as computed from the database now, to compare with what the trail last bound, a key
    the trail bound under another name given by ``aliases`` (``{name: key}``). Blocks appends
    meanwhile.
    """
    return _check(session, keys, current, checkpoints, workspace, aliases)[1]


def _check(
    session: Session,
    keys: AuditKeys,
    current: Mapping[str, str] | None,
    checkpoints: Sequence[Checkpoint],
    workspace: str | None,
    aliases: Mapping[str, str] | None = None,
) -> tuple[list[Recorded], list[Problem]]:
    head = _lock_head(session, share=True)
    rows = session.scalars(select(t.Audit).order_by(t.Audit.seq)).all()
    kept = [_recorded(row) for row in rows]
    problems, last = _walk(kept, "id")
    for row in rows:
        if _parse(row.stamp) not in (None, row.at):
            message = (
                f"entry {row.seq} (id {row.id}) was edited: its time no longer matches its stamp"
            )
            problems.append(Problem(row.seq, "edited", message))
    problems += _macs(kept, keys)
    tip = (last.seq, last.hash) if last else (0, GENESIS)
    if head is None and last is not None:
        problems.append(Problem(last.seq, "head", "the stored head of the chain is missing"))
    elif head is not None:
        if (head.seq, head.hash) != tip:
            cut = ": entries at the end were deleted" if head.seq > tip[0] else ""
            said = f"the stored head (entry {head.seq}, {head.hash[:12]})"
            message = f"{said} is not the last entry ({tip[0]}, {tip[1][:12]}){cut}"
            problems.append(Problem(head.seq, "head", message))
        if head.mac is None:
            if any(r.mac is not None for r in kept):
                message = (
                    f"the stored head (entry {head.seq}) carries no MAC though the entries do: "
                    "it was rewritten outside clawback"
                )
                problems.append(Problem(head.seq, "head", message))
        elif not hmac.compare_digest(head.mac, head_mac(keys, head.seq, head.hash)):
            message = (
                f"the stored head (entry {head.seq}) does not carry the audit key's MAC: it was "
                "rewritten outside clawback (or this is not the workspace's audit key)"
            )
            problems.append(Problem(head.seq, "head", message))
    problems += _against_checkpoints(kept, keys, checkpoints, workspace)
    if current is not None:
        problems += _against_state(kept, current, aliases or {})
    return kept, sorted(problems, key=lambda p: p.seq)


def _macs(kept: Iterable[Recorded], keys: AuditKeys) -> list[Problem]:
    """Each entry's MAC; none is allowed only before the first entry that has one."""
    problems: list[Problem] = []
    keyed: Recorded | None = None
    for r in kept:
        if r.mac is None and keyed is None:
            message = f"entry {r.seq} was written without the audit key (before migration 0012?)"
            problems.append(Problem(r.seq, "unkeyed", message))
        elif r.mac is None:
            message = (
                f"entry {r.seq} carries no MAC though entry {keyed and keyed.seq} before it does: "
                "its MAC was removed outside clawback"
            )
            problems.append(Problem(r.seq, "forged", message))
        else:
            keyed = keyed or r
            if not hmac.compare_digest(r.mac, entry_mac(keys, r.seq, r.hash)):
                message = (
                    f"entry {r.seq} does not carry the audit key's MAC: it was written or "
                    "re-hashed outside clawback"
                )
                problems.append(Problem(r.seq, "forged", message))
    return problems


def _against_checkpoints(
    kept: Sequence[Recorded],
    keys: AuditKeys,
    checkpoints: Iterable[Checkpoint],
    workspace: str | None,
) -> list[Problem]:
    problems: list[Problem] = []
    by_seq = {r.seq: r for r in kept}
    end = max(by_seq, default=0)
    ours = keys.public_key_hex
    for cp in checkpoints:
        said = f"the checkpoint of {cp.at}"
        if workspace is not None and cp.workspace != workspace:
            message = f"{said} is of workspace {cp.workspace}, not of this one ({workspace})"
        elif cp.public_key != ours:
            message = (
                f"{said} was signed with another key ({cp.public_key[:12]}), not this "
                f"workspace's audit key ({ours[:12]})"
            )
        elif not verify_signature(ours, cp.message(), cp.signature):
            message = (
                f"{said} does not carry a valid signature of this workspace's audit key: it was "
                "edited or forged"
            )
        elif cp.seq > end:
            message = (
                f"the chain ends at entry {end} but a checkpoint of {cp.at} saw entry {cp.seq}: "
                "entries were deleted"
            )
        elif cp.seq > 0 and cp.seq not in by_seq:
            message = f"entry {cp.seq}, which {said} saw, is no longer in the chain: it was deleted"
        elif cp.hash != (by_seq[cp.seq].hash if cp.seq else GENESIS):
            message = f"entry {cp.seq} no longer matches {said}: the chain was rewritten"
        else:
            continue
        problems.append(Problem(cp.seq, "checkpoint", message))
    return problems


def _against_state(
    kept: Iterable[Recorded], current: Mapping[str, str], aliases: Mapping[str, str]
) -> list[Problem]:
    """Each record's digest now against the last digest the trail bound for it (under its
    key, or a name ``aliases`` gives the key)."""
    bound: dict[str, tuple[str, int]] = {}
    for r in kept:
        state = r.detail.get("state") if isinstance(r.detail, Mapping) else None
        if isinstance(state, Mapping):
            for key, value in state.items():
                if isinstance(key, str) and isinstance(value, str):
                    bound[aliases.get(key, key)] = (value, r.seq)
    problems: list[Problem] = []
    for key in sorted(current):
        if key not in bound:
            message = f"{key} is not in the audit trail: it was written outside clawback"
            problems.append(Problem(0, "state", message))
            continue
        value, seq = bound[key]
        if value == DELETED:
            message = (
                f"{key} was deleted in entry {seq} but is in the database again: it was written "
                "outside clawback"
            )
        elif value != current[key]:
            message = f"{key} was changed outside clawback: it no longer matches entry {seq}"
        else:
            continue
        problems.append(Problem(seq, "state", message))
    for key, (value, seq) in sorted(bound.items()):
        if value != DELETED and key not in current:
            message = f"{key} was deleted outside clawback (last bound in entry {seq})"
            problems.append(Problem(seq, "state", message))
    return problems


def checkpoint(session: Session, keys: AuditKeys, workspace: str) -> Checkpoint:
    """Sign the chain's current head (seq 0 and :data:`GENESIS` when empty), once it verifies.

    Refused (ClawbackError) when the trail has a problem other than entries written before the
    audit key existed: a signature must never vouch for a tampered chain.
    """
    kept, problems = _check(session, keys, None, (), None)
    _refuse(problems, "sign a checkpoint of")
    return _sign(keys, workspace, kept[-1] if kept else None)


def _sign(keys: AuditKeys, workspace: str, last: Recorded | None) -> Checkpoint:
    if not isinstance(workspace, str) or not workspace:
        raise ValueError("a checkpoint names its workspace")
    unsigned: dict[str, Any] = {
        "workspace": workspace,
        "seq": last.seq if last else 0,
        "hash": last.hash if last else GENESIS,
        "at": stamp(datetime.now(UTC)),
        "public_key": keys.public_key_hex,
    }
    return Checkpoint(**unsigned, signature=keys.sign(canonical(unsigned)))


def _refuse(problems: Sequence[Problem], act: str) -> None:
    serious = [p for p in problems if p.kind != "unkeyed"]
    if serious:
        raise ClawbackError(
            f"the audit trail does not verify, so clawback will not {act} it: "
            f"{serious[0].message} ({len(serious)} problem(s) in all; run audit verify)"
        )


def _walk(
    kept: Iterable[Recorded | _Withheld], noun: str
) -> tuple[list[Problem], Recorded | _Withheld | None]:
    """The checks shared by the database and the export, over entries in stored order.

    A withheld entry's own hash cannot be recomputed, but the links through it are checked.
    """
    problems: list[Problem] = []
    last: Recorded | _Withheld | None = None
    for r in kept:
        name = f"entry {r.seq} ({noun} {r.row})"
        if isinstance(r, Recorded) and digest(r.fields()) != r.hash:
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


def _json(text: str) -> Any:
    """``text`` as JSON, or None when it is not (NaN and Infinity are not JSON)."""

    def refuse(constant: str) -> Any:
        raise ValueError(constant)

    try:
        return json.loads(text, parse_constant=refuse)
    except (ValueError, RecursionError):
        return None


def _hex(value: str, length: int) -> bool:
    return len(value) == length and set(value) <= HEX


def _parse(text: str) -> datetime | None:
    try:
        return datetime.strptime(text, STAMP)
    except ValueError:
        return None
