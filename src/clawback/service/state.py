"""The rows that grant or show something, bound to the audit trail so an edit outside clawback
is caught.

Each such row belongs to one *key*: ``document:<id>`` (the document's access columns and
designations, and every page's Bates number, text and redacted text), ``item:<id>``,
``claim:<id>``, ``ruling:<claim>``, ``seal:<motion>/<exhibit>``, ``filing:<document>/<kind>``,
``person:<email>``, ``account:<email>`` (a login: password hash, TOTP secret, the
acknowledgment signed in the app), ``token:<id>`` (an API token's hash) and ``matter`` (the
protective order). When a transaction changes rows of a key, the digest of the key's rows as
they stand at commit goes into the transaction's last audit entry (``detail["state"]``);
``audit verify`` computes every digest again and compares. A digest is an HMAC under the
audit key, so it says nothing of the text to anyone without it.

A key whose name is a row number (``document``, ``ruling``, ``token``, ``filing``: counters
every side shares) is written into the trail by :func:`named`, an HMAC of it under the audit
key (``document:5f0c...``): ``document:1`` and ``document:3`` in a party's export told it of a
document between them it may not know of. ``audit verify`` reads both forms (entries written
before this bound the row numbers) through :func:`aliases`, and names a record by its row.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker

from clawback.storage import tables as t
from clawback.storage.audit import canonical
from clawback.storage.keys import AuditKeys

DELETED = "deleted"
#: The kinds of key named by a row number, written into the trail opaquely (``named``).
COUNTED = ("document", "ruling", "token", "filing")
#: How long an opaque name's HMAC is, in hex digits.
_NAME_LENGTH = 20
_HEX = frozenset("0123456789abcdef")
_TOUCHED = "clawback.touched"


def key_of(row: object) -> str | None:
    """The key a row belongs to, or None for rows that grant and show nothing."""
    if isinstance(row, t.Document):
        return f"document:{row.id}"
    if isinstance(row, t.Page | t.Designation):
        return f"document:{row.document_id}"
    if isinstance(row, t.Item):
        return f"item:{row.id}"
    if isinstance(row, t.Claim):
        return f"claim:{row.id}"
    if isinstance(row, t.Ruling):
        return f"ruling:{row.id}"
    if isinstance(row, t.SealDecision):
        return f"seal:{row.motion}/{row.exhibit}"
    if isinstance(row, t.Filing):
        return f"filing:{row.document_id}/{row.kind}"
    if isinstance(row, t.Person):
        return f"person:{row.email}"
    if isinstance(row, t.Account):
        return f"account:{row.email}"
    if isinstance(row, t.ApiToken):
        return f"token:{row.id}"
    if isinstance(row, t.Matter):
        return "matter"
    return None


def named(keys: AuditKeys, key: str) -> str:
    """The name the trail binds ``key`` under: a counted key (``document:3``) as an HMAC of it
    under the audit key, so a reader without the key learns no row number; others as they are."""
    kind = key.split(":", 1)[0]
    if kind not in COUNTED:
        return key
    mac = keys.mac(b"state-key\x00" + key.encode())
    return f"{kind}:{mac[:_NAME_LENGTH]}"


def opaque(name: str) -> bool:
    """Whether ``name`` is a counted key's opaque name (``document:5f0c...``)."""
    kind, _, rest = name.partition(":")
    return kind in COUNTED and len(rest) == _NAME_LENGTH and all(c in _HEX for c in rest)


def aliases(session: Session, keys: AuditKeys) -> dict[str, str]:
    """Each counted key in the record by its opaque name: ``{named(key): key}``."""
    found = [f"document:{i}" for i in session.scalars(select(t.Document.id))]
    found += [f"ruling:{i}" for i in session.scalars(select(t.Ruling.id))]
    found += [f"token:{i}" for i in session.scalars(select(t.ApiToken.id))]
    found += [key_of(row) or "" for row in session.scalars(select(t.Filing))]
    return {named(keys, key): key for key in found}


def track(sessions: sessionmaker[Session]) -> None:
    """Collect, on every flush of a session ``sessions`` makes, the keys whose rows change."""
    event.listen(sessions, "after_flush", _collect)


def touched(session: Session) -> set[str]:
    found: set[str] = session.info.get(_TOUCHED, set())
    return found


def _collect(session: Session, _context: Any) -> None:
    keys: set[str] = session.info.setdefault(_TOUCHED, set())
    for row in [*session.new, *session.dirty, *session.deleted]:
        if row in session.dirty and not session.is_modified(row):
            continue
        key = key_of(row)
        if key is not None:
            keys.add(key)


def digests(session: Session, keys: AuditKeys, only: Iterable[str] | None = None) -> dict[str, str]:
    """Each key's digest as the rows stand (``DELETED`` for a key whose rows are gone); every
    key in the record when ``only`` is None."""
    wanted = None if only is None else set(only)
    values: dict[str, Any] = {}
    for key, value in _values(session, wanted):
        values[key] = value
    result = {k: keys.mac(canonical(v)) for k, v in values.items()}
    for key in wanted or ():
        result.setdefault(key, DELETED)
    return result


def _values(session: Session, wanted: set[str] | None) -> Iterable[tuple[str, Any]]:
    def ids(kind: str) -> list[str] | None:
        if wanted is None:
            return None
        return [k.split(":", 1)[1] for k in wanted if k.startswith(kind + ":")]

    doc_ids = ids("document")
    if doc_ids is None or doc_ids:
        yield from _documents(session, None if doc_ids is None else [int(i) for i in doc_ids])
    simple: list[tuple[str, Any, Any, Any]] = [
        ("item", t.Item, t.Item.id, _item),
        ("claim", t.Claim, t.Claim.id, _claim),
        ("ruling", t.Ruling, t.Ruling.id, _ruling),
        ("person", t.Person, t.Person.email, _person),
        ("account", t.Account, t.Account.email, _account),
        ("token", t.ApiToken, t.ApiToken.id, _token),
    ]
    for kind, table, column, shape in simple:
        chosen = ids(kind)
        if chosen is not None and not chosen:
            continue
        query = select(table)
        if chosen is not None:
            typed = [int(c) for c in chosen] if kind in ("token", "ruling") else chosen
            query = query.where(column.in_(typed))
        for row in session.scalars(query):
            yield key_of(row) or "", shape(row)
    if wanted is None or any(k.startswith("seal:") for k in wanted):
        for row in session.scalars(select(t.SealDecision)):
            key = key_of(row) or ""
            if wanted is None or key in wanted:
                shown = [row.sealed, row.standard, row.reason, _day(row.unseal_on)]
                if row.part or row.condition:  # sealed in part, on a condition (0018)
                    shown += [row.part, row.condition]
                yield key, shown
    if wanted is None or any(k.startswith("filing:") for k in wanted):
        for row in session.scalars(select(t.Filing)):
            key = key_of(row) or ""
            if wanted is None or key in wanted:
                yield key, [row.blob, list(row.redacted)]
    if wanted is None or "matter" in wanted:
        matter = session.get(t.Matter, 1)
        if matter is not None:
            yield "matter", [matter.number, matter.court, matter.caption, matter.order]


def _documents(session: Session, chosen: list[int] | None) -> Iterable[tuple[str, Any]]:
    query = select(t.Document).order_by(t.Document.id)
    if chosen is not None:
        query = query.where(t.Document.id.in_(chosen))
    docs = list(session.scalars(query))
    if not docs:
        return
    wanted = [d.id for d in docs]
    pages: dict[int, list[Any]] = {}
    for p in session.execute(
        select(
            t.Page.document_id, t.Page.idx, t.Page.bates, t.Page.text, t.Page.redacted_text
        ).where(t.Page.document_id.in_(wanted))
    ):
        pages.setdefault(p[0], []).append([p[1], str(p[2]) if p[2] else None, p[3], p[4]])
    marks: dict[int, list[Any]] = {}
    for d in session.scalars(
        select(t.Designation)
        .where(t.Designation.document_id.in_(wanted))
        .order_by(t.Designation.id)
    ):
        marks.setdefault(d.document_id, []).append([d.tier, d.note, _day(d.on)])
    for doc in docs:
        yield (
            f"document:{doc.id}",
            {
                "control": doc.control,
                "exhibit": doc.exhibit,
                "held_by": doc.held_by,
                "tier": doc.tier,
                "access": [doc.sequestered, doc.withheld, doc.sealed, doc.public_filed],
                "public": doc.publicly_available,
                "original": doc.original,
                "produced": doc.produced,
                "designations": marks.get(doc.id, []),
                "pages": sorted(pages.get(doc.id, []), key=lambda p: p[0]),
            },
        )


def _item(row: t.Item) -> Any:
    return [row.document_id, row.page_idx, list(row.texts), row.whole_page, row.rect]


def _claim(row: t.Claim) -> Any:
    return [row.privilege, list(row.exhibits), list(row.items), row.state]


def _ruling(row: t.Ruling) -> Any:
    return [row.claim_id, row.result, list(row.items), row.reason, _day(row.on)]


def _person(row: t.Person) -> Any:
    return [row.side, row.category, row.acknowledged]


def _account(row: t.Account) -> Any:
    signed = row.undertaking_signed_at.isoformat() if row.undertaking_signed_at else None
    return [row.password_hash, row.totp_secret, signed, row.undertaking_signature]


def _token(row: t.ApiToken) -> Any:
    revoked = row.revoked_at.isoformat() if row.revoked_at else None
    return [row.email, row.digest, revoked]


def _day(value: Any) -> str | None:
    return value.isoformat() if value is not None else None
