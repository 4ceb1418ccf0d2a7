"""Start and stop `streamlit run app.py` replicas, each its own process group on its own port."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from deploy.processes import kill_process_group, stop_process_group, streamlit_healthy
from deploy.secret import REPO, SECRET_ENV
from footprint.auth import BEHIND_PROXY_ENV, TOKEN_HASH_ENV

DATA_DIR_ENV = "FOOTPRINT_DATA_DIR"
STARTUP_TIMEOUT_S = 90.0


@dataclass
class Replica:
    """One running app; `log_path` holds its output."""

    name: str
    port: int
    process: subprocess.Popen
    log_path: Path
    address: str = "127.0.0.1"

    @property
    def url(self) -> str:
        return f"http://{self.address}:{self.port}"

    def is_running(self) -> bool:
        return self.process.poll() is None

    def is_healthy(self) -> bool:
        return streamlit_healthy(self.url)

    def log_tail(self, lines: int = 30) -> str:
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def kill(self) -> None:
        """Die at once, as a crashed replica does (SIGKILL to its process group)."""
        kill_process_group(self.process)

    def stop(self) -> None:
        """Stop the whole process group, so no child outlives the replica."""
        stop_process_group(self.process)


def replica_command(port: int, address: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.port",
        str(port),
        "--server.address",
        address,
        "--server.headless",
        "true",
        "--server.fileWatcherType",
        "none",
        "--browser.gatherUsageStats",
        "false",
    ]


def launch_replica(
    name: str,
    port: int,
    log_dir: Path,
    data_dir: Path | None = None,
    cookie_secret: str | None = None,
    address: str = "127.0.0.1",
) -> Replica:
    """Start one replica without waiting for it (see `wait_healthy`).

    Never with the one-time organizer link: it trusts browsers on this machine, and behind
    HAProxy every visitor comes from this machine."""
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    env.pop(DATA_DIR_ENV, None)
    env.pop(TOKEN_HASH_ENV, None)
    env[BEHIND_PROXY_ENV] = "1"  # sign-in failures are counted per address HAProxy saw
    if data_dir is not None:
        env[DATA_DIR_ENV] = str(data_dir)
    if cookie_secret is not None:
        env[SECRET_ENV] = cookie_secret
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"{name}.log"
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(
            replica_command(port, address),
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return Replica(name, port, process, log_path, address)


def wait_healthy(replicas: list[Replica], timeout_s: float = STARTUP_TIMEOUT_S) -> None:
    """Return once every replica answers its health check; stop them all if one cannot."""
    deadline = time.monotonic() + timeout_s
    waiting = list(replicas)
    while waiting and time.monotonic() < deadline:
        for replica in list(waiting):
            if not replica.is_running():
                stop_all(replicas)
                raise RuntimeError(
                    f"replica {replica.name} exited with code {replica.process.returncode} "
                    f"before it was healthy:\n{replica.log_tail()}"
                )
            if replica.is_healthy():
                waiting.remove(replica)
        time.sleep(0.25)
    if waiting:
        stop_all(replicas)
        raise RuntimeError(f"not healthy after {timeout_s:.0f} s: {[r.name for r in waiting]}")


def start_replicas(
    count: int,
    ports: list[int],
    log_dir: Path,
    data_dir: Path | None = None,
    cookie_secret: str | None = None,
) -> list[Replica]:
    """`count` healthy replicas on `ports` (replica1 on ports[0]...), all sharing one secret."""
    replicas: list[Replica] = []
    healthy = False
    try:  # interrupted half-way (Ctrl-C), no replica is left running
        for index, port in zip(range(count), ports, strict=True):
            replicas.append(
                launch_replica(f"replica{index + 1}", port, log_dir, data_dir, cookie_secret)
            )
        wait_healthy(replicas)
        healthy = True
    finally:
        if not healthy:
            stop_all(replicas)
    return replicas


def stop_all(replicas: list[Replica]) -> None:
    for replica in replicas:
        replica.stop()
