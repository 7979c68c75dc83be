"""No "1 pages": every count the product writes agrees with its noun."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import clawback
from clawback.domain.counts import counted
from clawback.pdf.redaction.redact import Redaction, RedactionError, redact
from tests.pdf.builders import REASON, text_pdf


@pytest.mark.parametrize(
    ("count", "noun", "plural", "said"),
    [
        (1, "page", None, "1 page"),
        (0, "page", None, "0 pages"),
        (2, "entry", "entries", "2 entries"),
    ],
)
def test_a_count_and_its_noun(count: int, noun: str, plural: str | None, said: str) -> None:
    assert counted(count, noun, plural) == said


def test_a_one_page_document_is_one_page() -> None:
    with pytest.raises(RedactionError) as caught:
        redact(text_pdf(pages=1), [Redaction(page=1, reason=REASON, text="x", label="late")])
    assert str(
        caught.value
    ) == "item 'late' does not exist on page 2 (the document has 1 page)" or (
        "(the document has 1 page)" in str(caught.value)
    )


# A number written straight before a plural noun: ``{len(span)} pages``. Runtime checks in the
# demo (which counts its own fixed output) are not what a user reads.
SLIP = re.compile(
    r"\{(?:len\([^}]*\)|[\w.]*(?:count|total|pages))\} "
    r"(?:pages|documents|labels|hits|fields|warnings)\b"
)


def test_no_count_is_written_next_to_a_plural_noun() -> None:
    package = Path(clawback.__file__).parent
    slips = [
        f"{path.relative_to(package)}:{n}"
        for path in package.rglob("*.py")
        if "demo" not in path.parts
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if SLIP.search(line)
    ]
    assert slips == []
