"""A served privilege log's versions, as a party employee reads them: a version that differs
from the one before only by a row of an AEO exhibit the employee may not know of reads as the
same version, its fingerprint too. Before, the log's versions showed the SHA-256 of the whole
file served: two versions whose diff said "no change" to the employee had two fingerprints, so
the employee learnt that a row it may not know of came in between (and the audit trail's
``privilege_log.serve`` entry carried the same fingerprint).

Over the small case of ``tests.web.world``: producing counsel claws back Ex. 1 (Confidential)
and serves the log; then claws back Ex. 2 (AEO) and serves it again."""

from __future__ import annotations

import json
from collections.abc import Iterator
from hashlib import sha256
from pathlib import Path

import pytest

from clawback.service import Via, Workspace
from tests.web import world


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, list[str]]]:
    root: Path = tmp_path_factory.mktemp("log-versions") / "ws"
    world.build(root, settled=False)
    workspace = Workspace.open(root)
    producing = workspace.person(world.PRODUCING)
    producing.claims.claim("c-conf", privilege="law_enforcement", exhibits=[1], on=world.DAY)
    shas = [producing.privilege_log.serve(world.DAY, "with the first notice")[1]]
    producing.claims.claim("c-aeo", privilege="law_enforcement", exhibits=[2], on=world.DAY)
    shas.append(producing.privilege_log.serve(world.DAY, "with the second notice")[1])
    yield workspace, shas
    workspace.close()


def test_a_version_changed_only_where_the_employee_may_not_know_reads_as_unchanged(
    served: tuple[Workspace, list[str]],
) -> None:
    workspace, _ = served
    employee = workspace.person(world.EMPLOYEE, Via.web)
    assert employee.privilege_log.diff(1, 2) == []
    (_, _, _, first), (_, _, _, second) = employee.privilege_log.served()
    assert first == second  # before: two fingerprints for "no change"


@pytest.mark.parametrize("email", [world.COUNSEL, world.CLERK, world.PRODUCING])
def test_whoever_reads_every_row_reads_the_fingerprint_of_the_file_served(
    served: tuple[Workspace, list[str]], email: str
) -> None:
    workspace, shas = served
    reader = workspace.person(email, Via.web)
    assert [v[3] for v in reader.privilege_log.served()] == shas
    assert len(reader.privilege_log.diff(1, 2)) == 1


def test_the_employees_fingerprint_is_that_of_the_rows_it_reads(
    served: tuple[Workspace, list[str]],
) -> None:
    """As served to the employee, the log is its rows: the file of the log as it stands
    (which is version 2 in this case) is the one the fingerprint names."""
    workspace, _ = served
    employee = workspace.person(world.EMPLOYEE, Via.web)
    shown = employee.privilege_log.served()[1][3]
    assert shown == sha256(employee.privilege_log.download("csv")).hexdigest()


def test_the_trail_carries_no_fingerprint_of_rows_the_employee_may_not_know_of(
    served: tuple[Workspace, list[str]], tmp_path: Path
) -> None:
    workspace, shas = served
    employee = workspace.person(world.EMPLOYEE, Via.web)
    shown = [e for e in employee.audit.entries(1000) if e.withheld is None]
    assert not [e for e in shown if e.action == "privilege_log.serve"], shown
    employee.audit.export(tmp_path / "trail.jsonl")
    text = (tmp_path / "trail.jsonl").read_text(encoding="utf-8")
    assert shas[1] not in text
    for line in text.splitlines():
        assert json.loads(line).get("action") != "privilege_log.serve", line
    counsel = workspace.person(world.COUNSEL, Via.web).audit.entries(1000)
    assert [e.subject for e in counsel if e.action == "privilege_log.serve"] == [
        "version 2",
        "version 1",
    ]
