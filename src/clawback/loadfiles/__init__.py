"""Plain-data readers and writers for litigation load files (Concordance DAT, Opticon OPT)."""

from clawback.loadfiles.dat import DatFile, read_dat, split_multi, write_dat
from clawback.loadfiles.opt import OptDocument, OptFile, OptPage, read_opt, write_opt
from clawback.loadfiles.paths import UnsafePathError, resolve, resolve_all

__all__ = [
    "DatFile",
    "OptDocument",
    "OptFile",
    "OptPage",
    "UnsafePathError",
    "read_dat",
    "read_opt",
    "resolve",
    "resolve_all",
    "split_multi",
    "write_dat",
    "write_opt",
]
