"""Map first (ui/map_first.py): a new visitor's map page gets its map alone, and the rest once
the map's frame has reported the map on screen. Read from the websocket frames the browser
exchanged, in order."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, WebSocket
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.browser.leaflet import map_frame, wait_for_layer_count
from tests.browser.navigation import SIDEBAR_FILTERS, open_app

pytestmark = pytest.mark.browser

EDITION_2_CITIES = 20  # data/cities.csv
MAP_COMPONENT = "footprint_map"


class Exchange:
    """Every websocket frame of a page, in the order the browser sent or received it."""

    def __init__(self, page: Page) -> None:
        self.frames: list[tuple[str, bytes]] = []
        page.on("websocket", self._follow)

    def _follow(self, socket: WebSocket) -> None:
        socket.on("framesent", lambda payload: self.frames.append(("sent", payload)))
        socket.on("framereceived", lambda payload: self.frames.append(("received", payload)))

    def split_at_map_report(self) -> tuple[set[str], BackMsg, set[str]]:
        """Element kinds received before the map's report, the report, the kinds after it."""
        before: set[str] = set()
        after: set[str] = set()
        map_ids: set[str] = set()
        report = None
        for direction, payload in self.frames:
            if direction == "sent":
                message = BackMsg.FromString(payload)
                if report is None and _reports(message, map_ids):
                    report = message
                continue
            message = ForwardMsg.FromString(payload)
            if message.WhichOneof("type") == "delta" and message.delta.HasField("new_element"):
                element = message.delta.new_element
                kind = element.WhichOneof("type")
                (before if report is None else after).add(kind)
                if (
                    kind == "component_instance"
                    and MAP_COMPONENT in element.component_instance.component_name
                ):
                    map_ids.add(element.component_instance.id)
        assert report is not None, "the map's frame never reported"
        return before, report, after


def _reports(message: BackMsg, map_ids: set[str]) -> bool:
    """Whether a message from the browser carries the map's report."""
    if message.WhichOneof("type") != "rerun_script":
        return False
    return any(
        widget.id in map_ids and widget.json_value == "true"
        for widget in message.rerun_script.widget_states.widgets
    )


def test_the_map_comes_first_and_the_rest_follows_its_report(app_server, watch):
    exchange = Exchange(watch.page)
    open_app(watch.page, app_server, "/?edition=2&lang=en")
    wait_for_layer_count(map_frame(watch.page), "city-marker", EDITION_2_CITIES)

    before, report, after = exchange.split_at_map_report()
    assert "component_instance" in before
    assert not {"multiselect", "selectbox", "metric"} & before, before
    assert {"multiselect", "selectbox", "metric"} <= after, after
    assert report.rerun_script.query_string == "edition=2&lang=en"
    assert watch.page.locator(SIDEBAR_FILTERS).is_visible()
    assert watch.page.get_by_test_id("stMetric").first.is_visible()
    watch.assert_clean()


def test_other_pages_draw_their_filters_at_once(app_server, watch):
    """A deep link to another page: its first run has the filters, and no second run."""
    exchange = Exchange(watch.page)
    open_app(watch.page, app_server, "/editions?lang=en")
    assert watch.page.locator(SIDEBAR_FILTERS).is_visible()
    sent = [BackMsg.FromString(payload) for way, payload in exchange.frames if way == "sent"]
    assert [message.WhichOneof("type") for message in sent].count("rerun_script") == 1
    # Streamlit's frontend first asks for /editions/_stcore/health (404) on a deep link.
    assert watch.outside_requests == [] and watch.page_errors == []
