"""An e-mail with its attachments as one exhibit (a family exhibit), and a duplicate listed
with its lead exhibit: what the record knows of each, and how an exhibit list gives them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clawback.demo.run import reference_case
from clawback.domain.documents import Exhibit
from clawback.domain.errors import ClawbackError
from clawback.domain.exhibit_ids import ExhibitId
from clawback.domain.refs import ControlNumber
from clawback.service import Workspace, rows
from tests.email.test_nothing_lost import _mail_with_attachments


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    folder: Path = tmp_path_factory.mktemp("families")
    workspace = Workspace.init(folder / "ws").operator()
    workspace.matter.load_case(reference_case())
    mail = _mail_with_attachments("costs.txt", "rates.txt")
    family, new = workspace.ingest.ingest_file(mail, "figures.eml", exhibit=ExhibitId.parse("C"))
    assert new and len(family) == 3
    duplicate, new = workspace.ingest.ingest_file(mail, "figures.eml", exhibit=ExhibitId.parse("D"))
    assert new and len(duplicate) == 1 and duplicate[0] not in family
    again, new = workspace.ingest.ingest_file(mail, "figures.eml", exhibit=ExhibitId.parse("D"))
    assert (again, new) == (duplicate, False)
    refs = [ControlNumber(c) for c in [*family, *duplicate]]
    workspace.productions.produce(refs, "FIG-000001", "FIG001")
    yield workspace
    workspace.close()


def exhibits(ws: Workspace) -> dict[str, Exhibit]:
    with ws.transaction() as s:
        return {str(e.identifier): e for e in rows.exhibits(s)}


def test_an_e_mail_and_its_attachments_are_one_exhibit(ws: Workspace) -> None:
    found = exhibits(ws)
    c = found["C"]
    assert len(c.attachments) == 2 and c.parent
    assert c.span.first == c.bates.first and c.span.last == c.attachments[-1].last
    assert c.span.last > c.bates.last  # the attachments' pages are the exhibit's too
    assert c.listed == f"Ex. C (with its 2 attachments, {c.span.first} through {c.span.last})"
    assert set(found) == {"C", "D"}  # the attachments are no exhibits of their own


def test_a_duplicate_is_listed_with_its_lead(ws: Workspace) -> None:
    d = exhibits(ws)["D"]
    assert d.lead == ExhibitId.parse("C") and d.attachments == ()
    assert d.listed == "Ex. D (a duplicate of Ex. C)"
    shown = ws.reads.show("Ex. D")
    assert (shown["exhibit"], shown["duplicate_of"]) == ("D", "Ex. C")


def test_another_file_cannot_take_an_exhibit_a_duplicate_holds(ws: Workspace) -> None:
    other = _mail_with_attachments("other.txt").replace(b"figures@", b"other@")
    with pytest.raises(ClawbackError, match=r"^Ex\. D is already in the record"):
        ws.ingest.ingest_file(other, "other.eml", exhibit=ExhibitId.parse("D"))
