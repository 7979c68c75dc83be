"""Ingest of real-world files: what a file is (by its bytes), the limits it must keep, and
turning Office files and pictures into the PDF the record works on. The service's
`Workspace.ingest_file` and `Workspace.ingest_paths` use it."""

from clawback.ingest.batch import INGESTED, KNOWN, REFUSED, FileReport, shown, walk
from clawback.ingest.limits import Refused
from clawback.ingest.prepare import Prepared, prepare
from clawback.ingest.sniff import ARCHIVE, EMAIL, IMAGE, OFFICE, PDF, Sniffed, sniff

__all__ = [
    "ARCHIVE",
    "EMAIL",
    "IMAGE",
    "INGESTED",
    "KNOWN",
    "OFFICE",
    "PDF",
    "REFUSED",
    "FileReport",
    "Prepared",
    "Refused",
    "Sniffed",
    "prepare",
    "shown",
    "sniff",
    "walk",
]
