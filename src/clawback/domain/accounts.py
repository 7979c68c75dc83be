"""Logging in, as rules: who needs a second factor, who signs the protective order's
acknowledgment in the app, how strong a password must be, and when log-ins are throttled.

The service (``service.accounts``, ``service.gate``) keeps the rows; these functions decide.
"""

from __future__ import annotations

import ipaddress
from datetime import timedelta

from clawback.domain.actor import Actor
from clawback.domain.errors import InvalidInput
from clawback.domain.order import Person, ProtectiveOrder, Side

MIN_PASSWORD = 12
MAX_PASSWORD = 1024
#: How long a session lasts from log-in, whatever is done in it.
SESSION_LIFETIME = timedelta(hours=8)
#: Failed log-ins counted over this window; past either limit every attempt is refused.
THROTTLE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_ADDRESS = 20
#: Active API tokens one person may hold.
MAX_TOKENS = 20


#: A disabled login's password hash begins with this: no password verifies against it, and
#: enabling the login again takes it off (the person's own password works again).
DISABLED = "disabled:"


def disabled(password_hash: str) -> bool:
    """Whether the login whose hash this is has been disabled (``people disable``)."""
    return password_hash.startswith(DISABLED)


def check_password(password: str) -> None:
    """Refuse a password too short (or absurdly long) to keep."""
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(f"a password needs at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise InvalidInput(f"a password has at most {MAX_PASSWORD} characters")


def second_factor_required(order: ProtectiveOrder | None, actor: Actor) -> bool:
    """Whether this person logs in with a one-time code too: their side is named in the
    order's ``second_factor.sides``, or they may see a tier named in ``second_factor.tiers``."""
    if order is None:
        return False
    if actor.seat.value in order.second_factor_sides:
        return True
    return bool(actor.tiers & order.second_factor_tiers)


def signs_undertaking(person: Person) -> bool:
    """Whether the person signs the protective order's acknowledgment ("Exhibit A") in the app
    before the first document shows: everyone seated with a party. The court is not bound by
    the order, and the public sees only the public docket."""
    return person.side in (Side.producing, Side.receiving)


def throttled(account_failures: int, address_failures: int) -> bool:
    """Whether a log-in attempt is refused unheard, given the failures in the window."""
    return (
        account_failures >= MAX_FAILURES_PER_ACCOUNT or address_failures >= MAX_FAILURES_PER_ADDRESS
    )


def throttle_address(address: str) -> str:
    """Where an attempt comes from, as failures are counted by address: an IPv6 address by
    its /64 (one host's network: it may take any of 2^64 addresses in it, each a fresh count
    of twenty), an IPv4 address reached as IPv6 (``::ffff:198.51.100.7``) as itself; anything
    else as given (cut to 64 characters)."""
    try:
        found = ipaddress.ip_address(address.split("%", 1)[0])  # a zone (``fe80::1%eth0``) too
    except ValueError:
        return address[:64] or "unknown"
    if isinstance(found, ipaddress.IPv6Address):
        if found.ipv4_mapped is not None:
            return str(found.ipv4_mapped)
        return str(ipaddress.IPv6Network((found, 64), strict=False))
    return str(found)
