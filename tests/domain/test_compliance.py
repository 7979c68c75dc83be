"""An order's directives become dated acts worded from the sealing decisions."""

from datetime import date

from clawback.domain.compliance import Act, Directive, deadlines
from clawback.domain.documents import Exhibit
from clawback.domain.sealing import MotionKind, MotionToSeal, decide


def test_reference_paragraphs_five_and_six(exhibits: list[Exhibit]) -> None:
    motion = MotionToSeal("461", tuple(range(1, 20)), MotionKind.non_dispositive)
    decisions = decide(motion, exhibits, standard_met=True)
    directives = [
        Directive("5", 14, Act.lodge_sealed),
        Directive("5", 14, Act.file_public_redacted),
        Directive("6", 14, Act.file_public),
    ]
    found = deadlines(directives, date(2020, 6, 26), exhibits, decisions)
    assert [d.due for d in found] == [date(2020, 7, 10)] * 3
    assert [d.act for d in found] == [
        "lodge under seal Exs. 1-13, 18, 19 (AOL-DEF-00556914-930, 00528691-707, "
        "00516605-623), redacted for privilege",
        "file the same exhibits on the public docket with the confidential information redacted",
        "file Exs. 14-17 (AOL-DEF-00556931-934) on the public docket",
    ]
    assert found[2].source == "order of 2020-06-26, para. 6"
