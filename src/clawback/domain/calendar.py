"""The days FRCP 6(a) does not end a period on, besides weekends and the statutory holidays:
days declared a holiday by the President or Congress (6(a)(6)(B)), and a court's own closures
(6(a)(3): the clerk's office inaccessible).

Declared days are data with their sources (``clawback/data/declared_holidays.yaml``), read
once when a period is first counted, so a new executive order is a line of data, not code. A
court's closure is a fact of one case: the record keeps it and passes it to ``compute``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from clawback.domain.days import parse_day
from clawback.domain.errors import InvalidInput
from clawback.domain.typed import typed


@dataclass(frozen=True)
class DeclaredDay:
    """A day declared a holiday by the President or Congress, and where that is written."""

    day: date
    what: str
    source: str


@dataclass(frozen=True)
class Closure:
    """A day the court's clerk's office was inaccessible (FRCP 6(a)(3)), as entered."""

    day: date
    reason: str

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise InvalidInput(f"court closure on {self.day}: give its reason")
        typed("a court closure's reason", self.reason)


def declared_from_data(data: Mapping[object, object]) -> dict[date, DeclaredDay]:
    """The declared days of the data file: each keyed by its date, with ``what`` and
    ``source``; an entry without a source is refused."""
    days: dict[date, DeclaredDay] = {}
    for key, entry in data.items():
        day = key if isinstance(key, date) else _day(str(key))
        if not isinstance(entry, Mapping) or not str(entry.get("source", "")).strip():
            raise InvalidInput(f"declared holiday {day}: give its source")
        days[day] = DeclaredDay(day, str(entry.get("what", "")), str(entry["source"]))
    return days


@cache
def declared_days() -> dict[date, DeclaredDay]:
    """The declared days shipped with clawback."""
    import yaml  # only when a period is first counted

    text = resources.files("clawback.data").joinpath("declared_holidays.yaml").read_text("utf-8")
    return declared_from_data(yaml.safe_load(text) or {})


def _day(text: str) -> date:
    return parse_day(text, "declared holiday")
