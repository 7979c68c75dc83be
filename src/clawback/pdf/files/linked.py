"""What a file to render names outside itself, cut before LibreOffice reads it.

A document can draw what it does not hold: a Word file's picture linked (a relationship of
``TargetMode="External"``), an ODF frame's ``xlink:href`` to ``file:///etc/passwd``, a linked
section or sheet, a web page's ``<img src>``, ``<iframe>``, ``<link>`` or CSS ``url()``, an RTF
``INCLUDEPICTURE`` or ``INCLUDETEXT`` field. LibreOffice follows such links as it converts:
measured with 7.4, a picture on the server's disk was drawn into the PDF of a ``.docx``, an
``.odt``, an ``.ods``, an ``.odp``, an ``.rtf`` and an ``.html``, and pictures and style sheets
were fetched over HTTP. A rendered page must show what the file holds, never the server's files,
and rendering must fetch nothing.

`cut` takes every such reference out (the place is left empty) and says so in one line; a
hyperlink (``<a href>``, a relationship of the hyperlink type, ``text:a``) is kept, since it is
only shown. A package part declaring XML entities (the way to an external entity) is refused:
no Office program writes one. A part that cannot be read to look is refused too, never passed
unlooked-at. `clawback.pdf.files.convert` also starts LibreOffice with links blocked and no way
onto the network (its profile), for what a kind not read here (``.doc``, ``.xls``, ``.ppt``)
may name.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from clawback.domain.errors import DocumentError
from clawback.said import in_words

__all__ = ["Cut", "LinkError", "cut"]

_ZIPPED = frozenset({".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"})
_HTML = frozenset({".htm", ".html"})
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
_XLINK = "http://www.w3.org/1999/xlink"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
# A link that is only shown, never fetched: ODF's text and drawing anchors, OOXML's hyperlink.
_ANCHORS = frozenset({"a"})
_SCHEME = re.compile(r"^\s*[A-Za-z][A-Za-z0-9+.\-]*:")
# What a package part must hold for a link to be in it (attribute names are never escaped).
_MARKERS = (b"href", b"Target", b"src")
_QUOTED = 60


class LinkError(DocumentError):
    """A file could not be looked through for what it names outside itself. One line."""


@dataclass(frozen=True)
class Cut:
    """The file with what it named outside itself taken out, and the targets taken."""

    data: bytes
    targets: tuple[str, ...] = ()

    def warning(self) -> str | None:
        """One line saying what was not followed, or None."""
        if not self.targets:
            return None
        first = self.targets[0]
        first = first if len(first) <= _QUOTED else first[: _QUOTED - 3] + "..."
        more = f" and {len(self.targets) - 1} more" if len(self.targets) > 1 else ""
        what = "link" if len(self.targets) == 1 else "links"
        return (f"{len(self.targets)} {what} to content outside the file not followed "
                f"({first!r}{more}): rendered without it")  # fmt: skip


def cut(data: bytes, kind: str) -> Cut:
    """`data` (a file of `kind`, ``.docx`` and the like) with what it names outside itself
    taken out; see the module doc. Raises `LinkError` for a file that cannot be looked
    through; a kind that names nothing outside itself, or is not read here, is returned as it
    came."""
    kind = "." + kind.strip().lower().lstrip(".")
    if kind in _ZIPPED and data.startswith(b"PK\x03\x04"):
        return _package(data)
    if kind in _HTML:
        return _web_page(data)
    if kind == ".rtf":
        return _rtf(data)
    return Cut(data)


# --------------------------------------------------------------------------------------------
# Packages (OOXML and ODF)


def _package(data: bytes) -> Cut:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = [(info, package.read(info)) for info in package.infolist()]
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise LinkError(f"its package could not be read ({in_words(exc)})") from None
    targets: list[str] = []
    changed = False
    out: list[tuple[zipfile.ZipInfo, bytes]] = []
    for info, content in members:
        if info.filename.lower().endswith((".xml", ".rels")):
            if b"<!ENTITY" in content:
                raise LinkError(f"its part {info.filename} declares XML entities, as no Office "
                                "program writes")  # fmt: skip
            if any(marker in content for marker in _MARKERS):
                taken = _part(info.filename, content)
                if taken is not None:
                    content, found = taken
                    targets += found
                    changed = True
        out.append((info, content))
    if not changed:
        return Cut(data)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for info, content in out:
            package.writestr(info, content, compress_type=info.compress_type)
    return Cut(buffer.getvalue(), tuple(targets))


def _part(name: str, content: bytes) -> tuple[bytes, list[str]] | None:
    """A part with its links outside the package taken out, and their targets; None if it
    names nothing outside."""
    try:
        root = etree.fromstring(content, _PARSER)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise LinkError(f"its part {name} could not be read ({in_words(exc)})") from None
    found: list[str] = []
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if element.tag == f"{{{_RELS}}}Relationship":
            target = element.get("Target", "")
            external = element.get("TargetMode", "") == "External" or _outside(
                target, part_name=True
            )
            if external and not element.get("Type", "").endswith("/hyperlink"):
                found.append(target)
                parent = element.getparent()
                if parent is not None:
                    parent.remove(element)
            continue
        if etree.QName(element).localname in _ANCHORS:
            continue
        for attribute, value in list(element.attrib.items()):
            local = etree.QName(attribute).localname
            if local in ("href", "src") and _outside(value, folders=name.count("/")):
                found.append(value)
                del element.attrib[attribute]
    if not found:
        return None
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), found


def _outside(target: str, *, part_name: bool = False, folders: int = 0) -> bool:
    """Whether a reference names something outside the package: a URL of any scheme, a
    network path, or (where it is not a `part_name`, which the package resolves in itself)
    an absolute path or a relative one climbing out of the package from a part `folders`
    deep (an ODF object's own parts are read from its folder)."""
    value = target.strip().replace("\\", "/")
    if not value or value.startswith("#"):
        return False
    if _SCHEME.match(value) or value.startswith("//"):
        return True
    if part_name:
        return False
    if value.startswith("/"):
        return True
    depth = folders
    for step in value.split("/"):
        if step in ("", "."):
            continue
        depth += -1 if step == ".." else 1
        if depth < 0:
            return True
    return False


# --------------------------------------------------------------------------------------------
# Web pages

# Attributes a browser or LibreOffice fetches (or embeds) from: every one but an anchor's href.
_FETCHED = frozenset({
    "src", "href", "data", "background", "lowsrc", "dynsrc", "poster", "codebase", "archive",
    "longdesc", "srcset", "imagesrcset", "classid", "action", "formaction", "profile",
    "manifest", "icon", "xlink:href", "cite", "usemap", "ping",
})  # fmt: skip
_KEPT_HREF = frozenset({"a", "area"})
# Elements that only name something elsewhere: taken out whole.
_NAMING = frozenset({"link", "base"})
_CSS_URL = re.compile(r"url\s*\(|@import|image-set\s*\(|image\s*\(|\\", re.IGNORECASE)


def _kept(tag: str, name: str, value: str) -> bool:
    """An anchor's link (shown, never fetched) or a picture the page carries in itself."""
    if name == "href":
        return tag in _KEPT_HREF
    return name == "src" and tag == "img" and value.strip().lower().startswith("data:image/")


def _web_page(data: bytes) -> Cut:
    """A web page as the HTML parser reads it, less what it would fetch. It is always written
    out again, opening ``<!DOCTYPE html>``: LibreOffice tells a file's kind by its bytes, and
    took an RTF file named ``.html`` for RTF (its INCLUDEPICTURE drawn), which read as a web
    page is its text."""
    try:
        data.decode("utf-8")
        parser = lxml_html.HTMLParser(encoding="utf-8")
    except UnicodeDecodeError:
        parser = None  # the page's own <meta charset> says how to read it
    try:
        root = lxml_html.document_fromstring(data, parser=parser)
    except etree.ParserError:  # nothing but blanks (or comments): a blank page
        return Cut(b"<!DOCTYPE html><html><body></body></html>")
    except ValueError as exc:
        raise LinkError(f"the web page could not be read ({in_words(exc)})") from None
    found: list[str] = []
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        refresh = tag == "meta" and element.get("http-equiv", "").lower() == "refresh"
        if tag in _NAMING or refresh:
            found.append(element.get("href") or element.get("content") or f"<{tag}>")
            element.drop_tree()
            continue
        if tag == "style" and element.text and _CSS_URL.search(element.text):
            found.append("a style sheet's url()")
            element.text = ""
        for attribute, value in list(element.attrib.items()):
            name = attribute.lower()
            if name == "style" and _CSS_URL.search(value):
                found.append("a style's url()")
                del element.attrib[attribute]
            elif name in _FETCHED and not _kept(tag, name, value):
                if value.strip() and not value.strip().startswith("#"):
                    found.append(value.strip())
                del element.attrib[attribute]
    written = lxml_html.tostring(
        root, encoding="us-ascii", method="html", doctype="<!DOCTYPE html>"
    )
    return Cut(written, tuple(found))


# --------------------------------------------------------------------------------------------
# RTF

# Fields that draw or take in another file's content (INCLUDE is Word's old INCLUDETEXT): an
# instruction naming one anywhere (an IF field holding an INCLUDEPICTURE) is cut whole.
_REACHING = ("INCLUDE", "IMPORT", "LINK", "DDE")
_FLDINST = re.compile(rb"\\fldinst(?![A-Za-z])")
_HEX = re.compile(rb"\\'([0-9A-Fa-f]{2})")
_UNICODE = re.compile(rb"\\u(-?\d+) ?")
_CONTROL = re.compile(rb"\\(?:[A-Za-z]+-?\d* ?|.)")


def _rtf(data: bytes) -> Cut:
    found: list[str] = []
    pieces: list[bytes] = []
    at = 0
    for match in _FLDINST.finditer(data):
        if match.start() < at:
            continue  # inside an instruction already read
        start = data.rfind(b"{", 0, match.start())
        end = _group_end(data, start) if start >= 0 else -1
        if end < 0:
            raise LinkError("a field instruction of the RTF file is never closed")
        said = _instruction(data[start:end])
        if any(word.startswith(_REACHING) for word in re.findall(r"[A-Z]+", said.upper())):
            found.append(" ".join(said.split())[:200])
            pieces += [data[at:start], b"{\\*\\fldinst }"]
            at = end
        else:
            pieces.append(data[at:end])
            at = end  # a field nested in it was read with it: each byte is looked at once
    if not found:
        return Cut(data)
    pieces.append(data[at:])
    return Cut(b"".join(pieces), tuple(found))


def _instruction(group: bytes) -> str:
    """A field instruction's words, as a reader of the RTF spells them out."""
    spelled = _HEX.sub(lambda m: bytes([int(m.group(1), 16)]), group)
    spelled = _UNICODE.sub(lambda m: chr(int(m.group(1)) % 65536).encode("utf-8"), spelled)
    spelled = _CONTROL.sub(b"", spelled).replace(b"{", b"").replace(b"}", b"")
    return spelled.decode("latin-1").strip()


def _group_end(data: bytes, start: int) -> int:
    """The offset just past the group opening at `start`, or -1 if it never closes."""
    depth = 0
    n = start
    while n < len(data):
        byte = data[n : n + 1]
        if byte == b"\\":
            n += 2
            continue
        if byte == b"{":
            depth += 1
        elif byte == b"}":
            depth -= 1
            if depth == 0:
                return n + 1
        n += 1
    return -1
