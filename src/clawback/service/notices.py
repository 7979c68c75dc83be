"""Telling the receiving side that a claw-back notice has arrived.

In the app, the notice is on each receiving-side person's dashboard the moment it is given
(the claims they may know of that await their move). By e-mail too, when an SMTP server is
configured: ``CLAWBACK_SMTP=host:port`` and ``CLAWBACK_MAIL_FROM`` (the sender), with
``CLAWBACK_SITE_URL`` the address people reach the web app at (http://127.0.0.1:8000 if not
set). One message goes to each person of the receiving side who may know of an exhibit the
claim covers (as the claims listing decides for them: ``lookup.known_exhibits``), naming the
claim, when its certification is due and the address of its certification form; never the
exhibits' titles, the items, the basis or anything else of the claimed material.

The notice is committed before anything is sent: a server that cannot be reached or refuses
a message costs the mail, never the notice. Each sending is audited (``notice.mail``, or
``notice.mail_failed`` and what kind of failure: never the server's words, which may name a
receiving-side address, nor how many were mailed) and a failure is logged in full.
"""

from __future__ import annotations

import logging
import os
import smtplib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from email.utils import make_msgid

from sqlalchemy import select

from clawback.domain import actor as actors
from clawback.domain.errors import InvalidInput
from clawback.domain.order import Person, Side
from clawback.service import lookup, rows
from clawback.service.context import Context
from clawback.storage import tables as t

SMTP_SETTING = "CLAWBACK_SMTP"
FROM_SETTING = "CLAWBACK_MAIL_FROM"
SITE_SETTING = "CLAWBACK_SITE_URL"
DEFAULT_SITE = "http://127.0.0.1:8000"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MailSettings:
    """Where notices are sent through, as whom, and the web app's address for their links."""

    host: str
    port: int
    sender: str
    site: str = DEFAULT_SITE
    timeout: float = 10.0

    @classmethod
    def from_environment(cls, env: Mapping[str, str] | None = None) -> MailSettings | None:
        """The settings from the environment; None when no SMTP server is configured. A bad
        value is refused in one line naming the setting."""
        env = os.environ if env is None else env
        value = env.get(SMTP_SETTING, "").strip()
        if not value:
            return None
        host, colon, port = value.rpartition(":")
        if not colon or not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise InvalidInput(
                f"{SMTP_SETTING} must be host:port (such as mail.example:25): {value!r}"
            )
        sender = env.get(FROM_SETTING, "").strip()
        if "@" not in sender or any(c in sender for c in "\r\n"):
            raise InvalidInput(f"{FROM_SETTING} must be the address notices come from: {sender!r}")
        site = env.get(SITE_SETTING, "").strip().rstrip("/") or DEFAULT_SITE
        if not site.startswith(("http://", "https://")):
            raise InvalidInput(f"{SITE_SETTING} must be the web app's http(s) address: {site!r}")
        return cls(host.strip("[]"), int(port), sender, site)


def claw_back_noticed(ctx: Context, claim_id: str) -> None:
    """E-mail the receiving side's people who may know of claim ``claim_id`` that its notice
    has arrived, each with its certification's due day only where their deadlines show it (a
    duty naming an exhibit beyond their tier is absent from their record and their mail);
    nothing when no SMTP server is configured. Never raises for the mail."""
    settings = ctx.workspace.mail
    if settings is None:
        return
    with ctx.transaction() as s:
        claim = s.get(t.Claim, claim_id)
        assert claim is not None, "the notice is committed before it is mailed"
        order = rows.protective_order(s)
        receiving = s.scalars(
            select(t.Person).where(t.Person.side == Side.receiving.value).order_by(t.Person.email)
        ).all()
        duties = s.scalars(
            select(t.Deadline)
            .where(t.Deadline.claim_id == claim_id, t.Deadline.party == Side.receiving.value)
            .order_by(t.Deadline.due, t.Deadline.id)
        ).all()
        recipients: dict[str, date | None] = {}  # each with the due day their record shows
        for row in receiving:
            person = Person(row.email, row.name, Side(row.side), row.category, row.acknowledged)
            seen = actors.actor(person, order, ctx.actor.via)
            known = lookup.known_exhibits(s, seen)
            if lookup.knows_claim(claim, known, lookup.known_papers(s, seen)):
                shown = (d.due for d in duties if lookup.deadline_shown(s, seen, d, known))
                recipients[row.email] = next(shown, None)
        matter = rows.matter(s)
        case = f"{matter.caption}, No. {matter.number}"
    sent, failure, kind = 0, "", ""
    if recipients:
        try:
            with smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout) as smtp:
                for email, due in recipients.items():
                    smtp.send_message(_message(settings, email, claim_id, due, case))
                    sent += 1
        except (OSError, smtplib.SMTPException) as exc:
            failure = " ".join(str(exc).split()) or type(exc).__name__
            kind = failure_kind(exc)
            log.warning(
                "claw-back notice %s: e-mail through %s:%s failed after %d of %d: %s",
                claim_id,
                settings.host,
                settings.port,
                sent,
                len(recipients),
                failure,
            )
    # The trail is read by the producing side: it says whether the mail went and, if not,
    # what kind of failure, never the server's words (a refusal names the address refused)
    # nor how many were mailed (a head-count of people that side may not list). The server's
    # log, the operator's, keeps both.
    with ctx.transaction() as s:
        where = f"{settings.host}:{settings.port}"
        if failure:
            ctx.audit(s, "notice.mail_failed", claim_id, server=where, error=kind)
        else:
            ctx.audit(s, "notice.mail", claim_id, server=where)


def failure_kind(exc: BaseException) -> str:
    """What kind of failure a sending met, in words of the record's own that name no one."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "a recipient was refused"
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return "the sender was refused"
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return "the server asked for a log-in"
    if isinstance(exc, TimeoutError):
        return "the server did not answer in time"
    if isinstance(exc, smtplib.SMTPException):
        return "the server refused the message"
    return "the server could not be reached"


def _message(
    settings: MailSettings, to: str, claim_id: str, due: date | None, case: str
) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = f"Claw-back notice: claim {claim_id}"
    message["From"] = settings.sender
    message["To"] = to
    message["Message-ID"] = make_msgid(domain=settings.sender.rpartition("@")[2] or None)
    form = f"{settings.site}/claims/{claim_id}"
    lines = [
        f"A claw-back notice has been given in {case}: claim {claim_id}.",
        "",
        "As of this notice the material the claim covers is sequestered (FRCP 26(b)(5)(B)):",
        "it must be returned, sequestered or destroyed, or presented to the court under seal,",
        "and not used or disclosed until the claim is resolved.",
    ]
    if due is not None:
        lines.append(f"Your side's certification is due by {due}.")
    lines += [
        "",
        f"Certify, or present the material under seal, on the claim's page: {form}",
        "",
        "This message names the claim only; what it covers is in the record, not here.",
    ]
    message.set_content("\n".join(lines) + "\n")
    return message
