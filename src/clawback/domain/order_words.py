"""The vocabularies an order is read by: data a lawyer reads and extends
(``clawback/data/order_reading.yaml``, ``order_reading_clauses.yaml`` for the words that make an
outcome or a date no ruling or term of this order, ``order_reading_directions.yaml`` for the
directions that rule on sealing, ``order_reading_papers.yaml`` for the kinds of paper a ruling
names), loaded once into whole-word patterns.

Every list maps a label (an outcome, a motion kind, a party) to plain phrases. `Vocabulary.find`
gives each place a phrase of any label stands in a text, the longest phrase winning where two
overlap, so "denied without prejudice" is never also read as "denied". A list's phrases under the
label ``none`` are found only to be dropped: the longer phrase wins and names nothing ("Sealed
Emergency Motion", a motion filed under seal, is no motion to seal).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from clawback.domain.errors import InvalidInput

__all__ = ["Found", "OrderWords", "Vocabulary", "order_words", "side_named", "words_from_file"]


#: the label of phrases found only to be dropped (see the module doc)
NONE = "none"


@dataclass(frozen=True)
class Found:
    label: str
    start: int
    end: int


class Vocabulary:
    """Labels, each with its phrases, as one pattern (see the module doc)."""

    def __init__(self, name: str, phrases: Mapping[str, Sequence[str]]) -> None:
        self.name = name
        label_of: dict[str, str] = {}
        for label, words in phrases.items():
            if not isinstance(words, list) or not words:
                raise InvalidInput(f"order words: {name} {label!r}: give a list of phrases")
            for phrase in words:
                label_of.setdefault(" ".join(str(phrase).lower().split()), str(label))
        self._label_of = label_of
        self.phrases = tuple(label_of)
        alternatives = sorted(label_of, key=len, reverse=True)
        spaced = (re.escape(p).replace(r"\ ", r"\s+") for p in alternatives)
        self._pattern = (
            re.compile(r"(?<![\w'])(?:" + "|".join(spaced) + r")(?![\w-])", re.I)
            if alternatives
            else re.compile(r"(?!)")  # no phrases: never found
        )

    def extended(self, more: Mapping[str, Sequence[str]]) -> Vocabulary:
        """This vocabulary with ``more`` phrases for its labels; a phrase it has keeps its label."""
        phrases: dict[str, list[str]] = {}
        for phrase, label in self._label_of.items():
            phrases.setdefault(label, []).append(phrase)
        for label, words in more.items():
            phrases.setdefault(label, []).extend(words)
        return Vocabulary(self.name, phrases)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Found]:
        """Each place a phrase stands in ``text`` (within ``start``-``end`` when given)."""
        found = self._pattern.finditer(text, start, len(text) if end is None else end)
        labelled = (
            Found(self._label_of[" ".join(m.group().lower().split())], m.start(), m.end())
            for m in found
        )
        return [f for f in labelled if f.label != NONE]

    def names_none(self, text: str) -> bool:
        """Whether a phrase under ``none`` stands in ``text`` where no phrase of a label does
        ("27 Sealed Emergency Motion": a motion of no kind here)."""
        found = [" ".join(m.group().lower().split()) for m in self._pattern.finditer(text)]
        labels = {self._label_of[f] for f in found}
        return labels == {NONE}


@dataclass(frozen=True)
class OrderWords:
    outcomes: Vocabulary
    motions: Vocabulary
    parties: Vocabulary
    directives: Vocabulary
    directs: Vocabulary
    terms_given: Vocabulary
    acts: Vocabulary
    order_triggers: Vocabulary
    order_titles: Vocabulary
    reasons: Vocabulary
    requests: Vocabulary
    extents: Vocabulary
    remainders: Vocabulary
    remaining: Vocabulary
    waivable: Vocabulary
    contentions: Vocabulary
    against_clawback: Vocabulary
    papers: Vocabulary
    titled_papers: Vocabulary
    sealing_asks: Vocabulary
    discovery: Vocabulary
    discovery_orders: Vocabulary
    supplements: Vocabulary
    recitals: Vocabulary
    after_denial: Vocabulary
    after_grant: Vocabulary
    reports: Vocabulary
    every_motion: Vocabulary
    events: Vocabulary
    clawback_signals: Vocabulary
    clawback_relief: Vocabulary
    counted_documents: Vocabulary
    threats: Vocabulary
    unmet_showings: Vocabulary
    showings: Vocabulary
    failed_showings: Vocabulary
    questions: Vocabulary
    interim: Vocabulary
    unsealing_acts: Vocabulary
    redacting_acts: Vocabulary
    refiling_acts: Vocabulary
    redactions_after: Vocabulary
    items_kept_sealed: Vocabulary
    items_unsealed: Vocabulary
    supported_motions: Vocabulary
    motions_before: Vocabulary
    standards: Vocabulary
    burdens: Vocabulary
    general_orders: Vocabulary
    quoted_law: Vocabulary
    said_after_ruled: Vocabulary
    bare_directions: Vocabulary

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> OrderWords:
        def listed(key: str) -> Vocabulary:
            words = data.get(key)
            if not isinstance(words, list):
                raise InvalidInput(f"order words: {key}: give a list of phrases")
            return Vocabulary(key, {key: words})

        def mapped(key: str) -> Vocabulary:
            words = data.get(key)
            if not isinstance(words, Mapping):
                raise InvalidInput(f"order words: {key}: give each label its phrases")
            return Vocabulary(key, words)

        def optional_mapped(key: str) -> Vocabulary:
            """A mapping added after the first release: a lawyer's older file may lack it."""
            words = data.get(key, {})
            if not isinstance(words, Mapping):
                raise InvalidInput(f"order words: {key}: give each label its phrases")
            return Vocabulary(key, words)

        def optional(key: str) -> Vocabulary:
            """A list added after the first release: a lawyer's older file may lack it."""
            words = data.get(key, [])
            if not isinstance(words, list):
                raise InvalidInput(f"order words: {key}: give a list of phrases")
            return Vocabulary(key, {key: words} if words else {})

        return cls(
            outcomes=mapped("outcomes"),
            motions=mapped("motions"),
            parties=mapped("parties"),
            directives=listed("directives"),
            directs=listed("directs"),
            terms_given=optional("terms_given"),
            acts=listed("acts"),
            order_triggers=listed("order_triggers"),
            order_titles=optional("order_titles"),
            reasons=listed("reasons"),
            requests=listed("requests"),
            extents=optional("extents"),
            remainders=optional("remainders"),
            remaining=optional("remaining"),
            waivable=optional("waivable"),
            contentions=optional("contentions"),
            against_clawback=optional("against_clawback"),
            papers=optional("papers"),
            titled_papers=optional("titled_papers"),
            sealing_asks=optional("sealing_asks"),
            discovery=optional("discovery"),
            discovery_orders=optional("discovery_orders"),
            supplements=optional("supplements"),
            recitals=optional("recitals"),
            after_denial=optional_mapped("after_denial"),
            after_grant=optional_mapped("after_grant"),
            reports=optional("reports"),
            every_motion=optional("every_motion"),
            events=optional("events"),
            clawback_signals=optional("clawback_signals"),
            clawback_relief=optional("clawback_relief"),
            counted_documents=optional("counted_documents"),
            threats=optional("threats"),
            unmet_showings=optional("unmet_showings"),
            showings=optional("showings"),
            failed_showings=optional("failed_showings"),
            questions=optional("questions"),
            interim=optional("interim"),
            unsealing_acts=optional("unsealing_acts"),
            redacting_acts=optional("redacting_acts"),
            refiling_acts=optional("refiling_acts"),
            redactions_after=optional("redactions_after"),
            items_kept_sealed=optional("items_kept_sealed"),
            items_unsealed=optional("items_unsealed"),
            supported_motions=optional("supported_motions"),
            motions_before=optional("motions_before"),
            standards=optional("standards"),
            burdens=optional("burdens"),
            general_orders=optional("general_orders"),
            quoted_law=optional("quoted_law"),
            said_after_ruled=optional("said_after_ruled"),
            bare_directions=optional("bare_directions"),
        )


def words_from_file(path: Path) -> OrderWords:
    """A lawyer's own vocabularies, shaped like the shipped file (a list of
    order_reading_clauses.yaml, order_reading_directions.yaml or order_reading_papers.yaml it
    leaves out is the shipped one); one clear line if not."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InvalidInput(f"{path.name}: not a readable order-words file ({exc})") from None
    if not isinstance(data, Mapping):
        raise InvalidInput(f"{path.name}: give the lists of order_reading.yaml")
    try:
        shipped = {
            **_shipped("order_reading_clauses.yaml"),
            **_shipped("order_reading_directions.yaml"),
            **_shipped("order_reading_papers.yaml"),
        }
        return OrderWords.from_data({**shipped, **data})
    except InvalidInput as exc:
        raise InvalidInput(f"{path.name}: {exc}") from None


@cache
def order_words() -> OrderWords:
    """The vocabularies shipped with clawback."""
    return OrderWords.from_data(
        {
            **_shipped("order_reading.yaml"),
            **_shipped("order_reading_clauses.yaml"),
            **_shipped("order_reading_directions.yaml"),
            **_shipped("order_reading_papers.yaml"),
        }
    )


def _shipped(name: str) -> dict[str, Any]:
    """One of the words files shipped in ``clawback/data``."""
    import yaml  # only when an order is first read

    text = resources.files("clawback.data").joinpath(name).read_text("utf-8")
    return dict(yaml.safe_load(text) or {})


def side_named(words: OrderWords, described: str) -> str | None:
    """``plaintiff`` or ``defendant``: the side a case's own words for a party name ("U.S.
    Customs and Border Protection and other federal defendants", "the Government"), by the
    parties vocabulary; None when they name neither, or both."""
    sides = {f.label for f in words.parties.find(described)} & {"plaintiff", "defendant"}
    return sides.pop() if len(sides) == 1 else None
