"""`python -m deploy.serve --replicas N`: N replicas on ports 8601.. behind HAProxy on 8501.

Runs in the foreground until Ctrl-C (or SIGTERM), then stops HAProxy and every replica. A
replica that dies is started again on its port; meanwhile HAProxy's health checks keep new
visitors away from it and its visitors reconnect to another replica. The running layout is
written to .cache/serve/replicas.json, so `bench/loadtest.py --via` can read the replicas'
memory.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from pathlib import Path

from deploy.haproxy import start_haproxy
from deploy.replicas import Replica, launch_replica, start_replicas, stop_all, wait_healthy
from deploy.secret import SECRET_PATH, cookie_secret

WORK_DIR = SECRET_PATH.parent  # .cache/serve: secret, server list, logs, state
STATE_NAME = "replicas.json"
STATE_PATH = WORK_DIR / STATE_NAME
WATCH_INTERVAL_S = 2.0


def write_state(replicas: list[Replica], front: str, path: Path) -> None:
    """Ports and process ids of the running layout (nothing secret), replaced whole."""
    state = {
        "front": front,
        "replicas": [{"name": r.name, "port": r.port, "pid": r.process.pid} for r in replicas],
    }
    draft = path.with_suffix(".tmp")
    draft.write_text(json.dumps(state, indent=2), encoding="utf-8")
    draft.replace(path)


def read_state(path: Path = STATE_PATH) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m deploy.serve", description=__doc__)
    parser.add_argument("--replicas", type=int, default=2, help="how many app processes (2)")
    parser.add_argument("--port", type=int, default=8501, help="HAProxy's public port (8501)")
    parser.add_argument(
        "--address", default="0.0.0.0", help="HAProxy's public address (0.0.0.0: all)"
    )
    parser.add_argument("--first-port", type=int, default=8601, help="replica1's port (8601)")
    parser.add_argument("--data", type=Path, help="data folder (FOOTPRINT_DATA_DIR)")
    parser.add_argument(
        "--work-dir", type=Path, default=WORK_DIR, help="secret, logs and state (.cache/serve)"
    )
    args = parser.parse_args(argv)
    if args.replicas < 1:
        parser.error("--replicas must be at least 1")
    return args


def _wait_back(replica: Replica) -> None:
    """A restarted replica that cannot start is reported; the watch tries it again later,
    while HAProxy keeps sending visitors to the others."""
    try:
        wait_healthy([replica])
    except RuntimeError as error:
        print(f"{replica.name} did not come back: {error}", file=sys.stderr)


def _stop_on_sigterm(*_: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work_dir, logs = args.work_dir, args.work_dir / "logs"
    state_path = work_dir / STATE_NAME
    secret = cookie_secret(work_dir / SECRET_PATH.name)
    ports = [args.first_port + index for index in range(args.replicas)]
    print(
        f"Starting {args.replicas} replica(s) on 127.0.0.1 ports {ports[0]}-{ports[-1]}", flush=True
    )
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        replicas = start_replicas(args.replicas, ports, logs, args.data, secret)
    except KeyboardInterrupt:
        return 0
    proxy = None
    try:
        servers = [(r.name, r.address, r.port) for r in replicas]
        proxy = start_haproxy(servers, work_dir, args.address, args.port)
        write_state(replicas, proxy.bind, state_path)
        print(
            f"Serving on http://{proxy.bind} (logs in {work_dir}); Ctrl-C stops everything.",
            flush=True,
        )
        while proxy.process.poll() is None:
            for index, replica in enumerate(replicas):
                if not replica.is_running():
                    print(
                        f"{replica.name} exited ({replica.process.returncode}); restarting",
                        flush=True,
                    )
                    replicas[index] = launch_replica(
                        replica.name, replica.port, logs, args.data, secret
                    )
                    _wait_back(replicas[index])
                    write_state(replicas, proxy.bind, state_path)
            time.sleep(WATCH_INTERVAL_S)
        print(f"HAProxy exited ({proxy.process.returncode}):\n{proxy.log_tail()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        if proxy is not None:
            proxy.stop()
        stop_all(replicas)
        state_path.unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main())
