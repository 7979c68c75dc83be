"""The paths a load file names, mapped onto the volume folder without ever leaving it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from clawback.domain.errors import DocumentError
from clawback.said import quoted


class UnsafePathError(DocumentError):
    """A load-file path that is absolute, empty, too long, or climbs out of the volume folder."""


#: The longest name of one folder or file, and of a whole path, a file system gives (Linux's
#: NAME_MAX and PATH_MAX, in bytes): a longer one names no file, and asking for it failed
#: with the operating system's 'File name too long' quoting it whole (a line of an OPT file
#: of a million fields read as one path quoted 2 MB and ended the volume check).
MAX_NAME_BYTES, MAX_PATH_BYTES = 255, 4096


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
        raise UnsafePathError(f"NUL character in path {quoted(windows_path)}")
    posix = raw.replace("\\", "/")
    if posix.startswith("/") or re.match(r"[A-Za-z]:", posix):
        raise UnsafePathError(
            f"absolute path {quoted(windows_path)}; load-file paths must be relative"
        )
    size = len(posix.encode("utf-8", "surrogateescape"))
    longest = max(len(p.encode("utf-8", "surrogateescape")) for p in posix.split("/"))
    if size > MAX_PATH_BYTES or longest > MAX_NAME_BYTES:
        raise UnsafePathError(
            f"path {quoted(windows_path)} is too long ({size:,} bytes, a name of "
            f"{longest:,}): no file has such a name"
        )
    parts: list[str] = []
    for part in PurePosixPath(posix).parts:
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                raise UnsafePathError(
                    f"path {quoted(windows_path)} climbs out of the volume folder"
                )
            parts.pop()
            continue
        parts.append(part)
    if not parts:
        raise UnsafePathError(f"path {quoted(windows_path)} names the volume folder itself")
    root = Path(volume_root)
    target = root.joinpath(*parts)
    real_root = root.resolve()
    if not target.resolve().is_relative_to(real_root):
        raise UnsafePathError(
            f"path {quoted(windows_path)} leaves the volume folder through a link"
        )
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
