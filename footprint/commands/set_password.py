"""`python -m footprint set-password`: choose the organizers' password.

Only its argon2 hash is stored, in .streamlit/secrets.toml (git-ignored, mode 600). The
password is read with getpass, so it is never echoed, printed or passed on the command line.
"""

from __future__ import annotations

import argparse
import getpass
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

from footprint.auth import (
    PASSWORD_HASH_ENV,
    SECRETS_PATH,
    hash_password,
    password_problem,
    write_password_hash,
)


def add_parser(commands: argparse._SubParsersAction) -> None:
    command = commands.add_parser(
        "set-password", help="set the organizers' password (stores only its hash)"
    )
    command.add_argument(
        "--secrets",
        type=Path,
        default=SECRETS_PATH,
        help=f"secrets file to write (default: {SECRETS_PATH})",
    )
    command.set_defaults(run=run)


def run(args: argparse.Namespace, prompt: Callable[[str], str] | None = None) -> int:
    prompt = prompt or getpass.getpass
    password = prompt("New organizers' password: ")
    problem = password_problem(password, prompt("The same password again: "))
    if problem:
        print(f"Not changed: {problem}.", file=sys.stderr)
        return 1
    try:
        write_password_hash(hash_password(password), args.secrets)
    except (OSError, ValueError, tomllib.TOMLDecodeError) as error:
        print(f"Not changed: {args.secrets}: {error}", file=sys.stderr)
        return 1
    print(
        f"Password hash written to {args.secrets} (mode 600); the dashboard reads it when it"
        f" starts. ${PASSWORD_HASH_ENV}, when set, takes precedence."
    )
    return 0
