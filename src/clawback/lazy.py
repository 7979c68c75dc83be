"""Names a package exports, imported on first use (PEP 562), so importing the package is cheap.

A package lists where each public name lives and hands its module-level ``__getattr__`` and
``__dir__`` to `exports`; `import clawback.service` then loads nothing heavy until a name is
asked for (the command line starts in a fraction of a second: tests/test_cli_start.py).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["exports"]


def exports(
    package: str, homes: Mapping[str, str], names: list[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of `package`, whose public `names` live in the
    modules `homes` gives (each imported once, its value then kept in the package)."""
    space = importlib.import_module(package).__dict__

    def getattr_(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home), name)
        space[name] = value
        return value

    def dir_() -> list[str]:
        return sorted({*space, *names})

    return getattr_, dir_
