"""The way in: log-in, sessions, API tokens, and the acknowledgment signed before any document.

``Gate(workspace)`` stands before the record. ``login`` checks a password (argon2id) and, where
the protective order requires it, a one-time code (TOTP, each code once), refuses unheard
while an account or an address has failed too often (``domain.accounts.throttled``), audits
every attempt (never the password), and opens a new session: a fresh random id, of which only
the SHA-256 is kept, with its own CSRF token and a fixed expiry. ``visitor`` reads a session
back; ``record`` gives the ``Record`` of the person once nothing is pending (a person seated
with a party signs the order's acknowledgment in the app first: ``sign_undertaking``);
``bearer`` does the same for an API token. Every failure reads the same whatever failed
(unknown address, wrong password, wrong code), so a guess learns nothing.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pyotp
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from clawback.domain import actor as actors
from clawback.domain.accounts import (
    MAX_FAILURES_PER_ADDRESS,
    SESSION_LIFETIME,
    THROTTLE_WINDOW,
    disabled,
    second_factor_required,
    signs_undertaking,
    throttle_address,
    throttled,
)
from clawback.domain.actor import Via
from clawback.domain.errors import ClawbackError, InvalidInput
from clawback.domain.order import Person, ProtectiveOrder, Side, order_from_data
from clawback.domain.seats import Act
from clawback.service import rows
from clawback.service.accounts import HASHER, now, token_digest
from clawback.service.context import Context
from clawback.storage import tables as t

if TYPE_CHECKING:
    from clawback.service.facade import Record
    from clawback.service.workspace import Workspace

FAILED = "wrong e-mail address, password or one-time code"
UNDERTAKING = "undertaking"
NO_FACTOR = "no second factor set up"
#: Past an address's limit, how often one of its refused attempts is written (row and audit).
REFUSALS_WRITTEN_EVERY = timedelta(minutes=1)
NO_FACTOR_LINE = "this login needs a second factor: ask the operator to set up your login again"


class NotAuthenticated(ClawbackError):
    """No session, an ended one, a revoked token, or a failed log-in."""


class Throttled(NotAuthenticated):
    """Too many failed log-ins for this account or from this address: refused unheard."""


class UndertakingUnsigned(NotAuthenticated):
    """The protective order's acknowledgment is to be signed before any document shows."""


@dataclass(frozen=True)
class Opened:
    """A session just opened: the cookie's value (shown to the browser only) and its CSRF token."""

    token: str
    csrf: str
    email: str
    expires_at: datetime


@dataclass(frozen=True)
class Visitor:
    """Who a session belongs to, and what they must do before the record opens to them."""

    email: str
    name: str
    csrf: str
    expires_at: datetime
    pending: tuple[str, ...]
    #: The person as seated and the protective order in force, read once with the session for
    #: this request: its record and its pages take them from here, never read again (nor kept
    #: beyond the request).
    seat: Person
    order: ProtectiveOrder | None


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


class Gate:
    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._dummy = HASHER.hash(secrets.token_urlsafe(16))  # a hash to check unknown names on

    # -- logging in ----------------------------------------------------------------------------

    def login(
        self, email: str, password: str, code: str, address: str, via: Via = Via.web
    ) -> Opened:
        """Open a session for a seated person with a login, or refuse in one line."""
        key = "".join(c for c in email.strip().lower() if c.isprintable())[:200] or "(blank)"
        counted = throttle_address(address)
        address = address[:64] or "unknown"
        ctx = self._context(key, via)
        at = now()
        refusal: ClawbackError | None = None
        opened: Opened | None = None
        with ctx.transaction() as s:
            _one_attempt_at_a_time(s, key, counted)
            since = at - THROTTLE_WINDOW
            from_address = self._failures(s, since, counted)
            if throttled(self._failures(s, since, email=key), from_address):
                # refused unheard, each attempt costs next to nothing: past its own limit, an
                # address's refusals are written once a minute, not each (the trail is for good)
                if from_address < MAX_FAILURES_PER_ADDRESS or not self._tried_since(
                    s, at - REFUSALS_WRITTEN_EVERY, counted
                ):
                    s.add(t.LoginAttempt(at=at, email=key, address=counted, ok=False))
                    ctx.audit(s, "login.throttled", key, address=address)
                refusal = Throttled("too many failed log-ins: wait 15 minutes and try again")
            else:
                reason = self._check(s, ctx, key, password, code, at)
                s.add(t.LoginAttempt(at=at, email=key, address=counted, ok=reason is None))
                if reason is None:
                    opened = self._open(s, key, at)
                    ctx.audit(s, "login", key, address=address)
                else:
                    ctx.audit(s, "login.failed", key, address=address, reason=reason)
                    refusal = NotAuthenticated(FAILED if reason != NO_FACTOR else NO_FACTOR_LINE)
        if refusal is not None:
            raise refusal
        assert opened is not None
        return opened

    def _check(
        self, s: Session, ctx: Context, key: str, password: str, code: str, at: datetime
    ) -> str | None:
        """Why the attempt fails (for the audit trail), or None when it succeeds."""
        account = s.get(t.Account, key)
        if account is None:
            _verify(self._dummy, password)  # the same time spent as on a real account
            return "unknown"
        if disabled(account.password_hash):
            _verify(self._dummy, password)  # told apart from a wrong password by nothing
            return "disabled"
        if not _verify(account.password_hash, password):
            return "password"
        if not second_factor_required(rows.protective_order(s), ctx.actor):
            return None
        if account.totp_secret is None:
            return NO_FACTOR
        try:
            secret = ctx.workspace.keys.unseal(account.totp_secret, key)
        except ClawbackError:
            return "sealed secret"  # sealed under another key, or moved from another login
        step = _totp_step(secret, code, at, account.totp_last)
        if step is None:
            return "code"
        account.totp_last = step
        return None

    def _open(self, s: Session, key: str, at: datetime) -> Opened:
        s.execute(delete(t.WebSession).where(t.WebSession.expires_at <= at))
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        expires = at + SESSION_LIFETIME
        s.add(
            t.WebSession(
                digest=_digest(token), email=key, csrf=csrf, created_at=at, expires_at=expires
            )
        )
        return Opened(token, csrf, key, expires)

    @staticmethod
    def _failures(s: Session, since: datetime, address: str = "", email: str = "") -> int:
        query = select(func.count()).select_from(t.LoginAttempt)
        query = query.where(t.LoginAttempt.at >= since, t.LoginAttempt.ok.is_(False))
        if email:
            query = query.where(t.LoginAttempt.email == email)
        else:
            query = query.where(t.LoginAttempt.address == address)
        return int(s.scalar(query) or 0)

    @staticmethod
    def _tried_since(s: Session, since: datetime, address: str) -> bool:
        query = select(t.LoginAttempt.id).where(
            t.LoginAttempt.address == address, t.LoginAttempt.at >= since
        )
        return s.scalar(query.limit(1)) is not None

    def logout(self, token: str | None) -> None:
        """End the session (nothing happens for an unknown one)."""
        if not token:
            return
        with self.workspace.sessions() as s:
            row = s.get(t.WebSession, _digest(token))
            email = row.email if row is not None else None
        if email is None:
            return
        ctx = self._context(email, Via.web)
        with ctx.transaction() as s:
            s.execute(delete(t.WebSession).where(t.WebSession.digest == _digest(token)))
            ctx.audit(s, "logout", email)

    # -- who is asking ------------------------------------------------------------------------

    def visitor(self, token: str | None) -> Visitor:
        """The person a session cookie belongs to, while the session lasts."""
        if not token:
            raise NotAuthenticated("log in first")
        with self.workspace.readers() as s:
            row = s.get(t.WebSession, _digest(token))
            if row is None or row.expires_at <= now():
                raise NotAuthenticated("your session has ended: log in again")
            return self._visitor(s, row.email, row.csrf, row.expires_at)

    def _visitor(self, s: Session, email: str, csrf: str, expires: datetime) -> Visitor:
        account = s.get(t.Account, email)
        person = s.get(t.Person, email)
        if account is None or person is None or disabled(account.password_hash):
            raise NotAuthenticated("your session has ended: log in again")
        seat = Person(
            person.email, person.name, Side(person.side), person.category, person.acknowledged
        )
        matter = s.get(t.Matter, 1)
        order = order_from_data(matter.order) if matter is not None else None
        if account.totp_secret is None and second_factor_required(
            order, actors.actor(seat, order, Via.web)
        ):
            # seated since where the order asks a code this login never had: what a password
            # alone opened (a session, a token) reaches nothing the code guards
            raise NotAuthenticated(NO_FACTOR_LINE)
        unsigned = signs_undertaking(seat) and account.undertaking_signed_at is None
        pending = (UNDERTAKING,) if unsigned else ()
        return Visitor(email, person.name, csrf, expires, pending, seat, order)

    def record(self, visitor: Visitor, via: Via = Via.web) -> Record:
        """The record as the visitor reaches it, once nothing is pending."""
        if UNDERTAKING in visitor.pending:
            raise UndertakingUnsigned(
                "sign the protective order's acknowledgment before any document shows"
            )
        return self.workspace.record(actors.actor(visitor.seat, visitor.order, via))

    def bearer(self, token: str | None) -> Record:
        """The record as the holder of this API token reaches it."""
        if not token:
            raise NotAuthenticated("an API token is needed: Authorization: Bearer TOKEN")
        with self.workspace.readers() as s:
            row = s.scalar(select(t.ApiToken).where(t.ApiToken.digest == token_digest(token)))
            if row is None or row.revoked_at is not None:
                raise NotAuthenticated("not a valid API token")
            visitor = self._visitor(s, row.email, "", datetime.max)
        return self.record(visitor, Via.api)

    # -- the acknowledgment --------------------------------------------------------------------

    def undertaking(self, visitor: Visitor) -> str:
        """The acknowledgment the visitor signs, in the words of this case."""
        with self.workspace.sessions() as s:
            matter = rows.matter(s)
            order = rows.protective_order(s)
        docket = f" (Dkt. {order.docket})" if order.docket else ""
        return (
            f"I, {visitor.name}, declare that I have read the protective order{docket} entered "
            f"in {matter.caption}, No. {matter.number} ({matter.court}), and that I understand "
            "it. I agree to be bound by it and submit to that court's jurisdiction to enforce "
            "it. I will use material designated under it only for this case, will disclose it "
            "to no one the order does not permit, and know that breaking the order may be "
            "punished as contempt of court."
        )

    def sign_undertaking(self, visitor: Visitor, signature: str, agreed: bool) -> None:
        """Record the visitor's signed acknowledgment: they agree, and type their full name."""
        typed = " ".join(signature.split())
        if not agreed:
            raise InvalidInput("tick the box to agree to be bound by the protective order")
        if typed.casefold() != " ".join(visitor.name.split()).casefold():
            raise InvalidInput(f"type your full name as seated ({visitor.name}) to sign")
        ctx = self._context(visitor.email, Via.web)
        ctx.require(Act.sign_undertaking)
        with ctx.transaction() as s:
            account = s.get(t.Account, visitor.email)
            person = s.get(t.Person, visitor.email)
            if account is None or person is None:
                raise NotAuthenticated("your session has ended: log in again")
            if account.undertaking_signed_at is None:
                account.undertaking_signed_at = now()
                account.undertaking_signature = typed
                person.acknowledged = True
                ctx.audit(s, "person.acknowledge", visitor.email, signed_in="the app")

    # -- helpers -------------------------------------------------------------------------------

    def _context(self, key: str, via: Via) -> Context:
        """The context an attempt is audited in: the seated person, or a stand-in named by the
        address typed (who is asking, before anyone is known)."""
        with self.workspace.sessions() as s:
            row = s.get(t.Person, key)
            matter = s.get(t.Matter, 1)
            order = rows.protective_order(s) if row is not None and matter is not None else None
        if row is not None:
            person = Person(row.email, row.name, Side(row.side), row.category, row.acknowledged)
        else:
            person = Person(key, "someone logging in", Side.public, "public")
        return Context(self.workspace, actors.actor(person, order, via))


def _one_attempt_at_a_time(s: Session, key: str, address: str) -> None:
    """Hold this account's and this address's attempts apart until this one is written.

    Without it, attempts sent at once (from several server processes) on PostgreSQL each count
    the failures before any other has written its own, and every one is heard: twelve guesses
    at once went past a limit of five. A lock per account and per address (PostgreSQL's
    advisory locks, held to the end of the transaction, taken in one order so two attempts
    never wait on each other) makes the next attempt count this one, and read the one-time
    code it used. SQLite's ``BEGIN IMMEDIATE`` already has one writer at a time."""
    if s.get_bind().dialect.name != "postgresql":
        return
    for lock in sorted({_lock_id(f"login:{key}"), _lock_id(f"address:{address}")}):
        s.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": lock})


def _lock_id(name: str) -> int:
    """A signed 64-bit advisory lock number for ``name``."""
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big", signed=True)


def _verify(hashed: str, password: str) -> bool:
    try:
        return bool(HASHER.verify(hashed, password))
    except (VerificationError, InvalidHashError):
        return False


def _totp_step(secret: str, code: str, at: datetime, last: int | None) -> int | None:
    """The time step a code belongs to (this one, or one either side for clock drift), if it
    is right and later than the last code used."""
    typed = "".join(code.split())
    # ASCII digits only: others pass isdigit (Arabic-Indic, superscripts) and compare_digest
    # raised on them, a fault that answered apart from a wrong code, and counted nothing
    if not (typed.isascii() and typed.isdigit() and len(typed) == 6):
        return None
    totp = pyotp.TOTP(secret)
    moment = at.replace(tzinfo=UTC)
    for offset in (0, -1, 1):
        when = moment + timedelta(seconds=offset * totp.interval)
        step = int(totp.timecode(when))
        if (last is None or step > last) and secrets.compare_digest(totp.at(when), typed):
            return step
    return None
