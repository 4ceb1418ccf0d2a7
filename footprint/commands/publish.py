"""`python -m footprint publish OUT/ [--data DIR]`: write the public view as a static site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from footprint.data import DataError, data_dir
from footprint.static_site.publish import publish_site
from footprint.static_site.swap import SiteFolderError
from geo.cache import CacheFormatError


def add_parser(commands: argparse._SubParsersAction) -> None:
    publish = commands.add_parser(
        "publish",
        help="write the public map, figures and sources as static files into OUT",
        description="Build the static public site in a folder beside OUT, then swap it in.",
    )
    publish.add_argument("out", type=Path, help="the site's folder (created or replaced)")
    publish.add_argument("--data", type=Path, default=None, help="data folder (default: data/)")
    publish.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    folder = args.data or data_dir()
    try:
        site = publish_site(folder, args.out)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) in {folder}: site not published", file=sys.stderr)
        return 1
    except CacheFormatError as error:  # file:line:column: what is wrong
        print(f"{error}: site not published", file=sys.stderr)
        return 1
    except SiteFolderError as error:
        print(f"site not published: {error}", file=sys.stderr)
        return 1
    print(
        f"published {len(site.files)} files ({site.total_bytes / 1024:.0f} KB) to {site.out}\n"
        f"serve it with: python -m http.server --directory {site.out}"
    )
    return 0
