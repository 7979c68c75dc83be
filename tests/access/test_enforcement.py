"""Access enforced through every read path: zero leaks, and no over-blocking.

A world of produced documents is put through random designations, claw-backs (pending, denied,
granted whole, granted for an item) and seals, all through the service API; then every person
reads every document through every path. An oracle written here from the rules (not from the
code) says what each person must and must not see.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pymupdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clawback.demo.run import reference_case
from clawback.domain.errors import NotFound
from clawback.service import Workspace

DOCS = 5
PEOPLE = {
    # email: (side, category)
    "prod@def.test": ("producing", "counsel"),
    "counsel@plf.test": ("receiving", "counsel"),
    "employee@plf.test": ("receiving", "party_officers_directors_employees"),
    "witness@plf.test": ("receiving", "witnesses"),
    "clerk@court.test": ("court", "court"),
    "reporter@press.test": ("public", "public"),
}
# Who the reference order (Dkt. 276) admits to each tier: written out here from the order.
ADMITS = {
    "Confidential": {
        "counsel",
        "court",
        "limited_third_parties",
        "witnesses",
        "named_parties",
        "party_officers_directors_employees",
    },
    "AEO": {"counsel", "court", "limited_third_parties", "witnesses"},
}


def token(k: int) -> str:
    return f"plaintoken{k}qx"


def secret(k: int) -> str:
    return f"QQZ-2020-0{k}-55501{k}"


def one_page(k: int) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), f"Memo {token(k)} about the border", fontsize=11)
    page.insert_text((72, 140), f"Record no.: {secret(k)}", fontsize=11)
    data = doc.tobytes()
    doc.close()
    return data


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace with the people and DOCS produced one-page documents, made once."""
    root = tmp_path_factory.mktemp("template") / "ws"
    ws = Workspace.init(root, f"sqlite:///{root / 'clawback.db'}").operator()
    ws.matter.load_case(reference_case())
    for email, (side, category) in PEOPLE.items():
        ws.people.add(email, name=email.split("@")[0], side=side, category=category)
    for k in range(1, DOCS + 1):
        ws.ingest.ingest(one_page(k), title=f"doc {k}", exhibit=k)
    ws.productions.produce(list(range(1, DOCS + 1)), "TST-00000001", "VOL001")
    for k in range(1, DOCS + 1):
        ws.items.define(k, f"code{k}", f"TST-{k:08d}", "a record number", [secret(k)])
    ws.close()
    return root


@dataclass(frozen=True)
class DocPlan:
    designation: str | None
    claim: str  # none, pending_doc, pending_item, denied, granted_whole, granted_item
    seal: bool


plans = st.builds(
    DocPlan,
    st.sampled_from([None, "Confidential", "AEO"]),
    st.sampled_from(
        ["none", "pending_doc", "pending_item", "denied", "granted_whole", "granted_item"]
    ),
    st.booleans(),
)


def world(template: Path, where: Path, docs: list[DocPlan]) -> Workspace:
    """A copy of the template, with each document's plan applied through the service API."""
    root = where / "ws"
    shutil.copytree(template, root)
    ws = Workspace.open(root, f"sqlite:///{root / 'clawback.db'}").operator()
    for k, plan in enumerate(docs, start=1):
        if plan.designation:
            ws.designations.designate(k, plan.designation)
        if plan.claim == "none":
            continue
        items = [f"code{k}"] if plan.claim in ("pending_item", "granted_item") else []
        ws.claims.claim(f"c{k}", privilege="law_enforcement", exhibits=[k], items=items)
        if plan.claim == "denied":
            ws.claims.rule(f"c{k}", "denied")
        elif plan.claim in ("granted_whole", "granted_item"):
            ws.claims.rule(f"c{k}", "granted")
    sealed = [k for k, plan in enumerate(docs, start=1) if plan.seal]
    if sealed:
        ws.sealing.seal("99", exhibits=sealed, kind="non_dispositive", granted=True)
    return ws


def oracle(email: str, plan: DocPlan) -> tuple[bool, bool]:
    """(may see the document, may see its record number), from the rules alone."""
    side, category = PEOPLE[email]
    if side in ("producing", "court"):
        return True, True
    if side == "public":
        return False, False  # nothing has been filed on the public docket
    if plan.claim in ("pending_doc", "pending_item", "granted_whole"):
        return False, False  # sequestered from notice; withheld once granted whole
    if plan.designation and category not in ADMITS[plan.designation]:
        return False, False
    return True, plan.claim != "granted_item"


def reads(ws: Workspace, k: int) -> Iterator[tuple[str, object]]:
    """Every read path over document k: (path, what came back or the error)."""
    bates = f"TST-{k:08d}"
    calls = {
        "show": lambda: ws.reads.show(k),
        "show-by-bates": lambda: ws.reads.show(bates),
        "text": lambda: ws.reads.page_text(bates),
        "thumbnail": lambda: ws.reads.page_image(bates, dpi=12),
        "search-token": lambda: ws.reads.search(token(k)),
        "search-secret": lambda: ws.reads.search(secret(k)),
    }
    for path, call in calls.items():
        try:
            yield path, call()
        except NotFound as exc:
            yield path, exc


def exported_text(ws: Workspace, k: int, out: Path) -> str | NotFound:
    try:
        [path] = ws.reads.export([k], out)
    except NotFound as exc:
        return exc
    with pymupdf.open(path) as doc:
        return "".join(page.get_text() for page in doc)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(docs=st.lists(plans, min_size=DOCS, max_size=DOCS))
def test_no_leak_and_no_over_blocking(
    template: Path, tmp_path_factory: pytest.TempPathFactory, docs: list[DocPlan]
) -> None:
    check(template, tmp_path_factory.mktemp("world"), docs)


def check(template: Path, where: Path, docs: list[DocPlan]) -> None:
    """Every person reads every document through every path; compare with the oracle."""
    operator = world(template, where, docs)
    operator.close()
    for email in PEOPLE:
        ws = Workspace.open(where / "ws", f"sqlite:///{where / 'ws' / 'clawback.db'}").person(email)
        try:
            for k, plan in enumerate(docs, start=1):
                sees, sees_secret = oracle(email, plan)
                results = dict(reads(ws, k))
                everything = repr(results)
                why = f"{email} on doc {k} under {plan}"
                if not sees:
                    assert all(
                        isinstance(r, NotFound) for r in results.values() if not isinstance(r, list)
                    ), (why, results)
                    assert token(k) not in everything and secret(k) not in everything, why
                    assert not results["search-token"] and not results["search-secret"], why
                    assert isinstance(exported_text(ws, k, where / email), NotFound), why
                    continue
                assert isinstance(results["show"], dict), why
                assert token(k) in str(results["text"]), why
                assert [str(h.bates) for h in results["search-token"]] == [f"TST-{k:08d}"], why
                assert isinstance(results["thumbnail"], bytes), why
                exported = exported_text(ws, k, where / email)
                assert isinstance(exported, str) and token(k) in exported, why
                if sees_secret:
                    assert secret(k) in str(results["text"]), why
                    assert len(results["search-secret"]) == 1, why
                    assert secret(k) in exported, why
                else:
                    assert secret(k) not in everything, why
                    assert not results["search-secret"], why
                    assert secret(k) not in exported, why
        finally:
            ws.close()


EVERY_PLAN = [
    DocPlan(designation, claim, seal)
    for designation in (None, "Confidential", "AEO")
    for claim in ("none", "pending_doc", "pending_item", "denied", "granted_whole", "granted_item")
    for seal in (False, True)
]


@pytest.mark.parametrize("start", range(0, len(EVERY_PLAN), DOCS))
def test_every_plan_once(template: Path, tmp_path: Path, start: int) -> None:
    """Each of the 36 document plans, DOCS at a time: the table behind the random worlds."""
    docs = (EVERY_PLAN[start : start + DOCS] * 2)[:DOCS]
    check(template, tmp_path, docs)
