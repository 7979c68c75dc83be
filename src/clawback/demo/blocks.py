"""The document prose of the synthetic exhibits, loaded from the package data, and drawn.

``data/demo_exhibits.yaml`` holds every paragraph, table, bullet list and caption. A document
body there is a list of blocks. A block is a mapping whose first key names its kind and holds
its main argument; the remaining keys are keyword options of the matching :class:`Flow` method
(colours by their palette name). The kinds every document understands:

* ``para``, ``heading``, ``line``: text (or a list of texts, one call each);
* ``bullets``: items, each a string or a ``[text, level]`` pair;
* ``fields``: ``[label, value]`` pairs;
* ``table``: a mapping of ``header``, ``rows`` and ``widths``;
* ``space``: points to skip; ``rule``: a full-width rule this many points below the flow.

Instead of text, a block may hold ``{slot: name}``: the texts the builder passes under that
name. That is how the case's secrets reach the page; the data file never holds them. A
builder may also add kinds of its own (``extra``); a block that is a bare string is a kind
without arguments.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from importlib import resources
from typing import Any, cast

import yaml

from clawback.demo.flow import Flow
from clawback.demo.style import COLORS

Block = Mapping[str, Any] | str
#: A builder's own kind: (flow, main argument, options) -> None.
Kind = Callable[[Flow, Any, dict[str, Any]], None]

_COLOR_OPTIONS = ("color", "bullet", "header_fill", "header_color")


@functools.cache
def prose() -> dict[str, Any]:
    """The parsed ``demo_exhibits.yaml`` (cached; treat it as read-only)."""
    source = resources.files("clawback").joinpath("data", "demo_exhibits.yaml")
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise RuntimeError("demo_exhibits.yaml must hold a mapping")
    return data


def options(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Keyword options of a block, with palette names turned into colours."""
    return {k: COLORS[v] if k in _COLOR_OPTIONS else v for k, v in raw.items()}


def _texts(value: Any, slots: Mapping[str, Sequence[str]]) -> Sequence[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return slots[value["slot"]]
    return cast(Sequence[str], value)


def draw(
    flow: Flow,
    blocks: Sequence[Block],
    *,
    slots: Mapping[str, Sequence[str]] | None = None,
    extra: Mapping[str, Kind] | None = None,
) -> None:
    """Draw ``blocks`` into ``flow``, in order."""
    slots = slots or {}
    extra = extra or {}
    for block in blocks:
        arg: Any
        if isinstance(block, str):
            kind, arg, opts = block, None, {}
        else:
            kind, arg = next(iter(block.items()))
            opts = options({k: v for k, v in block.items() if k != kind})
        if kind in extra:
            extra[kind](flow, arg, opts)
        elif kind in ("para", "heading", "line"):
            method = getattr(flow, kind)
            for text in _texts(arg, slots):
                method(text, **opts)
        elif kind == "bullets":
            flow.bullets(arg, **opts)
        elif kind == "fields":
            flow.fields(arg, **opts)
        elif kind == "table":
            flow.table(arg["header"], arg["rows"], arg["widths"], **opts)
        elif kind == "space":
            flow.space(arg)
        elif kind == "rule":
            flow.c.line((flow.left, flow.y + arg), (flow.right, flow.y + arg), **opts)
        else:
            raise ValueError(f"unknown block kind {kind!r}")
