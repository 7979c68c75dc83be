"""Claw-back notices by e-mail at the boundary: a notice's message tells each person no more
than the record shows them. The claim is theirs to know once they may know of one exhibit it
covers; its certification deadline only if their deadlines list it (a duty of a claim they
may know of is listed to them naming only the exhibits they may know of, as if the rest were
not there: `lookup.deadline_told`).

Sent through a real SMTP server on loopback (``tests.web.smtp``) over the small case of
``tests.web.world``: producing counsel claws back Ex. 1 (Confidential) with Ex. 2 (AEO), then
Ex. 1 alone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from clawback.service import Workspace
from clawback.service.notices import MailSettings
from tests.web import world
from tests.web.smtp import Received, smtp_server

DUE = re.compile(r"certification is due by (\d{4}-\d{2}-\d{2})")
CLAIMS = {"c-with-aeo": [1, 2], "c-confidential": [1]}


@pytest.fixture(scope="module")
def mailed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, list[Received]]]:
    root: Path = tmp_path_factory.mktemp("notices") / "ws"
    world.build(root, settled=False)
    workspace = Workspace.open(root)
    for email in (world.PRODUCING, world.COUNSEL, world.EMPLOYEE, world.GUESSED):
        workspace.operator().people.acknowledge(email)
    with smtp_server() as mailbox:
        workspace.mail = MailSettings(mailbox.host, mailbox.port, "notices@court.test")
        producing = workspace.person(world.PRODUCING)
        for claim, exhibits in CLAIMS.items():
            producing.claims.claim(
                claim, privilege="law_enforcement", exhibits=exhibits, on=world.DAY
            )
        yield workspace, mailbox.received
    workspace.close()


def test_each_receiving_person_is_mailed_each_claim_they_may_know_of(
    mailed: tuple[Workspace, list[Received]],
) -> None:
    workspace, received = mailed
    got = sorted((r.recipients[0], r.message["Subject"]) for r in received)
    want = sorted(
        (email, f"Claw-back notice: claim {claim}")
        for email in (world.COUNSEL, world.EMPLOYEE, world.GUESSED)
        for claim in CLAIMS
        if any(c["claim"] == claim for c in workspace.person(email).claims.status())
    )
    assert got == want
    assert (world.EMPLOYEE, "Claw-back notice: claim c-with-aeo") in got  # Ex. 1 is theirs


def test_a_notice_mails_a_due_date_only_to_whoever_the_record_shows_the_deadline(
    mailed: tuple[Workspace, list[Received]],
) -> None:
    """The employee may know of claim c-with-aeo by Ex. 1, not of Ex. 2 (AEO): the claim's
    duty, their side's, is theirs as if Ex. 2 were not there, and the mail says its day as
    their deadlines do (before: withheld whole from both, a duty they could not see, its
    absence telling them the claim named something beyond their tier)."""
    workspace, received = mailed
    for mail in received:
        (email,) = mail.recipients
        claim = mail.message["Subject"].rpartition(" ")[2]
        record = workspace.person(email)
        (status,) = [c for c in record.claims.status() if c["claim"] == claim]
        shown = {d["due"] for d in status["duties"]}  # at notice: the certification alone
        said = DUE.findall(mail.message.get_content())
        assert set(said) == shown, f"{email}, claim {claim}: mailed {said}, shown {shown}"
    by = {(m.recipients[0], m.message["Subject"]): m.message.get_content() for m in received}
    assert DUE.search(by[world.COUNSEL, "Claw-back notice: claim c-with-aeo"])
    assert DUE.search(by[world.EMPLOYEE, "Claw-back notice: claim c-with-aeo"])
    assert DUE.search(by[world.EMPLOYEE, "Claw-back notice: claim c-confidential"])


def test_a_refused_mail_tells_the_producing_side_no_receiving_address_or_headcount(
    mailed: tuple[Workspace, list[Received]], tmp_path: Path
) -> None:
    """A mail server's refusal names the address it refused ("550 <who@...>: rejected"):
    the audit trail the producing side reads and exports says the sending failed and of what
    kind, never the server's words, nor how many of the receiving side were to be mailed (a
    head-count of people that side may not list). The server's log keeps the rest."""
    workspace, _ = mailed
    kept = workspace.mail
    with smtp_server() as refusing:
        refusing.refused = {world.GUESSED, world.COUNSEL, world.EMPLOYEE}
        workspace.mail = MailSettings(refusing.host, refusing.port, "notices@court.test")
        try:
            workspace.person(world.PRODUCING).claims.claim(
                "c-refused", privilege="law_enforcement", exhibits=[1], on=world.DAY
            )
        finally:
            workspace.mail = kept
    producing = workspace.person(world.PRODUCING)
    failed = [e for e in producing.audit.entries(50) if e.action == "notice.mail_failed"]
    assert [e.subject for e in failed] == ["c-refused"]
    out = tmp_path / "trail.jsonl"
    producing.audit.export(out)
    (line,) = [x for x in out.read_text().splitlines() if "notice.mail_failed" in x]
    for email in (world.GUESSED, world.COUNSEL, world.EMPLOYEE):
        assert email not in line
    assert "recipients" not in line and '"sent"' not in line
    assert "refused" in line  # the kind of failure, in the record's own words
