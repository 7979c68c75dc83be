"""The receiving side's two readers the attachment boundary tests read as: counsel, whose tier
reaches AEO, and a party employee, whose tier stops at Confidential."""

from __future__ import annotations

from pathlib import Path

from clawback.service import Record
from tests.ingest.make import eml_with, text_pdf
from tests.started import start

COUNSEL = "rc@other.test"
EMPLOYEE = "emp@other.test"


def started_with_readers(root: Path) -> Record:
    """A started workspace at ``root`` with receiving counsel and a party employee seated."""
    op = start(root)
    op.people.add(COUNSEL, name="RC", side="receiving", category="counsel")
    op.people.add(
        EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
    )
    return op


#: The attachment's first Bates number in `zebra_family`.
ATTACHMENT = "TST-00000002"
#: The items `zebra_family` defines: one on the e-mail, one on its AEO attachment.
BOTH_ITEMS = ["i-note", "i-zebra"]


def zebra_family(root: Path) -> Record:
    """Ex. 1, an e-mail (Confidential) with its attachment (AEO: beyond the employee's tier),
    produced from TST-00000001, an item defined on each (`BOTH_ITEMS`), no claim yet."""
    op = started_with_readers(root)
    mail = eml_with("Pricing note", [("schedule.pdf", text_pdf("Zebra rebate schedule"))])
    (message, attachment), _ = op.ingest.ingest_file(mail, "pricing.eml", exhibit=1)
    op.designations.designate(message, "Confidential")
    op.designations.designate(attachment, "AEO")
    op.productions.produce([message, attachment], "TST-00000001", "VOL1")
    op.items.define("TST-00000001", "i-note", "TST-00000001", "the subject", ["Pricing note"])
    op.items.define(ATTACHMENT, "i-zebra", ATTACHMENT, "the rebate", ["Zebra rebate"])
    return op
