"""The court's review under each privilege's governing test (shipped as data), and an FRE
502(b) analysis with its dates, recorded through the service and read back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pymupdf
import pytest
import yaml
from typer.testing import CliRunner

from clawback.cli import app
from clawback.demo.run import reference_case
from clawback.domain.errors import NotFound, RuleViolation
from clawback.domain.review import Shown, Weighs
from clawback.service import Workspace
from clawback.service.review import privilege_test, privilege_tests

SECRET = "settle below forty thousand dollars"


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    root = tmp_path_factory.mktemp("reviews")
    workspace = Workspace.init(root / "ws", f"sqlite:///{root / 'c.db'}").operator()
    workspace.matter.load_case(reference_case())
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), f"Counsel advises to {SECRET}", fontsize=11)
    workspace.ingest.ingest(doc.tobytes(), title="advice", exhibit=1)
    workspace.designations.designate(1, "Confidential")
    workspace.productions.produce([1], "TST-00000001", "VOL001")
    workspace.items.define(1, "advice", "TST-00000001", "counsel's advice", texts=[SECRET])
    for claim, privilege in [("ac", "attorney_client"), ("dp", "deliberative_process")]:
        workspace.claims.claim(
            claim, privilege=privilege, exhibits=[1], items=["advice"], on=date(2021, 3, 15)
        )
    yield workspace
    workspace.close()


def _showing(test: str, section: str, finding: str = "met") -> dict[str, object]:
    elements = privilege_test(test).section(section).elements
    return {e.key: {"finding": finding, "citation": e.citation} for e in elements}


def test_every_shipped_test_cites_each_element() -> None:
    tests = privilege_tests()
    assert set(tests) == {"attorney_client", "work_product", "deliberative_process", "fre_502b"}
    for test in tests.values():
        assert test.citation and test.burden
        for section in test.sections:
            assert section.elements
            assert all(e.citation.strip() and e.words.strip() for e in section.elements)
    fre = [e.key for e in tests["fre_502b"].section("elements").elements]
    assert fre == ["inadvertent", "reasonable_steps_to_prevent", "prompt_steps_to_rectify"]
    assert [s.name for s in tests["work_product"].sections] == ["elements", "overcome", "opinion"]


def test_attorney_client_review_with_a_502b_analysis_and_its_days(ws: Workspace) -> None:
    waiver = {
        "elements": _showing("fre_502b", "elements"),
        "dates": {
            "produced_on": "2021-01-04",
            "discovered_on": "2021-03-01",
            "noticed_on": "2021-03-15",
        },
    }
    waiver["elements"]["prompt_steps_to_rectify"]["finding"] = "not_met"  # type: ignore[index]
    ws.reviews.record(
        "ac",
        {
            "elements": _showing("attorney_client", "elements"),
            "conclusion": "privileged",
            "fre_502b": waiver,
        },
    )
    kept = ws.reviews.under_test("ac")
    assert (kept.test.key, kept.holds("elements"), kept.conclusion) == (
        "attorney_client",
        True,
        "privileged",
    )
    found = ws.reviews.waiver("ac")
    assert found is not None
    analysis, dates = found
    assert analysis.holds("elements") is False  # not prompt: waived
    assert (
        dates.production_to_discovery,
        dates.discovery_to_notice,
        dates.production_to_notice,
    ) == (56, 14, 70)


def test_deliberative_process_balancing_counts_each_way(ws: Workspace) -> None:
    factors = _showing("deliberative_process", "balancing", "disclosure")
    factors["chilling"]["finding"] = "privilege"  # type: ignore[index]
    ws.reviews.record(
        "dp", {"elements": _showing("deliberative_process", "elements"), "balancing": factors}
    )
    kept = ws.reviews.under_test("dp")
    assert kept.balance("balancing")[Weighs.disclosure] == 3
    assert kept.balance("balancing")[Weighs.privilege] == 1
    assert {f.finding for f in kept.findings if f.section == "elements"} == {Shown.met}


@pytest.mark.parametrize(
    ("findings", "says"),
    [
        ({"elements": {}}, "elements.legal_advice_sought has no finding"),
        ({"elements": {}, "threshold": {}}, "attorney_client has no section 'threshold'"),
        ({"test": "work_product"}, "findings are for 'work_product', not 'attorney_client'"),
    ],
)
def test_findings_off_the_test_are_refused(
    ws: Workspace, findings: dict[str, object], says: str
) -> None:
    with pytest.raises(RuleViolation, match=says):
        ws.reviews.record("ac", findings)


def test_findings_may_not_quote_the_claimed_text(ws: Workspace) -> None:
    quoted = _showing("attorney_client", "elements")
    quoted["in_confidence"]["note"] = f"the memo says to {SECRET}"  # type: ignore[index]
    with pytest.raises(RuleViolation, match="quotes claimed material"):
        ws.reviews.record("ac", {"elements": quoted})


def test_502b_dates_out_of_order_are_refused(ws: Workspace) -> None:
    waiver = {
        "elements": _showing("fre_502b", "elements"),
        "dates": {
            "produced_on": "2021-03-01",
            "discovered_on": "2021-01-01",
            "noticed_on": "2021-03-15",
        },
    }
    findings = {"elements": _showing("attorney_client", "elements"), "fre_502b": waiver}
    with pytest.raises(RuleViolation, match="dates out of order"):
        ws.reviews.record("ac", findings)


def test_cli_review_prints_the_test_and_the_days(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "findings.yaml"
    waiver = {
        "elements": _showing("fre_502b", "elements"),
        "dates": {
            "produced_on": "2021-01-04",
            "discovered_on": "2021-03-01",
            "noticed_on": "2021-03-15",
        },
    }
    data = {"elements": _showing("attorney_client", "elements"), "fre_502b": waiver}
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    env = {"CLAWBACK_DATABASE_URL": ws.ctx.workspace.url}
    argv = ["review", "ac", "--findings", str(path), "-w", str(ws.ctx.workspace.root)]
    result = CliRunner().invoke(app, argv, env=env)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1] == "  elements (privileged): holds"
    assert lines[-1] == (
        "  produced 2021-01-04, disclosure discovered 2021-03-01 (56 days later), claw-back "
        "notice 2021-03-15 (14 days after discovery, 70 after production)"
    )
    with pytest.raises(NotFound, match="no governing test for 'personal_identifiers'"):
        privilege_test("personal_identifiers")


def test_the_bench_memo_prints_the_claims_test_and_the_502b_dates(ws: Workspace) -> None:
    memo = ws.reviews.bench_memo("ac")  # recorded by the CLI test above, with its 502(b) dates
    with pymupdf.open(stream=memo) as doc:
        text = " ".join(" ".join(page.get_text() for page in doc).split())
    assert "Bench memo: attorney-client privilege claim ac" in text
    assert "Elements (privileged): holds" in text
    assert "Ruehle, 583 F.3d at 607" in text
    assert "(14 days after discovery, 70 after production)" in text
    assert "Elements (not waived): holds" in text  # the FRE 502(b) analysis
    assert SECRET not in text
