"""`python -m footprint import FILE [--edition N] [--sheet NAME] [--publish] [--json]`: review an
organizer's city list (CSV, XLSX, ODS) against the data folder, and publish it once every row is
placed or explained.

Exit code 0 when every row is placed or explained (duplicates and rejections are), 1 when
something needs the organizer: a name to place or pick, or a file that cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from footprint.data import DataError, data_dir
from footprint.importer import ImportFileError, Review, review_file
from footprint.importer.headers import FIELDS


def add_parser(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "import", help="review an organizer's city list (CSV, XLSX, ODS), then publish it"
    )
    command.add_argument("file", type=Path, help="the list: .csv, .xlsx or .ods")
    command.add_argument("--edition", type=int, help="the edition for the whole file")
    command.add_argument("--year", type=int, help="the year of a new edition")
    command.add_argument("--sheet", help="the workbook's sheet (default: the first)")
    command.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help=f"read a column as a field ({', '.join(FIELDS)}; empty to leave it out)",
    )
    command.add_argument(
        "--place",
        action="append",
        default=[],
        metavar="LINE=LAT,LON[,CC]",
        help="place a row by hand (CC: its ISO2 country, when the list gives none)",
    )
    command.add_argument(
        "--choose",
        action="append",
        default=[],
        metavar="LINE=N",
        help="pick candidate N (from 1) of an ambiguous row",
    )
    command.add_argument("--publish", action="store_true", help="publish the reviewed list")
    command.add_argument("--json", action="store_true", help="print the review as JSON")
    command.add_argument("--data", type=Path, default=None, help="data folder (default: data/)")
    command.add_argument("--who", default="", help="who publishes (an e-mail), for the source")
    command.set_defaults(run=run)


def _pairs(options: list[str], flag: str) -> list[tuple[str, str]]:
    pairs = []
    for option in options:
        key, sep, value = option.partition("=")
        if not sep:
            raise SystemExit(f"{flag} {option!r}: expected KEY=VALUE")
        pairs.append((key.strip(), value.strip()))
    return pairs


def _settle(review: Review, args: argparse.Namespace) -> None:
    """The organizer's own answers given on the command line: places and picks."""
    for line, where in _pairs(args.place, "--place"):
        lat, lon, *country = where.split(",")
        review.place(int(line), float(lat), float(lon), country[0] if country else None)
    for line, number in _pairs(args.choose, "--choose"):
        review.choose(int(line), int(number) - 1)


def run(args: argparse.Namespace) -> int:
    folder = args.data or data_dir()
    try:
        review = review_file(
            args.file,
            data_folder=folder,
            edition=args.edition,
            sheet=args.sheet,
            mapping={header: field or None for header, field in _pairs(args.map, "--map")},
            year=args.year,
        )
        _settle(review, args)
    except ImportFileError as error:
        if args.json:
            print(json.dumps({"error": _error_dict(error)}, ensure_ascii=False))
        print(error, file=sys.stderr)
        return 1
    except (KeyError, ValueError) as error:
        print(f"{args.file.name}: {error}", file=sys.stderr)
        return 1
    print(review.to_json() if args.json else report(review))
    if args.publish:
        return _publish(review, folder, args)
    return 1 if review.needs_organizer else 0


def _error_dict(error: ImportFileError) -> dict:
    return {
        "file": error.file,
        "line": error.line,
        "column": error.column,
        "message": error.message,
    }


def report(review: Review) -> str:
    """One line per problem, `FILE:LINE: COLUMN: message`, candidates under their row, and the
    summary last."""
    name = review.file_name
    sheet = f", sheet {review.sheet!r} of {', '.join(review.sheets)}" if review.sheet else ""
    new = " (not in editions.csv yet: it will be created)" if review.creates_edition else ""
    lines = [f"{name}: {review.summary['read']} rows{sheet}, edition {review.edition}{new}"]
    for row in review.rows:
        for warning in row.warnings:
            lines.append(f"{name}:{row.line}: {warning.column}: {warning.message}")
        for number, candidate in enumerate(row.candidates, start=1):
            lines.append(
                f"    {number}. {candidate.label()} at {candidate.lat:.5f},{candidate.lon:.5f}"
                f"  (--choose {row.line}={number})"
            )
    summary = review.summary
    lines.append(
        f"placed {summary['placed']}, duplicates {summary['duplicates']}, rejected "
        f"{summary['rejected']}, unplaced {summary['unplaced']}, ambiguous "
        f"{summary['ambiguous']}, continent warnings {summary['continent_warnings']}"
    )
    return "\n".join(lines)


def _publish(review: Review, folder: Path, args: argparse.Namespace) -> int:
    from footprint.publisher import publish

    if review.needs_organizer:
        print(
            "not published: place or pick the unplaced and ambiguous rows first "
            "(--place LINE=LAT,LON, --choose LINE=N)",
            file=sys.stderr,
        )
        return 1
    if not args.who:
        print("not published: say who publishes with --who EMAIL", file=sys.stderr)
        return 1
    try:
        cities = review.cities_rows(args.who)
        version = publish(
            folder,
            review.edition,
            cities,
            who=args.who,
            file_name=review.file_name,
            edition_rows=review.edition_rows(args.who) or None,
            manual_places=review.manual_places(args.who),
        )
    except (ValueError, OSError) as error:  # DataError, StorageError: nothing was written
        problems = error.problems if isinstance(error, DataError) else [error]
        for problem in problems:
            print(f"not published: {problem}", file=sys.stderr)
        return 1
    print(
        f"published edition {review.edition}: {len(cities)} cities from {review.file_name} "
        f"by {args.who} (version {version.id})",
        file=sys.stderr if args.json else sys.stdout,
    )
    return 0
