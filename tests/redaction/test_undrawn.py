"""Strings no page draws (`clawback.pdf.redaction.undrawn`): the scrub takes them out, and the
gate finds them without being told what they say (a brief with no proposal has no secrets)."""

from __future__ import annotations

import pytest

from clawback.pdf.gate.verify import verify
from clawback.pdf.redaction.scrub import scrub
from clawback.pdf.redaction.undrawn import may_hold_strings
from tests.redaction.channels import CHANNELS, PLAIN
from tests.redaction.drawn import ITEM
from tests.redaction.extractors import found_in, texts

UNDRAWN = ["layer_named_item", "marked_content_property", "page_private_key"]


@pytest.mark.parametrize("name", UNDRAWN)
def test_the_gate_finds_an_undrawn_string_without_knowing_it(name: str) -> None:
    findings = verify(CHANNELS[name](PLAIN), [], xray=False, ocr=False)
    undrawn = [f for f in findings if f.check == "undrawn"]
    assert undrawn and all(ITEM not in str(f) for f in findings)


@pytest.mark.parametrize("name", UNDRAWN)
def test_the_scrub_takes_it_out_and_keeps_the_page(name: str) -> None:
    pdf = CHANNELS[name](PLAIN)
    done = scrub(pdf)
    assert found_in(texts(done), ITEM) == []
    assert "Nothing further." in texts(done)["pymupdf"]
    assert [f for f in verify(done, [], xray=False, ocr=False) if f.check == "undrawn"] == []


@pytest.mark.parametrize(
    ("stream", "may"),
    [
        (b"/P <</MCID 3>> BDC (text) Tj EMC", False),
        (b"/P <</MCID 3 /Lang (en)>> BDC EMC", True),
        (b"/P <</X <41>>> BDC EMC", True),
        (b"/P <</X (has DP and BDC inside)>> BDC EMC", True),
        (b"/P <</A <</B 1>> /C (x)>> DP", True),
        (b"BT (no lists here <<) Tj ET", False),
    ],
)
def test_a_property_list_string_is_never_missed_by_the_cheap_test(stream: bytes, may: bool) -> None:
    assert may_hold_strings(stream) is may
