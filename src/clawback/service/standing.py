"""Whether the person a long job acts as still stands where they stood when it began.

A job (a production) runs as the actor its record was made for, for minutes; meanwhile the
operator may disable that person's login (``people disable``) or seat them elsewhere. At each
step boundary the job asks ``still_standing``: the operator always stands; a person stands
while their seat is the one the job began with (same side, same category) and their login,
if they have one, is not disabled. A job whose person no longer stands stops cleanly, what it
committed kept, to be resumed by someone who does.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from clawback.domain.accounts import disabled
from clawback.domain.actor import Actor
from clawback.domain.order import Side
from clawback.storage import tables as t

__all__ = ["still_standing"]


def still_standing(s: Session, actor: Actor) -> bool:
    """Whether ``actor`` still has the standing its record was made with (see the module)."""
    person = actor.person
    if person.side is Side.operator:
        return True
    seat = s.get(t.Person, person.email)
    if seat is None or (seat.side, seat.category) != (person.side.value, person.category):
        return False
    login = s.get(t.Account, person.email)
    return login is None or not disabled(login.password_hash)
