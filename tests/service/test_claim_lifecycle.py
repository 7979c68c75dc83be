"""A claim's whole FRCP 26(b)(5)(B) lifecycle through the service, on SQLite and PostgreSQL: each
move by its seat, dated, audited, with the deadlines it starts; FRE 502(b) lateness; the court's
review record and its bench memo; the categorical privilege log."""

from __future__ import annotations

import csv
import json
import unicodedata
from datetime import date
from pathlib import Path

import pymupdf
import pytest
import yaml
from openpyxl import load_workbook
from sqlalchemy import select
from typer.testing import CliRunner

from clawback.cli import app
from clawback.demo.run import reference_case, stages, workspace_for
from clawback.domain.errors import ClawbackError, NotFound, RuleViolation
from clawback.service import Workspace
from clawback.service.exports import categorical_log_csv, categorical_log_xlsx
from clawback.storage import tables as t
from tests.reference_demo import copy_of
from tests.service.test_workspace import text_pdf
from tests.started import copy_workspace, loaded, on_sqlite, template
from tests.test_reference_case import matches_the_expected_outcome

CODE = "ABC-2019-01-123456"
PRODUCING, RECEIVING, CLERK = "dc@def.test", "pc@plf.test", "clerk@court.test"
REVIEW = reference_case()["reviews"]["c-fir-code"]


@pytest.fixture
def ws(tmp_path: Path, database_url: str) -> Workspace:
    workspace = make_workspace(tmp_path / "ws", database_url)
    yield workspace
    workspace.close()


def make_workspace(root: Path, url: str | None = None) -> Workspace:
    """The case with its three seats and two produced exhibits, nothing claimed yet: on SQLite a
    copy of one made once per process (`tests.started`)."""
    if on_sqlite(url):
        return copy_workspace(template("lifecycle", _make_workspace), root, url)
    return _make_workspace(root, url)


def _make_workspace(root: Path, url: str | None = None) -> Workspace:
    workspace = loaded(root, url)
    workspace.people.add(PRODUCING, name="Defense", side="producing", category="counsel")
    workspace.people.add(RECEIVING, name="Plaintiffs", side="receiving", category="counsel")
    workspace.people.add(CLERK, name="Clerk", side="court", category="court")
    workspace.ingest.ingest(
        text_pdf("Cover memo", f"Tracking no.: {CODE}\nAgent notes"),
        title="field report",
        kind="report",
        exhibit=1,
    )
    workspace.ingest.ingest(text_pdf("A public post"), title="post", kind="image", exhibit=2)
    workspace.designations.designate(1, "AEO")
    workspace.designations.designate(2, "Confidential")
    workspace.productions.produce([1, 2], "TST-0000001", "VOL001", date(2020, 3, 2))
    workspace.items.define(1, "code", "TST-0000002", "a tracking code", [CODE])
    return workspace


def as_(ws: Workspace, email: str | None) -> Workspace:
    ws = ws.ctx.workspace.operator()
    if email is not None:
        ws = ws.ctx.workspace.person(email)
    return ws


def claim_code(ws: Workspace, on: date = date(2020, 3, 20), **more: object) -> None:
    as_(ws, PRODUCING).claims.claim(
        "c1",
        privilege="law_enforcement",
        exhibits=[1],
        items=["code"],
        declarations=["heitke"],
        paragraphs=["10"],
        basis="the code opens records",
        on=on,
        **more,
    )


def test_a_claim_runs_through_every_state_with_its_deadlines_and_audit(ws: Workspace) -> None:
    claim_code(ws)
    with pytest.raises(RuleViolation, match="producing side may not move it to sequestered"):
        as_(ws, PRODUCING).claims.advance("c1", "sequestered", date(2020, 3, 23))
    with pytest.raises(ClawbackError, match="certify 'burned'"):
        as_(ws, RECEIVING).claims.advance("c1", "sequestered", date(2020, 3, 23), how="burned")
    as_(ws, RECEIVING).claims.advance("c1", "sequestered", date(2020, 3, 23), how="destroyed")
    with pytest.raises(RuleViolation, match="before the last move"):
        as_(ws, RECEIVING).claims.advance("c1", "submitted", date(2020, 3, 22))
    as_(ws, RECEIVING).claims.advance("c1", "submitted", date(2020, 3, 24))
    with pytest.raises(RuleViolation, match="receiving side may not move it to preserved"):
        as_(ws, RECEIVING).claims.advance("c1", "preserved", date(2020, 3, 25))
    as_(ws, PRODUCING).claims.advance("c1", "preserved", date(2020, 3, 25))
    with pytest.raises(RuleViolation, match="producing side may not move it to under_review"):
        as_(ws, PRODUCING).claims.advance("c1", "under_review", date(2020, 3, 26))
    as_(ws, CLERK).claims.advance("c1", "under_review", date(2020, 3, 26))
    assert ws.reads.effects()[1].pending  # still sequestered while under review
    with pytest.raises(RuleViolation, match="ruled comes from `rule`"):
        as_(ws, CLERK).claims.advance("c1", "ruled", date(2020, 6, 26))
    as_(ws, CLERK).claims.rule("c1", "granted", on=date(2020, 6, 26))
    with pytest.raises(RuleViolation, match="cannot go from ruled to replaced"):
        as_(ws, PRODUCING).claims.advance(
            "c1", "replaced", date(2020, 7, 1), volume="V2", bates="TST-1"
        )
    as_(ws, None).sealing.seal("10", exhibits=[1, 2], kind="non_dispositive", granted=True)
    as_(ws, PRODUCING).filings.file(ws.ctx.workspace.root.parent / "filed", on=date(2020, 6, 29))
    with pytest.raises(ClawbackError, match="needs its volume and Bates range"):
        as_(ws, PRODUCING).claims.advance("c1", "replaced", date(2020, 7, 1))
    as_(ws, PRODUCING).claims.advance(
        "c1", "replaced", date(2020, 7, 1), volume="VOL002", bates="TST-0000001-002"
    )

    (status,) = as_(ws, RECEIVING).claims.status()
    assert status["state"] == "replaced"
    # the producing side's people by their side: the receiving side may not list them
    assert [(h["state"], h["on"], h["by"]) for h in status["history"]] == [
        ("noticed", "2020-03-20", "the producing side"),
        ("sequestered", "2020-03-23", RECEIVING),
        ("submitted", "2020-03-24", RECEIVING),
        ("preserved", "2020-03-25", "the producing side"),
        ("under_review", "2020-03-26", CLERK),
        ("ruled", "2020-06-26", CLERK),
        ("applied", "2020-06-29", "the producing side"),
        ("replaced", "2020-07-01", "the producing side"),
    ]
    assert status["history"][1]["certified"] == "destroyed"
    assert status["history"][6]["outcome"] == "redacted"
    assert status["history"][7]["volume"] == "VOL002"
    assert status["history"][7]["bates"] == "TST-0000001-TST-0000002"
    # notice (Friday 2020-03-20) + 5 days = Wednesday 3-25; ruling (Friday 6-26) + 14 = 7-10
    assert [(d["due"], d["done_on"]) for d in status["duties"]] == [
        ("2020-03-25", "2020-03-23"),
        ("2020-07-10", "2020-07-01"),
    ]
    assert "FRCP 26(b)(5)(B)" in next(
        d.source for d in ws.deadlines.list() if d.due == date(2020, 3, 25)
    )
    assert status["late"] is None  # 18 days after production
    with ws.transaction() as s:
        actions = s.scalars(
            select(t.Audit.action).where(t.Audit.action.like("claim.%")).order_by(t.Audit.seq)
        ).all()
        detail = s.scalar(select(t.Audit.detail).where(t.Audit.action == "claim.replaced"))
    assert actions == [
        "claim.notice",
        "claim.sequestered",
        "claim.submitted",
        "claim.preserved",
        "claim.under_review",
        "claim.ruled",
        "claim.applied",
        "claim.replaced",
    ]
    assert detail["volume"] == "VOL002" and detail["on"] == "2020-07-01"
    assert as_(ws, None).audit.verify() == []


def test_withdrawal_is_the_producing_sides_and_ends_the_claim(ws: Workspace) -> None:
    claim_code(ws)
    assert ws.reads.effects()[1].pending
    with pytest.raises(RuleViolation, match="receiving side may not move it to withdrawn"):
        as_(ws, RECEIVING).claims.advance("c1", "withdrawn", date(2020, 3, 21))
    as_(ws, PRODUCING).claims.advance("c1", "withdrawn", date(2020, 3, 21))
    assert not ws.reads.effects()[1].pending
    with pytest.raises(RuleViolation, match="cannot go from withdrawn to preserved"):
        as_(ws, PRODUCING).claims.advance("c1", "preserved", date(2020, 3, 22))
    with pytest.raises(ClawbackError, match="no state 'lost'"):
        ws.claims.advance("c1", "lost")
    with pytest.raises(NotFound, match="no claim 'nope'"):
        ws.claims.advance("nope", "preserved")


def test_a_late_notice_is_accepted_and_flagged(ws: Workspace) -> None:
    claim_code(ws, on=date(2020, 6, 1))  # 91 days after the production on 2020-03-02
    (status,) = ws.claims.status()
    assert status["late"].startswith("late: noticed 91 days after production on 2020-03-02")
    assert "FRE 502(b)(3)" in status["late"]
    with ws.transaction() as s:
        notice = s.scalar(select(t.Audit.detail).where(t.Audit.action == "claim.notice"))
    assert notice["late"] == status["late"]
    summary = as_(ws, None).filings.summary(date(2020, 6, 26), {})
    assert summary["claims"][0]["late"] == status["late"]


def test_promptness_counts_from_learning_of_the_disclosure(ws: Workspace) -> None:
    claim_code(ws, on=date(2020, 6, 1), learned_on=date(2020, 5, 28))
    assert ws.claims.status()[0]["late"] is None


def test_the_order_sets_the_claw_back_periods(tmp_path: Path, database_url: str) -> None:
    case = reference_case()
    case["protective_order"] = dict(case["protective_order"], clawback={"promptly_days": 10})
    ws = Workspace.init(tmp_path / "w2", database_url).operator()
    try:
        ws.matter.load_case(case)
        ws.ingest.ingest(text_pdf("page"), title="doc", kind="report", exhibit=1)
        ws.designations.designate(1, "AEO")
        ws.productions.produce([1], "TST-0000001", "VOL001", date(2020, 3, 2))
        ws.claims.claim("c", privilege="law_enforcement", exhibits=[1], on=date(2020, 3, 20))
        (duty,) = ws.claims.status()[0]["duties"]
        assert duty["due"] == "2020-03-30"  # 3-20 + 10 days
        assert "Dkt. 276" in ws.deadlines.list()[0].source
    finally:
        ws.close()


def test_review_findings_and_the_bench_memo(ws: Workspace, tmp_path: Path) -> None:
    claim_code(ws)
    with pytest.raises(RuleViolation, match="may not record review findings"):
        as_(ws, RECEIVING).reviews.record("c1", REVIEW)
    with pytest.raises(NotFound, match="no review findings yet"):
        as_(ws, CLERK).reviews.bench_memo("c1")
    quoting = {**REVIEW, "conclusion": f"redact {CODE}"}
    with pytest.raises(RuleViolation, match="quotes claimed material"):
        ws.reviews.record("c1", quoting)
    ws.reviews.record("c1", REVIEW)
    assert ws.reviews.findings("c1").threshold_words == "no element found lacking"
    ws.claims.rule("c1", "granted", on=date(2020, 6, 26), reason="conceded; irrelevant")
    with pytest.raises(RuleViolation, match="may not print a bench memo"):
        as_(ws, PRODUCING).reviews.bench_memo("c1")
    memo = as_(ws, CLERK).reviews.bench_memo("c1")
    with pymupdf.open(stream=memo, filetype="pdf") as doc:
        text = " ".join(page.get_text() for page in doc)
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    assert "No. 3:17-cv-2366-BAS-KSC" in text
    assert "Bench memo: law enforcement privilege claim c1" in text
    assert "Aaron Heitke" in text and "Chief Patrol Agent" in text
    assert "TST-0000002" in text and "a tracking code" in text
    assert "Threshold showing (no element found lacking)" in text
    assert "Frankenhauser v. Rizzo, 59 F.R.D. 339, 344" in text
    assert "the importance of the information sought to the plaintiff's case" in text
    assert "Granted on 2020-06-26: conceded; irrelevant" in text
    assert CODE not in text and CODE not in memo.decode("latin-1")


def test_the_categorical_log(ws: Workspace, tmp_path: Path) -> None:
    claim_code(ws)
    ws.claims.claim("c2", privilege="law_enforcement", exhibits=[2], on=date(2020, 3, 20))
    grouped = ws.privilege_log.categorical()
    assert [(g.document_type, g.entries, g.bates_ranges) for g in grouped] == [
        ("report", 1, "TST-0000002"),
        ("image", 1, "TST-0000003"),
    ]
    (tmp_path / "cat.csv").write_bytes(categorical_log_csv(grouped))
    (tmp_path / "cat.xlsx").write_bytes(categorical_log_xlsx(grouped))
    with (tmp_path / "cat.csv").open(encoding="utf-8", newline="") as f:
        read = list(csv.DictReader(f))
    assert [r["Bates Ranges"] for r in read] == ["TST-0000002", "TST-0000003"]
    sheet = load_workbook(tmp_path / "cat.xlsx").active
    assert sheet["F2"].value == "TST-0000002" and sheet["E3"].value == 1


def test_review_bench_memo_claims_and_categorical_log_from_the_cli(tmp_path: Path) -> None:
    """SQLite only: the CLI opens its own workspace and leaves closing it to the process."""
    ws = make_workspace(tmp_path / "ws")
    claim_code(ws, on=date(2020, 6, 1))
    as_(ws, None).claims.rule("c1", "granted", on=date(2020, 6, 26))
    root = str(ws.ctx.workspace.root)
    ws.close()
    findings = tmp_path / "findings.yaml"
    findings.write_text(yaml.safe_dump(REVIEW), encoding="utf-8")
    runner = CliRunner()
    done = runner.invoke(app, ["review", "c1", "--findings", str(findings), "-w", root])
    assert done.exit_code == 0, done.output
    assert "review recorded (threshold no element found lacking, 10 factors)" in done.output
    findings.write_text("threshold: [1, 2]\n", encoding="utf-8")
    failed = runner.invoke(app, ["review", "c1", "--findings", str(findings), "-w", root])
    assert failed.exit_code != 0 and "threshold is missing or not a mapping" in failed.output
    assert "Traceback" not in failed.output and failed.output.count("\n") == 1
    findings.write_text("- a list\n", encoding="utf-8")
    failed = runner.invoke(app, ["review", "c1", "--findings", str(findings), "-w", root])
    assert "is not a mapping of threshold and factors" in failed.output
    out = tmp_path / "memo.pdf"
    made = runner.invoke(app, ["--as", CLERK, "bench-memo", "c1", "--out", str(out), "-w", root])
    assert made.exit_code == 0, made.output
    assert out.read_bytes()[:5] == b"%PDF-"
    listed = runner.invoke(app, ["claims", "-w", root])
    assert listed.exit_code == 0, listed.output
    assert "c1  ruled  law_enforcement  Ex. 1" in listed.output
    assert "late: noticed 91 days after production on 2020-03-02" in listed.output
    assert "due 2020-06-08 (open): receiving side: certify" in listed.output
    logged = runner.invoke(
        app,
        [
            "privilege-log",
            "--categorical",
            "--csv",
            str(tmp_path / "c.csv"),
            "--xlsx",
            str(tmp_path / "c.xlsx"),
            "-w",
            root,
        ],
    )
    assert logged.exit_code == 0 and "1 category:" in logged.output
    assert (tmp_path / "c.csv").read_text(encoding="utf-8").startswith("Category,Privilege,")


EVERY_STATE = [
    "noticed",
    "sequestered",
    "submitted",
    "preserved",
    "under_review",
    "ruled",
    "applied",
    "replaced",
]


def test_the_reference_case_runs_every_claim_through_every_state(
    tmp_path: Path, database_url: str, request: pytest.FixtureRequest
) -> None:
    """On PostgreSQL the flow runs here; on SQLite it is the demo's run (`demo.run.run`: the
    same stages, through the real command), made once for the suite (``reference_demo``) and
    read here in a copy of its own."""
    case = reference_case()
    if database_url.startswith("sqlite"):
        out = copy_of(request.getfixturevalue("reference_demo"), tmp_path)
        ws = Workspace.open(workspace_for(out)).operator()
    else:
        out = tmp_path / "out"
        ws = Workspace.init(tmp_path / "ws", database_url).operator()
        for _ in stages(ws.ctx.workspace, case, out):
            pass
    try:
        statuses = ws.claims.status()
        assert [c["claim"] for c in statuses] == sorted(c["id"] for c in case["claims"])
        for c in statuses:
            assert [h["state"] for h in c["history"]] == EVERY_STATE, c["claim"]
            assert [h["on"] for h in c["history"]] == [
                "2020-04-24",
                "2020-04-27",
                "2020-05-08",
                "2020-05-08",
                "2020-05-11",
                "2020-06-26",
                "2020-06-26",
                "2020-07-10",
            ]
            assert [h["by"] for h in c["history"]][1:5] == [
                "counsel@plaintiffs.example",
                "counsel@plaintiffs.example",
                "counsel@defendants.example",
                "clerk@court.example",
            ]
            assert [(d["due"], d["done_on"]) for d in c["duties"]] == [
                ("2020-04-29", "2020-04-27"),  # notice + 5 days ("promptly", the default)
                ("2020-07-10", "2020-07-10"),  # ruling + 14 days
            ]
            assert c["late"] and "FRE 502(b)(3)" in c["late"]  # months after production
        outcomes = {c["claim"]: c["history"][6]["outcome"] for c in statuses}
        assert outcomes == {
            "c-fir-code": "redacted",
            "c-fir-gaps": "released",
            "c-ppt-code": "redacted",
            "c-ppt-other": "released",
            "c-sentri": "released",
        }
        with ws.transaction() as s:
            moves = s.scalars(
                select(t.Audit.subject).where(t.Audit.action == "claim.replaced")
            ).all()
            reviews = s.scalars(select(t.Audit.subject).where(t.Audit.action == "claim.review"))
            assert sorted(moves) == sorted(reviews.all()) == sorted(outcomes)
        assert ws.audit.verify() == []
        memos = sorted(p.name for p in out.glob("bench-memo-*.pdf"))
        assert memos == [f"bench-memo-{c}.pdf" for c in sorted(outcomes)]
        # the main job's result, on this backend as on the other
        matches_the_expected_outcome(json.loads((out / "summary.json").read_text()))
    finally:
        ws.close()
