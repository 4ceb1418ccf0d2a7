"""The cookie secret every replica shares, so a session moved to another replica keeps its
signed cookies. Generated once into a git-ignored file readable by its owner only; it reaches
Streamlit through the environment (STREAMLIT_SERVER_COOKIE_SECRET), never a command line or log.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SECRET_PATH = REPO / ".cache" / "serve" / "cookie_secret"
SECRET_ENV = "STREAMLIT_SERVER_COOKIE_SECRET"


def cookie_secret(path: Path = SECRET_PATH) -> str:
    """The shared secret, created on first use (0600, written whole or not at all)."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as file:
            file.write(secrets.token_urlsafe(32))
        try:
            os.link(draft, path)  # fails if another process won the race: keep theirs
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text(encoding="ascii").strip()
