"""What looking for pictures no viewer sees costs (`clawback.pdf.shows.unseen_pictures`).

Ingest (`without_hidden_pictures`) and the gate (`hidden_pictures_by_page`, in check ``shown``)
render every page that draws a picture once as it is and once per picture without it. Measured
here in CPU time (the machine is shared: wall time says more about the neighbours), per page,
on three kinds of page, against the page's text extraction and a render at 150 dpi measured
in the same run (the ratios are what to compare between runs):

* ``scan``: a page that is one scanned picture (as a scanner makes them);
* ``text+picture``: a page of text with one picture of words beside it;
* ``text``: a page of text alone (no picture: nothing rendered).

    .venv/bin/python benchmarks/unseen_pictures.py            # 20 pages of each
    .venv/bin/python benchmarks/unseen_pictures.py --pages 50
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable

import pymupdf

from clawback.pdf.shows.unseen_pictures import hidden_pictures_by_page
from tests.ingest.make import scan_pdf, scan_png, text_pdf


def _text_and_picture(pages: int) -> bytes:
    doc = pymupdf.open()
    for n in range(pages):
        page = doc.new_page(width=612, height=792)
        page.insert_text((72, 72), f"A memo about the merger schedule, page {n + 1}", fontsize=12)
        page.insert_image(pymupdf.Rect(300, 300, 560, 640), stream=scan_png(f"ACME {n}", dpi=60))
    data: bytes = doc.tobytes(deflate=True)
    doc.close()
    return data


def _cpu(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=20)
    pages = parser.parse_args().pages
    files = {
        "scan": scan_pdf(*[[f"Scanned page {n} of the field report"] for n in range(pages)]),
        "text+picture": _text_and_picture(pages),
        "text": text_pdf(*[f"page {n} of plain text" for n in range(pages)]),
    }
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {pages} pages each")
    print(f"{'page':<14}{'look ms/page':>14}{'text ms/page':>14}{'render ms/page':>16}")
    for name, pdf in files.items():
        with pymupdf.open(stream=pdf) as doc:
            found = hidden_pictures_by_page(doc)
            assert not found, f"{name}: {found}"
            look = _cpu(lambda doc=doc: hidden_pictures_by_page(doc))
            text = _cpu(lambda doc=doc: [page.get_text() for page in doc])
            render = _cpu(lambda doc=doc: [page.get_pixmap(dpi=150) for page in doc])
        per = 1000 / pages
        print(f"{name:<14}{look * per:>14.1f}{text * per:>14.1f}{render * per:>16.1f}")


if __name__ == "__main__":
    main()
