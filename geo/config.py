"""Where geo reads and writes, taken from the environment at call time so tests can redirect it."""

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

DEFAULT_USER_AGENT = "global-footprint/0.1 (contact: set-GEO_USER_AGENT@example.org)"


def data_dir() -> Path:
    """The dashboard's data folder; FOOTPRINT_DATA_DIR lets tests use a scratch copy."""
    return Path(os.environ.get("FOOTPRINT_DATA_DIR") or REPO_ROOT / "data")


def geocache_path() -> Path:
    return data_dir() / "geocache.csv"


def index_cache_dir() -> Path:
    """Where the compact gazetteer index lives; git-ignored, rebuilt when missing."""
    return Path(os.environ.get("GEO_CACHE_DIR") or REPO_ROOT / ".cache" / "geo")


def online_enabled() -> bool:
    """Nominatim is opt-in: venues and CI have no reliable internet."""
    return os.environ.get("GEO_ONLINE", "").strip().lower() in {"1", "true", "yes", "on"}


def user_agent() -> str:
    """Nominatim's usage policy asks for an identifying user agent with a contact."""
    return os.environ.get("GEO_USER_AGENT") or DEFAULT_USER_AGENT
