"""Replace a marked block of README.md, `<!-- NAME:start -->…<!-- NAME:end -->`, atomically."""

from __future__ import annotations

import os
from pathlib import Path


def replace_block(readme: Path, name: str, text: str) -> bool:
    """Put `text` between the markers; without both markers, warn and change nothing."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    content = readme.read_text(encoding="utf-8")
    first, last = content.find(start), content.find(end)
    if first < 0 or last < first:
        print(f"{readme}: no {start} … {end} block; nothing written")
        return False
    updated = content[: first + len(start)] + "\n" + text + "\n" + content[last:]
    draft = readme.with_name(f".{readme.name}.{os.getpid()}.tmp")
    draft.write_text(updated, encoding="utf-8")
    os.chmod(draft, readme.stat().st_mode & 0o7777)
    draft.replace(readme)
    print(f"{readme}: {name} block updated")
    return True
