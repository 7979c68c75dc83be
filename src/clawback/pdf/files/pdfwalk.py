"""Walking a pikepdf object graph: every container reachable from the trailer, once.

Used by the scrub (to strip keys wherever they occur) and by the verifier (to find forbidden
structures and objects nothing refers to).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pikepdf


@dataclass
class Walk:
    """The result of `walk`: reachable containers and the indirect objects among them."""

    containers: list[pikepdf.Object] = field(default_factory=list)
    indirect: set[tuple[int, int]] = field(default_factory=set)
    strings: list[pikepdf.String] = field(default_factory=list)


def walk(*starts: object, seen: set[tuple[int, int]] | None = None) -> Walk:
    """Collect every dictionary, array, stream and string reachable from `starts`.

    Indirect objects are visited once (cycles such as ``/Parent`` are safe); direct objects
    cannot form cycles and are visited where they occur. With `seen` shared across calls, an
    object one call visited is not visited again by the next (each lands in one walk).
    """
    found = Walk()
    visited = found.indirect if seen is None else seen
    stack: list[object] = list(starts)
    while stack:
        obj = stack.pop()
        if not isinstance(obj, pikepdf.Object):
            continue
        if obj.is_indirect:
            key = obj.objgen
            if key in visited:
                continue
            visited.add(key)
            found.indirect.add(key)
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            found.containers.append(obj)
            stack.extend(obj.values())
        elif isinstance(obj, pikepdf.Array):
            found.containers.append(obj)
            stack.extend(obj)
        elif isinstance(obj, pikepdf.String):
            found.strings.append(obj)
    return found


def dictionaries(found: Walk) -> Iterator[pikepdf.Object]:
    """The dictionaries and stream dictionaries among `found.containers`."""
    for obj in found.containers:
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            yield obj


def all_objects(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Object]:
    """Every object in the cross-reference table, reachable or not (objects of superseded
    revisions are not listed: the raw-byte scan covers those)."""
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Object) and obj.is_indirect:
            yield obj


def page_contents(page: pikepdf.Page) -> list[pikepdf.Stream]:
    """A page's content streams (``/Contents`` may be one stream or an array of them)."""
    contents = page.obj.get("/Contents")
    if isinstance(contents, pikepdf.Stream):
        return [contents]
    if isinstance(contents, pikepdf.Array):
        return [item for item in contents if isinstance(item, pikepdf.Stream)]
    return []
