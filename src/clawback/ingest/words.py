"""A Word file made ready to render whole, as productions expect: what its printout leaves out
shown, and what it marks up said.

LibreOffice prints a ``.docx`` as Word's "Simple Markup" would not: its tracked changes are
drawn marked up (insertions underlined, deletions struck through, both in the page's text),
but its comments are not printed at all and text formatted hidden (``w:vanish``) is left out.
`expose` rewrites the package (its XML, no macro runs) before it is rendered:

* every comment is listed after the text, under a heading `COMMENTS_HEADING`, one paragraph
  each: its number, author, date, the words it is on, and what it says; its marks in the text
  are taken out (so no renderer also makes them annotations);
* every run of hidden text is shown;
* tracked changes are left as LibreOffice draws them, and counted.

It returns the rewritten file and one warning per thing found ("tracked changes shown marked
up (2 insertions, 1 deletion by Kim Lee): deleted text is on the page, struck through", "3
comments listed after the text", "4 runs of hidden text shown"), for the document's meta. A
package it cannot read is returned as it came, said.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter

from lxml import etree

from clawback.said import in_words

__all__ = ["COMMENTS_HEADING", "expose"]

#: The heading the comments are listed under, after the text.
COMMENTS_HEADING = "Comments in this document"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_BODY, _COMMENTS = "word/document.xml", "word/comments.xml"
# Parts whose text can be formatted hidden.
_TEXT_PARTS = ("word/document.xml", "word/styles.xml")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _q(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def expose(data: bytes) -> tuple[bytes, list[str]]:
    """The ``.docx`` `data` with its comments listed and hidden text shown, and what was found;
    see the module doc. Never raises for the file's sake."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = {info.filename: package.read(info) for info in package.infolist()}
        body = etree.fromstring(parts[_BODY], _PARSER)
        notes = etree.fromstring(parts[_COMMENTS], _PARSER) if _COMMENTS in parts else None
        styles = (
            etree.fromstring(parts[_TEXT_PARTS[1]], _PARSER) if _TEXT_PARTS[1] in parts else None
        )
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError, OSError) as exc:
        return data, [f"the Word file could not be checked for comments, hidden text and "
                      f"tracked changes ({in_words(exc)}): rendered as it came"]  # fmt: skip
    said = _changes(body)
    hidden = _unhide(body) + (_unhide(styles) if styles is not None else 0)
    listed = _list_comments(body, notes) if notes is not None else 0
    if listed:
        said.append(f"{_n(listed, 'comment')} listed after the text, under "
                    f"'{COMMENTS_HEADING}'")  # fmt: skip
    if hidden:
        said.append(f"{_n(hidden, 'run')} of hidden text shown")
    if not hidden and not listed:
        return data, said
    parts[_BODY] = etree.tostring(body, xml_declaration=True, encoding="UTF-8", standalone=True)
    if styles is not None and hidden:
        parts[_TEXT_PARTS[1]] = etree.tostring(
            styles, xml_declaration=True, encoding="UTF-8", standalone=True
        )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            package.writestr(name, content)
    return out.getvalue(), said


def _n(count: int, what: str) -> str:
    return f"{count} {what}{'s' if count != 1 else ''}"


def _changes(body: etree._Element) -> list[str]:
    """The warning for the tracked changes, if any: how many of each kind, and by whom."""
    kinds = {"ins": "insertion", "del": "deletion", "moveFrom": "move", "moveTo": ""}
    counted: Counter[str] = Counter()
    authors: dict[str, None] = {}
    for tag, said in kinds.items():
        for mark in body.iter(_q(tag)):
            if mark.getparent() is not None and mark.getparent().tag == _q("rPr"):
                continue  # a paragraph mark's change: counted with its run's
            if said:
                counted[said] += 1
            authors[str(mark.get(_q("author")) or "unknown author")] = None
    if not counted:
        return []
    parts = ", ".join(_n(counted[k], k) for k in ("insertion", "deletion", "move") if counted[k])
    return [f"tracked changes shown marked up ({parts} by {', '.join(authors)}): deleted text "
            "is on the page, struck through"]  # fmt: skip


def _unhide(root: etree._Element) -> int:
    """Take out every ``w:vanish`` (hidden text); how many runs or styles carried one."""
    marks = [m for m in root.iter(_q("vanish")) if m.get(_q("val")) not in ("0", "false")]
    for mark in marks:
        mark.getparent().remove(mark)
    return len(marks)


def _list_comments(body: etree._Element, notes: etree._Element) -> int:
    """List the comments after the text (see the module doc); how many were listed."""
    texts: dict[str, tuple[str, str, str]] = {}
    for note in notes.iter(_q("comment")):
        words = " ".join("".join(p.itertext()).strip() for p in note.iter(_q("p")))
        texts[str(note.get(_q("id")))] = (
            str(note.get(_q("author")) or ""),
            str(note.get(_q("date")) or "")[:10],
            words.strip(),
        )
    on = _commented_words(body)
    for tag in ("commentRangeStart", "commentRangeEnd"):
        for mark in list(body.iter(_q(tag))):
            mark.getparent().remove(mark)
    for ref in list(body.iter(_q("commentReference"))):
        run = ref.getparent()
        run.remove(ref)
        if run.tag == _q("r") and not [c for c in run if c.tag != _q("rPr")]:
            run.getparent().remove(run)
    if not texts:
        return 0
    holder = body.find(_q("body"))
    if holder is None:
        return 0
    end = holder.find(_q("sectPr"))
    lines = [COMMENTS_HEADING] + [
        f"[{n}] {author or 'unknown author'}{f' ({date})' if date else ''}"
        f"{f' on “{on[key]}”' if on.get(key) else ''}: {words}"
        for n, (key, (author, date, words)) in enumerate(texts.items(), start=1)
    ]
    for line in lines:
        paragraph = etree.Element(_q("p"))
        run = etree.SubElement(paragraph, _q("r"))
        text = etree.SubElement(run, _q("t"))
        text.text = line
        text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        if end is not None:
            end.addprevious(paragraph)
        else:
            holder.append(paragraph)
    return len(texts)


def _commented_words(body: etree._Element) -> dict[str, str]:
    """The words between each comment's range marks, by comment id (in document order)."""
    open_ranges: dict[str, list[str]] = {}
    done: dict[str, str] = {}
    for el in body.iter(_q("commentRangeStart"), _q("commentRangeEnd"), _q("t")):
        key = str(el.get(_q("id")))
        if el.tag == _q("commentRangeStart"):
            open_ranges[key] = []
        elif el.tag == _q("commentRangeEnd"):
            done[key] = " ".join("".join(open_ranges.pop(key, [])).split())[:200]
        else:
            for words in open_ranges.values():
                words.append(el.text or "")
    return done
