"""Text from data or from a person inside Streamlit's Markdown (captions, alerts, labels).

Streamlit renders those as Markdown: a name like `*Rabat*` or `[x](javascript:…)` would be
formatted or turned into a link. Escaped, it shows exactly as written.
"""

from __future__ import annotations

import re

# Every character CommonMark lets a backslash escape, plus `$` (Streamlit's LaTeX) and `~`.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&\"'])")
# GitHub-flavoured Markdown finds `http://…`, `www.…` and `a@b.org` in the text once it is
# parsed, escapes undone, and links them. An invisible word joiner where each pattern needs two
# characters side by side (`:` `//`, `www` `.`, `@` and a name) leaves the text as it reads.
_LINK_JOINTS = re.compile(r"(?<=:)(?=//)|(?<=\bwww)(?=\.)|(?<=@)", re.IGNORECASE)
_WORD_JOINER = "\u2060"


def escape_markdown(text: object) -> str:
    """`text` as literal Markdown: every special character backslash-escaped, line breaks kept
    as spaces so a value cannot start a heading or a list."""
    flat = " ".join(str(text).split())
    unlinked = _LINK_JOINTS.sub(_WORD_JOINER, flat)
    return _SPECIAL.sub(r"\\\1", unlinked)
