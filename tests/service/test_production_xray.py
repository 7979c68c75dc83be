"""x-ray reads every file of a production volume (with a core to spare, each as it is made;
else once the workers are done, in as many interpreters) and stops the volume, naming the
document and page."""

from __future__ import annotations

import time
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import select

from clawback.demo.run import reference_case
from clawback.domain.errors import ClawbackError
from clawback.pdf.gate.xray_check import XrayRun
from clawback.service import Workspace
from clawback.storage import tables as t


@pytest.mark.parametrize("workers", [1, 2])
def test_a_fake_box_over_live_text_stops_the_volume(
    tmp_path: Path, database_url: str, xray_available: None, workers: int
) -> None:
    ws = Workspace.init(tmp_path / "ws", database_url).operator()
    try:
        ws.matter.load_case(reference_case())
        doc = pymupdf.open()
        for n in range(2):
            doc.new_page().insert_text((72, 100), f"Account number 4417-{n} belongs to Ruiz")
        hidden = doc[1].search_for("4417-1")[0]
        doc[1].draw_rect(hidden, color=None, fill=(0, 0, 0))  # a box drawn, text left under it
        clean = ws.ingest.ingest(_plain(), title="clean")
        faked = ws.ingest.ingest(doc.tobytes(), title="fake box")
        doc.close()
        with pytest.raises(ClawbackError) as stopped:
            ws.productions.produce([clean, faked], "XR-000001", "XR", workers=workers)
        message = str(stopped.value)
        assert "\n" not in message
        assert message.startswith(f"{faked}: 1 finding(s); first: page 2: x-ray: opaque box")
        assert "4417" not in message and "volume XR stays open" in message
        with ws.transaction() as s:
            assert s.scalars(select(t.Production.state)).all() == ["open"]
    finally:
        ws.close()


def _plain() -> bytes:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), "nothing to hide here")
    try:
        return doc.tobytes()
    finally:
        doc.close()


def test_a_streaming_run_reads_each_file_as_it_is_added(
    tmp_path: Path, xray_available: None
) -> None:
    """With ``stream=True`` the one interpreter reads a file before `finish` is called (its
    report line appears while the run is still open); without, nothing is read until then."""
    files = []
    for n in range(2):
        doc = pymupdf.open()
        doc.new_page().insert_text((72, 100), f"file {n}")
        path = tmp_path / f"{n}.pdf"
        doc.save(path)
        doc.close()
        files.append(path)
    for stream in (True, False):
        with XrayRun(2, stream=stream) as run:
            run.start()
            assert len(run._procs) == (1 if stream else 2)
            run.add(files[0])
            reports = [report for _, report, _ in run._procs]
            if stream:
                deadline = time.monotonic() + 60  # a liveness bound, not a speed claim
                while time.monotonic() < deadline and not _holds(reports[0], files[0]):
                    time.sleep(0.05)
                assert _holds(reports[0], files[0])
            else:
                time.sleep(1)
                assert not any(_holds(report, files[0]) for report in reports)
            run.add(files[1])
            assert run.finish() == {files[0]: [], files[1]: []}


def _holds(report: Path, file: Path) -> bool:
    return report.exists() and str(file.resolve()) in report.read_text()
