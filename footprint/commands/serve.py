"""`python -m footprint serve [--port 8501] [--address ADDR]`: start the dashboard with a one-time
organizer link printed in the terminal, as Jupyter does.

The token goes only to this terminal; the app gets its SHA-256 digest through the environment,
spends it on first use, and honours it only from a browser on this computer. Whoever can read
this terminal is at the laptop, so nothing needs configuring to get in, and nobody on the
venue's Wi-Fi can.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from urllib.parse import urlencode

from footprint.auth import REPO, TOKEN_HASH_ENV, TOKEN_PARAM, new_token

DEFAULT_PORT = 8501
EVERY_INTERFACE = ("", "0.0.0.0", "::")
LOOPBACK_ADDRESSES = ("localhost", "127.0.0.1", "::1")


def add_parser(commands: argparse._SubParsersAction) -> None:
    serve = commands.add_parser(
        "serve", help="run the dashboard and print a one-time organizer link"
    )
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help="default: 8501")
    serve.add_argument(
        "--address", default="", help="interface to listen on (default: Streamlit's, all of them)"
    )
    serve.set_defaults(run=run)


def streamlit_command(port: int, address: str) -> list[str]:
    command = [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py")]
    command += ["--server.port", str(port)]
    if address:
        command += ["--server.address", address]
    return command


def organizer_link(token: str, port: int, address: str) -> str:
    """The link to open on this computer: the app honours the token only from a loopback
    address, so the link always points at one."""
    host = address if address in LOOPBACK_ADDRESSES else "localhost"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/?{urlencode({TOKEN_PARAM: token})}"


def _exec_in_repo(command: list[str], env: dict[str, str]) -> None:
    """Become Streamlit (same process, same terminal), from the repo so its config applies."""
    os.chdir(REPO)
    os.execve(command[0], command, env)


def run(
    args: argparse.Namespace,
    launch: Callable[[list[str], dict[str, str]], None] = _exec_in_repo,
) -> int:
    token, digest = new_token()
    print(
        f"Organizers: {organizer_link(token, args.port, args.address)}\n"
        "  (open it in a browser on this computer; it signs in one session, once)",
        flush=True,
    )
    if args.address not in EVERY_INTERFACE + LOOPBACK_ADDRESSES:
        print(
            f"  Listening on {args.address} only: the link needs a loopback address, so sign in"
            " with the password or OpenID Connect (README, 'For organizers').",
            flush=True,
        )
    launch(streamlit_command(args.port, args.address), {**os.environ, TOKEN_HASH_ENV: digest})
    return 0
