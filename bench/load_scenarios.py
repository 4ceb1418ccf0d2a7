"""Visitors arriving at once or at a steady rate, each loading the map page and changing two
filters; what they waited, what failed, and how much memory the servers took meanwhile.

Loopback only and bounded: every visit has a step timeout (bench/streamlit_session.py) and a
scenario never starts more than its visitor count, so a run always ends by itself.
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
import urllib.error
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import psutil
import websockets

from bench.streamlit_session import PageRun, SessionError, StreamlitSession, run_async

FIRST_VIEW = "edition=all&lang=en"  # every edition and continent, in English
CONTINENT = "Europe"
EDITION_INDEX = 2  # the edition selectbox's third option: the second edition in the list
MEMORY_POLL_S = 0.1
CLIENT_THREADS = 64
# What a visit may meet when the server is overloaded or gone; anything else is a bug here.
VISIT_ERRORS = (SessionError, OSError, urllib.error.URLError, websockets.WebSocketException)


@dataclass
class Visit:
    """One visitor: the first full page, then each filter change, in seconds."""

    started: float
    first_page: float | None = None
    changes: list[float] = field(default_factory=list)
    error: str = ""
    finished: float = 0.0


def _check(run: PageRun, step: str) -> None:
    if run.exceptions:
        raise SessionError(f"{step}: the script raised {run.exceptions[0]}")
    if not run.has_map:
        raise SessionError(f"{step}: no map component")
    if not run.metrics:
        raise SessionError(f"{step}: no metric cards")


async def visit(base_url: str, think_s: float = 0.0) -> Visit:
    """Load the map page, pick a continent, then an edition; every page must hold the map and
    the cards. `think_s`: the pause before each change, as a reader looks at the map."""
    record = Visit(started=time.perf_counter())
    session = StreamlitSession(base_url, FIRST_VIEW)
    try:
        run = await session.open()
        _check(run, "first page")
        record.first_page = run.seconds
        await asyncio.sleep(think_s)
        run = await session.choose("continents_", [CONTINENT])
        _check(run, "continent change")
        record.changes.append(run.seconds)
        await asyncio.sleep(think_s)
        edition = session.widget("edition_").options[EDITION_INDEX]
        run = await session.choose("edition_", edition)
        _check(run, "edition change")
        record.changes.append(run.seconds)
    except VISIT_ERRORS as error:
        record.error = f"{type(error).__name__}: {error}"
    finally:
        try:
            await session.close()
        except VISIT_ERRORS as error:
            record.error = record.error or f"closing: {error}"
        record.finished = time.perf_counter()
    return record


async def burst(base_url: str, visitors: int, think_s: float) -> list[Visit]:
    """`visitors` arrive at the same moment."""
    return list(await asyncio.gather(*(visit(base_url, think_s) for _ in range(visitors))))


async def steady(base_url: str, rate: float, duration_s: float, think_s: float) -> list[Visit]:
    """`rate` new visitors a second for `duration_s`, whatever the server's pace."""
    count = max(1, math.floor(rate * duration_s))
    start = time.perf_counter()
    tasks = []
    for index in range(count):
        await asyncio.sleep(max(0.0, start + index / rate - time.perf_counter()))
        tasks.append(asyncio.create_task(visit(base_url, think_s)))
    return list(await asyncio.gather(*tasks))


class ServerWatch:
    """The servers' peak RSS (polled in a thread) and the CPU time they spent meanwhile, summed
    over the given processes and their children."""

    def __init__(self, pids: list[int]):
        self.processes = [psutil.Process(pid) for pid in pids]
        self.peak_bytes = 0
        self.cpu_seconds = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def _trees(self) -> list[psutil.Process]:
        members = []
        for process in self.processes:
            try:
                members += [process, *process.children(recursive=True)]
            except psutil.NoSuchProcess:
                continue  # a replica killed during the run: the others still count
        return members

    def _rss(self) -> int:
        return sum(self._measure(lambda p: p.memory_info().rss))

    def _cpu(self) -> float:
        return sum(self._measure(lambda p: p.cpu_times().user + p.cpu_times().system))

    def _measure(self, reading) -> list:
        values = []
        for member in self._trees():
            try:
                values.append(reading(member))
            except psutil.NoSuchProcess:
                continue
        return values

    def _poll(self) -> None:
        while not self._stop.is_set():
            self.peak_bytes = max(self.peak_bytes, self._rss())
            self._stop.wait(MEMORY_POLL_S)

    def __enter__(self) -> ServerWatch:
        self._cpu_start = self._cpu()
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        self.cpu_seconds = self._cpu() - self._cpu_start


@dataclass
class ScenarioResult:
    """A scenario's visits, the servers' peak memory and CPU time (0 when not measured), and
    the CPU time the visitors' own process took (it shares the machine)."""

    name: str
    visits: list[Visit]
    peak_rss_bytes: int = 0
    server_cpu_s: float = 0.0
    client_cpu_s: float = 0.0

    @property
    def errors(self) -> list[str]:
        return [v.error for v in self.visits if v.error]

    @property
    def first_pages(self) -> list[float]:
        return [v.first_page for v in self.visits if v.first_page is not None]

    @property
    def changes(self) -> list[float]:
        return [seconds for v in self.visits for seconds in v.changes]

    @property
    def sessions_per_second(self) -> float:
        """Completed visits over the time from the first arrival to the last departure."""
        done = [v for v in self.visits if not v.error]
        if not done:
            return 0.0
        span = max(v.finished for v in self.visits) - min(v.started for v in self.visits)
        return len(done) / span if span > 0 else 0.0


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile: a time some visitor really waited, never an interpolation."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


async def _with_threads(scenario, base_url: str, *args: float) -> list[Visit]:
    # The HTTP requests of a visit run in threads: enough of them that a burst of 100 does not
    # queue in the client (asyncio's default is 6 on 2 cores).
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(CLIENT_THREADS))
    return await scenario(base_url, *args)


def run_scenario(
    name: str, base_url: str, pids: list[int], scenario, *args: float
) -> ScenarioResult:
    """Run `scenario(base_url, *args)` in a fresh event loop while watching the servers."""
    client_start = time.process_time()
    with ServerWatch(pids) as server:
        visits = run_async(_with_threads(scenario, base_url, *args))
    client_cpu = time.process_time() - client_start
    return ScenarioResult(name, visits, server.peak_bytes, server.cpu_seconds, client_cpu)
