"""Office files whose authors left things a printout leaves out, made here: a Word file with
tracked changes, a comment and hidden text; a slide deck with speaker notes and a hidden slide."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx

from tests.ingest.make import saved_as

#: What each part of `marked_docx` says.
INSERTED, DELETED, COMMENTED = "Inserted clause on fees", "Deleted clause on rebates", "Net terms"
COMMENT, HIDDEN = "Partner says do not send this draft", "Hidden run about the side letter"
#: What each part of `noted_deck` says.
SLIDE, NOTES, HIDDEN_SLIDE = "Merger timeline slide", "Speaker says the price is firm", "Backup"

_W = 'w:author="Opposing Counsel" w:date="2020-06-01T10:00:00Z"'
_COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"


def marked_docx(*, comment: bool = True, hidden: bool = True) -> bytes:
    """A .docx (python-docx, then its XML edited as Word writes it): one insertion and one
    deletion tracked by "Opposing Counsel", a comment on `COMMENTED`, a run of hidden text."""
    made = docx.Document()
    made.add_paragraph("Opening words. ")
    out = io.BytesIO()
    made.save(out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    body = (
        f'<w:ins w:id="1" {_W}><w:r><w:t xml:space="preserve">{INSERTED}. </w:t></w:r></w:ins>'
        f'<w:del w:id="2" {_W}><w:r><w:delText xml:space="preserve">{DELETED}. </w:delText>'
        "</w:r></w:del>"
    )
    if comment:
        body += (
            f'<w:commentRangeStart w:id="0"/><w:r><w:t>{COMMENTED}.</w:t></w:r>'
            '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
        )
    if hidden:
        body += f"<w:r><w:rPr><w:vanish/></w:rPr><w:t>{HIDDEN}.</w:t></w:r>"
    xml = parts["word/document.xml"].decode()
    anchor = '<w:t xml:space="preserve">Opening words. </w:t></w:r>'
    assert anchor in xml
    parts["word/document.xml"] = xml.replace(anchor, anchor + body).encode()
    if comment:
        parts["word/comments.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w='
            '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0"'
            ' w:author="Partner" w:date="2020-06-01T10:00:00Z"><w:p><w:r><w:t>'
            f"{COMMENT}</w:t></w:r></w:p></w:comment></w:comments>"
        ).encode()
        types = parts["[Content_Types].xml"].decode()
        parts["[Content_Types].xml"] = types.replace(
            "</Types>",
            f'<Override PartName="/word/comments.xml" ContentType="{_COMMENTS_TYPE}"/></Types>',
        ).encode()
        rels = parts["word/_rels/document.xml.rels"].decode()
        parts["word/_rels/document.xml.rels"] = rels.replace(
            "</Relationships>",
            f'<Relationship Id="rIdC1" Type="{_COMMENTS_REL}" Target="comments.xml"/>'
            "</Relationships>",
        ).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()


def noted_deck(target: str, folder: Path, *, notes: bool = True) -> bytes:
    """A three-slide deck saved by LibreOffice as `target` (``pptx``, ``odp``): slide 1 with
    speaker notes (`NOTES`), slide 2 hidden (`HIDDEN_SLIDE`)."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
        'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
    )

    def frame(words: str, y: str = "2cm", cls: str = "") -> str:
        return (
            f'<draw:frame {cls} svg:x="2cm" svg:y="{y}" svg:width="20cm" svg:height="3cm">'
            f"<draw:text-box><text:p>{words}</text:p></draw:text-box></draw:frame>"
        )

    notes_class = 'presentation:class="notes"'
    said = (
        f"<presentation:notes>{frame(NOTES, '15cm', notes_class)}</presentation:notes>"
        if notes
        else ""
    )
    flat = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document {ns} office:version="1.2" '
        'office:mimetype="application/vnd.oasis.opendocument.presentation">'
        '<office:automatic-styles><style:style style:name="dp1" style:family="drawing-page">'
        '<style:drawing-page-properties presentation:visibility="hidden"/></style:style>'
        "</office:automatic-styles><office:body><office:presentation>"
        f'<draw:page draw:name="p1">{frame(SLIDE + " one")}{said}</draw:page>'
        f'<draw:page draw:name="p2" draw:style-name="dp1">{frame(HIDDEN_SLIDE)}</draw:page>'
        f'<draw:page draw:name="p3">{frame(SLIDE + " three")}</draw:page>'
        "</office:presentation></office:body></office:document>"
    )
    return saved_as(flat.encode(), ".fodp", target, folder)
