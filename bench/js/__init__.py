"""The benchmarks' JavaScript: one function expression per `.js` file in this folder, as
Playwright's `evaluate` and `wait_for_function` take it."""

from __future__ import annotations

import functools
from pathlib import Path

HERE = Path(__file__).resolve().parent


@functools.cache
def script(name: str) -> str:
    """The text of `<name>.js` in this folder."""
    return (HERE / f"{name}.js").read_text(encoding="utf-8")
