"""DAT reader/writer: every sample in loadfiles.expected.json, quirks, round trips."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clawback.loadfiles import (
    DatFile,
    UnsafePathError,
    read_dat,
    resolve,
    resolve_all,
    split_multi,
    write_dat,
)
from tests.loadfiles import char_of, sample_cases

DAT_CASES = [case for case in sample_cases() if case[1].suffix.lower() == ".dat"]
# Keys of an entry this test knows how to check; anything else is printed as unchecked.
CHECKED = {
    "encoding", "bom", "line_ending", "column_delimiter", "quote", "header", "columns",
    "records", "control_numbers", "control_number_range", "duplicates", "native_path_column",
    "text_path_column", "natives", "folder_path_column", "names", "errors_expected", "notes",
}  # fmt: skip


def _column_index(dat: DatFile, description: Any) -> int:
    """'FILE_PATH (index 22)' or 15 -> the index, checking the header name when there is one."""
    if isinstance(description, int):
        return description
    match = re.match(r"(.*?)\s*\(index (\d+)\)", str(description))
    assert match, description
    index = int(match.group(2))
    if dat.header is not None:
        assert dat.header[index] == match.group(1)
    return index


def _path_values(dat: DatFile) -> list[str]:
    return [value for row in dat.rows for value in row if value.startswith(".\\")]


def test_every_sample_is_covered() -> None:
    assert len(DAT_CASES) >= 14, [case[0] for case in DAT_CASES]
    assert all(path.exists() for _, path, _ in DAT_CASES)


@pytest.mark.parametrize(("name", "path", "facts"), DAT_CASES, ids=[c[0] for c in DAT_CASES])
def test_sample_facts(name: str, path: Path, facts: dict[str, Any]) -> None:
    dat = read_dat(path.read_bytes())
    unchecked = sorted(set(facts) - CHECKED)
    if unchecked:
        print(f"{name}: keys not checked: {unchecked}")

    if "encoding" in facts:
        assert dat.encoding == facts["encoding"].split()[0]
    if "bom" in facts:
        assert dat.bom is facts["bom"]
    if "line_ending" in facts:
        assert dat.line_ending == facts["line_ending"].split(",")[0].strip()
        assert dat.final_newline is ("no terminator" not in facts["line_ending"])
    if "column_delimiter" in facts:
        assert dat.delimiter == char_of(facts["column_delimiter"])
    if "quote" in facts:
        assert dat.quote == char_of(facts["quote"])
    if "header" in facts:
        assert (dat.header is not None) is facts["header"]
    if "columns" in facts:
        if isinstance(facts["columns"], list):
            assert dat.header == facts["columns"]
        else:
            assert dat.columns == facts["columns"]
    if "records" in facts:
        assert len(dat.records) == facts["records"]
        assert not dat.bad_rows
    if "control_numbers" in facts:
        assert dat.control_numbers() == facts["control_numbers"]
    if "names" in facts:
        assert dat.column(0) == facts["names"]
    if "control_number_range" in facts:
        first, last = facts["control_number_range"]
        numbers = dat.control_numbers()
        assert (numbers[0], numbers[-1]) == (first, last)
    for text in facts.get("duplicates", []):
        twice = re.search(r"(\S+) appears twice", text)
        absent = re.search(r"(\S+) is absent", text)
        if twice:
            numbers = dat.control_numbers()
            assert numbers.count(twice.group(1)) == 2
            assert any("duplicate" in p and twice.group(1) in p for p in dat.problems)
        if absent:
            assert absent.group(1) not in dat.control_numbers()
    for text in facts.get("errors_expected", []):
        # Date validation is not the reader's job; check the bad value is read intact.
        number, _, rest = text.partition(":")
        bad = re.search(r"'([^']+)'", rest)
        row = dat.rows[dat.control_numbers().index(number.strip())]
        assert bad and bad.group(1) in row
    if "folder_path_column" in facts:
        index = _column_index(dat, facts["folder_path_column"])
        assert all("\\" in value for value in dat.column(index))
    folder = path.parent
    if "native_path_column" in facts:
        index = _column_index(dat, facts["native_path_column"])
        if "natives" in facts:
            assert dat.column(index) == facts["natives"]
    if "text_path_column" in facts:
        index = _column_index(dat, facts["text_path_column"])
        assert all(value.lower().endswith(".txt") for value in dat.column(index))
    # Every Windows-style path in any sample stays inside the sample folder.
    resolved, unsafe = resolve_all(folder, _path_values(dat))
    assert not unsafe
    if "exist" in facts.get("notes", "") or "natives" in facts:
        missing = [raw for raw, target in resolved.items() if not target.is_file()]
        assert not missing
    expected_problems = bool(facts.get("duplicates"))
    assert bool(dat.problems) is expected_problems, dat.problems


# ---- quirks ---------------------------------------------------------------------------------


def test_cp1252_thorn_is_byte_fe() -> None:
    text = "þBEGBATESþ\x14þCUSTODIANþ\r\nþABC-001þ\x14þJosé Müllerþ\r\n"
    dat = read_dat(text.encode("cp1252"))
    assert (dat.encoding, dat.bom, dat.delimiter, dat.quote) == ("cp1252", False, "\x14", "þ")
    assert dat.records == [{"BEGBATES": "ABC-001", "CUSTODIAN": "José Müller"}]
    assert not dat.problems


def test_registered_sign_is_a_newline_and_multi_values_split() -> None:
    data = "þDocIDþ\x14þTOþ\x14þBODYþ\nþD1þ\x14þa@x.com; b@y.com;þ\x14þline1®line2þ\n"
    dat = read_dat(data.encode())
    assert dat.line_ending == "LF"
    record = dat.records[0]
    assert isinstance(record, dict)
    assert record["BODY"] == "line1\nline2"
    assert split_multi(record["TO"]) == ["a@x.com", "b@y.com"]


def test_wrong_field_count_is_reported_and_reading_goes_on() -> None:
    data = b"BEGBATES|ENDBATES\r\nA1|A2\r\nB1|B2|extra\r\nC1|C2"
    dat = read_dat(data)
    assert dat.control_numbers() == ["A1", "C1"]
    assert dat.bad_rows == [(3, ["B1", "B2", "extra"])]
    assert dat.problems == ["line 3: 3 fields, expected 2"]
    assert dat.final_newline is False


def test_undecodable_bytes_are_reported() -> None:
    data = "DocID|Name\r\nX1|naïve café\r\n".encode() + b"X2|bad\xffbyte\r\n"
    dat = read_dat(data)
    assert dat.encoding == "utf-8"
    assert any("not valid UTF-8" in p for p in dat.problems)
    assert dat.column("Name") == ["naïve café", "bad\ufffdbyte"]
    cp1252 = read_dat(b"DocID|Name\r\nX1|caf\xe9 \x81\r\n")
    assert cp1252.encoding == "cp1252"
    assert cp1252.column(1) == ["café \ufffd"]
    assert any("Windows-1252" in p for p in cp1252.problems)


def test_quote_on_some_fields_and_delimiter_inside_quotes() -> None:
    data = b'ID,Title,Date\r\n"A1","Smith, John",1/2/2003\r\nA2,plain,\r\n'
    dat = read_dat(data)
    assert (dat.delimiter, dat.quote) == (",", '"')
    assert dat.rows == [["A1", "Smith, John", "1/2/2003"], ["A2", "plain", ""]]


def test_real_line_break_inside_a_qualified_value() -> None:
    data = "þBEGBATESþ\x14þNOTEþ\r\nþA1þ\x14þfirst\r\nsecondþ\r\nþA2þ\x14þxþ\r\n".encode()
    dat = read_dat(data)
    assert dat.rows == [["A1", "first\nsecond"], ["A2", "x"]]
    assert dat.lines == [2, 4]


def test_unclosed_qualifier_does_not_swallow_the_file() -> None:
    data = "þBEGBATESþ\x14þNOTEþ\r\nþA1þ\x14þbroken\r\nþA2þ\x14þxþ\r\n".encode()
    dat = read_dat(data)
    assert dat.control_numbers() == ["A1", "A2"]
    assert any("unclosed" in p for p in dat.problems)


def test_cr_only_and_tab_delimited_without_header() -> None:
    dat = read_dat(b"A-1\tSmith\t5/1/2001\rA-2\tJones\t5/2/2001\r")
    assert (dat.delimiter, dat.header, dat.line_ending) == ("\t", None, "CR")
    assert dat.control_numbers() == ["A-1", "A-2"]


def test_forced_options_and_empty_input() -> None:
    dat = read_dat(b"a|b\r\nc|d\r\n", delimiter="|", quote="", header=True)
    assert dat.records == [{"a": "c", "b": "d"}]
    empty = read_dat(b"")
    assert empty.records == [] and empty.problems


def test_header_detection() -> None:
    dat = read_dat(b"Custodian|Subject\r\nJohn Smith|Hello there\r\n")
    assert dat.header == ["Custodian", "Subject"]
    no_header = read_dat(b"ABC0000001|John Smith\r\nABC0000002|Jane Doe\r\n")
    assert no_header.header is None and len(no_header.records) == 2


# ---- paths ----------------------------------------------------------------------------------


def test_resolve_stays_inside_the_volume(tmp_path: Path) -> None:
    (tmp_path / "VOL01" / "TEXT").mkdir(parents=True)
    assert resolve(tmp_path, ".\\VOL01\\TEXT\\a.txt") == tmp_path / "VOL01" / "TEXT" / "a.txt"
    assert resolve(tmp_path, "VOL01/x/../TEXT/a.txt") == tmp_path / "VOL01" / "TEXT" / "a.txt"
    for bad in ("..\\secret.txt", ".\\VOL01\\..\\..\\x", "C:\\x.txt", "\\\\srv\\s\\x", "", "."):
        with pytest.raises(UnsafePathError):
            resolve(tmp_path, bad)
    (tmp_path / "VOL01" / "link").symlink_to(tmp_path.parent)
    with pytest.raises(UnsafePathError):
        resolve(tmp_path, ".\\VOL01\\link\\x")
    found, problems = resolve_all(tmp_path, [".\\VOL01\\a", "..\\b", ""])
    assert list(found) == [".\\VOL01\\a"] and len(problems) == 1


# ---- round trips ----------------------------------------------------------------------------

# Any text but the characters the format reserves: DC4, ® (the newline stand-in), CR (written as
# a newline) and surrogates. þ is allowed: the writer doubles it.
VALUE = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\x14\u00ae\r"), max_size=30
)
NAMES = ["BEGBATES", "ENDBATES", "CUSTODIAN", "SUBJECT", "TO", "CC", "TEXTPATH", "Control Number"]


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    fields=st.lists(
        st.text(st.characters(whitelist_categories=["L", "N"]), min_size=1, max_size=12),
        min_size=1,
        max_size=6,
        unique_by=str.casefold,
    ),
    data=st.data(),
)
def test_round_trip_forced(fields: list[str], data: st.DataObject) -> None:
    rows = data.draw(st.lists(st.lists(VALUE, min_size=len(fields), max_size=len(fields))))
    dat = read_dat(write_dat(fields, rows), delimiter="\x14", quote="þ", header=True)
    assert dat.header == fields
    assert dat.rows == rows
    assert dat.bad_rows == []


@settings(max_examples=150)
@given(
    fields=st.lists(st.sampled_from(NAMES), min_size=2, max_size=6, unique=True),
    data=st.data(),
)
def test_round_trip_detected(fields: list[str], data: st.DataObject) -> None:
    """Standard output is recognised without hints (two or more fields, real field names)."""
    value = st.text(
        st.characters(blacklist_categories=["Cs"], blacklist_characters="\x14\u00ae\r\n\u00fe"),
        max_size=20,
    ).map(lambda text: text.replace(";", "; "))
    rows = data.draw(st.lists(st.lists(value, min_size=len(fields), max_size=len(fields))))
    dat = read_dat(write_dat(fields, [dict(zip(fields, r, strict=True)) for r in rows]))
    assert (dat.encoding, dat.bom, dat.delimiter, dat.quote) == ("utf-8", True, "\x14", "þ")
    assert dat.header == fields
    assert dat.rows == rows
    assert dat.line_ending in ("CRLF", None)
