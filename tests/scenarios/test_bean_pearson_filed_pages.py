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
