"""Production volumes: numbering rules, slip sheets, natives, redaction, stamp corners, the
volume on disk, and a production killed with SIGKILL and resumed (real subprocess)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import create_engine, func, select

from clawback.demo.run import reference_case
from clawback.domain.errors import ClawbackError, NotFound, RuleViolation
from clawback.loadfiles import read_dat, read_opt
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.service.test_workspace import text_pdf

HIT = "ABC-1234-56-789012"


def docs(ws: Workspace, n: int, pages: int = 2) -> list[str]:
    controls = []
    for k in range(n):
        body = [f"document {k} page {p}\nnothing secret" for p in range(pages)]
        controls.append(ws.ingest.ingest(text_pdf(*body), title=f"doc {k}"))
    return controls


def bates_of(ws: Workspace, control: str) -> list[str | None]:
    with ws.transaction() as s:
        doc = s.scalar(select(t.Document).where(t.Document.control == control))
        assert doc is not None
        return [
            str(b) if b is not None else None
            for b in s.scalars(
                select(t.Page.bates).where(t.Page.document_id == doc.id).order_by(t.Page.idx)
            ).all()
        ]


def test_numbering_continues_and_refuses_gaps_overlaps_and_other_widths(ws: Workspace) -> None:
    a, b, c, d, e = docs(ws, 5)
    assert str(ws.productions.produce([a], "ZZ-000001", "V1")) == "ZZ-000001-ZZ-000002"
    with pytest.raises(RuleViolation, match="ZZ-000005 leaves a gap after volume V1"):
        ws.productions.produce([b], "ZZ-000005", "V2")
    with pytest.raises(RuleViolation, match="ZZ-000002 is already used"):
        ws.productions.produce([b], "ZZ-000002", "V2")
    with pytest.raises(RuleViolation, match="ZZ-0000003 has 7 digits; prefix 'ZZ-' uses 6"):
        ws.productions.produce([b], "ZZ-0000003", "V2")
    with pytest.raises(ClawbackError, match="no earlier volume with prefix 'QQ-'"):
        ws.productions.produce([b], None, "V2", continue_from="QQ-")
    assert (
        str(ws.productions.produce([b], None, "V2", continue_from="ZZ-")) == "ZZ-000003-ZZ-000004"
    )
    assert str(ws.productions.produce([c], "ZZ-000005", "V3")) == "ZZ-000005-ZZ-000006"
    gap = ws.productions.produce(
        [d], "ZZ-000100", "V4", allow_gap="numbers 7-99 went to a paper production"
    )
    assert str(gap) == "ZZ-000100-ZZ-000101"
    assert bates_of(ws, e) == [None, None]  # nothing half-done by the refusals
    with ws.transaction() as s:
        audited = s.scalars(select(t.Audit.detail).where(t.Audit.action == "produce.open")).all()
    assert [x.get("gap_reason") for x in audited] == [
        None,
        None,
        None,
        "numbers 7-99 went to a paper production",
    ]
    with pytest.raises(RuleViolation, match="volume V4 was already produced"):
        ws.productions.produce([d], "ZZ-000100", "V4")


def test_a_reason_lets_a_volume_fill_an_earlier_gap_or_change_width_never_overlap(
    ws: Workspace,
) -> None:
    """Productions in the world fill a gap an earlier volume left and switch widths within a
    prefix (NG7_0000100 after NG7_00000099): each needs a reason, audited; a number already
    used, by its value whatever its width, is refused even with one."""
    a, b, c, d, e = docs(ws, 5)
    reason = "numbering as the producing party served it"
    ws.productions.produce([a], "NG7_00000001", "W1")
    ws.productions.produce([b], "NG7_00000050", "W2", allow_gap=reason)
    with pytest.raises(RuleViolation, match="comes before volume W2"):
        ws.productions.produce([c], "NG7_00000010", "W3")
    assert str(ws.productions.produce([c], "NG7_00000010", "W3", allow_gap=reason)) == (
        "NG7_00000010-NG7_00000011"
    )
    with pytest.raises(RuleViolation, match="NG7_000049-NG7_000050 overlaps volume W2"):
        ws.productions.produce([d], "NG7_000049", "W4", allow_gap=reason)
    with pytest.raises(RuleViolation, match="give --allow-gap REASON to number in another width"):
        ws.productions.produce([d], "NG7_0000052", "W4")
    assert str(ws.productions.produce([d], "NG7_0000052", "W4", allow_gap=reason)) == (
        "NG7_0000052-NG7_0000053"
    )
    assert bates_of(ws, d) == ["NG7_0000052", "NG7_0000053"]
    assert bates_of(ws, e) == [None, None]


def test_slip_sheets_natives_redaction_and_the_volume_on_disk(
    ws: Workspace, tmp_path: Path
) -> None:
    plain = ws.ingest.ingest(text_pdf("cover letter", f"account {HIT} on file"), title="letter")
    secret = ws.ingest.ingest(
        text_pdf("privileged advice p1", "p2", "p3"), title="Advice re merger"
    )
    with ws.transaction() as s:
        native_sha = ws.ctx.put(s, b"a,b\n1,2\n", "text/csv", None, "native")
    sheet = ws.ingest.ingest(
        text_pdf("Produced in native form\nfigures.csv"),
        title="figures",
        family="F1",
        meta={"name": "figures.csv", "native_sha256": native_sha, "custodian": "Kim"},
    )
    parent = ws.ingest.ingest(text_pdf("email body"), title="email", family="F1", parent=True)
    ws.designations.designate(plain, "Confidential")
    seen: list[tuple[int, int]] = []
    span = ws.productions.produce(
        [plain, secret, parent, sheet],
        "PR-00000001",
        "VOL1",
        withhold={secret: "Withheld \u2013 privileged"},
        redact_pattern=r"[A-Z]{3}-\d{4}-\d{2}-\d{6}",
        progress=lambda done, total: seen.append((done, total)),
    )
    assert str(span) == "PR-00000001-PR-00000007"
    assert seen[0] == (0, 7) and seen[-1] == (7, 7)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert bates_of(ws, secret) == ["PR-00000003", "PR-00000004", "PR-00000005"]

    folder = ws.volumes.export("VOL1", tmp_path / "out")
    dat = read_dat((folder / "DATA" / "VOL1.dat").read_bytes())
    assert dat.problems == []
    rows = {r["BEGBATES"]: r for r in dat.records}
    assert list(rows) == ["PR-00000001", "PR-00000003", "PR-00000006", "PR-00000007"]
    letter, slip, email, native = rows.values()
    assert letter["REDACTED"] == "Y" and slip["REDACTED"] == "N"
    assert letter["PRODVOL"] == "VOL1" and letter["CONFIDENTIALITY"].startswith("CONFIDENTIAL")
    assert slip["ENDBATES"] == "PR-00000005" and slip["PAGECOUNT"] == "1"
    assert slip["SUBJECT"] == "" and slip["FILENAME"] == ""
    assert (email["BEGATTACH"], email["ENDATTACH"]) == ("PR-00000006", "PR-00000007")
    assert (native["BEGATTACH"], native["ENDATTACH"]) == ("PR-00000006", "PR-00000007")
    assert native["NATIVEPATH"] == ".\\NATIVES\\PR-00000007.csv"
    assert (folder / "NATIVES" / "PR-00000007.csv").read_bytes() == b"a,b\n1,2\n"
    assert [r["NATIVEPATH"] for r in (letter, slip, email)] == ["", "", ""]

    everything = "".join(p.read_text("utf-8") for p in (folder / "TEXT").glob("*.txt"))
    assert HIT not in everything and "privileged advice" not in everything
    with pymupdf.open(folder / "PDF" / "PR-00000003.pdf") as slip_pdf:
        text = slip_pdf[0].get_text()
        assert slip_pdf.page_count == 1
        assert "Withheld \u2013 privileged" in text and "PR-00000003-PR-00000005" in text
    with pymupdf.open(folder / "PDF" / "PR-00000001.pdf") as letter_pdf:
        assert HIT not in letter_pdf[1].get_text() and "PR-00000002" in letter_pdf[1].get_text()
    opt = read_opt((folder / "DATA" / "VOL1.opt").read_bytes())
    keys = [p.key for p in opt.pages]
    assert keys == ["PR-00000001", "PR-00000002", "PR-00000003", "PR-00000006", "PR-00000007"]
    assert ws.integrity.check() == []


def test_stamp_corner_and_legend_are_chosen(ws: Workspace) -> None:
    (doc,) = docs(ws, 1, pages=1)
    ws.productions.produce(
        [doc], "TC-0001", "V1", corner="top-left", legend="SUBJECT TO PROTECTIVE ORDER"
    )
    with ws.transaction() as s:
        row = s.scalar(select(t.Document).where(t.Document.control == doc))
        assert row is not None and row.produced
        pdf = ws.ctx.files.get(row.produced)
    with pymupdf.open(stream=pdf) as out:
        page = out[0]
        band = pymupdf.Rect(0, 0, page.rect.width / 2, 36)
        assert "TC-0001" in page.get_text(clip=band)
        assert "TC-0001" not in page.get_text(clip=pymupdf.Rect(0, 36, page.rect.width, 9999))
        assert "SUBJECT TO PROTECTIVE ORDER" in page.get_text(clip=pymupdf.Rect(0, 0, 9999, 36))
    with pytest.raises(ClawbackError, match="stamp corner must be one of"):
        ws.productions.produce(docs(ws, 1)[:1], "TC-0002", "V2", corner="middle")


def test_two_workers_make_the_same_volume(ws: Workspace) -> None:
    controls = docs(ws, 4)
    span = ws.productions.produce(controls, "TW-0001", "V1", workers=2)
    assert str(span) == "TW-0001-TW-0008"
    assert [b for c in controls for b in bates_of(ws, c)] == [f"TW-{n:04d}" for n in range(1, 9)]


@pytest.mark.slow  # two real `clawback produce` processes, one of them killed
def test_a_production_killed_midway_resumes_with_every_number_once(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    ws = Workspace.init(root).operator()
    ws.matter.load_case(reference_case())
    controls = docs(ws, 16, pages=3)
    ws.close()
    command = [
        *(sys.executable, "-m", "clawback"),
        *("produce", *controls, "--start", "KL-00000001", "--volume", "VOLK"),
        *("--workspace", str(root)),
    ]
    engine = create_engine(f"sqlite:///{root / 'clawback.db'}")

    def made() -> int:
        with engine.connect() as conn:
            produced = select(func.count()).where(t.Document.produced.is_not(None))
            return conn.execute(produced.select_from(t.Document)).scalar_one()

    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while made() < 2 and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.05)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    killed_at = made()
    engine.dispose()
    assert 0 < killed_at < 16, f"kill landed at {killed_at} of 16 documents"

    again = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "KL-00000001-KL-00000048 (48 pages)" in again.stdout
    ws = Workspace.open(root).operator()
    try:
        with ws.transaction() as s:
            numbers = [
                str(b) for b in s.scalars(select(t.Page.bates).where(t.Page.bates.is_not(None)))
            ]
            rows = s.scalars(select(t.Document).order_by(t.Document.id)).all()
            produced = [(r.control, r.produced) for r in rows]
            states = s.scalars(select(t.Production.state)).all()
        assert sorted(numbers) == [f"KL-{n:08d}" for n in range(1, 49)]
        assert states == ["complete"]
        for control, sha in produced:
            assert sha is not None
            wanted = bates_of(ws, control)
            with pymupdf.open(stream=ws.ctx.files.get(sha)) as out:
                assert [wanted[p.number] in p.get_text() for p in out] == [True] * 3
        assert ws.integrity.check() == []
    finally:
        ws.close()


def test_the_command_line_continues_withholds_and_refuses_in_one_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from clawback.cli import app

    root = tmp_path / "ws"
    ws = Workspace.init(root).operator()
    ws.matter.load_case(reference_case())
    a, b, c = docs(ws, 3)
    ws.close()
    runner = CliRunner()

    def cli(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, [*args, "--workspace", str(root)])
        return result.exit_code, result.output

    assert cli("produce", a, "--start", "CL-000001", "--volume", "V1") == (
        0,
        "V1: CL-000001-CL-000002 (2 pages)\n",
    )
    code, output = cli("produce", b, "--start", "CL-000009", "--volume", "V2")
    assert code == 1 and output.count("\n") == 1 and "leaves a gap after volume V1" in output
    code, output = cli(
        *("produce", b, c, "--continue", "CL-", "--volume", "V2"),
        *("--withhold", c, "--reason", "Withheld - work product"),
    )
    assert (code, output) == (0, "V2: CL-000003-CL-000006 (4 pages)\n")
    code, output = cli("volume", "export", "V2", "--out", str(tmp_path / "vols"))
    assert code == 0, output
    dat = read_dat((tmp_path / "vols" / "V2" / "DATA" / "V2.dat").read_bytes())
    assert [(r["BEGBATES"], r["ENDBATES"], r["PAGECOUNT"]) for r in dat.records] == [
        ("CL-000003", "CL-000004", "2"),
        ("CL-000005", "CL-000006", "1"),
    ]


LEGEND = "HIGHLY CONFIDENTIAL - ATTORNEYS' EYES ONLY - SUBJECT TO PROTECTIVE ORDER"


def a_strip(ws: Workspace) -> str:
    """A page too narrow for LEGEND: a document that cannot be made."""
    narrow = pymupdf.open()
    narrow.new_page(width=40, height=400).insert_text((5, 50), "x", fontsize=8)
    control = ws.ingest.ingest(narrow.tobytes(), title="a strip")
    narrow.close()
    return control


def test_a_document_that_cannot_be_made_stops_the_volume_in_one_line(ws: Workspace) -> None:
    first, tiny = docs(ws, 1)[0], a_strip(ws)
    with pytest.raises(ClawbackError, match=r"labels do not fit.*volume NV stays open") as failed:
        ws.productions.produce([first, tiny], "NV-000001", "NV", legend=LEGEND)
    assert "\n" not in str(failed.value)
    assert str(failed.value).startswith(f"{tiny}: page 1: labels do not fit the page width;")
    assert bates_of(ws, first) == ["NV-000001", "NV-000002"] and bates_of(ws, tiny) == [None]
    with ws.transaction() as s:
        assert s.scalars(select(t.Production.state)).all() == ["open"]
    with pytest.raises(RuleViolation, match="volume NV is open with other documents"):
        ws.productions.produce([tiny], "NV-000001", "NV")
    with pytest.raises(RuleViolation, match="volume NV is not complete"):
        ws.volumes.export("NV", Path("unused"))


def test_an_open_volume_that_cannot_be_finished_is_abandoned(ws: Workspace) -> None:
    first, tiny = docs(ws, 1)[0], a_strip(ws)
    with pytest.raises(ClawbackError, match="volume NV stays open"):
        ws.productions.produce(
            [first, tiny], "NV-000001", "NV", legend=LEGEND, redact_pattern="secret"
        )
    assert "secret" not in ws.reads.page_text("NV-000001")  # as produced: the hit redacted
    with pytest.raises(ClawbackError, match="needs a reason"):
        ws.productions.abandon("NV", " ")
    # both planned documents are released: the one made and the one that never could be
    assert ws.productions.abandon("NV", "a strip too narrow for the legend") == 2
    assert bates_of(ws, first) == [None, None] and bates_of(ws, tiny) == [None]
    with ws.transaction() as s:
        doc = s.scalar(select(t.Document).where(t.Document.control == first))
        assert doc is not None and doc.produced is None and doc.production is None
        texts = s.scalars(select(t.Page.text).where(t.Page.document_id == doc.id)).all()
        assert all("nothing secret" in x for x in texts)  # its text as ingested, back
        assert s.scalars(select(t.Production.state)).all() == ["abandoned"]
        assert s.scalar(select(t.Audit).where(t.Audit.action == "produce.abandon")) is not None
    with pytest.raises(RuleViolation, match="NV is abandoned, not open"):
        ws.productions.abandon("NV", "again")
    with pytest.raises(RuleViolation, match="NV was abandoned"):
        ws.productions.produce([first], "NV-000001", "NV")
    # the numbers were never delivered: the next volume may use them
    assert str(ws.productions.produce([first], "NV-000001", "NV2")) == "NV-000001-NV-000002"


def test_pattern_hits_on_rotated_and_cropped_pages_are_redacted_where_they_show(
    ws: Workspace,
) -> None:
    """The boxes are checked on the stamped page, which shows each page as it displays: a hit
    on a page turned by /Rotate (or cropped) is boxed where it shows, and the gate passes."""
    doc = pymupdf.open()
    for rotation in (0, 90, 180, 270):
        page = doc.new_page(width=612, height=792)
        page.insert_text((72, 100), f"Tracking no.: {HIT} (page turned {rotation})", fontsize=11)
        page.insert_text((72, 140), "A neighbouring line stays.", fontsize=11)
        if rotation == 270:
            page.set_cropbox(pymupdf.Rect(20, 30, 600, 700))
        page.set_rotation(rotation)
    control = ws.ingest.ingest(doc.tobytes(), title="turned pages")
    doc.close()
    ws.productions.produce(
        [control], "RT-000001", "RT", redact_pattern=r"[A-Z]{3}-\d{4}-\d{2}-\d{6}"
    )
    with ws.transaction() as s:
        produced = s.scalar(select(t.Document.produced).where(t.Document.control == control))
    assert produced is not None
    with pymupdf.open(stream=ws.ctx.files.get(produced)) as out:
        for page in out:
            text = page.get_text()
            assert HIT not in text and "neighbouring line stays" in text, page.number
            assert "REDACTED" in text  # the reason, printed on the box where the code was


def test_a_produced_volume_is_withdrawn_its_numbers_retired(
    tmp_path: Path, database_url: str
) -> None:
    """The producing side takes back a finished volume: the receiving side no longer sees its
    documents, which may be produced again under new numbers; the withdrawn numbers are never
    given again; a volume a seal ruling rests on is not withdrawn from under it."""
    workspace = Workspace.init(tmp_path / "ws", database_url)
    try:
        ws = workspace.operator()
        ws.matter.load_case(reference_case())
        ws.people.add("rc@plf.test", name="R", side="receiving", category="counsel")
        receiving = workspace.person("rc@plf.test")
        (first,) = docs(ws, 1)
        ws.productions.produce([first], "WD-000001", "WV1")
        assert len(receiving.catalog.documents()) == 1
        with pytest.raises(ClawbackError, match="needs a reason"):
            ws.productions.withdraw("WV1", "")
        with pytest.raises(NotFound, match="no production volume 'WV9'"):
            ws.productions.withdraw("WV9", "no such")
        assert ws.productions.withdraw("WV1", "produced before its designation was set") == 1
        assert bates_of(ws, first) == [None, None]
        assert len(receiving.catalog.documents()) == 0
        with pytest.raises(RuleViolation, match="WV1 is withdrawn, not produced"):
            ws.productions.withdraw("WV1", "again")
        with pytest.raises(RuleViolation, match="WD-000001 is already used"):
            ws.productions.produce([first], "WD-000001", "WV2")
        with pytest.raises(RuleViolation, match="WV1 was withdrawn"):
            ws.productions.produce([first], None, "WV1", continue_from="WD-")
        assert str(ws.productions.produce([first], None, "WV2", continue_from="WD-")) == (
            "WD-000003-WD-000004"
        )
        assert len(receiving.catalog.documents()) == 1
        with ws.transaction() as s:
            states = dict(s.execute(select(t.Production.volume, t.Production.state)).all())
            assert states == {"WV1": "withdrawn", "WV2": "complete"}
            assert s.scalar(select(t.Audit).where(t.Audit.action == "produce.withdraw"))

        sealed = ws.ingest.ingest(text_pdf("a sealed exhibit page"), title="sealed", exhibit=7)
        ws.productions.produce([sealed], None, "WV3", continue_from="WD-")
        ws.sealing.seal("41", exhibits=[7], kind="non_dispositive", granted=True)
        with pytest.raises(RuleViolation, match=r"WV3 cannot be withdrawn: Ex\. 7 \(a seal"):
            ws.productions.withdraw("WV3", "wrong document")
    finally:
        workspace.close()


def test_a_volume_resumed_with_what_it_was_not_opened_with_is_refused(ws: Workspace) -> None:
    """A volume interrupted (here by Ctrl-C after its first document) and run again with a
    pattern to redact, a document to withhold, another legend or corner: the open volume's
    plan was finished as it stood, the new options dropped in silence, so a document the run
    again named to withhold was produced whole and a pattern it named went out unredacted
    (an invalid pattern was not even read)."""
    first, second = docs(ws, 2)

    def interrupt(done: int, _total: int) -> None:
        if done:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ws.productions.produce([first, second], "RS-0001", "RS", progress=interrupt)
    assert bates_of(ws, second) == [None, None]
    for asked, named in [
        ({"redact_pattern": "secret"}, "--redact-pattern"),
        ({"withhold": {second: "Privileged"}}, "--withhold"),
        ({"legend": "OTHER"}, "--legend"),
        ({"corner": "top-left"}, "--corner"),
    ]:
        with pytest.raises(RuleViolation) as refused:
            ws.productions.produce([first, second], "RS-0001", "RS", **asked)  # type: ignore[arg-type]
        assert str(refused.value) == (
            f"volume RS is open without this {named}: run the produce that opened it to "
            "finish it, or abandon it"
        )
    with pytest.raises(ClawbackError, match=r"^redaction pattern '\[' is not valid"):
        ws.productions.produce([first, second], "RS-0001", "RS", redact_pattern="[")
    assert bates_of(ws, second) == [None, None]
    assert str(ws.productions.produce([first, second], "RS-0001", "RS")) == "RS-0001-RS-0004"
    assert "nothing secret" in ws.reads.page_text("RS-0004")
