"""A lettered case read back everywhere a person reads exhibits: never the record's ordinal.

The record numbers ``A``, ``B`` and ``5-A`` with ordinals from 100,000 up for its joins; the
claims, the duties and deadlines, the privilege log, the exhibit-index reader, the sealing
decisions, copies and the drafted order must say them as the court writes them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from clawback.service import Workspace
from clawback.storage import tables as t
from tests.casefile.test_case_files import cli, init
from tests.test_cli import make_pdf

CASE = """\
case:
  number: "No. 1:23-cv-1"
  court: "United States District Court, Northern District of California"
  caption: "Lettered v. Exhibits"
  state: CA
protective_order:
  tiers:
    - {name: Confidential, may_see: [counsel, court, named_parties]}
producing_party: Defendants
receiving_party: Plaintiff
documents:
  - {file: ex/a.pdf, exhibit: A, title: "Exhibit A", designation: Confidential}
  - {file: ex/b.pdf, exhibit: B, title: "Exhibit B", designation: Confidential}
  - {file: ex/c.pdf, exhibit: 5-A, title: "Exhibit 5-A", designation: Confidential}
productions:
  - {volume: VOL001, start: DEF-000001, exhibits: "A, B, 5-A", on: 2023-05-01}
claims:
  - {id: ac-1, privilege: attorney_client, exhibits: [A], basis: "legal advice", on: 2023-06-01}
seals:
  - docket: "12"
    exhibits: "B"
    kind: non_dispositive
    granted: true
    on: 2023-07-01
    reason: "good cause shown"
    unseal_on: 2024-07-01
    condition: "file proposed redactions"
    condition_days: 7
  - docket: "13"
    exhibits: "5-A"
    kind: non_dispositive
    granted: false
    on: 2023-07-01
    reason: "no particular harm shown"
"""

# An ordinal the record gave a lettered exhibit (100000 and up), as a person would read it.
ORDINAL = re.compile(r"(?<![\d-])1\d{5}(?!\d)")


@pytest.fixture(scope="module")
def lettered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("lettered")
    (root / "ex").mkdir()
    for name in "abc":
        make_pdf(root / "ex" / f"{name}.pdf", f"Stands for exhibit {name}, words of its own")
    (root / "case.yaml").write_text(CASE, encoding="utf-8")
    ws = root / "ws"
    init(ws)
    cli(ws, "load-case", str(root / "case.yaml"))
    return ws


def test_claims_deadlines_and_the_privilege_log_say_the_exhibit_as_written(
    lettered: Path, tmp_path: Path
) -> None:
    claims = cli(lettered, "claims")
    assert claims.startswith("ac-1  noticed  attorney_client  Ex. A\n")
    assert "what claim ac-1 covers (Ex. A)" in claims
    deadlines = cli(lettered, "deadlines", "--today", "2023-07-02")
    assert "file Ex. B on the public docket (their seal ends)" in deadlines
    log = tmp_path / "log.csv"
    cli(lettered, "privilege-log", "--csv", str(log), "--xlsx", str(tmp_path / "log.xlsx"))
    (row,) = log.read_text(encoding="utf-8").splitlines()[1:]
    assert row.startswith("1,ac-1,A,DEF-000001,")
    drafted = cli(lettered, "draft-order")
    outputs = [claims, deadlines, log.read_text(encoding="utf-8"), drafted]
    assert [ORDINAL.findall(o) for o in outputs] == [[], [], [], []]


def test_the_exhibit_index_reads_lettered_rows_and_names_exhibits_as_written(
    lettered: Path, tmp_path: Path
) -> None:
    index = tmp_path / "index.txt"
    index.write_text(
        "Exhibit | Bates | Description\n"
        "Ex. A | DEF-000001 | first\n"
        "5-A | DEF-000003 | third\n"
        "Ex. C | DEF-000002 | a slip: it is Ex. B\n",
        encoding="utf-8",
    )
    said = cli(lettered, "read-index", str(index), ok=False)
    assert said.splitlines() == [
        "line 2: Ex. A: DEF-000001 = DOC-000001 (already bound)",
        "line 3: Ex. 5-A: DEF-000003 = DOC-000003 (already bound)",
        "line 4: Ex. C: DEF-000002: DOC-000002 (DEF-000002) is already Ex. B",
    ]
    assert ORDINAL.findall(said) == []


def test_sealing_decisions_and_copies_name_the_exhibit_as_written(lettered: Path) -> None:
    workspace = Workspace.open(lettered)
    try:
        record = workspace.operator()
        decisions = record.sealing.seal(
            "14", exhibits=[100002], kind="non_dispositive", granted=True, reason="renewed"
        )
        assert [d.name for d in decisions] == ["Ex. 5-A"]
        copies = record.copies.of_page("DEF-000001")
        assert all(c.exhibit in {"B", "5-A"} for c in copies)
        (claim,) = record.claims.status()
        assert claim["exhibit_ids"] == ["A"]
    finally:
        workspace.close()
    out = cli(lettered, "seal", "15", "--exhibit", "B", "--kind", "non_dispositive", "--granted")
    assert out.startswith("Ex. B: sealed")


def test_a_served_log_version_keeps_the_rows_of_lettered_exhibits(
    lettered: Path, tmp_path: Path
) -> None:
    """A served version is read back row by row (`served`, `diff`): the rows of exhibits the
    court letters were dropped for every reader, so two versions differing by Ex. 5-A's row
    read as the same."""
    out = [str(tmp_path / "log.csv"), "--xlsx", str(tmp_path / "log.xlsx")]
    cli(lettered, "privilege-log", "--csv", *out, "--serve-on", "2023-08-01")
    cli(lettered, "claim", "ac-2", "--exhibit", "5-A", "--privilege", "attorney_client",
        "--basis", "legal advice", "--on", "2023-08-02")  # fmt: skip
    cli(lettered, "privilege-log", "--csv", *out, "--serve-on", "2023-08-03")
    workspace = Workspace.open(lettered)
    try:
        log = workspace.operator().privilege_log
        (first, *_), (second, *_) = log.served()
        changes = log.diff(first, second)
        assert [(c.key[0], c.kind) for c in changes] == [("ac-2", "added")], changes
        with workspace.operator().transaction() as s:
            stored = [v.sha256 for v in s.scalars(select(t.LogVersion).order_by(t.LogVersion.id))]
        assert [sha for *_, sha in log.served()] == stored
    finally:
        workspace.close()
