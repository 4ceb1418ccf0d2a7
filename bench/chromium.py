"""Debian's headless Chromium, as the benchmarks and the browser tests launch it.

The benchmarks keep it offline by name resolution rather than Playwright's request routing,
which turns the HTTP cache off and changes how requests are timed; the browser tests route
instead, to record any outside request (tests/browser/watch.py)."""

CHROMIUM = "/usr/bin/chromium"
# What every launch here needs: no sandbox (root in CI), no GPU, nothing fetched by Chromium
# itself.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The benchmarks' launch: every outside host fails to resolve at once.
CHROMIUM_ARGS = [
    *CHROMIUM_FLAGS,
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
