"""`linked.cut` as a table: what a file names outside itself, found however spelled, and what
it holds in itself (or only shows) kept. No LibreOffice here: `tests/ingest/test_linked_content`
renders the files."""

from __future__ import annotations

import time

import pytest

from clawback.pdf.files.linked import cut

RTF = [
    # (why tricky, file, targets cut)
    ("a nested INCLUDEPICTURE inside an IF field: the IF instruction is cut whole",
     rb'{\rtf1 {\field{\*\fldinst IF 1 = 1 "{\field{\*\fldinst INCLUDEPICTURE "file:///x.png"}'
     rb'{\fldrslt y}}"}{\fldrslt z}}}', 1),
    ("the keyword spelled with a hex escape and a unicode escape",
     rb"{\rtf1 {\field{\*\fldinst INCLUDE\'50I\u67?TURE x.png}{\fldrslt y}}}", 1),
    ("the keyword split across groups",
     rb"{\rtf1 {\field{\*\fldinst {INCLUDE}{TEXT} /etc/passwd}{\fldrslt y}}}", 1),
    ("a hyperlink is only shown",
     rb'{\rtf1 {\field{\*\fldinst HYPERLINK "http://x"}{\fldrslt a}}}', 0),
    ("a page number names nothing", rb"{\rtf1 {\field{\*\fldinst PAGE}{\fldrslt 1}}}", 0),
]  # fmt: skip


@pytest.mark.parametrize(("why", "data", "targets"), RTF, ids=[r[0][:40] for r in RTF])
def test_rtf_fields(why: str, data: bytes, targets: int) -> None:
    made = cut(data, ".rtf")
    assert len(made.targets) == targets, why
    assert (made.data == data) == (targets == 0)
    if targets:
        assert b"fldrslt" in made.data  # the field's last shown result kept


def test_an_rtf_of_many_nested_instructions_is_read_once() -> None:
    """Each field instruction was read to its end from every instruction nested in it: 100,000
    nested ones would have taken hours."""
    bomb = b"{\\rtf1 " + b"{\\*\\fldinst X " * 100_000 + b"}" * 100_000 + b"}"
    started = time.monotonic()
    assert cut(bomb, ".rtf").data == bomb
    assert time.monotonic() - started < 10


def test_a_package_keeps_its_own_parts_and_hyperlinks() -> None:
    from tests.ingest.make_linked import docx, frame, odf

    own = odf("text", f"<text:p>{frame('Pictures/a.png')}{frame('./Object 1')}</text:p>")
    assert cut(own, ".odt").data == own
    link = (
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/hyperlink" Target="http://example.com/" TargetMode="External"/>'
    )
    shown = docx("<w:p/>", link)
    assert cut(shown, ".docx").data == shown
    climbing = odf("text", f"<text:p>{frame('Pictures/../../x.png')}</text:p>")
    assert cut(climbing, ".odt").targets == ("Pictures/../../x.png",)
