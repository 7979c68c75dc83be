"""A production volume's name, checked where it enters (the command line, the productions
form, a job step): it becomes a folder's name when the volume is written out."""

from __future__ import annotations

import re

from clawback.domain.errors import InvalidInput

_VOLUME = re.compile(r"[^/\\\x00-\x1f.][^/\\\x00-\x1f]{0,39}")  # a folder's name


def volume_name(volume: str) -> str:
    """``volume`` if it may name a volume, else the one line."""
    if not _VOLUME.fullmatch(volume):
        raise InvalidInput(
            f"not a volume name: {volume!r} (1 to 40 characters, no '/' or '\\', not "
            "starting with '.': a volume becomes a folder's name)"
        )
    return volume
