"""The load benchmark's harness really loads the page: three websocket sessions against one
server each receive the map and the cards, with the numbers the library computes."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import loadtest
from bench.load_report import Row, rate_lines, table, targets, throughput_lines
from bench.load_scenarios import CONTINENT, ScenarioResult, Visit, burst, percentile
from bench.readme_block import replace_block
from bench.streamlit_session import SessionError, StreamlitSession, run_async
from deploy.replicas import Replica
from footprint.filters import Filters
from footprint.i18n import format_number
from footprint.metrics import counts
from footprint.places import places, visible_places
from tests.one_replica import one_replica


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replica]:
    """The dashboard on the bundled data, one process on a free loopback port."""
    yield from one_replica(tmp_path_factory.mktemp("loadtest-server"))


def expected_cities(bundled, continents: tuple[str, ...] = ()) -> str:
    """The Cities card as the page should show it in English, from the library."""
    _, located = bundled
    view = visible_places(places(located, None), Filters(None, continents, "en"))
    return format_number(counts(view).cities, "en")


def test_three_visitors_each_get_the_map_and_the_cards(server: Replica) -> None:
    visits = run_async(burst(server.url, 3, 0.0))
    assert [visit.error for visit in visits] == ["", "", ""]
    for visit in visits:
        assert visit.first_page is not None and visit.first_page > 0
        assert len(visit.changes) == 2 and all(seconds > 0 for seconds in visit.changes)


def test_a_session_reads_what_the_page_shows(server: Replica, bundled) -> None:
    async def scenario() -> None:
        session = StreamlitSession(server.url, "edition=all&lang=en")
        try:
            first = await session.open()
            assert session.session_id
            map_args = json.loads(first.map_args)
            assert "L.map(" in map_args["script"]
            assert "window.footprint.cities(" in map_args["feature_group"]  # the markers layer
            assert dict(first.metrics)["Cities"] == expected_cities(bundled)
            assert first.exceptions == []

            europe = await session.choose("continents_", [CONTINENT])
            assert europe.has_map
            assert dict(europe.metrics)["Cities"] == expected_cities(bundled, (CONTINENT,))
            assert "continent=Europe" in session.query_string  # the URL follows, as in a tab

            edition = session.widget("edition_").options[2]
            one_edition = await session.choose("edition_", edition)
            assert one_edition.has_map
            # Beyond the three count cards, the edition's figure cards.
            assert len(one_edition.metrics) > 3
            assert "edition=2" in session.query_string
        finally:
            await session.close()

    run_async(scenario())


def test_an_option_the_page_does_not_offer_is_refused(server: Replica) -> None:
    async def scenario() -> None:
        session = StreamlitSession(server.url, "lang=en")
        try:
            await session.open()
            with pytest.raises(SessionError, match="no option"):
                await session.choose("continents_", ["Atlantis"])
            with pytest.raises(SessionError, match="no widget"):
                session.widget("nonexistent_")
        finally:
            await session.close()

    run_async(scenario())


def test_percentile_is_a_time_some_visitor_waited() -> None:
    values = [float(n) for n in range(1, 21)]
    assert percentile(values, 0.95) == 19.0
    assert percentile(values, 0.5) == 10.0
    assert percentile([0.3], 0.95) == 0.3
    assert percentile([], 0.5) is None


def test_readme_block_is_replaced_in_place_keeping_permissions(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("intro\n<!-- loadtest:start -->\nold\n<!-- loadtest:end -->\nend\n")
    os.chmod(readme, 0o640)
    assert replace_block(readme, "loadtest", "| new |")
    assert (
        readme.read_text()
        == "intro\n<!-- loadtest:start -->\n| new |\n<!-- loadtest:end -->\nend\n"
    )
    assert readme.stat().st_mode & 0o777 == 0o640
    assert list(tmp_path.iterdir()) == [readme]  # no draft left behind


def test_readme_without_markers_is_left_alone(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("no markers here\n")
    assert not replace_block(readme, "loadtest", "| new |")
    assert readme.read_text() == "no markers here\n"


def _result(name: str, first_pages: list[float], errors: int = 0) -> ScenarioResult:
    visits = [Visit(started=0.0, first_page=s, changes=[s / 2], finished=2.0) for s in first_pages]
    visits += [Visit(started=0.0, error="SessionError: no map", finished=2.0)] * errors
    server_cpu = 0.2 * len(visits)  # 200 ms of server CPU a visit
    return ScenarioResult(name, visits, 250_000_000, server_cpu, client_cpu_s=1.5)


def test_the_report_shows_what_was_measured_against_the_targets() -> None:
    burst_50 = _result("burst 50", [0.5] * 47 + [2.5] * 3)
    ten_k = _result("10/s for 10 s", [0.2] * 99, errors=1)
    rows = [Row("bundled", burst_50, "1 process"), Row("10000", ten_k, "1 process")]
    text = table(rows)
    assert (
        "| 1 process | bundled | burst 50 | 50 | 0.50 / 2.50 | 0.25 / 1.25 | 25.0 | 0 | 250 "
        "| 200 | 1.5 |" in text
    )
    # 99 visits done in 2 s, and the failed one counted as an error, not as a time.
    ten_k_row = (
        "| 1 process | 10000 | 10/s for 10 s | 100 | 0.20 / 0.20 | 0.10 / 0.10 | 49.5 | 1 | 250 "
        "| 200 | 1.5 |"
    )
    assert ten_k_row in text
    assert targets(rows) == [
        "- **not met**: a burst of 50, p95 ≤ 2 s: 2.500 s, 0 errors",
        "- **not met**: zero errors at 10 a second with 10,000 cities: 1 errors",
    ]
    lines = rate_lines(8, 14, 2, "steady arrivals", 30)
    assert lines[0].startswith("- met: ≥ 8 new visitors a second")
    assert lines[1] == (
        "- met: HAProxy + 2 replicas sustain ≥ 1.7× one process's rate: "
        "14 a second against 8 (1.75×)"
    )
    assert rate_lines(8, 30, 2, "steady arrivals", 30)[1].endswith(
        "(the ladder's top: a lower bound)"
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["--via", "http://example.org:8501"],
        ["--via", "http://10.0.0.5:8501"],
        ["--via", "http://localhost.example.org"],
        ["--bursts", "5000"],
        ["--rates", "200", "--duration", "60"],
        ["--duration", "3600", "--rates", "0.1"],
    ],
)
def test_the_benchmark_loads_only_this_machine_within_bounds(argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        loadtest.parse_args(argv)


def test_loopback_addresses_are_accepted() -> None:
    for url in ("http://127.0.0.1:8501", "http://localhost:8501", "http://[::1]:8501"):
        assert loadtest.parse_args(["--via", url]).via == url


def test_saturated_throughput_is_compared_on_the_same_burst() -> None:
    label = "HAProxy + 2 replicas"
    rows = [
        Row("bundled", _result("burst 100", [1.0] * 100), "1 process"),  # 100 in 2 s
        Row("bundled", ScenarioResult("burst 100", [Visit(0.0, 1.0, [], "", 1.0)] * 100), label),
        Row("10000", _result("burst 100", [1.0] * 10), "1 process"),  # other data: ignored
    ]
    assert throughput_lines(rows, 100, label) == [
        "- Saturated, a burst of 100 on the bundled data: one process 50.0 sessions a second, "
        "HAProxy + 2 replicas 100.0 (2.00×)"
    ]
    assert throughput_lines(rows[:1], 100, label) == []


def test_a_visit_reports_the_map_shown_as_the_browser_does(server: Replica) -> None:
    """The map page's first run holds the map alone (ui/map_first.py); the visitor reports it
    shown, as the map's frame does, and only then gets the filters and the cards."""

    async def scenario() -> None:
        session = StreamlitSession(server.url, "edition=2&lang=en")
        try:
            map_only = await session.open(map_frame=False)
            assert map_only.has_map and not map_only.metrics
            assert not any(key.startswith("continents_") for key in session.widgets)
            await session.close()
            session = StreamlitSession(server.url, "edition=2&lang=en")
            whole = await session.open()
            assert whole.has_map and whole.metrics
            assert session.widget("continents_")
        finally:
            await session.close()

    run_async(scenario())
