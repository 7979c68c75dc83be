"""FRCP 5.2(a) cuts carried out on the page, for the forms the finders missed before: an SSN
written with dots or en dashes, broken across two lines, letter-spaced after its label; a birth
date in ISO form; a card number with no label; a minor's name broken across a line. The exhibit
is sealed in part (every 5.2(a) kind), the filing made through the gate, and the public version
read by every independent extractor and by OCR of its render: what the rule removes is in none
of them, what it leaves (last four digits, the year, the initials) is still there."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pymupdf
import pytest

from clawback.demo.run import reference_case
from clawback.domain.privacy import Privacy
from clawback.domain.seal_parts import SealPart
from clawback.service import Workspace
from tests.redaction.extractors import contains, found_in, ocr, texts

#: (what the page draws, line by line; what must be gone; what must stay)
LINES = [
    "Claimant SSN 123.45.6789 is on file",
    "Spouse social security no. 987\u201365\u20134321 as given",
    "The second claimant, SSN 555-44-",
    "3333, signed the release",
    "DOB: 1985-03-07 per the intake form",
    "Card charged: 4111-1111-1111-1111 on May 2",
    "Interview of Janet",
    "Roe, a minor, by counsel",
]
GONE = ["123.45.", "987\u201365\u2013", "555-44-", "03-07", "4111-1111-1111-", "Janet Roe"]
#: What stays. Not the first two lines' last four digits: the width policy boxes those lines
#: whole (the text after each cut is not set relative to it, so a re-flow could tell its
#: width): more is removed than the rule asks, never less.
KEPT = ["3333", "1985", "1111", "J.R."]
SPACED = "S.S.N. 2 2 2 - 3 3 - 4 4 4 4 (letter-spaced)"


def _exhibit() -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for n, line in enumerate(LINES):
        page.insert_text((72, 100 + 22 * n), line, fontsize=11)
    page.insert_text((72, 100 + 22 * len(LINES)), SPACED, fontsize=11)
    data = doc.tobytes(garbage=4, deflate=True)
    doc.close()
    return data


def filed_public(root: Path, exhibit: bytes, part: SealPart) -> bytes:
    """The public version of ``exhibit``, produced as Confidential and sealed in ``part`` (a
    receiving-side motion granted), as filed."""
    ws = Workspace.init(root / "ws").operator()
    try:
        ws.matter.load_case(reference_case())
        ws.ingest.ingest(exhibit, title="intake", exhibit=1)
        ws.designations.designate(1, "Confidential")
        ws.productions.produce([1], "TST-00000001", "VOL001")
        ws.sealing.seal(
            "40",
            exhibits=[1],
            kind="non_dispositive",
            granted=True,
            on=date(2021, 6, 3),
            movant="receiving",
            part=part,
        )
        out = root / "out"
        ws.filings.file(out)
        return (out / "public" / "ex01_TST-00000001.pdf").read_bytes()
    finally:
        ws.close()


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    part = SealPart(privacy=tuple(Privacy), minors=("Janet Roe",), what="identifiers")
    return filed_public(tmp_path_factory.mktemp("privacy-cuts"), _exhibit(), part)


def test_what_rule_5_2_a_removes_is_gone_for_every_reader(public: bytes) -> None:
    readings = texts(public)
    readings["ocr"] = ocr(public)
    for secret in [*GONE, "987\u00b765\u00b7", "2 2 2 - 3 3"]:
        assert found_in(readings, secret) == [], secret


def test_what_rule_5_2_a_leaves_is_still_printed(public: bytes) -> None:
    with pymupdf.open(stream=public, filetype="pdf") as doc:
        shown = " ".join(page.get_text() for page in doc)
    for kept in KEPT:
        assert contains(shown, kept), kept
    assert contains(shown, "4 4 4 4")
    assert "signed the release" in shown and "per the intake form" in shown
