"""The categorical privilege log: itemized rows grouped by privilege, kind and basis."""

from __future__ import annotations

from clawback.domain.claims import Claim, Privilege, Result, Ruling
from clawback.domain.documents import Exhibit
from clawback.domain.privilege_log import CATEGORY_COLUMNS, categorical, rows

LE = Privilege.law_enforcement
CLAIMS = [
    Claim("c-sentri", LE, (1, 2, 3, 5), declarations=("wagner",), paragraphs=("4", "9")),
    Claim("c-fir-code", LE, (18,), ("fir-dbcode",), declarations=("heitke",), paragraphs=("10",)),
    Claim("c-fir-gaps", LE, (18,), ("fir-gaps",), declarations=("heitke",), paragraphs=("10",)),
]
META = {
    1: {"date": "2019-01-15"},
    2: {"date": "2019-01-15"},
    3: {"date": "2019-01-16"},
    18: {"date": "2018-12-20"},
}
NAMES = {"wagner": "John P. Wagner", "heitke": "Aaron Heitke"}


def test_rows_group_by_privilege_kind_and_basis(exhibits: list[Exhibit]) -> None:
    log = rows(exhibits, CLAIMS, [Ruling("c-fir-code", Result.granted)], META, NAMES)
    grouped = categorical(log)
    assert sum(g.entries for g in grouped) == len(log) == 6
    by_kind = {(g.document_type, g.basis): g for g in grouped}
    assert set(by_kind) == {
        ("report", "Decl. of Aaron Heitke, paras. 10"),
        ("email", "Decl. of John P. Wagner, paras. 4, 9"),
        ("image", "Decl. of John P. Wagner, paras. 4, 9"),
    }
    images = by_kind[("image", "Decl. of John P. Wagner, paras. 4, 9")]
    # Exs. 2 and 3 are consecutive pages; Ex. 5 stands apart
    assert images.entries == 3
    assert images.bates_ranges == "AOL-DEF-00556919-AOL-DEF-00556920, AOL-DEF-00556922"
    assert images.date_range == "2019-01-15 to 2019-01-16"
    assert images.status == "asserted" and images.treatment == "sequestered"
    report = by_kind[("report", "Decl. of Aaron Heitke, paras. 10")]
    assert report.entries == 2 and report.bates_ranges == "AOL-DEF-00528703"
    assert report.status == "upheld 1; asserted 1"
    assert report.treatment == "redacted 1; sequestered 1"
    assert report.date_range == "2018-12-20"
    assert [g.category for g in grouped] == list(range(1, len(grouped) + 1))
    assert all(len(g.values()) == len(CATEGORY_COLUMNS) for g in grouped)


def test_the_description_names_no_item_text(exhibits: list[Exhibit]) -> None:
    grouped = categorical(rows(exhibits, CLAIMS, [], META, NAMES))
    texts = [t for e in exhibits for i in e.items for t in i.texts]
    assert texts
    for g in grouped:
        assert not any(t in " ".join(str(v) for v in g.values()) for t in texts)
    assert categorical([]) == []
