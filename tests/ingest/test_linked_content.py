"""A file that names content outside itself is rendered from what it holds alone.

LibreOffice follows a document's links as it converts it: measured (7.4), a picture on the
server's disk was drawn into the PDF of a linked ``.docx``, ``.odt``, ``.ods``, ``.odp``, an
``.rtf``'s INCLUDEPICTURE and an ``.html``'s ``<img src="file://...">``, and pictures and a style
sheet were fetched over HTTP. Each file here names a picture and a text of the server's (in
this test's folder) and a web address served by this test; every one must be ingested without
either on its pages, nothing fetched, and said on its ingest line; a part declaring XML
entities is refused in one line, and the batch goes on."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pymupdf
import pytest
from PIL import Image
from sqlalchemy import select

from clawback.ingest import INGESTED, REFUSED
from clawback.ingest.render import render
from clawback.pdf.files import convert
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.ingest.make import saved_as, text_pdf
from tests.ingest.make_linked import docx, docx_linked_picture, frame, odf, odt_running_basic
from tests.records import words
from tests.started import start

SECRET = "SERVER-SECRET-7731"


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = start(tmp_path / "ws")
    yield workspace
    workspace.close()


@pytest.fixture
def asked() -> Iterator[tuple[str, list[str]]]:
    """A web server on this machine, and the paths asked of it."""
    paths: list[str] = []

    class Answer(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            paths.append(self.path)
            self.send_response(404)
            self.end_headers()

        do_HEAD = do_OPTIONS = do_PROPFIND = do_GET

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", paths
    server.shutdown()
    server.server_close()


def _hostile(folder: Path, web: str) -> dict[str, bytes]:
    picture = folder / "server-picture.png"
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), (220, 20, 20)).save(buffer, "PNG")
    picture.write_bytes(buffer.getvalue())
    text = folder / "server-secret.txt"
    text.write_text(f"{SECRET}\n")
    sheet = folder / "server-secret.csv"
    sheet.write_text(f"{SECRET},1\n")
    local = picture.as_uri()
    return {
        "linked_picture_file.docx": docx_linked_picture(local),
        "linked_picture_web.docx": docx_linked_picture(f"{web}/docx.png"),
        "linked_picture_file.odt": odf("text", f"<text:p>Picture {frame(local)}</text:p>"),
        "linked_section_file.odt": odf(
            "text",
            '<text:section text:name="S"><text:section-source xlink:href="'
            f'{text.as_uri()}" text:filter-name="Text"/></text:section><text:p>After</text:p>',
        ),
        "linked_picture_climbing.odt": odf(
            "text", f"<text:p>Picture {frame('../server-picture.png')}</text:p>"
        ),
        "linked_sheet_file.ods": odf(
            "spreadsheet",
            '<table:table table:name="S"><table:table-source table:mode="copy-all" '
            f'xlink:href="{sheet.as_uri()}" table:filter-name="Text - txt - csv (StarCalc)" '
            'table:filter-options="44,34,0,1"/><table:table-row><table:table-cell '
            'office:value-type="string"><text:p>cached</text:p></table:table-cell>'
            "</table:table-row></table:table>",
        ),
        "linked_picture_file.ods": odf(
            "spreadsheet",
            f'<table:table table:name="S"><table:shapes>{frame(local)}</table:shapes>'
            "<table:table-row><table:table-cell/></table:table-row></table:table>",
        ),
        "linked_picture_web.odp": odf(
            "presentation", f'<draw:page draw:name="p1">{frame(f"{web}/odp.png")}</draw:page>'
        ),
        "linked_picture_file.odp": odf(
            "presentation", f'<draw:page draw:name="p1">{frame(local)}</draw:page>'
        ),
        "page_linking_out.html": (
            f'<html><head><link rel="stylesheet" href="{web}/style.css"></head><body>'
            f'<p>A page</p><img src="{local}"><img src="{web}/page.png">'
            f'<iframe src="{text.as_uri()}"></iframe><a href="{web}/shown">a link</a>'
            "</body></html>"
        ).encode(),
        # INCLUDEPICTURE spelled with a hex escape, as an RTF reader spells it out
        "include_fields.rtf": (
            r"{\rtf1\ansi Before {\field{\*\fldinst INCLUDE\'50ICTURE "
            f'"{local}"'
            r"}{\fldrslt x}} {\field{\*\fldinst INCLUDETEXT "
            f'"{text}"'
            r"}{\fldrslt cached}} After}"
        ).encode(),
    }


def test_nothing_outside_the_file_reaches_its_pages_nor_is_fetched(
    ws: Workspace, tmp_path: Path, asked: tuple[str, list[str]]
) -> None:
    web, paths = asked
    folder = tmp_path / "in"
    folder.mkdir()
    files = _hostile(tmp_path, web)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    reports = ws.ingest.ingest_paths([folder / name for name in files])
    assert paths == []  # nothing fetched
    for name, report in zip(files, reports, strict=True):
        assert report.outcome == INGESTED, (name, report.reason)
        said = [w for w in report.warnings if "outside the file not followed" in w]
        assert len(said) == 1, (name, report.warnings)
        [control] = report.controls
        assert SECRET not in words(ws, control), name
        with ws.transaction() as s:
            original = s.scalars(
                select(t.Document.original).where(t.Document.control == control)
            ).one()
        with pymupdf.open(stream=ws.ctx.files.get(original)) as pdf:
            pictures = [p.get_images() for p in pdf]
            drawn = "".join(p.get_text() for p in pdf)
        assert SECRET not in drawn, name
        sizes = {(i[2], i[3]) for page in pictures for i in page}
        assert (64, 64) not in sizes, (name, sizes)  # the server's picture


def test_a_part_declaring_entities_is_refused_in_one_line_and_the_batch_goes_on(
    ws: Workspace, tmp_path: Path
) -> None:
    secret = tmp_path / "server-secret.txt"
    secret.write_text(SECRET)
    entity = docx(
        "<w:p><w:r><w:t>Said: &x;</w:t></w:r></w:p>",
        prolog=f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "{secret.as_uri()}">]>',
    )
    bad = tmp_path / "external_entity.docx"
    bad.write_bytes(entity)
    good = tmp_path / "good.pdf"
    good.write_bytes(text_pdf("a good page"))
    refused, taken = ws.ingest.ingest_paths([bad, good])
    assert refused.outcome == REFUSED
    line = refused.line()
    assert "\n" not in line and "external_entity.docx" in line
    assert "word/document.xml declares XML entities" in line, line
    assert SECRET not in line
    assert taken.outcome == INGESTED


def test_a_file_named_as_a_web_page_is_read_as_one(tmp_path: Path) -> None:
    """LibreOffice tells a file's kind by its bytes: an RTF file named ``.html`` (where no
    sniffing renamed it first) was read as RTF, its INCLUDEPICTURE drawing the server's
    picture; read as a web page, it is text. A page of blanks is a blank page."""
    picture = tmp_path / "server-picture.png"
    Image.new("RGB", (64, 64), (220, 20, 20)).save(picture, "PNG")
    rtf = (r"{\rtf1\ansi Before {\field{\*\fldinst INCLUDEPICTURE " f'"{picture.as_uri()}"'
           r"}{\fldrslt x}} After}").encode()  # fmt: skip
    named, blank = render([(rtf, ".html"), (b"  \n ", ".html")])
    assert named.pdf is not None and blank.pdf is not None, (named.failure, blank.failure)
    with pymupdf.open(stream=named.pdf) as pdf:
        assert not [i for page in pdf for i in page.get_images()]
        assert "INCLUDEPICTURE" in "".join(page.get_text() for page in pdf)


@pytest.mark.parametrize(
    ("made", "kind", "target"),
    [
        ("docx", ".docx", "doc:MS Word 97"),
        ("odp", ".odp", "ppt:MS PowerPoint 97"),
        ("ods", ".ods", "xls:MS Excel 97"),
    ],
)
def test_an_old_office_files_linked_picture_is_not_drawn(
    tmp_path: Path, made: str, kind: str, target: str
) -> None:
    """A .doc, .ppt or .xls is not read for its links here: LibreOffice's profile blocks them
    (it drew the server's picture into each before)."""
    picture = tmp_path / "server-picture.png"
    Image.new("RGB", (64, 64), (220, 20, 20)).save(picture, "PNG")
    local = picture.as_uri()
    source = {
        "docx": docx_linked_picture(local),
        "odp": odf("presentation", f'<draw:page draw:name="p1">{frame(local)}</draw:page>'),
        "ods": odf(
            "spreadsheet",
            f'<table:table table:name="S"><table:shapes>{frame(local)}</table:shapes>'
            "<table:table-row><table:table-cell/></table:table-row></table:table>",
        ),
    }[made]
    saved = tmp_path / "saved"  # by a LibreOffice that keeps the link a link (draws nothing)
    (saved / "profile" / "user").mkdir(parents=True)
    (saved / "profile" / "user" / "registrymodifications.xcu").write_text(convert._PROFILE)
    old = saved_as(source, kind, target.split(":")[0], saved)
    name = picture.name
    assert name.encode("utf-16-le") in old or name.encode() in old  # linked, not embedded
    [rendered] = render([(old, "." + target.split(":")[0])])
    assert rendered.pdf is not None, rendered.failure
    with pymupdf.open(stream=rendered.pdf) as pdf:
        assert not [i for page in pdf for i in page.get_images()]


def test_a_macro_bound_to_loading_is_not_run(tmp_path: Path) -> None:
    """It held before: a fresh profile runs no unsigned macro; the profile now also turns
    macros off, and the binding is cut as a link (a ``vnd.sun.star.script:`` address)."""
    marker = tmp_path / "macro-ran"
    [rendered] = render([(odt_running_basic(str(marker)), ".odt")])
    assert rendered.pdf is not None, rendered.failure
    assert not marker.exists()
    assert any("vnd.sun.star.script:" in w for w in rendered.warnings), rendered.warnings
