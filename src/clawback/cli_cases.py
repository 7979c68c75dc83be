"""Commands for whole case files: ``export-case`` writes the record as one, and ``load-case``
(in ``cli``, for its ``--reference``) hands a file to ``load_case_file`` here. The file is parsed
once (``clawback.casefile.read``) and entered through the service (``service.casefiles``)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from clawback.cli import DEFAULT_WS, WorkspaceOption, _record, app, one_line_errors, out
from clawback.domain.errors import ClawbackError
from clawback.storage.texts import text_of

if TYPE_CHECKING:
    from clawback.service import Record


def load_case_file(
    record: Record, case_file: Path, order: str | None, agreed_by: str | None
) -> None:
    """Parse ``case_file`` whole, then enter it; one line per thing entered."""
    from clawback.casefile.read import parse_case_file

    try:
        text = text_of(case_file)
    except OSError as exc:
        raise ClawbackError(f"{case_file}: cannot be read ({exc.strerror})") from None
    case = parse_case_file(text, str(case_file))
    if order is not None:
        case = dataclasses.replace(case, protective_order=order)
    for line in record.case_files.load(case, case_file.parent, agreed_by):
        out.print(f"  {line}")
    out.print(f"case {case.caption.number} loaded")


@app.command("export-case")
@one_line_errors
def export_case(
    ctx: typer.Context,
    case_file: Annotated[Path, typer.Argument(help="The case file to write (YAML).")],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Write the record as a case file, its documents beside it in documents/: loading it into
    an empty workspace gives the same record."""
    from clawback.casefile.write import case_file_text

    record = _record(ctx, workspace)
    record.may_deliver(case_file)
    case = record.case_files.export(case_file.parent)
    record.deliver(case_file, case_file_text(case).encode("utf-8"), "case file")
    out.print(f"case {case.caption.number} written to {case_file}")
