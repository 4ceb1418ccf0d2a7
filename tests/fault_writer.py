"""A process that writes data files in a loop until it is killed, for tests/test_faults.py.

`python -m tests.fault_writer MODE PATH`: prints `ready SECONDS` (how long one write takes)
once the first write is done, then writes forever. Modes:

- `atomic`: PATH alternates between `payload(0)` and `payload(1)` (several MB each);
- `geocache`: PATH, a large geocode cache, gains one row per write (geo's own writer);
- `publish`: edition 2 of the data folder PATH alternates between `edition_list(0)` and
  `edition_list(1)`, each publish saving a version in PATH/history.
"""

from __future__ import annotations

import sys
import time
from itertools import count
from pathlib import Path

from atomic_files import atomic_write_bytes
from geo.cache import CacheEntry, GeoCache

PAYLOAD_LINES = 200_000
LIST_LENGTH = 3_000


def payload(which: int) -> bytes:
    """A few megabytes whose every line says which payload it belongs to."""
    return b"".join(b"%d,%d,payload line\n" % (which, number) for number in range(PAYLOAD_LINES))


def edition_list(which: int) -> list[dict[str, str]]:
    return [
        {
            "edition": "2",
            "city": f"Ville {which}-{number}",
            "country": "FR",
            "role": "delegation",
            "continent_published": "",
            "source": f"list-{which}.csv",
            "quote": "",
        }
        for number in range(LIST_LENGTH)
    ]


def _writes(mode: str, path: Path):
    if mode == "atomic":
        payloads = (payload(0), payload(1))
        for number in count():
            yield lambda number=number: atomic_write_bytes(path, payloads[number % 2])
    elif mode == "geocache":
        cache = GeoCache(path)
        for number in count():
            entry = CacheEntry(f"n{number}", "FR", 1.0, 2.0, "x", "FR", "gazetteer", "2026-11-23")
            yield lambda entry=entry: cache.store([entry])
    elif mode == "publish":
        from footprint.publisher import publish  # pandas: only this mode pays for it

        lists = (edition_list(0), edition_list(1))
        for number in count():
            yield lambda number=number: publish(
                path, 2, lists[number % 2], who="fault-writer", file_name=f"list-{number % 2}.csv"
            )
    else:
        raise SystemExit(f"unknown mode {mode!r}")


def main(mode: str, path: str) -> None:
    writes = _writes(mode, Path(path))
    started = time.monotonic()
    next(writes)()
    print(f"ready {time.monotonic() - started:.3f}", flush=True)
    for write in writes:
        write()


if __name__ == "__main__":
    main(*sys.argv[1:])
