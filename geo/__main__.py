"""``python -m geo lookup NAME`` and ``python -m geo geocode CITIES.csv``."""

import argparse
import csv
import io
import sys
from pathlib import Path

from geo.config import geocache_path, online_enabled
from geo.resolver import SOURCES, make_resolver

REQUIRED_COLUMNS = ("city",)
OPTIONAL_COLUMNS = ("country", "continent_published")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geo", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    lookup = commands.add_parser("lookup", help="geocode one name")
    lookup.add_argument("query")
    lookup.add_argument("--country", help="ISO2 code or country name")
    lookup.add_argument("--online", action="store_true", help="also ask Nominatim")
    geocode = commands.add_parser("geocode", help="geocode a city table and update the cache")
    geocode.add_argument("table", type=Path)
    geocode.add_argument("--online", action="store_true", help="also ask Nominatim")
    geocode.add_argument("--read-only", action="store_true", help="do not write the cache")
    return parser


def _format_suggestions(suggestions) -> str:
    return "; did you mean: " + ", ".join(suggestions) if suggestions else "; no close name"


def _lookup(arguments) -> int:
    from geo.api import _country_hint

    resolver = make_resolver(
        geocache_path(), online=arguments.online or online_enabled(), read_only=True
    )
    resolution = resolver.resolve(arguments.query, _country_hint(arguments.country))
    for error in resolver.online_errors:
        print(f"online geocoder failed, used the gazetteer: {error}", file=sys.stderr)
    if not resolution.resolved:
        message = f"unresolved: {arguments.query!r}{_format_suggestions(resolution.suggestions)}"
        print(message, file=sys.stderr)
        return 1
    print(
        f"{resolution.lat:.5f},{resolution.lon:.5f},{resolution.country_code},"
        f"{resolution.continent or ''},{resolution.name},{resolution.provider}"
    )
    return 0


def read_city_table(path: Path):
    """Read a city CSV, also as saved by French Excel (BOM, ';'); returns rows and line numbers."""
    import pandas as pd

    text = path.read_text(encoding="utf-8-sig")
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    missing = [name for name in REQUIRED_COLUMNS if name not in (reader.fieldnames or [])]
    if missing:
        raise SystemExit(f"{path}:1: missing column(s) {', '.join(missing)}")
    rows, lines = [], []
    for row in reader:
        rows.append(
            {name: (row.get(name) or "").strip() for name in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)}
        )
        lines.append(reader.line_num)
    return pd.DataFrame(rows, columns=[*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS]), lines


class ProgressBar:
    """A plain text bar on stderr, redrawn in place."""

    def __init__(self, label: str, width: int = 30):
        self.label, self.width = label, width

    def __call__(self, done: int, total: int) -> None:
        filled = self.width * done // max(total, 1)
        bar = "#" * filled + "-" * (self.width - filled)
        end = "\n" if done >= total else ""
        print(f"\r{self.label} [{bar}] {done}/{total}", end=end, file=sys.stderr, flush=True)


def _geocode(arguments) -> int:
    from geo.table import geocode_table

    table, lines = read_city_table(arguments.table)
    resolver = make_resolver(
        geocache_path(),
        online=arguments.online or online_enabled(),
        read_only=arguments.read_only,
    )
    result = geocode_table(table, resolver=resolver, progress=ProgressBar("geocoding"))
    for error in resolver.online_errors:
        print(f"online geocoder failed, used the gazetteer: {error}", file=sys.stderr)
    counts = dict.fromkeys(SOURCES, 0) | dict(resolver.sources)
    counts["mismatched"] = int((result["status"] == "mismatch").sum())
    print(", ".join(f"{name}: {count}" for name, count in counts.items()))
    for position, row in result.iterrows():
        where = f"{arguments.table}:{lines[position]}: {row['city']} ({row['country'] or '?'})"
        if row["status"] == "unresolved":
            print(f"{where}: unresolved{_format_suggestions(row['suggestions'])}")
        elif row["status"] == "mismatch":
            print(
                f"{where}: mismatch: resolved to {row['resolved_name']}, {row['country_code']} "
                f"({row['continent']}), list says {row['continent_published'] or '-'}"
            )
    return 1 if counts["unresolved"] else 0


def main(argv: list[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    if arguments.command == "lookup":
        return _lookup(arguments)
    return _geocode(arguments)


if __name__ == "__main__":
    sys.exit(main())
