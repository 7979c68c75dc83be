"""An item of a filed paper named by its bullet ("page 2, bullet 2"): read from a generated PDF's
lines (a bullet of two lines, a lettered "(a)" item that is no bullet), redacted in the paper's
public version with the other bullets left standing, and a bullet the page does not have refused
in one line."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from tests.casefile.test_case_files import cli, init

RATES = ("the discount rates for each region,", "as the pricing committee set them;")
STAYS = (
    "the 2019 pricing memorandum;",
    "the board minutes of May 2020.",
    "(a) a lettered item, which is no bullet.",
    "Nothing else is relied on.",
)
PAGE_2 = [  # (left edge, text); None: a blank line
    (72, "The declarant relies on three documents:"),
    (90, "\u2022 the 2019 pricing memorandum;"),
    (90, f"- {RATES[0]}"),
    (100, RATES[1]),  # the same bullet, run on under its text
    (90, "* the board minutes of May 2020."),
    None,
    (90, "(a) a lettered item, which is no bullet."),
    (72, "Nothing else is relied on."),
]


def bulleted_pdf(path: Path) -> Path:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), "DECLARATION OF J. SMITH", fontsize=12)
    page, y = doc.new_page(), 100.0
    for row in PAGE_2:
        y += 16
        if row is not None:
            page.insert_text((row[0], y), row[1], fontsize=11)
    doc.save(path)
    doc.close()
    return path


def test_an_item_named_by_its_bullet_is_redacted_and_a_missing_bullet_refused(
    tmp_path: Path,
) -> None:
    ws = tmp_path / "ws"
    init(ws)
    pdf = bulleted_pdf(tmp_path / "declaration.pdf")
    cli(ws, "file-paper", str(pdf), "--docket", "ECF No. 101-40", "--kind", "declaration")
    said = cli(ws, "paper-item", "101-40", "rates", "--at", "page 2, bullet 2",
               "--what", "the discount rates")  # fmt: skip
    assert said == "rates: page 2, bullet 2, 2 lines\n"
    missing = cli(ws, "paper-item", "101-40", "x", "--at", "page 2, bullet 4", "--what", "x",
                  ok=False)  # fmt: skip
    assert missing == "error: ECF No. 101-40 at page 2, bullet 4: the page has 3 bullets\n"
    worded = cli(ws, "paper-item", "101-40", "y", "--at", "page 2, bullet 1", "--what", "y",
                 "--text", "pricing", ok=False)  # fmt: skip
    assert worded == (
        "error: ECF No. 101-40 at page 2, bullet 1: a bullet is found by its place, not by words\n"
    )
    out = tmp_path / "out"
    cli(ws, "paper-public", "ECF No. 101-40", "--out", str(out))
    public = pymupdf.open(out / "public" / "ECF-101-40.pdf")
    text = " ".join(public[1].get_text().split())
    assert not any(words in text for words in RATES)
    assert all(stays in text for stays in STAYS)
    lodged = " ".join(pymupdf.open(out / "sealed" / "ECF-101-40.pdf")[1].get_text().split())
    assert all(words in lodged for words in RATES)
