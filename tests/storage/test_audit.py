"""The audit trail on both backends: the chain, what tampering looks like, exports, concurrency."""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from clawback.domain.errors import ClawbackError
from clawback.storage import tables as t
from clawback.storage.audit import (
    GENESIS,
    Problem,
    append,
    digest,
    records,
    verify,
)
from clawback.storage.audit_export import export, verify_export
from clawback.storage.db import MIGRATIONS, connect, migrate
from clawback.storage.keys import AuditKeys

KEYS = AuditKeys.from_secret(bytes(range(32)))


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = connect(database_url)
    migrate(engine)
    yield engine
    engine.dispose()


def fill(engine: Engine, n: int = 5) -> None:
    with Session(engine) as s, s.begin():
        for i in range(1, n + 1):
            detail = {"volume": f"VOL{i:03}", "on": date(2025, 3, i), "pages": (i, i + 1)}
            detail["note"] = 'Zoë\u2028Müller\x85 "n"\n'  # line breaks JSON leaves unescaped
            append(s, KEYS, "müller@example.com", "cli", "produce", f"ABC{i:06}-ABC{i:06}", detail)


def check(engine: Engine) -> list[Problem]:
    with Session(engine) as s, s.begin():
        return verify(s, KEYS)


def tamper(engine: Engine, *statements: str) -> None:
    with engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))


def test_appends_make_a_chain_that_verifies(engine: Engine) -> None:
    fill(engine, 3)
    with Session(engine) as s, s.begin():  # a second transaction continues the chain
        row = append(
            s,
            KEYS,
            "ops",
            "worker",
            "ingest",
            "CTRL-0004",
            {"at": datetime(2025, 1, 2, tzinfo=UTC)},
        )
        assert row.seq == 4 and row.id is not None
    with Session(engine) as s, s.begin():
        kept = records(s)
        head = s.get(t.AuditHead, 1)
        assert head is not None and (head.seq, head.hash) == (4, kept[-1].hash)
    assert [r.seq for r in kept] == [1, 2, 3, 4]
    assert [r.prev for r in kept] == [GENESIS] + [r.hash for r in kept[:-1]]
    assert all(digest(r.fields()) == r.hash for r in kept)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", r.stamp) for r in kept)
    assert kept[0].detail["pages"] == [1, 2] and kept[0].detail["on"] == "2025-03-01"
    assert kept[0].detail["note"] == 'Zoë\u2028Müller\x85 "n"\n'
    assert kept[0].actor == "müller@example.com"
    assert kept[3].detail == {"at": "2025-01-02T00:00:00+00:00"}
    assert check(engine) == []


def test_the_hashing_rule_is_pinned() -> None:
    """What a court re-implements: sha256 of sorted, compact, UTF-8 JSON of the hashed fields."""
    fields = {
        "seq": 1,
        "stamp": "2025-03-01T10:00:00.000001Z",
        "actor": "Zoë",
        "path": "cli",
        "action": "produce",
        "subject": "ABC000001-ABC000002",
        "detail": {"b": [1, 2.5], "a": "é"},
        "prev": GENESIS,
    }
    exact = (
        '{"action":"produce","actor":"Zoë","detail":{"a":"é","b":[1,2.5]},"path":"cli",'
        f'"prev":"{GENESIS}","seq":1,"stamp":"2025-03-01T10:00:00.000001Z",'
        '"subject":"ABC000001-ABC000002"}'
    )
    assert digest({**fields, "hash": "ignored"}) == hashlib.sha256(exact.encode()).hexdigest()


def test_append_refuses_what_would_not_read_back(engine: Engine) -> None:
    """And takes a subject as long as a notice's list of Bates ranges."""
    with Session(engine) as s, s.begin():
        with pytest.raises(TypeError, match="holds a set"):
            append(s, KEYS, "ops", "api", "x", "y", {"f": {1}})
        with pytest.raises(ValueError, match="not JSON compliant"):
            append(s, KEYS, "ops", "api", "x", "y", {"f": float("nan")})
        with pytest.raises(TypeError, match="must be a mapping"):
            append(s, KEYS, "ops", "api", "x", "y", [("f", 1)])  # type: ignore[arg-type]
        assert append(s, KEYS, "ops", "api", "x", "y", {1: ("a",)}).detail == {"1": ["a"]}
        with pytest.raises(ValueError, match="path 'email'"):
            append(s, KEYS, "ops", "email", "x", "y", {})
        with pytest.raises(ValueError, match="actor"):
            append(s, KEYS, "o" * 201, "api", "x", "y", {})
        long = "; ".join(f"ABC{i:06}-ABC{i + 4:06}" for i in range(0, 200, 5))  # > 300 chars
        assert append(s, KEYS, "ops", "api", "claim.notice", long, {}).subject == long
    assert check(engine) == []


def test_an_edited_entry_is_named(engine: Engine) -> None:
    fill(engine)
    tamper(engine, "update audit set subject = 'ABC000009' where seq = 3")
    [problem] = check(engine)
    assert (problem.seq, problem.kind) == (3, "edited")
    assert problem.message == "entry 3 (id 3) was edited: its content no longer matches its hash"


def test_an_edited_time_is_named(engine: Engine) -> None:
    fill(engine)
    tamper(engine, "update audit set at = '2020-01-01 00:00:00' where seq = 2")
    assert [(p.seq, p.kind) for p in check(engine)] == [(2, "edited")]


def test_a_deleted_entry_is_named(engine: Engine) -> None:
    fill(engine)
    tamper(engine, "delete from audit where seq = 3")
    [problem] = check(engine)
    assert (problem.seq, problem.kind) == (3, "deleted")
    assert problem.message.startswith("entry 3 deleted: the chain goes from entry 2 to entry 4")


def test_a_deleted_last_entry_shows_as_a_wrong_head(engine: Engine) -> None:
    fill(engine)
    tamper(engine, "delete from audit where seq = 5")
    [problem] = check(engine)
    assert (problem.seq, problem.kind) == (5, "head")
    assert "entries at the end were deleted" in problem.message


def test_entries_moved_in_the_order_are_named(engine: Engine) -> None:
    fill(engine)  # swap two whole rows: every hash still matches, the insertion order does not
    tamper(
        engine,
        "update audit set id = 100 where id = 2",
        "update audit set id = 2 where id = 3",
        "update audit set id = 3 where id = 100",
    )
    assert [(p.seq, p.kind) for p in check(engine)] == [(3, "reordered")]


def test_swapped_seq_numbers_are_named(engine: Engine) -> None:
    fill(engine)
    tamper(
        engine,
        "update audit set seq = -2 where seq = 2",
        "update audit set seq = 2 where seq = 4",
        "update audit set seq = 4 where seq = -2",
    )
    problems = check(engine)
    found = {(p.seq, p.kind) for p in problems}
    assert {(2, "edited"), (4, "edited"), (3, "reordered")} <= found
    assert {(2, "forged"), (4, "forged")} <= found  # each MAC is of its seq too
    assert all(p.seq in (2, 3, 4, 5) for p in problems)  # 5 no longer follows what is now 4


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_an_export_verifies_on_its_own_and_names_an_edited_line(
    engine: Engine, tmp_path: Path, fmt: str
) -> None:
    fill(engine)
    out = tmp_path / f"audit.{fmt}"
    with Session(engine) as s, s.begin():
        head = export(s, out, fmt, keys=KEYS, workspace="W")
        assert head == records(s)[-1].hash
    assert verify_export(out) == []
    assert verify_export(out, KEYS.public_key_hex) == []
    lines = out.read_text(encoding="utf-8").split("\n")[:-1]
    sidecar = tmp_path / "audit.csv.head"
    tail = json.loads(lines[-1] if fmt == "jsonl" else sidecar.read_text())
    assert set(tail) == {"chain_head", "entries", "withheld", "checkpoint", "signature"}
    assert (tail["chain_head"], tail["entries"], tail["withheld"]) == (head, 5, [])
    assert (tail["checkpoint"]["seq"], tail["checkpoint"]["hash"]) == (5, head)
    assert tail["checkpoint"]["public_key"] == KEYS.public_key_hex
    if fmt == "csv":
        assert lines[0] == "seq,stamp,actor,path,action,subject,detail,prev,hash,withheld"
        assert not sidecar.with_name(".audit.csv.head").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []
    line = 4 if fmt == "csv" else 3  # the CSV has a header line
    lines[line - 1] = lines[line - 1].replace("ABC000003", "ABC000009")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [problem] = verify_export(out)
    assert (problem.seq, problem.kind) == (3, "edited")
    assert problem.message.startswith(f"entry 3 (line {line}) was edited")


def test_a_cut_or_thinned_export_is_named(engine: Engine, tmp_path: Path) -> None:
    fill(engine)
    out = tmp_path / "audit.jsonl"
    with Session(engine) as s, s.begin():
        export(s, out, keys=KEYS, workspace="W")
    lines = out.read_text(encoding="utf-8").split("\n")[:-1]
    out.write_text("\n".join(lines[:1] + lines[2:]) + "\n", encoding="utf-8")
    assert [(p.seq, p.kind) for p in verify_export(out)] == [(2, "deleted"), (5, "head")]
    out.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    assert [(p.seq, p.kind) for p in verify_export(out)] == [(3, "head")]
    out.write_text("\n".join([*lines[:2], "{not json", *lines[3:]]) + "\n", encoding="utf-8")
    assert [p.kind for p in verify_export(out)] == ["malformed", "deleted", "head"]


def test_concurrent_appenders_take_turns(engine: Engine) -> None:
    start, failures = threading.Barrier(2), []

    def appender(name: str) -> None:
        try:
            start.wait()
            for i in range(50):
                with Session(engine) as s, s.begin():
                    append(s, KEYS, name, "worker", "stamp", f"ABC{i:06}", {"i": i})
        except Exception as exc:  # pragma: no cover - reported below
            failures.append(exc)

    threads = [threading.Thread(target=appender, args=(n,)) for n in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    with Session(engine) as s, s.begin():
        assert [r.seq for r in records(s)] == list(range(1, 101))
    assert check(engine) == []


def test_append_refuses_a_trail_without_its_head(engine: Engine) -> None:
    fill(engine, 2)
    tamper(engine, "delete from audit_head")
    assert [(p.seq, p.kind) for p in check(engine)] == [(2, "head")]
    with Session(engine) as s, s.begin(), pytest.raises(ClawbackError, match="no head"):
        append(s, KEYS, "ops", "api", "x", "y", {})


def test_migration_chains_the_entries_written_before_it(database_url: str) -> None:
    engine = connect(database_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    command.upgrade(config, "0001")
    tamper(
        engine,
        *(
            "insert into audit (at, actor, path, action, subject, detail) values "
            f"('2025-03-0{i} 10:00:00.12345{i}', 'ops', 'api', 'ingest', 'CTRL-{i}', "
            f'\'{{"pages": {i}, "who": "Zoë"}}\')'
            for i in (1, 2, 3)
        ),
    )
    migrate(engine)
    with Session(engine) as s, s.begin():
        kept = records(s)
        append(s, KEYS, "ops", "api", "designate", "CTRL-1", {})
    assert [(r.seq, r.subject) for r in kept] == [(1, "CTRL-1"), (2, "CTRL-2"), (3, "CTRL-3")]
    assert kept[1].stamp == "2025-03-02T10:00:00.123452Z"
    assert kept[2].detail == {"pages": 3, "who": "Zoë"}
    assert all(r.mac is None for r in kept)
    problems = check(engine)  # the entries before the key are named, the new one is keyed
    assert [(p.seq, p.kind) for p in problems] == [(1, "unkeyed"), (2, "unkeyed"), (3, "unkeyed")]
    assert problems[0].message == (
        "entry 1 was written without the audit key (before migration 0012?)"
    )
    engine.dispose()
