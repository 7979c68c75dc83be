"""Importing the real Relativity sample volume, checked against the hand-checked facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from clawback.cli import app
from clawback.demo.run import reference_case
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.loadfiles import EXPECTED, SAMPLES

FOLDER = SAMPLES / "relativity-import-samples" / "SampleDataSources"
FACTS = json.loads(EXPECTED.read_text())["relativity-import-samples/SampleDataSources"]["files"]


def test_the_relativity_volume_with_natives_and_text(ws: Workspace) -> None:
    facts = FACTS["load_file_01.dat"]
    report = ws.imports.volume(FOLDER, FOLDER / "load_file_01.dat")
    assert report.problems == []
    assert [i.theirs for i in report.imported] == facts["control_numbers"]
    by_theirs = {i.theirs: i for i in report.imported}
    assert by_theirs["Sample_0000001"].source == "native"  # a PDF native, used as it is
    assert by_theirs["Sample_0000002"].source == "converted native"  # .doc via LibreOffice
    assert by_theirs["Sample_0000003"].source == "converted native"  # .xlsx, the same run
    assert by_theirs["Sample_0000004"].source == "rendered e-mail"  # .msg
    # No family: "Parent Document ID" is empty and each "Group Identifier" is the document's own.
    assert [i.family for i in report.imported] == [None] * 4
    with ws.transaction() as s:
        docs = {
            d.meta["control_number"]: d
            for d in s.scalars(select(t.Document).where(t.Document.kind == "received"))
        }
        names = [docs[c].meta.get("native_name") for c in facts["control_numbers"]]
        assert names == [Path(p.replace("\\", "/")).name for p in facts["natives"]]
        for control, path in zip(facts["control_numbers"], facts["natives"], strict=True):
            native = ws.ctx.files.get(docs[control].meta["native_sha256"])  # kept in the store
            assert native == (FOLDER / path.replace("\\", "/")).read_bytes()
        xlsx = docs["Sample_0000003"]  # its own pages, not a placeholder naming it
        page = s.scalar(select(t.Page).where(t.Page.document_id == xlsx.id))
        assert page is not None and "Produced in native form" not in page.text
        assert "EDRM-Sample3.xlsx" not in page.text and len(page.text.split()) > 20
    again = ws.imports.volume(FOLDER, FOLDER / "load_file_01.dat")
    assert again.imported == []
    assert again.problems == [
        f"row {n} ({c}): imported before from volume load_file_01 as {i.control}"
        for n, (c, i) in enumerate(zip(facts["control_numbers"], report.imported, strict=True), 1)
    ]


@pytest.mark.slow  # the five scanned pages are OCR'd on ingest
def test_the_relativity_images_by_their_opt(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "ws").operator()
    try:
        ws.matter.load_case(reference_case())
        facts = FACTS["Opticon_01.opt"]["documents"][0]
        report = ws.imports.volume(FOLDER, opt=FOLDER / "Opticon_01.opt")
        assert report.problems == []
        [doc] = report.imported
        assert (doc.theirs, doc.pages, doc.source) == (facts["begin"], 5, "images")
        assert doc.pages == facts["page_count_field"] == len(facts["pages"])
        assert doc.bates is None  # SYM-00011001_0001_REV is no Bates sequence
    finally:
        ws.close()


@pytest.mark.parametrize(
    "name", ["load_file_02.dat", "load_file_03.dat", "load_file_04.dat", "load_file_05.dat"]
)
def test_every_dialect_gives_its_control_numbers(sqlite_ws: Workspace, name: str) -> None:
    facts = FACTS[name]
    report = sqlite_ws.imports.volume(FOLDER, FOLDER / name)
    taken = {i.theirs for i in report.imported}  # a problem of one taken is a warning
    said = {p.split("(", 1)[1].split(")", 1)[0]: p for p in report.problems}
    refused = {control: p for control, p in said.items() if control not in taken}
    assert sorted([i.theirs for i in report.imported] + list(refused)) == sorted(
        facts["control_numbers"]
    )
    expected = {e.split(":", 1)[0]: e for e in facts.get("errors_expected", [])}
    assert set(refused) == set(expected)
    for control, problem in refused.items():
        month = expected[control].split("(month ")[1].rstrip(")")
        assert f"'{month}/21/2001" in problem and "is not a date" in problem


def test_the_command_line_prints_what_came_in_and_what_did_not(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "cli").operator()
    ws.matter.load_case(reference_case())
    ws.close()
    runner = CliRunner()
    args = ["volume", "import", str(FOLDER), "--dat", str(FOLDER / "load_file_05.dat")]
    result = runner.invoke(app, [*args, "-w", str(tmp_path / "cli")])
    assert result.exit_code == 1
    assert "2 records imported from" in result.stdout and "as 2 documents" in result.stdout
    assert "Sample_0000003" in result.stdout and "Sample_0000004" in result.stdout
    assert "row 1 (Sample_Err0001): Date Received '13/21/2001 3:48 PM' is not a date" in (
        result.stderr
    )
    assert "Traceback" not in result.output
