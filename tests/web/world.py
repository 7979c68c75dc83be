"""A small case for the web tests, built through the service API as each seat would: the
reference order (Dkt. 276) and its five seats (and producing counsel's litigation support),
four exhibits of several pages: one Confidential and one AEO (both sealed), one on the public
docket, one under a pending claw-back; a login for every seat.

The case is the same for every module that serves it, so it is made once per run
(`tests.once`), settled and not, and each module works on a copy of its own (`copied`)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pymupdf
import pytest

from clawback.demo.run import reference_case
from clawback.service import Workspace
from tests.once import once_per_run

PASSWORD = "correct horse battery staple"
PRODUCING = "counsel@defendants.example"
COUNSEL = "counsel@plaintiffs.example"
EMPLOYEE = "staff@plaintiffs.example"
CLERK = "clerk@court.example"
PUBLIC = "reporter@press.example"
SEATS = (PRODUCING, COUNSEL, EMPLOYEE, CLERK, PUBLIC)
GUESSED = "named@plaintiffs.example"  # a login whose password the brute-force test guesses at
LITIGATION_SUPPORT = "litsupport@defendants.example"  # producing counsel's paralegal
DAY = date(2020, 6, 1)
CLAIMED = (4,)  # the settled case's pending claw-back (claim c-note), whole exhibits


@dataclass(frozen=True)
class Exhibit:
    number: int
    title: str
    pages: int
    designation: str | None
    word: str  # a word only this exhibit's pages hold

    def bates(self, page: int = 0) -> str:
        return f"AOL-DEF-{self.first + page:08d}"

    @property
    def first(self) -> int:
        return {1: 1, 2: 11, 3: 21, 4: 31}[self.number]


EXHIBITS = [
    Exhibit(1, "Field memo on port of entry wait times", 3, "Confidential", "quetzal"),
    Exhibit(2, "Briefing on database codes", 2, "AEO", "ocelot"),
    Exhibit(3, "Public social media post", 1, None, "heron"),
    Exhibit(4, "Intelligence note", 1, "Confidential", "tapir"),
]


def pdf(ex: Exhibit) -> bytes:
    doc = pymupdf.open()
    for n in range(ex.pages):
        page = doc.new_page()
        page.insert_text((72, 90), f"{ex.title}, page {n + 1}", fontsize=14)
        page.insert_text((72, 130), f"The border crossing report mentions {ex.word}.", fontsize=11)
    doc.set_metadata({})
    data: bytes = doc.tobytes(no_new_id=True)
    doc.close()
    return data


def build(root: Path, settled: bool = True) -> dict[str, str | None]:
    """Make the case in ``root``; returns each seat's TOTP secret (None: no second factor).
    ``settled=False``: the exhibits produced and nothing more (no claim, seal or filing), for
    the walk through the dispute."""
    workspace = Workspace.init(root)
    op = workspace.operator()
    case = reference_case()
    op.matter.load_case(case)
    people = {
        **case["people"],
        GUESSED: {"name": "A named plaintiff", "side": "receiving", "category": "named_parties"},
        # counsel's staff are of counsel's category under the order (Dkt. 276)
        LITIGATION_SUPPORT: {
            "name": "Litigation support (synthetic)",
            "side": "producing",
            "category": "counsel",
        },
    }
    for email, seat in people.items():
        op.people.add(email, **seat)
    for ex in EXHIBITS:
        op.ingest.ingest(
            pdf(ex), title=ex.title, exhibit=ex.number, publicly_available=ex.designation is None
        )
        if ex.designation:
            op.designations.designate(ex.number, ex.designation)
    for ex in EXHIBITS:
        op.productions.produce(
            [ex.number], ex.bates(), f"VOL{ex.number}", DAY, allow_gap="numbered by exhibit"
        )
    if settled:
        workspace.person(PRODUCING).claims.claim(
            "c-note", privilege="law_enforcement", exhibits=list(CLAIMED), on=DAY
        )
        court = workspace.person(CLERK)
        court.sealing.seal("461", exhibits=[1, 2, 3], kind="non_dispositive", granted=True, on=DAY)
        op.filings.file(root.parent / "filed", on=date(2020, 6, 12))  # Ex. 3 on public docket
    secrets = {}
    for email in people:
        secrets[email] = op.accounts.invite(email, PASSWORD).totp_secret
    workspace.close()
    return secrets


def _made(factory: pytest.TempPathFactory, settled: bool) -> Path:
    """The folder holding ``world.build``'s case (``ws``, its filings ``filed`` and each seat's
    TOTP secret in ``secrets.json``), made once per run."""

    def make(folder: Path) -> None:
        secrets = build(folder / "ws", settled)
        (folder / "secrets.json").write_text(json.dumps(secrets), "utf-8")

    return once_per_run(factory, "web-world" if settled else "web-world-produced", make)


def copied(
    factory: pytest.TempPathFactory, base: Path, settled: bool = True
) -> dict[str, str | None]:
    """A copy of ``build``'s case at ``base / "ws"`` (its filings in ``base / "filed"``), of
    the one made once per run; each seat's TOTP secret. The record names each file it filed by
    its path (it replaces only its own files): those rows are moved with the files."""
    made = _made(factory, settled)
    shutil.copytree(made / "ws", base / "ws")
    if (made / "filed").exists():
        shutil.copytree(made / "filed", base / "filed")
    with sqlite3.connect(base / "ws" / "clawback.db") as db:
        db.execute(
            "UPDATE output SET path = ? || substr(path, ?) WHERE substr(path, 1, ?) = ?",
            (str(base), len(str(made)) + 1, len(str(made)), str(made)),
        )
    db.close()
    secrets: dict[str, str | None] = json.loads((made / "secrets.json").read_text("utf-8"))
    return secrets
