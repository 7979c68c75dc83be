"""Claw-back claims: the list, a claim with its history, and the forms that move it: the
producing side's notice (exhibits, items named by text, by rectangle typed here or drawn on
the page viewer, or found by pattern),
each side's moves, the court's review findings and its ruling item by item. Every form posts
to the service as the request's person; what a seat may do is the service's answer
(``claims.moves``, ``Record.may``), never the page's."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from clawback.domain import claims as claim_rules
from clawback.domain import review as review_rules
from clawback.domain.errors import NotFound, NotPermitted, RuleViolation
from clawback.domain.privilege_review import PrivilegeTest
from clawback.domain.seats import Act
from clawback.service import Record
from clawback.service.review import WAIVER, privilege_test
from clawback.web import csrf, forms
from clawback.web.auth import CurrentRecord, CurrentVisitor
from clawback.web.forms import Csrf, Text
from clawback.web.rendering import page

router = APIRouter(include_in_schema=False)


@router.get("/claims")
def claims(request: Request, visitor: CurrentVisitor, record: CurrentRecord) -> HTMLResponse:
    return page(
        request,
        "claims.html",
        title="Claw-back claims",
        visitor=visitor,
        claims=record.claims.status(),
        may_notice=record.may(Act.notice_claim),
    )


@router.get("/claims/new")
def new(
    request: Request,
    visitor: CurrentVisitor,
    record: CurrentRecord,
    pattern: str = "",
    items: str = "",
    exhibits: str = "",
) -> HTMLResponse:
    if not record.may(Act.notice_claim):
        raise NotPermitted("give claw-back notice")
    hits = record.items.pattern_hits(pattern) if pattern.strip() else None
    return page(
        request,
        "claim_new.html",
        title="Give claw-back notice",
        visitor=visitor,
        pattern=pattern,
        hits=hits,
        items=" ".join(forms.ids(items)),
        exhibits=", ".join(e.text for e in forms.exhibits(exhibits)),
        privileges=[p.value for p in claim_rules.Privilege],
    )


@router.post("/claims")
def notice(
    visitor: CurrentVisitor,
    record: CurrentRecord,
    claim: Annotated[str, Form(max_length=80)],
    privilege: Annotated[str, Form(max_length=40)],
    exhibits: Annotated[str, Form(max_length=400)],
    on: Annotated[str, Form(max_length=20)] = "",
    basis: Text = "",
    item_page: Annotated[str, Form(max_length=40)] = "",
    item_text: Text = "",
    item_rect: Annotated[str, Form(max_length=100)] = "",
    item_what: Text = "",
    pattern: Text = "",
    named: Text = "",
    csrf_token: Csrf = None,
) -> Response:
    csrf.check(visitor, csrf_token)
    numbers = forms.exhibit_ordinals(record, exhibits)
    day, box = forms.day(on), forms.rectangle(item_rect)
    items: list[str] = forms.ids(named)  # items already named (drawn on the page viewer)
    if pattern.strip():
        hits = record.items.pattern_hits(pattern)
        items += record.items.from_hits(hits, f"{claim}-pattern", item_what or "claimed text")
    if item_page.strip() and (item_text.strip() or box):
        item = f"{claim}-{len(items) + 1}"
        texts = [item_text.strip()] if item_text.strip() else []
        record.items.define(
            item_page.strip(), item, item_page.strip(), item_what, texts=texts, rect=box
        )
        items.append(item)
    record.claims.claim(
        claim, privilege=privilege, exhibits=numbers, items=items, basis=basis, on=day
    )
    return RedirectResponse(f"/claims/{claim}", status_code=303)


@router.get("/claims/{claim_id}")
def claim(
    request: Request, claim_id: str, visitor: CurrentVisitor, record: CurrentRecord
) -> HTMLResponse:
    return _claim_page(request, claim_id, visitor, record)


@router.post("/claims/{claim_id}/moves")
def move(
    claim_id: str,
    visitor: CurrentVisitor,
    record: CurrentRecord,
    to: Annotated[str, Form(max_length=40)],
    on: Annotated[str, Form(max_length=20)] = "",
    how: Annotated[str, Form(max_length=40)] = "",
    note: Text = "",
    volume: Annotated[str, Form(max_length=80)] = "",
    bates: Annotated[str, Form(max_length=200)] = "",
    csrf_token: Csrf = None,
) -> Response:
    csrf.check(visitor, csrf_token)
    record.claims.advance(
        claim_id,
        to,
        forms.day(on),
        how=how or None,
        note=note,
        volume=volume,
        bates=bates,
    )
    return RedirectResponse(f"/claims/{claim_id}", status_code=303)


@router.post("/claims/{claim_id}/review")
async def review(
    request: Request, claim_id: str, visitor: CurrentVisitor, record: CurrentRecord
) -> Response:
    sent = await request.form()
    csrf.check(visitor, _field(sent, "csrf") or None)
    findings: dict[str, Any]
    if _field(sent, "test"):  # another privilege's test, as the form was drawn from it
        test = privilege_test(_field(sent, "test"))
        findings = {"test": test.key, "conclusion": _field(sent, "conclusion")}
        for section in test.sections:
            findings[section.name] = {
                e.key: _finding(sent, f"{section.name}.{e.key}") for e in section.elements
            }
    else:
        findings = {
            "threshold": {
                e.value: _finding(sent, f"threshold.{e.value}") for e in review_rules.Element
            },
            "factors": {n: _finding(sent, f"factor.{n}") for n in review_rules.FACTORS},
            "conclusion": _field(sent, "conclusion"),
        }
    dates = {k: _field(sent, f"fre_502b.dates.{k}") for k in WAIVER_DATES}
    if any(dates.values()):  # an FRE 502(b) analysis is recorded once its dates are given
        elements = privilege_test(WAIVER).section("elements").elements
        findings[WAIVER] = {
            "dates": dates,
            "elements": {e.key: _finding(sent, f"fre_502b.elements.{e.key}") for e in elements},
        }
    await run_in_threadpool(record.reviews.record, claim_id, findings)
    return RedirectResponse(f"/claims/{claim_id}#review", status_code=303)


@router.post("/claims/{claim_id}/ruling")
def ruling(
    claim_id: str,
    visitor: CurrentVisitor,
    record: CurrentRecord,
    result: Annotated[str, Form(max_length=40)],
    items: Annotated[list[str] | None, Form(max_length=80)] = None,
    reason: Text = "",
    on: Annotated[str, Form(max_length=20)] = "",
    csrf_token: Csrf = None,
) -> Response:
    csrf.check(visitor, csrf_token)
    record.claims.rule(claim_id, result, items or (), reason, forms.day(on))
    return RedirectResponse(f"/claims/{claim_id}", status_code=303)


def _claim_page(
    request: Request, claim_id: str, visitor: CurrentVisitor, record: Record
) -> HTMLResponse:
    found = next((c for c in record.claims.status() if c["claim"] == claim_id), None)
    if found is None:
        raise NotFound(f"no claim {claim_id!r}")
    findings = tested = waiver = None
    test = None if found["privilege"] == LAW_ENFORCEMENT else _test_of(found["privilege"])
    if record.may(Act.read_review):
        try:
            if test is None:
                findings = record.reviews.findings(claim_id)
            else:
                tested = record.reviews.under_test(claim_id)
            waiver = record.reviews.waiver(claim_id)
        except (NotFound, RuleViolation):
            pass  # nothing recorded yet, or recorded under another test
    return page(
        request,
        "claim.html",
        title=f"Claim {claim_id}",
        visitor=visitor,
        claim=found,
        moves=record.claims.moves(claim_id),
        may_review=record.may(Act.review),
        findings=findings,
        test=test,
        le_review=found["privilege"] == LAW_ENFORCEMENT,
        tested=tested,
        waiver=waiver,
        waiver_test=privilege_test(WAIVER),
        elements=review_rules.ELEMENTS,
        factors=review_rules.FACTORS,
        shown=[s.value for s in review_rules.Shown],
        weighs=[w.value for w in review_rules.Weighs],
        certified=[c.value for c in claim_rules.Certified],
        results=[r.value for r in claim_rules.Result],
    )


LAW_ENFORCEMENT = claim_rules.Privilege.law_enforcement.value
WAIVER_DATES = ("produced_on", "discovered_on", "noticed_on")


def _test_of(privilege: str) -> PrivilegeTest | None:
    try:
        return privilege_test(privilege)
    except NotFound:  # a basis with no governing test (FRCP 5.2(a) identifiers)
        return None


def _field(sent: Any, name: str) -> str:
    value = sent.get(name, "")
    return value if isinstance(value, str) else ""


def _finding(sent: Any, name: str) -> dict[str, str]:
    return {
        "finding": _field(sent, f"{name}.finding"),
        "citation": _field(sent, f"{name}.citation"),
        "note": _field(sent, f"{name}.note"),
    }
