"""Finding the copies of a page (clawback.copies), on the reference case's demo exhibits."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import numpy as np
import pymupdf
import pytest
import yaml
from PIL import Image, ImageDraw, ImageFilter

from clawback.copies import (
    TEXT_THRESHOLD,
    CopyIndex,
    Match,
    PageSignature,
    banded,
    bands,
    decode,
    encode,
    shared_bands,
    signature,
    signatures_from_pdf,
)
from clawback.demo.exhibits import PPT_IMAGE_PAGE, SHARED_IMAGE_EXHIBIT, make_exhibits

CASE_FILE = Path(__file__).parents[2] / "shared" / "seed-case" / "case.yaml"
PICTURE_EXHIBITS = range(2, 18)


def case_content() -> dict[str, Any]:
    case = yaml.safe_load(CASE_FILE.read_text(encoding="utf-8"))
    content = dict(case["demo_content"])
    content["titles"] = {doc["exhibit"]: doc["title"] for doc in case["documents"]}
    return content


def key(exhibit: int, page: int) -> str:
    return f"ex{exhibit}/p{page}"


@pytest.fixture(scope="module")
def exhibits() -> dict[int, bytes]:
    if not CASE_FILE.exists():
        pytest.skip(f"reference case file missing: {CASE_FILE}")
    return make_exhibits(case_content())


@pytest.fixture(scope="module")
def sigs(exhibits: dict[int, bytes]) -> dict[str, PageSignature]:
    out = {}
    for number, pdf in sorted(exhibits.items()):
        for index, sig in enumerate(signatures_from_pdf(pdf)):
            out[key(number, index)] = sig
    return out


@pytest.fixture(scope="module")
def index(sigs: dict[str, PageSignature]) -> CopyIndex:
    idx = CopyIndex()
    idx.add_all(sigs.items())
    return idx


def keys(matches: list[Match]) -> set[str]:
    return {m.key for m in matches}


def one_image_pdf(image: Image.Image, fmt: str = "PNG", quality: int = 90) -> bytes:
    """A US Letter page showing only ``image``, the way a scan is produced."""
    buf = io.BytesIO()
    image.convert("RGB").save(buf, fmt, **({"quality": quality} if fmt == "JPEG" else {}))
    with pymupdf.open() as doc:
        page = doc.new_page(width=612, height=792)
        page.insert_image(page.rect, stream=buf.getvalue())
        return doc.tobytes()


def text_pdf(text: str) -> bytes:
    with pymupdf.open() as doc:
        page = doc.new_page(width=612, height=792)
        page.insert_textbox(pymupdf.Rect(54, 54, 558, 738), text, fontsize=9)
        return doc.tobytes()


def embedded(pdf: bytes) -> Image.Image:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        xref = doc[0].get_images(full=True)[0][0]
        return pymupdf.Pixmap(doc, xref).pil_image().convert("RGB")


def page_text(pdf: bytes, page: int) -> str:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return doc[page].get_text()


# --- the reference case -------------------------------------------------------------------------


def test_every_page_has_a_signature(sigs: dict[str, PageSignature]) -> None:
    assert len(sigs) == 5 + 16 + 17 + 19
    for n in PICTURE_EXHIBITS:
        sig = sigs[key(n, 0)]
        assert sig.text_hash is None and sig.minhash is None
        assert {im.source for im in sig.images} == {"embedded", "page"}


def test_ex5_finds_the_briefing_slide_without_a_hint(index: CopyIndex) -> None:
    matches = index.find_key(key(SHARED_IMAGE_EXHIBIT, 0))
    assert matches == [Match(key(19, PPT_IMAGE_PAGE), "same_picture", 1.0)]


def test_the_briefing_slide_finds_ex5(index: CopyIndex) -> None:
    matches = index.find_key(key(19, PPT_IMAGE_PAGE))
    assert matches == [Match(key(SHARED_IMAGE_EXHIBIT, 0), "same_picture", 1.0)]


def test_query_by_signature_excludes_only_the_given_key(
    index: CopyIndex, sigs: dict[str, PageSignature]
) -> None:
    own = key(SHARED_IMAGE_EXHIBIT, 0)
    assert own in keys(index.find(sigs[own]))
    assert own not in keys(index.find(sigs[own], key=own))


def test_no_text_page_matches_another(index: CopyIndex, sigs: dict[str, PageSignature]) -> None:
    for k, sig in sigs.items():
        if sig.minhash is not None and k != key(19, PPT_IMAGE_PAGE):
            assert index.find_key(k) == [], k


def test_duplicate_key_is_refused(index: CopyIndex, sigs: dict[str, PageSignature]) -> None:
    with pytest.raises(ValueError):
        index.add(key(1, 0), sigs[key(1, 0)])


# --- planted copies ------------------------------------------------------------------------------


def test_rerendered_page_matches_as_near_picture(
    index: CopyIndex, exhibits: dict[int, bytes]
) -> None:
    with pymupdf.open(stream=exhibits[SHARED_IMAGE_EXHIBIT], filetype="pdf") as doc:
        png = doc[0].get_pixmap(dpi=72).tobytes("png")
    rescan = one_image_pdf(Image.open(io.BytesIO(png)))
    [sig] = signatures_from_pdf(rescan)
    matches = index.find(sig)
    assert matches[0] == Match(key(SHARED_IMAGE_EXHIBIT, 0), "near_picture", matches[0].score)
    assert keys(matches) <= {key(SHARED_IMAGE_EXHIBIT, 0), key(19, PPT_IMAGE_PAGE)}


@pytest.mark.parametrize("change", ["jpeg30", "crop3", "rescan"])
def test_altered_picture_matches_as_near_picture(
    index: CopyIndex, exhibits: dict[int, bytes], change: str
) -> None:
    image = embedded(exhibits[SHARED_IMAGE_EXHIBIT])
    if change == "jpeg30":
        pdf = one_image_pdf(image, "JPEG", quality=30)
    elif change == "crop3":
        pdf = one_image_pdf(image.crop((3, 3, image.width - 3, image.height - 3)))
    else:
        noise = np.random.default_rng(7).normal(0, 6, (image.height, image.width, 3))
        noisy = np.clip(np.asarray(image, dtype=float) + noise, 0, 255).astype(np.uint8)
        blurred = Image.fromarray(noisy).filter(ImageFilter.GaussianBlur(0.8))
        pdf = one_image_pdf(blurred.resize((image.width * 3 // 4, image.height * 3 // 4)))
    [sig] = signatures_from_pdf(pdf)
    matches = index.find(sig)
    wanted = {key(SHARED_IMAGE_EXHIBIT, 0), key(19, PPT_IMAGE_PAGE)}
    assert wanted <= keys(matches), matches
    assert keys(matches) <= wanted, matches
    assert {m.kind for m in matches} == {"near_picture"}


def test_text_page_with_two_words_changed_matches_as_near_text(
    index: CopyIndex, exhibits: dict[int, bytes]
) -> None:
    words = page_text(exhibits[1], 2).split()
    assert len(words) > 100
    words[40] = "zebra"
    words[90] = "quokka"
    [sig] = signatures_from_pdf(text_pdf(" ".join(words)))
    matches = index.find(sig)
    assert [(m.key, m.kind) for m in matches] == [(key(1, 2), "near_text")]
    assert matches[0].score >= 0.8


def test_retyped_text_matches_exactly(index: CopyIndex, exhibits: dict[int, bytes]) -> None:
    text = page_text(exhibits[18], 4)
    sig = signature("  " + text.upper().replace("\n", "   \n "))
    assert index.find(sig) == [Match(key(18, 4), "exact", 1.0)]


def test_a_different_page_does_not_match(index: CopyIndex) -> None:
    text = " ".join(f"word{i} filler{i % 7} clause{i % 13}" for i in range(120))
    canvas = Image.new("RGB", (600, 400), "white")
    draw = ImageDraw.Draw(canvas)
    for i in range(12):
        draw.ellipse(
            (i * 40, (i * 53) % 300, i * 40 + 90, (i * 53) % 300 + 90), fill=(i * 20, 80, 200)
        )
    assert index.find(signature(text, [canvas])) == []


def test_short_text_has_no_text_signature() -> None:
    sig = signature("Border Operations Update")
    assert sig.text_hash is None and sig.minhash is None and sig.words == 3


# --- trimmed pictures, kept signatures ----------------------------------------------------------


def busy_picture(seed: int) -> Image.Image:
    """A small picture of overlapping shapes, like a chart or a photo thumbnail."""
    rng = np.random.default_rng(seed)
    width, height = (128, 96) if seed % 2 else (96, 128)
    image = Image.new("RGB", (width, height), tuple(int(v) for v in rng.integers(150, 256, 3)))
    draw = ImageDraw.Draw(image)
    for _ in range(8):
        x0, y0 = int(rng.integers(-20, width)), int(rng.integers(-20, height))
        box = (x0, y0, x0 + int(rng.integers(10, 80)), y0 + int(rng.integers(10, 80)))
        fill = tuple(int(v) for v in rng.integers(0, 256, 3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)(box, fill=fill)
    return image


def test_a_picture_trimmed_by_a_few_pixels_meets_its_original_and_nothing_else() -> None:
    originals = {f"pic{n}": busy_picture(n) for n in range(24)}
    idx = CopyIndex()
    idx.add_all((k, signature("", [im])) for k, im in originals.items())
    for k, image in originals.items():
        px = 2 + int(k[3:]) % 3
        trimmed = image.crop((px, px, image.width - px, image.height - px))
        matches = idx.find(signature("", [trimmed]))
        assert [(m.key, m.kind) for m in matches] == [(k, "near_picture")], (k, px)
        untrimmed = CopyIndex()
        untrimmed.add(k, signature("", [trimmed]))
        assert keys(untrimmed.find(signature("", [image]))) == {k}  # and the other way round


def test_a_kept_signature_reads_back_the_same(
    index: CopyIndex, sigs: dict[str, PageSignature]
) -> None:
    for k in (key(1, 2), key(SHARED_IMAGE_EXHIBIT, 0), key(19, PPT_IMAGE_PAGE)):
        fields = encode(sigs[k])
        assert isinstance(fields["minhash"], bytes | None)
        json.dumps(fields["images"])  # JSON as it is kept
        back = decode(**fields)
        assert back == sigs[k]
        assert index.find(back, key=k) == index.find_key(k)


def test_a_kept_signature_of_the_wrong_length_is_refused(sigs: dict[str, PageSignature]) -> None:
    fields = encode(sigs[key(1, 2)])
    fields["minhash"] = fields["minhash"][:-4]
    with pytest.raises(ValueError, match="127 values"):
        decode(**fields)


def test_exact_only_leaves_near_matches_out(index: CopyIndex) -> None:
    assert {m.kind for m in index.find_key(key(2, 0))} == {"near_picture"}  # look-alikes
    assert index.find_key(key(2, 0), near=False) == []
    assert index.find_key(key(SHARED_IMAGE_EXHIBIT, 0), near=False) == [
        Match(key(19, PPT_IMAGE_PAGE), "same_picture", 1.0)
    ]


def test_every_near_text_copy_shares_a_band() -> None:
    """Pages whose MinHashes agree on TEXT_THRESHOLD of their values or more share a band,
    indeed ``shared_bands()`` of them (the lookup misses no copy the scan finds); the pages
    range from the same text to one with a word in three changed."""
    assert banded(TEXT_THRESHOLD) and not banded(0.7)
    rng = np.random.default_rng(5)
    words = [f"w{n}" for n in rng.integers(0, 5000, 90)]
    variants = []
    for changed in range(31):
        text = list(words)
        for at in rng.choice(len(text), changed, replace=False):
            text[at] = f"x{at}"
        variants.append(signature(" ".join(text)).minhash)
    near = 0
    for a in variants:
        for b in variants:
            assert a is not None and b is not None
            agree = float(np.mean(a.hashvalues == b.hashvalues))
            shared = {(n, x) for n, x in enumerate(bands(a))} & set(enumerate(bands(b)))
            if agree >= TEXT_THRESHOLD:
                near += 1
                assert len(shared) >= shared_bands() == 7, agree
    assert 31 < near < 31 * 31  # near pairs besides each page with itself, and far ones
