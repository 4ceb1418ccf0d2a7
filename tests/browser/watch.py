"""What a page did that it should not: requests to other hosts, console errors, page errors.

Every request leaves through `context.route("**/*")`: one to a host other than this machine
is aborted and recorded, so a test proves the app needs nothing from outside.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Route, WebSocket

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
# Schemes that never leave the browser (inline data, object URLs, about:blank, srcdoc frames).
IN_BROWSER_SCHEMES = frozenset({"data", "blob", "about", "javascript", "chrome-error"})


def is_outside(url: str) -> bool:
    """True when `url` would reach a host other than this machine."""
    parts = urlsplit(url)
    if parts.scheme in IN_BROWSER_SCHEMES:
        return False
    return (parts.hostname or "") not in LOCAL_HOSTS


@dataclass
class PageWatch:
    """Collects, for one page and its frames, what the app must never do."""

    page: Page
    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        context.route("**/*", self._route)
        self.page.on("websocket", self._on_websocket)
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        self.page.on("dialog", self._on_dialog)

    def _route(self, route: Route) -> None:
        url = route.request.url
        if is_outside(url):
            self.outside_requests.append(url)
            route.abort("blockedbyclient")
        else:
            route.continue_()

    def _on_websocket(self, socket: WebSocket) -> None:
        # Routing cannot abort a websocket here, but one to another host is still counted.
        if is_outside(socket.url):
            self.outside_requests.append(socket.url)

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            location = message.location
            where = f"{location.get('url', '?')}:{location.get('lineNumber', '?')}"
            self.console_errors.append(f"{message.text} (at {where})")

    def _on_dialog(self, dialog) -> None:
        # A dialog means some text was run as script; dismiss it so the page does not hang.
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def assert_clean(self) -> None:
        """No outside request, no console error, no uncaught error, no dialog."""
        assert self.outside_requests == [], (
            f"the app tried to reach other hosts: {self.outside_requests}"
        )
        assert self.page_errors == [], f"uncaught JavaScript errors: {self.page_errors}"
        assert self.console_errors == [], f"console errors: {self.console_errors}"
        assert self.dialogs == [], f"dialogs opened (script ran): {self.dialogs}"
