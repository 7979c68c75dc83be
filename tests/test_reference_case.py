"""The reference case end to end, through the real CLI, checked against the seed case."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pymupdf
import pypdf
import pytest
import yaml
from openpyxl import load_workbook
from sqlalchemy import select

from clawback.demo.run import reference_case, workspace_for
from clawback.domain.bates import BatesRange
from clawback.pdf.gate.verify import xray_inspect
from clawback.service import Workspace
from clawback.storage.tables import Document
from tests.conftest import SHARED
from tests.reference_demo import copy_of

CASE = yaml.safe_load((SHARED / "seed-case" / "case.yaml").read_text(encoding="utf-8"))
CONTENT = CASE["demo_content"]
WITHHELD = [CONTENT["fir-dbcode"], *CONTENT["ppt-dbcode"]]
RELEASED = [*CONTENT["fir-gaps"], CONTENT["ppt-other"]]


@pytest.fixture(scope="module")
def demo(reference_demo: Path) -> Path:
    """The demo's output (`tests.reference_demo`: run once per run through the real command,
    shared with the claim lifecycle's SQLite run), read as files. A test that opens the record
    (every read is audited) or runs the demo again works on a copy (``copy_of``)."""
    return reference_demo


@pytest.fixture(scope="module")
def summary(demo: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((demo / "summary.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture
def own(demo: Path, tmp_path: Path) -> Path:
    """A copy of the demo's output and workspace for one test: opening the record writes to it
    (every read is audited), and the shared run must stay as the demo left it."""
    return copy_of(demo, tmp_path / "demo")


def exhibits_named(text: str) -> set[int]:
    """``"Exs. 1-13"``, ``"Ex. 18"`` -> exhibit numbers."""
    found: set[int] = set()
    for a, b in re.findall(r"Exs?\. (\d+)(?:-(\d+))?", text):
        found.update(range(int(a), int(b or a) + 1))
    return found


def test_summary_matches_the_expected_outcome(summary: dict[str, Any]) -> None:
    matches_the_expected_outcome(summary)


def matches_the_expected_outcome(summary: dict[str, Any]) -> None:
    """The demo's summary against the seed case's ``expected_outcome``, field by field (the
    lifecycle test runs it on PostgreSQL too)."""
    expected = CASE["expected_outcome"]
    assert summary["case"]["number"] == CASE["case"]["number"]
    assert summary["order_date"] == expected["order_date"]
    assert {r["claim"]: r["result"] for r in summary["rulings"]} == {
        r["claim"]: r["result"] for r in expected["rulings"]
    }
    by_number = {e["exhibit"]: e for e in summary["exhibits"]}
    assert sorted(by_number) == list(range(1, 20))
    for doc in CASE["documents"]:
        mine = by_number[doc["exhibit"]]
        assert BatesRange.parse(mine["bates"]) == BatesRange.parse(doc["bates"])
        assert mine["designation"] == doc["designation"]
    denied = set().union(*(exhibits_named(x) for x in expected["clawback"]["denied_whole"]))
    in_part = set().union(*(exhibits_named(x) for x in expected["clawback"]["granted_in_part"]))
    assert {n for n, e in by_number.items() if e["clawback"] == "denied"} == denied
    assert {n for n, e in by_number.items() if e["clawback"] == "granted_in_part"} == in_part
    granted_claims = {r["claim"] for r in expected["rulings"] if r["result"] == "granted"}
    scopes = {c["id"]: c["scope"] for c in CASE["claims"]}
    redacted = {
        int(re.search(r"Ex\. (\d+)", scopes[c]).group(1)): re.findall(r"item (\S+)", scopes[c])
        for c in granted_claims
    }
    assert {n: e["redacted"] for n, e in by_number.items() if e["redacted"]} == redacted
    sealed = set().union(*(exhibits_named(x) for x in expected["sealing"]["sealed"]))
    not_sealed = set().union(
        *(exhibits_named(x) for x in expected["sealing"]["not_sealed"]["exhibits"])
    )
    assert {n for n, e in by_number.items() if e["sealed"]} == sealed
    assert {n for n, e in by_number.items() if not e["sealed"]} == not_sealed
    assert [(d["due"], d["act"]) for d in summary["deadlines"]] == [
        (c["due"], c["act"]) for c in expected["compliance"]
    ]


def test_files_are_where_the_summary_says(demo: Path, summary: dict[str, Any]) -> None:
    for e in summary["exhibits"]:
        kinds = {"sealed", "highlighted", "public"} if e["sealed"] else {"public"}
        assert set(e["files"]) == kinds
        for name in e["files"].values():
            assert (demo / name).is_file()
    assert len(list((demo / "sealed").iterdir())) == 15
    assert len(list((demo / "public").iterdir())) == 19
    assert len(list((demo / "highlighted").iterdir())) == 15


def all_pdfs(demo: Path) -> list[Path]:
    found = sorted(demo.rglob("*.pdf"))
    # 15 lodged under seal, 15 highlighted, 19 for the public docket, 5 bench memos
    assert len(found) == 54
    return found


def test_no_pdf_under_the_output_holds_a_code(demo: Path) -> None:
    outputs = [p for p in demo.rglob("*") if p.is_file() and p.read_bytes()[:5] == b"%PDF-"]
    assert len(outputs) == 54  # the bench memos too
    for path in outputs:
        data = path.read_bytes()
        with pymupdf.open(path) as doc:
            text = "".join(page.get_text() for page in doc)
        other = "".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)
        for code in WITHHELD:
            assert code not in text and code not in other, (path.name, code)
            assert code.encode() not in data


def test_denied_material_stays_in_the_sealed_version(demo: Path) -> None:
    ex18 = next((demo / "sealed").glob("ex18_*.pdf"))
    ex19 = next((demo / "sealed").glob("ex19_*.pdf"))
    with pymupdf.open(ex18) as doc:
        page = doc[12].get_text()
        assert all(name in page for name in CONTENT["fir-gaps"])
        assert "AOL-DEF-00528703" in page
    with pymupdf.open(ex19) as doc:
        assert CONTENT["ppt-other"] in " ".join(doc[12].get_text().split())
        assert doc[13].get_images()  # the denied page AOL-DEF-00516618 keeps its picture


def test_the_record_keeps_the_designation_history(own: Path) -> None:
    ws = Workspace.open(workspace_for(own)).operator()
    try:
        shown = ws.reads.show(19)
        assert [d["tier"] for d in shown["designations"]] == ["Confidential", "AEO"]
        assert {i["id"] for i in shown["items"]} == {"ppt-dbcode", "ppt-other", "ppt-618"}
        assert CONTENT["ppt-other"] not in json.dumps(shown)
        with ws.transaction() as s:
            produced = s.scalar(select(Document.produced).where(Document.exhibit == 19))
            assert produced is not None
            at_production = ws.ctx.files.get(produced)
    finally:
        ws.close()
    with pymupdf.open(stream=at_production) as doc:  # stamped when it was Confidential
        assert "CONFIDENTIAL" in doc[0].get_text() and "EYES ONLY" not in doc[0].get_text()
    with pymupdf.open(next((own / "sealed").glob("ex19_*.pdf"))) as doc:  # filed as AEO
        assert "ATTORNEYS' EYES ONLY - LODGED UNDER SEAL" in doc[0].get_text()


def test_every_sealed_page_carries_its_bates_number(demo: Path, summary: dict[str, Any]) -> None:
    for e in summary["exhibits"]:
        if not e["sealed"]:
            continue
        numbers = [str(n) for n in BatesRange.parse(e["bates"])]
        with pymupdf.open(demo / e["files"]["sealed"]) as doc:
            assert len(doc) == len(numbers)
            for page, number in zip(doc, numbers, strict=True):
                assert number in page.get_text(), (e["exhibit"], number)


def test_public_versions(demo: Path, summary: dict[str, Any]) -> None:
    for e in summary["exhibits"]:
        with pymupdf.open(demo / e["files"]["public"]) as doc:
            if e["sealed"]:
                assert all(not page.get_images() for page in doc), e["exhibit"]
                text = " ".join(page.get_text() for page in doc)
                assert "SYNTHETIC DEMONSTRATION DOCUMENT" not in text
                assert "CONFIDENTIAL - FILED UNDER SEAL" in text
            else:  # the social media posts go on the public docket whole
                assert len(doc[0].get_images()) == 1, e["exhibit"]


@pytest.mark.xray
def test_xray_finds_no_bad_redaction(demo: Path, xray_available: None) -> None:
    reports = xray_inspect(all_pdfs(demo))
    assert reports and all(findings == [] for findings in reports.values()), reports


def test_privilege_log_in_its_final_state(demo: Path) -> None:
    with (demo / "privilege-log.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    sheet = load_workbook(demo / "privilege-log.xlsx").active
    assert sheet is not None
    assert sheet.max_row == len(rows) + 1
    by_begin = {(r["Claim"], r["Bates Begin"]): r for r in rows}
    assert len([r for r in rows if r["Claim"] == "c-sentri"]) == 17
    assert by_begin[("c-fir-code", "AOL-DEF-00528703")]["Status"] == "upheld"
    assert by_begin[("c-fir-code", "AOL-DEF-00528703")]["Treatment"] == "redacted"
    # released by the order and produced again in the replacement production
    assert by_begin[("c-ppt-other", "AOL-DEF-00516618")]["Status"] == "ordered produced"
    assert all(r["Status"] == "ordered produced" for r in rows if r["Claim"] == "c-sentri")
    text = (demo / "privilege-log.csv").read_text(encoding="utf-8")
    assert not any(secret in text for secret in WITHHELD + RELEASED)


def test_demo_runs_again_into_the_same_folder(own: Path) -> None:
    again = subprocess.run(
        [sys.executable, "-m", "clawback", "demo", "--out", str(own)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert again.returncode == 0, again.stderr
    stranger = own.parent / "someone-elses"
    stranger.mkdir()
    (stranger / "brief.docx").write_text("keep me")
    refused = subprocess.run(
        [sys.executable, "-m", "clawback", "demo", "--out", str(stranger)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode == 1
    assert "not empty" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    assert (stranger / "brief.docx").read_text() == "keep me"


def test_drafted_ordering_paragraphs(demo: Path) -> None:
    drafted = (demo / "ordering-paragraphs.txt").read_text(encoding="utf-8").split("\n\n")
    order = (SHARED / "seed-case" / "order-2020-06-26.txt").read_text(encoding="utf-8")
    assert len(drafted) == 6
    assert drafted[0].strip() in order  # paragraph 1, word for word
    assert drafted[3].strip() == "4. The parties' Motion to Seal (Dkt. No. 461) is GRANTED."
    assert not any(code in " ".join(drafted) for code in WITHHELD + RELEASED)


def test_highlighted_version_shows_what_the_public_one_hides(demo: Path) -> None:
    path = next((demo / "highlighted").glob("ex18_*.pdf"))
    with pymupdf.open(path) as doc:
        page = doc[12]
        assert all(name in page.get_text() for name in CONTENT["fir-gaps"])
        assert CONTENT["fir-dbcode"] not in page.get_text()  # privileged: redacted here too
        tints = [d for d in page.get_drawings() if (d.get("fill_opacity") or 1) < 1]
        assert tints and tints[0]["fill"] == (1.0, 1.0, 0.0)
        assert "HIGHLIGHTED, LODGED UNDER SEAL" in page.get_text()


def test_a_brief_quoting_the_code(own: Path, tmp_path: Path) -> None:
    brief = pymupdf.open()
    page = brief.new_page()
    lines = [
        "Plaintiffs' opposition to the motion to strike.",
        "The report (AOL-DEF-00528703, Gov't Ex. 18) is tracked as",
        f'"{CONTENT["fir-dbcode"]}" in the agency database.',
    ]
    for i, line in enumerate(lines):
        page.insert_text((72, 100 + 20 * i), line, fontsize=11)
    path = tmp_path / "opposition.pdf"
    brief.save(path)
    brief.close()
    ws = Workspace.open(workspace_for(own)).person("counsel@defendants.example")
    try:
        proposals = ws.briefs.propose(path.read_bytes())
        assert [p.text for p in proposals] == [CONTENT["fir-dbcode"]]
        written = ws.briefs.file(path.read_bytes(), tmp_path / "filed", "opposition")
    finally:
        ws.close()
    with pymupdf.open(written["public"]) as public:
        text = public[0].get_text()
        assert CONTENT["fir-dbcode"] not in text and "AOL-DEF-00528703" in text
    assert CONTENT["fir-dbcode"].encode() not in written["public"].read_bytes()
    with pymupdf.open(written["highlighted"]) as highlighted:
        assert CONTENT["fir-dbcode"] in highlighted[0].get_text()


def test_privilege_log_before_and_after_the_ruling(own: Path) -> None:
    lines = (own / "privilege-log-diff.txt").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 22  # every entry: 17 + 2 + 3
    assert (
        "c-fir-code AOL-DEF-00528703: Status: asserted -> upheld; Treatment: sequestered "
        "-> redacted"
    ) in lines
    assert sum("asserted -> overruled" in line for line in lines) == 20
    ws = Workspace.open(workspace_for(own)).operator()
    try:
        served = ws.privilege_log.served()
        assert [v[2] for v in served] == [
            "served with the claw-back notice",
            "served after the order",
        ]
        assert all(sha in ws.ctx.files for *_, sha in served)
    finally:
        ws.close()


def test_claiming_ex5_finds_its_copy_with_no_hint(own: Path) -> None:
    ws = Workspace.open(workspace_for(own)).operator()
    try:
        found = ws.copies.of_page("AOL-DEF-00556922")
    finally:
        ws.close()
    assert str(found[0].bates) == "AOL-DEF-00516618" and found[0].kind == "same_picture"
    assert found[0].exhibit == "19"
    assert all(c.kind == "near_picture" for c in found[1:])  # look-alikes, for review only


def test_every_database_code_by_pattern(own: Path) -> None:
    ws = Workspace.open(workspace_for(own)).operator()
    try:
        found = ws.items.pattern_hits(r"[A-Z]{3}-\d{4}-\d{2}-\d{6}")
    finally:
        ws.close()
    assert [(str(h.bates), h.text) for h in found] == [
        ("AOL-DEF-00528703", CONTENT["fir-dbcode"]),
        ("AOL-DEF-00516617", CONTENT["ppt-dbcode"][0]),
        ("AOL-DEF-00516617", CONTENT["ppt-dbcode"][1]),
    ]


def test_a_volume_goes_out_and_comes_back(own: Path, tmp_path: Path) -> None:
    ws = Workspace.open(workspace_for(own)).operator()
    try:
        folder = ws.volumes.export("AOL-DEF-VOL002", tmp_path / "out")
    finally:
        ws.close()
    dat = (folder / "DATA" / "AOL-DEF-VOL002.dat").read_bytes()
    assert dat.startswith(b"\xef\xbb\xbf\xc3\xbeBEGBATES\xc3\xbe\x14")  # BOM, þ, DC4
    received = Workspace.init(tmp_path / "received").operator()
    try:
        received.matter.load_case(reference_case())
        received.people.add("pc@plf.test", name="PC", side="receiving", category="counsel")
        received = received.ctx.workspace.person("pc@plf.test")
        controls, problems = received.imports.import_volume(folder)
        assert problems == [] and len(controls) == 1
        assert received.imports.import_volume(folder)[1] == [
            "row 1 (AOL-DEF-00528691): imported before from volume AOL-DEF-VOL002 as RCV-000001"
        ]
        received = received.ctx.workspace.operator()
        shown = received.reads.show("AOL-DEF-00528703")
        assert shown["bates"] == "AOL-DEF-00528691-AOL-DEF-00528707"
        assert CONTENT["fir-gaps"][0] in received.reads.page_text("AOL-DEF-00528703")
    finally:
        received.close()
