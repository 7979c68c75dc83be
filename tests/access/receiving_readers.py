"""The receiving side's two readers the attachment boundary tests read as: counsel, whose tier
reaches AEO, and a party employee, whose tier stops at Confidential."""

from __future__ import annotations

from pathlib import Path

from clawback.service import Record
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
