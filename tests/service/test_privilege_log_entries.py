"""What the privilege log says of a logged document (date, author, recipients set by command),
the claim's own basis in the log, and a withdrawn claim's duty: lifted everywhere it shows,
the calendar included, never overdue."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pymupdf
import pytest
from typer.testing import CliRunner

from clawback.cli import app
from clawback.demo.run import reference_case
from clawback.domain.errors import InvalidInput, NotFound
from clawback.service import Workspace

LATER = date(2021, 1, 4)


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    root = tmp_path_factory.mktemp("log")
    workspace = Workspace.init(root / "ws", f"sqlite:///{root / 'c.db'}").operator()
    workspace.matter.load_case(reference_case())
    for n in (1, 2):
        doc = pymupdf.open()
        doc.new_page().insert_text((72, 100), f"Memo number {n} to counsel", fontsize=11)
        workspace.ingest.ingest(doc.tobytes(), title=f"memo {n}", exhibit=n)
        workspace.designations.designate(n, "Confidential")
    workspace.productions.produce([1, 2], "TST-00000001", "VOL001")
    workspace.claims.claim(
        "ac",
        privilege="attorney_client",
        exhibits=[1],
        basis="Confidential request for legal advice from in-house counsel",
        on=date(2020, 12, 1),
    )
    workspace.claims.claim("wp", privilege="work_product", exhibits=[2], on=date(2020, 12, 1))
    yield workspace
    workspace.close()


def test_the_log_shows_the_date_author_recipients_and_the_claims_basis(ws: Workspace) -> None:
    ws.privilege_log.describe(
        1, on=date(2019, 4, 2), author="A. Lawyer", recipients=["B. Client", "C. Officer"]
    )
    (row, other) = ws.privilege_log.rows()
    assert (row.date, row.author, row.recipients) == (
        "2019-04-02",
        "A. Lawyer",
        "B. Client; C. Officer",
    )
    assert (row.privilege, row.basis) == (
        "attorney client",
        "Confidential request for legal advice from in-house counsel",
    )
    assert (other.privilege, other.basis, other.author) == ("work product", "", "")


def test_describing_needs_something_and_a_produced_exhibit(ws: Workspace) -> None:
    with pytest.raises(InvalidInput, match="give --date, --author or --recipient"):
        ws.privilege_log.describe(1)
    with pytest.raises(NotFound, match=r"no produced Ex\. 9"):
        ws.privilege_log.describe(9, author="X")


def test_cli_log_entry_sets_what_is_given_and_keeps_the_rest(ws: Workspace) -> None:
    env = {"CLAWBACK_DATABASE_URL": ws.ctx.workspace.url}
    argv = ["log-entry", "1", "--author", "D. Partner", "-w", str(ws.ctx.workspace.root)]
    result = CliRunner().invoke(app, argv, env=env)
    assert result.output.splitlines() == [
        "Ex. 1: date '2019-04-02', author 'D. Partner', recipients 'B. Client; C. Officer'"
    ]


def test_a_withdrawn_claim_keeps_no_overdue_duty_anywhere(ws: Workspace) -> None:
    ws.claims.advance("wp", "withdrawn", date(2020, 12, 2))
    (status,) = [c for c in ws.claims.status() if c["claim"] == "wp"]
    assert [(d["done_on"], d["lifted"]) for d in status["duties"]] == [(None, "claim wp withdrawn")]
    duties = [d for d in ws.deadlines.list() if d.lifted is not None]
    assert duties and {d.status(LATER) for d in duties} == {"lifted"}
    events = ws.deadlines.calendar().split("BEGIN:VEVENT")[1:]
    uids = {f"UID:deadline-{d.ref}-" for d in duties}
    lifted = [e for e in events if any(uid in e for uid in uids)]
    assert len(lifted) == len(duties) and all("STATUS:CANCELLED" in e for e in lifted)
    others = [e for e in events if e not in lifted]
    assert others and all("STATUS:CONFIRMED" in e for e in others)  # claim ac's duty stands
    (row,) = [r for r in ws.privilege_log.rows() if r.claim == "wp"]
    assert (row.status.value, row.treatment.value) == ("withdrawn", "produced")
