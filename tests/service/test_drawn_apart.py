"""Page pictures drawn in processes of their own (``service.drawing``, what the server does so
a render never stalls the requests around it): the same pictures as drawn in place, kept for
every process, each copy marked for its person, and a drawing process that dies replaced."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from clawback.service import Record, Workspace
from clawback.service.drawing import Apart
from tests.service.test_kept_pictures import (  # noqa: F401  (the fixture)
    COUNSEL,
    PAGE,
    PRODUCING,
    kept,
    produced,
    torn_off,
)


def test_a_picture_drawn_apart_is_the_picture_drawn_in_place(produced: Record) -> None:  # noqa: F811
    workspace = produced.ctx.workspace
    in_place = workspace.person(PRODUCING).reads.page_image(PAGE, dpi=90)
    for picture in kept(produced):
        picture.unlink()  # nothing kept: the drawing process renders it again
    workspace.draw_apart(1)
    try:
        apart = workspace.person(PRODUCING).reads.page_image(PAGE, dpi=90)
        assert isinstance(workspace.drawer, Apart)
    finally:
        workspace.close()
    assert apart == in_place
    assert len(kept(produced)) == 1  # kept on disk by the drawing process, for every process


def test_a_copy_drawn_apart_carries_its_own_person_and_is_traced(produced: Record) -> None:  # noqa: F811
    workspace = produced.ctx.workspace
    workspace.draw_apart(1)
    try:
        first = workspace.person(COUNSEL).reads.page_image(PAGE, dpi=100)
        second = workspace.person(COUNSEL).reads.page_image(PAGE, dpi=100)
    finally:
        workspace.close()
    assert first != second  # each copy its own moment and code, over one kept picture
    assert len(kept(produced)) == 1
    found = produced.tracing.trace(torn_off(second))
    assert found is not None
    assert (found.person, found.subject, found.action) == (COUNSEL, PAGE, "read.image")


def test_a_drawing_process_that_dies_is_replaced_and_the_picture_still_served(
    produced: Record,  # noqa: F811
) -> None:
    workspace = produced.ctx.workspace
    workspace.draw_apart(1)
    drawer = workspace.drawer
    assert isinstance(drawer, Apart)
    try:
        before = workspace.person(PRODUCING).reads.page_image(PAGE, dpi=90)
        pid = drawer._started().submit(os.getpid).result()
        assert pid != os.getpid()  # drawn in a process of its own
        os.kill(pid, signal.SIGKILL)
        after = workspace.person(PRODUCING).reads.page_image(PAGE, dpi=90)
        again = drawer._started().submit(os.getpid).result()
    finally:
        workspace.close()
    assert after == before
    assert again != pid


def test_drawing_processes_are_counted_from_one(tmp_path: Path) -> None:
    workspace = Workspace.init(tmp_path / "ws")
    try:
        with pytest.raises(ValueError, match="drawing processes must be at least 1, not 0"):
            workspace.draw_apart(0)
    finally:
        workspace.close()
