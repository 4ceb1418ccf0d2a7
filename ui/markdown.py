"""Text from data or from a person inside Streamlit's Markdown (captions, alerts, labels).

Streamlit renders those as Markdown: a name like `*Rabat*` or `[x](javascript:…)` would be
formatted or turned into a link. Escaped, it shows exactly as written.
"""

from __future__ import annotations

import re

# Every character CommonMark lets a backslash escape, plus `$` (Streamlit's LaTeX) and `~`.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&\"'])")


def escape_markdown(text: object) -> str:
    """`text` as literal Markdown: every special character backslash-escaped, line breaks kept
    as spaces so a value cannot start a heading or a list."""
    flat = " ".join(str(text).split())
    return _SPECIAL.sub(r"\\\1", flat)
