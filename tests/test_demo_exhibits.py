"""The synthetic stand-ins for the reference case's 19 exhibits (clawback.demo.exhibits)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pymupdf
import pytest
import yaml

from clawback.demo.exhibits import (
    BOTTOM_CLEARANCE,
    EXHIBIT_PAGES,
    FIR_CODE_LABEL,
    FIR_GAPS_HEADING,
    FIR_SECRET_PAGE,
    PPT_CODE_LABEL,
    PPT_IMAGE_PAGE,
    PPT_SECRET_PAGE,
    SHARED_IMAGE_EXHIBIT,
    SYNTHETIC_MARK,
    make_exhibits,
)

CASE_FILE = Path(__file__).parents[2] / "shared" / "seed-case" / "case.yaml"
IMAGE_EXHIBITS = range(2, 18)
CODE_PATTERN = re.compile(r"[A-Z]{3}-\d{4}-\d{2}-\d{6}")


def case_content() -> dict[str, Any]:
    case = yaml.safe_load(CASE_FILE.read_text(encoding="utf-8"))
    content = dict(case["demo_content"])
    content["titles"] = {doc["exhibit"]: doc["title"] for doc in case["documents"]}
    return content


@pytest.fixture(scope="module")
def content() -> dict[str, Any]:
    return case_content()


@pytest.fixture(scope="module")
def exhibits(content: dict[str, Any]) -> dict[int, bytes]:
    return make_exhibits(content)


@pytest.fixture(scope="module")
def docs(exhibits: dict[int, bytes]) -> Iterator[dict[int, pymupdf.Document]]:
    opened = {n: pymupdf.open(stream=data, filetype="pdf") for n, data in exhibits.items()}
    yield opened
    for doc in opened.values():
        doc.close()


def pages(docs: dict[int, pymupdf.Document]) -> Iterator[tuple[int, int, pymupdf.Page]]:
    for number, doc in sorted(docs.items()):
        for index, page in enumerate(doc):
            yield number, index, page


def lines(page: pymupdf.Page) -> list[str]:
    """The page's text lines as pymupdf groups them, spans joined."""
    out = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            out.append("".join(span["text"] for span in line["spans"]).strip())
    return out


def pixel_sha(doc: pymupdf.Document, page: pymupdf.Page) -> str:
    (image,) = page.get_images(full=True)
    return hashlib.sha256(pymupdf.Pixmap(doc, image[0]).samples).hexdigest()


def occurrences(docs: dict[int, pymupdf.Document], needle: str) -> dict[tuple[int, int], int]:
    found = {}
    for number, index, page in pages(docs):
        hits = len(page.search_for(needle)) + page.get_text().count(needle)
        if hits:
            found[(number, index)] = hits
    return found


def test_the_case_file_is_where_the_tests_expect_it() -> None:
    assert CASE_FILE.is_file(), CASE_FILE


def test_exhibit_pages_match_the_bates_ranges() -> None:
    assert sorted(EXHIBIT_PAGES) == list(range(1, 20))
    assert EXHIBIT_PAGES[1] == 5
    assert all(EXHIBIT_PAGES[n] == 1 for n in IMAGE_EXHIBITS)
    assert EXHIBIT_PAGES[18] == 17  # AOL-DEF-00528691-707
    assert EXHIBIT_PAGES[19] == 19  # AOL-DEF-00516605-623
    assert sum(EXHIBIT_PAGES[n] for n in range(1, 18)) == 21  # AOL-DEF-00556914-934


def test_page_counts(docs: dict[int, pymupdf.Document]) -> None:
    assert sorted(docs) == list(range(1, 20))
    assert {n: doc.page_count for n, doc in docs.items()} == EXHIBIT_PAGES


def test_page_sizes(docs: dict[int, pymupdf.Document]) -> None:
    for number, _, page in pages(docs):
        width, height = page.rect.width, page.rect.height
        if number == 19:
            assert width > height
        else:
            assert (width, height) == (612, 792)


def test_image_exhibits_are_one_image_and_no_text(docs: dict[int, pymupdf.Document]) -> None:
    for number in IMAGE_EXHIBITS:
        (page,) = docs[number]
        assert page.get_text() == ""
        assert len(page.get_images(full=True)) == 1
        assert len(page.get_image_info()) == 1
        assert page.get_drawings() == []


def test_text_pages_are_marked_synthetic(docs: dict[int, pymupdf.Document]) -> None:
    for number in (1, 18, 19):
        for page in docs[number]:
            text = page.get_text()
            assert SYNTHETIC_MARK in text
            assert len(text) > 150


def test_email_has_header_and_image_list(docs: dict[int, pymupdf.Document]) -> None:
    first = docs[1][0].get_text()
    for label in ("From:", "To:", "Cc:", "Sent:", "Subject:"):
        assert label in first
    subject = next(ln for ln in lines(docs[1][0]) if "SENTRI revocation" in ln)
    assert subject
    last = docs[1][4].get_text()
    for k in range(1, 17):
        assert f"image{k:03d}.png" in last


def test_fir_code_only_on_its_page(
    docs: dict[int, pymupdf.Document], content: dict[str, Any]
) -> None:
    code = content["fir-dbcode"]
    assert occurrences(docs, code) == {(18, FIR_SECRET_PAGE): 2}  # one rect + one text hit
    page = docs[18][FIR_SECRET_PAGE]
    assert f"{FIR_CODE_LABEL} {code}" in lines(page)


def test_fir_gap_names_under_their_heading(
    docs: dict[int, pymupdf.Document], content: dict[str, Any]
) -> None:
    page = docs[18][FIR_SECRET_PAGE]
    page_lines = lines(page)
    heading = page_lines.index(FIR_GAPS_HEADING)
    (heading_rect,) = page.search_for(FIR_GAPS_HEADING)
    for name in content["fir-gaps"]:
        assert occurrences(docs, name) == {(18, FIR_SECRET_PAGE): 2}
        assert page_lines.index(name) > heading
        (rect,) = page.search_for(name)
        assert rect.y0 > heading_rect.y1


def test_ppt_codes_and_sentence_on_their_page(
    docs: dict[int, pymupdf.Document], content: dict[str, Any]
) -> None:
    page = docs[19][PPT_SECRET_PAGE]
    page_lines = lines(page)
    for code in content["ppt-dbcode"]:
        assert occurrences(docs, code) == {(19, PPT_SECRET_PAGE): 2}
        assert f"{PPT_CODE_LABEL} {code}" in page_lines
    other = content["ppt-other"]
    assert occurrences(docs, other) == {(19, PPT_SECRET_PAGE): 2}
    assert other in page_lines


def test_no_other_code_like_strings(
    docs: dict[int, pymupdf.Document], content: dict[str, Any]
) -> None:
    allowed = {content["fir-dbcode"], *content["ppt-dbcode"]}
    for _, _, page in pages(docs):
        assert set(CODE_PATTERN.findall(page.get_text())) <= allowed


def test_ppt_618_is_the_very_same_picture_as_ex5(docs: dict[int, pymupdf.Document]) -> None:
    slide = docs[19][PPT_IMAGE_PAGE]
    assert len(slide.get_images(full=True)) == 1
    assert SYNTHETIC_MARK in slide.get_text()
    assert "Individuals of Interest" in slide.get_text()
    shared = pixel_sha(docs[19], slide)
    assert shared == pixel_sha(docs[SHARED_IMAGE_EXHIBIT], docs[SHARED_IMAGE_EXHIBIT][0])


def test_the_16_images_are_distinct(docs: dict[int, pymupdf.Document]) -> None:
    hashes = {pixel_sha(docs[n], docs[n][0]) for n in IMAGE_EXHIBITS}
    assert len(hashes) == 16


def test_only_ppt_618_repeats_an_image(docs: dict[int, pymupdf.Document]) -> None:
    email_images = {pixel_sha(docs[n], docs[n][0]) for n in IMAGE_EXHIBITS}
    for number in (1, 18, 19):
        for index, page in enumerate(docs[number]):
            for image in page.get_images(full=True):
                sha = hashlib.sha256(pymupdf.Pixmap(docs[number], image[0]).samples).hexdigest()
                if sha in email_images:
                    assert (number, index) == (19, PPT_IMAGE_PAGE)


def test_bottom_band_is_free(docs: dict[int, pymupdf.Document]) -> None:
    for number, index, page in pages(docs):
        limit = page.rect.height - BOTTOM_CLEARANCE
        boxes = [pymupdf.Rect(b["bbox"]) for b in page.get_text("dict")["blocks"]]
        boxes += [d["rect"] for d in page.get_drawings()]
        boxes += [pymupdf.Rect(i["bbox"]) for i in page.get_image_info()]
        assert boxes, (number, index)
        for box in boxes:
            assert box.y1 <= limit, (number, index, box)
            assert box.x0 >= 0 and box.x1 <= page.rect.width, (number, index, box)


def test_deterministic(exhibits: dict[int, bytes], content: dict[str, Any]) -> None:
    again = make_exhibits(case_content())
    assert again.keys() == exhibits.keys()
    for number, data in exhibits.items():
        assert again[number] == data, number


def test_other_content_lands_in_the_same_places() -> None:
    content = case_content()
    content["fir-dbcode"] = "QQQ-2020-06-000026"
    content["fir-gaps"] = ["Otro Nombre, Uno"]
    content["ppt-dbcode"] = ["ZZZ-2020-06-000001", "ZZZ-2020-06-000002", "ZZZ-2020-06-000003"]
    content["ppt-other"] = (
        "A much longer sentence about actions taken with sensitive information " * 2
    )
    content["ppt-other"] = content["ppt-other"].strip()
    content["titles"] = {str(n): t for n, t in content["titles"].items()}
    docs = {n: pymupdf.open(stream=d, filetype="pdf") for n, d in make_exhibits(content).items()}
    assert {n: doc.page_count for n, doc in docs.items()} == EXHIBIT_PAGES
    for needle in (content["fir-dbcode"], *content["fir-gaps"]):
        assert occurrences(docs, needle) == {(18, FIR_SECRET_PAGE): 2}
    for needle in (*content["ppt-dbcode"], content["ppt-other"]):
        assert occurrences(docs, needle) == {(19, PPT_SECRET_PAGE): 2}
    assert content["ppt-other"] in lines(docs[19][PPT_SECRET_PAGE])


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("fir-dbcode", None),
        ("fir-dbcode", ""),
        ("fir-gaps", "Ejemplo Ruiz, Marisol"),
        ("fir-gaps", []),
        ("ppt-dbcode", None),
        ("ppt-other", "two\nlines"),
        ("social_media_posts", 5),
        ("titles", None),
        ("titles", {1: "only one"}),
    ],
)
def test_bad_content_is_refused(key: str, value: object) -> None:
    content = case_content()
    content[key] = value
    with pytest.raises(ValueError):
        make_exhibits(content)


def test_a_string_too_long_for_one_line_is_refused() -> None:
    content = case_content()
    content["ppt-other"] = "word " * 200
    with pytest.raises(ValueError):
        make_exhibits(content)
