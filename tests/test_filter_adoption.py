"""A change the browser sends before the session has drawn the filters is kept.

Spoken over Streamlit's websocket protocol (bench/streamlit_session.py), as a browser that
reconnects to a new session (another replica, a restarted server) with the visitor's change in
its first message, or a visitor whose change follows the page's first request at once and
cuts that run short: Streamlit calls no on_change for widgets a session never drew, so the
filters adopt the values the browser sends until a run has drawn them (ui/filters.py). Where
exactly the change lands in the first run depends on timing; the fix covers every point of
it, and a removed adoption fails these tests.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.load_scenarios import CONTINENT
from bench.streamlit_session import StreamlitSession, run_async
from deploy.replicas import Replica
from tests.one_replica import one_replica

PAGE = "edition=all&lang=en"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replica]:
    """The dashboard on the bundled data, one process on a free loopback port."""
    yield from one_replica(tmp_path_factory.mktemp("adoption-server"))


@pytest.fixture
def fresh_server(tmp_path) -> Iterator[Replica]:
    """A server no one has visited yet: its first run starts in Streamlit's legacy pages mode."""
    yield from one_replica(tmp_path)


def test_a_fresh_servers_first_visitor_keeps_their_first_change(fresh_server: Replica) -> None:
    """The first run of a fresh server must draw the filters under the ids of every later run
    (ui/routing.py), or the visitor's first change is sent under ids no longer drawn."""

    async def scenario() -> tuple[dict[str, str], dict[str, str], str, str]:
        first = StreamlitSession(fresh_server.url, PAGE)
        second = StreamlitSession(fresh_server.url, PAGE)
        try:
            await first.open()
            await second.open()
            ids = {key: widget.widget_id for key, widget in first.widgets.items()}
            later_ids = {key: widget.widget_id for key, widget in second.widgets.items()}
            later = dict((await second.choose("continents_", [CONTINENT])).metrics)
            europe = dict((await first.choose("continents_", [CONTINENT])).metrics)
            return ids, later_ids, later["Cities"], europe["Cities"]
        finally:
            await first.close()
            await second.close()

    ids, later_ids, europe_later, europe_first = run_async(scenario())
    assert ids == later_ids
    assert europe_first == europe_later


async def _europe_widgets(url: str) -> tuple[dict, WidgetState, str, str]:
    """The sidebar's widgets as a browser holds them once Europe is picked, its map frame's
    report (a browser that has the filters has shown its map: ui/map_first.py), and the
    Cities card of both views."""
    browser = StreamlitSession(url, PAGE)
    try:
        everything = await browser.open()
        europe = await browser.choose("continents_", [CONTINENT])
        return (
            copy.deepcopy(browser.widgets),
            copy.deepcopy(browser.map_report),
            dict(everything.metrics)["Cities"],
            dict(europe.metrics)["Cities"],
        )
    finally:
        await browser.close()


def test_a_change_right_behind_the_first_request_is_adopted(server: Replica) -> None:
    async def scenario() -> tuple[str, str, str, str]:
        widgets, map_report, all_cities, europe_cities = await _europe_widgets(server.url)
        visitor = StreamlitSession(server.url, PAGE)
        try:
            await visitor.connect()
            await visitor.send_rerun()  # the page's first message: no widget state yet
            visitor.widgets, visitor.map_report = widgets, map_report
            await visitor.send_rerun()  # the change, at once, on the same session
            shown = dict((await visitor.next_run()).metrics)["Cities"]
            if shown != europe_cities:  # the first run ended before the change arrived
                shown = dict((await visitor.next_run()).metrics)["Cities"]
            return all_cities, europe_cities, shown, visitor.query_string
        finally:
            await visitor.close()

    all_cities, europe_cities, shown, query = run_async(scenario())
    assert all_cities != europe_cities
    assert shown == europe_cities
    assert f"continent={CONTINENT}" in query


def test_a_reconnection_carrying_a_change_is_adopted(server: Replica) -> None:
    async def scenario() -> tuple[str, str]:
        widgets, map_report, _, europe_cities = await _europe_widgets(server.url)
        reconnected = StreamlitSession(server.url, PAGE)
        try:
            await reconnected.connect()
            # Its first message already holds the change, and the map's report.
            reconnected.widgets, reconnected.map_report = widgets, map_report
            await reconnected.send_rerun()
            return europe_cities, dict((await reconnected.next_run()).metrics)["Cities"]
        finally:
            await reconnected.close()

    europe_cities, shown = run_async(scenario())
    assert shown == europe_cities
