"""An audit entry whose detail runs past Python's CSV cell limit (128 KiB): the trail's CSV
export of it is checked like any other. The check of the file clawback itself wrote ended in
'_csv.Error: field larger than field limit (131072)'."""

from __future__ import annotations

from pathlib import Path

from clawback.service import Workspace
from clawback.storage.audit_export import verify_export


def test_a_long_entry_exported_as_csv_verifies(tmp_path: Path) -> None:
    workspace = Workspace.init(tmp_path / "ws")
    try:
        op = workspace.operator()
        with op.ctx.transaction() as s:
            op.ctx.audit(
                s, "test.long", "a long one", listed=[f"DOC-{n:06d}" for n in range(20_000)]
            )
        out = tmp_path / "trail.csv"
        op.audit.export(out, fmt="csv")
        assert out.stat().st_size > 200_000
        assert [p for p in verify_export(out) if p.kind != "unkeyed"] == []
    finally:
        workspace.close()
