"""The parties an order's caption names by name: "DAIRY, LLC, ..., Plaintiff, v. MILK MOOVEMENT,
INC., ..., Defendants." lets the body's "Milk Moovement may bring a renewed request to seal"
name the defendant, as "Defendants" would. Part of `clawback.domain.order_reading`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from clawback.domain.order_words import OrderWords

__all__ = ["caption_names", "with_caption_parties"]

#: a party's name as a caption writes it before its first comma: up to three words, each capital
_NAME = r"(?:[A-Z][\w&'\u2019.-]*[ \t]+){0,2}[A-Z][\w&'\u2019.-]*"
_CAPTION = re.compile(
    rf"(?P<plaintiff>{_NAME}),[^\n]{{0,200}}?\bPlaintiffs?\b[\s,.;:*]*(?:v\.|vs\.?|versus)\s+"
    rf"(?P<defendant>{_NAME}),[^\n]{{0,300}}?\bDefendants?\b"
)
#: a business form after the name, which the body leaves out: "ACME ROCKETS CORP." is "Acme Rockets"
_FORM = re.compile(
    r"(?:[ \t]+(?:corp|corporation|inc|co|company|llc|l\.l\.c|ltd|lp|l\.p|plc|n\.a)\.?)+$", re.I
)
_CUT = re.compile(r"(?:of|and|the|in)\s", re.I)
#: how far into the text a caption may stand
_CAPTION_REACH = 3000


def caption_names(text: str) -> dict[str, list[str]]:
    """Each side's name in the caption ``text`` opens with, as ``{"plaintiff": [...],
    "defendant": [...]}``; empty when the text opens with no caption so written."""
    caption = _CAPTION.search(text, 0, _CAPTION_REACH)
    if caption is None:
        return {}
    names = {
        side: _FORM.sub("", " ".join(caption[side].split())) for side in ("plaintiff", "defendant")
    }
    return {
        side: [name]
        for side, name in names.items()
        if len(name) >= 4 and not _CUT.match(name)  # "OF WILLIAM ARTEMUS": a name cut short
    }


def with_caption_parties(words: OrderWords, text: str) -> OrderWords:
    """``words`` with the caption's names of the parties among its words for each side."""
    names = caption_names(text)
    return replace(words, parties=words.parties.extended(names)) if names else words
