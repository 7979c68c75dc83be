"""Attack round five, the next member of the transfer-function class: a colour profile
(``ICCBased``) whose tone curve shows other viewers what MuPDF does not draw.

Measured when written (PyMuPDF 2.0 / MuPDF 1.28.5, pypdfium2): the noise picture of
`test_transfer_functions` (its samples' lowest bit spelling the item's line) in a grey
``ICCBased`` space whose profile's ``kTRC`` curve maps odd samples to black and even ones to
white. MuPDF's colour engine smooths the curve away and draws noise; pdfium (Chrome's viewer)
applies it value by value and shows ``code DB-40981 entered``; ``produce --redact-pattern``
wrote it out as it came, and the gate passed it. Now `scrub` draws such a space as the device
space of as many components (`redaction.profiles`): noise in every viewer; and the gate
refuses a file still holding one (``profile``).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator

import pikepdf
import pymupdf
import pytest

from clawback.pdf.gate.verify import verify
from clawback.pdf.redaction.profiles import plain_profile
from clawback.pdf.redaction.scrub import scrub
from tests.redaction.channels import PLAIN, _with
from tests.redaction.drawn import ITEM
from tests.redaction.extractors import contains, found_in, ocr, texts
from tests.redaction.test_transfer_functions import _noise, chrome
from tests.redaction.volumes import Volumes, refused_in_one_line

#: Odd samples to black, even ones to white.
PARITY = [0 if sample % 2 else 65535 for sample in range(256)]


def _fixed(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def grey_profile(curve: list[int], extra: tuple[bytes, ...] = (), body: bytes = b"") -> bytes:
    """A version 2 grey display profile whose tone curve (``kTRC``) is `curve` (one entry: a
    gamma in 8.8), with the tags named in `extra` added, each holding `body` (an empty
    lookup when none)."""
    white = b"XYZ " + bytes(4) + _fixed(0.9642) + _fixed(1.0) + _fixed(0.8249)
    tone = b"curv" + bytes(4) + struct.pack(">I", len(curve))
    tone += b"".join(struct.pack(">H", v) for v in curve)
    tags = [
        (b"desc", b"desc" + bytes(4) + struct.pack(">I", 2) + b"g\0" + bytes(79)),
        (b"wtpt", white),
        (b"kTRC", tone),
        (b"cprt", b"text" + bytes(4) + b"none\0"),
        *((name, body or b"mft2" + bytes(48)) for name in extra),
    ]
    start = 128 + 4 + 12 * len(tags)
    table, data = struct.pack(">I", len(tags)), b""
    for name, body in tags:
        body += bytes(-len(body) % 4)
        table += name + struct.pack(">II", start + len(data), len(body))
        data += body
    header = struct.pack(">I", start + len(data)) + b"lcms" + bytes([2, 0x10, 0, 0])
    header += b"mntrGRAYXYZ " + bytes(12) + b"acspAPPL" + bytes(24)
    header += _fixed(0.9642) + _fixed(1.0) + _fixed(0.8249) + bytes(48)
    assert len(header) == 128
    return header + table + data


def noise_in_profile(curve: list[int]) -> bytes:
    samples, w, h, points_wide, points_high = _noise()

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        profile = pdf.make_stream(grey_profile(curve), N=1, Alternate=pikepdf.Name.DeviceGray)
        picture = pdf.make_stream(
            zlib.compress(samples),
            Type=pikepdf.Name.XObject,
            Subtype=pikepdf.Name.Image,
            Width=w,
            Height=h,
            ColorSpace=pikepdf.Array([pikepdf.Name.ICCBased, profile]),
            BitsPerComponent=8,
            Filter=pikepdf.Name.FlateDecode,
        )
        resources.XObject = pikepdf.Dictionary(Im1=picture)

    place = f"{points_wide:.2f} 0 0 {points_high:.2f} 72 600 cm /Im1 Do"
    return _with(PLAIN, f"q {place} Q\n", setup)


def test_chrome_shows_the_item_through_the_profile_where_mupdf_draws_noise() -> None:
    pdf = noise_in_profile(PARITY)
    assert not found_in(texts(pdf), ITEM)
    assert not contains(ocr(pdf), ITEM)
    assert contains(chrome(pdf), ITEM)


def test_the_scrub_draws_the_space_as_its_device_space() -> None:
    pdf = noise_in_profile(PARITY)
    cleaned = scrub(pdf)
    assert not contains(chrome(cleaned), ITEM)
    assert not contains(ocr(cleaned), ITEM)
    assert not verify(cleaned, [("code", ITEM)], xray=False)


def test_the_gate_refuses_a_profile_mupdf_does_not_apply() -> None:
    findings = verify(noise_in_profile(PARITY), [("code", ITEM)], xray=False)
    assert any(f.check == "profile" for f in findings), findings


def test_a_plain_profile_is_kept() -> None:
    """A gamma curve, a rising table: the profile stays, the gate passes it."""
    for curve in ([0x0233], list(range(0, 65536, 257))):
        pdf = noise_in_profile(curve)
        assert plain_profile(grey_profile(curve))
        cleaned = scrub(pdf)
        assert b"ICCBased" in pymupdf.open(stream=cleaned).tobytes(expand=255)
        assert not [f for f in verify(cleaned, [], xray=False) if f.check == "profile"]


def _lookup(output: list[int]) -> bytes:
    """A grey ``mft2`` lookup tag: rising input table, a two-point grid, `output` table."""
    tag = b"mft2" + bytes(4) + bytes([1, 1, 2, 0]) + bytes(36)
    tag += struct.pack(">HH", 2, len(output)) + struct.pack(">2H", 0, 65535)
    tag += struct.pack(">2H", 0, 65535) + struct.pack(f">{len(output)}H", *output)
    return tag


def test_a_turning_curve_anywhere_is_not_plain() -> None:
    assert not plain_profile(grey_profile(PARITY))
    assert not plain_profile(grey_profile([0x0233], (b"A2B0",), _lookup(PARITY)))
    assert plain_profile(grey_profile([0x0233], (b"A2B0",), _lookup(list(range(0, 65536, 257)))))
    wobbling = [min(65535, max(0, 257 * n + (300 if n % 2 else -300))) for n in range(256)]
    assert plain_profile(grey_profile(wobbling))  # a measured curve's jitter is no turn
    assert not plain_profile(b"not a profile")


@pytest.fixture(scope="module")
def volumes(tmp_path_factory: pytest.TempPathFactory, xray_available: None) -> Iterator[Volumes]:
    made = Volumes(tmp_path_factory.mktemp("profiles"))
    yield made
    made.close()


@pytest.mark.xray
def test_a_produced_page_shows_chrome_no_more_than_mupdf(volumes: Volumes) -> None:
    produced = volumes.produce("profile", lambda heading: noise_in_profile(PARITY), PLAIN)
    if isinstance(produced, str):
        refused_in_one_line(produced)
        return
    assert not contains(chrome(produced), ITEM)
    assert contains(texts(produced)["pymupdf"], "Routine")
