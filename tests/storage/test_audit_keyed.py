"""The keyed audit trail on both backends: what the key, checkpoints, state binding and signed
exports catch that a plain hash chain cannot."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from clawback.domain.errors import ClawbackError
from clawback.storage import tables as t
from clawback.storage.audit import (
    GENESIS,
    Checkpoint,
    Problem,
    Recorded,
    append,
    canonical,
    checkpoint,
    digest,
    records,
    verify,
)
from clawback.storage.audit_export import export, verify_export
from clawback.storage.db import connect, migrate
from clawback.storage.keys import AuditKeys
from tests.storage.test_audit import KEYS, fill, tamper

OTHER = AuditKeys.from_secret(b"\x07" * 32)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = connect(database_url)
    migrate(engine)
    yield engine
    engine.dispose()


def check(
    engine: Engine,
    *,
    current: dict[str, str] | None = None,
    checkpoints: tuple[Checkpoint, ...] | list[Checkpoint] = (),
    workspace: str | None = None,
) -> list[Problem]:
    with Session(engine) as s, s.begin():
        return verify(s, KEYS, current=current, checkpoints=checkpoints, workspace=workspace)


def kinds(problems: list[Problem]) -> list[tuple[int, str]]:
    return [(p.seq, p.kind) for p in problems]


def kept(engine: Engine) -> list[Recorded]:
    with Session(engine) as s, s.begin():
        return records(s)


def sign(engine: Engine, keys: AuditKeys = KEYS) -> Checkpoint:
    with Session(engine) as s, s.begin():
        return checkpoint(s, keys, "W")


# --- what the key catches ---------------------------------------------------------------------


def test_every_entry_and_the_head_carry_the_keys_mac(engine: Engine) -> None:
    fill(engine, 3)
    rows = kept(engine)
    assert [r.mac for r in rows] == [KEYS.mac(f"entry:{r.seq}:{r.hash}".encode()) for r in rows]
    with Session(engine) as s, s.begin():
        head = s.get(t.AuditHead, 1)
        assert head is not None
        assert head.mac == KEYS.mac(f"head:3:{rows[-1].hash}".encode())
        assert verify(s, KEYS) == []
        problems = verify(s, OTHER)  # another key: nothing it sees was written with it
    assert kinds(problems) == [(1, "forged"), (2, "forged"), (3, "forged"), (3, "head")]
    assert "or this is not the workspace's audit key" in problems[-1].message


def test_a_cut_tail_with_its_head_fixed_is_caught(engine: Engine, tmp_path: Path) -> None:
    fill(engine)
    kept_outside = tmp_path / "checkpoint.json"  # the other side's copy, away from the database
    kept_outside.write_text(sign(engine).to_json() + "\n", encoding="utf-8")
    third = kept(engine)[2]
    tamper(
        engine,
        "delete from audit where seq > 3",
        f"update audit_head set seq = 3, hash = '{third.hash}'",  # the head looks right again
    )
    [problem] = check(engine)  # the chain itself is a perfect hash chain of 3 entries
    assert (problem.seq, problem.kind) == (3, "head")
    assert problem.message == (
        "the stored head (entry 3) does not carry the audit key's MAC: it was rewritten outside "
        "clawback (or this is not the workspace's audit key)"
    )
    saved = Checkpoint.from_json(kept_outside.read_text(encoding="utf-8"))
    problems = check(engine, checkpoints=[saved])
    assert kinds(problems) == [(3, "head"), (5, "checkpoint")]
    assert problems[1].message == (
        f"the chain ends at entry 3 but a checkpoint of {saved.at} saw entry 5: "
        "entries were deleted"
    )
    with Session(engine) as s, s.begin(), pytest.raises(ClawbackError, match="head does not"):
        append(s, KEYS, "ops", "api", "x", "y", {})  # a new entry must not launder the cut


def test_a_head_stripped_of_its_mac_is_caught_and_not_extended(engine: Engine) -> None:
    fill(engine, 3)
    second = kept(engine)[1]
    tamper(
        engine,
        "delete from audit where seq = 3",
        f"update audit_head set seq = 2, mac = null, hash = '{second.hash}'",
    )
    assert kinds(check(engine)) == [(2, "head")]
    with Session(engine) as s, s.begin(), pytest.raises(ClawbackError, match="carries no MAC"):
        append(s, KEYS, "ops", "api", "x", "y", {})


def test_a_rollback_carries_valid_macs_and_only_a_checkpoint_catches_it(engine: Engine) -> None:
    fill(engine, 3)
    with engine.connect() as conn:
        old = conn.execute(text("select seq, hash, mac from audit_head")).one()
    fill(engine, 2)  # entries 4 and 5
    saved = sign(engine)
    tamper(
        engine,
        "delete from audit where seq > 3",
        f"update audit_head set seq = {old.seq}, hash = '{old.hash}', mac = '{old.mac}'",
    )
    assert check(engine) == []  # an old state put back: every MAC in it is genuine
    problems = check(engine, checkpoints=[saved])
    assert kinds(problems) == [(5, "checkpoint")]
    assert "entries were deleted" in problems[0].message


def test_an_edited_entry_rehashed_onward_is_forged(engine: Engine, tmp_path: Path) -> None:
    fill(engine)
    before = sign(engine)
    rows = kept(engine)
    prev = rows[1].hash
    with engine.begin() as conn:  # plain SHA-256 all the way: every hash and link is right
        for r in rows[2:]:
            fields = r.fields() | {"prev": prev}
            if r.seq == 3:
                fields["subject"] = "ABC000999-ABC000999"
            prev = digest(fields)
            conn.execute(
                text("update audit set subject = :s, prev = :p, hash = :h where seq = :n"),
                {"s": fields["subject"], "p": fields["prev"], "h": prev, "n": r.seq},
            )
        conn.execute(text("update audit_head set hash = :h"), {"h": prev})
    problems = check(engine)
    assert kinds(problems) == [(3, "forged"), (4, "forged"), (5, "forged"), (5, "head")]
    assert problems[0].message == (
        "entry 3 does not carry the audit key's MAC: it was written or re-hashed outside clawback"
    )
    problems = check(engine, checkpoints=[before])
    assert (5, "checkpoint") in kinds(problems)
    assert f"entry 5 no longer matches the checkpoint of {before.at}: the chain was rewritten" in {
        p.message for p in problems
    }
    with Session(engine) as s, s.begin():  # nothing signs or exports a tampered trail
        with pytest.raises(ClawbackError, match="will not sign a checkpoint of it: entry 3"):
            checkpoint(s, KEYS, "W")
        with pytest.raises(ClawbackError, match="will not export it"):
            export(s, tmp_path / "audit.jsonl", keys=KEYS, workspace="W")
    assert not (tmp_path / "audit.jsonl").exists()


def test_an_entry_stripped_of_its_mac_after_keyed_ones_is_forged(engine: Engine) -> None:
    fill(engine, 3)
    tamper(engine, "update audit set mac = null where seq = 2")
    [problem] = check(engine)
    assert (problem.seq, problem.kind) == (2, "forged")
    assert "carries no MAC though entry 1 before it does" in problem.message


# --- state binding ----------------------------------------------------------------------------


def bind(engine: Engine, state: dict[str, str]) -> None:
    with Session(engine) as s, s.begin():
        append(s, KEYS, "ops", "api", "document.write", "DOC", {"state": state, "n": 1})


def test_state_bound_in_the_trail_names_what_changed_outside_it(engine: Engine) -> None:
    bind(engine, {"document:X": "d1"})
    bind(engine, {"document:Y": "e1"})
    assert check(engine, current={"document:X": "d1", "document:Y": "e1"}) == []
    [changed] = check(engine, current={"document:X": "d2", "document:Y": "e1"})
    assert (changed.seq, changed.kind) == (1, "state")
    assert changed.message == (
        "document:X was changed outside clawback: it no longer matches entry 1"
    )
    gone = check(engine, current={})
    assert [(p.seq, p.kind, p.message) for p in gone] == [
        (1, "state", "document:X was deleted outside clawback (last bound in entry 1)"),
        (2, "state", "document:Y was deleted outside clawback (last bound in entry 2)"),
    ]
    [added] = check(engine, current={"document:X": "d1", "document:Y": "e1", "document:Z": "f"})
    assert (added.seq, added.kind) == (0, "state")
    assert added.message == "document:Z is not in the audit trail: it was written outside clawback"
    assert check(engine) == []  # without current, state is not compared

    bind(engine, {"document:X": "d3"})  # the last binding is the one that counts
    assert check(engine, current={"document:X": "d3", "document:Y": "e1"}) == []
    assert kinds(check(engine, current={"document:X": "d1", "document:Y": "e1"})) == [(3, "state")]
    bind(engine, {"document:X": "deleted"})  # deleted through clawback: its absence is fine
    assert check(engine, current={"document:Y": "e1"}) == []
    [back] = check(engine, current={"document:X": "d3", "document:Y": "e1"})
    assert (back.seq, back.kind) == (4, "state")
    assert "deleted in entry 4 but is in the database again" in back.message


def test_append_refuses_a_state_that_is_not_digests(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        for state in ("d1", {"document:X": 1}, ["document:X"]):
            with pytest.raises(ValueError, match="state must map"):
                append(s, KEYS, "ops", "api", "x", "y", {"state": state})
    assert kept(engine) == []


# --- checkpoints -------------------------------------------------------------------------------


def test_a_checkpoint_round_trips_and_verifies(engine: Engine) -> None:
    empty = sign(engine)
    assert (empty.workspace, empty.seq, empty.hash) == ("W", 0, GENESIS)
    assert check(engine, checkpoints=[empty]) == []
    fill(engine, 2)
    cp = sign(engine)
    assert (cp.seq, cp.hash, cp.public_key) == (2, kept(engine)[-1].hash, KEYS.public_key_hex)
    assert cp.signature_valid() and Checkpoint.from_json(cp.to_json()) == cp
    signed = {k: v for k, v in json.loads(cp.to_json()).items() if k != "signature"}
    assert cp.message() == canonical(signed)
    fill(engine, 2)  # later entries do not disturb what an earlier checkpoint saw
    assert check(engine, checkpoints=[empty, cp], workspace="W") == []
    [other] = check(engine, checkpoints=[cp], workspace="V")
    assert (other.seq, other.kind) == (2, "checkpoint") and "workspace W" in other.message


def test_a_checkpoint_by_another_key_or_edited_is_refused(engine: Engine) -> None:
    fill(engine, 3)
    cp = sign(engine)
    with pytest.raises(ClawbackError, match="does not verify"):
        sign(engine, OTHER)  # another key cannot even sign: to it the whole trail is forged
    foreign = dataclasses.replace(cp, public_key=OTHER.public_key_hex)
    foreign = dataclasses.replace(foreign, signature=OTHER.sign(foreign.message()))
    assert foreign.signature_valid()  # a genuine signature, of the wrong key
    [problem] = check(engine, checkpoints=[foreign])
    assert (problem.seq, problem.kind) == (3, "checkpoint")
    assert "was signed with another key" in problem.message
    second = kept(engine)[1]
    edited = dataclasses.replace(cp, seq=2, hash=second.hash)  # true of the chain, but unsigned
    assert not edited.signature_valid()
    [problem] = check(engine, checkpoints=[edited])
    assert (problem.seq, problem.kind) == (2, "checkpoint")
    assert "does not carry a valid signature of this workspace's audit key" in problem.message
    text_edited = cp.to_json().replace(f'"seq":{cp.seq}', '"seq":1')
    assert not Checkpoint.from_json(text_edited).signature_valid()


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("{not json", "it is not JSON"),
        ("[]", "exactly the fields"),
        ('{"seq": 1}', "exactly the fields"),
    ],
)
def test_a_malformed_checkpoint_is_one_line(text: str, why: str) -> None:
    with pytest.raises(ClawbackError, match=why) as caught:
        Checkpoint.from_json(text)
    assert "\n" not in str(caught.value)


def test_a_checkpoint_with_bad_fields_is_refused(engine: Engine) -> None:
    cp = json.loads(sign(engine).to_json())
    for field, value, why in [
        ("seq", True, "whole number"),
        ("seq", -1, "whole number"),
        ("hash", "AB" * 32, "64 lowercase"),
        ("signature", "00", "128 lowercase"),
        ("at", "yesterday", "is not like"),
        ("workspace", "", "names no workspace"),
    ]:
        with pytest.raises(ClawbackError, match=why):
            Checkpoint.from_json(json.dumps(cp | {field: value}))


# --- signed exports, and withheld entries ------------------------------------------------------


def withhold_2_and_4(entry: Recorded) -> str | None:
    return "attorney-client privilege" if entry.seq in (2, 4) else None


def exported(engine: Engine, out: Path, fmt: str = "jsonl") -> list[str]:
    with Session(engine) as s, s.begin():
        export(s, out, fmt, keys=KEYS, workspace="W", withhold=withhold_2_and_4)
    return out.read_text(encoding="utf-8").split("\n")[:-1]


def rewrite(out: Path, lines: list[str]) -> None:
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_withheld_export_verifies_and_shows_only_the_links(
    engine: Engine, tmp_path: Path, fmt: str
) -> None:
    fill(engine)
    rows = kept(engine)
    out = tmp_path / f"audit.{fmt}"
    lines = exported(engine, out, fmt)
    assert verify_export(out) == []
    assert verify_export(out, KEYS.public_key_hex) == []
    text = out.read_text(encoding="utf-8")
    assert "ABC000002" not in text and "ABC000004" not in text and "ABC000003" in text
    stub = {"seq": 2, "prev": rows[0].hash, "hash": rows[1].hash}
    stub["withheld"] = "attorney-client privilege"
    if fmt == "jsonl":
        assert json.loads(lines[1]) == stub
        tail = json.loads(lines[-1])
    else:
        assert lines[2] == f"2,,,,,,,{rows[0].hash},{rows[1].hash},attorney-client privilege"
        tail = json.loads((tmp_path / "audit.csv.head").read_text(encoding="utf-8"))
    assert tail["entries"] == 5 and [w["seq"] for w in tail["withheld"]] == [2, 4]

    offset = 1 if fmt == "csv" else 0  # the CSV's header line
    edited = list(lines)
    edited[2 + offset] = edited[2 + offset].replace("ABC000003", "ABC000008", 1)  # entry 3
    rewrite(out, edited)
    assert kinds(verify_export(out)) == [(3, "edited")]

    thinned = lines[: 1 + offset] + lines[2 + offset :]  # withheld entry 2's line removed
    rewrite(out, thinned)
    assert kinds(verify_export(out)) == [(2, "deleted"), (2, "withheld"), (5, "head")]


def test_an_export_cannot_withhold_more_or_hide_a_forged_prefix(
    engine: Engine, tmp_path: Path
) -> None:
    fill(engine)
    out = tmp_path / "audit.jsonl"
    lines = exported(engine, out)
    third = json.loads(lines[2])
    hidden = list(lines)  # entry 3 reduced to its links, as if it had been withheld
    hidden[2] = canonical(
        {"seq": 3, "prev": third["prev"], "hash": third["hash"], "withheld": "privilege"}
    ).decode()
    rewrite(out, hidden)
    [problem] = verify_export(out)
    assert (problem.seq, problem.kind) == (3, "withheld")
    assert "not as the file's signed head lists it" in problem.message

    first = json.loads(lines[0])  # a made-up entry 1, hashed right, linked into withheld entry 2
    first["subject"] = "ABC000777-ABC000777"
    first["hash"] = digest(first)
    stub = json.loads(lines[1]) | {"prev": first["hash"]}
    forged = [canonical(first).decode(), canonical(stub).decode(), *lines[2:]]
    rewrite(out, forged)
    assert kinds(verify_export(out)) == [(2, "withheld")]  # every hash and link holds but this

    reason = list(lines)
    reason[1] = reason[1].replace("attorney-client privilege", "work product")
    rewrite(out, reason)
    assert kinds(verify_export(out)) == [(2, "withheld")]


def test_an_exports_checkpoint_must_be_signed_and_of_the_given_key(
    engine: Engine, tmp_path: Path
) -> None:
    fill(engine, 3)
    out = tmp_path / "audit.jsonl"
    lines = exported(engine, out)
    [problem] = verify_export(out, OTHER.public_key_hex)
    assert (problem.seq, problem.kind) == (3, "checkpoint")
    assert "signed with the key" in problem.message

    tail = json.loads(lines[-1])
    tail["checkpoint"]["seq"] = 2  # the checkpoint edited: its signature no longer holds
    rewrite(out, [*lines[:-1], canonical(tail).decode()])
    assert (
        "checkpoint",
        "the file's checkpoint (entry 2) is not validly signed: it was edited",
    ) in {(p.kind, p.message) for p in verify_export(out)}

    resigned = json.loads(lines[-1])  # re-signed by another key throughout: only the key tells
    cp = Checkpoint.from_dict(resigned["checkpoint"])
    cp = dataclasses.replace(cp, public_key=OTHER.public_key_hex)
    resigned["checkpoint"] = dataclasses.replace(cp, signature=OTHER.sign(cp.message())).to_dict()
    del resigned["signature"]
    resigned["signature"] = OTHER.sign(canonical(resigned))
    rewrite(out, [*lines[:-1], canonical(resigned).decode()])
    assert verify_export(out) == []
    assert kinds(verify_export(out, KEYS.public_key_hex)) == [(3, "checkpoint")]

    bare = json.loads(lines[-1])  # an export without its checkpoint, as before this change
    rewrite(out, [*lines[:-1], canonical({k: bare[k] for k in ("chain_head", "entries")}).decode()])
    [unlisted] = verify_export(out)  # its entries verify, but nothing pins withheld entry 2
    assert (unlisted.seq, unlisted.kind) == (2, "withheld")
    assert "no valid signature lists it: the entries before it cannot be checked" in (
        unlisted.message
    )
    problems = verify_export(out, KEYS.public_key_hex)
    assert kinds(problems) == [(2, "withheld"), (3, "checkpoint")]
    assert "carries no signed checkpoint" in problems[1].message

    rewrite(out, [*lines[:-1], lines[-1].replace('"entries":3', '"entries":2')])
    problems = verify_export(out)  # the head edited: its signature fails, pinning nothing
    assert kinds(problems) == [(2, "withheld"), (3, "head"), (3, "checkpoint")]
    assert problems[2].message == (
        "the file's head does not carry its checkpoint key's signature: it was edited"
    )


def test_an_export_is_replaced_whole_or_not_at_all(engine: Engine, tmp_path: Path) -> None:
    fill(engine, 2)
    (folder := tmp_path / "out").mkdir()
    out = folder / "audit.jsonl"
    out.write_text("the previous export\n", encoding="utf-8")

    def fail(entry: Recorded) -> str | None:
        raise RuntimeError("interrupted")

    with Session(engine) as s, s.begin(), pytest.raises(RuntimeError):
        export(s, out, keys=KEYS, workspace="W", withhold=fail)
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    with Session(engine) as s, s.begin(), pytest.raises(ValueError, match="without a reason"):
        export(s, out, keys=KEYS, workspace="W", withhold=lambda e: " ")
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    exported(engine, out)
    assert verify_export(out, KEYS.public_key_hex) == []
    assert sorted(p.name for p in folder.iterdir()) == ["audit.jsonl"]


def test_an_export_written_before_signing_still_verifies(engine: Engine, tmp_path: Path) -> None:
    """Files already handed over (no withheld column, no checkpoint) verify as they did."""
    fill(engine, 3)
    out = tmp_path / "audit.csv"
    with Session(engine) as s, s.begin():
        head = export(s, out, "csv", keys=KEYS, workspace="W")
    lines = out.read_text(encoding="utf-8").split("\n")[:-1]
    assert all(line.endswith(",") for line in lines[1:])  # shown entries: withheld is empty
    rewrite(out, [line.rsplit(",", 1)[0] for line in lines])
    sidecar = tmp_path / "audit.csv.head"
    sidecar.write_text(canonical({"chain_head": head, "entries": 3}).decode(), encoding="utf-8")
    assert verify_export(out) == []
    assert kinds(verify_export(out, KEYS.public_key_hex)) == [(3, "checkpoint")]
