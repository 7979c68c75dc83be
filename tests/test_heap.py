"""`heap.settled`: long batch work, the old heap frozen and the young generation collected
less often, all put back when the outermost block ends."""

from __future__ import annotations

import gc
import threading

from clawback.heap import YOUNG, settled


def test_settled_freezes_the_old_heap_and_puts_everything_back() -> None:
    before, frozen = gc.get_threshold(), gc.get_freeze_count()
    with settled():
        assert gc.get_freeze_count() > frozen  # what was held is out of the collector's walk
        assert gc.get_threshold()[0] >= YOUNG
        with settled():  # nested: nothing changes, nothing is put back early
            pass
        assert gc.get_freeze_count() > frozen and gc.get_threshold()[0] >= YOUNG
        cycle: list[object] = []
        cycle.append(cycle)  # garbage made inside is still collected
        del cycle
        assert gc.collect() >= 1
    assert gc.get_threshold() == before and gc.get_freeze_count() == frozen


def test_the_last_thread_to_leave_puts_things_back() -> None:
    before = gc.get_threshold()
    inside, leave = threading.Event(), threading.Event()

    def other() -> None:
        with settled():
            inside.set()
            leave.wait(10)

    thread = threading.Thread(target=other)
    with settled():
        thread.start()
        assert inside.wait(10)
    assert gc.get_threshold()[0] >= YOUNG  # the other thread is still inside
    leave.set()
    thread.join(10)
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
