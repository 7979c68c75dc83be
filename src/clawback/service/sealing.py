"""Motions to seal and the court's rulings on them, exhibit by exhibit."""

from __future__ import annotations

from collections.abc import Sequence, Set
from datetime import date
from importlib import resources

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain import sealing
from clawback.domain.actor import Actor
from clawback.domain.deadlines import Deadline, compute
from clawback.domain.documents import Exhibit
from clawback.domain.errors import InvalidInput, NotFound, NotPermitted, RuleViolation
from clawback.domain.order import Side
from clawback.domain.paper_seals import PaperSealDecision, paper_name
from clawback.domain.refs import record_id
from clawback.domain.seal_parts import (
    MotionForm,
    Movant,
    SealPart,
    SealRequest,
    motion_form,
    motion_title,
)
from clawback.domain.seats import Act
from clawback.service import access as access_rules
from clawback.service import lookup, paper_seals, rows
from clawback.service.base import Service
from clawback.storage import tables as t


def local_rules() -> dict[str, sealing.LocalRule]:
    """The local sealing procedures shipped as data (N.D. Cal. 79-5, S.D. Cal.)."""
    text = resources.files("clawback.data").joinpath("local_rules.yaml").read_text("utf-8")
    data: dict[str, dict[str, object]] = yaml.safe_load(text)
    return {name: sealing.local_rule_from_data(name, rule) for name, rule in data.items()}


def motion_kind(kind: str) -> sealing.MotionKind:
    try:
        return sealing.MotionKind(kind)
    except ValueError:
        kinds = ", ".join(k.value for k in sealing.MotionKind)
        raise InvalidInput(f"no kind of motion {kind!r}: one of {kinds}") from None


def movant_of(movant: str | None) -> Movant | None:
    if movant is None:
        return None
    try:
        return Movant(movant)
    except ValueError:
        movants = ", ".join(m.value for m in Movant)
        raise InvalidInput(f"no movant {movant!r}: one of {movants}") from None


def request_of(request: str) -> SealRequest:
    try:
        return SealRequest(request)
    except ValueError:
        raise InvalidInput(f"no motion {request!r}: seal or unseal") from None


def _motion(
    docket: str,
    exhibits: Sequence[int],
    kind: str,
    joint: bool,
    movant: str | None,
    request: str,
    papers: Sequence[str] = (),
    form: str = MotionForm.motion.value,
) -> sealing.MotionToSeal:
    docket = record_id("a motion's docket number", docket, longest=40)
    moved = movant_of(movant)
    if not exhibits and not papers:
        raise InvalidInput(
            f"motion Dkt. {docket}: name an exhibit (--exhibit) or a filed paper (--paper)"
        )
    return sealing.MotionToSeal(
        docket,
        tuple(exhibits),
        motion_kind(kind),
        joint or moved is Movant.both,
        movant=moved,
        request=request_of(request),
        papers=tuple(papers),
        form=motion_form(form),
    )


def _designated(motion: sealing.MotionToSeal, given: bool | None) -> bool:
    """Whether the movant designated the material: as given, else yes; never on a motion to
    consider whether another party's material should be sealed (L.R. 79-5(f)), which exists
    because it did not."""
    if motion.form is not MotionForm.other_partys_material:
        return True if given is None else given
    if given:
        raise InvalidInput(
            f"motion Dkt. {motion.docket}: an {motion.title} is brought by a party that did not "
            "designate the material"
        )
    return False


def _recorded_form(docket: str, recorded: str, given: str | None) -> str:
    """The form a ruling takes: the motion's as recorded; a different one is refused."""
    if given is not None and given != recorded:
        said = motion_title(motion_form(recorded), SealRequest.seal)
        raise RuleViolation(
            f"motion Dkt. {docket} is on record as {recorded!r} ({said}), not {given!r}"
        )
    return recorded


def _named(s: Session, exhibits: Sequence[int], papers: Sequence[str]) -> str:
    """The exhibits and papers a motion names, as an act cites them."""
    said = [rows.exhibit_list(s, exhibits)] if exhibits else []
    return ", ".join([*said, *(paper_name(p) for p in papers)])


class Sealing(Service):
    def move_to_seal(
        self,
        docket: str,
        *,
        exhibits: Sequence[int] = (),
        papers: Sequence[str] = (),
        kind: str,
        filed_on: date,
        local_rule: str | None = None,
        movant_designated: bool | None = None,
        joint: bool = False,
        movant: str | None = None,
        request: str = "seal",
        form: str = MotionForm.motion.value,
    ) -> Deadline | None:
        """Record a motion to seal (or to unseal) as filed, with who moved; returns the
        designating party's supporting statement deadline when the local rule sets one and the
        movant did not designate. ``papers``: the filed papers it names by docket entry ("ECF
        No. 118-2"), beside or instead of exhibits. ``form``: how it was brought (``motion``,
        ``administrative``, ``other_partys_material``: L.R. 79-5(f), by a party that did not
        designate); the order names it so. ``movant_designated`` None: yes, unless the form
        says not."""
        self.ctx.require(Act.move_to_seal)
        movant = self._own_side(movant, joint)
        papers = paper_seals.entries(papers)
        motion = _motion(docket, exhibits, kind, joint, movant, request, papers, form)
        movant_designated = _designated(motion, movant_designated)
        rules = local_rules()
        if local_rule is not None and local_rule not in rules:
            raise NotFound(f"no local rule {local_rule!r}: one of {', '.join(rules)}")
        rule = rules[local_rule] if local_rule else None
        with self.ctx.transaction() as s:
            lookup.exhibit_documents(s, self.actor, exhibits)
            paper_seals.documents(s, self.actor, papers)
            if s.get(t.SealMotion, docket) is not None:
                raise RuleViolation(f"motion to seal Dkt. {docket} is already on record")
            known = {e.number: e for e in rows.exhibits(s)}
            public = [n for n in exhibits if known[n].publicly_available]
            s.add(
                t.SealMotion(
                    docket=docket,
                    kind=kind,
                    joint=motion.joint,
                    exhibits=list(exhibits),
                    papers=list(papers),
                    filed_on=filed_on,
                    local_rule=local_rule,
                    movant_designated=movant_designated,
                    movant=motion.movant.value if motion.movant else None,
                    request=motion.request.value,
                    form=motion.form.value,
                )
            )
            due = None
            if rule is not None and motion.request is SealRequest.seal:
                due = sealing.supporting_statement(
                    rule,
                    motion,
                    filed_on,
                    movant_designated,
                    _named(s, exhibits, papers),
                    rows.matter(s).state,
                    rows.closures(s),
                )
            if due is not None:
                s.add(
                    t.Deadline(
                        act=due.act,
                        due=due.due,
                        trigger=due.trigger,
                        days=due.days,
                        source=due.source,
                        party=Side.producing.value,
                        exhibits=list(exhibits),
                    )
                )
            self.ctx.audit(
                s,
                "seal.motion",
                docket,
                exhibits=list(exhibits),
                papers=list(papers),
                already_public=public,
                standard=motion.standard.value,
                form=motion.form.value,
            )
            return due

    def _own_side(self, movant: str | None, joint: bool) -> str | None:
        """A party files its own motion (or a joint one): a movant left out is its side; the
        court's own motion, or another side's, is not a party's to file."""
        seat = self.actor.seat
        if seat not in (Side.producing, Side.receiving):
            return movant
        if movant is None:
            return Movant.both.value if joint else seat.value
        if movant not in (seat.value, Movant.both.value):
            raise NotPermitted(f"{self.actor} may not file a motion as the {movant} side's")
        return movant

    def seal(
        self,
        docket: str,
        *,
        exhibits: Sequence[int] = (),
        papers: Sequence[str] = (),
        kind: str,
        granted: bool,
        joint: bool = False,
        reason: str = "",
        on: date | None = None,
        unseal_on: date | None = None,
        movant: str | None = None,
        request: str = "seal",
        part: SealPart | None = None,
        condition: str = "",
        condition_days: int | None = None,
        public_days: int | None = None,
        form: str | None = None,
    ) -> list[sealing.SealDecision]:
        """The court's ruling on a motion to seal or to unseal, exhibit by exhibit (the motion
        is recorded too if ``move_to_seal`` did not record it; ``movant`` "court": the court's
        own motion); ``unseal_on`` ends the seal on that day. ``part``: sealed in part, the
        public version removing only that; ``condition``: the seal holds on a further act
        (word for word), due ``condition_days`` after ``on``. The court's ``reason`` is kept
        word for word.

        ``papers``: filed papers ruled on by docket entry, by the same rules (their decisions:
        ``paper_decisions``; a part's items are then the papers'); a paper may be ruled on in a
        later call of the same motion, once. ``public_days``: days from ``on`` the movant has
        to file the public version of a paper sealed in part. ``form``: how the motion was
        brought (``move_to_seal``); None: as recorded, else a noticed motion."""
        self.ctx.require(Act.seal)
        papers = paper_seals.entries(papers)
        if part is not None and not part:
            part = None
        if public_days is not None and (part is None or not papers or on is None):
            raise InvalidInput(
                "days for a public version (--public-days) are for a paper sealed in part, "
                "with --on"
            )
        if (part is not None or condition.strip()) and (not granted or request != "seal"):
            raise InvalidInput(
                "a seal in part or on a condition is a granted motion to seal (--granted)"
            )
        if condition_days is not None and (not condition.strip() or on is None):
            raise InvalidInput("a condition's days need the condition (--condition) and --on")
        with self.ctx.transaction() as s:
            row = s.get(t.SealMotion, docket)
            if row is not None and movant is None and request == "seal":
                movant, request = row.movant, row.request  # as the motion was recorded
            if row is not None:
                form = _recorded_form(docket, row.form, form)
            form = form or MotionForm.motion.value
            motion = _motion(docket, exhibits, kind, joint, movant, request, papers, form)
            lookup.exhibit_documents(s, self.actor, exhibits)
            known = rows.exhibits(s)
            if part is not None and exhibits:
                of_papers = paper_seals.items(s, paper_seals.documents(s, self.actor, papers))
                _check_items(known, exhibits, part, {i.id for v in of_papers.values() for i in v})
            decisions = sealing.decide(motion, known, granted, reason, part, condition.strip())
            row = row or t.SealMotion(
                docket=docket,
                kind=kind,
                joint=motion.joint,
                exhibits=list(exhibits),
                movant=motion.movant.value if motion.movant else None,
                request=motion.request.value,
                form=motion.form.value,
            )
            ruled = select(t.SealDecision.id).where(t.SealDecision.motion == docket).limit(1)
            if exhibits and s.scalar(ruled) is not None:
                raise RuleViolation(f"motion to seal Dkt. {docket} was already ruled on")
            row.ruled_on = on
            row.exhibits = list(dict.fromkeys([*(row.exhibits or []), *exhibits]))
            row.papers = list(dict.fromkeys([*(row.papers or []), *papers]))
            s.add(row)
            s.flush()  # the motion row first: decisions refer to it
            on_papers = (
                paper_seals.rule(
                    s,
                    self.actor,
                    motion,
                    papers,
                    granted=granted,
                    reason=reason,
                    on=on,
                    unseal_on=unseal_on,
                    part=part,
                    condition=condition.strip(),
                    condition_days=condition_days,
                    public_days=public_days,
                    exhibit_items={
                        i.id for e in known if e.number in set(exhibits) for i in e.items
                    },
                )
                if papers
                else []
            )
            for d in decisions:
                s.add(
                    t.SealDecision(
                        motion=docket,
                        exhibit=d.exhibit,
                        sealed=d.sealed,
                        standard=d.standard.value,
                        reason=d.reason,
                        unseal_on=unseal_on if d.sealed else None,
                        part=d.part.as_data() if d.part else None,
                        condition=d.condition or None,
                    )
                )
            sealed_now = [d.exhibit for d in decisions if d.sealed]
            conditional = [d.exhibit for d in decisions if d.sealed and d.condition]
            if condition_days is not None and conditional and on is not None:
                party = {Movant.receiving: "receiving", Movant.both: "both"}.get(
                    motion.moved_by, Side.producing.value
                )
                s.add(
                    t.Deadline(
                        act=condition.strip(),
                        due=compute(
                            on,
                            condition_days,
                            state=rows.matter(s).state,
                            extra_holidays=frozenset(rows.closures(s)),
                        ),
                        trigger=on,
                        days=condition_days,
                        source=f"order on the motion to seal, Dkt. {docket}",
                        party=party,
                        exhibits=list(conditional),  # the record's own, as a seal's end is
                    )
                )
            if unseal_on is not None and sealed_now and on is not None:
                s.add(
                    t.Deadline(
                        act=(
                            f"file {rows.exhibit_list(s, sealed_now)} on the public docket "
                            "(their seal ends)"
                        ),
                        due=unseal_on,
                        trigger=on,
                        days=(unseal_on - on).days,
                        source=f"order on the motion to seal, Dkt. {docket}",
                        exhibits=list(sealed_now),
                    )
                )
            if exhibits:
                access_rules.refresh_exhibits(s, exhibits)
            self.ctx.audit(
                s,
                "seal",
                docket,
                sealed=sealed_now,
                papers_sealed=[d.paper for d in on_papers if d.sealed],
                unseal_on=unseal_on,
                request=motion.request.value,
                movant=motion.moved_by.value,
                part=part.as_data() if part else None,
            )
            return decisions

    def paper_decisions(self, docket: str) -> list[PaperSealDecision]:
        """The court's rulings on the filed papers motion ``docket`` names, on the papers this
        person may see, in the order given."""
        with self.ctx.reading() as s:
            found = rows.paper_seal_decisions(s, motion=docket)
            return [d for d in found if _may_see(s, self.actor, d.paper)]


def _may_see(s: Session, actor: Actor, paper: str) -> bool:
    doc = s.scalar(select(t.Document).where(t.Document.docket == paper))
    return doc is not None and lookup.allowed(s, actor, doc)


def _check_items(
    known: Sequence[Exhibit], exhibits: Sequence[int], part: SealPart, also: Set[str] = frozenset()
) -> None:
    """Every item a part names is an item on one of the motion's exhibits (or ``also``: of the
    papers ruled on with them)."""
    on_them = {i.id for e in known if e.number in set(exhibits) for i in e.items} | also
    missing = [i for i in part.items if i not in on_them]
    if missing:
        raise NotFound(f"no item {missing[0]!r} on the exhibits of this motion")
