"""Designations under the protective order, and challenges to them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session

from clawback.domain.errors import InvalidInput, NotPermitted, RuleViolation
from clawback.domain.order import Side
from clawback.domain.public_refs import parse_ref
from clawback.domain.refs import DocumentRef, document_ref
from clawback.domain.seats import Act, may_act_for
from clawback.domain.typed import MOST_TYPED, typed
from clawback.service import access as access_rules
from clawback.service import lookup, rows
from clawback.service.base import Service
from clawback.service.received_names import WITH_RECORD, follows_record, taken_out_of
from clawback.storage import tables as t

OUTCOMES = ("upheld", "redesignated", "withdrawn")
#: The longest note a designation keeps (the web form's limit; kept whole on every backend).
NOTE_LIMIT = MOST_TYPED


class Designations(Service):
    def designate(
        self, ref: DocumentRef | int | str, tier: str, note: str = "", on: date | None = None
    ) -> str:
        """Give a document a tier of the protective order; earlier designations stay on record.
        Returns the tier's name as the record keeps it (``aeo`` is kept as ``AEO``)."""
        self.ctx.require(Act.designate)
        with self.ctx.transaction() as s:
            doc = lookup.document(s, self.actor, document_ref(ref))
            return self.designate_in(s, doc, tier, note, on)

    def designate_all(
        self, refs: Sequence[DocumentRef | int | str], tier: str, note: str = ""
    ) -> int:
        """Give each document of a selection the same tier, all or none: one the actor may
        not see, or a tier the order lacks, changes nothing. Each document is audited on its
        own. Returns how many were designated."""
        self.ctx.require(Act.designate)
        wanted = list(dict.fromkeys(document_ref(r) for r in refs))
        if not wanted:
            raise InvalidInput("choose at least one document to designate")
        with self.ctx.transaction() as s:
            found = [lookup.document(s, self.actor, ref) for ref in wanted]
            docs = list({doc.id: doc for doc in found}.values())  # Ex. 1 and its Bates: once
            for doc in docs:
                self.designate_in(s, doc, tier, note, None)
        return len(docs)

    def designate_in(
        self, s: Session, doc: t.Document, tier: str, note: str = "", on: date | None = None
    ) -> str:
        """``designate`` in the transaction ``s``, of a document found through ``lookup``
        (or just entered) by a caller that has checked ``Act.designate``. A received record's
        files taken out of its native (`received_children`) take the same tier with it: they
        have no number of their own, so what designates the record designates them, until one
        is designated apart; that one keeps its own tier (`follows_record`): a record
        designated again took back to Confidential an attachment held back as AEO."""
        typed("a designation's note", note, NOTE_LIMIT)
        name = rows.protective_order(s).tier(tier).short
        inside = [one for one in taken_out_of(s, doc) if follows_record(s, one)]
        for one in [doc, *inside]:
            said = note if one is doc else WITH_RECORD  # its record by no number: see there
            if one is not doc and note:
                said = f"{said}: {note}"
            with_record = one is not doc
            s.add(
                t.Designation(
                    document_id=one.id, tier=name, note=said, on=on, with_record=with_record
                )
            )
        previous = {one.id: one.tier for one in [doc, *inside]}
        access_rules.refresh(s, [doc, *inside])
        for one in [doc, *inside]:
            self.ctx.audit(s, "designate", rows.label(one), tier=name, previous=previous[one.id])
        return name

    def challenge(self, ref: DocumentRef | int | str, grounds: str, on: date) -> str:
        """Record a challenge to the designation of a document the challenger may see; returns
        its reference (``domain.public_refs``).

        A designation may be challenged at any time; the designating party carries the burden
        (N.D. Cal. model order, para. 6). The designation stands until the challenge ends.
        """
        self.ctx.require(Act.challenge)
        if not grounds.strip():
            raise InvalidInput("a challenge needs its grounds")
        typed("a challenge's grounds", grounds)
        with self.ctx.transaction() as s:
            named = document_ref(ref)
            doc = lookup.document(s, self.actor, named)
            if doc.tier is None:  # said by the name given (a control number may not be theirs)
                raise RuleViolation(f"{named} carries no designation to challenge")
            row = t.Challenge(
                document_id=doc.id,
                tier=doc.tier,
                raised_by=self.actor.person.email,
                raised_on=on,
                grounds=grounds,
            )
            s.add(row)
            s.flush()
            self.ctx.audit(s, "challenge", rows.label(doc), challenge=row.ref, tier=doc.tier)
            return row.ref

    def resolve_challenge(self, ref: str, outcome: str, on: date, tier: str | None = None) -> None:
        """End a challenge: the designation upheld, changed to ``tier`` (the court, or the
        designating side conceding), or the challenge withdrawn (by the side that raised it).
        A change is recorded as a re-designation, with the challenge as its note."""
        self.ctx.require(Act.resolve_challenge)
        if outcome not in OUTCOMES:
            raise InvalidInput(f"outcome must be upheld, redesignated or withdrawn: {outcome!r}")
        if (outcome == "redesignated") != (tier is not None):
            raise InvalidInput("give --tier exactly when the outcome is redesignated")
        number = parse_ref("a challenge", ref)
        with self.ctx.transaction() as s:
            row = lookup.challenge(s, self.actor, number)
            raiser = s.get(t.Person, row.raised_by)
            raised_by = Side(raiser.side) if raiser is not None else Side.producing
            if outcome == "withdrawn":
                if not may_act_for(self.actor, raised_by):
                    raise NotPermitted(
                        f"{self.actor} may not withdraw challenge {number}: its side raised it"
                    )
            elif self.actor.seat not in (Side.operator, Side.court, Side.producing):
                raise NotPermitted(f"{self.actor} may only withdraw a challenge")
            if row.outcome is not None:
                raise RuleViolation(f"challenge {number} already ended: {row.outcome}")
            row.outcome, row.resolved_on = outcome, on
            doc = s.get_one(t.Document, row.document_id)
            if tier is not None:
                self.designate_in(s, doc, tier, f"on challenge {number}", on)
            self.ctx.audit(
                s, "challenge.resolve", rows.label(doc), challenge=number, outcome=outcome
            )
