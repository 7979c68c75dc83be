"""The one error family of clawback: every message is one line naming the thing and the problem."""


class ClawbackError(Exception):
    """A user-facing failure: bad input, an unknown id, a rule that forbids the act."""


class NotFound(ClawbackError):
    """An id, Bates number, exhibit or item that the record does not hold."""


class RuleViolation(ClawbackError):
    """An act that the protective order, the rules of procedure or a ruling forbids."""
