"""The gate: every bad file in the corpus is caught, by the checks expected; good files pass."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from clawback.pdf.files.document import PdfError
from clawback.pdf.gate.findings import Finding
from clawback.pdf.gate.verify import VerificationError, require_clean, verify, xray_inspect
from tests.pdf.builders import SECRET, text_pdf
from tests.pdf.corpus import BAD, GOOD, NOT_A_LEAK, REFUSED, REPAIRED, Case, repair

BAD_NAMES = [build.__name__ for build in BAD]
GOOD_NAMES = [build.__name__ for build in GOOD]
REPAIRED_NAMES = sorted(REPAIRED)
ALL_NAMES = BAD_NAMES + GOOD_NAMES + REPAIRED_NAMES
#: Checks about the document as a whole: their findings name the file, not a page.
FILE_LEVEL = frozenset({"form", "revision", "unreferenced", "metadata", "xmp", "outline"})


def run(case: Case) -> list[Finding]:
    return verify(
        case.pdf,
        case.secrets,
        case.labels,
        boxes=case.boxes,
        xray=False,
        reflowed=case.reflowed,
        original=case.original,
        offset=case.offset,
    )


@pytest.mark.parametrize("name", BAD_NAMES, ids=BAD_NAMES)
def test_bad_file_is_caught(corpus: dict[str, Case], name: str) -> None:
    case = corpus[name]
    findings = run(case)
    assert findings, f"{name} passed the gate"
    fired = {f.check for f in findings}
    expected = case.catches - {"x-ray"}
    assert expected <= fired, f"{name}: expected {sorted(expected)}, got {sorted(fired)}"
    # Each catching check names the page the leak is on (file-level channels name the file).
    for check in expected:
        named = {str(f).split(":")[0] for f in findings if f.check == check}
        on_file = case.page is None or check in FILE_LEVEL
        where = "file" if on_file else f"page {case.page + 1}"
        assert where in named, f"{name}: {check} names {sorted(named)}, not {where}"


@pytest.mark.parametrize("name", GOOD_NAMES + REPAIRED_NAMES, ids=GOOD_NAMES + REPAIRED_NAMES)
def test_good_file_passes(corpus: dict[str, Case], name: str) -> None:
    assert run(corpus[name]) == []


def test_every_leaking_bad_file_has_a_repaired_twin() -> None:
    """redact() + scrub turn each bad file into one the gate passes (`good_*_repaired`),
    except the ones the redactor must refuse and the one that is not a leak."""
    twins = set(REPAIRED.values())
    assert twins | set(REFUSED) | NOT_A_LEAK == set(BAD_NAMES)
    assert len(REPAIRED) >= 25


@pytest.mark.parametrize("name", sorted(REFUSED), ids=sorted(REFUSED))
def test_redactor_refuses_what_it_cannot_repair(corpus: dict[str, Case], name: str) -> None:
    with pytest.raises(PdfError, match=REFUSED[name]):
        repair(corpus[name])


def test_repair_leaves_no_layer_and_nothing_a_layer_hid(corpus: dict[str, Case]) -> None:
    """A switched-off layer is flattened away, never switched on: no layer is left for a
    viewer to show, and the note it hid is gone (the gate's ``shown`` check)."""
    with pymupdf.open(stream=corpus["good_hidden_layer_text_repaired"].pdf) as doc:
        assert doc.layer_ui_configs() == [] and not doc.get_ocgs()
        assert "note:" not in doc[1].get_text()
    assert "shown" in {f.check for f in run(corpus["bad_hidden_layer_text"])}


def test_superseded_stream_is_found_by_carving(corpus: dict[str, Case]) -> None:
    details = [f.detail for f in run(corpus["bad_overwritten_stream"]) if f.check == "raw"]
    assert any("unlisted compressed stream at byte" in d for d in details), details


def test_findings_never_contain_the_secret(corpus: dict[str, Case]) -> None:
    for name in BAD_NAMES:
        for finding in run(corpus[name]):
            assert SECRET.lower() not in str(finding).lower(), name
            assert SECRET.replace("-", "").lower() not in str(finding).lower(), name


@pytest.mark.xray
@pytest.mark.parametrize("name", ALL_NAMES, ids=ALL_NAMES)
def test_xray_verdicts(
    corpus: dict[str, Case], xray_report: dict[str, list[Finding]], name: str
) -> None:
    """x-ray is a peer check: it must pass every good file and catch fake boxes over text."""
    findings = xray_report[name]
    if not name.startswith("bad_") or not corpus[name].xray_catches:
        assert findings == [], f"x-ray on {name}: {findings}"
    else:
        assert findings and all(f.check == "x-ray" for f in findings)
        assert findings[0].page == corpus[name].page and "live character" in findings[0].detail
        assert SECRET not in findings[0].detail


@pytest.mark.xray
def test_verify_runs_xray_itself(corpus: dict[str, Case], xray_available: None) -> None:
    bad = corpus["bad_box_over_live_text"]
    assert "x-ray" in {f.check for f in verify(bad.pdf, bad.secrets)}
    good = corpus["good_text_removed"]
    assert verify(good.pdf, good.secrets, boxes=good.boxes) == []


@pytest.mark.xray
def test_xray_fails_closed_on_a_file_it_cannot_read(xray_available: None, tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 this is not really a PDF")
    ((finding,),) = xray_inspect([broken]).values()
    assert finding.check == "x-ray" and finding.detail.startswith("x-ray could not inspect")


def test_missing_xray_environment_fails_closed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere" / "python"
    monkeypatch.setenv("CLAWBACK_XRAY_PYTHON", str(missing))
    paths = [tmp_path / "a.pdf", tmp_path / "b.pdf"]
    report = xray_inspect(paths)
    expected = f"x-ray environment not found at {missing}: run scripts/setup"
    assert report == {p: [Finding(None, "x-ray", expected)] for p in paths}
    findings = verify(text_pdf(), [])
    assert findings == [Finding(None, "x-ray", expected)]


def test_unreadable_file_is_one_finding() -> None:
    assert verify(b"not a pdf at all", [], xray=False) == [
        Finding(None, "unreadable", "not a PDF: no %PDF- header (starts with 'not a pd')")
    ]


def test_too_short_secret_is_refused() -> None:
    with pytest.raises(ValueError, match="secret 'tiny' is shorter than 4 characters"):
        verify(text_pdf(), [("tiny", "ab")], xray=False)


def test_require_clean(corpus: dict[str, Case]) -> None:
    require_clean([], "ok.pdf")
    findings = run(corpus["bad_black_highlight"])
    with pytest.raises(VerificationError) as caught:
        require_clean(findings, "PROD001.pdf")
    message = str(caught.value)
    assert message.startswith(f"PROD001.pdf: {len(findings)} finding(s); first: page 1: ")
    assert "\n" not in message and SECRET not in message


def test_an_xray_interpreter_that_dies_fails_closed_for_each_of_its_files(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An interpreter that exits at once (here: `false`) reports nothing: every file it was
    handed gets a finding naming the exit status, and the batch still ends."""
    monkeypatch.setenv("CLAWBACK_XRAY_PYTHON", "/bin/false")
    paths = [tmp_path / f"{n}.pdf" for n in range(5)]
    for path in paths:
        path.write_bytes(text_pdf())
    report = xray_inspect(paths, processes=2)
    assert report == {p: [Finding(None, "x-ray", "x-ray exited with status 1")] for p in paths}
