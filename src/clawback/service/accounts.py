"""Logins for seated people, and their API tokens.

The operator (or a producing-side or court seat) sets up a login for someone already seated
(``invite``): a password (given, or made here and shown once), hashed with argon2id, and a TOTP
secret where the protective order requires a second factor for that person
(``domain.accounts.second_factor_required``). Inviting again replaces both and ends the
person's sessions. ``disable`` shuts a login without a new password: its sessions end, its API
tokens are revoked, and a log-in is refused as a wrong password is; ``enable`` opens it again.
Each person holds their own API tokens: a token is shown once, when made, and only its SHA-256
is kept. Logging in, sessions and the acknowledgment signed in the app are ``service.gate``.
"""

from __future__ import annotations

import hashlib
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime

import pyotp
from argon2 import PasswordHasher
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from clawback.domain import actor as actors
from clawback.domain.accounts import (
    DISABLED,
    MAX_TOKENS,
    check_password,
    disabled,
    second_factor_required,
)
from clawback.domain.actor import Via
from clawback.domain.errors import InvalidInput, NotFound, RuleViolation
from clawback.domain.order import Person, ProtectiveOrder, Side
from clawback.domain.public_refs import parse_ref
from clawback.domain.seats import Act
from clawback.service import rows
from clawback.service.base import Service
from clawback.storage import tables as t

#: argon2id with the library's defaults (RFC 9106's second recommended setting).
HASHER = PasswordHasher()
TOKEN_PREFIX = "cbt_"
ISSUER = "clawback"


@dataclass(frozen=True)
class Invitation:
    """What the invited person is given, once: their password and, where the order requires a
    second factor, the TOTP secret (and its ``otpauth://`` address for an authenticator app)."""

    email: str
    password: str
    totp_secret: str | None
    totp_uri: str | None


@dataclass(frozen=True)
class Token:
    """One of a person's API tokens, as listed (never the token itself)."""

    ref: str  # domain.public_refs: never the row's number, which counts everyone's tokens
    name: str
    created_at: datetime
    revoked: bool


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def newly_guarded(
    before: ProtectiveOrder | None, was: Person, after: ProtectiveOrder | None, now_: Person
) -> bool:
    """Whether the order asks a second factor of the person as seated now (under ``after``)
    that it did not ask as they were seated before (under ``before``): what they opened then
    with a password alone is no way past the code their seat now asks."""
    return not second_factor_required(
        before, actors.actor(was, before, Via.web)
    ) and second_factor_required(after, actors.actor(now_, after, Via.web))


def end_logins(s: Session, email: str) -> int:
    """End the sessions of ``email``'s login and revoke its API tokens; how many tokens."""
    s.execute(delete(t.WebSession).where(t.WebSession.email == email))
    live = s.scalars(
        select(t.ApiToken).where(t.ApiToken.email == email, t.ApiToken.revoked_at.is_(None))
    ).all()
    for token in live:
        token.revoked_at = now()
    return len(live)


class Accounts(Service):
    def invite(self, email: str, password: str | None = None) -> Invitation:
        """Set up (or set up again) the login of a seated person: set up again, its sessions
        end and its API tokens are revoked."""
        self.ctx.require(Act.invite)
        chosen = password if password is not None else secrets.token_urlsafe(15)
        check_password(chosen)
        key = email.strip().lower()
        with self.ctx.transaction() as s:
            row = s.get(t.Person, key)
            if row is None:
                raise NotFound(f"no person {email!r} in this workspace: add them with people add")
            person = Person(row.email, row.name, Side(row.side), row.category, row.acknowledged)
            order = rows.protective_order(s)
            seen = actors.actor(person, order, self.actor.via)
            secret = pyotp.random_base32() if second_factor_required(order, seen) else None
            account = s.get(t.Account, key) or t.Account(email=key, created_at=now())
            if account.password_hash and disabled(account.password_hash):
                raise RuleViolation(f"{key}'s login is disabled: enable it first (people enable)")
            account.password_hash = HASHER.hash(chosen)
            kept = self.ctx.workspace.keys.seal(secret, key) if secret is not None else None
            account.totp_secret, account.totp_last = kept, None
            s.add(account)
            # set up again (a login thought stolen): what the old login made stops working
            revoked = end_logins(s, key)
            self.ctx.audit(
                s, "account.invite", key, second_factor=secret is not None, revoked=revoked
            )
        uri = pyotp.TOTP(secret).provisioning_uri(name=key, issuer_name=ISSUER) if secret else None
        return Invitation(key, chosen, secret, uri)

    def disable(self, email: str) -> int:
        """Disable a seated person's login at once: its sessions end, its API tokens are
        revoked, and a log-in is refused exactly as a wrong password is. Returns how many
        tokens were revoked (a login disabled already: 0, nothing changed)."""
        self.ctx.require(Act.invite)
        with self.ctx.transaction() as s:
            account = self._login_of(s, email)
            if disabled(account.password_hash):
                return 0
            account.password_hash = DISABLED + account.password_hash
            revoked = end_logins(s, account.email)
            self.ctx.audit(s, "account.disable", account.email, revoked=revoked)
            return revoked

    def enable(self, email: str) -> bool:
        """Open a disabled login again, with the password it had (its sessions and tokens stay
        ended); False if it was not disabled."""
        self.ctx.require(Act.invite)
        with self.ctx.transaction() as s:
            account = self._login_of(s, email)
            if not disabled(account.password_hash):
                return False
            account.password_hash = account.password_hash.removeprefix(DISABLED)
            self.ctx.audit(s, "account.enable", account.email)
            return True

    def _login_of(self, s: Session, email: str) -> t.Account:
        key = email.strip().lower()
        if s.get(t.Person, key) is None:
            raise NotFound(f"no person {email!r} in this workspace")
        account = s.get(t.Account, key)
        if account is None:
            raise NotFound(f"{key} has no login: set one up with people invite")
        return account

    def new_token(self, name: str) -> str:
        """A new API token for the person asking, shown this once."""
        self.ctx.require(Act.hold_tokens)
        label = " ".join(name.split())
        if not 1 <= len(label) <= 100 or any(unicodedata.category(c)[0] == "C" for c in label):
            raise InvalidInput("name the token (1 to 100 characters, none a control character)")
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with self.ctx.transaction() as s:
            email = self._account(s).email
            held = s.scalar(
                select(func.count())
                .select_from(t.ApiToken)
                .where(t.ApiToken.email == email, t.ApiToken.revoked_at.is_(None))
            )
            if (held or 0) >= MAX_TOKENS:
                raise RuleViolation(f"at most {MAX_TOKENS} API tokens: revoke one first")
            row = t.ApiToken(email=email, name=label, digest=token_digest(token), created_at=now())
            s.add(row)
            s.flush()
            self.ctx.audit(s, "token.create", f"token {row.ref}", name=label)
        return token

    def tokens(self) -> list[Token]:
        """The person's own API tokens."""
        self.ctx.require(Act.hold_tokens)
        with self.ctx.transaction() as s:
            email = self._account(s).email
            found = s.scalars(
                select(t.ApiToken).where(t.ApiToken.email == email).order_by(t.ApiToken.id)
            ).all()
            return [Token(r.ref, r.name, r.created_at, r.revoked_at is not None) for r in found]

    def revoke_token(self, ref: str) -> None:
        """Revoke one of the person's own tokens (another's answers as absent)."""
        self.ctx.require(Act.hold_tokens)
        number = parse_ref("a token", ref)
        with self.ctx.transaction() as s:
            email = self._account(s).email
            row = s.scalar(select(t.ApiToken).where(t.ApiToken.ref == number))
            if row is None or row.email != email:
                raise NotFound(f"no token {number}")
            if row.revoked_at is None:
                row.revoked_at = now()
                self.ctx.audit(s, "token.revoke", f"token {number}")

    def _account(self, s: Session) -> t.Account:
        row = s.get(t.Account, self.actor.person.email)
        if row is None:
            raise NotFound(f"{self.actor.person.email} has no login")
        return row
