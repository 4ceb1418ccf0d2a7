"""The Arabic font inside the document itself, so Arabic reads right on a machine that has no
Arabic font and no network: Noto Sans Arabic (data/fonts/, SIL OFL), cut down with fontTools to
the characters the document holds, with every layout feature kept so shaping is unchanged.
About 20 KB a weight; nothing at all for a document with no Arabic."""

from __future__ import annotations

import base64
import io
from functools import cache

from fontTools import subset
from fontTools.ttLib import TTFont

from footprint.data import BUNDLED_DATA_DIR

FONTS_DIR = BUNDLED_DATA_DIR / "fonts"
# The Arabic blocks: Arabic, Supplement, Extended-A, Presentation Forms A and B.
ARABIC_RANGES = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)
UNICODE_RANGE = ", ".join(f"U+{start:04X}-{end:04X}" for start, end in ARABIC_RANGES)


def arabic_characters(text: str) -> str:
    """The distinct Arabic characters of `text`, sorted."""
    return "".join(
        sorted({c for c in text if any(start <= ord(c) <= end for start, end in ARABIC_RANGES)})
    )


@cache
def _subset(file_name: str, characters: str) -> bytes:
    options = subset.Options()
    options.layout_features = ["*"]  # joining forms, ligatures, marks
    options.name_IDs = ["*"]  # the copyright and licence records travel with the glyphs
    options.notdef_outline = True
    font = TTFont(FONTS_DIR / file_name)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    output = io.BytesIO()
    font.save(output)
    return output.getvalue()


def inline_font_faces(text: str) -> tuple[str, ...]:
    """One @font-face rule per vendored weight, the font as a data: URL subset to the Arabic of
    `text`; none when `text` has no Arabic or no font is vendored."""
    characters = arabic_characters(text)
    if not characters:
        return ()
    rules = []
    for path in sorted(FONTS_DIR.glob("NotoSansArabic-*.ttf")):
        data = base64.b64encode(_subset(path.name, characters)).decode("ascii")
        weight = 700 if "Bold" in path.stem else 400
        rules.append(
            f'@font-face {{ font-family: "Noto Sans Arabic"; font-weight: {weight};'
            f' src: url(data:font/ttf;base64,{data}) format("truetype");'
            f" unicode-range: {UNICODE_RANGE}; }}"
        )
    return tuple(rules)
