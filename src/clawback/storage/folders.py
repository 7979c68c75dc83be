"""A folder an output goes in, made if missing, or the one line saying why it cannot be."""

from __future__ import annotations

from pathlib import Path

from clawback.domain.errors import StorageError


def make_folder(folder: Path) -> None:
    """``folder`` and the folders above it, made if missing; refused in one line naming the
    path when a file stands where a folder must. Before, the message was Python's ("File
    exists") or named the temporary file beside the target that could not be opened."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        in_the_way = next(
            (p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), folder
        )
        raise StorageError(f"{in_the_way}: not a folder") from None
    except OSError as exc:
        raise StorageError(f"{folder}: could not be made ({exc.strerror or exc})") from None
