"""`make serve`'s front door: HAProxy (deploy/haproxy.cfg) in front of one replica adds the
security headers, keeps a visitor on its replica with a cookie, lets the websocket through,
limits organizer sign-in attempts, and the replica's shared secret never shows."""

from __future__ import annotations

import os
import subprocess
import tomllib
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import psutil
import pytest

from bench.streamlit_session import StreamlitSession, run_async
from deploy.haproxy import HAPROXY, HAProxy, backend_config, start_haproxy
from deploy.processes import free_port
from deploy.replicas import Replica, launch_replica
from deploy.secret import SECRET_ENV, cookie_secret
from footprint.auth import TOKEN_HASH_ENV
from tests.one_replica import one_replica

REPO = Path(__file__).resolve().parents[1]
SIGNIN_LIMIT = 3  # sign-in requests a minute in these tests (10 by default)

pytestmark = pytest.mark.skipif(
    not HAPROXY.exists(), reason=f"HAProxy is not installed at {HAPROXY} (make haproxy)"
)


@pytest.fixture(scope="module")
def secret(tmp_path_factory: pytest.TempPathFactory) -> str:
    return cookie_secret(tmp_path_factory.mktemp("secret") / "cookie_secret")


@pytest.fixture(scope="module")
def replica(tmp_path_factory: pytest.TempPathFactory, secret: str) -> Iterator[Replica]:
    yield from one_replica(tmp_path_factory.mktemp("haproxy-replica"), cookie_secret=secret)


def _proxy(replica: Replica, work_dir: Path, env: dict[str, str]) -> Iterator[HAProxy]:
    servers = [(replica.name, replica.address, replica.port)]
    try:
        proxy = start_haproxy(servers, work_dir, port=free_port(), extra_env=env)
    except RuntimeError as error:
        pytest.fail(str(error))
    try:
        yield proxy
    finally:
        proxy.stop()


@pytest.fixture(scope="module")
def proxy(replica: Replica, tmp_path_factory: pytest.TempPathFactory) -> Iterator[HAProxy]:
    env = {"SIGNIN_RATE_LIMIT": str(SIGNIN_LIMIT)}
    yield from _proxy(replica, tmp_path_factory.mktemp("haproxy"), env)


def get(url: str) -> tuple[int, Message]:
    """Status and headers, without raising on 4xx/5xx."""
    request = urllib.request.Request(url)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def test_security_headers_on_every_answer(proxy: HAProxy) -> None:
    for path in ("/", "/_stcore/health", "/app/static/vendor/leaflet/leaflet.js", "/nope"):
        status, headers = get(proxy.url + path)
        assert status in (200, 404), path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["X-Frame-Options"] == "SAMEORIGIN", path
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin", path


def test_visitor_is_stuck_to_its_replica_by_an_httponly_cookie(
    proxy: HAProxy, replica: Replica
) -> None:
    _, headers = get(proxy.url + "/")
    cookies = headers.get_all("Set-Cookie")
    sticky = [cookie for cookie in cookies if cookie.startswith("fp_replica=")]
    assert sticky == [f"fp_replica={replica.name}; path=/; HttpOnly; SameSite=Lax"]


def test_xsrf_protection_is_on_behind_the_proxy(proxy: HAProxy) -> None:
    _, headers = get(proxy.url + "/_stcore/health")
    assert any(c.startswith("_streamlit_xsrf=") for c in headers.get_all("Set-Cookie"))
    # An upload without the XSRF token is refused before anything is read.
    request = urllib.request.Request(
        proxy.url + "/_stcore/upload_file/session/file", data=b"x", method="PUT"
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403


def test_upload_size_is_capped_in_the_config() -> None:
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableXsrfProtection"] is True
    assert 0 < config["server"]["maxUploadSize"] <= 50  # megabytes; Streamlit's default is 200


def test_the_served_app_watches_no_source_files() -> None:
    """`make run` reads this config: a file watcher held every new session's messages."""
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["fileWatcherType"] == "none"


def test_a_whole_session_passes_through_the_websocket(proxy: HAProxy) -> None:
    async def scenario() -> None:
        session = StreamlitSession(proxy.url, "edition=all&lang=en")
        try:
            run = await session.open()
            assert run.is_full_page
            changed = await session.choose("continents_", ["Europe"])
            assert changed.is_full_page
        finally:
            await session.close()

    run_async(scenario())


def test_organizer_sign_in_attempts_are_rate_limited(proxy: HAProxy) -> None:
    attempts = ["/?organizer=1", "/signin", "/organizers", "/?lang=en&organizer=x", "/signin/"]
    answers = [get(proxy.url + path) for path in attempts * 2]
    statuses = [status for status, _ in answers]
    assert statuses[:SIGNIN_LIMIT] == [200] * SIGNIN_LIMIT
    assert set(statuses[SIGNIN_LIMIT:]) == {429}
    refused_headers = answers[-1][1]
    assert refused_headers["X-Content-Type-Options"] == "nosniff"  # HAProxy's own answer too
    assert refused_headers["X-Frame-Options"] == "SAMEORIGIN"
    assert get(proxy.url + "/?lang=en")[0] == 200  # the public page stays open


def test_embedding_origins_replace_the_frame_ban(
    replica: Replica, tmp_path_factory: pytest.TempPathFactory
) -> None:
    env = {"FRAME_ANCESTORS": "https://partner.example"}
    for embedding in _proxy(replica, tmp_path_factory.mktemp("haproxy-embed"), env):
        _, headers = get(embedding.url + "/")
        assert headers["X-Frame-Options"] is None
        csp = "frame-ancestors 'self' https://partner.example"
        assert headers["Content-Security-Policy"] == csp


def test_the_shared_secret_stays_out_of_command_lines_and_logs(
    replica: Replica, secret: str, proxy: HAProxy
) -> None:
    process = psutil.Process(replica.process.pid)
    assert secret not in " ".join(process.cmdline())
    assert process.environ()[SECRET_ENV] == secret
    assert secret not in replica.log_path.read_text(encoding="utf-8")
    assert secret not in proxy.log_path.read_text(encoding="utf-8")
    assert secret not in backend_config([(replica.name, replica.address, replica.port)])


def test_the_secret_file_is_private_and_made_once(tmp_path: Path) -> None:
    path = tmp_path / "serve" / "cookie_secret"
    first = cookie_secret(path)
    assert len(first) >= 32
    assert path.stat().st_mode & 0o777 == 0o600
    assert cookie_secret(path) == first
    assert sorted(p.name for p in path.parent.iterdir()) == ["cookie_secret"]


def test_replicas_listen_on_loopback_only(replica: Replica) -> None:
    listening = {
        connection.laddr.ip
        for connection in psutil.Process(replica.process.pid).net_connections("inet")
        if connection.status == psutil.CONN_LISTEN
    }
    assert listening == {"127.0.0.1"}


def test_replicas_never_honour_the_one_time_link(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Behind HAProxy every visitor comes from this machine, which the link trusts."""
    monkeypatch.setenv(TOKEN_HASH_ENV, "0" * 64)
    replica = launch_replica("linkless", free_port(), tmp_path)
    try:
        assert TOKEN_HASH_ENV not in psutil.Process(replica.process.pid).environ()
    finally:
        replica.stop()


def test_the_container_layout_uses_a_valid_haproxy_configuration() -> None:
    """deploy/compose.yaml runs the same haproxy.cfg with the DNS-filled server list (Docker
    itself does not run here: this is as far as the container files are tested)."""
    deploy = REPO / "deploy"
    check = subprocess.run(
        [
            str(HAPROXY),
            "-c",
            "-f",
            str(deploy / "haproxy.cfg"),
            "-f",
            str(deploy / "compose-replicas.cfg"),
        ],
        env={**os.environ, "FRONT_BIND": ":8501"},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    compose = (deploy / "compose.yaml").read_text(encoding="utf-8")
    assert "./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro" in compose
    assert "STREAMLIT_SERVER_COOKIE_SECRET: ${STREAMLIT_SERVER_COOKIE_SECRET:?" in compose
    dockerfile = (deploy / "Dockerfile").read_text(encoding="utf-8")
    assert "FROM python:3.11-slim" in dockerfile
    assert "\nUSER footprint\n" in dockerfile and "HEALTHCHECK" in dockerfile
