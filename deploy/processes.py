"""The child processes deploy, the tests and the benchmarks start: a free port to give them,
checks that they listen and are healthy, and a stop that reaches their whole process group, so
no child outlives them."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import urllib.request

STOP_TIMEOUT_S = 10.0


def free_port(address: str = "127.0.0.1") -> int:
    """A port nobody listens on now: the OS picks it when we bind to port 0."""
    with socket.socket() as probe:
        probe.bind((address, 0))
        return probe.getsockname()[1]


def accepts_connections(address: str, port: int) -> bool:
    """Someone listens on the port now (a closed one may linger in TIME_WAIT, unlike this)."""
    try:
        with socket.create_connection((address, port), timeout=1):
            return True
    except OSError:
        return False


def streamlit_healthy(url: str) -> bool:
    """The Streamlit server at `url` answers its health check (`ok`) now."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200 and response.read().decode().strip() == "ok"
    except OSError:
        return False


def kill_process_group(process: subprocess.Popen, timeout_s: float = STOP_TIMEOUT_S) -> None:
    """SIGKILL to the group of a process started with `start_new_session=True`."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=timeout_s)


def stop_process_group(process: subprocess.Popen, timeout_s: float = STOP_TIMEOUT_S) -> None:
    """SIGTERM to the group, then SIGKILL if it has not exited within `timeout_s`."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        kill_process_group(process, timeout_s)
