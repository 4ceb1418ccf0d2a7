"""One visitor's Streamlit session, spoken over the websocket the way the browser speaks it.

The browser (Streamlit 1.67's frontend) first asks `/_stcore/health` and `/_stcore/host-config`
(the health answer sets the `_streamlit_xsrf` cookie), then opens `/_stcore/stream` with the
subprotocols `streamlit, <xsrf token>[, <previous session id>]`, sends a `BackMsg` with
`rerun_script` (the page's query string, no widget state yet) and draws the `ForwardMsg`s until
`script_finished`. A widget change is another `rerun_script` carrying every widget's current
value, the changed one included, plus the hashes of the big messages it already holds (the
server then sends `ref_hash` in their place). This client does the same, without drawing.
"""

from __future__ import annotations

import asyncio
import re
import time
import urllib.request
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.cookiejar import CookieJar
from typing import Any, TypeVar
from urllib.parse import urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

HTTP_TIMEOUT_S = 30.0
STEP_TIMEOUT_S = 60.0
MAP_COMPONENT = "footprint_map"  # ui/map_frame.py's component
# Streamlit's frontend forgets a cached message it has not seen for this many script runs.
MAX_CACHED_MESSAGE_AGE = 2
WIDGET_ID = re.compile(r"^\$\$ID-[0-9a-f]+-(?P<key>.+)$")
WIDGET_KINDS = ("button_group", "selectbox", "multiselect", "checkbox")
T = TypeVar("T")


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run `coroutine` on a fresh event loop in its own thread, so it also works where a loop
    already runs in this thread (Playwright's sync API, in the browser tests)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


class SessionError(RuntimeError):
    """The server did not give this session a full page (closed, timed out, script error)."""


@dataclass
class PageRun:
    """What one script run sent: the map component, the metric cards, every element kind."""

    seconds: float
    map_args: str = ""
    map_id: str = ""
    metrics: list[tuple[str, str]] = field(default_factory=list)
    element_kinds: dict[str, int] = field(default_factory=dict)
    exceptions: list[str] = field(default_factory=list)

    @property
    def has_map(self) -> bool:
        return bool(self.map_args)

    @property
    def is_full_page(self) -> bool:
        """The map and at least one card arrived, and the script raised nothing."""
        return self.has_map and bool(self.metrics) and not self.exceptions


@dataclass
class Widget:
    """A sidebar widget as the browser holds it: its id, its options and its current value."""

    widget_id: str
    kind: str
    options: list[str]
    value: list[str] | str | bool

    def state(self) -> WidgetState:
        state = WidgetState(id=self.widget_id)
        if self.kind == "checkbox":
            state.bool_value = bool(self.value)
        elif self.kind == "selectbox":
            state.string_value = str(self.value)
        else:
            state.string_array_value.data.extend(self.value)
        return state


def widget_from_element(kind: str, element) -> Widget:
    """The value the browser gives a widget when it first draws it (or the one the server set)."""
    if kind == "checkbox":
        return Widget(element.id, kind, [], element.value if element.set_value else element.default)
    if kind == "selectbox":
        options = list(element.options)
        value = element.raw_value if element.set_value else options[element.default]
        return Widget(element.id, kind, options, value)
    if kind == "button_group":
        options = [option.content for option in element.options]
    else:
        options = list(element.options)
    chosen = (
        list(element.raw_values)
        if element.set_value
        else [options[index] for index in element.default]
    )
    return Widget(element.id, kind, options, chosen)


class StreamlitSession:
    """A visitor: `open()` loads the page, `choose()` changes a sidebar widget, `close()`."""

    def __init__(self, base_url: str, query_string: str, locale: str = "en-US") -> None:
        self.base_url = base_url.rstrip("/")
        self.query_string = query_string
        self.locale = locale
        self.widgets: dict[str, Widget] = {}
        self.session_id = ""
        self._cookies = CookieJar()
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self._cookies)
        )
        self._socket = None
        self._page_script_hash = ""
        self._cache: dict[str, tuple[int, ForwardMsg]] = {}
        self._runs = 0
        # The map frame's report (ui/map_first.py), sent with every rerun once made.
        self.map_report: WidgetState | None = None

    async def open(self, map_frame: bool = True) -> PageRun:
        """Load the page as a first visit does; the time runs from the first HTTP request to
        the whole page. The map page's first run sends the map alone (ui/map_first.py); a
        browser's map frame then reports it on screen (`map_frame`), and the rest follows in a
        second run."""
        started = time.perf_counter()
        await self.connect()
        run = await self._run(started)
        if map_frame and run.has_map and not run.metrics and not run.exceptions:
            self.map_report = WidgetState(id=run.map_id, json_value="true")
            run = await self._run(started)
        return run

    async def connect(self) -> None:
        """A first visit's HTTP requests and websocket, before any script run."""
        query = f"?{self.query_string}" if self.query_string else ""
        for path in (f"/{query}", "/_stcore/health", "/_stcore/host-config"):
            await asyncio.to_thread(self._get, path)
        xsrf = self._cookie("_streamlit_xsrf") or "PLACEHOLDER_AUTH_TOKEN"
        self._socket = await websockets.connect(
            "ws" + self.base_url[len("http") :] + "/_stcore/stream",
            subprotocols=["streamlit", xsrf],
            additional_headers=self._socket_headers(),
            open_timeout=HTTP_TIMEOUT_S,
            max_size=None,
        )

    async def choose(self, key_prefix: str, value: list[str] | str) -> PageRun:
        """Set the widget whose key starts with `key_prefix` (its option labels) and rerun."""
        widget = self.widget(key_prefix)
        unknown = set([value] if isinstance(value, str) else value) - set(widget.options)
        if unknown:
            raise SessionError(f"{key_prefix} has no option {sorted(unknown)}")
        widget.value = value
        return await self._run(time.perf_counter())

    def widget(self, key_prefix: str) -> Widget:
        for key, widget in self.widgets.items():
            if key.startswith(key_prefix):
                return widget
        raise SessionError(f"no widget keyed {key_prefix}* on the page: {sorted(self.widgets)}")

    async def close(self) -> None:
        if self._socket is not None:
            await self._socket.close()
            self._socket = None

    def _get(self, path: str) -> None:
        request = urllib.request.Request(self.base_url + path, headers={"Accept": "*/*"})
        with self._opener.open(request, timeout=HTTP_TIMEOUT_S) as response:
            response.read()

    def _cookie(self, name: str) -> str:
        return next((cookie.value for cookie in self._cookies if cookie.name == name), "")

    def _socket_headers(self) -> dict[str, str]:
        parts = urlsplit(self.base_url)
        headers = {"Origin": f"{parts.scheme}://{parts.netloc}"}
        cookies = "; ".join(f"{cookie.name}={cookie.value}" for cookie in self._cookies)
        if cookies:
            headers["Cookie"] = cookies
        return headers

    def _rerun_message(self) -> BackMsg:
        message = BackMsg()
        client = message.rerun_script
        client.query_string = self.query_string
        client.page_script_hash = self._page_script_hash
        client.widget_states.widgets.extend(widget.state() for widget in self.widgets.values())
        if self.map_report is not None:
            client.widget_states.widgets.append(self.map_report)
        client.cached_message_hashes.extend(self._cache)
        context = client.context_info
        context.timezone, context.timezone_offset = "UTC", 0
        context.locale = self.locale
        context.url = self.base_url + "/"
        context.color_scheme = "light"
        return message

    async def _run(self, started: float) -> PageRun:
        await self.send_rerun()
        return await self.next_run(started)

    async def send_rerun(self) -> None:
        """Ask for a script run with the widgets' current values, as the browser does on a
        change, without waiting for it (a quick visitor's next change can follow at once)."""
        if self._socket is None:
            raise SessionError("the session is not open")
        await self._socket.send(self._rerun_message().SerializeToString())
        self._runs += 1

    async def next_run(self, started: float | None = None) -> PageRun:
        """The next script run the server finishes (runs cut short for a rerun are skipped)."""
        if self._socket is None:
            raise SessionError("the session is not open")
        started = time.perf_counter() if started is None else started
        try:
            return await asyncio.wait_for(self._read_run(started), STEP_TIMEOUT_S)
        except TimeoutError as error:
            raise SessionError(f"no script_finished within {STEP_TIMEOUT_S:.0f} s") from error
        except websockets.ConnectionClosed as error:
            raise SessionError(f"the server closed the websocket: {error}") from error

    async def _read_run(self, started: float) -> PageRun:
        run = PageRun(seconds=0.0)
        drawn: dict[str, Widget] = {}
        while True:
            message = ForwardMsg()
            message.ParseFromString(await self._socket.recv())
            message = self._resolve(message)
            kind = message.WhichOneof("type")
            if kind == "new_session":
                self.session_id = message.new_session.initialize.session_id
            elif kind == "navigation":
                self._page_script_hash = message.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query_string = message.page_info_changed.query_string
            elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                self._read_element(message.delta.new_element, run, drawn)
            elif kind == "script_finished":
                status = message.script_finished
                if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    raise SessionError("the page's script did not compile")
                if status == ForwardMsg.FINISHED_SUCCESSFULLY:
                    break
                # Finished early for a rerun the script asked for: the next run follows.
                run, drawn = PageRun(seconds=0.0), {}
        run.seconds = time.perf_counter() - started
        self.widgets = drawn
        self._forget_old_messages()
        return run

    def _resolve(self, message: ForwardMsg) -> ForwardMsg:
        """Swap a `ref_hash` for the message it names, as the frontend's cache does."""
        if message.WhichOneof("type") == "ref_hash":
            cached = self._cache.get(message.ref_hash)
            if cached is None:
                raise SessionError(f"the server referred to an unknown message {message.ref_hash}")
            self._cache[message.ref_hash] = (self._runs, cached[1])
            resolved = ForwardMsg()
            resolved.CopyFrom(cached[1])
            resolved.metadata.CopyFrom(message.metadata)
            return resolved
        if message.metadata.cacheable:
            self._cache[message.hash] = (self._runs, message)
        return message

    def _forget_old_messages(self) -> None:
        self._cache = {
            key: (seen, message)
            for key, (seen, message) in self._cache.items()
            if self._runs - seen < MAX_CACHED_MESSAGE_AGE
        }

    def _read_element(self, element, run: PageRun, drawn: dict[str, Widget]) -> None:
        kind = element.WhichOneof("type")
        run.element_kinds[kind] = run.element_kinds.get(kind, 0) + 1
        if kind == "metric":
            run.metrics.append((element.metric.label, element.metric.body))
        elif kind == "exception":
            run.exceptions.append(f"{element.exception.type}: {element.exception.message}")
        elif (
            kind == "component_instance"
            and MAP_COMPONENT in element.component_instance.component_name
        ):
            run.map_args = element.component_instance.json_args
            run.map_id = element.component_instance.id
        elif kind in WIDGET_KINDS:
            widget_element = getattr(element, kind)
            match = WIDGET_ID.match(widget_element.id)
            if match:
                key = match["key"]
                previous = self.widgets.get(key)
                widget = widget_from_element(kind, widget_element)
                if previous is not None and previous.widget_id == widget.widget_id:
                    widget.value = previous.value
                drawn[key] = widget
