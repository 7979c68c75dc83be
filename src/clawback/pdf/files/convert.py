"""Word-processor files to PDF, with LibreOffice in headless mode.

Briefs are written in Word, and productions carry Office files; the redaction engine works on
PDF. `to_pdf` converts word-processor files (``.docx .doc .odt .rtf``) and, when asked
(`OFFICE`), plain text, spreadsheets (``.xlsx .xls .ods .csv``) and presentations (``.pptx .ppt
.odp``) by running::

    soffice -env:UserInstallation=file:///tmp/.../profile --headless --convert-to pdf \
        --outdir DIR FILE

in a temporary folder of its own. Each call gets a fresh LibreOffice profile (the
``UserInstallation``), so conversions running in parallel never share one, and nothing of the
user's own LibreOffice settings, macros or recent-file list takes part. A ``.pdf`` is passed
through unchanged (after a header check).

Nothing outside the file takes part either: what it names outside itself (a linked picture,
section or sheet, a web page's ``<img src>``, an RTF ``INCLUDEPICTURE``) is cut first
(`clawback.pdf.files.linked`), and the profile is written before LibreOffice starts
(`_PROFILE`) so that it follows no link a kind not read there may hold (links blocked, none
updated, every connection sent to a proxy that is not there).

The process runs in a session of its own and is killed with everything it started if it
outlives `timeout`. Every failure is one `ConversionError` line, which never quotes the
document.

`to_pdfs` converts many files of the `RENDERED` kinds (every `OFFICE` kind, web pages
``.htm .html`` and Windows metafiles ``.emf .wmf``) in ONE LibreOffice run, the way ingest
renders the natives of an e-mail family, a PDF's embedded files or a load-file volume: starting
LibreOffice costs seconds, converting a small file a fraction of one. Its contract: one answer
per file, in order, a PDF or the `ConversionError` saying why not (a file of another kind,
bytes that are not what the suffix says, a conversion that failed, or the run outliving its
timeout); it never raises for one file's sake. `to_xlsx` is the same run saving spreadsheets as
``.xlsx``.

A deck is exported with its hidden slides (`_HIDDEN_SLIDES`: the other kinds ignore the
option), and the decks named in `to_pdfs`'s ``notes`` with a notes page per slide after the
slides (`_NOTES_PAGES`), in a run of their own (a deck without notes would get blank ones).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
from pathlib import Path

from clawback.domain.errors import DocumentError
from clawback.pdf.files import linked, scratch
from clawback.pdf.files.document import PdfError, check_header

__all__ = [
    "CONVERTIBLE",
    "OFFICE",
    "RENDERED",
    "ConversionError",
    "soffice",
    "to_pdf",
    "to_pdfs",
    "to_xlsx",
]

#: Word-processor files, what `to_pdf` converts by default (a ``.pdf`` is passed through).
CONVERTIBLE = frozenset({".docx", ".doc", ".odt", ".rtf"})
#: Every Office kind ingest converts: word-processor files, plain text, spreadsheets, slides.
OFFICE = CONVERTIBLE | {".txt", ".xlsx", ".xls", ".ods", ".csv", ".pptx", ".ppt", ".odp"}
#: What `to_pdfs` renders: the Office kinds, web pages and Windows metafiles.
RENDERED = OFFICE | {".htm", ".html", ".emf", ".wmf"}
DEFAULT_TIMEOUT = 120.0
# The PDF export of a batch: a deck's hidden slides too; and with a notes page per slide.
# Comments stay out of the PDF as annotations (given any option, LibreOffice would add them):
# ingest lists them as text (`ingest.sheets`, `ingest.words`).
_SHOW = (
    '"ExportHiddenSlides":{"type":"boolean","value":"true"},'
    '"ExportNotes":{"type":"boolean","value":"false"}'
)
_HIDDEN_SLIDES = f"pdf:impress_pdf_Export:{{{_SHOW}}}"
_NOTES_PAGES = (
    f'pdf:impress_pdf_Export:{{{_SHOW},"ExportNotesPages":{{"type":"boolean","value":"true"}}}}'
)
# Web pages are read as Writer documents: read as LibreOffice's own web pages (Writer/Web,
# what it takes a .html for) their first paragraph or heading was drawn nowhere (measured with
# 7.4: '<p>One</p><p>Two</p>' made a blank page, then 'Two'), and the kind told by the bytes
# (an RTF file named .html was read as RTF).
_WEB_PAGES = frozenset({".htm", ".html"})
_WEB_PAGE = "HTML (StarWriter)"
#: A run of `to_pdfs` may take this long, and this much more per file.
BATCH_TIMEOUT, PER_FILE_TIMEOUT = 60.0, 20.0
MISSING = "LibreOffice (soffice) is not installed: run scripts/setup"
# How each kind of file starts (LibreOffice would otherwise import junk as plain text).
_ZIP = (b"PK\x03\x04", "a ZIP package")
_OLE2 = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 compound file")
_MAGIC = {
    **dict.fromkeys((".docx", ".odt", ".xlsx", ".ods", ".pptx", ".odp"), _ZIP),
    **dict.fromkeys((".doc", ".xls", ".ppt"), _OLE2),
    ".rtf": (b"{\\rtf", "RTF"),
}
# Plain text (.txt, .csv) and web pages have no magic: they must be text, not binary renamed.
_TEXT = frozenset({".txt", ".csv", ".htm", ".html"})
# Windows metafiles: an enhanced one says " EMF" at byte 40; an old one starts with its
# placeable header or its type and header size.
_METAFILES = {".emf": ((b"\x01\x00\x00\x00",), "an EMF metafile"),
              ".wmf": ((b"\xd7\xcd\xc6\x9a", b"\x01\x00\x09\x00", b"\x02\x00\x09\x00"),
                       "a WMF metafile")}  # fmt: skip


def _setting(path: str, name: str, value: str) -> str:
    return (f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse">'
            f"<value>{value}</value></prop></item>")  # fmt: skip


_INET = "/org.openoffice.Inet/Settings"
# A LibreOffice profile that follows nothing outside the file it converts: links from a file
# not in a trusted place blocked (pictures, sections), no link updated (Writer's, Calc's),
# every HTTP(S) connection sent to a proxy on a port nothing listens on, and no macro run
# (the highest macro security, macros off).
_PROFILE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
    'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
    + "\n".join([
        _setting("/org.openoffice.Office.Common/Security/Scripting",
                 "BlockUntrustedRefererLinks", "true"),
        _setting("/org.openoffice.Office.Common/Security/Scripting",
                 "DisableMacrosExecution", "true"),
        _setting("/org.openoffice.Office.Common/Security/Scripting",
                 "MacroSecurityLevel", "3"),
        _setting("/org.openoffice.Office.Writer/Content/Update", "Link", "2"),
        _setting("/org.openoffice.Office.Calc/Content/Update", "Link", "2"),
        _setting(_INET, "ooInetProxyType", "2"),
        _setting(_INET, "ooInetHTTPProxyName", "127.0.0.1"),
        _setting(_INET, "ooInetHTTPProxyPort", "9"),
        _setting(_INET, "ooInetHTTPSProxyName", "127.0.0.1"),
        _setting(_INET, "ooInetHTTPSProxyPort", "9"),
        _setting(_INET, "ooInetFTPProxyName", "127.0.0.1"),
        _setting(_INET, "ooInetFTPProxyPort", "9"),
        _setting(_INET, "ooInetNoProxy", ""),
    ])
    + "\n</oor:items>\n"
)  # fmt: skip


def _profile(work: Path) -> str:
    """The ``-env:UserInstallation`` option of a fresh profile in `work`, written as
    `_PROFILE` says."""
    user = work / "profile" / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(_PROFILE, encoding="utf-8")
    return f"-env:UserInstallation={(work / 'profile').as_uri()}"


def _unlinked(data: bytes, kind: str) -> bytes:
    """`data` with what it names outside itself cut (`linked.cut`); `ConversionError` if it
    cannot be looked through."""
    try:
        return linked.cut(data, kind).data
    except linked.LinkError as exc:
        raise ConversionError(f"not a {kind} file that can be rendered: {exc}") from None


class ConversionError(DocumentError):
    """A file could not be turned into a PDF. The message is one line."""


def soffice() -> str | None:
    """The LibreOffice program on the PATH (``soffice``, else ``libreoffice``), or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(
    data: bytes,
    suffix: str,
    timeout: float = DEFAULT_TIMEOUT,
    kinds: frozenset[str] = CONVERTIBLE,
) -> bytes:
    """The PDF of a ``.pdf`` file's bytes, or of a file of one of the `kinds` (by default the
    word-processor files of `CONVERTIBLE`; ingest gives `OFFICE`).

    `suffix` is the file's extension, with or without the dot, in any case. Raises
    `ConversionError` for another suffix, empty input, a missing LibreOffice, a timeout, or a
    conversion that fails or yields no valid PDF.
    """
    kind = "." + suffix.strip().lower().lstrip(".")
    if not data:
        raise ConversionError(f"empty {kind} file (0 bytes)")
    if kind == ".pdf":
        try:
            check_header(data)
        except PdfError as exc:
            raise ConversionError(str(exc)) from None
        return data
    if kind not in kinds:
        allowed = ", ".join(sorted(kinds | {".pdf"}))
        raise ConversionError(f"cannot convert a {kind} file to PDF: give one of {allowed}")
    _check_kind(data, kind)
    data = _unlinked(data, kind)
    program = soffice()
    if program is None:
        raise ConversionError(MISSING)
    with scratch.folder() as work:
        source = work / f"document{kind}"
        source.write_bytes(data)
        out = work / "out"
        out.mkdir()
        command = [
            program,
            _profile(work),
            "--headless",
            "--invisible",
            "--nodefault",
            "--nolockcheck",
            "--nologo",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(source),
        ]
        code, detail = _run(command, timeout, work)
        made = out / "document.pdf"
        if code != 0 or not made.is_file():
            why = f"exit status {code}" if code != 0 else "no PDF was written"
            tail = f": {detail}" if detail else ""
            raise ConversionError(f"LibreOffice could not convert the {kind} file ({why}){tail}")
        pdf = made.read_bytes()
    try:
        check_header(pdf)
    except PdfError as exc:
        raise ConversionError(f"LibreOffice wrote an unusable PDF ({exc})") from None
    return pdf


def _check_kind(data: bytes, kind: str) -> None:
    """Refuse bytes that are not what their suffix says (LibreOffice would import junk)."""
    if kind in _TEXT:
        if b"\x00" in data[:65536]:
            raise ConversionError(f"not a {kind} file: it holds binary data")
    elif kind in _METAFILES:
        starts, what = _METAFILES[kind]
        if not data.startswith(starts) or (kind == ".emf" and data[40:44] != b" EMF"):
            raise ConversionError(f"not a {kind} file: its bytes are not {what}")
    else:
        magic, what = _MAGIC[kind]
        if not data.startswith(magic):
            raise ConversionError(f"not a {kind} file: its bytes are not {what}")


def to_pdfs(
    files: list[tuple[bytes, str]],
    timeout: float | None = None,
    notes: frozenset[int] = frozenset(),
) -> list[bytes | ConversionError]:
    """The PDF of each ``(bytes, suffix)`` of a `RENDERED` kind, in one LibreOffice run; see the
    module doc. `timeout` is for the whole run (by default `BATCH_TIMEOUT` and
    `PER_FILE_TIMEOUT` a file). The decks whose indexes are in `notes` get their notes pages,
    in a run of their own, and web pages are read in one of theirs (`_WEB_PAGE`)."""
    groups: dict[tuple[str, str | None], list[int]] = {}
    for n, (_, suffix) in enumerate(files):
        web = _WEB_PAGE if _kind(suffix) in _WEB_PAGES else None
        target = _NOTES_PAGES if n in notes else _HIDDEN_SLIDES
        groups.setdefault((target, web), []).append(n)
    answers: dict[int, bytes | ConversionError] = {}
    for (target, web), group in groups.items():
        made = _convert_all([files[n] for n in group], target, timeout, web)
        answers.update(zip(group, made, strict=True))
    return [answers[n] for n in range(len(files))]


def _kind(suffix: str) -> str:
    return "." + suffix.strip().lower().lstrip(".")


def to_xlsx(
    files: list[tuple[bytes, str]], timeout: float | None = None
) -> list[bytes | ConversionError]:
    """`to_pdfs`, saving each spreadsheet (``.xls .ods``) as ``.xlsx`` instead: how ingest
    reads an old or open workbook's hidden parts (`clawback.ingest.sheets`)."""
    return _convert_all(files, "xlsx", timeout)


def _convert_all(
    files: list[tuple[bytes, str]], target: str, timeout: float | None, infilter: str | None = None
) -> list[bytes | ConversionError]:
    answers: list[bytes | ConversionError | None] = []
    files = list(files)
    for n, (data, suffix) in enumerate(files):
        kind = "." + suffix.strip().lower().lstrip(".")
        try:
            if kind not in RENDERED:
                raise ConversionError(f"cannot convert a {kind} file to PDF")
            if not data:
                raise ConversionError(f"empty {kind} file (0 bytes)")
            _check_kind(data, kind)
            files[n] = (_unlinked(data, kind), suffix)
        except ConversionError as exc:
            answers.append(exc)
        else:
            answers.append(None)  # to convert
    todo = [n for n, answer in enumerate(answers) if answer is None]
    program = soffice()
    if todo and program is None:
        return [ConversionError(MISSING) if a is None else a for a in answers]
    if todo and program is not None:
        limit = timeout if timeout is not None else BATCH_TIMEOUT + PER_FILE_TIMEOUT * len(todo)
        with scratch.folder() as work:
            out = work / "out"
            out.mkdir()
            sources = []
            for n in todo:
                data, suffix = files[n]
                source = work / f"file{n}.{suffix.strip().lower().lstrip('.')}"
                source.write_bytes(data)
                sources.append(str(source))
            command = [
                program,
                _profile(work),
                "--headless", "--invisible", "--nodefault", "--nolockcheck", "--nologo",
                "--norestore", *([f"--infilter={infilter}"] if infilter else []),
                "--convert-to", target, "--outdir", str(out), *sources,
            ]  # fmt: skip
            try:
                _run(command, limit, work)
                late = ""
            except ConversionError as exc:  # a timeout: what was written before it is kept
                late = str(exc)
            made = target.split(":", 1)[0]
            for n in todo:
                answers[n] = _written(out / f"file{n}.{made}", files[n][1], late)
    return [a if a is not None else ConversionError("not converted") for a in answers]


def _written(made: Path, suffix: str, late: str) -> bytes | ConversionError:
    """The PDF LibreOffice wrote for one file of a run, or why there is none."""
    kind = "." + suffix.strip().lower().lstrip(".")
    if not made.is_file():
        return ConversionError(late or f"LibreOffice could not convert the {kind} file")
    written = made.read_bytes()
    if made.suffix == ".xlsx":
        ok = written.startswith(_ZIP[0])
        return written if ok else ConversionError("LibreOffice wrote an unusable .xlsx file")
    try:
        check_header(written)
    except PdfError as exc:
        return ConversionError(f"LibreOffice wrote an unusable PDF ({exc})")
    return written


def _run(command: list[str], timeout: float, home: Path) -> tuple[int, str]:
    """Run LibreOffice in its own session; return its exit status and last error line."""
    env = dict(os.environ, HOME=str(home))  # keep its caches out of the real home
    with subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=home,
        start_new_session=True,
    ) as process:
        try:
            _, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise ConversionError(
                f"LibreOffice did not finish converting within {timeout:g} s"
            ) from None
    lines = [line.strip() for line in err.decode("utf-8", "replace").splitlines() if line.strip()]
    return process.returncode, (lines[-1][:200] if lines else "")
