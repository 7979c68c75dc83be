"""A load file's values as long as a line can hold: each problem line quotes them cut short
and names the file it is about, and the check goes on to the end.

An OPT line of 100,000 fields is read as one image path (extra commas are part of a path);
asking the file system for it failed with 'File name too long', quoting the path whole (a
200 KB error line), and ended the volume check with nothing else said. An OPT's page count
of as many digits was quoted whole too, and a DAT's problems did not name the DAT."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from clawback.cli import app
from clawback.loadfiles import OptPage, write_dat, write_opt

LONG = 100_000


def test_a_volume_check_of_long_values_quotes_them_cut_short(tmp_path: Path) -> None:
    folder = tmp_path / "VOL"
    (folder / "IMAGES").mkdir(parents=True)
    control = "C" * LONG
    rows = [[control, "ABC0001", "a"], [control, "ABC0002", "b"]]
    dat = write_dat(["CONTROLNUMBER", "BEGBATES", "NOTE"], rows)
    dat += "\u00fex\u00fe\x14\u00fey\u00fe\r\n".encode()  # a row of two fields of three
    (folder / "VOL.dat").write_bytes(dat)
    opt = write_opt([OptPage("ABC0001", "VOL", ".\\IMAGES\\1.tif", True, "", "", 1)])
    opt += (",".join(["x"] * LONG) + "\r\n").encode()
    opt += f"ABC0002,VOL,.\\IMAGES\\2.tif,Y,,,{'9' * LONG}\r\n".encode()
    (folder / "VOL.opt").write_bytes(opt)
    result = CliRunner().invoke(app, ["volume", "check", str(folder)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines() + result.stdout.splitlines()
    assert lines and max(len(line) for line in lines) < 400, max(len(line) for line in lines)
    said = "\n".join(lines)
    assert "is too long (" in said and "no file has such a name" in said
    assert "VOL.dat: line 4: 2 fields, expected 3" in said
    assert "page count '999" in said
    assert "ABC0002" in said  # the check went on past the long path
