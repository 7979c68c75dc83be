"""Strings a file carries beside its pages where no standard structure puts them, and no page
draws them; the scrub's second half (`strip_undrawn`) and the gate's (`undrawn_findings`).

`scrub` removes by name what viewers know (metadata, annotations, bookmarks, replacement text).
A file may carry text in places no viewer shows and no list of names reaches:

* a key of a page, a page-tree node or the catalog that the standard does not give it, or one
  that draws nothing (``/XNote (text)`` on a page, ``/Lang`` on the catalog): each keeps only
  `PAGE_KEYS`, `NODE_KEYS`, `CATALOG_KEYS`;
* a private entry of a resource dictionary: resources keep only `RESOURCE_KINDS`;
* a marked-content property list, inline in a content stream (``/Note <</Source (text)>> BDC``)
  or named in ``/Properties``: a property list draws nothing, so it keeps no string;
* the name of an optional-content group (a layer) and of the layer configurations, the labels
  of their ``/Order``, and a group's ``/Usage`` creator, language and user: a layer is renamed
  ``Layer``, the rest go (what is on or off, on screen or in print, stays as it was).

Key names are never quoted in a finding: a key's name is the file's text too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pikepdf

from clawback.pdf.files.pdfwalk import Walk, dictionaries

__all__ = [
    "CATALOG_KEYS",
    "LAYER",
    "NODE_KEYS",
    "PAGE_KEYS",
    "RESOURCE_KINDS",
    "content_strings",
    "extra_keys",
    "has_strings",
    "layer_text",
    "layers",
    "may_hold_strings",
    "page_tree_nodes",
    "property_lists",
    "strip_content_strings",
    "strip_undrawn",
]

PAGE_KEYS = frozenset(
    {"/Type", "/Parent", "/Resources", "/MediaBox", "/CropBox", "/BleedBox", "/TrimBox",
     "/ArtBox", "/Contents", "/Rotate", "/Group", "/UserUnit"}
)  # fmt: skip
NODE_KEYS = frozenset({"/Type", "/Kids", "/Count", "/Parent", "/Resources", "/MediaBox",
                       "/CropBox", "/Rotate"})  # fmt: skip
CATALOG_KEYS = frozenset({"/Type", "/Pages", "/Version", "/Extensions", "/OCProperties",
                          "/PageLayout", "/ViewerPreferences"})  # fmt: skip
RESOURCE_KINDS = frozenset({"/ExtGState", "/ColorSpace", "/Pattern", "/Shading", "/XObject",
                            "/Font", "/ProcSet", "/Properties"})  # fmt: skip
#: From an inline dictionary's start to the first marked-content operator after it: where a
#: property list's strings would be (one inside a string's own text starts before it).
_INLINE_LIST = re.compile(rb"<<(.*?)(?:BDC|DP)", re.S)
#: How a string starts (a literal, or a hex string; the second ``<`` of a nested ``<<`` too:
#: that errs towards yes).
_STRING_START = re.compile(rb"\(|<(?!<)")
_USAGE_TEXT = ("/CreatorInfo", "/Language", "/User")
_CONFIG_TEXT = ("/Name", "/Creator")


def strip_undrawn(doc: pikepdf.Pdf, found: Walk) -> None:
    """Remove from `doc` every string of the kinds the module doc lists; `found` is a `walk`
    of the whole file (from its trailer)."""
    _keep_only(doc.Root, CATALOG_KEYS)
    pages = [page.obj for page in doc.pages]
    for page in pages:
        _keep_only(page, PAGE_KEYS)
    for node in page_tree_nodes(pages):
        _keep_only(node, NODE_KEYS)
    _rename_layers(doc, found)
    for obj in dictionaries(found):
        resources = obj.get("/Resources")
        if isinstance(resources, pikepdf.Dictionary):
            _keep_only(resources, RESOURCE_KINDS)
            for entry in property_lists(resources):
                if entry.get("/Type") not in ("/OCG", "/OCMD"):
                    _drop_strings(entry)


def extra_keys(pike: pikepdf.Pdf) -> list[str]:
    """What holds keys `strip_undrawn` removes: ``catalog``, ``page``, ``page-tree`` (the
    document information MuPDF files in the catalog is the metadata check's)."""
    found = ["catalog"] if _holding(pike.Root) - CATALOG_KEYS - {"/Info"} else []
    pages = [page.obj for page in pike.pages]
    found += ["page" for page in pages if _holding(page) - PAGE_KEYS]
    found += ["page-tree" for node in page_tree_nodes(pages) if _holding(node) - NODE_KEYS]
    return found


def _holding(obj: pikepdf.Object) -> set[str]:
    """The keys of a dictionary whose values may hold something: an empty array or dictionary
    (``/Annots []``, as MuPDF leaves a page it took the last annotation from) holds nothing."""
    kept = set()
    for key, value in obj.items():
        if isinstance(value, pikepdf.Array | pikepdf.Dictionary) and len(value) == 0:
            continue
        kept.add(str(key))
    return kept


def layer_text(found: Walk) -> int:
    """How many layers carry a name other than `LAYER`, or usage text."""
    return sum(
        1
        for group in layers(found)
        if str(group.get("/Name", "")) != LAYER
        or any(key in group.get("/Usage", {}) for key in _USAGE_TEXT)
    )


def may_hold_strings(data: bytes) -> bool:
    """Whether the content stream `data` may hold a string in an inline property list (a
    cheap test before parsing; never no where there is one)."""
    return any(_STRING_START.search(m.group(1)) for m in _INLINE_LIST.finditer(data))


#: A parsed content stream (`pikepdf.parse_content_stream`).
Instructions = Sequence[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage]


def content_strings(instructions: Instructions) -> bool:
    """Whether an inline marked-content property list among `instructions` holds a string."""
    return any(has_strings(props) for props in _inline_lists(instructions))


def strip_content_strings(
    instructions: Instructions,
) -> list[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage] | None:
    """`instructions` with every string taken out of their inline property lists; None when
    there was none."""
    changed = False
    out: list[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage] = []
    for item in instructions:
        if not isinstance(item, pikepdf.ContentStreamInstruction):
            out.append(item)
            continue
        operands = list(item.operands)
        props = operands[-1] if operands and str(item.operator) in ("BDC", "DP") else None
        if isinstance(props, pikepdf.Dictionary) and has_strings(props):
            operands[-1] = _without_strings(props)
            item = pikepdf.ContentStreamInstruction(operands, item.operator)
            changed = True
        out.append(item)
    return out if changed else None


def _inline_lists(instructions: Instructions) -> list[pikepdf.Dictionary]:
    found = []
    for item in instructions:
        if isinstance(item, pikepdf.ContentStreamInstruction) and str(item.operator) in (
            "BDC",
            "DP",
        ):
            operands = list(item.operands)
            if operands and isinstance(operands[-1], pikepdf.Dictionary):
                found.append(operands[-1])
    return found


def _keep_only(obj: pikepdf.Object, keys: frozenset[str]) -> None:
    for key in set(obj.keys()) - keys:
        del obj[key]


def page_tree_nodes(pages: Sequence[pikepdf.Object]) -> list[pikepdf.Object]:
    """The page tree's intermediate nodes and root, once each."""
    nodes: dict[tuple[int, int], pikepdf.Object] = {}
    for page in pages:
        node = page.get("/Parent")
        while isinstance(node, pikepdf.Dictionary) and node.objgen not in nodes:
            nodes[node.objgen] = node
            node = node.get("/Parent")
    return list(nodes.values())


#: The name every layer is given.
LAYER = "Layer"


def layers(found: Walk) -> list[pikepdf.Object]:
    """Every optional-content group in `found`, listed in /OCProperties or not."""
    return [obj for obj in dictionaries(found) if obj.get("/Type") == "/OCG"]


def _rename_layers(doc: pikepdf.Pdf, found: Walk) -> None:
    """Layers named `LAYER`; configurations without names, creators or labels."""
    for group in layers(found):
        group.Name = pikepdf.String(LAYER)
        usage = group.get("/Usage")
        if isinstance(usage, pikepdf.Dictionary):
            for key in _USAGE_TEXT:
                if key in usage:
                    del usage[key]
    props = doc.Root.get("/OCProperties")
    if not isinstance(props, pikepdf.Dictionary):
        return
    configs = [props.get("/D"), *props.get("/Configs", ())]
    for config in configs:
        if not isinstance(config, pikepdf.Dictionary):
            continue
        for key in _CONFIG_TEXT:
            if key in config:
                del config[key]
        order = config.get("/Order")
        if isinstance(order, pikepdf.Array):
            config.Order = _unlabelled(order)


def _unlabelled(order: pikepdf.Array) -> pikepdf.Array:
    kept = []
    for item in order:
        if isinstance(item, pikepdf.String):
            continue
        kept.append(_unlabelled(item) if isinstance(item, pikepdf.Array) else item)
    return pikepdf.Array(kept)


def property_lists(resources: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    named = resources.get("/Properties")
    if not isinstance(named, pikepdf.Dictionary):
        return []
    return [v for v in named.values() if isinstance(v, pikepdf.Dictionary)]


def has_strings(obj: pikepdf.Object) -> bool:
    values = obj.values() if isinstance(obj, pikepdf.Dictionary) else obj
    for value in values:
        if isinstance(value, pikepdf.String):
            return True
        if (
            isinstance(value, pikepdf.Dictionary | pikepdf.Array)
            and not value.is_indirect
            and has_strings(value)
        ):
            return True
    return False


def _drop_strings(obj: pikepdf.Dictionary) -> None:
    for key in list(obj.keys()):
        value = obj[key]
        if isinstance(value, pikepdf.String):
            del obj[key]
        elif isinstance(value, pikepdf.Dictionary) and not value.is_indirect:
            _drop_strings(value)
        elif isinstance(value, pikepdf.Array) and has_strings(value):
            del obj[key]


def _without_strings(props: pikepdf.Dictionary) -> pikepdf.Dictionary:
    copy = pikepdf.Dictionary({k: v for k, v in props.items()})
    _drop_strings(copy)
    return copy
