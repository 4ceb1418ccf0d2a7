"""Full-page screenshots of a Streamlit page, whose content scrolls inside a container.

`full_page=True` alone captures only the window, because Streamlit scrolls its main area
rather than the document: the viewport is stretched to the content for the shot, then put back.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

from tests.browser.js import script

# Tall pages are cut here: a screenshot is for a person to look at, not an archive.
MAX_SHOT_HEIGHT = 6000

# Two animation frames: the layout that follows a resize has been painted.
NEXT_FRAMES_JS = (
    "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
)


def save_full_page(page: Page, path: Path) -> Path:
    """Screenshot the whole page to `path`, keeping the test's viewport afterwards."""
    viewport = page.viewport_size
    assert viewport is not None, "the page has no fixed viewport"
    content_height = min(int(page.evaluate(script("content_height"))), MAX_SHOT_HEIGHT)
    try:
        if content_height > viewport["height"]:
            page.set_viewport_size({"width": viewport["width"], "height": content_height})
            page.evaluate(NEXT_FRAMES_JS)
        page.screenshot(path=str(path), full_page=True, animations="disabled")
    finally:
        page.set_viewport_size(viewport)
    assert path.stat().st_size > 0, f"empty screenshot {path}"
    return path
