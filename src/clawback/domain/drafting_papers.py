"""Drafting the ordering paragraph on a claim over a filed paper: the claw-back (or the motion
to compel) of what a brief or a declaration's exhibit quotes, named by docket entry and
pinpoint as the court cites it, with the disposition ``domain.claims.paper_effects`` gives:

    Defendants' request to claw back ECF No. 101-33 at page 7, lines 3-9 is GRANTED.
    Defendants' request to claw back ECF No. 101-33 at page 7, lines 3-9 and ECF No. 101-33 at
    page 8, lines 1-2 is GRANTED with respect to ECF No. 101-33 at page 7, lines 3-9 and is
    otherwise DENIED.

The words are pinpoints, never an item's text. Nothing here reads or writes files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from clawback.domain.claims import Claim, Request, Result, Ruling, State, governing, paper_effects
from clawback.domain.documents import Exhibit
from clawback.domain.outcomes import ACCESS, Access, words
from clawback.domain.pinpoints import FiledPaper

# A motion to compel is the other side of the privilege: its words for the other outcomes.
_COMPEL_WORDS = {
    Result.waived: "GRANTED: the privilege has been waived",
    Result.withdrawn: "GRANTED: the claim of privilege has been withdrawn",
    Result.conditionally_granted: "DENIED on the conditions this Order states",
    Result.granted_subject_to_supplement: "HELD IN ABEYANCE pending a supplemental submission",
    Result.denied_without_prejudice: "GRANTED without prejudice to a renewed claim of privilege",
}


def paper_paragraphs(
    papers: Sequence[FiledPaper],
    exhibits: Sequence[Exhibit],
    claims: Sequence[Claim],
    rulings: Sequence[Ruling],
    producing: str,
    receiving: str,
) -> list[tuple[str, str]]:
    """One paragraph per ruled claim per filed paper it names, in docket order: its text and
    its disposition (a ``Result`` value)."""
    by_claim = governing(rulings)
    out: list[tuple[tuple[int, ...], str, str, str]] = []
    for claim in claims:
        ruling = by_claim.get(claim.id)
        if ruling is None or claim.state is State.withdrawn or not claim.papers:
            continue
        for paper in papers:
            if paper.docket not in claim.papers:
                continue
            alone = replace(claim, exhibits=(), papers=(paper.docket,))  # this paper alone
            effect = paper_effects([paper], exhibits, [alone], [ruling])[paper.docket]
            party = receiving if claim.request is Request.compel else producing
            text, disposition = _paragraph(
                paper, alone, ruling.result, effect.outcome, effect.redact, party
            )
            entry = tuple(int(p) for p in paper.docket.split("-") if p.isdigit())
            out.append((entry, claim.id, text, disposition))
    out.sort(key=lambda kept: (kept[0], kept[1]))
    return [(text, disposition) for _, _, text, disposition in out]


def _paragraph(
    paper: FiledPaper,
    claim: Claim,
    ruled: Result,
    outcome: Result | None,
    granted: Sequence[str],
    movant: str,
) -> tuple[str, str]:
    named = [i for i in paper.items if i.id in claim.items]
    cited = _join([paper.cite(i) for i in named]) if named else paper.name
    compel = claim.request is Request.compel
    party = _possessive(movant)
    if compel:  # the receiving side's motion: what upholds the privilege DENIES it
        head = f"{party} motion to compel production of {cited} is"
        yes, no = "DENIED", "GRANTED"
    else:
        head = f"{party} request to claw back {cited} is"
        yes, no = "GRANTED", "DENIED"
    result = ruled if ruled not in _PLAIN else (outcome or ruled)
    if result not in _PLAIN:
        said = _COMPEL_WORDS.get(result) if compel else None
        return f"{head} {said or words(result)}.", result.value
    if result is Result.denied or ACCESS[result] is not Access.protected:
        return f"{head} {no}.", Result.denied.value
    if result is Result.granted:
        return f"{head} {yes}.", result.value
    kept = [i for i in paper.items if i.id in granted]
    return (
        f"{head} {yes} with respect to {_join([paper.cite(i) for i in kept])} and is "
        f"otherwise {no}.",
        result.value,
    )


_PLAIN = frozenset({Result.granted, Result.denied, Result.granted_in_part})


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _join(parts: Sequence[str]) -> str:
    if len(parts) <= 2:
        return " and ".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"
