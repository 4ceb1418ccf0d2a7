"""The browser tests' JavaScript: one function expression per `.js` file in this folder, read
as the benchmarks read theirs."""

from __future__ import annotations

from pathlib import Path

from bench.js import scripts_in

script = scripts_in(Path(__file__).resolve().parent)
