"""What DAT fields mean: the common spellings, and guesses for a DAT without a header."""

from __future__ import annotations

import pytest

from clawback.loadfiles import read_dat
from clawback.loadfiles.fields import guess_names, roles
from tests.loadfiles.test_volume_import import FOLDER


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            ["BEGBATES", "ENDBATES", "BEGATTACH", "ENDATTACH"],
            ["control", "end", "begattach", "endattach"],
        ),
        (
            ["BegDoc", "EndDoc", "BegAttach", "EndAttach"],
            ["control", "end", "begattach", "endattach"],
        ),
        (["Control Number", "Parent Document ID", "FILE_PATH"], ["control", "parent", "native"]),
        (["BEGNO", "ENDNO", "ParentDocID", "Extracted Text"], ["control", "end", "parent", "text"]),
        (["Prod_Beg", "Prod_End", "NATIVELINK", "TEXTLINK"], ["control", "end", "native", "text"]),
    ],
)
def test_the_common_spellings(header: list[str], expected: list[str]) -> None:
    found = roles(header)
    assert sorted(found, key=found.__getitem__) == expected


def test_a_dat_without_a_header_gets_its_paths_and_dates_guessed() -> None:
    dat = read_dat((FOLDER / "load_file_03.dat").read_bytes())
    assert dat.header is None
    names = guess_names(dat.rows)
    assert names[0] == "control number"
    assert names[12] == "text path" and names[22] == "native path"  # as in load_file_01's header
    assert [n for n in names if n.startswith("date")] == ["date 5", "date 6"]
    assert roles(names) == {"control": 0, "native": 22, "text": 12}
