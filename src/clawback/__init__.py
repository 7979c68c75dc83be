"""clawback: documents exchanged under a protective order, and every dispute about them."""

from clawback import pdf_engine

__version__ = "0.1.0"

pdf_engine.install()  # before anything imports PyMuPDF: see there
