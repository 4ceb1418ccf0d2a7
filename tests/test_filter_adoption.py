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

from bench.load_scenarios import CONTINENT
from bench.streamlit_session import StreamlitSession, run_async
from deploy.processes import free_port
from deploy.replicas import Replica, start_replicas, stop_all

PAGE = "edition=all&lang=en"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replica]:
    """The dashboard on the bundled data, one process on a free loopback port."""
    try:
        replicas = start_replicas(1, [free_port()], tmp_path_factory.mktemp("adoption-server"))
    except RuntimeError as error:
        pytest.fail(str(error))
    try:
        yield replicas[0]
    finally:
        stop_all(replicas)


async def _europe_widgets(url: str) -> tuple[dict, str, str]:
    """The sidebar's widgets as a browser holds them once Europe is picked, with the Cities
    card of both views."""
    browser = StreamlitSession(url, PAGE)
    try:
        everything = await browser.open()
        europe = await browser.choose("continents_", [CONTINENT])
        return (
            copy.deepcopy(browser.widgets),
            dict(everything.metrics)["Cities"],
            dict(europe.metrics)["Cities"],
        )
    finally:
        await browser.close()


def test_a_change_right_behind_the_first_request_is_adopted(server: Replica) -> None:
    async def scenario() -> tuple[str, str, str, str]:
        widgets, all_cities, europe_cities = await _europe_widgets(server.url)
        visitor = StreamlitSession(server.url, PAGE)
        try:
            await visitor.connect()
            await visitor.send_rerun()  # the page's first message: no widget state yet
            visitor.widgets = widgets
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
        widgets, _, europe_cities = await _europe_widgets(server.url)
        reconnected = StreamlitSession(server.url, PAGE)
        try:
            await reconnected.connect()
            reconnected.widgets = widgets  # its first message already holds the change
            await reconnected.send_rerun()
            return europe_cities, dict((await reconnected.next_run()).metrics)["Cities"]
        finally:
            await reconnected.close()

    europe_cities, shown = run_async(scenario())
    assert shown == europe_cities
