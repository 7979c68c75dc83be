"""A message drawn into MuPDF's own buffer (`render._story_pdf`) is byte for byte the PDF that
`pymupdf.DocumentWriter` over a Python file object writes, over several pages."""

from __future__ import annotations

import io

import pymupdf

from clawback.email import render


def _through_python(body_html: str) -> bytes:
    story = pymupdf.Story(html=f"<body>{body_html}</body>", user_css=render._CSS)
    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    where = pymupdf.Rect(54, 54, render.LETTER.width - 54, render.LETTER.height - 54)
    more = 1
    while more:
        device = writer.begin_page(render.LETTER)
        more, _ = story.place(where)
        story.draw(device)
        writer.end_page()
    writer.close()
    return buf.getvalue()


def test_the_same_bytes_as_a_python_file_object_gets() -> None:
    body = "<p>privileged and confidential</p>" * 400
    made = render._story_pdf(body)
    with pymupdf.open(stream=made) as doc:
        assert doc.page_count > 2
    assert made == _through_python(body)
