"""The ordering paragraph for one motion to seal or to unseal, or the court's own sealing, in the
court's terms for each.

A party's motion is disposed of by its name and docket number ("Defendants' Motion to Seal (Dkt.
No. 12) is GRANTED IN PART: ..."; an administrative motion by its own name, as N.D. Cal. orders
give it: "Plaintiff's Administrative Motion to File Under Seal (Dkt. No. 134) is GRANTED."), a
motion to unseal likewise ("... Motion to Unseal ... is GRANTED, and ... shall be unsealed.");
what the court seals on its own motion is ordered, never dressed up as a motion ("On its own
motion, the Court ORDERS that ... be filed under seal.").
A seal in part names what the public version redacts (the court's words for it, else the items'
descriptions and FRCP 5.2(a)'s own terms); a condition is stated as the party's act; a denial
carries the court's stated reason word for word, and a stock phrase only when it gave none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from clawback.domain.documents import Exhibit, find_exhibit
from clawback.domain.seal_parts import Movant, Privacy, SealPart, SealRequest
from clawback.domain.sealing import PUBLIC_DOMAIN, MotionToSeal, SealDecision, Standard

#: FRCP 5.2(a)'s redactions as an order states them.
PRIVACY_WORDS = {
    Privacy.ssn: "the Social Security and taxpayer-identification numbers (all but their last "
    "four digits)",
    Privacy.birth_date: "the birth dates (all but the year)",
    Privacy.minor: "the names of minors (all but their initials)",
    Privacy.account: "the financial-account numbers (all but their last four digits)",
}


@dataclass(frozen=True)
class SealStyle:
    """How the order names the movant and cites exhibits: ``cite(exhibits, movant)`` labels
    them as that party's exhibits; ``actor(party)`` names who must act."""

    exhibits: Sequence[Exhibit]
    cite: Callable[[Sequence[Exhibit], Movant], str]
    movant: Callable[[Movant], str]  # "Defendants'", "The parties'"
    actor: Callable[[Movant], str]  # "Defendants", "the parties"


def stock_reason(standard: Standard, granted: bool) -> str:
    """What ``sealing.decide`` says when the court gave no reason."""
    return f"{standard.replace('_', ' ')} {'shown for sealing' if granted else 'not shown'}"


def part_words(part: SealPart, exhibits: Sequence[Exhibit]) -> str:
    """The redacted part as the order names it: the items' descriptions, the information the
    patterns find, FRCP 5.2(a)'s terms."""
    said = []
    for exhibit in exhibits:
        said += [_the(i.what) for i in exhibit.items if i.id in part.items and i.what.strip()]
    if part.patterns:
        said.append("the information the Court has identified")
    said += [PRIVACY_WORDS[p] for p in part.privacy]
    unique = list(dict.fromkeys(said))
    return _join(unique)


def seal_paragraph(
    motion: MotionToSeal, decisions: Sequence[SealDecision], style: SealStyle
) -> tuple[str, tuple[Exhibit, ...], str]:
    """The paragraph's text, the exhibits it names and its disposition (granted, denied,
    granted_in_part, directive)."""
    shown = tuple(
        sorted(
            (find_exhibit(style.exhibits, d.exhibit) for d in decisions), key=lambda e: e.identifier
        )
    )
    movant = motion.moved_by
    if motion.request is SealRequest.unseal:
        text, disposition = _unseal(motion, decisions, style)
    elif movant is Movant.court:
        text, disposition = _own_motion(decisions, style), "directive"
    else:
        text, disposition = _seal(motion, decisions, style)
    return text, shown, disposition


def _exhibits(style: SealStyle, decisions: Sequence[SealDecision]) -> list[Exhibit]:
    return [find_exhibit(style.exhibits, d.exhibit) for d in decisions]


def _groups(
    decisions: Sequence[SealDecision],
) -> tuple[
    list[SealDecision],
    dict[SealPart, list[SealDecision]],
    dict[str, list[SealDecision]],
]:
    whole: list[SealDecision] = []
    parts: dict[SealPart, list[SealDecision]] = {}
    conditional: dict[str, list[SealDecision]] = {}
    for d in decisions:
        if not d.sealed:
            continue
        if d.part:
            parts.setdefault(d.part, []).append(d)
        elif d.condition:
            conditional.setdefault(d.condition, []).append(d)
        else:
            whole.append(d)
    return whole, parts, conditional


def _seal(
    motion: MotionToSeal, decisions: Sequence[SealDecision], style: SealStyle
) -> tuple[str, str]:
    movant = motion.moved_by
    head = f"{style.movant(movant)} {motion.title} (Dkt. No. {motion.docket}) is"

    def cite(ds: Sequence[SealDecision]) -> str:
        return style.cite(_exhibits(style, ds), movant)

    whole, parts, conditional = _groups(decisions)
    granted = []
    if whole:
        granted.append(f"GRANTED as to {cite(whole)}")
    for part, ds in parts.items():
        words = part.what or part_words(part, _exhibits(style, ds))
        granted.append(
            f"GRANTED as to {words} in {cite(ds)}, to be redacted from the version filed on "
            f"the public docket{_provided(ds, style.actor(movant))}"
        )
    for condition, ds in conditional.items():
        granted.append(
            f"CONDITIONALLY GRANTED as to {cite(ds)}, on the condition that "
            f"{style.actor(movant)} {condition.rstrip('.')}"
        )
    public: list[SealDecision] = []
    unshown: dict[Standard, list[SealDecision]] = {}
    reasoned: dict[str, list[SealDecision]] = {}
    for d in decisions:
        if d.sealed:
            continue
        exhibit = find_exhibit(style.exhibits, d.exhibit)
        if d.reason == PUBLIC_DOMAIN or exhibit.publicly_available:
            public.append(d)
        elif not d.reason.strip() or d.reason == stock_reason(d.standard, False):
            unshown.setdefault(d.standard, []).append(d)
        else:
            reasoned.setdefault(d.reason.strip(), []).append(d)
    refusals = []
    if public:
        verb = "is" if len(public) == 1 else "are"
        refusals.append(
            f"as to {cite(public)}, which {verb} already publicly available and cannot be sealed"
        )
    for standard, ds in unshown.items():
        words = standard.value.replace("_", " ")
        verb = "have" if standard is Standard.compelling_reasons else "has"
        refusals.append(f"as to {cite(ds)}, for which {words} {verb} not been shown")
    for reason, ds in reasoned.items():
        refusals.append(f"as to {cite(ds)}: {_inside(reason)}")
    only_whole = bool(whole) and not parts and not conditional
    if not refusals or (only_whole and not unshown and not reasoned):
        if only_whole or not granted:
            # As the reference order does: material already public is not sealable as a matter
            # of law, so the motion is GRANTED and those exhibits go to the public docket by
            # the directive that orders their filing.
            return f"{head} GRANTED.", "granted"
        if not parts and len(conditional) == 1:
            ((condition, ds),) = conditional.items()
            return (
                f"{head} CONDITIONALLY GRANTED: {cite(ds)} shall remain under seal on the "
                f"condition that {style.actor(movant)} {condition.rstrip('.')}.",
                "granted",
            )
        said = "; and it is ".join(granted)
        return f"{head} GRANTED IN PART: it is {said}; and it is otherwise DENIED.", (
            "granted_in_part"
        )
    refused = "; and ".join(refusals)
    if not granted:
        return f"{head} DENIED {refused}.", "denied"
    return (
        f"{head} GRANTED IN PART: it is {'; it is '.join(granted)} and DENIED {refused}.",
        "granted_in_part",
    )


def _own_motion(decisions: Sequence[SealDecision], style: SealStyle) -> str:
    court = Movant.court
    whole, parts, conditional = _groups(decisions)
    orders = []
    if whole:
        orders.append(f"{style.cite(_exhibits(style, whole), court)} be filed under seal")
    for part, ds in parts.items():
        exhibits = _exhibits(style, ds)
        words = part.what or part_words(part, exhibits)
        orders.append(
            f"{words} in {style.cite(exhibits, court)} be redacted from the version filed "
            f"on the public docket{_provided(ds, style.actor(Movant.producing))}"
        )
    for condition, ds in conditional.items():
        orders.append(
            f"{style.cite(_exhibits(style, ds), court)} remain under seal on the condition that "
            f"{style.actor(Movant.producing)} {condition.rstrip('.')}"
        )
    if not orders:
        return "On its own motion, the Court ORDERS that nothing be sealed."
    return f"On its own motion, the Court ORDERS that {'; and that '.join(orders)}."


def _unseal(
    motion: MotionToSeal, decisions: Sequence[SealDecision], style: SealStyle
) -> tuple[str, str]:
    movant = motion.moved_by
    unsealed = [d for d in decisions if not d.sealed]
    kept = [d for d in decisions if d.sealed]

    def cite(ds: Sequence[SealDecision]) -> str:  # the exhibits are not the movant's own
        return style.cite(_exhibits(style, ds), Movant.producing)

    if movant is Movant.court:
        return f"On its own motion, the Court ORDERS that {cite(unsealed)} be unsealed.", (
            "directive"
        )
    head = f"{style.movant(movant)} {motion.title} (Dkt. No. {motion.docket}) is"
    reasons = {d.reason.strip() for d in kept if d.reason.strip()} - {"the seal stays in place"}
    because = f": {_inside(next(iter(reasons)))}" if len(reasons) == 1 else ""
    if not kept:
        return f"{head} GRANTED, and {cite(unsealed)} shall be unsealed.", "granted"
    if not unsealed:
        return f"{head} DENIED{because}.", "denied"
    return (
        f"{head} GRANTED IN PART: it is GRANTED as to {cite(unsealed)}, which shall be "
        f"unsealed, and DENIED as to {cite(kept)}{because}.",
        "granted_in_part",
    )


def _provided(decisions: Sequence[SealDecision], actor: str) -> str:
    """A seal in part on a condition: the condition, as the party's act."""
    condition = decisions[0].condition.rstrip(".")
    return f", on the condition that {actor} {condition}" if condition else ""


def _inside(reason: str) -> str:
    """The court's reason word for word, inside a sentence of the order: without the full stop
    the sentence supplies (one closing a quotation moves after it)."""
    said = reason.strip()
    if said.endswith(('."', ".\u201d", ".'")):
        return said[:-2] + said[-1]
    return said[:-1] if said.endswith(".") else said


def _the(what: str) -> str:
    words = what.strip()
    return words if words.lower().startswith(("the ", "a ", "an ")) else f"the {words}"


def _join(parts: Sequence[str]) -> str:
    if len(parts) <= 2:
        return " and ".join(parts)
    return f"{', '.join(parts[:-1])}, and {parts[-1]}"
