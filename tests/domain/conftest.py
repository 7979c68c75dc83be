"""Domain fixtures: the reference case's exhibits, built directly as domain objects."""

import pytest

from clawback.domain.bates import BatesNumber, BatesRange
from clawback.domain.documents import Exhibit, Item
from clawback.domain.order import Designation, DesignationHistory


def _history(*tiers: str) -> DesignationHistory:
    return DesignationHistory(tuple(Designation(t) for t in tiers))


@pytest.fixture
def exhibits() -> list[Exhibit]:
    out = [
        Exhibit(
            1,
            BatesRange.parse("AOL-DEF-00556914-AOL-DEF-00556918"),
            "email",
            "SENTRI revocation email",
            _history("AEO"),
            "sentri",
            True,
        ),
    ]
    for k in range(2, 18):
        page = BatesNumber.parse("AOL-DEF-00556918") + (k - 1)
        tier = "AEO" if k <= 5 else "Confidential"
        out.append(
            Exhibit(
                k,
                BatesRange.single(page),
                "image",
                f"image {k}",
                _history(tier),
                "sentri",
                publicly_available=k >= 14,
            )
        )
    out.append(
        Exhibit(
            18,
            BatesRange.parse("AOL-DEF-00528691-707"),
            "report",
            "field report",
            _history("AEO"),
            items=(
                Item(
                    "fir-dbcode",
                    BatesNumber.parse("AOL-DEF-00528703"),
                    "code",
                    ("FIR-2018-12-004417",),
                ),
                Item(
                    "fir-gaps",
                    BatesNumber.parse("AOL-DEF-00528703"),
                    "names",
                    ("Ejemplo Ruiz, Marisol",),
                ),
            ),
        )
    )
    out.append(
        Exhibit(
            19,
            BatesRange.parse("AOL-DEF-00516605-623"),
            "presentation",
            "briefing",
            _history("Confidential", "AEO"),
            items=(
                Item(
                    "ppt-dbcode",
                    BatesNumber.parse("AOL-DEF-00516617"),
                    "codes",
                    ("EID-2018-12-000031",),
                ),
                Item(
                    "ppt-other",
                    BatesNumber.parse("AOL-DEF-00516617"),
                    "other",
                    ("Referral to secondary inspection",),
                ),
                Item("ppt-618", BatesNumber.parse("AOL-DEF-00516618"), "page", whole_page=True),
            ),
        )
    )
    return out
