"""What the web app's dispute pages ask the service: the moves a seat may make on a claim
now (``claims.moves``), whether a seat may make an act (``Record.may``), and the filing
package's files, listed and handed out only to the seats that make filings."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from clawback.domain.errors import NotFound, NotPermitted
from clawback.domain.seats import Act
from clawback.service import Workspace
from tests.service.test_claim_lifecycle import (
    CLERK,
    PRODUCING,
    RECEIVING,
    as_,
    claim_code,
    make_workspace,
)


@pytest.fixture
def ws(tmp_path: Path, database_url: str) -> Iterator[Workspace]:
    workspace = make_workspace(tmp_path / "ws", database_url)
    yield workspace
    workspace.close()


def test_each_seat_is_told_the_moves_it_may_make_now(ws: Workspace) -> None:
    claim_code(ws)
    assert as_(ws, RECEIVING).claims.moves("c1") == ["sequestered", "submitted"]
    assert as_(ws, PRODUCING).claims.moves("c1") == ["preserved", "withdrawn"]
    assert as_(ws, CLERK).claims.moves("c1") == ["under_review", "ruled"]
    as_(ws, RECEIVING).claims.advance("c1", "sequestered", date(2020, 3, 21))
    assert as_(ws, RECEIVING).claims.moves("c1") == ["submitted"]
    as_(ws, CLERK).claims.rule("c1", "granted", on=date(2020, 4, 1))
    assert as_(ws, CLERK).claims.moves("c1") == []  # applied comes from the filing
    assert as_(ws, None).claims.moves("c1") == []
    with pytest.raises(NotFound):
        as_(ws, RECEIVING).claims.moves("c-none")


def test_a_record_says_whether_its_seat_may_act(ws: Workspace) -> None:
    assert as_(ws, CLERK).may(Act.rule) and not as_(ws, RECEIVING).may(Act.rule)
    assert as_(ws, PRODUCING).may(Act.notice_claim) and not as_(ws, CLERK).may(Act.notice_claim)


def test_the_package_goes_only_to_the_seats_that_file(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "filed"
    court = as_(ws, CLERK)
    court.sealing.seal("9", exhibits=[1, 2], kind="non_dispositive", granted=True)
    court.filings.file(out, on=date(2020, 5, 1))
    names = as_(ws, PRODUCING).filings.package(out)
    assert names and all(n.split("/")[0] in ("sealed", "highlighted", "public") for n in names)
    assert court.filings.package_file(out, names[0]).startswith(b"%PDF")
    downloads = [e for e in court.audit.entries() if e.action == "file.download"]
    assert [(e.actor, e.subject) for e in downloads] == [(CLERK, names[0])]
    with pytest.raises(NotPermitted):
        as_(ws, RECEIVING).filings.package(out)
    with pytest.raises(NotPermitted):
        as_(ws, RECEIVING).filings.package_file(out, names[0])
    with pytest.raises(NotFound):
        court.filings.package_file(out, "../ws/clawback.db")
    (out / names[0]).write_bytes(b"changed outside clawback")
    assert names[0] not in court.filings.package(out)
    with pytest.raises(NotFound):
        court.filings.package_file(out, names[0])
