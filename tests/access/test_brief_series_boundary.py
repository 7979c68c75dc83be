"""A brief's Bates citations tell its reader nothing of a Bates series they may not know of.
The citation reader is given the series the record knows (to tell a typo'd number, a letter
among its digits, from prose); it was given the prefix of every production volume, so a party
employee checking "HSI-0O000001" was told "a letter among its digits: 'HSI-00000001' meant?"
where "ZQX-0O000001" was not read at all: the HSI volume, every page of it AEO, was there.
Now the series are those of the pages the reader may see, as an exhibit index is read.

Over ``tests.access.receiving_readers``: Ex. 1 (Confidential) produced as TST-, Ex. 2 (AEO)
alone in a volume of its own series, HSI-."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clawback.service import Record, Via, Workspace
from tests.access.receiving_readers import COUNSEL, EMPLOYEE, started_with_readers
from tests.ingest.make import text_pdf
from tests.service.test_briefs import brief_pdf

Said = list[tuple[str, tuple[str, ...], tuple[str, ...]]]
#: A brief probing series: a letter among the digits, a footnote glued on, a short number.
PROBES = ("See {}-0O000001 here.", "See {}-00000001.1 here.", "See {}-001 and {} 00000001.")


@pytest.fixture(scope="module")
def series(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    root: Path = tmp_path_factory.mktemp("brief-series") / "ws"
    op = started_with_readers(root)
    op.people.acknowledge(COUNSEL)
    op.people.acknowledge(EMPLOYEE)
    op.ingest.ingest(text_pdf("Port staffing memo"), title="Memo", exhibit=1)
    op.designations.designate(1, "Confidential")
    op.productions.produce([1], "TST-00000001", "VOL1")
    op.ingest.ingest(text_pdf("Agent roster omicron"), title="Roster", exhibit=2)
    op.designations.designate(2, "AEO")
    op.productions.produce([2], "HSI-00000001", "HSI1")
    workspace = op.ctx.workspace
    op.close()
    yield workspace
    workspace.close()


def _said(record: Record, prefix: str) -> Said:
    said = []
    for probe in PROBES:
        brief = brief_pdf(probe.format(prefix, prefix))
        said += [
            (c.raw.replace(prefix, "P"), c.cites, tuple(w.replace(prefix, "P") for w in c.warnings))
            for c in record.briefs.citations(brief)
        ]
    return said


def _proposed(record: Record, prefix: str) -> list[tuple[str, str]]:
    found = []
    for probe in PROBES:
        brief = brief_pdf(probe.format(prefix, prefix))
        found += [
            (p.text.replace(prefix, "P"), p.source.replace(prefix, "P"))
            for p in record.briefs.propose(brief)
        ]
    return found


def test_a_series_beyond_the_reader_reads_as_one_the_record_does_not_hold(
    series: Workspace,
) -> None:
    employee = series.person(EMPLOYEE, Via.web)
    assert _said(employee, "HSI") == _said(employee, "ZQX")
    assert _proposed(employee, "HSI") == _proposed(employee, "ZQX")


def test_a_series_the_reader_may_see_is_still_read_as_one(series: Workspace) -> None:
    counsel = [(raw, warned) for raw, _, warned in _said(series.person(COUNSEL, Via.web), "HSI")]
    typo = "'P-0O000001' has a letter among its digits: 'P-00000001' meant?"
    assert ("P-0O000001", (typo,)) in counsel, counsel
    employee = series.person(EMPLOYEE, Via.web)
    # their own series' typos are told them, as counsel is told the AEO one's
    assert [(raw, warned) for raw, _, warned in _said(employee, "TST")] == counsel
