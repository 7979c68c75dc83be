"""Commands of ingest that read files only, no workspace: ``clawback volume check``.

Registered on import by the one line at the end of `clawback.cli`; heavy modules are imported
inside each command, so the command line starts light.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from clawback.cli import err, one_line_errors, out, volume_app


@volume_app.command("check")
@one_line_errors
def volume_check(
    folder: Path,
    dat: Annotated[Path | None, typer.Option("--dat", help="The DAT load file.")] = None,
    opt: Annotated[Path | None, typer.Option("--opt", help="The OPT image load file.")] = None,
) -> None:
    """Read a production volume's load files and natives and list every defect, one line each
    on stderr, importing nothing (exit 1 if any): Bates gaps, records only in the OPT or only in
    the DAT, rows marked privileged or withheld, empty hash fields, classification markings,
    control numbers used twice, natives missing or byte for byte another record's."""
    from clawback.loadfiles.volume import check_volume

    lines = check_volume(folder, dat, opt)
    for line in lines:
        err.print(line)
    if lines:
        raise typer.Exit(1)
    out.print(f"{folder}: no defect found")
