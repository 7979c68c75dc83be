"""The web app under load: N logged-in sessions browsing the reference case at once, against
the command line's equivalent calls, in the same run.

The workspace is the reference case (``clawback demo``, built into a temporary folder, about
three minutes; or a copy of the one given with ``--workspace``), grown with ``--pages N``
generated pages (``generated.grow``: a production ``BEN-`` of ten-page documents of mixed
tiers, some sequestered or withheld; rows only, so its pages are read and searched but have no
picture). Each of the five seats logs in once through the log-in form (TOTP where the order
asks it) and signs the acknowledgment; ``--sessions`` clients, shared out among the seats, each
with its own connection and its seat's session cookie, then browse for ``--seconds`` against
``clawback serve`` (``--workers N`` given to it if given here; its default is one process per
core) on loopback, once for each ``--drawing`` value (default ``1,0``: page pictures drawn in a
process of their own, then drawn in the request's thread, the baseline), each from a cold
picture cache. A client picks each request by weight: a page viewer page
(``/pages/BATES``), that page's picture, the documents list (its first page, as the page shows
it), or a search; the page is one its seat may see (from the service, in process), so any
answer but 200 is an error.

Two runs of ``--seconds`` each: *back to back* (a session sends its next request the moment
the last answer arrives: N requests always in flight, a stress test far above what N people
do), then, with ``--think T`` above 0, *with think time* (a session pauses a random T/2 to 3T/2
seconds between answer and next request, as a person reading the page does, and a random 0 to
3T/2 before its first: the load N people at once put on the server, not N clicks at one
instant). Latency is from sending to the whole answer, pauses excluded.

Then the command line's equivalent of each kind, for the same seats: the service calls the
command makes, in this process, one after another for a third of the time (``text BATES``:
page text and warnings; ``image``: the picture; the documents list has no command and is the
catalog call the page makes; ``search``), and one ``clawback --as SEAT text`` and ``search``
subprocess each, start-up included.

    .venv/bin/python benchmarks/web.py [--sessions 50] [--seconds 30] [--pages 0]
        [--think 2] [--workers N] [--drawing 1,0] [--workspace demo-out.workspace]
        # the documented full size: --pages 100000 (or a workspace grown once, --workspace)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pyotp

from clawback.domain.bates import BatesNumber
from clawback.service import Record, Workspace
from clawback.service.workspace import DATABASE, PICTURES
from clawback.web.settings import Settings
from generated import grow  # benchmarks/generated.py, beside this script

CLAWBACK = [sys.executable, "-m", "clawback"]
PASSWORD = "benchmark password 2020"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')
#: What a session does, and how often (out of 100).
WEIGHTS = {"page": 45, "image": 10, "documents": 15, "search": 30}
#: Searches: words of the reference case's pages and of the generated ones, a phrase, a miss.
QUERIES = ["border", "database", "caravan shelter", '"port of entry"', "lookout", "zzqx absent"]
WORDS = "border port entry inspection caravan shelter report lookout database memo".split()  # noqa: SIM905


@dataclass
class Seat:
    email: str
    name: str
    cookie: str = ""
    pages: list[BatesNumber] = field(default_factory=list)  # pages this seat may see
    pictured: list[BatesNumber] = field(default_factory=list)  # those with a picture


@dataclass
class Tally:
    took: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    first_error: dict[str, str] = field(default_factory=dict)


def build(root: Path, given: Path | None) -> Path:
    """The reference case's workspace in ``root``: a copy of ``given``, or made by the demo."""
    if given is not None:
        home = root / given.name
        shutil.copytree(given, home)
        return home
    print("building the reference case (clawback demo) ...", flush=True)
    subprocess.run(
        [*CLAWBACK, "demo", "--out", str(root / "demo-out")],
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "CLAWBACK_DEMO_PASSWORD": PASSWORD},
    )
    return root / "demo-out.workspace"


def seats(home: Path, pages: int) -> tuple[dict[str, str | None], list[Seat]]:
    """Grow the workspace, give every seat the benchmark's password (and a TOTP secret where
    the order asks one), and list the pages each seat may see."""
    workspace = Workspace.open(home)
    try:
        op = workspace.operator()
        if pages:
            began = time.perf_counter()
            grow(op, pages, 10, lambda rng: " ".join(rng.choice(WORDS) for _ in range(200)))
            print(f"grown by {pages:,} pages in {time.perf_counter() - began:.1f} s")
        secrets, found = {}, []
        for person in op.people.list():
            secrets[person.email] = op.accounts.invite(person.email, PASSWORD).totp_secret
            seat = Seat(person.email, person.name)
            for doc in workspace.person(person.email).catalog.documents():
                if doc.first is None or doc.last is None:
                    continue
                numbers = [
                    BatesNumber(doc.first.prefix, n, doc.first.width)
                    for n in range(doc.first.number, doc.last.number + 1)
                ]
                seat.pages += numbers
                if doc.first.prefix != "BEN-":
                    seat.pictured += numbers
            found.append(seat)
        return secrets, [s for s in found if s.pages]
    finally:
        workspace.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def cookies(response: httpx.Response) -> dict[str, str]:
    """Cookies set by an answer (Secure ones too: httpx keeps those for HTTPS only)."""
    return {
        line.partition("=")[0]: line.partition("=")[2].split(";", 1)[0]
        for line in response.headers.get_list("set-cookie")
    }


def log_in(url: str, seat: Seat, secret: str | None) -> None:
    """Log ``seat`` in through the form, as a browser does, and sign the acknowledgment."""
    with httpx.Client(base_url=url, timeout=60) as http:
        form = http.get("/login")
        jar = cookies(form)
        found = CSRF.search(form.text)
        assert found, "no CSRF token on the log-in page"
        code = pyotp.TOTP(secret).now() if secret else ""
        sent = http.post(
            "/login",
            data={"email": seat.email, "password": PASSWORD, "code": code, "csrf": found[1]},
            headers={"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())},
        )
        if sent.status_code != 303:
            raise SystemExit(f"{seat.email}: log-in refused ({sent.status_code})")
        seat.cookie = f"clawback_session={cookies(sent)['clawback_session']}"
        if http.get("/", headers={"Cookie": seat.cookie}).headers.get("location") == "/acknowledge":
            found = CSRF.search(http.get("/acknowledge", headers={"Cookie": seat.cookie}).text)
            assert found, "no CSRF token on the acknowledgment"
            signed = http.post(
                "/acknowledge",
                data={"csrf": found[1], "agree": "yes", "signature": seat.name},
                headers={"Cookie": seat.cookie},
            )
            if signed.status_code != 303:
                raise SystemExit(f"{seat.email}: acknowledgment refused ({signed.status_code})")


def target(kind: str, seat: Seat, rng: random.Random) -> str:
    if kind == "page":
        return f"/pages/{rng.choice(seat.pages)}"
    if kind == "image":
        return f"/pages/{rng.choice(seat.pictured)}/image.png"
    if kind == "documents":
        return "/documents"
    return "/search?" + httpx.QueryParams({"q": rng.choice(QUERIES)}).__str__()


async def session(
    url: str, seat: Seat, until: float, seed: int, tally: Tally, think: float
) -> None:
    rng = random.Random(seed)
    kinds = [k for k in WEIGHTS if k != "image" or seat.pictured]
    weights = [WEIGHTS[k] for k in kinds]
    async with httpx.AsyncClient(base_url=url, timeout=60, headers={"Cookie": seat.cookie}) as http:
        if think:  # people arrive at their own moments: a first pause as every later one
            await asyncio.sleep(rng.uniform(0, think * 3 / 2))
        while time.perf_counter() < until:
            kind = rng.choices(kinds, weights)[0]
            path = target(kind, seat, rng)
            began = time.perf_counter()
            try:
                answer = await http.get(path)
                status = str(answer.status_code)
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            tally.took[kind].append(time.perf_counter() - began)
            if status != "200":
                tally.errors[kind] += 1
                tally.first_error.setdefault(kind, f"{status} on {path} as {seat.email}")
            if think:
                await asyncio.sleep(rng.uniform(think / 2, think * 3 / 2))


async def load(
    url: str, found: list[Seat], sessions: int, seconds: float, think: float = 0
) -> Tally:
    tally = Tally()
    until = time.perf_counter() + seconds
    await asyncio.gather(
        *(session(url, found[n % len(found)], until, n, tally, think) for n in range(sessions))
    )
    return tally


def report(title: str, tally: Tally, seconds: float) -> None:
    total = sum(len(v) for v in tally.took.values())
    errors = sum(tally.errors.values())
    print(
        f"\n{title}: {total:,} requests in {seconds:.0f} s, {total / seconds:.1f}/s, "
        f"{errors} error{'' if errors == 1 else 's'}"
    )
    print(
        f"  {'kind':10} {'count':>7} {'per s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"
        f" {'errors':>7}"
    )
    for kind in WEIGHTS:
        took = sorted(tally.took.get(kind, []))
        if not took:
            continue
        q = statistics.quantiles(took, n=100, method="inclusive") if len(took) > 1 else took * 99
        print(
            f"  {kind:10} {len(took):7,} {len(took) / seconds:7.1f} {q[49] * 1000:8.1f}"
            f" {q[94] * 1000:8.1f} {q[98] * 1000:8.1f} {tally.errors.get(kind, 0):7}"
        )
    for kind, first in tally.first_error.items():
        print(f"  first {kind} error: {first}")


def in_process(home: Path, found: list[Seat], seconds: float) -> Tally:
    """The command line's calls, in this process, for the same seats and the same mix."""
    workspace = Workspace.open(home)
    dpi = Settings().page_dpi
    tally = Tally()
    rng = random.Random(1)
    records = {seat.email: workspace.person(seat.email) for seat in found}

    def page(record: Record, seat: Seat) -> None:  # clawback text BATES
        bates = rng.choice(seat.pages)
        record.reads.page_text(bates)
        record.reads.page_warnings(bates)

    calls: dict[str, Callable[[Record, Seat], object]] = {
        "page": page,
        "image": lambda r, s: r.reads.page_image(rng.choice(s.pictured), dpi),
        "documents": lambda r, s: r.catalog.documents(limit=Settings().documents_limit),
        "search": lambda r, s: r.reads.search(rng.choice(QUERIES), 50),
    }
    until = time.perf_counter() + seconds
    n = 0
    try:
        while time.perf_counter() < until:
            seat = found[n % len(found)]
            n += 1
            kinds = [k for k in WEIGHTS if k != "image" or seat.pictured]
            kind = rng.choices(kinds, [WEIGHTS[k] for k in kinds])[0]
            began = time.perf_counter()
            calls[kind](records[seat.email], seat)
            tally.took[kind].append(time.perf_counter() - began)
    finally:
        workspace.close()
    return tally


def subprocess_samples(home: Path, seat: Seat) -> None:
    """One ``clawback`` process for a page's text and one for a search, start-up included."""
    w = ["-w", str(home)]
    print(f"\none clawback process each, as {seat.email} (--as: the operator's preview):")
    for name, argv in (
        ("text BATES", ["--as", seat.email, "text", str(seat.pages[0]), *w]),
        ("search", ["--as", seat.email, "search", QUERIES[0], *w]),
    ):
        began = time.perf_counter()
        subprocess.run([*CLAWBACK, *argv], check=True, capture_output=True)
        print(f"  clawback {name:12} {(time.perf_counter() - began) * 1000:8.0f} ms")


#: Seconds of load each server gets before it is measured (its caches, and the database's
#: pages in the file cache, filled as a server in use has them; the few pictures drawn then
#: stay kept, as they would).
WARM_UP = 5.0


def served(
    home: Path, found: list[Seat], secrets: dict[str, str | None], serving: list[str], args: Any
) -> tuple[Tally, Tally | None]:
    """One ``clawback serve`` with ``serving``'s options over ``home``, its page pictures
    drawn afresh (none kept from an earlier run): the seats log in, a warm-up, then both
    loads run."""
    shutil.rmtree(home / PICTURES, ignore_errors=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [*CLAWBACK, "serve", "-w", str(home), "--port", str(port), *serving],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(600):
            try:
                httpx.get(f"{url}/login", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        for seat in found:
            log_in(url, seat, secrets.get(seat.email))
        print(f"\nserver: clawback serve {' '.join(serving)}, {os.cpu_count()} cores")
        asyncio.run(load(url, found, args.sessions, WARM_UP))  # not counted: caches filled
        pressed = asyncio.run(load(url, found, args.sessions, args.seconds))
        paced = (
            asyncio.run(load(url, found, args.sessions, args.seconds, args.think))
            if args.think
            else None
        )
    finally:
        server.terminate()
        server.wait(30)
    report(
        f"web, {args.sessions} sessions back to back (each sends its next request the moment"
        " its answer arrives: a stress test)",
        pressed,
        args.seconds,
    )
    if paced is not None:
        report(
            f"web, {args.sessions} sessions with think time ({args.think / 2:g}-"
            f"{args.think * 3 / 2:g} s between answer and next request, as people read)",
            paced,
            args.seconds,
        )
    return pressed, paced


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--pages", type=int, default=0, help="generated pages to add")
    parser.add_argument("--workspace", type=Path, help="a reference-case workspace to copy")
    parser.add_argument(
        "--think", type=float, default=2, help="mean pause between requests (0: none)"
    )
    parser.add_argument("--workers", type=int, help="server processes (serve's default)")
    parser.add_argument(
        "--drawing",
        default="1,0",
        help="serve's --drawing values to run the server with, one after the other in this"
        " run (default 1,0: page pictures drawn apart, then the baseline, drawn in the"
        " request's thread)",
    )
    args = parser.parse_args()
    if args.sessions < 1 or args.seconds <= 0 or args.pages < 0 or args.think < 0:
        parser.error("--sessions at least 1, --seconds above 0, --pages and --think from 0")
    if args.workers is not None and args.workers < 1:
        parser.error("--workers at least 1")
    if args.workspace is not None and not args.workspace.is_dir():
        parser.error(f"--workspace {args.workspace}: no such workspace folder")
    try:
        drawings = [int(d) for d in args.drawing.split(",")]
    except ValueError:
        parser.error(f"--drawing {args.drawing}: whole numbers separated by commas")
    with tempfile.TemporaryDirectory() as tmp:
        home = build(Path(tmp), args.workspace)
        secrets, found = seats(home, args.pages)
        if (home / DATABASE).exists():  # the growth's log written into the database now, not
            with sqlite3.connect(home / DATABASE) as db:  # by the first server measured
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = sum(len(s.pages) for s in found) // len(found)
        print(f"{len(found)} seats, {pages:,} pages seen per seat on average")
        workers = ["--workers", str(args.workers)] if args.workers else []
        for drawing in drawings:
            served(home, found, secrets, [*workers, "--drawing", str(drawing)], args)
        alone = max(args.seconds / 3, 5)
        report(
            "the CLI's service calls, in process, one at a time (the service's own cost: no"
            " HTTP, no page drawn, nothing waiting its turn)",
            in_process(home, found, alone),
            alone,
        )
        subprocess_samples(home, found[0])


if __name__ == "__main__":
    main()
