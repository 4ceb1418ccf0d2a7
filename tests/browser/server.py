"""Start and stop `streamlit run app.py` on a free port, one process group per data folder."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from deploy.processes import free_port, stop_process_group
from deploy.processes import streamlit_healthy as _health_ok  # the name test_workspace uses

REPO = Path(__file__).resolve().parents[2]
# Streamlit's first start on a fresh machine compiles and caches a lot: be generous.
STARTUP_TIMEOUT_S = 90.0


@dataclass
class StreamlitServer:
    """A running dashboard; `url` is its root, `log_path` holds its stdout and stderr."""

    process: subprocess.Popen
    port: int
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log_tail(self, lines: int = 40) -> str:
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        """Stop the whole process group, so no watcher or child outlives the tests."""
        stop_process_group(self.process)


def start_streamlit(data_dir: Path | None, log_path: Path) -> StreamlitServer:
    """Run the app like `make run` does, on `data_dir` (None: the bundled data)."""
    port = free_port()
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    env.pop("FOOTPRINT_DATA_DIR", None)
    if data_dir is not None:
        env["FOOTPRINT_DATA_DIR"] = str(data_dir)
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--server.fileWatcherType",
        "none",
    ]
    log_file = log_path.open("w", encoding="utf-8")
    process = subprocess.Popen(
        command,
        cwd=REPO,
        env=env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    log_file.close()
    server = StreamlitServer(process, port, log_path)
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"streamlit exited with code {process.returncode} before it was healthy:\n"
                f"{server.log_tail()}"
            )
        if _health_ok(server.url):
            return server
        time.sleep(0.25)
    server.stop()
    raise RuntimeError(
        f"streamlit was not healthy after {STARTUP_TIMEOUT_S:.0f} s:\n{server.log_tail()}"
    )
