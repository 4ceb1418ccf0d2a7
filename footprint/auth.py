"""Organizer sign-in rules, without Streamlit: password hashes, one-time links, throttling and
the e-mail allow-list.

Kept apart from the UI (ui/signin.py) so that the command line (`set-password`, `serve`) shares
them and every rule can be tested directly. Nothing here logs or returns a secret.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
import time
import tomllib
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from atomic_files import atomic_write_text

REPO = Path(__file__).resolve().parent.parent
SECRETS_PATH = REPO / ".streamlit" / "secrets.toml"
PASSWORD_HASH_KEY = "organizer_password_hash"  # top-level key in secrets.toml
PASSWORD_HASH_ENV = "FOOTPRINT_ORGANIZER_PASSWORD_HASH"
ORGANIZERS_KEY = "organizers"  # list of e-mails in secrets.toml
ORGANIZERS_ENV = "FOOTPRINT_ORGANIZERS"  # comma-separated e-mails
TOKEN_HASH_ENV = "FOOTPRINT_ORGANIZER_TOKEN_HASH"
TOKEN_PARAM = "organizer"  # ?organizer=TOKEN, the launcher's one-time link
# Set by `make serve` on the replicas behind HAProxy, which replaces any X-Forwarded-For a
# client sends with the address it really saw.
BEHIND_PROXY_ENV = "FOOTPRINT_BEHIND_PROXY"
MIN_PASSWORD_LENGTH = 12


@dataclass(frozen=True)
class Organizer:
    """Who is signed in: `name` is written in the publishing history, `method` says how."""

    name: str
    method: str  # oidc | password | link


# ---- passwords ------------------------------------------------------------------------------


def hash_password(password: str) -> str:
    """An argon2id hash (salted, with the library's current cost parameters)."""
    return PasswordHasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when `password` matches; a malformed hash counts as no match, never as an error
    that could show the hash."""
    if not password_hash or not password:
        return False
    try:
        return PasswordHasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def password_problem(password: str, repeated: str) -> str | None:
    """Why a new password is refused, or None."""
    if password != repeated:
        return "the two passwords differ"
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"the password needs at least {MIN_PASSWORD_LENGTH} characters"
    return None


def configured_password_hash(secrets_values: dict | None = None) -> str:
    """The hash from the environment, else from secrets.toml's values; empty if none."""
    from_env = os.environ.get(PASSWORD_HASH_ENV, "").strip()
    if from_env:
        return from_env
    return str((secrets_values or {}).get(PASSWORD_HASH_KEY, "")).strip()


def write_password_hash(password_hash: str, path: Path = SECRETS_PATH) -> None:
    """Set `organizer_password_hash` in secrets.toml, keeping every other entry, atomically
    and readable by the owner only (mode 600)."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    tomllib.loads(old)  # refuse to rewrite a file that is already broken
    line = f'{PASSWORD_HASH_KEY} = "{password_hash}"'
    lines = old.splitlines()
    first_table = next(
        (i for i, text in enumerate(lines) if text.lstrip().startswith("[")), len(lines)
    )
    kept = [
        text for text in lines[:first_table] if text.split("=", 1)[0].strip() != PASSWORD_HASH_KEY
    ]
    text = "\n".join([*kept, line, *lines[first_table:]]) + "\n"
    if tomllib.loads(text).get(PASSWORD_HASH_KEY) != password_hash:
        raise ValueError(f"{path}: could not set {PASSWORD_HASH_KEY}")
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, text, mode=0o600)


# ---- one-time links ---------------------------------------------------------------------------


def token_digest(token: str) -> str:
    """SHA-256 of a token: a 256-bit random token needs no slow hash, and only this digest is
    kept where the app can read it."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> tuple[str, str]:
    """(token, its digest): the token goes in the printed link, the digest to the app."""
    token = secrets.token_urlsafe(32)
    return token, token_digest(token)


class OneTimeLinks:
    """Redeems launcher links: a digest opens one session, then is spent for this process."""

    def __init__(self) -> None:
        self._spent: set[str] = set()
        self._lock = threading.Lock()

    def redeem(self, token: str, expected_digest: str) -> bool:
        """True the first time `token` matches `expected_digest`, False ever after."""
        if not token or not expected_digest:
            return False
        matches = hmac.compare_digest(token_digest(token), expected_digest)
        with self._lock:
            if not matches or expected_digest in self._spent:
                return False
            self._spent.add(expected_digest)
            return True


def is_loopback(ip_address: str | None) -> bool:
    """Streamlit reports a browser on this machine as no address at all (st.context.ip_address
    is None for 127.0.0.1 and ::1)."""
    return ip_address is None


def throttle_key(peer: str | None, forwarded_for: str | None, behind_proxy: bool) -> str:
    """Whose failed sign-ins these are. Behind our own proxy every visitor comes from this
    machine, so the address the proxy saw (the last X-Forwarded-For hop, the one it added) is
    the visitor's; anywhere else a client could write that header itself, so it is ignored."""
    if behind_proxy and forwarded_for:
        return forwarded_for.split(",")[-1].strip()
    return peer or "loopback"


# ---- allow-list -------------------------------------------------------------------------------


def allowed_emails(secrets_values: dict | None = None) -> frozenset[str]:
    """Organizer e-mails from secrets.toml's `organizers` list and $FOOTPRINT_ORGANIZERS."""
    listed = (secrets_values or {}).get(ORGANIZERS_KEY, [])
    if isinstance(listed, str):
        listed = listed.split(",")
    from_env = os.environ.get(ORGANIZERS_ENV, "").split(",")
    return frozenset(
        email.strip().casefold() for email in [*listed, *from_env] if str(email).strip()
    )


def is_allowed(email: str | None, verified: bool | None, allowed: Iterable[str]) -> bool:
    """An e-mail on the list, unless the identity provider says it is not verified."""
    if not email or verified is False:
        return False
    return email.strip().casefold() in set(allowed)


# ---- throttling -------------------------------------------------------------------------------


@dataclass
class _Failures:
    count: int = 0
    last: float = 0.0


@dataclass
class Throttle:
    """Failed sign-ins slow down, per client and for everyone (in-process).

    A client gets `free_attempts` tries, then waits `base_delay_s`, doubling with each further
    failure up to `max_delay_s`. Past `global_limit` failures from all clients within
    `global_window_s`, everyone waits until the window has room again.
    """

    free_attempts: int = 3
    base_delay_s: float = 2.0
    max_delay_s: float = 900.0
    global_limit: int = 30
    global_window_s: float = 300.0
    max_clients: int = 10_000
    clock: Callable[[], float] = time.monotonic
    _clients: dict[str, _Failures] = field(default_factory=dict, init=False)
    _recent: deque[float] = field(default_factory=deque, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    def _delay(self, count: int) -> float:
        if count < self.free_attempts:
            return 0.0
        return min(self.max_delay_s, self.base_delay_s * 2 ** (count - self.free_attempts))

    def wait_time(self, client: str) -> float:
        """Seconds before `client` may try again; 0 when it may try now."""
        now = self.clock()
        with self._lock:
            while self._recent and now - self._recent[0] >= self.global_window_s:
                self._recent.popleft()
            waits = [0.0]
            if len(self._recent) >= self.global_limit:
                waits.append(self._recent[0] + self.global_window_s - now)
            failures = self._clients.get(client)
            if failures is not None:
                waits.append(failures.last + self._delay(failures.count) - now)
            return max(waits)

    def record_failure(self, client: str) -> None:
        now = self.clock()
        with self._lock:
            if client not in self._clients and len(self._clients) >= self.max_clients:
                self._forget_idle(now)
            failures = self._clients.setdefault(client, _Failures())
            failures.count += 1
            failures.last = now
            self._recent.append(now)

    def record_success(self, client: str) -> None:
        with self._lock:
            self._clients.pop(client, None)

    def _forget_idle(self, now: float) -> None:
        """Bound memory: drop clients whose last failure is older than the longest delay."""
        idle = [
            client
            for client, failures in self._clients.items()
            if now - failures.last > self.max_delay_s
        ]
        for client in idle or list(self._clients)[: len(self._clients) // 2]:
            del self._clients[client]
