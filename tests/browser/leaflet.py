"""Find the map's frame (the app's own map component, or st_folium's in the organizers'
workspace) and count its Leaflet layers by marker class.

The cities are drawn on a canvas, with no DOM node each, so the count comes from the Leaflet
map object itself (`window.map._layers` in the component's frame, the cities' layer counted a
marker at a time through its `markers()`), never from the DOM.
"""

from __future__ import annotations

import time

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Frame, Page

from tests.browser.js import script

MAP_FRAME_SELECTOR = 'iframe[title*="footprint_map"], iframe[title*="st_folium"]'
MAP_TIMEOUT_MS = 60_000
COUNT_TIMEOUT_S = 30.0
# A count must hold over this many consecutive polls before it is trusted: Streamlit may
# rerun and redraw just after a first drawing.
STABLE_POLLS = 4
POLL_INTERVAL_S = 0.25


def map_frame(page: Page, timeout_ms: float = MAP_TIMEOUT_MS) -> Frame:
    """The map's frame, once Leaflet's `window.map` exists and is loaded."""
    element = page.wait_for_selector(MAP_FRAME_SELECTOR, state="attached", timeout=timeout_ms)
    frame = element.content_frame()
    assert frame is not None, "the map's iframe has no frame"
    frame.wait_for_function(
        "() => window.map && window.map._loaded && window.map._layers", timeout=timeout_ms
    )
    return frame


def count_layers(frame: Frame, class_name: str) -> int:
    """How many Leaflet layers and city markers carry `class_name` in `options.className`."""
    return frame.evaluate(script("count_layers"), class_name)


def wait_for_layer_count(
    frame: Frame, class_name: str, expected: int, timeout_s: float = COUNT_TIMEOUT_S
) -> None:
    """Poll until exactly `expected` layers carry `class_name` and the count holds steady."""
    deadline = time.monotonic() + timeout_s
    history: list[int] = []
    steady = 0
    while time.monotonic() < deadline:
        count = _safe_count(frame, class_name)
        if not history or history[-1] != count:
            history.append(count)
        steady = steady + 1 if count == expected else 0
        if steady >= STABLE_POLLS:
            return
        time.sleep(POLL_INTERVAL_S)
    raise AssertionError(
        f"expected {expected} '{class_name}' layers within {timeout_s:.0f} s; "
        f"counts seen in order: {history}"
    )


def _safe_count(frame: Frame, class_name: str) -> int:
    """The count, or -1 while the map is being rebuilt (no `window.map` for a moment)."""
    try:
        return frame.evaluate(
            "(className) => (window.map && window.map._layers)"
            f" ? ({script('count_layers')})(className) : -1",
            class_name,
        )
    except PlaywrightError as error:
        if frame.is_detached():
            raise AssertionError("the map's frame was detached: the map was remounted") from error
        if "Execution context was destroyed" in error.message:
            return -1  # the frame is loading a new document; the next poll will see it
        raise


def rendered_texts(
    frame: Frame,
    class_name: str,
    near: tuple[float, float] | None = None,
    leave_open: bool = False,
) -> list[dict[str, str]]:
    """The text each `class_name` layer's tooltip and popup show once opened: only the layers at
    `near` (latitude, longitude) if given, each closed again unless `leave_open`."""
    return frame.evaluate(
        script("open_markers"),
        {"className": class_name, "near": near, "leaveOpen": leave_open},
    )


def settle(frame: Frame) -> None:
    """Wait until the map has stopped moving (a first fit may animate), then for two frames:
    what is measured next is what stays on screen."""
    frame.wait_for_function(script("map_settled"))
    frame.evaluate(script("two_frames"))
