"""The fonts the kit draws with: DejaVu Sans (shipped with matplotlib) for Latin text and the
vendored Noto Sans Arabic for Arabic, which matplotlib does not ship.

Arabic needs no reshaping here: matplotlib 3.11 lays text out with libraqm, which joins the
letters and orders right-to-left runs itself; shaping beforehand (arabic-reshaper, python-bidi)
would reverse every Arabic word a second time."""

from __future__ import annotations

import re
from functools import cache

from matplotlib import font_manager

from footprint.standalone.fonts import ARABIC_RANGES, FONTS_DIR

ARABIC_FONT_FILES = (
    FONTS_DIR / "NotoSansArabic-Regular.ttf",
    FONTS_DIR / "NotoSansArabic-Bold.ttf",
)
LATIN_FAMILY = "DejaVu Sans"
ARABIC_FAMILY = "Noto Sans Arabic"
# Arabic letters, supplements and presentation forms: the blocks the web pages' font covers.
_ARABIC = re.compile(
    "[" + "".join(f"{chr(start)}-{chr(end)}" for start, end in ARABIC_RANGES) + "]"
)


@cache
def register_fonts() -> None:
    """Adds the vendored Arabic fonts to matplotlib's font list, once per process."""
    for path in ARABIC_FONT_FILES:
        if not path.is_file():
            raise FileNotFoundError(f"Font {path} is missing: run tools/fetch_fonts.sh")
        font_manager.fontManager.addfont(str(path))


def has_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


def family_for(text: str) -> list[str]:
    """The fonts for one line: Noto Sans Arabic first for a line with Arabic (DejaVu Sans has
    Arabic letters too, but not Noto's), falling back on DejaVu Sans for what Noto lacks (≈, ≥);
    DejaVu Sans alone otherwise, so a French or English PDF embeds no Arabic font."""
    if has_arabic(text):
        return [ARABIC_FAMILY, LATIN_FAMILY]
    return [LATIN_FAMILY]
