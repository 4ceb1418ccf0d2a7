"""Where a new visitor's first run goes: cProfile over the script runs of new sessions.

Each visit is a new AppTest (a new session) on a process whose caches earlier visits filled, as
on a running dashboard; only the script runs themselves are profiled (Streamlit's ScriptRunner
`_run_script`), not AppTest's own set-up. Prints the functions of this repository, and the
libraries they spend in, by cumulative time.

    .venv/bin/python bench/first_run_profile.py [--visits 20] [--query "edition=2&lang=fr"]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path
from urllib.parse import parse_qsl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.runtime.pages_manager import PagesManager  # noqa: E402
from streamlit.runtime.scriptrunner import script_runner  # noqa: E402
from streamlit.testing.v1 import AppTest, app_test  # noqa: E402


class _RunningServerPagesManager(PagesManager):
    """As tests/test_app.py: behave as a server that has served its first session."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


def _visit(query: str) -> None:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for name, value in parse_qsl(query):
        app.query_params[name] = value
    app.run()
    if app.exception:
        raise RuntimeError(app.exception[0].message)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--visits", type=int, default=20)
    parser.add_argument("--query", default="edition=2&lang=fr")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    app_test.PagesManager = _RunningServerPagesManager

    profile = cProfile.Profile()
    run_seconds: list[float] = []
    profiling = False
    original = script_runner.ScriptRunner._run_script

    def profiled(self, *run_args, **run_kwargs):
        start = time.perf_counter()
        if profiling:
            profile.enable()
        try:
            return original(self, *run_args, **run_kwargs)
        finally:
            profile.disable()
            if profiling:
                run_seconds.append(time.perf_counter() - start)

    script_runner.ScriptRunner._run_script = profiled
    for _ in range(3):  # the first visits fill the caches
        _visit(args.query)
    profiling = True
    for _ in range(args.visits):
        _visit(args.query)

    run_seconds.sort()
    print(
        f"{args.visits} new sessions, ?{args.query}: script run under the profiler, median "
        f"{1000 * run_seconds[len(run_seconds) // 2]:.0f} ms (the profiler adds about 2×)"
    )
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats("cumulative").print_stats(str(ROOT) + r"/(?!\.venv)", args.top)
    print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
