"""Filed papers: entered by docket entry without Bates numbers, items by "page 2, lines 3-4"
read from pleading paper's line numbers, sealed through the one access rule, and the public
version made through the brief's gate (true redaction, verified after writing)."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from clawback.domain.errors import ClawbackError, NotFound
from clawback.domain.pinpoints import FiledKind, Pinpoint
from clawback.domain.pleading_lines import TextLine, lines_at, numbered_lines
from clawback.service import Workspace
from tests.casefile.test_case_files import cli, init

SECRET = "the privileged advice of counsel Hanna Ruiz"
BODY = {  # page (from 1) -> line number -> text
    1: {1: "PLAINTIFF'S OPPOSITION TO THE MOTION TO COMPEL", 3: "1. The facts are these."},
    2: {
        1: "2. As the memo put it,",
        3: "quoting the memo in full: " + SECRET,
        4: "and the second line quoted: counsel said settle now",
        6: "3. Nothing else on this page is privileged.",
    },
}


def pleading_pdf(path: Path) -> Path:
    """Two pages of pleading paper: lines 1-28 numbered down the left margin."""
    doc = pymupdf.open()
    for number in sorted(BODY):
        page = doc.new_page()
        for line in range(1, 29):
            y = 72 + 24 * line
            page.insert_text((40, y), str(line), fontsize=10)
            if line in BODY[number]:
                page.insert_text((100, y), BODY[number][line], fontsize=11)
    doc.save(path)
    doc.close()
    return path


def test_pleading_lines_are_read_from_the_margin_and_a_page_without_them_is_refused() -> None:
    page = [TextLine(40, 90 + 24 * k, 100 + 24 * k, str(k)) for k in range(1, 29)]
    page += [
        TextLine(100, 91 + 24 * 3, 101 + 24 * 3, "line three"),
        TextLine(100, 186, 196, "four"),
    ]
    assert (numbered_lines(page)[3], numbered_lines(page)[4]) == ("line three", "four")
    assert lines_at(Pinpoint.parse("page 1, line 3"), page, "ECF No. 9") == ("line three",)
    with pytest.raises(NotFound, match="numbers no lines"):
        lines_at(Pinpoint.parse("page 1, lines 3-4"), page[28:], "ECF No. 9")


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("filed")
    ws = root / "ws"
    init(ws)
    cli(ws, "load-case", "--reference")
    pdf = pleading_pdf(root / "opposition.pdf")
    said = cli(ws, "file-paper", str(pdf), "--docket", "ECF No. 101-33", "--kind", "brief")
    assert said.strip().startswith("ECF No. 101-33: DOC-")
    assert "(entered, 2 pages)" in said
    return root, ws


def test_an_item_named_by_page_and_lines_is_redacted_in_the_public_version(
    paper: tuple[Path, Path],
) -> None:
    root, ws = paper
    said = cli(ws, "paper-item", "101-33", "q1", "--at", "page 2, lines 3-4", "--what", "advice")
    assert said.strip() == "q1: page 2, lines 3-4, 2 lines"
    refused = cli(
        ws, "paper-item", "101-33", "q2", "--at", "page 9, line 1", "--what", "x", ok=False
    )
    assert refused.strip() == "error: ECF No. 101-33 has no page 9 (2 pages)"
    out = root / "out"
    cli(ws, "paper-public", "ECF No. 101-33", "--out", str(out))
    public = pymupdf.open(out / "public" / "ECF-101-33.pdf")
    text = " ".join(page.get_text() for page in public)
    assert "Hanna Ruiz" not in text and "settle now" not in text
    assert "Nothing else on this page is privileged." in text  # line 6 stays
    assert "PLAINTIFF'S OPPOSITION" in text
    sealed = pymupdf.open(out / "sealed" / "ECF-101-33.pdf")
    assert "Hanna Ruiz" in sealed[1].get_text()


def test_a_filed_paper_is_served_on_every_party_and_sealed_is_absent_to_the_public(
    paper: tuple[Path, Path],
) -> None:
    _, ws = paper  # its own item: the test passes alone or after the others
    said = cli(ws, "paper-item", "101-33", "q3", "--at", "page 2, lines 3-4", "--what", "advice")
    assert said.strip() == "q3: page 2, lines 3-4, 2 lines"
    workspace = Workspace.open(ws)
    try:
        operator = workspace.operator()
        operator.people.add("c@plaintiffs.example", name="c", side="receiving", category="counsel")
        operator.people.add("r@press.example", name="r", side="public", category="public")
        entered = operator.filed_papers.enter(
            pleading_pdf(ws.parent / "again.pdf").read_bytes(), "101-33", FiledKind.brief
        )
        assert not entered.new and entered.paper.name == "ECF No. 101-33"
        people = [workspace.preview(p) for p in ("c@plaintiffs.example", "r@press.example")]
        for seen in people:  # served on each party; on the public docket
            assert "ECF No. 101-33" in {d.title for d in seen.catalog.documents()}
        operator.filed_papers.seal("ECF No. 101-33")
        counsel, reporter = people  # sealed from the public docket; the parties were served
        assert "ECF No. 101-33" in {d.title for d in counsel.catalog.documents()}
        assert "ECF No. 101-33" not in {d.title for d in reporter.catalog.documents()}
        with pytest.raises(ClawbackError, match=r"^no filed paper ECF No\. 101-33$"):
            reporter.filed_papers.paper("101-33")
        items = counsel.filed_papers.paper("ECF No. 101-33").items
        assert ("q3", "page 2, lines 3-4") in {(item.id, str(item.at)) for item in items}
    finally:
        workspace.close()
