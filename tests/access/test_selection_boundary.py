"""Acts on a selection at the boundary: a selection holding one thing the person may not see
(among many they may, spelled every way) answers exactly as the same selection holding a thing
that does not exist, and changes nothing: designating forty at once, producing, exporting,
moving to seal, clawing back. The world and its oracle are ``test_boundary``'s."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from clawback.service import Record, Via, Workspace
from tests.access.test_boundary import (  # noqa: F401 - the fixtures, by name
    CLERK,
    COUNSEL,
    EMPLOYEE,
    ON,
    PRODUCING,
    PUBLIC,
    outcome,
    template,
    world,
)

#: For each person: exhibits they may see, and one document they may not know of with an
#: absent one written alike (an exhibit a pending claim sequesters is known to the receiving
#: side, which may present it under seal: hidden from its reads, not from its acts).
SELECTIONS: dict[str, tuple[list[int], Any, Any]] = {
    PRODUCING: ([1, 2, 4, 5, 9], "RCV-000001", "RCV-000099"),  # the other side's own file
    COUNSEL: ([1, 2, 9], 3, 99),  # Ex. 3 never produced
    EMPLOYEE: ([1], 2, 99),  # Ex. 2 AEO
    PUBLIC: ([6], 1, 99),  # Ex. 1 Confidential
}
Selection = Callable[[Record, list[Any], Path], Any]
CALLS: dict[str, Selection] = {
    "designate all": lambda r, refs, _: r.designations.designate_all(refs, "Confidential"),
    "produce": lambda r, refs, _: r.productions.produce(refs, "SEL-00000001", "VSEL"),
    "export": lambda r, refs, out: [p.name for p in r.reads.export(refs, out)],
    "move to seal": lambda r, refs, _: r.sealing.move_to_seal(
        "901", exhibits=[x for x in refs if isinstance(x, int)], kind="non_dispositive", filed_on=ON
    ),
    "claim": lambda r, refs, _: r.claims.claim(
        "c-sel", privilege="law_enforcement", exhibits=[x for x in refs if isinstance(x, int)]
    ),
}


def spelled(numbers: list[int], times: int = 40) -> list[Any]:
    """Forty references to the documents ``numbers``, each written several ways."""
    ways: list[Any] = [w for n in numbers for w in (n, f"Ex. {n}", f"TST-{n:08d}")]
    return [ways[i % len(ways)] for i in range(times - 1)]


#: Calls on exhibits: their selection is the exhibits' numbers.
BY_EXHIBIT = {"move to seal", "claim"}


def cases() -> list[tuple[str, str]]:
    return [
        (email, name)
        for email, (_, hidden, _) in SELECTIONS.items()
        for name in CALLS
        if name not in BY_EXHIBIT or isinstance(hidden, int)  # the other side's file: no exhibit
    ]


@pytest.mark.parametrize(("email", "name"), cases())
def test_a_selection_holding_a_hidden_document_answers_as_one_holding_an_absent_one(
    world: Workspace,  # noqa: F811 - test_boundary's fixture
    tmp_path: Path,
    email: str,
    name: str,
) -> None:
    seen, hidden, absent = SELECTIONS[email]
    record = world.person(email, Via.web)
    call = CALLS[name]
    before = world.operator().catalog.documents().total, world.person(CLERK).claims.status()
    refs = spelled(seen)
    for at in (0, 20, 39):  # first, among the rest, last
        with_hidden = [*refs[:at], hidden, *refs[at:]]
        with_absent = [*refs[:at], absent, *refs[at:]]
        got = outcome(lambda s=with_hidden: call(record, s, tmp_path / "h"), hidden)  # type: ignore[misc]
        want = outcome(lambda s=with_absent: call(record, s, tmp_path / "a"), absent)  # type: ignore[misc]
        assert got == want, f"{email} {name} at {at}: hidden {got}, absent {want}"
        assert got[0] != "ok", f"{email} {name} at {at} worked with a hidden document"
    after = world.operator().catalog.documents().total, world.person(CLERK).claims.status()
    assert after == before
    assert not list(tmp_path.rglob("*.pdf")), "a file was written"


def test_an_export_holding_a_sequestered_exhibit_answers_as_one_holding_an_absent_one(
    world: Workspace,  # noqa: F811 - test_boundary's fixture
    tmp_path: Path,
) -> None:
    """Ex. 4, under a pending claim, is known to receiving counsel but not to be read."""
    record = world.person(COUNSEL, Via.web)
    refs = spelled([1, 2, 9])
    export = CALLS["export"]
    got = outcome(lambda: export(record, [*refs, 4], tmp_path / "h"), 4)
    want = outcome(lambda: export(record, [*refs, 99], tmp_path / "a"), 99)
    assert got == want and got[0] == "NotFound", (got, want)
    assert not list(tmp_path.rglob("*.pdf")), "a file was written"
