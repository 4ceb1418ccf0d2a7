"""Nominatim against a stub server on 127.0.0.1: no test ever reaches the internet."""

import json
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from geo.cache import GeoCache
from geo.online import OnlineGeocoder
from geo.resolver import Resolver
from tests.geo_fixtures.support import REPO_ROOT, geo_env, index_dir  # noqa: F401

COCODY_REPLY = [
    {
        "place_id": 1,
        "lat": "5.3599",
        "lon": "-3.9806",
        "name": "Cocody",
        "display_name": "Cocody, Abidjan, Côte d'Ivoire",
        "address": {"suburb": "Cocody", "country_code": "ci"},
    }
]


class StubNominatim(BaseHTTPRequestHandler):
    def do_GET(self):
        server = self.server
        server.calls.append((time.monotonic(), self.path, self.headers.get("User-Agent")))
        mode = server.mode
        if mode == "slow":
            time.sleep(1.5)
        if mode in {403, 429, 500, 503}:
            self._reply(mode, b'{"error": "no"}')
        elif mode == "malformed":
            self._reply(200, b"<html>not json")
        elif mode == "wrong_shape":
            self._reply(200, json.dumps([{"display_name": "x"}]).encode())
        elif mode == "empty":
            self._reply(200, b"[]")
        else:
            self._reply(200, json.dumps(COCODY_REPLY).encode())

    def _reply(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        """Keep the test output clean."""


@pytest.fixture
def stub():
    server = ThreadingHTTPServer(("127.0.0.1", 0), StubNominatim)
    server.calls, server.mode = [], "ok"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def online(stub, **options) -> OnlineGeocoder:
    options.setdefault("min_delay_seconds", 0.05)
    options.setdefault("timeout", 0.5)
    return OnlineGeocoder(domain=f"127.0.0.1:{stub.server_port}", scheme="http", **options)


def resolver_with(stub, tmp_path, **options) -> Resolver:
    return Resolver(GeoCache(tmp_path / "geocache.csv"), online=online(stub, **options))


def test_calls_are_spaced_by_the_rate_limiter(stub):
    geocoder = online(stub, min_delay_seconds=0.5)
    for _ in range(3):
        assert geocoder.geocode("Cocody") is not None
    times = [call[0] for call in stub.calls]
    assert len(times) == 3
    gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
    assert all(0.4 <= gap < 10 for gap in gaps), gaps


def test_public_nominatim_is_never_called_faster_than_once_a_second():
    geocoder = OnlineGeocoder(min_delay_seconds=0.1)
    assert geocoder._limited_geocode.min_delay_seconds >= 1.0


def test_user_agent_comes_from_configuration(stub, monkeypatch):
    monkeypatch.setenv("GEO_USER_AGENT", "footprint-tests (contact: tests@example.org)")
    online(stub).geocode("Cocody")
    assert stub.calls[0][2] == "footprint-tests (contact: tests@example.org)"


def test_default_user_agent_names_a_contact(stub):
    online(stub).geocode("Cocody")
    assert "contact" in stub.calls[0][2]


def test_query_and_country_reach_the_server(stub):
    location = online(stub).geocode("Cocody", country_codes="CI")
    assert "q=Cocody" in stub.calls[0][1] and "countrycodes=ci" in stub.calls[0][1].lower()
    assert (round(location.latitude, 2), round(location.longitude, 2)) == (5.36, -3.98)


@pytest.mark.parametrize("mode", [403, 429, 500, 503, "malformed", "wrong_shape", "slow"])
def test_failures_fall_back_to_the_gazetteer_and_are_reported(stub, tmp_path, mode):
    stub.mode = mode
    resolver = resolver_with(stub, tmp_path)
    unknown = resolver.resolve("Cocody", "CI")
    known = resolver.resolve("Copenhague", "DK")
    assert not unknown.resolved
    assert known.resolved and known.provider == "gazetteer"
    assert len(resolver.online_errors) == 1 and "Cocody" in resolver.online_errors[0]
    resolver.flush()
    assert GeoCache(tmp_path / "geocache.csv").find("Cocody", "CI") is None


def test_online_is_asked_only_for_what_the_gazetteer_cannot_find(stub, tmp_path):
    resolver = resolver_with(stub, tmp_path)
    assert resolver.resolve("Londres", "GB").provider == "gazetteer"
    assert stub.calls == []


def test_online_results_are_cached_and_not_asked_again(stub, tmp_path):
    resolver = resolver_with(stub, tmp_path)
    found = resolver.resolve("Cocody", "CI")
    assert (found.provider, found.country_code, found.name) == ("nominatim", "CI", "Cocody")
    resolver.flush()
    row = GeoCache(tmp_path / "geocache.csv").find("cocody", "CI")
    assert row.provider == "nominatim"
    again = resolver_with(stub, tmp_path).resolve("Cocody", "CI")
    assert again.source == "cached"
    assert len(stub.calls) == 1


def test_not_found_online_stays_unresolved_with_suggestions(stub, tmp_path):
    stub.mode = "empty"
    resolver = resolver_with(stub, tmp_path)
    result = resolver.resolve("Barcelonnette-sur-Zorg")
    assert not result.resolved and resolver.online_errors == []


def test_cli_online_failure_is_reported_not_a_crash(stub, geo_env):  # noqa: F811
    stub.mode = 500
    environment = {
        **__import__("os").environ,
        "GEO_NOMINATIM_DOMAIN": f"127.0.0.1:{stub.server_port}",
        "GEO_NOMINATIM_SCHEME": "http",
    }
    run = subprocess.run(
        [sys.executable, "-m", "geo", "lookup", "Cocody", "--country", "CI", "--online"],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=environment,
        timeout=120,
        check=False,
    )
    assert run.returncode == 1
    assert "online geocoder failed" in run.stderr and "GeocoderServiceError" in run.stderr
    assert len(stub.calls) == 1
