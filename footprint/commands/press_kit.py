"""`python -m footprint press-kit --edition 2 --lang fr --out DIR`: the press kit of one view,
unzipped into a folder, to prepare the evening before a press conference."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from atomic_files import StorageError
from footprint.data import DataError, data_dir, load_dataset
from footprint.filters import parse_filters
from footprint.i18n import DEFAULT_LANGUAGE, LANGUAGES
from footprint.places import locate
from footprint.presskit.kit import build_kit, write_folder
from footprint.qr import PUBLIC_URL_ENV, public_base_url
from geo.cache import CacheFormatError

FALLBACK_URL = "http://localhost:8501/"


def add_parser(commands: argparse._SubParsersAction) -> None:
    kit = commands.add_parser(
        "press-kit",
        help="write the press kit of one view (images, PDF, tables, map page) into a folder",
    )
    kit.add_argument("--edition", default="all", help="edition number, or `all` (default)")
    kit.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    kit.add_argument(
        "--continent", action="append", default=[], help="keep one continent (repeatable)"
    )
    kit.add_argument("--out", type=Path, required=True, help="folder to write the files into")
    kit.add_argument("--data", type=Path, default=None, help="data folder (default: data/)")
    kit.add_argument(
        "--public-url",
        default=None,
        help=f"the public dashboard's address the QR codes open (default: ${PUBLIC_URL_ENV})",
    )
    kit.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    folder = args.data or data_dir()
    try:
        dataset = load_dataset(folder)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) in {folder}", file=sys.stderr)
        return 1
    params = {"edition": args.edition, "lang": args.lang, "continent": args.continent}
    parsed = parse_filters(params, dataset.editions["edition"].tolist(), args.lang)
    if parsed.ignored:
        for name, value in parsed.ignored:
            print(f"--{name} {value}: not in the data", file=sys.stderr)
        return 2
    try:
        located = locate(dataset.cities, folder / "geocache.csv")
    except CacheFormatError as error:
        print(error, file=sys.stderr)  # file:line:column: what is wrong
        return 1
    public_base = args.public_url or public_base_url(os.environ, None, None)
    if public_base is None:
        public_base = FALLBACK_URL
        print(
            f"No public address (--public-url or ${PUBLIC_URL_ENV}): "
            f"the QR codes open {FALLBACK_URL}",
            file=sys.stderr,
        )
    files = build_kit(dataset, located, parsed.filters, public_base)
    try:
        written = write_folder(files, args.out)
    except StorageError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:  # the folder itself cannot be made
        print(f"{args.out}: {error.strerror}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0
