"""Text a person types (a challenge's grounds, an act, a closure's reason, a designation's
note), bounded where it enters at what the web app's forms take (``web.forms.Text``): the
command line stored 100,000 characters of a challenge's grounds and printed them back whole."""

from __future__ import annotations

from clawback.domain.errors import InvalidInput

MOST_TYPED = 2000
#: Processes a command starts at most (each an interpreter with its own connections and
#: caches): ``produce --workers``, the local pool's and a worker's, the server's.
MOST_PROCESSES = 32


def typed(what: str, text: str, most: int = MOST_TYPED) -> str:
    """``text`` if it holds at most ``most`` characters, else the one line naming ``what``."""
    if len(text) > most:
        raise InvalidInput(f"{what} holds at most {most:,} characters (this one has {len(text):,})")
    return text


def processes(option: str, count: int) -> int:
    """``count`` if it is a number of processes to start (1 to `MOST_PROCESSES`), else the one
    line naming ``option``: ``produce --workers 100000`` started that many and never answered."""
    if not 1 <= count <= MOST_PROCESSES:
        raise InvalidInput(f"{option} must be between 1 and {MOST_PROCESSES}, not {count}")
    return count
