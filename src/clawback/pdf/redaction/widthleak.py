"""The width channel measured from the attacker's side: what a redacted line still says.

An attacker holding the redacted file reads the glyph positions around a box: the gap from the
end of the last glyph before it to the origin of the first glyph after it is the advance width
of the removed text (re-flowed: the policy's fixed width). Every candidate text whose width in
the line's font matches the gap is still possible; the rest are ruled out. `bits` is the
information the gap gave: log2(all candidates / those still possible).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pymupdf

from clawback.pdf.files.document import open_pdf

__all__ = ["Gap", "bits", "consistent", "observed_gap"]


@dataclass(frozen=True)
class Gap:
    """The measured gap around one box (points) and the font size of the line."""

    width: float
    size: float


def observed_gap(pdf: bytes, page: int, box: tuple[float, float, float, float]) -> Gap | None:
    """The gap the glyphs around `box` show, or None if no text follows it on its line."""
    rect = pymupdf.Rect(box)
    before: list[tuple[float, float]] = []  # (origin x, end of advance)
    after: list[tuple[float, float]] = []  # (origin x, size)
    with open_pdf(pdf) as doc:
        for span in doc[page].get_texttrace():
            for _, _, origin, bbox in span["chars"]:
                if not rect.y0 <= (bbox[1] + bbox[3]) / 2 <= rect.y1:
                    continue
                if bbox[2] <= rect.x0 + 0.5:
                    before.append((origin[0], bbox[2]))
                elif origin[0] >= rect.x1 - 0.5:
                    after.append((origin[0], span["size"]))
    if not after:
        return None
    # With nothing before it on the line, the box starts where the line does (its margin).
    start = max((end for _, end in before), default=rect.x0)
    origin, size = min(after)
    return Gap(origin - start, size)


def consistent(
    gap: Gap, candidates: Sequence[str], font: pymupdf.Font, tolerance_em: float = 0.002
) -> list[str]:
    """The candidates whose advance width in `font` matches the gap (to `tolerance_em`)."""
    slack = tolerance_em * gap.size
    return [c for c in candidates if abs(font.text_length(c, gap.size) - gap.width) <= slack]


def bits(possible: int, total: int) -> float:
    """Information in bits that narrowed `total` candidates to `possible`."""
    return math.log2(total / max(possible, 1))


#: Common U.S. given names and surnames: their combinations are the candidate list the tests
#: and benchmarks/width_channel.py measure against (an attacker would use census lists).
GIVEN = (
    "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William",
    "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
    "Charles", "Karen", "Christopher", "Nancy", "Daniel", "Lisa", "Matthew", "Betty", "Anthony",
    "Margaret", "Mark", "Sandra", "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily",
    "Andrew", "Donna", "Joshua", "Michelle", "Maria", "Jose", "Juan", "Carmen", "Luis", "Rosa",
    "Marisol", "Alejandro", "Guadalupe", "Miguel",
)  # fmt: skip
SURNAMES = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
    "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez",
    "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
    "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall",
    "Rivera", "Campbell", "Mitchell", "Carter", "Ejemplo",
)  # fmt: skip
NAMES = tuple(f"{given} {surname}" for given in GIVEN for surname in SURNAMES)
