"""The main navigation: each page with the act the service must let a seat make for the page
to be of use to it, so a seat is never shown a link to a page that would answer it "not
found" (the public has no claims, deadlines, filing, privilege log or audit trail link)."""

from __future__ import annotations

from clawback.domain.seats import Act
from clawback.service import Record

#: (address, label, the act the page needs; None: every seat's).
PAGES: tuple[tuple[str, str, Act | None], ...] = (
    ("/", "Dashboard", None),
    ("/documents", "Documents", None),
    ("/productions", "Productions", Act.produce),
    ("/claims", "Claims", Act.read_claims),
    ("/deadlines", "Deadlines", Act.read_deadlines),
    ("/sealing", "Sealing", None),
    ("/docket", "Docket", None),
    ("/filing", "Filing", Act.file),
    ("/privilege-log", "Privilege log", Act.read_log),
    ("/search", "Search", None),
    ("/audit", "Audit trail", Act.read_audit),
    ("/account", "Account", None),
)


def links(record: Record) -> list[tuple[str, str]]:
    """The pages of the main navigation this person's seat may use, in order."""
    return [(href, label) for href, label, act in PAGES if act is None or record.may(act)]
