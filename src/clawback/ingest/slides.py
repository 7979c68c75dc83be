"""What a slide deck's printout leaves out: its speaker notes and its hidden slides.

LibreOffice prints a deck's visible slides only. A production shows everything, so the deck
is rendered with its hidden slides (always) and, when it has speaker notes, with a notes page
per slide after the slides (`pdf.files.convert.to_pdfs`, ``notes``); `look` reads the deck
(its XML: a ``.pptx`` or an ``.odp``) for what to say: the slides that were hidden, and the
slides whose notes are shown on which pages. An old ``.ppt`` is not read here: its hidden
slides are shown all the same, its notes are not (said).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

from clawback.said import in_words

__all__ = ["DECKS", "Deck", "look"]

#: The decks `look` reads.
DECKS = frozenset({".pptx", ".odp"})
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_PRES = "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
# The placeholders of a notes slide that are no notes.
_NOT_NOTES = frozenset({"sldImg", "sldNum", "hdr", "ftr", "dt"})


@dataclass(frozen=True)
class Deck:
    """A deck's `slides` (how many), the slides `hidden` and those with speaker `noted` (from
    1), and `unread`: why it could not be read, if so."""

    slides: int = 0
    hidden: tuple[int, ...] = ()
    noted: tuple[int, ...] = ()
    unread: str = ""

    def warnings(self, pages: int) -> list[str]:
        """What rendering it showed, given the `pages` of its PDF (notes pages after the
        slides when it has notes)."""
        if self.unread:
            return [f"the deck could not be checked for speaker notes ({self.unread}): "
                    "its hidden slides are shown, its notes may be left out"]  # fmt: skip
        said = [f"hidden slide {n} shown" for n in self.hidden]
        if self.noted:
            which = ", ".join(str(n) for n in self.noted)
            plural = "s" if len(self.noted) != 1 else ""
            first = self.slides + 1
            where = f"pages {first}-{pages}" if pages > first else f"page {first}"
            said.append(f"speaker notes of slide{plural} {which} shown on notes {where}")
        return said


def look(data: bytes, suffix: str) -> Deck:
    """What `data` (a deck of `suffix`) hides; see the module doc. Never raises."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if suffix == ".pptx":
                return _pptx(package)
            return _odp(etree.fromstring(package.read("content.xml"), _PARSER))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError, OSError) as exc:
        return Deck(unread=in_words(exc))


def _text(root: etree._Element, tag: str) -> str:
    return " ".join("".join(t.text or "" for t in root.iter(tag)).split())


def _pptx(package: zipfile.ZipFile) -> Deck:
    names = set(package.namelist())
    presentation = etree.fromstring(package.read("ppt/presentation.xml"), _PARSER)
    rels = etree.fromstring(package.read("ppt/_rels/presentation.xml.rels"), _PARSER)
    targets = {r.get("Id"): str(r.get("Target")) for r in rels}
    order = [targets[s.get(f"{{{_R}}}id")] for s in presentation.iter(f"{{{_P}}}sldId")]
    hidden, noted = [], []
    for n, target in enumerate(order, start=1):
        path = "ppt/" + target.lstrip("/").removeprefix("ppt/")
        slide = etree.fromstring(package.read(path), _PARSER)
        if slide.get("show") in ("0", "false"):
            hidden.append(n)
        rel_path = re.sub(r"([^/]+)$", r"_rels/\1.rels", path)
        if rel_path not in names:
            continue
        for rel in etree.fromstring(package.read(rel_path), _PARSER):
            if str(rel.get("Type", "")).endswith("/notesSlide"):
                notes = "ppt/" + str(rel.get("Target")).replace("../", "")
                if notes in names and _notes_text(package.read(notes)):
                    noted.append(n)
    return Deck(len(order), tuple(hidden), tuple(noted))


def _notes_text(data: bytes) -> str:
    """The words of a notes slide: its body, and any text box on it (not its slide image,
    slide number, header, footer or date)."""
    root = etree.fromstring(data, _PARSER)
    words = []
    for shape in root.iter(f"{{{_P}}}sp"):
        kinds = {ph.get("type") for ph in shape.iter(f"{{{_P}}}ph")}
        if not kinds & _NOT_NOTES:
            words.append(_text(shape, f"{{{_A}}}t"))
    return " ".join(w for w in words if w)


def _odp(content: etree._Element) -> Deck:
    hidden_styles = {
        s.get(f"{{{_STYLE}}}name")
        for s in content.iter(f"{{{_STYLE}}}style")
        for p in s.iter(f"{{{_STYLE}}}drawing-page-properties")
        if p.get(f"{{{_PRES}}}visibility") == "hidden"
    }
    pages = list(content.iter(f"{{{_DRAW}}}page"))
    hidden, noted = [], []
    for n, page in enumerate(pages, start=1):
        if page.get(f"{{{_DRAW}}}style-name") in hidden_styles:
            hidden.append(n)
        for notes in page.iter(f"{{{_PRES}}}notes"):
            frames = [f for f in notes.iter(f"{{{_DRAW}}}frame")
                      if f.get(f"{{{_PRES}}}class") not in ("page-number", "header", "footer",
                                                           "date-time")]  # fmt: skip
            if any("".join(f.itertext()).strip() for f in frames):
                noted.append(n)
                break
    return Deck(len(pages), tuple(hidden), tuple(noted))
