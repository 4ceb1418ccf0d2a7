"""The benchmarks' JavaScript: one function expression per `.js` file in this folder, as
Playwright's `evaluate` and `wait_for_function` take it. The browser tests read theirs the same
way (`scripts_in`)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path


def scripts_in(folder: Path) -> Callable[[str], str]:
    """A reader of `<name>.js` in `folder`, each file read once."""

    @functools.cache
    def script(name: str) -> str:
        return (folder / f"{name}.js").read_text(encoding="utf-8")

    return script


script = scripts_in(Path(__file__).resolve().parent)
