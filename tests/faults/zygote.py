"""The kill machinery the kill tests share: one interpreter that forks a child per kill.

The interpreter (started once per module with ``sys.executable -c``) imports clawback and
every module the act under test loads lazily (``warm``: pymupdf alone, with the layout model
its import loads, is more than a second), then reads one JSON line of arguments per kill from
stdin. For each it forks a child that calls the script's ``run(args)``, which arms the kill
(``os._exit(9)`` at the chosen point) and does the act, and prints the child's exit status:
9 is the kill; 3, 4 or anything else means the kill point was never reached (4: the act
failed, its traceback in the log). A child so starts where a fresh interpreter would after the
imports: nothing of an act has run in the parent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

_LOOP = """
for line in sys.stdin:
    args = json.loads(line)
    pid = os.fork()
    if pid == 0:
        code = 3
        try:
            run(args)
        except BaseException:
            traceback.print_exc()
            code = 4
        sys.stderr.flush()
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    print(os.waitstatus_to_exitcode(status), flush=True)
"""


def source(script: str, warm: Sequence[str]) -> str:
    """The zygote's program: the imports, ``script`` (which defines ``run(args)``), the loop."""
    imports = "".join(f"import {name}\n" for name in warm)
    return f"import json, os, sys, traceback\n{imports}{script}\n{_LOOP}"


class Zygote:
    def __init__(self, log: Path, script: str, warm: Sequence[str]) -> None:
        self.log = log
        self._stderr: IO[str] = log.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-c", source(script, warm)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
        )

    def kill(self, **args: object) -> int:
        """Run the act in a child armed to be killed; its exit status."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(args) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        assert answer, f"the zygote died: {self.tail()}"
        return int(answer)

    def tail(self) -> str:
        """The end of what the zygote and its children wrote to stderr."""
        self._stderr.flush()
        return self.log.read_text("utf-8")[-2000:]

    def close(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        self.process.wait(timeout=60)
        self.process.stdout.close()
        self._stderr.close()


@contextmanager
def running(folder: Path, script: str, warm: Sequence[str]) -> Iterator[Zygote]:
    """A zygote running ``script`` after importing ``warm``, its stderr in ``folder``."""
    started = Zygote(folder / "stderr.txt", script, warm)
    try:
        yield started
    finally:
        started.close()
