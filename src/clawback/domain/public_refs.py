"""References to records a seat may be denied, shown in place of a shared counter's numbers.

A deadline, a designation challenge or an API token listed with its table's row number told a
person of the ones between that they were not shown (deadlines 1 and 4: two more, withheld). Each
is named instead by a reference drawn at random when it is made: six characters a person can
read aloud and type (lower case, no 0/o, 1/l/i), about 887 million of them, the same in the
CLI, the pages, the API and the calendar feed, and telling nothing of how many there are or in
which order they came.
"""

from __future__ import annotations

import re
import secrets

from clawback.domain.errors import InvalidInput

ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
LENGTH = 6
_REF = re.compile(f"[{ALPHABET}]{{{LENGTH}}}")


def new_ref() -> str:
    """A fresh reference (the caller makes sure no record of its kind holds it); never all
    digits, so a document's (``RCV-k7q2mx``) is never read as a control number."""
    while True:
        ref = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        if not ref.isdigit():
            return ref


def parse_ref(kind: str, text: object) -> str:
    """A reference as typed (any case, spaces around), refused in one line if it is none."""
    found = str(text).strip().lower()
    if not _REF.fullmatch(found):
        shown = str(text)[:40]
        raise InvalidInput(f"not {kind} reference ({LENGTH} letters and digits): {shown!r}")
    return found
