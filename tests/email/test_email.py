"""E-mail parsing, rendering and family expansion, checked against the shared sample facts."""

from __future__ import annotations

import email.utils
import io
import json
import random
import re
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pymupdf
import pytest
from PIL import Image

from clawback.email import (
    Attachment,
    EmailError,
    Message,
    family,
    parse_email,
    render_attachment,
    render_message,
)
from clawback.ingest.images import MIN_PAGE

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples" / "emails"
EXPECTED_FILE = SAMPLES / "emails.expected.json"
EXPECTED: dict[str, dict] = (
    {k: v for k, v in json.loads(EXPECTED_FILE.read_text()).items() if not k.startswith("_")}
    if EXPECTED_FILE.exists()
    else {}
)
IMAGE_EXT = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff")


def _sample(key: str) -> bytes:
    path = (SAMPLES / key).resolve()
    if not path.exists():
        pytest.skip(f"sample missing: {path}")
    return path.read_bytes()


_PARSED: dict[str, Message] = {}


def _parsed(key: str) -> Message:
    if key not in _PARSED:
        _PARSED[key] = parse_email(_sample(key), Path(key).name)
    return _PARSED[key]


def _note_free(text: str) -> str:
    """Drop the annotations the fact file appends: ' [..]' and ' (..)' at the end."""
    text = re.sub(r"\s+\[[^\]]*\]$", "", text)
    return re.sub(r"\s+\((?:RFC|iso|Windows)[^)]*\)$", "", text, flags=re.I)


def _addr(text: str) -> tuple[str, str]:
    name, addr = email.utils.parseaddr(text)
    return " ".join(name.split()), addr.lower()


def _emails(values: list[str] | str) -> list[str]:
    values = [values] if isinstance(values, str) else values
    return [a.lower() for _, a in email.utils.getaddresses(values)]


def _dt(value: str) -> datetime:
    if value.endswith("Z"):
        return datetime.fromisoformat(value[:-1]).replace(tzinfo=UTC)
    return email.utils.parsedate_to_datetime(value)


keys = pytest.mark.parametrize("key", sorted(EXPECTED))


@keys
def test_headers(key: str) -> None:
    facts, msg = EXPECTED[key], _parsed(key)
    if "subject" in facts:
        assert msg.subject == _note_free(facts["subject"])
    for field in ("from", "sender"):
        if field in facts:
            assert _addr(msg.sender) == _addr(_note_free(facts[field]))
    for field in ("to", "cc"):
        if field in facts:
            assert [a.lower() for _, a in email.utils.getaddresses(getattr(msg, field))] == (
                _emails(facts[field])
            )
    for field in ("date", "date_utc"):
        if field in facts:
            assert msg.date is not None
            assert datetime.fromisoformat(msg.date) == _dt(facts[field])
    if "body_text" in facts:
        assert facts["body_text"] in msg.body_text
    if facts.get("body_parts"):
        assert msg.body_text.count("Original Message") >= 3


@keys
def test_attachments(key: str) -> None:
    facts, msg = EXPECTED[key], _parsed(key)
    inline = [a for a in msg.attachments if a.inline]
    regular = [a for a in msg.attachments if not a.inline]
    if "inline_images" in facts:
        assert [(a.filename, a.content_id) for a in inline] == [
            (i["filename"], i["content_id"]) for i in facts["inline_images"]
        ]
        assert all(a.content_type == "image/png" and a.data[:4] == b"\x89PNG" for a in inline)
        listed = regular
    else:
        listed = list(msg.attachments)
    if "attachments" in facts:
        want = facts["attachments"]
        assert len(listed) == len(want)
        for got, spec in zip(listed, want, strict=True):
            if "filename" in spec:
                assert got.filename == spec["filename"]
            if "content_type" in spec:
                assert got.content_type == spec["content_type"]
            if spec.get("role") == "inline image":
                assert got.inline and got.content_id == spec["content_id"]
            elif "hidden" in spec:
                assert not got.inline
            if spec.get("type") == "embedded .msg":
                assert got.content_type == "message/rfc822"
                inner = parse_email(got.data, got.filename)
                assert inner.subject == spec["inner_subject"]
                assert _addr(inner.sender) == _addr(spec["inner_sender"])
    for field in ("attachment_count", "attachment_count_excluding_inline"):
        if field in facts:
            assert len(regular) == facts[field]
    if "upstream_expected_names" in facts:
        assert [a.filename for a in regular] == facts["upstream_expected_names"]
    if "attachments_raw_headers" in facts:
        rfc822 = [a for a in regular if a.content_type == "message/rfc822"]
        subjects = [h.get("inner_subject") for h in facts["attachments_raw_headers"]]
        assert len(rfc822) == sum(
            h.get("content_type") == "message/rfc822" for h in facts["attachments_raw_headers"]
        )
        assert [s for s in subjects if s] == [
            a.filename[:-4] for a in rfc822 if a.filename != "Nameless.eml"
        ]
    if key.endswith("TestWithAttachmentsAndInlines.eml"):
        texts = [a for a in regular if a.content_type == "text/plain"]
        assert texts and all(a.data == b"Attachment Content" for a in texts)


def _page_text(pdf: bytes, page: int = 0) -> str:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return " ".join(doc[page].get_text().split())


def _assert_image_only(pdf: bytes) -> int:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        for page in doc:
            assert page.get_text().strip() == ""
            assert len(page.get_images()) == 1
            # Pictures take ingest's page rule (`ingest.images`): at their resolution, never
            # smaller than MIN_PAGE, so a Bates number and a legend always fit.
            assert page.rect.width >= MIN_PAGE[0] and page.rect.height >= MIN_PAGE[1]
        return doc.page_count


@keys
def test_family_renders(key: str) -> None:
    members = family(_sample(key), Path(key).name)
    parent = members[0]
    assert parent.role == "parent" and parent.depth == 0 and parent.message is not None
    assert parent.pdf is not None
    text = _page_text(parent.pdf)
    assert "From:" in text and "Subject:" in text
    assert "".join(parent.message.subject.split()) in "".join(text.split())  # long tokens wrap
    if parent.message.sender:
        assert parent.message.sender.split("<")[0].strip().strip('"').split()[0] in text
    assert all(m.role == "attachment" and m.depth >= 1 for m in members[1:])
    for member in members[1:]:
        if member.name.lower().endswith(IMAGE_EXT):
            assert member.pdf is not None, member.name
            assert _assert_image_only(member.pdf) == 1
    if EXPECTED[key].get("family") == "parent + 1 embedded message (child)":
        assert len(members) == 2
        child = members[1]
        assert child.message is not None and child.depth == 1
        assert child.message.subject == "Msg Attachment Test"
        assert child.pdf is not None and "Msg Attachment Test" in _page_text(child.pdf)
    pdfs = [m for m in members if m.name.lower().endswith(".pdf")]
    for member in pdfs:
        assert member.pdf == member.native  # PDFs pass through untouched
    for member in members:
        if member.name.lower().endswith(".xls"):
            assert member.pdf is None  # no native renderer: caller keeps a placeholder


# --------------------------------------------------------------------------- synthetic


def _eml(subject: str, body: str = "hello", attach: list[EmailMessage | tuple] = ()) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Ann Example <ann@example.com>"
    msg["To"] = "bob@example.com, Carl <carl@example.com>"
    msg["Date"] = "Tue, 02 Jan 2024 10:00:00 +0000"
    msg["Subject"] = subject
    msg.set_content(body)
    for item in attach:
        if isinstance(item, EmailMessage):
            msg.add_attachment(item)
        else:
            data, maintype, subtype, name = item
            msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


def _png(size: tuple[int, int] = (40, 20)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (200, 10, 10)).save(buf, format="PNG")
    return buf.getvalue()


def test_long_body_flows_over_pages_and_names_no_attachment() -> None:
    body = "\n".join(f"line {i} " + "word " * 12 for i in range(400))
    msg = parse_email(_eml("Long one", body, [(_png(), "image", "png", "dot.png")]), "x.eml")
    pdf = render_message(msg)
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        assert doc.page_count > 3
        assert all(abs(p.rect.width - 612) < 0.5 and abs(p.rect.height - 792) < 0.5 for p in doc)
        last = " ".join(doc[-1].get_text().split())
        first = " ".join(doc[0].get_text().split())
    assert "line 0" in first and "line 399" in _all(pdf)
    assert "dot.png" not in last  # each attachment a document of the family, under its tier
    assert msg.to == ("bob@example.com", "Carl <carl@example.com>")
    assert msg.date == "2024-01-02T10:00:00+00:00"


def _all(pdf: bytes) -> str:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return " ".join(" ".join(p.get_text().split()) for p in doc)


def test_html_only_body_is_stripped_to_text() -> None:
    msg = EmailMessage()
    msg["From"] = "a@example.com"
    msg["Subject"] = "html"
    msg.set_content("<html><style>p{}</style><p>Hi &amp; bye</p><br>next</html>", subtype="html")
    parsed = parse_email(msg.as_bytes(), "h.eml")
    assert [line for line in parsed.body_text.splitlines() if line] == ["Hi & bye", "next"]


def test_images_become_image_only_pages_by_ingests_rule() -> None:
    """An attached picture takes the page any received picture does (`ingest.images`): its size
    at its resolution (300 dpi when it records none), never below MIN_PAGE."""
    big = render_attachment(Attachment("big.png", "image/png", _png((2000, 1000))))
    assert big is not None and _assert_image_only(big) == 1
    with pymupdf.open(stream=big, filetype="pdf") as doc:
        assert doc[0].rect.width == pytest.approx(480) and doc[0].rect.height == pytest.approx(240)
    icon = render_attachment(Attachment("icon.png", "image/png", _png((16, 16))))
    assert icon is not None
    with pymupdf.open(stream=icon, filetype="pdf") as doc:  # not a 16 x 16 pt page: stampable
        assert (doc[0].rect.width, doc[0].rect.height) == pytest.approx(MIN_PAGE)
    frames = [Image.new("L", (30, 50), v) for v in (0, 128, 255)]
    buf = io.BytesIO()
    frames[0].save(buf, format="TIFF", save_all=True, append_images=frames[1:])
    tiff = render_attachment(Attachment("scan.tif", "image/tiff", buf.getvalue()))
    assert tiff is not None and _assert_image_only(tiff) == 3
    gif = io.BytesIO()
    Image.new("P", (10, 10)).save(gif, format="GIF")
    assert _assert_image_only(render_attachment(Attachment("a.gif", "image/gif", gif.getvalue())))
    bmp = io.BytesIO()
    Image.new("RGB", (10, 10)).save(bmp, format="BMP")
    assert _assert_image_only(render_attachment(Attachment("a.bmp", "image/bmp", bmp.getvalue())))


def test_other_attachments() -> None:
    assert render_attachment(Attachment("a.xls", "application/msexcell", b"\xd0\xcf" * 50)) is None
    assert render_attachment(Attachment("a.pdf", "application/pdf", b"%PDF-1.4 junk")) is None
    text = render_attachment(Attachment("n.txt", "text/plain", "caf\u00e9 notes".encode()))
    assert text is not None and "café notes" in _page_text(text)
    assert render_attachment(Attachment("broken.png", "image/png", b"\x89PNG\r\n\x1a\nxx")) is None


def test_nested_family_is_depth_first_and_bounded() -> None:
    inner = EmailMessage()
    inner["From"] = "deep@example.com"
    inner["Subject"] = "level 6"
    inner.set_content("bottom")
    for level in range(5, 0, -1):
        wrapper = EmailMessage()
        wrapper["From"] = "w@example.com"
        wrapper["Subject"] = f"level {level}"
        wrapper.set_content("wrap")
        wrapper.add_attachment(inner)
        if level == 1:
            wrapper.add_attachment(_png(), maintype="image", subtype="png", filename="after.png")
        inner = wrapper
    top = _eml("level 0", attach=[inner, (b"tail", "text", "plain", "tail.txt")])
    members = family(top, "top.eml")
    summary = [(m.depth, m.message.subject if m.message else m.name) for m in members]
    assert summary == [
        (0, "level 0"),
        (1, "level 1"),
        (2, "level 2"),
        (3, "level 3"),
        (4, "level 4"),
        (5, "level 5"),
        (6, "level 6.eml"),  # beyond max depth: kept as a native, not opened
        (2, "after.png"),
        (1, "tail.txt"),
    ]
    assert members[6].pdf is None and members[6].message is None


BAD = [
    (b"", "empty.eml", "empty"),
    (b"   \r\n", "blank.msg", "empty"),
    (random.Random(7).randbytes(3000), "noise.eml", "not an e-mail"),
    (b"just some words\nand more\n", "words.eml", "not an e-mail"),
    (random.Random(8).randbytes(3000), "noise.msg", "not an Outlook .msg"),
]


@pytest.mark.parametrize(("data", "name", "phrase"), BAD, ids=[b[1] for b in BAD])
def test_bad_input_gives_one_line_email_error(data: bytes, name: str, phrase: str) -> None:
    with pytest.raises(EmailError) as info:
        parse_email(data, name)
    text = str(info.value)
    assert "\n" not in text and phrase in text and name in text
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("cut", [600, 3000, 20000])
def test_truncated_msg_is_an_email_error(cut: int) -> None:
    data = _sample("msgreader-sicos/EmailWithAttachments.msg")[:cut]
    with pytest.raises(EmailError) as info:
        parse_email(data, "cut.msg")
    assert "\n" not in str(info.value) and "cut.msg" in str(info.value)
    with pytest.raises(EmailError):
        family(data, "cut.msg")
