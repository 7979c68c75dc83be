"""Real files for the ingest tests, made here: scans, pictures, PDFs, e-mails, Office files."""

from __future__ import annotations

import io
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import docx
import pymupdf
from openpyxl import Workbook
from PIL import Image

from clawback.pdf.files.convert import soffice

CODE = "ABC-1234-56-789012"
CODE_PATTERN = r"[A-Z]{3}-\d{4}-\d{2}-\d{6}"
_PACKAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


#: A PDF whose page tree holds itself: MuPDF and qpdf fail on it as it is read (a library
#: error, not one of clawback's), so every command that reads a PDF must answer in one line.
LOOP = b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj
trailer << /Root 1 0 R >>
%%EOF
"""


def text_pdf(*pages: str) -> bytes:
    doc = pymupdf.open()
    for body in pages:
        page = doc.new_page(width=612, height=792)
        for i, line in enumerate(body.splitlines()):
            page.insert_text((72, 100 + 30 * i), line, fontsize=14)
    data = doc.tobytes()
    doc.close()
    return data


def scan_png(*lines: str, dpi: int = 200) -> bytes:
    """A grey picture of a Letter page carrying `lines`, as a scanner makes one."""
    with pymupdf.open(stream=text_pdf("\n".join(lines))) as doc:
        return doc[0].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY).tobytes("png")


def scan_pdf(*pages: list[str], rotate: int = 0) -> bytes:
    """An image-only PDF: each page one scanned picture, no text."""
    doc = pymupdf.open()
    for lines in pages:
        page = doc.new_page(width=612, height=792)
        page.insert_image(page.rect, stream=scan_png(*lines))
        if rotate:
            page.set_rotation(rotate)
    data = doc.tobytes(deflate=True)
    doc.close()
    return data


def tiff(*pages: list[str]) -> bytes:
    """A multi-page TIFF, a page per list of lines."""
    frames = [Image.open(io.BytesIO(scan_png(*lines))) for lines in pages]
    out = io.BytesIO()
    frames[0].save(out, format="TIFF", save_all=True, append_images=frames[1:], dpi=(200, 200))
    return out.getvalue()


def jpeg(*lines: str) -> bytes:
    out = io.BytesIO()
    Image.open(io.BytesIO(scan_png(*lines))).save(out, format="JPEG", quality=90, dpi=(200, 200))
    return out.getvalue()


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares `width` x `height` pixels (a decompression bomb)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def pdf_with_image_declaring(width: int, height: int) -> bytes:
    """A one-page PDF whose image XObject declares `width` x `height` pixels."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_image(page.rect, stream=scan_png("tiny"))
    xref = page.get_images()[0][0]
    doc.xref_set_key(xref, "Width", str(width))
    doc.xref_set_key(xref, "Height", str(height))
    data = doc.tobytes()
    doc.close()
    return data


def pdf_inflating_to(size: int) -> bytes:
    """A one-page PDF carrying an (unused) Flate stream of `size` zero bytes."""
    squeeze = zlib.compressobj(9)
    block = b"\x00" * (1 << 20)
    packed = b"".join(squeeze.compress(block) for _ in range(size >> 20)) + squeeze.flush()
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "a page with a bomb in it")
    xref = doc.get_new_xref()
    doc.update_object(xref, "<< /Length 0 >>")
    doc.update_stream(xref, packed, compress=False)
    doc.xref_set_key(xref, "Filter", "/FlateDecode")
    doc.xref_set_key(page.xref, "BombHolder", f"{xref} 0 R")
    data = doc.tobytes()
    doc.close()
    return data


def eml(subject: str, body: str) -> bytes:
    return (
        f"From: Kim Lee <kim@example.com>\r\nTo: Pat Roe <pat@example.com>\r\n"
        f"Subject: {subject}\r\nDate: Mon, 3 Feb 2020 10:00:00 +0000\r\n"
        f"Message-ID: <{abs(hash(subject))}@example.com>\r\n"
        f"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    ).encode()


def office_files(folder: Path) -> dict[str, Path]:
    """Real Office files made by LibreOffice (one run per kind of target), and an .xlsx by
    openpyxl, an .rtf and a .txt by hand: .docx .doc from HTML, .pptx .ppt from a PDF; keyed
    by suffix."""
    from openpyxl import Workbook

    program = soffice()
    assert program is not None
    folder.mkdir(parents=True, exist_ok=True)
    html = folder / "memo.html"
    html.write_text(
        "<html><body><h1>Board memo</h1><p>Quarterly figures for Acme Widgets.</p></body></html>"
    )
    slides = folder / "deck.pdf"
    slides.write_bytes(text_pdf("Merger timeline slide"))
    profile = (folder / "profile").as_uri()
    for target, source, extra in (
        ("docx", html, ["--infilter=HTML (StarWriter)"]),
        ("doc", html, ["--infilter=HTML (StarWriter)"]),
        ("pptx", slides, ["--infilter=impress_pdf_import"]),
        ("ppt", slides, ["--infilter=impress_pdf_import"]),
    ):
        subprocess.run(
            [program, f"-env:UserInstallation={profile}", "--headless", *extra,
             "--convert-to", target, "--outdir", str(folder / target), str(source)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
    made = {f".{t}": next((folder / t).iterdir()) for t in ("docx", "doc", "pptx", "ppt")}
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Invoice", "Amount"])
    sheet.append(["Widgets Q3", 1250])
    book.save(folder / "ledger.xlsx")
    made[".xlsx"] = folder / "ledger.xlsx"
    (folder / "notes.txt").write_text("Plain notes about the deposition schedule.\n")
    made[".txt"] = folder / "notes.txt"
    (folder / "letter.rtf").write_text(
        r"{\rtf1\ansi{\fonttbl\f0 Helvetica;}\f0 Settlement letter draft.}"
    )
    made[".rtf"] = folder / "letter.rtf"
    return made


#: Every word the spreadsheet of `hidden_workbook` holds, hidden or not.
SHEET_WORDS = (
    "Widgets Q3 invoice for Acme",  # runs past its cell into a filled neighbour
    "Secret rebate row",  # on a hidden row
    "Side letter column",  # in a hidden column
    "Approved by counsel",  # a cell comment
    "Payroll salaries",  # on a hidden sheet
    "Board only figures",  # on a very hidden sheet
)


def hidden_workbook() -> bytes:
    """An .xlsx (openpyxl) hiding each thing a production must show: see `SHEET_WORDS`."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment

    book = Workbook()
    ledger = book.active
    assert ledger is not None
    ledger.title = "Ledger"
    ledger.append([SHEET_WORDS[0], "Amount", "Status"])
    ledger.append(["Gadgets", 1250, "Paid"])
    ledger.append([SHEET_WORDS[1], 99, "Held"])
    ledger.row_dimensions[3].hidden = True
    ledger["D2"] = SHEET_WORDS[2]
    ledger.column_dimensions["D"].hidden = True
    ledger["B2"].comment = Comment(SHEET_WORDS[3], "Kim Lee")
    payroll = book.create_sheet("Payroll")
    payroll["A1"] = SHEET_WORDS[4]
    payroll.sheet_state = "hidden"
    board = book.create_sheet("Board")
    board["A1"] = SHEET_WORDS[5]
    board.sheet_state = "veryHidden"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def saved_as(data: bytes, suffix: str, target: str, folder: Path) -> bytes:
    """`data` (a file of `suffix`) saved by LibreOffice as `target` (``xls``, ``ods``)."""
    program = soffice()
    assert program is not None
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / f"source{suffix}"
    source.write_bytes(data)
    subprocess.run(
        [program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--convert-to", target, "--outdir", str(folder / "out"), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return (folder / "out" / f"source.{target}").read_bytes()


def eml_with(subject: str, attachments: list[tuple[str, bytes]]) -> bytes:
    """A message carrying `attachments` (name, bytes), base64-encoded."""
    import base64

    parts = [
        "From: Kim Lee <kim@example.com>\r\nTo: Pat Roe <pat@example.com>\r\n"
        f"Subject: {subject}\r\nDate: Mon, 3 Feb 2020 10:00:00 +0000\r\n"
        f"Message-ID: <{abs(hash(subject))}@example.com>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="XX"\r\n\r\n'
        "--XX\r\nContent-Type: text/plain\r\n\r\nThe figures are attached.\r\n"
    ]
    for name, data in attachments:
        body = base64.encodebytes(data).decode().replace("\n", "\r\n")
        parts.append(
            f'--XX\r\nContent-Type: application/octet-stream; name="{name}"\r\n'
            f'Content-Disposition: attachment; filename="{name}"\r\n'
            f"Content-Transfer-Encoding: base64\r\n\r\n{body}"
        )
    parts.append("--XX--\r\n")
    return "".join(parts).encode()


def workbook(*rows: tuple[str, int]) -> bytes:
    """An .xlsx of one sheet holding `rows`."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def docx_carrying(name: str, data: bytes) -> bytes:
    """A Word file with `data` in its package as Word keeps an embedded workbook."""
    made = docx.Document()
    made.add_paragraph("Memo with the rebate table embedded")
    out = io.BytesIO()
    made.save(out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as package:
        parts = {n: package.read(n) for n in package.namelist()}
    parts[f"word/embeddings/{name}"] = data
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace(
        "</Types>", f'<Default Extension="xlsx" ContentType="{_XLSX}"/></Types>'
    ).encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdE1" Type="{_PACKAGE}" Target="embeddings/{name}"/></Relationships>',
    ).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for n, content in parts.items():
            package.writestr(n, content)
    return out.getvalue()
