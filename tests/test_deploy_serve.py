"""`make serve` end to end (`python -m deploy.serve`): two replicas behind HAProxy come up,
the secret is never shown, a killed replica is started again, and Ctrl-C (SIGTERM) leaves
nothing running."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest

from deploy.haproxy import HAPROXY
from deploy.processes import accepts_connections, free_port, kill_process_group

REPO = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 120.0
RESTART_TIMEOUT_S = 90.0

pytestmark = pytest.mark.skipif(
    not HAPROXY.exists(), reason=f"HAProxy is not installed at {HAPROXY} (make haproxy)"
)


def two_free_ports() -> int:
    """A port p with p + 1 free too (the replicas take consecutive ports)."""
    for _ in range(50):
        port = free_port()
        if port < 65535 and _is_free(port + 1):
            return port
    raise RuntimeError("no two consecutive free ports")


def _is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


@dataclass
class Launcher:
    process: subprocess.Popen
    work_dir: Path
    port: int
    output: list[str] = field(default_factory=list)

    def read_output(self) -> None:
        for line in self.process.stdout:
            self.output.append(line)

    def state(self) -> dict:
        return json.loads((self.work_dir / "replicas.json").read_text(encoding="utf-8"))

    def wait_for(self, text: str, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if any(text in line for line in self.output):
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        raise AssertionError(f"no {text!r} from deploy.serve:\n{''.join(self.output)}")


@pytest.fixture(scope="module")
def launcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Launcher]:
    work_dir = tmp_path_factory.mktemp("serve")
    port, first = free_port(), two_free_ports()
    command = [sys.executable, "-m", "deploy.serve", "--replicas", "2", "--port", str(port)]
    command += ["--first-port", str(first), "--address", "127.0.0.1", "--work-dir", str(work_dir)]
    process = subprocess.Popen(
        command,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    running = Launcher(process, work_dir, port)
    threading.Thread(target=running.read_output, daemon=True).start()
    try:
        running.wait_for("Serving on", START_TIMEOUT_S)
        yield running
    finally:
        kill_process_group(process)


def test_two_replicas_answer_behind_haproxy(launcher: Launcher) -> None:
    state = launcher.state()
    assert [r["name"] for r in state["replicas"]] == ["replica1", "replica2"]
    ports = [r["port"] for r in state["replicas"]]
    assert ports[1] == ports[0] + 1
    with urllib.request.urlopen(f"http://127.0.0.1:{launcher.port}/", timeout=10) as response:
        assert response.status == 200
        assert "fp_replica=replica" in response.headers["Set-Cookie"]


def test_the_secret_is_private_and_never_shown(launcher: Launcher) -> None:
    secret_file = launcher.work_dir / "cookie_secret"
    assert secret_file.stat().st_mode & 0o777 == 0o600
    secret = secret_file.read_text(encoding="ascii").strip()
    assert secret not in "".join(launcher.output)
    assert secret not in json.dumps(launcher.state())
    for path in launcher.work_dir.rglob("*"):
        if path.is_file() and path != secret_file:
            assert secret not in path.read_text(encoding="utf-8", errors="replace"), path
    for replica in launcher.state()["replicas"]:
        assert secret not in " ".join(psutil.Process(replica["pid"]).cmdline())


def test_a_killed_replica_is_started_again(launcher: Launcher) -> None:
    before = {r["name"]: r for r in launcher.state()["replicas"]}
    os.killpg(before["replica1"]["pid"], signal.SIGKILL)
    deadline = time.monotonic() + RESTART_TIMEOUT_S
    while time.monotonic() < deadline:
        after = {r["name"]: r for r in launcher.state()["replicas"]}
        if after["replica1"]["pid"] != before["replica1"]["pid"]:
            break
        time.sleep(0.5)
    else:
        raise AssertionError(f"replica1 was not restarted:\n{''.join(launcher.output)}")
    assert after["replica1"]["port"] == before["replica1"]["port"]
    assert after["replica2"] == before["replica2"]
    url = f"http://127.0.0.1:{after['replica1']['port']}/_stcore/health"
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200


def test_sigterm_stops_everything(launcher: Launcher) -> None:
    pids = [r["pid"] for r in launcher.state()["replicas"]]
    ports = [launcher.port, *(r["port"] for r in launcher.state()["replicas"])]
    launcher.process.send_signal(signal.SIGTERM)
    assert launcher.process.wait(timeout=30) == 0
    assert not (launcher.work_dir / "replicas.json").exists()
    assert not any(psutil.pid_exists(pid) for pid in pids)
    assert not any(accepts_connections("127.0.0.1", port) for port in ports)
