"""Items by rectangle and by whole page, through the service: named, ruled, filed, exported."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import numpy as np
import pymupdf
import pytest
from typer.testing import CliRunner

from clawback.cli import app
from clawback.demo.run import reference_case
from clawback.domain.errors import RuleViolation
from clawback.pdf.gate.verify import verify
from clawback.pdf.marks.watermark import watermark
from clawback.pdf.redaction.redact import WIDTH_POLICY
from clawback.pdf.redaction.widthleak import observed_gap
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.pdf.builders import gradient_png
from tests.started import copy_workspace, loaded, on_sqlite, template

CODE = "QQZ-2020-07-555017"
MEMO = "Memo about the border crossing"
COUNSEL = "counsel@plf.test"


def region_pdf() -> bytes:
    """Two pages alike: a memo line, the code, a blue square right of it, a green one below, an
    image; page 2 is rotated 90 degrees, so its displayed coordinates differ from its own."""
    doc = pymupdf.open()
    for rotation in (0, 90):
        page = doc.new_page(width=612, height=792)
        page.insert_text((72, 100), MEMO, fontsize=11)
        page.insert_text((72, 140), f"Record no.: {CODE}", fontsize=11)
        page.draw_rect(pymupdf.Rect(300, 128, 320, 144), color=None, fill=(0, 0, 1))
        page.draw_rect(pymupdf.Rect(300, 200, 320, 216), color=None, fill=(0, 1, 0))
        page.insert_image(pymupdf.Rect(72, 300, 272, 400), stream=gradient_png())
        page.set_rotation(rotation)
    data = doc.tobytes(garbage=4, deflate=True)
    doc.close()
    return data


@pytest.fixture
def ws(tmp_path: Path, database_url: str) -> Workspace:
    yield from produced_workspace(tmp_path, database_url)


def produced_workspace(tmp_path: Path, database_url: str) -> Iterator[Workspace]:
    """Ex. 1 produced, Confidential, and receiving counsel seated: on SQLite a copy of one made
    once per process (`tests.started`)."""
    if on_sqlite(database_url):
        workspace = copy_workspace(template("region", _produced), tmp_path / "ws", database_url)
    else:
        workspace = _produced(tmp_path / "ws", database_url)
    yield workspace
    workspace.close()


def _produced(root: Path, url: str | None = None) -> Workspace:
    workspace = loaded(root, url)
    workspace.people.add(COUNSEL, name="counsel", side="receiving", category="counsel")
    workspace.ingest.ingest(region_pdf(), title="memo", kind="report", exhibit=1)
    workspace.designations.designate(1, "Confidential")
    workspace.productions.produce([1], "TST-00000001", "VOL001")
    return workspace


def produced_pdf(ws: Workspace) -> bytes:
    out = ws.reads.export([1], ws.ctx.workspace.root.parent / "as-produced")
    return out[0].read_bytes()


def code_region(produced: bytes, page: int) -> pymupdf.Rect:
    """Where a reviewer sees the code and the blue square on the produced page (points)."""
    with pymupdf.open(stream=produced) as doc:
        hit = doc[page].search_for(CODE)[0]
        (square,) = [d["rect"] for d in doc[page].get_drawings() if d["fill"] == (0.0, 0.0, 1.0)]
    area = hit | square
    return pymupdf.Rect(area.x0 - 2, area.y0 - 2, area.x1 + 2, area.y1 + 2)


def grown(rect: tuple[float, ...] | pymupdf.Rect) -> pymupdf.Rect:
    """`rect` one point (one pixel at 72 dpi) larger on every side, for anti-aliasing."""
    x0, y0, x1, y1 = rect
    return pymupdf.Rect(x0 - 1, y0 - 1, x1 + 1, y1 + 1)


def changed_area(before: bytes, after: bytes, page: int, content_height: float) -> pymupdf.IRect:
    """The bounding box (pixels = points at 72 dpi) of what differs in the content area."""
    with pymupdf.open(stream=before) as a, pymupdf.open(stream=after) as b:
        pa, pb = a[page].get_pixmap(dpi=72), b[page].get_pixmap(dpi=72)
    assert (pa.width, pa.height, pa.n) == (pb.width, pb.height, pb.n)
    shape = (pa.height, pa.width, pa.n)
    a = np.frombuffer(pa.samples, dtype=np.uint8).reshape(shape)[: int(content_height)]
    b = np.frombuffer(pb.samples, dtype=np.uint8).reshape(shape)[: int(content_height)]
    ys, xs = np.nonzero((a != b).any(axis=2))
    assert xs.size, "nothing changed"
    return pymupdf.IRect(int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1)


def marked_like(produced: bytes, exported: bytes) -> bytes:
    """``produced`` with the trace mark the receiving side's export carries, drawn the same
    way: what an export differs from it in is then only what was redacted."""
    with pymupdf.open(stream=exported) as doc:
        lines = doc[0].get_text().splitlines()
    first = next(n for n, line in enumerate(lines) if line.startswith("TRACE "))
    return watermark(produced, lines[first : first + 3])


@pytest.mark.parametrize("page", [0, 1], ids=["upright", "rotated-90"])
def test_rectangle_item_is_redacted_where_it_was_drawn(
    ws: Workspace, tmp_path: Path, page: int
) -> None:
    produced = produced_pdf(ws)
    region = code_region(produced, page)
    bates = f"TST-0000000{page + 1}"
    ws.items.define(1, "box", bates, "a record number", rect=tuple(region))
    ws.claims.claim(
        "c1", privilege="law_enforcement", exhibits=[1], items=["box"], on=date(2020, 5, 1)
    )
    ws.claims.rule("c1", "granted", on=date(2020, 6, 26))
    ws.sealing.seal("10", exhibits=[1], kind="non_dispositive", granted=True)
    ws.filings.file(tmp_path / "out")
    sealed = (tmp_path / "out" / "sealed" / "ex01_TST-00000001.pdf").read_bytes()
    with pymupdf.open(stream=sealed) as doc:
        text = doc[page].get_text()
        height = doc[page].rect.height - 36  # the Bates band is 36 points
        drawn = [d for d in doc[page].get_drawings() if d["fill"] == (0.0, 0.0, 1.0)]
        green = [d for d in doc[page].get_drawings() if d["fill"] == (0.0, 1.0, 0.0)]
    assert CODE not in text and MEMO in text and "Record no.:" in text
    assert drawn == [] and len(green) == 1  # the square under the box went, the other stayed
    with pymupdf.open(stream=sealed) as doc:
        assert CODE in doc[1 - page].get_text()  # the other page names no item
    assert verify(sealed, [], boxes=[(page, tuple(region), "box")], xray=False) == []
    # Rendered, the page differs from the produced one only inside the rectangle drawn.
    changed = changed_area(produced, sealed, page, height)
    assert changed in grown(region), (changed, region)
    assert changed.get_area() >= 0.8 * region.get_area()
    # The receiving side's counsel reads the page, and exports it, less the region.
    counsel = ws.ctx.workspace.person(COUNSEL)
    try:
        shown = counsel.reads.page_text(bates)
        assert CODE not in shown and MEMO in shown
        exported = counsel.reads.export([1], tmp_path / "export")[0].read_bytes()
    finally:
        counsel.close()
    with pymupdf.open(stream=exported) as doc:
        assert CODE not in doc[page].get_text() and MEMO in doc[page].get_text()
    changed = changed_area(marked_like(produced, exported), exported, page, height)
    assert changed in grown(region), (changed, region)


def test_image_pixels_under_a_rectangle_are_blanked(ws: Workspace, tmp_path: Path) -> None:
    produced = produced_pdf(ws)
    region = (122.0, 320.0, 172.0, 360.0)  # inside the image on page 1
    ws.items.define(1, "face", "TST-00000001", "a face", rect=region)
    ws.claims.claim("c1", privilege="law_enforcement", exhibits=[1], items=["face"])
    ws.claims.rule("c1", "granted")
    counsel = ws.ctx.workspace.person(COUNSEL)
    try:
        exported = counsel.reads.export([1], tmp_path / "export")[0].read_bytes()
    finally:
        counsel.close()
    boxes = [(0, region, "face")]
    assert verify(produced, [], boxes=boxes, xray=False) != []  # the image is there, unblanked
    assert verify(exported, [], boxes=boxes, xray=False) == []
    changed = changed_area(marked_like(produced, exported), exported, 0, 792)
    assert changed in grown(region)


def test_whole_page_item_through_the_service(ws: Workspace, tmp_path: Path) -> None:
    ws.items.define(1, "p2", "TST-00000002", "a whole page of notes", whole_page=True)
    ws.claims.claim("c1", privilege="law_enforcement", exhibits=[1], items=["p2"])
    ws.claims.rule("c1", "granted")
    ws.sealing.seal("10", exhibits=[1], kind="non_dispositive", granted=True)
    ws.filings.file(tmp_path / "out")
    sealed = (tmp_path / "out" / "sealed" / "ex01_TST-00000001.pdf").read_bytes()
    with pymupdf.open(stream=sealed) as doc:
        assert CODE in doc[0].get_text() and MEMO in doc[0].get_text()
        second = doc[1].get_text()
        assert CODE not in second and MEMO not in second and "TST-00000002" in second
        assert doc[1].get_images() == [] and doc[0].get_images() != []
    counsel = ws.ctx.workspace.person(COUNSEL)
    try:
        assert MEMO not in counsel.reads.page_text("TST-00000002")
        assert MEMO in counsel.reads.page_text("TST-00000001")
    finally:
        counsel.close()


@pytest.mark.parametrize(
    ("rect", "message"),
    [
        ((100, 100, 50, 120), r"item 'bad': rectangle 100,100,50,120 is empty"),
        ((500, 700, 700, 780), r"not inside page TST-00000001 \(612 x 792 points"),
        ((72, 780, 200, 820), r"the Bates band excluded"),
        ((-5, 10, 50, 20), r"not inside page TST-00000001"),
        ((1, 2, 3), r"a rectangle is four numbers"),
    ],
)
def test_bad_rectangle_is_one_line_naming_it(
    ws: Workspace, rect: tuple[float, ...], message: str
) -> None:
    with pytest.raises(RuleViolation, match=message) as bad:
        ws.items.define(1, "bad", "TST-00000001", "x", rect=rect)
    assert "\n" not in str(bad.value)
    with pytest.raises(RuleViolation, match="one"):
        ws.items.define(1, "bad", "TST-00000001", "x", texts=[CODE], rect=(1, 1, 9, 9))


def test_cli_item_by_rectangle(tmp_path: Path) -> None:
    """On SQLite only: the command line opens its own connection for each command."""
    made = produced_workspace(tmp_path, f"sqlite:///{tmp_path / 'cli.db'}")
    ws = next(made)
    runner = CliRunner()
    env = {"CLAWBACK_DATABASE_URL": ws.ctx.workspace.url}
    base = [
        "item",
        "1",
        "r1",
        "--page",
        "TST-00000001",
        "--what",
        "a code",
        "-w",
        str(ws.ctx.workspace.root),
    ]
    done = runner.invoke(app, [*base, "--rect", "70,128,220,145"], env=env)
    assert done.exit_code == 0, done.output
    assert "item r1 on TST-00000001" in done.output
    with ws.transaction() as s:
        row = s.get(t.Item, "r1")
        assert row is not None and row.rect == [70, 128, 220, 145]
        assert row.covered == [f"Record no.: {CODE}"]
    bad = runner.invoke(app, [*base, "--rect", "70,128,abc"], env=env)
    assert bad.exit_code == 1
    assert "--rect '70,128,abc': give four numbers x0,y0,x1,y1 in points" in bad.output
    made.close()


def test_filed_text_items_are_reflowed(ws: Workspace, tmp_path: Path) -> None:
    """A text item in a filing leaves the policy's gap, not the width of the code."""
    ws.items.define(1, "m1", "TST-00000001", "a subject", texts=["Memo about"])
    ws.items.define(1, "m2", "TST-00000002", "a subject", texts=["Memo about"])
    ws.claims.claim("c1", privilege="law_enforcement", exhibits=[1], items=["m1", "m2"])
    ws.claims.rule("c1", "granted")
    ws.sealing.seal("10", exhibits=[1], kind="non_dispositive", granted=True)
    ws.filings.file(tmp_path / "out")
    sealed = (tmp_path / "out" / "sealed" / "ex01_TST-00000001.pdf").read_bytes()
    with pymupdf.open(stream=sealed) as doc:
        assert "the border crossing" in doc[0].get_text()
        assert "Memo about" not in doc[0].get_text()
        (box,) = [d["rect"] for d in doc[0].get_drawings() if d["fill"] == (0.0, 0.0, 0.0)]
    gap = observed_gap(sealed, 0, tuple(box))
    assert gap is not None and gap.width == pytest.approx(WIDTH_POLICY.gap_em * 11, abs=0.01)
    assert box.width == pytest.approx(WIDTH_POLICY.gap_em * 11, abs=0.01)


def test_a_ruled_text_item_leaves_the_page_text_in_no_letter_case_or_wrapping(
    tmp_path: Path, database_url: str
) -> None:
    """The page names the code three ways (as written, in lower case, wrapped at its hyphen):
    the produced PDF's redaction finds all three, and so must the text the receiving side and
    its search read after the ruling."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 100), f"Record no.: {CODE}", fontsize=11)
    page.insert_text((72, 120), f"Also filed as {CODE.lower()} in the log.", fontsize=11)
    head, tail = CODE.split("-", 1)
    page.insert_text((72, 140), f"Cross-reference {head}-", fontsize=11)
    page.insert_text((72, 153), f"{tail} closes the entry.", fontsize=11)
    pdf = doc.tobytes()
    doc.close()
    ws = Workspace.init(tmp_path / "ws", database_url).operator()
    try:
        ws.matter.load_case(reference_case())
        ws.people.add(COUNSEL, name="counsel", side="receiving", category="counsel")
        ws.ingest.ingest(pdf, title="memo", kind="report", exhibit=1)
        ws.productions.produce([1], "TST-00000001", "VOL001")
        ws.items.define(1, "code", "TST-00000001", "a record number", texts=[CODE])
        ws.claims.claim(
            "c1", privilege="law_enforcement", exhibits=[1], items=["code"], on=date(2020, 5, 1)
        )
        ws.claims.rule("c1", "granted", on=date(2020, 6, 26))
        counsel = ws.ctx.workspace.person(COUNSEL)
        text = counsel.reads.page_text("TST-00000001")
        squashed = "".join(text.split()).casefold().replace("-", "")
        assert "".join(CODE.split("-")).casefold() not in squashed
        assert "Record no.:" in text and "closes the entry." in text
        assert counsel.reads.search("555017") == []
    finally:
        ws.close()
