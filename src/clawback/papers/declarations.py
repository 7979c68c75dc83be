"""`check_declaration`: a declaration's file checked against the standards in the data file
(``data/declaration_standards.yaml``, or a file of the same shape that a lawyer wrote)."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import yaml

from clawback.domain.declarations import DeclarationReport, Standards, check, standards_from
from clawback.domain.errors import InvalidInput
from clawback.papers.text import paper_text

__all__ = ["check_declaration", "load_standards"]


def load_standards(path: Path | None = None) -> Standards:
    """The standards of ``path``, or the packaged ones."""
    if path is None:
        source = resources.files("clawback.data").joinpath("declaration_standards.yaml")
        text, name = source.read_text("utf-8"), "declaration_standards.yaml"
    else:
        text, name = path.read_text("utf-8"), path.name
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise InvalidInput(f"{name}:{where} not YAML") from None
    return standards_from(data)


def check_declaration(
    path: Path, privileges: Sequence[str] = (), rules: Path | None = None
) -> DeclarationReport:
    """The report on the declaration at ``path`` (text, PDF or DOCX)."""
    return check(paper_text(path), load_standards(rules), privileges)
