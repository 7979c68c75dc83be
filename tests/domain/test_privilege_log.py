"""The privilege log follows the dispute: rows per claimed document or item, status per ruling."""

from dataclasses import replace

from clawback.domain.claims import Claim, Privilege, Result, Ruling, State
from clawback.domain.documents import Exhibit
from clawback.domain.privilege_log import COLUMNS, Status, Treatment, rows

LE = Privilege.law_enforcement
CLAIMS = [
    Claim("c-sentri", LE, (1, 2), declarations=("wagner",), paragraphs=("4", "9")),
    Claim("c-fir-code", LE, (18,), ("fir-dbcode",), declarations=("heitke",)),
    Claim("c-ppt-other", LE, (19,), ("ppt-other", "ppt-618")),
]
META = {1: {"date": "2019-01-15", "author": "CBP", "recipients": "SENTRI office"}}
NAMES = {"wagner": "John P. Wagner", "heitke": "Aaron Heitke"}


def test_rows_before_the_ruling(exhibits: list[Exhibit]) -> None:
    log = rows(exhibits, CLAIMS, [], META, NAMES)
    assert [(r.entry, r.claim, r.bates_begin) for r in log] == [  # in Bates order
        (1, "c-ppt-other", "AOL-DEF-00516617"),
        (2, "c-ppt-other", "AOL-DEF-00516618"),
        (3, "c-fir-code", "AOL-DEF-00528703"),
        (4, "c-sentri", "AOL-DEF-00556914"),
        (5, "c-sentri", "AOL-DEF-00556919"),
    ]
    assert {(r.status, r.treatment) for r in log} == {(Status.asserted, Treatment.sequestered)}
    first = log[3]
    assert (first.bates_end, first.family_begin, first.family_end) == (
        "AOL-DEF-00556918",
        "AOL-DEF-00556914",
        "AOL-DEF-00556934",
    )
    assert first.basis == "Decl. of John P. Wagner, paras. 4, 9"
    assert first.date == "2019-01-15" and len(first.values()) == len(COLUMNS)


def test_rows_after_the_ruling(exhibits: list[Exhibit]) -> None:
    rulings = [
        Ruling("c-sentri", Result.denied),
        Ruling("c-fir-code", Result.granted),
        Ruling("c-ppt-other", Result.denied),
    ]
    log = rows(exhibits, CLAIMS, rulings, META, NAMES)
    standing = {(r.claim, r.bates_begin): (r.status, r.treatment) for r in log}
    assert standing[("c-sentri", "AOL-DEF-00556914")] == (Status.overruled, Treatment.produced)
    assert standing[("c-fir-code", "AOL-DEF-00528703")] == (Status.upheld, Treatment.redacted)
    assert standing[("c-ppt-other", "AOL-DEF-00516618")] == (Status.overruled, Treatment.produced)


def test_challenged_before_the_court_then_ordered_produced(exhibits: list[Exhibit]) -> None:
    claim = CLAIMS[0]
    standing = {
        state: {
            (r.status, r.treatment)
            for r in rows(exhibits, [replace(claim, state=state)], rulings, {}, {})
        }
        for state, rulings in (
            (State.noticed, []),
            (State.sequestered, []),
            (State.submitted, []),
            (State.under_review, []),
            (State.ruled, [Ruling(claim.id, Result.denied)]),
            (State.applied, [Ruling(claim.id, Result.denied)]),
            (State.replaced, [Ruling(claim.id, Result.denied)]),
        )
    }
    assert (
        standing[State.noticed]
        == standing[State.sequestered]
        == {(Status.asserted, Treatment.sequestered)}
    )
    assert (
        standing[State.submitted]
        == standing[State.under_review]
        == {(Status.challenged, Treatment.sequestered)}
    )
    assert standing[State.ruled] == {(Status.overruled, Treatment.produced)}
    assert (
        standing[State.applied]
        == standing[State.replaced]
        == {(Status.ordered_produced, Treatment.produced)}
    )


def test_withdrawn_and_withheld(exhibits: list[Exhibit]) -> None:
    withdrawn = Claim("w", LE, (3,), state=State.withdrawn)
    whole = Claim("h", LE, (4,))
    log = rows(exhibits, [withdrawn, whole], [Ruling("h", Result.granted)], {}, {})
    assert [(r.status, r.treatment) for r in log] == [
        (Status.withdrawn, Treatment.produced),
        (Status.upheld, Treatment.withheld),
    ]


def test_description_never_carries_the_item_text(exhibits: list[Exhibit]) -> None:
    log = rows(exhibits, CLAIMS, [], META, NAMES)
    secrets = {t for e in exhibits for i in e.items for t in i.texts}
    for r in log:
        assert not any(s in str(v) for s in secrets for v in r.values())


def test_diff_between_served_versions(exhibits: list[Exhibit]) -> None:
    from clawback.domain.privilege_log import as_record, diff

    before = [as_record(r) for r in rows(exhibits, CLAIMS, [], META, NAMES)]
    rulings = [Ruling("c-sentri", Result.denied), Ruling("c-fir-code", Result.granted)]
    after = [as_record(r) for r in rows(exhibits, CLAIMS[:2], rulings, META, NAMES)]
    changes = {c.key: c for c in diff(before, after)}
    assert changes[("c-fir-code", "AOL-DEF-00528703")].fields == (
        ("Status", "asserted", "upheld"),
        ("Treatment", "sequestered", "redacted"),
    )
    assert changes[("c-ppt-other", "AOL-DEF-00516618")].kind == "removed"
    assert diff(after, after) == []
    assert {c.kind for c in diff(after, before)} == {"changed", "added"}


def test_each_outcome_stands_in_the_log_as_its_access(exhibits: list[Exhibit]) -> None:
    def standing(*given: Ruling) -> tuple[Status, Treatment]:
        log = rows(exhibits, CLAIMS[1:2], list(given), META, NAMES)  # c-fir-code, one item
        (row,) = [(r.status, r.treatment) for r in log]
        return row

    code = "c-fir-code"
    assert standing(Ruling(code, Result.waived)) == (Status.overruled, Treatment.produced)
    assert standing(Ruling(code, Result.withdrawn)) == (Status.withdrawn, Treatment.produced)
    assert standing(Ruling(code, Result.moot)) == (Status.challenged, Treatment.sequestered)
    assert standing(Ruling(code, Result.conditionally_granted)) == (
        Status.upheld,
        Treatment.redacted,
    )
    # Amended: the later ruling governs the row.
    assert standing(
        Ruling(code, Result.denied_without_prejudice), Ruling(code, Result.granted)
    ) == (
        Status.upheld,
        Treatment.redacted,
    )
