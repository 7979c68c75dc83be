"""The ordering paragraph's words for the filed papers a motion to seal or to unseal names.

Orders dispose of a sealed filing by its docket entry and tell the Clerk what to keep: "The
Clerk shall maintain ECF No. 120 and ECF No. 118-2 under seal."; a paper sealed in part gets a
public version by the movant, by pinpoint: "Defendant shall file a public version of ECF No.
118-2 redacting pages 14-19." (Bean v. Pearson: "Defendant shall file redacted versions of Doc.
118, Ex. 2 (redacting pages 14-19) and Doc. 122 (...)"). Where the order set a period for that
act it is drafted with the other dated acts ("Within 14 days of the date of this Order, ..."),
not twice. A motion naming papers alone opens as a motion naming exhibits does ("Defendant's
Motion to Seal (Dkt. No. 134) is GRANTED IN PART."); naming both, the papers' sentences follow
the exhibits'. What the court seals on its own motion is ordered, never called a motion.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from clawback.domain.drafting_seals import SealStyle
from clawback.domain.paper_seals import (
    PaperItem,
    PaperSealDecision,
    public_version_act,
    redacting,
)
from clawback.domain.seal_parts import Movant, SealRequest
from clawback.domain.sealing import MotionToSeal, Standard

_STOCK = ("shown for sealing", "not shown", "unsealed", "the seal stays in place")


def papers_paragraph(
    motion: MotionToSeal,
    decisions: Sequence[PaperSealDecision],
    items: Mapping[str, Sequence[PaperItem]],
    style: SealStyle,
    dated_acts: Collection[str] = (),
    *,
    after: str = "",
    after_disposition: str | None = None,
) -> tuple[str, str]:
    """The paragraph's text for ``decisions`` on ``motion``'s papers, and its disposition;
    ``after``: the exhibits' text of the same paragraph, the papers' sentences following it;
    ``dated_acts``: the acts the order set a period for (drafted as deadlines, not here)."""
    movant = motion.moved_by
    if motion.request is SealRequest.unseal:
        text, disposition = _unseal(motion, decisions, style, bool(after))
    else:
        text, disposition = _seal(motion, decisions, items, style, dated_acts, bool(after))
    if not after:
        return text, disposition
    if movant is Movant.court:
        disposition = "directive"
    elif after_disposition != disposition:
        disposition = "granted_in_part"
    return f"{after} {text}", disposition


def _seal(
    motion: MotionToSeal,
    decisions: Sequence[PaperSealDecision],
    items: Mapping[str, Sequence[PaperItem]],
    style: SealStyle,
    dated_acts: Collection[str],
    follows: bool,
) -> tuple[str, str]:
    movant = motion.moved_by
    sealed = [d for d in decisions if d.sealed]
    plain = [d for d in sealed if not d.condition]
    conditional = [d for d in sealed if d.condition]
    in_part = [
        d
        for d in sealed
        if d.part is not None and public_version_act(d, items.get(d.paper, ())) not in dated_acts
    ]
    refused = [d for d in decisions if not d.sealed]
    who = style.actor(Movant.producing if movant is Movant.court else movant)
    public = ""
    if in_part:
        if len(in_part) == 1:
            (d,) = in_part
            what = f"a public version of {d.name} redacting {_redacting(d, items)}"
        else:
            what = "public versions of " + _join(
                [f"{d.name} (redacting {_redacting(d, items)})" for d in in_part]
            )
        public = f"{who} shall file {what}"
    if movant is Movant.court:
        orders = []
        if plain:
            orders.append(f"the Clerk maintain {_names(plain)} under seal")
        for condition, ds in _by_condition(conditional).items():
            orders.append(f"{_names(ds)} remain under seal on the condition that {who} {condition}")
        if public:
            orders.append(public.replace(" shall file ", " file ", 1))
        if not orders:
            return "On its own motion, the Court ORDERS that nothing be sealed.", "directive"
        return f"On its own motion, the Court ORDERS that {'; and that '.join(orders)}.", (
            "directive"
        )
    if not sealed:
        disposition = "denied"
    elif refused or any(d.part for d in sealed):
        disposition = "granted_in_part"
    else:
        disposition = "granted"
    if not sealed and not follows:
        return f"{_head(motion, style)} DENIED{_because(refused)}.", disposition
    sentences = []
    if not follows:
        said = {"granted_in_part": "GRANTED IN PART", "granted": "GRANTED"}[disposition]
        if disposition == "granted" and conditional and not plain:
            said = "CONDITIONALLY GRANTED"
        sentences.append(f"{_head(motion, style)} {said}.")
    if plain:
        sentences.append(f"The Clerk shall maintain {_names(plain)} under seal.")
    for condition, ds in _by_condition(conditional).items():
        sentences.append(
            f"{_names(ds)} shall remain under seal on the condition that {who} {condition}."
        )
    if public:
        sentences.append(f"{public}.")
    if refused:
        sentences.append(f"The motion is DENIED as to {_names(refused)}{_because(refused)}.")
    return " ".join(sentences), disposition


def _unseal(
    motion: MotionToSeal, decisions: Sequence[PaperSealDecision], style: SealStyle, follows: bool
) -> tuple[str, str]:
    unsealed = [d for d in decisions if not d.sealed]
    kept = [d for d in decisions if d.sealed]
    if motion.moved_by is Movant.court:
        return f"On its own motion, the Court ORDERS that the Clerk unseal {_names(unsealed)}.", (
            "directive"
        )
    head = "" if follows else f"{_head(motion, style)} "
    if not kept:
        lead = f"{head}GRANTED, and " if head else ""
        return f"{lead}{'the Clerk' if head else 'The Clerk'} shall unseal {_names(unsealed)}.", (
            "granted"
        )
    if not unsealed:
        if head:
            return f"{head}DENIED{_because(kept)}.", "denied"
        return f"{_names(kept)} shall remain under seal{_because(kept)}.", "denied"
    return (
        f"{head}GRANTED IN PART: the Clerk shall unseal {_names(unsealed)}, and "
        f"{_names(kept)} shall remain under seal{_because(kept)}.",
        "granted_in_part",
    )


def _head(motion: MotionToSeal, style: SealStyle) -> str:
    """The motion named as it opens the sentence, by its own name (``MotionToSeal.title``)."""
    return f"{style.movant(motion.moved_by)} {motion.title} (Dkt. No. {motion.docket}) is"


def _because(decisions: Sequence[PaperSealDecision]) -> str:
    """The court's one reason for these, word for word; none when it gave a stock phrase."""
    reasons = {d.reason.strip() for d in decisions if d.reason.strip()}
    reasons = {r for r in reasons if not _stock(r, decisions[0].standard)}
    if len(reasons) != 1:
        return ""
    said = next(iter(reasons))
    if said.endswith(('."', ".\u201d", ".'")):
        said = said[:-2] + said[-1]
    return f": {said.removesuffix('.')}"


def _stock(reason: str, standard: Standard) -> bool:
    words = standard.replace("_", " ")
    return reason in _STOCK or reason in {f"{words} {s}" for s in _STOCK}


def _redacting(d: PaperSealDecision, items: Mapping[str, Sequence[PaperItem]]) -> str:
    return redacting(d.part, items.get(d.paper, ()))


def _by_condition(ds: Sequence[PaperSealDecision]) -> dict[str, list[PaperSealDecision]]:
    found: dict[str, list[PaperSealDecision]] = {}
    for d in ds:
        found.setdefault(d.condition.strip().rstrip("."), []).append(d)
    return found


def _names(ds: Sequence[PaperSealDecision]) -> str:
    return _join(list(dict.fromkeys(d.name for d in ds)))


def _join(parts: Sequence[str]) -> str:
    if len(parts) <= 2:
        return " and ".join(parts)
    return f"{', '.join(parts[:-1])}, and {parts[-1]}"
