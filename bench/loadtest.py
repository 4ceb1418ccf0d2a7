"""Load benchmark: many visitors at once on real Streamlit sessions (`make loadtest`).

Each visitor speaks Streamlit's websocket protocol as the browser does (bench/streamlit_session.py):
it loads the map page, then picks a continent, then an edition, and every page must hold the
map and the cards. Scenarios: bursts of visitors arriving together, and steady arrivals, on the
bundled data and on 10,000 synthetic cities; then the highest steady rate one process sustains
against N replicas behind HAProxy, in the same run. Loopback only; every step has a timeout.

    .venv/bin/python bench/loadtest.py                     # everything, about 10 minutes
    .venv/bin/python bench/loadtest.py --sizes bundled --bursts 10 --rates 2 --replicas 0
    .venv/bin/python bench/loadtest.py --via http://127.0.0.1:8501   # through `make serve`
    .venv/bin/python bench/loadtest.py --write-readme      # the table into README.md
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.load_report import (  # noqa: E402
    TARGET_RATE,
    Row,
    rate_lines,
    table,
    targets,
    throughput_lines,
    worst_p95,
)
from bench.load_scenarios import ScenarioResult, burst, run_scenario, steady  # noqa: E402
from bench.readme_block import replace_block  # noqa: E402
from deploy.haproxy import HAPROXY, start_haproxy  # noqa: E402
from deploy.processes import free_port  # noqa: E402
from deploy.replicas import Replica, start_replicas, stop_all  # noqa: E402
from deploy.secret import cookie_secret  # noqa: E402
from deploy.serve import STATE_PATH, read_state  # noqa: E402

WORK_DIR = ROOT / ".cache" / "loadtest"
README = ROOT / "README.md"
BLOCK = "loadtest"
# Bounds, so a mistyped option cannot turn the benchmark into a flood.
MAX_VISITORS = 1000
MAX_SECONDS = 120.0


def data_folder(size: str) -> Path | None:
    """None for the bundled data; otherwise a synthetic folder of `size` cities, made once."""
    if size == "bundled":
        return None
    from bench.synthetic import write_data_folder

    folder = WORK_DIR / f"data-{size}"
    if not (folder / "cities.csv").exists():
        write_data_folder(folder, int(size))
    return folder


def warm_up(url: str) -> None:
    """One visit not counted: the first after a start pays imports and cold caches."""
    result = run_scenario("warm-up", url, [], burst, 1, 0.0)
    if result.errors:
        raise RuntimeError(f"the warm-up visit failed: {result.errors[0]}")


def scenarios(args: argparse.Namespace, url: str, pids: list[int]) -> list[ScenarioResult]:
    results = []
    for visitors in args.bursts:
        print(f"  burst of {visitors}...", flush=True)
        results.append(run_scenario(f"burst {visitors}", url, pids, burst, visitors, args.think))
    for rate in args.rates:
        print(f"  {rate:g} a second for {args.duration:g} s...", flush=True)
        name = f"{rate:g}/s for {args.duration:g} s"
        results.append(run_scenario(name, url, pids, steady, rate, args.duration, args.think))
    return results


def one_process(size: str, log_dir: Path) -> list[Replica]:
    replicas = start_replicas(1, [free_port()], log_dir, data_folder(size), cookie_secret())
    try:
        warm_up(replicas[0].url)
    except RuntimeError:
        stop_all(replicas)
        raise
    return replicas


def sustained_rate(
    url: str, pids: list[int], args: argparse.Namespace, label: str, start: float
) -> tuple[float, list[ScenarioResult]]:
    """The highest rate of the ladder at which every visit succeeds with p95 ≤ the target,
    climbing one step at a time from `start` and stopping at the first rate that fails."""
    passed, results = 0.0, []
    rate = start
    while rate <= args.ladder_max:
        print(f"  {label}: {rate:g} a second...", flush=True)
        name = f"ladder {rate:g}/s"
        result = run_scenario(name, url, pids, steady, rate, args.ladder_duration, args.think)
        results.append(result)
        p95 = worst_p95(result)
        if result.errors or p95 is None or p95 > TARGET_RATE[1]:
            break
        passed = rate
        rate += args.ladder_step
    return passed, results


def ladder_one_process(args: argparse.Namespace, rows: list[Row]) -> float:
    """The rate one process sustains on the bundled data."""
    single = one_process("bundled", WORK_DIR / "logs")
    try:
        rate, results = sustained_rate(
            single[0].url, [single[0].process.pid], args, "1 process", args.ladder_start
        )
    finally:
        stop_all(single)
    rows += [Row("bundled", result, "1 process") for result in results]
    return rate


def ladder_replicas(args: argparse.Namespace, rows: list[Row], start: float) -> float:
    """The rate `args.replicas` replicas behind HAProxy sustain on the bundled data, climbing
    from `start` (one process's rate: the steps below it say nothing about the ratio)."""
    ports = [free_port() for _ in range(args.replicas)]
    replicas = start_replicas(args.replicas, ports, WORK_DIR / "logs", None, cookie_secret())
    proxy = None
    label = f"HAProxy + {args.replicas} replicas"
    try:
        servers = [(r.name, r.address, r.port) for r in replicas]
        proxy = start_haproxy(servers, WORK_DIR / "haproxy", port=free_port())
        for replica in replicas:
            warm_up(replica.url)
        pids = [r.process.pid for r in replicas]
        # The largest burst again, through the proxy: throughput when saturated.
        results = [
            run_scenario(f"burst {size}", proxy.url, pids, burst, size, args.think)
            for size in args.bursts[-1:]
        ]
        rate, ladder = sustained_rate(proxy.url, pids, args, label, start)
        results += ladder
    finally:
        if proxy is not None:
            proxy.stop()
        stop_all(replicas)
    rows += [Row("bundled", result, label) for result in results]
    return rate


def _numbers(text: str, kind=int) -> list:
    return [kind(part) for part in text.split(",") if part.strip()]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="bundled,10000", help="bundled and/or city counts")
    parser.add_argument("--bursts", type=_numbers, default=[10, 50, 100])
    parser.add_argument("--rates", type=lambda t: _numbers(t, float), default=[2.0, 5.0, 10.0])
    parser.add_argument("--duration", type=float, default=10.0, help="s of steady arrivals")
    parser.add_argument("--think", type=float, default=1.0, help="s before each filter change")
    parser.add_argument("--via", help="run against this URL (e.g. make serve's HAProxy)")
    parser.add_argument("--replicas", type=int, default=2, help="compare N replicas; 0: skip")
    parser.add_argument("--ladder-start", type=float, default=4.0)
    parser.add_argument("--ladder-step", type=float, default=1.0)
    parser.add_argument("--ladder-max", type=float, default=60.0, help="below start: skip")
    parser.add_argument("--ladder-duration", type=float, default=8.0)
    parser.add_argument("--write-readme", action="store_true", help="table into README.md")
    args = parser.parse_args(argv)
    if args.via and not is_loopback_url(args.via):
        parser.error(f"--via must be this machine (localhost, 127.x.x.x, ::1): {args.via}")
    largest = max(
        [*args.bursts, *(rate * args.duration for rate in args.rates)]
        + [args.ladder_max * args.ladder_duration]
    )
    if largest > MAX_VISITORS or args.duration > MAX_SECONDS or args.ladder_duration > MAX_SECONDS:
        parser.error(f"at most {MAX_VISITORS} visitors and {MAX_SECONDS:g} s a scenario")
    return args


def is_loopback_url(url: str) -> bool:
    """The benchmark loads this machine only, never someone else's server."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def sustained_notes(args: argparse.Namespace, rows: list[Row]) -> list[str]:
    """One process's sustained rate and the replicas', as lines against their targets."""
    try:
        alone = ladder_one_process(args, rows)
        together = None
        if args.replicas >= 2 and HAPROXY.exists():
            together = ladder_replicas(args, rows, max(alone, args.ladder_start))
    except RuntimeError as error:
        return [f"- Sustained rates not measured: {_first_line(error)}"]
    ladder = (
        f"steady arrivals for {args.ladder_duration:g} s, from {args.ladder_start:g} a second "
        f"in steps of {args.ladder_step:g}; the replicas' ladder starts at one process's rate"
    )
    lines = rate_lines(alone, together, args.replicas, ladder, args.ladder_max)
    if together is not None and args.bursts:
        lines += throughput_lines(rows, args.bursts[-1], f"HAProxy + {args.replicas} replicas")
    if args.replicas >= 2 and not HAPROXY.exists():
        lines.append(f"- Replicas not compared: HAProxy is not installed ({HAPROXY}).")
    return lines


def _first_line(error: Exception) -> str:
    """A server that cannot start (the app is being worked on) is named, not fatal."""
    return str(error).splitlines()[0]


def via_pids() -> list[int]:
    """The replicas of a running `make serve`, for their memory; none if it is not running."""
    if not STATE_PATH.exists():
        return []
    return [replica["pid"] for replica in read_state()["replicas"]]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    started = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
    rows: list[Row] = []
    notes: list[str] = []
    if args.via:
        print(f"Through {args.via}:", flush=True)
        warm_up(args.via)
        rows += [Row("served", r, args.via) for r in scenarios(args, args.via, via_pids())]
    else:
        for size in args.sizes.split(","):
            print(f"One process, {size} cities:", flush=True)
            try:
                replicas = one_process(size, WORK_DIR / "logs")
            except RuntimeError as error:
                notes.append(f"- {size} cities not measured: {_first_line(error)}")
                continue
            try:
                pids = [replicas[0].process.pid]
                rows += [Row(size, r, "1 process") for r in scenarios(args, replicas[0].url, pids)]
            finally:
                stop_all(replicas)
        if args.ladder_max >= args.ladder_start:
            notes = sustained_notes(args, rows) + notes
    header = (
        f"Latest run: {started} UTC, {os.cpu_count()} cores, `.venv/bin/python bench/loadtest.py"
        f"{' ' + ' '.join(argv) if argv else ''}`; think time {args.think:g} s before each "
        "filter change; times as the visitor waits them, from the first HTTP request or the "
        "change's message to `script_finished`."
    )
    text = "\n\n".join([header, table(rows), "\n".join(targets(rows) + notes)]).strip()
    print(text)
    failed = [error for row in rows for error in row.result.errors[:1]]
    if failed:
        print(f"\nFirst errors seen: {failed[:3]}", file=sys.stderr)
    if args.write_readme:
        replace_block(README, BLOCK, text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
