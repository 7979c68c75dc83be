"""Shared fixtures for the PDF engine tests: the corpus (built once) and the x-ray batch."""

from __future__ import annotations

from pathlib import Path

import pytest

from clawback.pdf.gate.findings import Finding
from clawback.pdf.gate.verify import xray_inspect
from tests.pdf.corpus import Case, build_all


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Case]:
    return build_all(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def xray_report(
    corpus: dict[str, Case], xray_available: None, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, list[Finding]]:
    """x-ray findings for every corpus file, from ONE x-ray subprocess."""
    folder = tmp_path_factory.mktemp("xray")
    paths = {}
    for name, case in corpus.items():
        path = Path(folder) / f"{name}.pdf"
        path.write_bytes(case.pdf)
        paths[name] = path
    report = xray_inspect(list(paths.values()))
    return {name: report[path] for name, path in paths.items()}
