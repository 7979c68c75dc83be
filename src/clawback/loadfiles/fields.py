"""What the fields of a DAT load file mean: the common spellings of each field, and for a DAT
without a header row, a guess from the values (paths, dates) of each column.

Plain data: no database, no file system.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Field names as platforms spell them, compared with everything but letters and digits dropped.
ALIASES: dict[str, tuple[str, ...]] = {
    "control": (
        "begbates", "begdoc", "controlnumber", "begno", "prodbeg", "batesbegin", "beginbates",
        "begdocid", "begprodbates", "docid", "documentid", "bates", "batesnumber",
    ),
    "end": ("endbates", "enddoc", "endno", "prodend", "batesend", "endingbates", "enddocid"),
    "begattach": (
        "begattach", "begattachment", "attachbeg", "begatt", "begfamily", "familybeg",
        "attachbegin", "begattachbates", "prodbegattach",
    ),
    "endattach": (
        "endattach", "endattachment", "attachend", "endatt", "endfamily", "familyend",
        "endattachbates", "prodendattach",
    ),
    "parent": (
        "parentdocid", "parentdocumentid", "parentid", "parentbates", "parentcontrolnumber",
        "parentdoc",
    ),
    "native": (
        "nativepath", "nativefile", "nativelink", "native", "nativefilepath", "filepath",
    ),
    "text": (
        "textpath", "extractedtext", "textlink", "textfile", "text", "ocrpath", "fulltext",
        "textfilepath",
    ),
    "pdf": ("pdfpath", "pdflink", "pdf"),
    "title": ("subject", "emailsubject", "title", "filename", "docname", "documentname"),
    "designation": (
        "confidentiality", "designation", "confidentialitydesignation", "confidentialitylevel",
        "confidentialitystatus", "protectiveorder", "legend",
    ),
}  # fmt: skip
DATE = re.compile(
    r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})"
    r"(?:\s+(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[AaPp][Mm])?)?"
)
ISO_DATE = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")


def norm(name: str) -> str:
    """A field name compared: case and everything but letters and digits dropped."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def roles(names: Sequence[str]) -> dict[str, int]:
    """The column of each role (control, end, begattach ... title) the names spell."""
    keys = [norm(name) for name in names]
    found: dict[str, int] = {}
    for role, aliases in ALIASES.items():
        for alias in aliases:
            if alias in keys:
                found[role] = keys.index(alias)
                break
    return found


def guess_names(rows: list[list[str]]) -> list[str]:
    """Column names for a DAT without a header: the first column is the control number, a
    column of paths to .txt files the text, another column of paths the native, and columns of
    dates dates."""
    if not rows:
        return []
    names = [f"column {i + 1}" for i in range(len(rows[0]))]
    names[0] = "control number"
    for i in range(1, len(names)):
        filled = [row[i].strip() for row in rows if row[i].strip()]
        if not filled:
            continue
        if all(looks_like_path(v) for v in filled):
            if all(v.lower().endswith(".txt") for v in filled) and "text path" not in names:
                names[i] = "text path"
            elif "native path" not in names:
                names[i] = "native path"
        elif all(DATE.fullmatch(v) or ISO_DATE.fullmatch(v) for v in filled):
            names[i] = f"date {i + 1}"
    return names


def looks_like_path(value: str) -> bool:
    value = value.strip()
    return (
        0 < len(value) < 400
        and "\n" not in value
        and ("\\" in value or "/" in value)
        and re.search(r"\.[A-Za-z0-9]{1,5}$", value) is not None
    )
