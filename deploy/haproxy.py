"""Run Debian's HAProxy in front of replicas: the shared deploy/haproxy.cfg plus a generated
backend file naming each replica with its sticky-cookie value."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from deploy.processes import accepts_connections, stop_process_group

HAPROXY = Path("/usr/sbin/haproxy")
SHARED_CONFIG = Path(__file__).resolve().with_name("haproxy.cfg")
STARTUP_TIMEOUT_S = 15.0


def backend_config(servers: list[tuple[str, str, int]]) -> str:
    """`backend replicas` with one `server` line per (name, address, port); the name is also
    the cookie value that keeps a visitor on that replica."""
    lines = ["backend replicas"]
    lines += [
        f"    server {name} {address}:{port} cookie {name}" for name, address, port in servers
    ]
    return "\n".join(lines) + "\n"


@dataclass
class HAProxy:
    """A running HAProxy in the foreground of its own process group."""

    process: subprocess.Popen
    bind: str
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://{self.bind}"

    def log_tail(self, lines: int = 30) -> str:
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        stop_process_group(self.process)


def start_haproxy(
    servers: list[tuple[str, str, int]],
    work_dir: Path,
    address: str = "127.0.0.1",
    port: int = 8501,
    extra_env: dict[str, str] | None = None,
) -> HAProxy:
    """Check the configuration, start HAProxy and wait until it accepts connections."""
    if not HAPROXY.exists():
        raise RuntimeError(f"HAProxy is not installed at {HAPROXY} (make haproxy)")
    work_dir.mkdir(parents=True, exist_ok=True)
    backends = work_dir / "replicas.cfg"
    backends.write_text(backend_config(servers), encoding="utf-8")
    bind = f"{address}:{port}"
    env = {**os.environ, "FRONT_BIND": bind, **(extra_env or {})}
    command = [str(HAPROXY), "-db", "-f", str(SHARED_CONFIG), "-f", str(backends)]
    check = subprocess.run(
        [*command[:1], "-c", *command[2:]], env=env, capture_output=True, text=True, timeout=30
    )
    if check.returncode != 0:
        raise RuntimeError(f"HAProxy rejected its configuration:\n{check.stdout}{check.stderr}")
    log_path = work_dir / "haproxy.log"
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(
            command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    proxy = HAProxy(process, bind, log_path)
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"HAProxy exited with code {process.returncode}:\n{proxy.log_tail()}"
            )
        if accepts_connections(address, port):
            return proxy
        time.sleep(0.1)
    proxy.stop()
    raise RuntimeError(f"HAProxy did not listen on {bind} within {STARTUP_TIMEOUT_S:.0f} s")
