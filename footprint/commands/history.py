"""`python -m footprint history [--data DIR] [--restore ID --who NAME]`: list the published
versions of the data folder, newest first, or put the data back as it was before one."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from footprint.data import DataError, data_dir
from footprint.publisher import restore
from footprint.storage import StorageError
from footprint.versions import Version, read_history


def add_parser(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser("history", help="list published versions, or restore one")
    command.add_argument("--data", type=Path, default=None, help="data folder (default: data/)")
    command.add_argument(
        "--restore", metavar="ID", help="put the data back as it was before version ID"
    )
    command.add_argument("--who", default=None, help="name recorded for a restore")
    command.add_argument("--lang", choices=("fr", "en", "ar"), default="en")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    folder = args.data or data_dir()
    try:
        if args.restore is not None:
            version = restore(folder, args.restore, who=args.who or getpass.getuser())
            print(_line(version, args.lang))
            return 0
        found = read_history(folder)
        for version in found.versions:
            print(_line(version, args.lang))
        for problem in found.unreadable:  # named, never fatal: the rest stays listed
            shown = f"{problem.path}: unreadable, left as is: {problem.reason}"
            print(_shown(shown), file=sys.stderr)
    except (ValueError, StorageError) as error:
        problems = error.problems if isinstance(error, DataError) else [error]
        for problem in problems:
            print(_shown(str(problem)), file=sys.stderr)
        return 1
    return 0


def _line(version: Version, lang: str) -> str:
    """Names come from people: shown as text, never as terminal control sequences."""
    fields = (
        version.id,
        version.when.isoformat(timespec="seconds"),
        version.who,
        version.file_name or "-",
        version.describe(lang),
    )
    return "\t".join(_shown(field) for field in fields)


def _shown(text: str) -> str:
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)
