"""Commands that read the papers of a case: `check-declaration` and `read-index`.

Registered on the main app by the import at the end of `clawback.cli`; like every command,
each imports what it calls inside its function, so the CLI starts light.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from clawback.cli import DEFAULT_WS, WorkspaceOption, _record, app, one_line_errors, out
from clawback.domain.errors import naming

__all__ = ["check_declaration", "read_index"]


@app.command("check-declaration")
@one_line_errors
def check_declaration(
    declaration: Annotated[Path, typer.Argument(help="The declaration: text, PDF or DOCX.")],
    privilege: Annotated[
        list[str] | None,
        typer.Option(
            "--privilege",
            help="Check for this privilege (law-enforcement, attorney-client, work-product, "
            "deliberative-process, state-secrets); repeatable. Default: each one the "
            "declaration claims.",
        ),
    ] = None,
    rules: Annotated[
        Path | None,
        typer.Option("--rules", help="A standards file of your own, shaped like the built-in."),
    ] = None,
) -> None:
    """Check a declaration supporting a privilege claim against the showing courts require:
    each element of the privilege's threshold met (with the sentence) or missing, and each
    sentence of generic or hypothetical harm flagged, quoted. Exit status 1 unless every
    element is met and nothing is flagged."""
    from clawback.papers.declarations import check_declaration as check

    with naming(str(declaration)):  # a refusal says which file
        report = check(declaration, privilege or (), rules)
    for standard, findings in report.checked:
        out.print(f"{standard.name} ({standard.authority})")
        for finding in findings:
            element = finding.element
            if finding.met:
                out.print(f'  met      {element.name}: "{finding.sentence}"')
            elif finding.untied:
                untied = ", ".join(finding.untied)
                out.print(f"  MISSING  {element.name}: none for {untied} ({element.why})")
            else:
                out.print(f"  MISSING  {element.name}: {element.why}")
    for flag in report.flags:
        out.print(f'FLAG {flag.rule.name}: "{flag.sentence}" ({flag.rule.why})')
    if not report.ready:
        raise typer.Exit(1)


@app.command("read-index")
@one_line_errors
def read_index(
    ctx: typer.Context,
    index: Annotated[Path, typer.Argument(help="The exhibit index: text, PDF or DOCX.")],
    apply: Annotated[
        bool, typer.Option("--apply", help="Bind the exhibits that match, after review.")
    ] = False,
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Read an exhibit index ("Ex. 12 | ABC0001-0014 | description") into exhibit -> Bates
    pairs matched with the record: each row that names one produced document whole, then
    every mismatch and typo, one line each. Nothing is bound without --apply. Exit status 1
    if any row could not be matched."""
    from clawback.papers.text import paper_text

    with naming(str(index)):
        text = paper_text(index, rows=True)
    record = _record(ctx, workspace)
    try:
        books = record.exhibit_index
        report = books.apply(text) if apply else books.read(text)
    finally:
        record.close()
    for match in report.matches:
        bound = apply and not match.bound
        out.print(f"{match}{' -> bound' if bound else ''}")
    for problem in report.problems:
        out.print(str(problem))
    if report.problems:
        raise typer.Exit(1)
