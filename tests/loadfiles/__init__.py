"""Tests for clawback.loadfiles; the shared sample folder and its expected facts."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SAMPLES = SHARED / "samples" / "loadfiles"
EXPECTED = SAMPLES / "loadfiles.expected.json"
LOAD_FILE_SUFFIXES = (".dat", ".opt")


def expand(folder: Path, key: str) -> list[Path]:
    """A json key names one file, or a range 'a_0.dat .. a_7.dat' (inclusive, by name)."""
    if " .. " not in key:
        return [folder / key]
    first, last = (part.strip() for part in key.split(" .. ", 1))
    prefix = _common_prefix(first, last)
    suffix = Path(first).suffix
    return sorted(
        path
        for path in folder.glob(f"{prefix}*{suffix}")
        if _natural(first) <= _natural(path.name) <= _natural(last)
    )


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _natural(name: str) -> list[Any]:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def sample_cases() -> list[tuple[str, Path, dict[str, Any]]]:
    """(id, file, facts) for every load file (.dat/.opt) the json describes."""
    data = json.loads(EXPECTED.read_text(encoding="utf-8"))
    cases = []
    for folder_name, entry in data.items():
        if folder_name.startswith("_") or not isinstance(entry, dict):
            continue
        folder = SAMPLES / folder_name
        for key, facts in entry.get("files", {}).items():
            if not key.lower().endswith(LOAD_FILE_SUFFIXES):
                continue
            for path in expand(folder, key):
                cases.append((path.name, path, facts))
    return cases


def sample_bytes() -> list[bytes]:
    """The bytes of every real DAT/OPT sample (for fuzzing by mutation)."""
    return [path.read_bytes() for _, path, _ in sample_cases() if path.exists()]


def char_of(text: str) -> str | None:
    """The character a json description starts with: '\\u0014 (DC4...)' -> DC4, 'none' -> None."""
    text = text.strip()
    if text.lower().startswith("none"):
        return None
    match = re.match(r"\\u([0-9a-fA-F]{4})", text)
    if match:
        return chr(int(match.group(1), 16))
    return text[0]
