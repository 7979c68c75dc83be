"""The domain core is pure: no database, no PDF library, no CLI, no service layer."""

import ast
from pathlib import Path

import clawback

PACKAGE = Path(clawback.__file__).parent
FORBIDDEN = (
    "sqlalchemy",
    "alembic",
    "pymupdf",
    "fitz",
    "pypdf",
    "pypdfium2",
    "pikepdf",
    "typer",
    "rich",
    "openpyxl",
    "clawback.storage",
    "clawback.pdf",
    "clawback.service",
    "clawback.cli",
    "clawback.demo",
)


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_domain_imports_nothing_impure() -> None:
    files = sorted((PACKAGE / "domain").glob("*.py"))
    assert len(files) >= 8
    for path in files:
        for name in imports(path):
            assert not name.startswith(FORBIDDEN), f"{path.name} imports {name}"


def test_the_product_never_reads_shared() -> None:
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "seed-case" not in text and "/shared" not in text, path
