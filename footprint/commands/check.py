"""`python -m footprint check [--data DIR]`: validate the data folder before publishing it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from footprint.data import DataError, data_dir, load_dataset


def add_parser(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser("check", help="validate editions.csv, cities.csv and figures.csv")
    check.add_argument("--data", type=Path, default=None, help="data folder (default: data/)")
    check.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    folder = args.data or data_dir()
    try:
        dataset = load_dataset(folder)
    except DataError as error:
        for problem in error.problems:
            print(problem)
        print(f"{len(error.problems)} problem(s) in {folder}", file=sys.stderr)
        return 1
    print(
        f"ok: {dataset.editions['edition'].nunique()} editions, "
        f"{len(dataset.cities)} city rows ({dataset.cities['city'].nunique()} cities), "
        f"{len(dataset.figures)} figures in {folder}"
    )
    return 0
