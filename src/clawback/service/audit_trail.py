"""The audit trail as a service: verify it against the record, export it, sign checkpoints.

``verify`` checks the chain with the audit key (``storage.audit``), every checkpoint a side
kept, and every row that grants or shows something against the digest the trail bound it to
(``service.state``). Each side's reads and searches are its own work product: an export made by
one party carries the other party's reads and searches only as withheld links of the chain
(their hashes, so the chain still verifies, and nothing else); the court's and the operator's
exports carry everything. An entry naming a document the reader may not know of (its control
number, exhibit or a Bates number of its pages: an AEO exhibit to a party employee, another
side's unproduced documents), or naming one by another side's control number (which counts that
side's documents), is withheld from a party the same way, so the trail tells no one of a
document, or a number, the rest of the record answers as absent (so is one naming a document
by its own side's control number to a reader not given those numbers, `control_names`).
Records are bound under opaque names (``service.state.named``); an entry written before, naming
a record by its row number (a counter every side shares), is withheld from a reader who may not
know of every record.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import String, or_, select, type_coerce
from sqlalchemy.orm import Session

from clawback.domain.access import sees_everything
from clawback.domain.actor import Actor
from clawback.domain.bates import BatesError, BatesNumber
from clawback.domain.errors import InvalidInput
from clawback.domain.exhibit_ids import ExhibitId
from clawback.domain.order import Side
from clawback.domain.order_exhibits import find_exhibits
from clawback.domain.seats import Act
from clawback.service import access as access_rules
from clawback.service import audit_problems, control_names, delivery, lookup, state
from clawback.service.base import Service
from clawback.storage import audit, audit_export
from clawback.storage import tables as t
from clawback.storage.audit import canonical


@dataclass(frozen=True)
class Entry:
    """One entry of the trail as listed to a seat (``withheld``: why its subject is not shown)."""

    seq: int
    at: str
    actor: str
    path: str
    action: str
    subject: str
    withheld: str | None


#: The names an entry's subject may give a document by: an exhibit, a filed paper by its
#: docket entry, a control number or a Bates number (a range names its first and last page).
NAMES = re.compile(r"Ex\. \d+|ECF No\. \d+(?:-\d+)*|[A-Za-z]\w*(?:-[A-Za-z]\w*)*-\d+|[A-Za-z]+\d+")
PAPER_NAME = re.compile(r"ECF No\. (\d+(?:-\d+)*)")
#: A Bates number whose prefix joins its words by ``_`` or ``.`` as well as ``-``
#: (``domain.bates``: ``AOL_DEF_000002``, ``ABC.0001``), read apart from ``NAMES`` so that it
#: never swallows the words around a name ``NAMES`` reads; one joined by spaces is read by
#: ``_spaced``.
BATES_NAME = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z][A-Za-z0-9]*)*[-_.]?[0-9]+(?![0-9])"
)
#: The most words a Bates prefix joined by spaces is read across (``AOL DEF 000002``: three).
SPACED_WORDS = 5
#: What a party reads of every entry withheld from it, whatever the reason (below, kept for
#: the code's sake): a reason, a who, a when or a path told "names a document outside what you
#: may see" at the hour each AEO exhibit was ingested, counting them. Only the link remains.
WITHHELD = "withheld: another party's work product, or about what you may not know of"
UNKNOWN = "names a document outside what you may see"
WIDER = "another person's reads, from a view wider than yours"
COUNTS = "counts documents over a view wider than yours"
#: The records a detail's ``state`` binds by a row number: ``document:<id>``, a ruling's, a
#: token's, a filing's (``filing:<document>/<kind>``), or (since) its opaque name
#: (``service.state.named``): ``document:5f0c...``.
STATE_KEYS = re.compile(r"(?:document|ruling|token|filing):[0-9a-z_/]+")
#: A key named by its row number, as entries bound them before opaque names: the numbers are
#: counters every side shares, so such an entry is withheld from a reader who knows less.
#: So are a deadline, a token and a challenge named by their rows before migration 0027
#: (``deadline:#12``, ``token:#4``, ``challenge:#3``, as ``_names`` gives them).
ROW_NUMBERED = re.compile(
    r"(?:document|ruling|token):\d+|filing:\d+/\w+|(?:deadline|token|challenge):#\d+"
)
#: A token named by its row in an entry's subject, before migration 0027 (``token 4``).
TOKEN_NUMBER = re.compile(r"token (\d+)")
NUMBERED = "names a record by a number that counts records wider than your view"
EXHIBIT_NAME = re.compile(r"Ex\. \d+")
#: Detail keys whose whole numbers are exhibit numbers.
EXHIBIT_KEYS = frozenset({"exhibit", "exhibits", "sealed", "unsealed", "lead", "members"})
#: Detail keys whose texts are filed papers' docket entries (``101-33``).
PAPER_KEYS = frozenset({"papers", "papers_sealed"})
#: Entries whose subject is a claim's id (a claim's notice names what it covers instead), and
#: the detail key that names a claim: a claim is named ``claim:<id>`` among a trail's names.
CLAIM_SUBJECTS = ("claim.", "rule", "notice.mail")
CLAIM_NOTICE = "claim.notice"
#: Entries whose subject names a deadline (``deadline 7kq2mx``; before migration 0027 its row
#: number, ``12``): a deadline is named ``deadline:<ref>`` (``deadline:#<id>`` by its number).
DEADLINE_SUBJECTS = ("deadline.done",)
#: Detail keys that list deadlines: by reference (text), or by row number (before 0027).
DEADLINE_KEYS = ("deadlines", "moved")

#: Entries that record what a person read or looked for: that side's work product.
WORK_PRODUCT = (
    "read.",
    "paper.read",
    "paper.list",
    "search",
    "show",
    "export",
    "download",
    "pattern.search",
    "brief.propose",
    "copies",
    "trace",
    # a file handed out: the log counts the rows its reader may read, a package's file names
    # what it holds
    "privilege_log.download",
    "file.download",
)

#: Entries about one person's seat and login, named by their subject (``person.seat``,
#: ``login``: the address and the hour they work from) or made by that person on their own
#: account (``token.create``): told to a party only of the people it may list (its own side's
#: and the court's, ``People.list``).
PERSON_SUBJECTS = ("person.", "account.", "login", "logout")
PERSON_ACTS = ("token.",)
UNLISTED = "names a person outside those you may list"

#: Entries that count or span a whole volume (``produce ... documents=19``, a Bates span from
#: first to last page), or fingerprint a whole served privilege log (its rows of exhibits a
#: reader may not know of too): told in full only to a reader who may know of every document.
VOLUME_COUNTS = ("produce", "privilege_log.serve")
#: Entries of one record of an imported volume, with its row: named ``volume:<name>``, and
#: withheld from a reader who may not know of some record of that volume (row 2 shown tells
#: of a row 1).
VOLUME_RECORDS = ("volume.import",)


class AuditTrail(Service):
    def verify(self, checkpoints: Sequence[audit.Checkpoint] = ()) -> list[audit.Problem]:
        """Every edited, deleted, reordered or forged entry, every checkpoint the chain no
        longer holds, and every bound row changed outside clawback, named (to a party, of the
        records it may know of only, by its names for them: ``audit_problems``)."""
        self.ctx.require(Act.verify_audit)
        keys = self.ctx.workspace.keys
        with self.ctx.transaction() as s:
            current = state.digests(s, keys)
            problems = audit.verify(
                s,
                keys,
                current=current,
                checkpoints=checkpoints,
                workspace=self.ctx.workspace.id,
                aliases=state.aliases(s, keys),
            )
            if s.scalar(select(t.AuditHead.seq)) in (None, 0):
                problems.append(
                    audit.Problem(0, "deleted", "the trail is empty: every entry was deleted")
                )
            return audit_problems.told(s, self.actor, _sides(self), problems)

    def entries(self, limit: int = 200) -> list[Entry]:
        """The latest entries of the trail, newest first, as this seat may read them: another
        party's reads and searches, and every entry about what the seat may not know of, only
        as withheld links, each read alike (``WITHHELD``: no who, when, path or reason)."""
        self.ctx.require(Act.read_audit)
        if not 1 <= limit <= 1000:
            raise InvalidInput(f"list 1 to 1000 entries, not {limit}")
        sides = _sides(self)
        with self.ctx.reading() as s:
            found = s.scalars(select(t.Audit).order_by(t.Audit.seq.desc()).limit(limit)).all()
            named = {name for row in found for name in _names(row.action, row.subject, row.detail)}
            unknown = self._unknown_names(s, named)
            partial = self._knows_less(s)
            listed = []
            for row in found:
                why = self._why(
                    sides, unknown, row.action, row.actor, row.subject, row.detail, partial
                )
                if why is None:
                    listed.append(
                        Entry(
                            row.seq, row.stamp, row.actor, row.path, row.action, row.subject, None
                        )
                    )
                else:
                    listed.append(Entry(row.seq, "", "", "", "withheld", "", WITHHELD))
            return listed

    def checkpoint(self) -> audit.Checkpoint:
        """A signed checkpoint of the chain as it stands: keep it outside, verify with it later."""
        self.ctx.require(Act.verify_audit)
        with self.ctx.transaction() as s:
            found = audit.checkpoint(s, self.ctx.workspace.keys, self.ctx.workspace.id)
            self.ctx.audit(s, "audit.checkpoint", f"entry {found.seq}", hash=found.hash)
            return found

    def export(self, out: Path, fmt: str = "jsonl") -> str:
        """Write the trail as a file a court can verify on its own; returns the chain head."""
        self.ctx.require(Act.export_audit)
        if fmt not in ("jsonl", "csv"):
            raise InvalidInput(f"audit export format must be jsonl or csv, not {fmt!r}")
        with self.ctx.transaction() as s:
            # Checked here, recorded below once written: a write that fails (a full disk)
            # leaves an earlier export in its place still clawback's own.
            target = delivery.outside(self.ctx.workspace.root, out)
            delivery.check_replaceable(s, target)
            self.ctx.audit(s, "audit.export", target.name)
        sides = _sides(self)
        with self.ctx.transaction() as s:
            unknown = self._unknown_names(s)
            # every document has a control number; another side's known ones are not hidden
            partial = self._knows_less(s)

        def withhold(entry: audit.Recorded) -> str | None:
            why = self._why(
                sides, unknown, entry.action, entry.actor, entry.subject, entry.detail, partial
            )
            return None if why is None else WITHHELD

        with self.ctx.transaction() as s:
            head = audit_export.export(
                s,
                target,
                fmt,
                keys=self.ctx.workspace.keys,
                workspace=self.ctx.workspace.id,
                withhold=withhold,
            )
            delivery.record(s, target, target.read_bytes())
        return head

    def _why(
        self,
        sides: dict[str, str],
        unknown: frozenset[str],
        action: str,
        actor: str,
        subject: str,
        detail: object,
        partial: bool,
    ) -> str | None:
        """Why an entry is withheld from this reader, or None: another party's reads and
        searches; an entry naming a document the reader may not know of (``unknown``); and,
        for a reader who may not know of every document (``partial``), another person's reads
        and searches even on the same side (counsel's "3 of 19 documents" tells an employee of
        the AEO ones), and a volume's counts and span (its document count and first-to-last
        Bates numbers tell how much it holds), whichever volume it is, so that which entries
        are withheld does not tell which volumes hold what the reader may not see."""
        found = _withheld(self.actor.seat, sides, action, actor)
        names = _names(action, subject, detail)
        found = found or (UNKNOWN if any(n in unknown for n in names) else None)
        person = subject if action.startswith(PERSON_SUBJECTS) else None
        person = actor if action.startswith(PERSON_ACTS) else person
        if found is None and person is not None and not self._lists(sides, person):
            found = UNLISTED
        mine = actor.split(" ", 1)[0] == self.actor.person.email
        if found is None and partial and action.startswith(WORK_PRODUCT) and not mine:
            found = WIDER
        if found is None and partial and action.startswith(VOLUME_COUNTS):
            found = COUNTS
        if found is None and partial and any(_numbered(n) for n in names):
            found = NUMBERED
        return found

    def _lists(self, sides: dict[str, str], who: str) -> bool:
        """Whether this reader may list the person ``who`` (an entry's actor, ``operator``
        or ``operator (preview as ...)`` the workspace's holder): the operator and the court
        every one, a party its own side's and the court's (``People.list``)."""
        return lookup.may_list(self.actor, who, sides)

    def _unknown_names(self, s: Session, among: set[str] | None = None) -> frozenset[str]:
        """The names of documents this actor may not know of (none for the operator and the
        court): every one, or those ``among`` the names given (what a listing's entries say:
        only the documents they name are read)."""
        if sees_everything(self.actor) or among == set():
            return frozenset()
        doc, page = t.Document, t.Page
        alias: dict[str, str] = {}
        if among is None or any(state.opaque(n) for n in among):
            alias = state.aliases(s, self.ctx.workspace.keys)
        if among is None:
            docs = s.scalars(select(doc)).all()
            stamps = select(page.document_id, page.bates).where(page.bates.is_not(None))
        else:
            ids = [_row(n) for n in among if _numbered(n)]
            ids += [_row(alias[n]) for n in among if n in alias]
            exhibits = [int(n[4:]) for n in among if EXHIBIT_NAME.fullmatch(n)]
            keys = [n[4:] for n in among if n.startswith("Ex. ")]  # "Ex. A", by its key
            dockets = [m.group(1) for n in among if (m := PAPER_NAME.fullmatch(n))]
            ids += list(_items(s, among).values())
            stamps = select(page.document_id, page.bates).where(
                type_coerce(page.bates, String).in_(among)
            )
            ids += [n for n, _ in s.execute(stamps)]
            docs = s.scalars(
                select(doc).where(
                    or_(
                        doc.id.in_(ids),
                        doc.control.in_(among),
                        doc.exhibit.in_(exhibits),
                        doc.exhibit_key.in_(keys),
                        doc.docket.in_(dockets),
                    )
                )
            ).all()
        volumes = _volumes(s)  # noqa: F841 - held, so each document's s.get finds its volume
        hidden = {d.id: d for d in docs if not lookup.allowed(s, self.actor, d, lookup.Need.know)}
        names = {d.control for d in hidden.values()} | {f"document:{d}" for d in hidden}
        names |= {
            n
            for n, key in alias.items()
            if key.startswith(("document:", "filing:")) and _row(key) in hidden
        }
        # A control number is its holding side's own (``lookup``): another side's tells how
        # many documents that side holds, produced or not, so an entry naming it is withheld;
        # so is one naming their own side's to a reader it is not given to, as it would count
        # documents their tier withholds (`control_names`).
        names |= {d.control for d in docs if control_names.named(self.actor, d) != d.control}
        names |= {f"Ex. {d.exhibit}" for d in hidden.values() if d.exhibit is not None}
        names |= {f"Ex. {d.exhibit_key}" for d in hidden.values() if d.exhibit_key is not None}
        names |= {f"ECF No. {d.docket}" for d in hidden.values() if d.docket is not None}
        names |= {f"item:{i}" for i, on in _items(s, among).items() if on in hidden}
        names |= _unknown_volumes(s, self.actor, among)
        names |= _unknown_claims(s, self.actor, among)
        names |= _unknown_deadlines(s, self.actor, among)
        ids = list(hidden)
        for chunk in range(0, len(ids), 500):
            of = stamps.where(page.document_id.in_(ids[chunk : chunk + 500]))
            names |= {str(b) for _, b in s.execute(of)}
        return frozenset(names if among is None else names & among)

    def _knows_less(self, s: Session) -> bool:
        """Whether there is a document this actor may not know of: among those they may not
        see (``access.visible``, in the query), read until the first."""
        if sees_everything(self.actor):
            return False
        unseen = (
            select(t.Document)
            .where(~access_rules.visible(self.actor))
            .execution_options(yield_per=200)
        )
        volumes = _volumes(s)  # noqa: F841 - held, so each document's s.get finds its volume
        return any(
            not lookup.allowed(s, self.actor, d, lookup.Need.know) for d in s.scalars(unseen)
        )


def _numbered(name: str) -> bool:
    """Whether ``name`` is a key by its row number (``document:3``), not an opaque name."""
    return ROW_NUMBERED.fullmatch(name) is not None and not state.opaque(name)


def _row(key: str) -> int:
    """The document's row a key names (``document:3``, ``filing:3/sealed``); -1 for none."""
    kind, _, rest = key.partition(":")
    number = rest.split("/", 1)[0]
    return int(number) if kind in ("document", "filing") and number.isdigit() else -1


def _volumes(s: Session) -> list[t.Production]:
    """Every production, loaded into the session: the session holds rows only while they are
    referenced, so without these each document's access check would read its volume again."""
    return list(s.scalars(select(t.Production)))


def _unknown_volumes(s: Session, actor: Actor, among: set[str] | None) -> set[str]:
    """``volume:<name>`` for each imported volume (of those ``among`` names, or every one)
    holding a record the actor may not know of."""
    query = select(t.ReceivedRecord.volume, t.Document).join(
        t.Document, t.Document.id == t.ReceivedRecord.document_id
    )
    if among is not None:
        wanted = [n.removeprefix("volume:") for n in among if n.startswith("volume:")]
        if not wanted:
            return set()
        query = query.where(t.ReceivedRecord.volume.in_(wanted))
    return {
        f"volume:{volume}"
        for volume, doc in s.execute(query)
        if not lookup.allowed(s, actor, doc, lookup.Need.know)
    }


def _items(s: Session, among: set[str] | None) -> dict[str, int]:
    """Each item (of those ``among`` names as ``item:<id>``, or every one) and the row of the
    document it is on."""
    query = select(t.Item.id, t.Item.document_id)
    if among is not None:
        wanted = [n.removeprefix("item:") for n in among if n.startswith("item:")]
        if not wanted:
            return {}
        query = query.where(t.Item.id.in_(wanted))
    return {item: document for item, document in s.execute(query)}


def _unknown_claims(s: Session, actor: Actor, among: set[str] | None) -> set[str]:
    """``claim:<id>`` for each claim (of those ``among`` names, or every one) the actor may
    not know of (``lookup.claim``'s rule)."""
    wanted = None
    if among is not None:
        wanted = [n.removeprefix("claim:") for n in among if n.startswith("claim:")]
        if not wanted:
            return set()
    return {f"claim:{c}" for c in lookup.unknown_claims(s, actor, wanted)}


def _unknown_deadlines(s: Session, actor: Actor, among: set[str] | None) -> set[str]:
    """``deadline:<n>`` for each deadline (of those ``among`` names, or every one) the actor's
    deadlines do not list (``lookup.deadline_shown``'s rule)."""
    query = select(t.Deadline)
    if among is not None:
        wanted = [n.removeprefix("deadline:") for n in among if n.startswith("deadline:")]
        numbers = [int(n[1:]) for n in wanted if n.startswith("#") and n[1:].isdigit()]
        refs = [n for n in wanted if not n.startswith("#")]
        if not numbers and not refs:
            return set()
        query = query.where(or_(t.Deadline.id.in_(numbers), t.Deadline.ref.in_(refs)))
    known = lookup.known_exhibits(s, actor)
    hidden = lookup.unknown_claims(s, actor, exhibits=known)
    return {
        name
        for row in s.scalars(query)
        if not lookup.deadline_shown(s, actor, row, known, hidden)
        for name in (f"deadline:#{row.id}", f"deadline:{row.ref}")
    }


def _names(action: str, subject: str, detail: object) -> list[str]:
    """The names an entry gives documents and claims by, in its subject or its detail (the
    export carries the detail: a text in it, an exhibit number under an exhibit key, a claim's
    id under ``claim``)."""
    names: list[str] = NAMES.findall(subject or "") + _bates_names(subject or "")
    if action.startswith(CLAIM_SUBJECTS) and action != CLAIM_NOTICE:
        names.append(f"claim:{subject}")
    if isinstance(detail, dict) and isinstance(detail.get("claim"), str):
        names.append(f"claim:{detail['claim']}")
    if isinstance(detail, dict) and type(detail.get("challenge")) is int:  # before 0027
        names.append(f"challenge:#{detail['challenge']}")
    if action.startswith(PERSON_ACTS) and (number := TOKEN_NUMBER.fullmatch(subject or "")):
        names.append(f"token:#{number.group(1)}")
    if action in VOLUME_RECORDS and isinstance(detail, dict) and "volume" in detail:
        names.append(f"volume:{detail['volume']}")
    if action in DEADLINE_SUBJECTS:
        said = subject.removeprefix("deadline ")
        names.append(f"deadline:{said}" if said != subject else f"deadline:#{subject}")
    if isinstance(detail, dict):  # an order's deadlines, or those a closure moved, by number
        for key in DEADLINE_KEYS:
            found = detail.get(key)
            if isinstance(found, list):
                names += [
                    f"deadline:#{n}" if isinstance(n, int) else f"deadline:{n}"
                    for n in found
                    if isinstance(n, int | str) and not isinstance(n, bool)
                ]
    said = canonical(detail).decode("utf-8", "replace")
    names += NAMES.findall(said) + STATE_KEYS.findall(said) + _bound(detail)
    names += _bates_names(said)
    names += [f"Ex. {n}" for n in _exhibit_numbers(detail)]
    names += [f"ECF No. {d}" for d in _paper_entries(detail)]
    names += _exhibits_in_words(f"{subject or ''}\n{said}")
    return names


def _exhibits_in_words(words: str) -> list[str]:
    """The exhibits words a person wrote name as an order does ("Exhibit 2", "Exs. A-C": a
    move's note, the court's reason), each as ``Ex. <key>`` (`ExhibitId.canonical`): before,
    only ``Ex. 2`` was read, and a note "Exhibit 2 preserved in the vault" reached a reader
    beyond its tier."""
    found = []
    for label, _ in find_exhibits(words):
        try:
            found.append(f"Ex. {ExhibitId.parse(label).canonical}")
        except InvalidInput:
            continue
    return found


def _bates_names(said: str) -> list[str]:
    """Every Bates number ``said`` may hold, however its prefix joins its words: by ``-``,
    ``_`` or ``.`` (``BATES_NAME``), or by spaces, read as each run of up to ``SPACED_WORDS``
    words ending in a word that ends in digits (a run that names no page is looked up in vain).
    Before, only hyphens were read: ``file.sealed AOL_DEF_000002`` named a hidden page."""
    names = BATES_NAME.findall(said)
    words = [w.strip("'()[]{},;:.") for w in re.split(r'[\s"/]+', said)]
    for end, word in enumerate(words):
        if not word[-1:].isdigit():
            continue
        for start in range(max(0, end - SPACED_WORDS + 1), end):
            run = " ".join(words[start : end + 1])
            if _spells_bates(run):
                names.append(run)
    return names


def _spells_bates(run: str) -> bool:
    """Whether ``run`` is a Bates number as it is written on a page."""
    try:
        return str(BatesNumber.parse(run)) == run
    except BatesError:
        return False


def _bound(detail: object) -> list[str]:
    """The names of what the keys of a detail's ``state`` bind by a name of their own (not
    opaque, ``service.state.named``): ``seal:<motion>/<exhibit>`` an exhibit, ``claim:<id>``
    a claim, ``item:<id>`` an item (withheld with its document). A seal ruling denied on Exs. 1
    and 2 (``sealed: []``) bound ``seal:90/2``: shown, it named Ex. 2 to a reader beyond its
    tier."""
    bound = detail.get("state") if isinstance(detail, dict) else None
    names: list[str] = []
    for key in bound if isinstance(bound, dict) else ():
        kind, _, rest = str(key).partition(":")
        exhibit = rest.rsplit("/", 1)[-1]
        if kind == "seal" and exhibit.isdigit():
            names.append(f"Ex. {int(exhibit)}")
        elif kind in ("claim", "item"):
            names.append(f"{kind}:{rest}")
    return names


def _paper_entries(value: object, key: str = "") -> list[str]:
    """The docket entries a detail gives under a key that holds filed papers (``papers``,
    ``papers_sealed``), at any depth."""
    if isinstance(value, dict):
        return [d for k, v in value.items() for d in _paper_entries(v, str(k))]
    if isinstance(value, list | tuple):
        return [d for v in value for d in _paper_entries(v, key)]
    if isinstance(value, str) and key in PAPER_KEYS:
        return [value]
    return []


def _exhibit_numbers(value: object, key: str = "") -> list[int]:
    """The whole numbers a detail gives under a key that holds exhibits (``exhibit``,
    ``exhibits``, ``sealed`` ...), at any depth."""
    if isinstance(value, dict):
        return [n for k, v in value.items() for n in _exhibit_numbers(v, str(k))]
    if isinstance(value, list | tuple):
        return [n for v in value for n in _exhibit_numbers(v, key)]
    if isinstance(value, int) and not isinstance(value, bool) and key in EXHIBIT_KEYS:
        return [value]
    return []


def _withheld(seat: Side, sides: dict[str, str], action: str, actor: str) -> str | None:
    """Why an entry is withheld from ``seat`` (another party's reads and searches), or None."""
    if seat in (Side.operator, Side.court) or not action.startswith(WORK_PRODUCT):
        return None
    side = sides.get(actor.split(" ", 1)[0])
    if side is None or side in (seat.value, Side.court.value):
        return None
    return f"work product of the {side} side"


def _sides(service: Service) -> dict[str, str]:
    """Each seated person's side, by e-mail (the operator's entries are the producing side's)."""
    with service.ctx.reading() as s:
        found = {p.email: p.side for p in s.query(t.Person).all()}
    found.setdefault("operator", Side.producing.value)
    return found
