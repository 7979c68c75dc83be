"""clawback: documents exchanged under a protective order, and every dispute about them."""

__version__ = "0.1.0"
