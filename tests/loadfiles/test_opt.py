"""OPT reader/writer: every sample in loadfiles.expected.json, quirks, round trips."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clawback.loadfiles import OptPage, read_opt, resolve_all, write_opt
from tests.loadfiles import sample_cases

OPT_CASES = [case for case in sample_cases() if case[1].suffix.lower() == ".opt"]
CHECKED = {"line_ending", "fields_per_line", "pages", "documents", "notes"}


def test_every_sample_is_covered() -> None:
    assert len(OPT_CASES) >= 2
    assert all(path.exists() for _, path, _ in OPT_CASES)


@pytest.mark.parametrize(("name", "path", "facts"), OPT_CASES, ids=[c[0] for c in OPT_CASES])
def test_sample_facts(name: str, path: Path, facts: dict[str, Any]) -> None:
    opt = read_opt(path.read_bytes())
    unchecked = sorted(set(facts) - CHECKED)
    if unchecked:
        print(f"{name}: keys not checked: {unchecked}")
    assert not opt.problems
    if "line_ending" in facts:
        assert opt.line_ending == facts["line_ending"].split(",")[0].strip()
    if "pages" in facts:
        assert len(opt.pages) == facts["pages"]
    if "fields_per_line" in facts:
        assert opt.field_counts == {facts["fields_per_line"]: len(opt.pages)}
    if "documents" in facts:
        documents = opt.documents()
        assert len(documents) == len(facts["documents"])
        for document, expected in zip(documents, facts["documents"], strict=True):
            assert document.pages[0].doc_break
            if "begin" in expected:
                assert document.key == expected["begin"]
            if "page_count_field" in expected:
                assert document.page_count_field == expected["page_count_field"]
                assert len(document.pages) == expected["page_count_field"]
            if "pages" in expected:
                assert [page.key for page in document.pages] == expected["pages"]
            if "volume" in expected:
                assert {page.volume for page in document.pages} == {expected["volume"]}
    found, unsafe = resolve_all(path.parent, [page.path for page in opt.pages])
    assert not unsafe
    if "exist" in facts.get("notes", ""):
        assert all(target.is_file() for target in found.values())


def test_five_and_six_field_lines_blank_lines_and_bad_lines() -> None:
    data = (
        b"A-001,VOL1,.\\IMG\\A-001.tif,Y,,,2\r\n"
        b"A-002,VOL1,.\\IMG\\A-002.tif,,\r\n"
        b"\r\n"
        b"B-001,VOL1,.\\IMG\\B-001.tif,Y,\r\n"
        b"garbage line\r\n"
        b"B-002,VOL1,.\\IMG\\B,002.tif,,,,\r\n"
        b"B-003,VOL1,.\\IMG\\B-003.tif,maybe,,,x\n"
    )
    opt = read_opt(data)
    assert [page.key for page in opt.pages] == ["A-001", "A-002", "B-001", "B-002", "B-003"]
    assert [page.line for page in opt.pages] == [1, 2, 4, 6, 7]
    assert opt.pages[3].path == ".\\IMG\\B,002.tif"
    documents = opt.documents()
    assert [[p.key for p in d.pages] for d in documents] == [
        ["A-001", "A-002"],
        ["B-001", "B-002", "B-003"],
    ]
    assert opt.field_counts == {7: 2, 5: 2, 1: 1, 8: 1}
    assert opt.line_ending == "mixed"
    text = "\n".join(opt.problems)
    assert "line 5: 1 field(s)" in text
    assert "line 6: 8 fields" in text
    assert "line 7: document break 'maybe'" in text
    assert "line 7: page count 'x'" in text


def test_page_count_mismatch_and_missing_first_break() -> None:
    opt = read_opt(b"P1,V,a.tif,,,,\r\nP2,V,b.tif,Y,,,4\r\nP3,V,c.tif,,,,\r\nP3,V,d.tif,,,,")
    assert len(opt.documents()) == 2
    text = "\n".join(opt.problems)
    assert "first page has no document break" in text
    assert "says 4 page(s) but has 3" in text
    assert "image key 'P3' repeats line 3" in text


def test_empty_and_binary_input() -> None:
    assert read_opt(b"").problems == ["no page lines found"]
    assert read_opt(b"\x00\xff\xfe,,,\n").pages == []


TOKEN = st.text(
    st.characters(blacklist_categories=["Cs", "Zs", "Zl", "Zp", "Cc"], blacklist_characters=","),
    min_size=1,
    max_size=15,
)


@st.composite
def opt_pages(draw: st.DrawFn) -> list[OptPage]:
    pages: list[OptPage] = []
    for _ in range(draw(st.integers(1, 5))):
        count = draw(st.integers(1, 4))
        volume = draw(TOKEN)
        for index in range(count):
            path = draw(TOKEN) + draw(st.sampled_from(["", ",copy"])) + ".tif"
            pages.append(
                OptPage(
                    key=draw(TOKEN),
                    volume=volume,
                    path=path,
                    doc_break=index == 0,
                    folder_break=draw(st.sampled_from(["", "Y"])) if index == 0 else "",
                    box_break="",
                    page_count=count if index == 0 else None,
                    line=len(pages) + 1,
                )
            )
    return pages


@settings(max_examples=200)
@given(opt_pages())
def test_round_trip(pages: list[OptPage]) -> None:
    opt = read_opt(write_opt(pages))
    assert opt.pages == pages
    assert [len(d.pages) for d in opt.documents()] == [
        p.page_count for p in pages if p.page_count is not None
    ]
    keys = [page.key for page in pages]
    has_commas = any("," in page.path for page in pages)
    if len(set(keys)) == len(keys) and not has_commas:
        assert opt.problems == []


def test_writer_refuses_unwritable_fields() -> None:
    with pytest.raises(ValueError):
        write_opt([OptPage("A,1", "V", "a.tif", True)])
    with pytest.raises(ValueError):
        write_opt([OptPage("A1", "V", "a\n.tif", True)])
