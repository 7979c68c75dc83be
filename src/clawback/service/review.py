"""The court's review of a claim: findings on the threshold and the factors, the bench memo."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain import claims as claim_rules
from clawback.domain import privilege_review as tests
from clawback.domain import review as review_rules
from clawback.domain.documents import find_exhibit
from clawback.domain.errors import NotFound, RuleViolation
from clawback.domain.seats import Act
from clawback.pdf.marks import memo as memo_pdf
from clawback.service import lookup, rows
from clawback.service.base import Service
from clawback.service.claims import claim_terms, produced_on
from clawback.storage import tables as t

WAIVER = "fre_502b"


@cache
def privilege_tests() -> dict[str, tests.PrivilegeTest]:
    """The governing tests shipped as data (attorney-client, work product, deliberative
    process, FRE 502(b)), with their citations."""
    text = resources.files("clawback.data").joinpath("privilege_tests.yaml").read_text("utf-8")
    return tests.tests_from_data(yaml.safe_load(text))


def privilege_test(name: str) -> tests.PrivilegeTest:
    known = privilege_tests()
    if name not in known:
        names = ", ".join([claim_rules.Privilege.law_enforcement.value, *known])
        raise NotFound(f"no governing test for {name!r}: one of {names}")
    return known[name]


class Reviews(Service):
    def record(self, claim_id: str, findings: Mapping[str, object]) -> None:
        """The court's staff record the findings on a claim under the test of its privilege
        (law enforcement: the threshold elements and the ten Frankenhauser factors; else the
        shipped test's sections), each with a citation, and optionally an ``fre_502b`` analysis
        with its dates; a later record replaces the earlier."""
        self.ctx.require(Act.review)
        with self.ctx.transaction() as s:
            row = lookup.claim(s, self.actor, claim_id)
            if row.state == claim_rules.State.withdrawn.value:
                raise RuleViolation(f"claim {claim_id!r} is withdrawn: there is nothing to review")
            body = {k: v for k, v in findings.items() if k != WAIVER}
            waiver = findings.get(WAIVER)
            protected = _protected(s, row)
            data: dict[str, Any]
            if row.privilege == claim_rules.Privilege.law_enforcement.value:
                found = review_rules.record_from_data(claim_id, body)
                review_rules.check_no_protected_text(found, protected)
                data, threshold_met = found.as_data(), found.threshold_met
            else:
                under = tests.review_from_data(claim_id, privilege_test(row.privilege), body)
                _no_quote(claim_id, under.lines(), protected)
                data, threshold_met = under.as_data(), under.holds("elements")
            if waiver is not None:
                if not isinstance(waiver, Mapping):
                    raise RuleViolation(f"review of {claim_id!r}: fre_502b is not a mapping")
                analysis, dates = _waiver(claim_id, waiver)
                _no_quote(claim_id, analysis.lines(), protected)
                data[WAIVER] = {**analysis.as_data(), "dates": _dates_data(dates)}
            existing = s.get(t.ClaimReview, claim_id)
            kept = existing or t.ClaimReview(claim_id=claim_id)
            kept.findings = data
            kept.recorded_by = self.actor.name
            kept.recorded_at = datetime.now(UTC).replace(tzinfo=None)
            s.add(kept)
            self.ctx.audit(
                s,
                "claim.review",
                claim_id,
                threshold_met=threshold_met,
                replaced=existing is not None,
            )

    def findings(self, claim_id: str) -> review_rules.ReviewRecord:
        """The findings recorded on a law enforcement privilege claim."""
        self.ctx.require(Act.read_review)
        with self.ctx.transaction() as s:
            lookup.claim(s, self.actor, claim_id)
            return _review(s, claim_id)

    def under_test(self, claim_id: str) -> tests.TestReview:
        """The findings recorded on a claim of another privilege, under its governing test."""
        self.ctx.require(Act.read_review)
        with self.ctx.transaction() as s:
            row = lookup.claim(s, self.actor, claim_id)
            kept = _kept(s, claim_id)
            body = {k: v for k, v in kept.items() if k != WAIVER}
            return tests.review_from_data(claim_id, privilege_test(row.privilege), body)

    def waiver(self, claim_id: str) -> tuple[tests.TestReview, tests.WaiverDates] | None:
        """The FRE 502(b) analysis recorded on a claim, with its dates; None if none was."""
        self.ctx.require(Act.read_review)
        with self.ctx.transaction() as s:
            lookup.claim(s, self.actor, claim_id)
            raw = _kept(s, claim_id).get(WAIVER)
            return None if raw is None else _waiver(claim_id, raw)

    def summary(self, claim_id: str) -> list[str]:
        """The recorded review in lines: the test's sections and findings, the 502(b) dates."""
        self.ctx.require(Act.read_review)
        with self.ctx.transaction() as s:
            row = lookup.claim(s, self.actor, claim_id)
        if row.privilege == claim_rules.Privilege.law_enforcement.value:
            kept = self.findings(claim_id)
            factors = len(kept.factors)
            lines = [f"threshold {kept.threshold_words}, {factors} factors"]
        else:
            lines = self.under_test(claim_id).lines()
        waiver = self.waiver(claim_id)
        if waiver is not None:
            analysis, dates = waiver
            lines += analysis.lines() + dates.lines()
        return lines

    def bench_memo(self, claim_id: str) -> bytes:
        """The bench memo for a claim as PDF: caption, claim, declarations, threshold, factors,
        ruling. It names and describes what is claimed; it never shows the claimed text."""
        self.ctx.require(Act.bench_memo)
        with self.ctx.transaction() as s:
            row = lookup.claim(s, self.actor, claim_id)
            found: review_rules.ReviewRecord | tests.TestReview
            if row.privilege == claim_rules.Privilege.law_enforcement.value:
                found = _review(s, claim_id)
            else:
                body = {k: v for k, v in _kept(s, claim_id).items() if k != WAIVER}
                found = tests.review_from_data(claim_id, privilege_test(row.privilege), body)
            raw_waiver = _kept(s, claim_id).get(WAIVER)
            waiver = None if raw_waiver is None else _waiver(claim_id, raw_waiver)
            matter = rows.matter(s)
            exhibits = rows.exhibits(s)
            covered = []
            for number in row.exhibits:
                exhibit = find_exhibit(exhibits, number)
                if row.items:
                    covered += [
                        memo_pdf.Covered(number, str(i.page), i.what)
                        for i in exhibit.items
                        if i.id in row.items
                    ]
                else:
                    covered.append(memo_pdf.Covered(number, str(exhibit.bates), exhibit.title))
            paragraphs = ", ".join(row.paragraphs)
            declarations = []
            for decl_id in row.declarations:
                decl = s.get(t.Declaration, decl_id)
                if decl is not None:
                    declarations.append(
                        memo_pdf.Declarant(
                            decl.declarant, decl.title, ", ".join(decl.docket), paragraphs
                        )
                    )
            ruling = s.scalar(
                select(t.Ruling)
                .where(t.Ruling.claim_id == claim_id)
                .order_by(t.Ruling.id.desc())
                .limit(1)
            )
            if ruling is None:
                ruled = "Not yet ruled."
            else:
                day = f" on {ruling.on}" if ruling.on else ""
                granted = f" (items: {', '.join(ruling.items)})" if ruling.items else ""
                result = ruling.result.replace("_", " ").capitalize()
                ruled = f"{result}{granted}{day}: {ruling.reason}"
            late = claim_rules.lateness(
                row.noticed_on,
                produced_on(s, row.exhibits),
                row.learned_on,
                claim_terms(s).late_after_days,
            )
            events = s.scalars(
                select(t.ClaimEvent)
                .where(t.ClaimEvent.claim_id == claim_id)
                .order_by(t.ClaimEvent.id)
            ).all()
            memo = memo_pdf.BenchMemo(
                court=matter.court,
                case_number=matter.number,
                caption=matter.caption,
                claim=claim_id,
                privilege=row.privilege,
                state=row.state,
                noticed_on=row.noticed_on.isoformat() if row.noticed_on else "",
                basis=row.basis,
                covered=tuple(covered),
                declarations=tuple(declarations),
                review=found,
                ruling=ruled,
                lateness=str(late) if late else "",
                history=tuple(f"{e.state} {e.on or ''}".strip() for e in events),
                waiver=waiver,
            )
            protected = _protected(s, row)
            data = memo_pdf.render(memo, protected)
            self.ctx.audit(s, "claim.bench_memo", claim_id, sha256=hashlib.sha256(data).hexdigest())
            return data


def _kept(s: Session, claim_id: str) -> dict[str, Any]:
    kept = s.get(t.ClaimReview, claim_id)
    if kept is None:
        raise NotFound(
            f"claim {claim_id!r} has no review findings yet: record them with "
            f"`clawback review {claim_id} --findings FILE.yaml`"
        )
    return dict(kept.findings)


def _review(s: Session, claim_id: str) -> review_rules.ReviewRecord:
    data = {k: v for k, v in _kept(s, claim_id).items() if k != WAIVER}
    if "test" in data:
        raise RuleViolation(
            f"claim {claim_id!r} is reviewed under the {data['test']} test, not the law "
            "enforcement privilege's threshold and factors"
        )
    return review_rules.record_from_data(claim_id, data)


def _waiver(claim_id: str, raw: Mapping[str, object]) -> tuple[tests.TestReview, tests.WaiverDates]:
    body = {k: v for k, v in raw.items() if k != "dates"}
    analysis = tests.review_from_data(claim_id, privilege_test(WAIVER), body)
    return analysis, tests.dates_from_data(claim_id, raw)


def _dates_data(dates: tests.WaiverDates) -> dict[str, str]:
    return {
        "produced_on": dates.produced_on.isoformat(),
        "discovered_on": dates.discovered_on.isoformat(),
        "noticed_on": dates.noticed_on.isoformat(),
    }


def _no_quote(claim_id: str, lines: list[str], protected: list[str]) -> None:
    """Refuse findings that quote the claimed material: they describe it."""
    said = " ".join(" ".join(lines).split()).casefold()
    for secret in protected:
        needle = " ".join(secret.split()).casefold()
        if needle and needle in said:
            raise RuleViolation(
                f"review of {claim_id!r} quotes claimed material: describe it, do not quote it"
            )


def _protected(s: Session, row: t.Claim) -> list[str]:
    """The claimed text a memo or a finding must not show: the claim's items (or every item
    on the claimed exhibits when the claim covers them whole)."""
    claimed = set(row.exhibits)  # a family exhibit's items include its attachments'
    items = [i for e in rows.exhibits(s) if e.number in claimed for i in e.items]
    wanted = [i for i in items if not row.items or i.id in row.items]
    return [str(text) for i in wanted for text in i.texts if str(text).strip()]
