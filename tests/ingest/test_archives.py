"""Archives when asked: `ingest --unpack` takes a .zip or .tar(.gz) in as a family, the archive
first, then each member (an e-mail in a zip, a zip in an e-mail, at any depth), within the limits
of `clawback.ingest.limits`; without --unpack an archive is refused with a line saying so."""

from __future__ import annotations

import io
import re
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from clawback.cli import app
from clawback.demo.run import reference_case
from clawback.ingest import REFUSED
from clawback.ingest.limits import Refused
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.ingest.make import eml, eml_with, text_pdf


def _zip(members: dict[str, bytes], level: int = 6) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def _encrypted_flag(data: bytes, member: str) -> bytes:
    """The zip with `member` marked encrypted (general purpose bit 0), as a locked zip marks it:
    its bytes cannot be read without the password (here: cannot be read at all)."""
    raw = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo(member)
    raw[info.header_offset + 6] |= 1  # local header flags
    at = raw.find(b"PK\x01\x02")
    while at >= 0:
        name_len = int.from_bytes(raw[at + 28 : at + 30], "little")
        if raw[at + 46 : at + 46 + name_len] == member.encode():
            raw[at + 8] |= 1  # central directory flags
            break
        at = raw.find(b"PK\x01\x02", at + 1)
    return bytes(raw)


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("archives") / "ws"


@pytest.fixture(scope="module")
def ws(root: Path) -> Iterator[Workspace]:
    workspace = Workspace.init(root).operator()
    workspace.matter.load_case(reference_case())
    yield workspace
    workspace.close()


def _family(ws: Workspace, controls: list[str]) -> list[tuple[str, str, int, list[str]]]:
    with ws.transaction() as s:
        docs = s.scalars(
            select(t.Document).where(t.Document.control.in_(controls)).order_by(t.Document.id)
        ).all()
        return [
            (d.title, d.kind, (d.meta or {}).get("depth", 0), (d.meta or {}).get("warnings", []))
            for d in docs
        ]


def test_a_zip_without_unpack_is_refused_saying_to_use_unpack(
    ws: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "box.zip"
    path.write_bytes(_zip({"a.pdf": text_pdf("Inside a zip")}))
    [report] = ws.ingest.ingest_paths([path])
    assert report.outcome == REFUSED
    assert "--unpack" in report.reason and "\n" not in report.reason


def test_a_zip_with_an_email_carrying_a_zip_is_one_family_at_every_depth(
    ws: Workspace, tmp_path: Path
) -> None:
    inner = _zip({"deep/memo.pdf": text_pdf("Memo at the bottom")})
    message = eml_with("Figures enclosed", [("more.zip", inner)])
    outer = _zip(
        {
            "../../etc/letter.pdf": text_pdf("A letter in a zip"),
            "mail/figures.eml": message,
            "notes.txt": b"plain notes",
            "empty/": b"",
        }
    )
    path = tmp_path / "outer.zip"
    path.write_bytes(outer)
    [report] = ws.ingest.ingest_paths([path], unpack=True)
    assert report.outcome != REFUSED, report.reason
    family = _family(ws, list(report.controls))
    titles = [title for title, *_ in family]
    assert titles[0] == "outer.zip" and family[0][1] == "archive"
    # the traversal name neutralised, and said so
    assert "etc/letter.pdf" in titles and not any(".." in title for title in titles)
    warned = {title: w for title, _, _, w in family}
    assert any("neutralised" in w for w in warned["etc/letter.pdf"])  # the member's own
    assert not any("letter" in w for w in warned["outer.zip"])  # never its archive's
    # the message, its zip, and the zip's member, each one level deeper
    depth = {title: d for title, _, d, _ in family}
    assert depth["Figures enclosed"] == 1
    assert depth["more.zip"] == 2 and depth["deep/memo.pdf"] == 3
    with ws.transaction() as s:
        families = set(
            s.scalars(select(t.Document.family).where(t.Document.control.in_(report.controls)))
        )
    assert len(families) == 1
    # a second run stores nothing new
    [again] = ws.ingest.ingest_paths([path], unpack=True)
    assert again.outcome == "known" and again.controls == report.controls


def test_an_encrypted_member_is_kept_natively_and_reported(ws: Workspace, tmp_path: Path) -> None:
    locked = _encrypted_flag(
        _zip({"open.txt": b"readable", "secret.pdf": b"%PDF-1.4 x"}), "secret.pdf"
    )
    path = tmp_path / "locked.zip"
    path.write_bytes(locked)
    [report] = ws.ingest.ingest_paths([path], unpack=True)
    assert report.outcome != REFUSED, report.reason
    assert any("secret.pdf" in w and "encrypted" in w for w in report.warnings)
    assert len(report.controls) == 3


def test_a_tar_gz_is_unpacked_too(ws: Workspace, tmp_path: Path) -> None:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        data = text_pdf("Inside a tarball")
        info = tarfile.TarInfo("docs/in-tar.pdf")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    path = tmp_path / "docs.tar.gz"
    path.write_bytes(out.getvalue())
    [report] = ws.ingest.ingest_paths([path], unpack=True)
    assert [title for title, *_ in _family(ws, list(report.controls))] == [
        "docs.tar.gz",
        "docs/in-tar.pdf",
    ]


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """A zip whose one member inflates 272 MiB from about 1 MiB (over 200:1 past 256 MiB)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        with z.open("zeros.bin", "w", force_zip64=True) as member:
            chunk = bytes(1 << 24)
            for _ in range(17):
                member.write(chunk)
        z.writestr("ok.txt", b"fine")
    return out.getvalue()


def test_a_zip_bomb_is_refused_naming_its_member(ws: Workspace, bomb: bytes) -> None:
    with pytest.raises(Refused, match=r"zeros\.bin") as caught:
        ws.ingest.ingest_file(bomb, "bomb.zip", unpack=True)
    assert "\n" not in str(caught.value)


def test_a_member_inflating_past_what_it_declares_is_refused() -> None:
    """A forged header (the size declared small, the data inflating further) is caught as it
    inflates, not believed."""
    from clawback.ingest.archives import read_archive

    data = bytearray(_zip({"liar.txt": b"x" * 100_000}, level=9))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("liar.txt")
    at = data.find(b"PK\x01\x02")
    data[at + 24 : at + 28] = (10).to_bytes(4, "little")  # central directory: 10 bytes
    data[info.header_offset + 22 : info.header_offset + 26] = (10).to_bytes(4, "little")
    with pytest.raises(Refused, match=r"liar\.txt"):
        read_archive(bytes(data), "liar.zip")


def test_nesting_past_the_depth_limit_is_refused() -> None:
    from clawback.ingest.archives import read_archive
    from clawback.ingest.limits import MAX_ARCHIVE_DEPTH

    data = b"bottom"
    for level in range(MAX_ARCHIVE_DEPTH + 1):
        data = _zip({f"level{level}.zip" if level else "bottom.txt": data})
    with pytest.raises(Refused, match="deeper than"):
        from clawback.ingest.unpack import archive_family

        archive_family(data, "russian.zip")
    assert read_archive(_zip({"a.txt": b"a"}), "a.zip")[0].name == "a.txt"


def test_the_cli_takes_unpack(ws: Workspace, root: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "box.zip").write_bytes(_zip({"a.txt": b"alpha", "b.eml": eml("Hello", "Body")}))
    runner = CliRunner()
    refused = runner.invoke(app, ["ingest", str(folder), "-w", str(root)])
    assert refused.exit_code == 1 and "--unpack" in refused.output
    done = runner.invoke(app, ["ingest", "--unpack", str(folder), "-w", str(root)])
    assert done.exit_code == 0, done.output
    assert re.search(r"box\.zip: DOC-\d+, DOC-\d+, DOC-\d+ \(ingested\)", done.output)


def test_an_emails_zip_is_opened_with_unpack_and_said_without(ws: Workspace) -> None:
    inner = _zip({"table.txt": b"a table of figures"})
    message = eml_with("Zip attached", [("figures.zip", inner)])
    packed, _ = ws.ingest.ingest_file(message, "packed.eml")
    family = _family(ws, packed)
    assert [title for title, *_ in family] == ["Zip attached", "figures.zip"]
    assert any("--unpack" in w for w in family[1][3])  # today: a placeholder, said nowhere
    other = eml_with("Zip attached again", [("figures.zip", inner)])
    opened, _ = ws.ingest.ingest_file(other, "opened.eml", unpack=True)
    assert [(title, kind, depth) for title, kind, depth, _ in _family(ws, opened)] == [
        ("Zip attached again", "email", 0),
        ("figures.zip", "archive", 1),
        ("table.txt", "attachment", 2),
    ]


def test_an_archive_whose_first_member_is_a_pdf_stored_as_is_is_an_archive(
    ws: Workspace, tmp_path: Path
) -> None:
    """A zip that stores its members uncompressed (``zip -0``) and a plain tar both hold their
    first member's bytes near the start: a PDF there put ``%PDF-`` in the first KiB, and the
    archive was read as that one PDF, every other member lost without a word."""
    first, second = text_pdf("First in the box"), text_pdf("Second in the box")
    stored = io.BytesIO()
    with zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as z:
        z.writestr("first.pdf", first)
        z.writestr("second.pdf", second)
    tarred = io.BytesIO()
    with tarfile.open(fileobj=tarred, mode="w") as tar:
        for name, data in (("first.pdf", first), ("second.pdf", second)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    for name, data in (("stored.zip", stored.getvalue()), ("plain.tar", tarred.getvalue())):
        path = tmp_path / name
        path.write_bytes(data)
        [report] = ws.ingest.ingest_paths([path], unpack=True)
        assert report.outcome != REFUSED, report.reason
        family = [(title, kind) for title, kind, *_ in _family(ws, list(report.controls))]
        assert family == [
            (name, "archive"),
            ("first.pdf", "attachment"),
            ("second.pdf", "attachment"),
        ]
    # The same zip attached to an e-mail: an archive among its attachments, opened with unpack.
    message = eml_with("Box attached", [("stored.zip", stored.getvalue())])
    opened, _ = ws.ingest.ingest_file(message, "box.eml", unpack=True)
    assert [(title, kind) for title, kind, *_ in _family(ws, opened)] == [
        ("Box attached", "email"),
        ("stored.zip", "archive"),  # today: a "PDF" of its first member
        ("first.pdf", "attachment"),
        ("second.pdf", "attachment"),
    ]


def test_a_renamed_member_says_why_it_was_renamed() -> None:
    """A name with a right-to-left override (written as an escape, nothing outside reached)
    was said to be 'a name reaching outside the archive neutralised'."""
    from clawback.ingest.unpack import archive_family

    data = _zip({"../up.txt": b"up", "ok/\u202egnp.txt": b"rtl", "C:\\x\u202e.txt": b"both"})
    [archive, *members] = archive_family(data, "names.zip")
    assert archive.warnings == ()  # said on each member, never on the archive (a reader of it
    # may not know of the member)
    assert [w for m in members for w in m.warnings] == [
        "archive member '../up.txt' named 'up.txt': a name reaching outside the archive "
        "neutralised",
        "archive member 'ok/\\\\u202egnp.txt' named 'ok/\\\\u202egnp.txt': characters that would "
        "forge or reverse a line written as escapes",
        "archive member 'C:\\\\x\\\\u202e.txt' named 'x\\\\u202e.txt': a name reaching outside the "
        "archive neutralised, characters that would forge or reverse a line written as escapes",
    ]


def test_a_member_named_past_a_nul_keeps_its_whole_name_said() -> None:
    """Python's ZIP reader cuts a member's name at a NUL in silence: 'invoice.pdf\\x00.exe'
    was taken as 'invoice.pdf', the name the archive shows in no other reader. It is kept
    whole, the NUL written as an escape, and said on the member."""
    from clawback.ingest.unpack import archive_family

    written = _zip({"invoice.pdf\x7f.exe": text_pdf("an invoice")})  # the writer cuts too:
    data = written.replace(b"invoice.pdf\x7f.exe", b"invoice.pdf\x00.exe")  # its NUL put in
    [_, member] = archive_family(data, "names.zip")
    assert member.warnings == (
        "archive member 'invoice.pdf\\\\x00.exe' named 'invoice.pdf\\\\x00.exe': characters that "
        "would forge or reverse a line written as escapes",
    )
