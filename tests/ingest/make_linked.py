"""Files that name content outside themselves, built for the tests: each the way a hostile
sender would write it (a picture, section, sheet or page linked to a path on the server or to
a web address), in the few parts LibreOffice needs to open it."""

from __future__ import annotations

import io
import zipfile

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)
_PICTURE = (
    "<w:p><w:r><w:t>Linked picture below</w:t></w:r><w:r><w:drawing><wp:inline>"
    '<wp:extent cx="914400" cy="914400"/><wp:docPr id="1" name="P"/><a:graphic>'
    '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
    '<pic:nvPicPr><pic:cNvPr id="1" name="P"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
    '<a:blip r:link="rIdL"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr>'
    '<a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm>'
    '<a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>'
    "</w:drawing></w:r></w:p>"
)


def _zip(parts: dict[str, str], mimetype: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        if mimetype is not None:
            z.writestr(zipfile.ZipInfo("mimetype"), mimetype)  # first, stored
        for name, text in parts.items():
            z.writestr(name, text)
    return out.getvalue()


def docx(body: str, relationships: str = "", prolog: str = "") -> bytes:
    """A Word file of `body` (WordprocessingML), its document part's `relationships`."""
    return _zip({
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _PACKAGE_RELS,
        "word/document.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"{prolog}<w:document {_W}><w:body>{body}</w:body></w:document>",
        "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships '
        f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{relationships}'
        "</Relationships>",
    })  # fmt: skip


def docx_linked_picture(target: str) -> bytes:
    """A Word file whose one picture is linked (``TargetMode="External"``) to `target`."""
    link = (
        '<Relationship Id="rIdL" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/image" Target="{target}" TargetMode="External"/>'
    )
    return docx(_PICTURE, link)


_ODF = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink"'
)


def odf(kind: str, body: str) -> bytes:
    """An ODF file of `kind` (text, spreadsheet, presentation) whose body is `body`."""
    media = f"application/vnd.oasis.opendocument.{kind}"
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
        '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{media}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF} '
        f'office:version="1.2"><office:body><office:{kind}>{body}</office:{kind}>'
        "</office:body></office:document-content>"
    )
    return _zip({"META-INF/manifest.xml": manifest, "content.xml": content}, media)


def frame(target: str) -> str:
    """An ODF frame drawing the picture at `target`."""
    return (
        '<draw:frame draw:name="f" svg:width="3cm" svg:height="3cm" svg:x="1cm" svg:y="1cm" '
        f'text:anchor-type="as-char"><draw:image xlink:href="{target}" xlink:type="simple" '
        'xlink:show="embed" xlink:actuate="onLoad"/></draw:frame>'
    )


def odt_running_basic(marker: str) -> bytes:
    """A text file whose Basic macro, bound to its loading, writes the file `marker`."""
    scripts = (
        "<office:scripts><office:event-listeners><script:event-listener script:language="
        '"ooo:script" script:event-name="dom:load" xlink:href="vnd.sun.star.script:Standard.'
        'Module1.Main?language=Basic&amp;location=document"/></office:event-listeners>'
        "</office:scripts>"
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF} '
        'xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" office:version="1.2">'
        f"{scripts}<office:body><office:text><text:p>A macro</text:p></office:text>"
        "</office:body></office:document-content>"
    )
    library = "http://openoffice.org/2000/library"
    parts = {
        "Basic/script-lc.xml": f'<library:libraries xmlns:library="{library}" xmlns:xlink='
        '"http://www.w3.org/1999/xlink"><library:library library:name="Standard" '
        'library:link="false"/></library:libraries>',
        "Basic/Standard/script-lb.xml": f'<library:library xmlns:library="{library}" '
        'library:name="Standard" library:readonly="false" library:passwordprotected="false">'
        '<library:element library:name="Module1"/></library:library>',
        "Basic/Standard/Module1.xml": '<script:module xmlns:script="http://openoffice.org/2000/'
        'script" script:name="Module1" script:language="StarBasic">Sub Main\n'
        f'Open "{marker}" For Output As #1\nPrint #1, "ran"\nClose #1\nEnd Sub\n</script:module>',
    }
    entries = "".join(
        f'<manifest:file-entry manifest:full-path="{name}" manifest:media-type="text/xml"/>'
        for name in ("content.xml", *parts)
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
        '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
        f'vnd.oasis.opendocument.text"/>{entries}</manifest:manifest>'
    )
    return _zip(
        {"META-INF/manifest.xml": manifest, "content.xml": content, **parts},
        "application/vnd.oasis.opendocument.text",
    )
