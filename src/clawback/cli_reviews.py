"""Commands for the court's review of a claim under its privilege's governing test, and for
reading the tests themselves. Each is one call on the service API."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from clawback.cli import DEFAULT_WS, WorkspaceOption, _record, app, one_line_errors, out
from clawback.domain.errors import ClawbackError
from clawback.domain.privilege_review import SectionKind
from clawback.storage.texts import text_of


@app.command("review")
@one_line_errors
def review(
    ctx: typer.Context,
    claim_id: str,
    findings: Annotated[
        Path,
        typer.Option(
            help="YAML: law enforcement: threshold, factors, conclusion; another privilege: "
            "its test's sections (see review-test); optionally fre_502b with its dates."
        ),
    ],
    workspace: WorkspaceOption = DEFAULT_WS,
) -> None:
    """Record the court's findings on a claim under its privilege's test (law enforcement: the
    threshold showing and the ten Frankenhauser factors; attorney-client, work product,
    deliberative process: the shipped test), each with a finding and a citation, and an FRE
    502(b) analysis with the days between its dates."""
    if not findings.is_file():
        raise ClawbackError(f"no findings file {findings}")
    import yaml

    try:
        data = yaml.safe_load(text_of(findings))
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0]
        raise ClawbackError(f"findings file {findings} is not YAML: {first}") from None
    if not isinstance(data, dict):
        raise ClawbackError(
            f"findings file {findings} is not a mapping of threshold and factors "
            "(or of a test's sections)"
        )
    record = _record(ctx, workspace)
    record.reviews.record(claim_id, data)
    lines = record.reviews.summary(claim_id)
    out.print(f"claim {claim_id}: review recorded ({lines[0]})")
    for line in lines[1:]:
        out.print(f"  {line}")


@app.command("review-test")
@one_line_errors
def review_test(
    name: Annotated[
        str,
        typer.Argument(help="attorney_client, work_product, deliberative_process or fre_502b."),
    ],
) -> None:
    """Print a privilege's governing test: each section, element and factor with its citation,
    as a findings file names them."""
    from clawback.service.review import privilege_test  # deferred: it loads the PDF engine

    test = privilege_test(name)
    out.print(f"{test.name} ({test.citation})")
    out.print(test.burden)
    for section in test.sections:
        kind = "each met / not_met / not_addressed"
        if section.kind is SectionKind.balancing:
            kind = "each weighs: disclosure / privilege / neutral / not_addressed"
        out.print(f"{section.name}: {section.holds_when} ({kind})")
        for element in section.elements:
            out.print(f"  {element.key}: {element.words} [{element.citation}]")
