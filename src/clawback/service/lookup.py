"""Finding what a reference names, as the person asking may: one function per kind of reference.

Every path, read or write, finds a document, a page, an exhibit, a claim, a challenge, a
deadline or a production volume here, with the ``Actor`` asking. A thing the actor may not see
(or, for the listings of the dispute, may not know of) raises exactly the ``NotFound`` a thing
that does not exist raises: the same words, with only the reference as typed in them. Rules:
``domain.access``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace
from enum import Enum

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain import compliance
from clawback.domain.access import DocumentState, access, may_know, sees_everything
from clawback.domain.actor import Actor
from clawback.domain.bates import BatesNumber
from clawback.domain.deadlines import Deadline
from clawback.domain.errors import InvalidInput, NotFound
from clawback.domain.exhibit_ids import ExhibitId
from clawback.domain.order import Side
from clawback.domain.order_exhibits import find_exhibits
from clawback.domain.refs import ControlNumber, DocumentRef, ExhibitNamed, ExhibitNumber
from clawback.service import control_names, pages_named, rows
from clawback.storage import tables as t


class Need(Enum):
    """What the actor must be allowed: to read the document, or to know it exists."""

    see = "see"
    know = "know"


def document_state(s: Session, doc: t.Document) -> DocumentState:
    delivered = False
    if doc.produced is not None and doc.production is not None:
        production = s.get(t.Production, doc.production)
        delivered = production is not None and production.state == "complete"
    return DocumentState(
        doc.tier,
        doc.sequestered,
        doc.withheld,
        doc.sealed,
        doc.public_filed,
        Side(doc.held_by),
        delivered,
        filed=doc.docket is not None,
    )


def allowed(s: Session, actor: Actor, doc: t.Document, need: Need = Need.see) -> bool:
    state = document_state(s, doc)
    return access(actor, state).allowed if need is Need.see else may_know(actor, state)


def document(s: Session, actor: Actor, ref: DocumentRef, need: Need = Need.see) -> t.Document:
    """The document ``ref`` names, if ``actor`` may see it (or know of it)."""
    doc = _find(s, actor, ref)
    if doc is None or not allowed(s, actor, doc, need):
        raise NotFound(f"no document {ref}")
    return doc


def _find(s: Session, actor: Actor, ref: DocumentRef) -> t.Document | None:
    if isinstance(ref, ExhibitNumber):
        return s.scalar(select(t.Document).where(t.Document.exhibit_key == str(ref.number)))
    if isinstance(ref, ExhibitNamed):
        return s.scalar(select(t.Document).where(t.Document.exhibit_key == ref.exhibit.canonical))
    if isinstance(ref, ControlNumber):
        if ref.opaque is not None:  # a reference in a control number's place
            doc = s.scalar(select(t.Document).where(t.Document.ref == ref.opaque))
            return doc if doc is not None and control_names.finds(actor, doc, ref.text) else None
        doc = s.scalar(select(t.Document).where(t.Document.control == ref.text))
        if doc is not None:
            # A control number is the holding side's own, and only for whoever it counts
            # nothing withheld from (`control_names`): anyone else learns nothing from it.
            return doc if control_names.finds(actor, doc, ref.text) else None
        try:
            ref = BatesNumber.parse(ref.text)
        except ValueError:
            return None
    page = s.scalar(select(t.Page).where(t.Page.bates == ref))
    return s.get(t.Document, page.document_id) if page is not None else None


def given_names(s: Session, actor: Actor, controls: Sequence[str]) -> list[str]:
    """``controls`` as ``actor`` is given them (`control_names`: a reader whose tier withholds
    some of their side's documents, by each one's reference); a name that is no control
    number, or of a document they may not know of, passes as it is."""
    found = s.scalars(select(t.Document).where(t.Document.control.in_(controls)))
    known = {
        d.control: control_names.named(actor, d) or d.control
        for d in found
        if allowed(s, actor, d, Need.know)
    }
    return [known.get(c, c) for c in controls]


def page(s: Session, actor: Actor, bates: BatesNumber) -> tuple[t.Document, t.Page]:
    """The produced page ``bates`` and its document, if ``actor`` may see it."""
    row = s.scalar(select(t.Page).where(t.Page.bates == bates))
    doc = s.get(t.Document, row.document_id) if row is not None else None
    if row is None or doc is None or not allowed(s, actor, doc):
        raise NotFound(f"no page {bates}")
    return doc, row


def exhibit_documents(
    s: Session, actor: Actor, numbers: Iterable[int], need: Need = Need.know
) -> list[t.Document]:
    """The produced exhibits ``numbers`` names, each one the actor may know of (or see)."""
    found = []
    for number in numbers:
        doc = s.scalar(select(t.Document).where(t.Document.exhibit == number))
        if doc is None or doc.produced is None or not allowed(s, actor, doc, need):
            raise NotFound(f"no produced Ex. {number}")
        found.append(doc)
    return found


def known_lead(s: Session, actor: Actor, doc: t.Document) -> str | None:
    """The exhibit a duplicate exhibit ``doc`` duplicates, as written (``5``), if the actor may
    know of it; None for a document that is no duplicate, or whose lead is, to the actor, not
    there (a copy designated beyond their tier, sealed or claimed: the duplicate is no one's)."""
    if doc.exhibit_lead is None:
        return None
    lead = s.scalar(
        select(t.Document).where(
            t.Document.exhibit_id == doc.exhibit_lead, t.Document.exhibit.is_not(None)
        )
    )
    return doc.exhibit_lead if lead is not None and allowed(s, actor, lead, Need.know) else None


def known_exhibits(s: Session, actor: Actor) -> set[int]:
    """Every exhibit number the actor may know of: the rows a listing of the dispute shows."""
    docs = s.scalars(select(t.Document).where(t.Document.exhibit.is_not(None))).all()
    return {d.exhibit for d in docs if d.exhibit is not None and allowed(s, actor, d, Need.know)}


def known_papers(s: Session, actor: Actor) -> set[str]:
    """Every filed paper's docket entry (``101-33``) the actor may know of."""
    docs = s.scalars(select(t.Document).where(t.Document.docket.is_not(None))).all()
    return {d.docket for d in docs if d.docket is not None and allowed(s, actor, d, Need.know)}


def paper_documents(
    s: Session, actor: Actor, dockets: Iterable[str], need: Need = Need.know
) -> list[t.Document]:
    """The filed papers ``dockets`` names (``101-33``), each one the actor may know of (or
    see); every one missing named in one line."""
    wanted = list(dockets)
    found = {
        d.docket: d
        for d in s.scalars(select(t.Document).where(t.Document.docket.in_(wanted))).all()
        if allowed(s, actor, d, need)
    }
    missing = [f"ECF No. {d}" for d in wanted if d not in found]
    if missing:
        raise NotFound(f"no filed paper {', '.join(missing)}")
    return [found[d] for d in wanted]


def knows_all(known: set[int], numbers: Sequence[int]) -> bool:
    return all(n in known for n in numbers)


def claim(s: Session, actor: Actor, claim_id: str) -> t.Claim:
    """The claim ``claim_id``, if the actor may know of an exhibit or a filed paper it covers."""
    row = s.get(t.Claim, claim_id)
    if row is None or not knows_claim(row, known_exhibits(s, actor), known_papers(s, actor)):
        raise NotFound(f"no claim {claim_id!r}")
    return row


def knows_claim(row: t.Claim, exhibits: set[int], papers: set[str]) -> bool:
    """Whether a person who may know of ``exhibits`` and ``papers`` (``known_exhibits``,
    ``known_papers``) may know of the claim ``row``: of one exhibit or filed paper it covers."""
    return bool(set(row.exhibits) & exhibits or set(row.papers or ()) & papers)


def challenge(s: Session, actor: Actor, number: str) -> t.Challenge:
    """The designation challenge ``number`` (its reference), if the actor may know of its
    document."""
    row = s.scalar(select(t.Challenge).where(t.Challenge.ref == number))
    doc = s.get(t.Document, row.document_id) if row is not None else None
    if row is None or doc is None or not allowed(s, actor, doc, Need.know):
        raise NotFound(f"no challenge {number}")
    return row


def unknown_claims(
    s: Session,
    actor: Actor,
    ids: Iterable[str] | None = None,
    exhibits: set[int] | None = None,
) -> set[str]:
    """The ids of the claims (of ``ids``, or every one) the actor may not know of
    (``exhibits``: ``known_exhibits``, where the caller has it already)."""
    query = select(t.Claim)
    if ids is not None:
        query = query.where(t.Claim.id.in_(list(ids)))
    if exhibits is None:
        exhibits = known_exhibits(s, actor)
    papers = known_papers(s, actor)
    return {row.id for row in s.scalars(query) if not knows_claim(row, exhibits, papers)}


def deadline_shown(
    s: Session,
    actor: Actor,
    row: t.Deadline,
    known: set[int],
    hidden_claims: AbstractSet[str] = frozenset(),
) -> bool:
    """A deadline is the case's: the court and the parties see it, unless it names an exhibit
    the person may not know of, or is a duty of a claim they may not know of (``hidden_claims``:
    ``unknown_claims``; the callers listing a claim's duties list only claims the person may
    know of); the public sees none. A duty of a claim they may know of is theirs whatever else
    the claim covers, and an order's act cited by its exhibits is theirs for those of them they
    may know of: each told as if the rest were not there (`deadline_told`). The exhibits and
    filed papers an act's own words and its source name count as well as those recorded with
    it (`named_in_words`): an act an order sets in its words ("a supplemental declaration on
    Exhibit 2", `Deadlines.add_act`; its source the order's sentence, as ``read-order
    --apply`` keeps it) is recorded with none."""
    if actor.seat is Side.public or row.claim_id in hidden_claims:
        return False
    if row.claim_id is not None:
        return True
    exhibits, papers = named_in_words(s, f"{row.act}\n{row.source}")
    if papers and not papers <= known_papers(s, actor):
        return False
    if knows_all(known, [*(row.exhibits or ()), *exhibits]):
        return True
    return _order_act_cut(s, row, known) is not None


def deadline_told(s: Session, actor: Actor, row: t.Deadline, known: set[int]) -> Deadline:
    """The deadline ``row`` (one ``deadline_shown`` shows ``actor``) as they are told it: a
    claim's duty names only the exhibits and filed papers of the claim they may know of
    (``known``: ``known_exhibits``), an order's act only the exhibits it cites they may know
    of, as it would were the others not in the record."""
    told = rows.deadline(row)
    claim = s.get(t.Claim, row.claim_id) if row.claim_id is not None else None
    if claim is None:
        cut = _order_act_cut(s, row, known)
        return replace(told, act=cut) if cut is not None else told
    exhibits, papers = list(claim.exhibits), list(claim.papers or ())
    shown = [n for n in exhibits if n in known]
    dockets = known_papers(s, actor) if papers else set()
    filed = [d for d in papers if d in dockets]
    if shown == exhibits and filed == papers:
        return told
    whole = f"({rows.covers(s, exhibits, papers)})"
    cut = f"({rows.covers(s, shown, filed)})"
    return replace(told, act=told.act.replace(whole, cut))


def _order_act_cut(s: Session, row: t.Deadline, known: set[int]) -> str | None:
    """An order's act (no claim's) whose words cite its exhibits (``compliance.cite``), worded
    for those of them in ``known``, or whose words name no exhibit ("file the same exhibits
    ..."), as it is; None where ``known`` holds none of them, or its words cite them otherwise
    (one recorded before its exhibits were the ones it cites): such an act is shown only to
    whoever may know of them all."""
    numbers = set(row.exhibits or ())
    if row.claim_id is not None or not numbers & known:
        return None
    if row.act == compliance.SAME_REDACTED:
        return row.act
    docs = s.scalars(select(t.Document).where(t.Document.exhibit.in_(numbers))).all()
    exhibits = rows.exhibits_of(s, [d for d in docs if d.produced])  # its own, not every one
    whole = compliance.cite(exhibits)
    if len(exhibits) != len(numbers) or whole not in row.act:
        return None
    cut = row.act.replace(whole, compliance.cite([e for e in exhibits if e.number in known]))
    named, papers = named_in_words(s, f"{cut}\n{row.source}")
    return cut if named <= known and not papers else None


#: A filed paper as a deadline's words name it (``ECF No. 101-33``: ``paper_seals.names``).
_PAPER_NAMED = re.compile(r"\bECF No\. (\d+(?:-\d+)*)")


def named_in_words(s: Session, words: str) -> tuple[set[int], set[str]]:
    """The exhibits (by ordinal) and the filed papers (by docket entry) of the record that
    ``words`` name, as an order names them ("Exhibits 1-3 and 5-A", "Ex. 12", "ECF No. 101-33");
    a label no document of the record carries names nothing."""
    keys = set()
    for label, _ in find_exhibits(words):
        try:
            keys.add(ExhibitId.parse(label).canonical)
        except InvalidInput:
            continue
    exhibits: set[int] = set()
    if keys:
        exhibits = {
            n
            for n in s.scalars(select(t.Document.exhibit).where(t.Document.exhibit_key.in_(keys)))
            if n is not None
        }
    entries = set(_PAPER_NAMED.findall(words))
    papers: set[str] = set()
    if entries:
        papers = {
            d
            for d in s.scalars(select(t.Document.docket).where(t.Document.docket.in_(entries)))
            if d is not None
        }
    return exhibits, papers


def told_words(
    s: Session,
    actor: Actor,
    words: str,
    known: AbstractSet[int] | None = None,
    papers: AbstractSet[str] | None = None,
) -> str:
    """``words`` a person wrote into the record (a claim's basis, a move's note, the court's
    reason) as ``actor`` is told them: whole, unless they name an exhibit or a filed paper of
    the record the actor may not know of (`named_in_words`), or cite a page of one by its Bates
    number or name one by a control number the actor is not given (`pages_named`); then none,
    exactly as words never given (``known``, ``papers``: `known_exhibits`, `known_papers`,
    where the caller has them)."""
    if not words or sees_everything(actor):
        return words
    if pages_named.beyond(s, actor, words, lambda doc: allowed(s, actor, doc, Need.know)):
        return ""
    exhibits, dockets = named_in_words(s, words)
    if not exhibits and not dockets:
        return words
    if exhibits and not exhibits <= (known_exhibits(s, actor) if known is None else known):
        return ""
    if dockets and not dockets <= (known_papers(s, actor) if papers is None else papers):
        return ""
    return words


def deadline(s: Session, actor: Actor, number: str) -> t.Deadline:
    """The deadline the reference ``number`` names, if ``actor``'s deadlines list it."""
    row = s.scalar(select(t.Deadline).where(t.Deadline.ref == number))
    known = known_exhibits(s, actor)
    hidden = unknown_claims(s, actor, [row.claim_id], known) if row and row.claim_id else set()
    if row is None or not deadline_shown(s, actor, row, known, hidden):
        raise NotFound(f"no deadline {number}")
    return row


def volume_side(s: Session, production: t.Production) -> str:
    """The side whose production volume it is: a volume another side imported is kept under
    a name of its own (``.receiving/NAME``, a name no production may take); a volume planned by
    ``produce`` is the producing side's; one recorded before either, the side holding its
    documents'; else the producing side's."""
    if production.volume.startswith(".") and "/" in production.volume:
        return production.volume[1:].split("/", 1)[0]
    if production.plan.get("docs"):  # planned by ``produce``: the producing side's
        return Side.producing.value
    held = s.scalar(
        select(t.Document.held_by).where(t.Document.production == production.id).limit(1)
    )
    return held or Side.producing.value


def volume_ours(s: Session, actor: Actor, production: t.Production) -> bool:
    """Whether ``actor`` may know of the volume: its own side's (the operator and the court,
    every one)."""
    if actor.seat in (Side.operator, Side.court):
        return True
    return volume_side(s, production) == actor.seat.value


def volume(s: Session, actor: Actor, name: str) -> t.Production:
    """The production volume ``name``, if it is the actor's side's (another side's volume, an
    import of what it received, answers as one that is not there)."""
    row = s.scalar(select(t.Production).where(t.Production.volume == name))
    if row is None or not volume_ours(s, actor, row):
        raise NotFound(f"no production volume {name!r}")
    return row


#: The operator as the trail names them looking through someone's eyes.
PREVIEW = re.compile(r"operator \(preview as (.+)\)")


def may_list(actor: Actor, who: str, sides: Mapping[str, str]) -> bool:
    """Whether ``actor`` may be told the person ``who`` (an entry's or a move's actor:
    ``operator``, ``operator (preview as ...)``, ``worker`` or a person's address; ``sides``:
    each seated person's side): the operator and the court every one, a party its own side's
    and the court's (``People.list``), and the workspace's holder and its workers."""
    if actor.seat in (Side.operator, Side.court):
        return True
    previewing = PREVIEW.fullmatch(who)
    if previewing is not None:  # the operator, looking through someone's eyes
        who = previewing.group(1)
    elif who.split(" ", 1)[0] in ("operator", "worker"):
        return True
    return sides.get(who.split(" ", 1)[0]) in (actor.seat.value, Side.court.value)


def named_to(actor: Actor, who: str, sides: Mapping[str, str]) -> str:
    """``who`` as ``actor`` is told it: the person if they may list them, else their side."""
    if may_list(actor, who, sides):
        return who
    previewing = PREVIEW.fullmatch(who)
    side = sides.get((previewing.group(1) if previewing else who).split(" ", 1)[0])
    return f"the {side} side" if side else ""
