"""Bean v. Pearson (D. Ariz. July 18, 2012): filed papers sealed whole and redacted by page
(tests/orders/bean-pearson-2012-07-18): "The following materials shall be filed under seal:
Doc. 120; Doc. 118, Ex. 2; and Doc. 122. FURTHER ORDERED that Defendant shall file redacted
versions of Doc. 118, Ex. 2 (redacting pages 14-19) ...".

Doc. 118, Ex. 2 (entered as docket entry 118-2, the attachment's own number) and Doc. 120 are
filed papers: lodged under seal, never produced, no Bates numbers. The pages the order names
are items by pinpoint (``page 14`` .. ``page 19``, the page whole), and the public version is
made through the gate. Stand-ins: the order does not give the papers' text; Doc. 122 (a
249-page deposition, pages 65-66, 91-93, 173-77 and 225-49) is left out to keep the test
small; "redacting pages 1419" is read as pages 14-19 (the corpus's reading of the lost dash).
"""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
from typer.testing import CliRunner

from clawback.cli import app
from clawback.service import Workspace
from tests.scenarios.enter import expected

SLUG = "bean-pearson-2012-07-18"


def _stand_in(path: Path, pages: int, what: str) -> Path:
    doc = pymupdf.open()
    for n in range(1, pages + 1):
        doc.new_page().insert_text((72, 100), f"{what}, page {n}: stand-in words {n * 7}")
    doc.save(path)
    doc.close()
    return path


def test_filed_papers_sealed_and_redacted_by_page_as_the_order_rules(tmp_path: Path) -> None:
    order = expected(SLUG)
    first = order["motions"][0]
    by_doc = {r["document"]: r for r in first["rulings"]}
    assert by_doc["Doc. 120"]["outcome"] == "granted" and by_doc["Doc. 120"]["part"] is None
    assert by_doc["Doc. 118"]["part"] == "pages 1419"  # pages 14-19, the dash lost
    pages = range(14, 20)
    ws = tmp_path / "ws"
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, [*args, "-w", str(ws)])
        assert result.exit_code == 0, result.output
        return result.output

    runner.invoke(app, ["init", str(ws)])
    run("load-case", "--reference")
    answers = _stand_in(tmp_path / "doc120.pdf", 2, "Second Supplemental Responses")
    exhibit = _stand_in(tmp_path / "doc118-2.pdf", 19, "Doc. 118 Ex. 2")
    run("file-paper", str(answers), "--docket", "Doc. 120", "--kind", "statement_of_facts",
        "--under-seal")  # fmt: skip
    run("file-paper", str(exhibit), "--docket", "Doc. 118-2", "--kind", "declaration",
        "--under-seal")  # fmt: skip
    for n in pages:
        said = run("paper-item", "Doc. 118-2", f"p{n}", "--at", f"page {n}", "--what", "pages")
        assert said.strip() == f"p{n}: page {n}, 1 line"
    out = tmp_path / "filed"
    run("paper-public", "Doc. 118-2", "--out", str(out))

    public = pymupdf.open(out / "public" / "ECF-118-2.pdf")
    kept = [n for n in range(1, 20) if f"page {n}:" in public[n - 1].get_text()]
    assert kept == [n for n in range(1, 20) if n not in pages]  # 14-19 redacted, the rest not
    for n in pages:
        assert not re.search(rf"words {n * 7}\b", public[n - 1].get_text())
    sealed = pymupdf.open(out / "sealed" / "ECF-118-2.pdf")
    assert all(f"page {n}:" in sealed[n - 1].get_text() for n in range(1, 20))

    workspace = Workspace.open(ws)
    try:
        operator = workspace.operator()
        operator.people.add("r@press.example", name="r", side="public", category="public")
        reporter = workspace.preview("r@press.example")
        titles = {d.title for d in reporter.catalog.documents()}
        assert not titles & {"ECF No. 120", "ECF No. 118-2"}  # both filed under seal
        paper = operator.filed_papers.paper("Doc. 118-2")
        assert [str(i.at) for i in paper.items] == [f"page {n}" for n in pages]
    finally:
        workspace.close()


def _named(order_words: str) -> str:
    """A paper as the order names it ("Doc. 118 , Ex. 2", "Doc. 120") as its docket entry."""
    found = re.fullmatch(r"Doc\. (\d+)(?: , Ex\. (\d+))?", order_words.strip())
    assert found, order_words
    return "-".join(x for x in found.groups() if x)


def test_the_seal_ruling_seals_the_papers_files_them_and_drafts_the_orders_paragraph(
    tmp_path: Path,
) -> None:
    """Motion Dkt. 134 ruled through ``seal``: Doc. 120 sealed whole, Doc. 118, Ex. 2 sealed
    with pages 14-19 redacted from its public version; the filing package carries both, the
    public reads neither, and the drafted paragraph says what the order's paragraphs say."""
    order = expected(SLUG)
    ws = tmp_path / "ws"
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, [*args, "-w", str(ws)])
        assert result.exit_code == 0, result.output
        return result.output

    runner.invoke(app, ["init", str(ws)])
    run("load-case", "--reference")
    answers = _stand_in(tmp_path / "doc120.pdf", 2, "Second Supplemental Responses")
    exhibit = _stand_in(tmp_path / "doc118-2.pdf", 19, "Doc. 118 Ex. 2")
    run("file-paper", str(answers), "--docket", "Doc. 120", "--kind", "statement_of_facts",
        "--under-seal")  # fmt: skip
    run("file-paper", str(exhibit), "--docket", "Doc. 118-2", "--kind", "declaration",
        "--under-seal")  # fmt: skip
    pages = range(14, 20)
    for n in pages:
        run("paper-item", "Doc. 118-2", f"p{n}", "--at", f"page {n}", "--what", "pages")
    common = ["--kind", "non_dispositive", "--movant", "producing", "--on", "2012-07-18"]
    said = run("seal", "134", "--paper", "Doc. 120", *common)
    assert said.strip() == "ECF No. 120: sealed (good cause shown for sealing)"
    items = [a for n in pages for a in ("--redact-item", f"p{n}")]
    said = run("seal", "134", "--paper", "Doc. 118-2", *items, *common)
    assert said.strip().startswith("ECF No. 118-2: sealed in part: the public version removes")
    again = runner.invoke(app, ["seal", "134", "--paper", "Doc. 120", *common, "-w", str(ws)])
    assert again.exit_code == 1
    assert again.output.strip() == (
        "error: motion to seal Dkt. 134 was already ruled on as to ECF No. 120"
    )

    out = tmp_path / "package"
    run("file", str(out))
    public = pymupdf.open(out / "public" / "ECF-118-2.pdf")
    kept = [n for n in range(1, 20) if f"page {n}:" in public[n - 1].get_text()]
    assert kept == [n for n in range(1, 20) if n not in pages]
    whole = pymupdf.open(out / "public" / "ECF-120.pdf")
    assert all("Second Supplemental" not in page.get_text() for page in whole)
    for name in ("ECF-120", "ECF-118-2"):
        lodged = pymupdf.open(out / "sealed" / f"{name}.pdf")
        assert all("stand-in words" in page.get_text() for page in lodged)
        assert (out / "highlighted" / f"{name}.pdf").is_file()

    drafted = run("draft-order", "--producing", "Defendant").splitlines()
    (paragraph,) = [p for p in drafted if "Dkt. No. 134" in p]
    sentences = re.split(r"(?<!Dkt)(?<!No)\. ", paragraph.split(". ", 1)[1])
    real = order["ordering_paragraphs"]
    # "ORDER granting in part 134 Motion to Seal ..."
    assert "granting in part 134 Motion to Seal" in real[0]
    assert sentences[0] == "Defendant's Motion to Seal (Dkt. No. 134) is GRANTED IN PART"
    # "The following materials shall be filed under seal: Doc. 120 ; Doc. 118 , Ex. 2; ..."
    listed = real[0].split("under seal: ", 1)[1].rstrip(" .").split(";")
    ordered = {_named(x.removeprefix(" and ")) for x in listed} - {"122"}  # Doc. 122: left out
    assert ordered == {"120", "118-2"}
    assert sentences[1] == "The Clerk shall maintain ECF No. 120 and ECF No. 118-2 under seal"
    # "Defendant shall fi led redacted versions of Doc. 118 , Ex. 2 (redacting pages 1419)"
    found = re.match(r"FURTHER ORDERED that (\w+) shall .*? of (Doc\. 118 , Ex\. 2) \(redacting "
                     r"pages (\d\d)(\d\d)\)", real[1])  # fmt: skip
    assert found
    actor, paper, first, last = found.groups()
    assert sentences[2] == (
        f"{actor} shall file a public version of ECF No. {_named(paper)} redacting pages "
        f"{first}-{last}."
    )

    workspace = Workspace.open(ws)
    try:
        operator = workspace.operator()
        operator.people.add("r@press.example", name="r", side="public", category="public")
        operator.people.add("p@plaintiff.example", name="p", side="receiving", category="counsel")
        reporter = workspace.preview("r@press.example")
        assert not {d.title for d in reporter.catalog.documents()} & {
            "ECF No. 120",
            "ECF No. 118-2",
        }
        assert reporter.sealing.paper_decisions("134") == []
        counsel = workspace.preview("p@plaintiff.example")  # served on every party
        assert [d.paper for d in counsel.sealing.paper_decisions("134")] == ["120", "118-2"]
        drafted_for_counsel = [str(p) for p in counsel.filings.draft_order("Defendant")]
        assert paragraph in drafted_for_counsel
    finally:
        workspace.close()
