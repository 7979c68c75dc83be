"""A privilege log's download in the audit trail: handing out the log is a read, so its entry
(the rows counted, the file's fingerprint) is the reader's side's work product, withheld from
the other party, and from a reader of the same side who reads fewer rows (counsel's log counts
the rows of an AEO exhibit an employee may not know of).

Over the small case of ``tests.web.world``: producing counsel claws back Ex. 1 (Confidential)
with Ex. 2 (AEO), then Ex. 2 alone; receiving counsel downloads the log as CSV and XLSX."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from clawback.service import Via, Workspace
from tests.web import world


@pytest.fixture(scope="module")
def logged(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    root: Path = tmp_path_factory.mktemp("log-downloads") / "ws"
    world.build(root, settled=False)
    workspace = Workspace.open(root)
    for email in (world.PRODUCING, world.COUNSEL, world.EMPLOYEE):
        workspace.operator().people.acknowledge(email)
    producing = workspace.person(world.PRODUCING)
    producing.claims.claim("c-both", privilege="law_enforcement", exhibits=[1, 2], on=world.DAY)
    producing.claims.claim("c-aeo", privilege="law_enforcement", exhibits=[2], on=world.DAY)
    counsel = workspace.person(world.COUNSEL, Via.web)
    for fmt in ("csv", "xlsx"):
        counsel.privilege_log.download(fmt)
    yield workspace
    workspace.close()


def test_the_rows_each_reads_differ(logged: Workspace) -> None:
    rows = {e: len(logged.person(e).privilege_log.rows()) for e in (world.COUNSEL, world.EMPLOYEE)}
    assert rows[world.COUNSEL] > rows[world.EMPLOYEE] > 0, rows


@pytest.mark.parametrize("email", [world.EMPLOYEE, world.PRODUCING])
def test_another_persons_log_download_is_withheld_from_a_reader_of_fewer_rows_or_the_other_side(
    logged: Workspace, tmp_path: Path, email: str
) -> None:
    reader = logged.person(email, Via.web)
    listed = [e for e in reader.audit.entries(1000) if e.action == "privilege_log.download"]
    assert all(e.withheld for e in listed), listed
    reader.audit.export(tmp_path / "trail.jsonl")
    for line in (tmp_path / "trail.jsonl").read_text().splitlines():
        entry = json.loads(line)
        if entry.get("action") == "privilege_log.download":
            raise AssertionError(f"{email} is told of counsel's download: {line}")


def test_a_download_stays_in_the_trail_of_whoever_made_it(logged: Workspace) -> None:
    mine = logged.person(world.COUNSEL, Via.web).audit.entries(1000)
    shown = [e for e in mine if e.action == "privilege_log.download" and e.withheld is None]
    assert sorted(e.subject for e in shown) == ["csv", "xlsx"]
