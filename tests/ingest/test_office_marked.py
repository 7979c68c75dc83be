"""What an Office file's author left out of the printout is shown or said, as productions
expect: a Word file's tracked changes (shown marked up, and said), comments (listed after the
text) and hidden text (shown); a deck's speaker notes (notes pages after the slides) and hidden
slides (shown). Found by the second ingest trial: all of it was silently lost or unsaid."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from clawback.pdf.shows.extract import read_pages
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.ingest.make_marked import (
    COMMENT,
    COMMENTED,
    DELETED,
    HIDDEN,
    HIDDEN_SLIDE,
    INSERTED,
    NOTES,
    SLIDE,
    marked_docx,
    noted_deck,
)
from tests.started import start


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = start(tmp_path / "ws")  # `tests.started`
    yield workspace
    workspace.close()


def _ingested(ws: Workspace, data: bytes, name: str) -> tuple[list[str], list[str]]:
    """Each page's text (spaces folded) and the document's warnings."""
    [control], new = ws.ingest.ingest_file(data, name)
    assert new
    with ws.transaction() as s:
        doc = s.scalar(select(t.Document).where(t.Document.control == control))
        assert doc is not None
        pdf, warnings = ws.ctx.files.get(doc.original), list(doc.meta.get("warnings", []))
    return [" ".join(p.text.split()) for p in read_pages(pdf)], warnings


def test_a_word_files_comments_hidden_text_and_tracked_changes_are_shown_and_said(
    ws: Workspace,
) -> None:
    pages, warnings = _ingested(ws, marked_docx(), "draft.docx")
    text = " ".join(pages)
    for words in (INSERTED, DELETED, COMMENTED, COMMENT, HIDDEN):
        assert words in text, (words, text)  # today: the comment and hidden run are lost
    assert "Partner" in text  # the comment's author, beside it
    said = " | ".join(warnings)
    assert "tracked changes shown marked up (1 insertion, 1 deletion" in said, said
    assert "Opposing Counsel" in said
    assert "1 comment" in said and "1 run of hidden text shown" in said


def test_a_plain_word_file_says_nothing(ws: Workspace) -> None:
    """No tracked change, comment or hidden text: no warning (the check is not noise)."""
    import io

    import docx

    made = docx.Document()
    made.add_paragraph("Plain letter about the deposition schedule.")
    out = io.BytesIO()
    made.save(out)
    pages, warnings = _ingested(ws, out.getvalue(), "plain.docx")
    assert pages == ["Plain letter about the deposition schedule."] and warnings == []


@pytest.mark.parametrize("target", ["pptx", "odp"])
def test_a_decks_speaker_notes_and_hidden_slides_are_shown_and_said(
    ws: Workspace, tmp_path: Path, target: str
) -> None:
    pages, warnings = _ingested(ws, noted_deck(target, tmp_path), f"deck.{target}")
    assert pages[:3] == [f"{SLIDE} one", HIDDEN_SLIDE, f"{SLIDE} three"], pages
    assert any(NOTES in page for page in pages[3:]), pages  # today: lost, and slide 2 too
    said = " | ".join(warnings)
    assert "hidden slide 2 shown" in said, said
    assert "speaker notes of slide 1 shown on notes pages 4-6" in said, said


def test_a_deck_without_notes_gets_no_notes_pages(ws: Workspace, tmp_path: Path) -> None:
    pages, warnings = _ingested(ws, noted_deck("pptx", tmp_path, notes=False), "plain.pptx")
    assert len(pages) == 3 and warnings == ["hidden slide 2 shown"]


def test_one_notes_page_is_named_as_one() -> None:
    """python-pptx's prs-notes.pptx: one slide, its notes on page 2 (not "pages 2-2")."""
    from clawback.ingest.slides import Deck

    assert Deck(1, (), (1,)).warnings(2) == ["speaker notes of slide 1 shown on notes page 2"]
    assert Deck(3, (2,), (1, 3)).warnings(6) == [
        "hidden slide 2 shown",
        "speaker notes of slides 1, 3 shown on notes pages 4-6",
    ]
