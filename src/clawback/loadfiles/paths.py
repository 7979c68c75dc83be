"""The paths a load file names, mapped onto the volume folder without ever leaving it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from clawback.domain.errors import DocumentError


class UnsafePathError(DocumentError):
    """A load-file path that is absolute, empty, or climbs out of the volume folder."""


def resolve(volume_root: Path, windows_path: str) -> Path:
    """The file a load-file path (``.\\VOL01\\NATIVES\\a.pdf``) names under ``volume_root``.

    Backslashes and slashes both separate; ``.`` parts are dropped and ``..`` parts climb, but
    never above ``volume_root``. Absolute paths (``C:\\...``, ``\\\\server\\...``, ``/x``) and
    paths that climb out, lexically or through a symlink, raise :class:`UnsafePathError`.
    """
    raw = windows_path.strip()
    if not raw:
        raise UnsafePathError("empty path")
    if "\x00" in raw:
        raise UnsafePathError(f"NUL character in path {windows_path!r}")
    posix = raw.replace("\\", "/")
    if posix.startswith("/") or re.match(r"[A-Za-z]:", posix):
        raise UnsafePathError(f"absolute path {windows_path!r}; load-file paths must be relative")
    parts: list[str] = []
    for part in PurePosixPath(posix).parts:
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                raise UnsafePathError(f"path {windows_path!r} climbs out of the volume folder")
            parts.pop()
            continue
        parts.append(part)
    if not parts:
        raise UnsafePathError(f"path {windows_path!r} names the volume folder itself")
    root = Path(volume_root)
    target = root.joinpath(*parts)
    real_root = root.resolve()
    if not target.resolve().is_relative_to(real_root):
        raise UnsafePathError(f"path {windows_path!r} leaves the volume folder through a link")
    return target


def resolve_all(volume_root: Path, paths: Iterable[str]) -> tuple[dict[str, Path], list[str]]:
    """Resolve many load-file paths; unsafe ones are reported, not raised. Blanks are skipped."""
    found: dict[str, Path] = {}
    problems: list[str] = []
    for raw in paths:
        if not raw.strip() or raw in found:
            continue
        try:
            found[raw] = resolve(volume_root, raw)
        except UnsafePathError as exc:
            problems.append(str(exc))
    return found, problems
