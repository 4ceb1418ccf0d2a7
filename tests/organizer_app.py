"""Running the dashboard in AppTest as an organizer would reach it: a one-time link from this
computer, a password, or an OpenID Connect identity; on a copy of the data folder."""

from __future__ import annotations

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest, app_test

from footprint import auth
from tests.conftest import REPO, shown_map

APP = str(REPO / "app.py")
REMOTE_ADDRESS = "192.0.2.7"  # TEST-NET-1: never routed, only a value here


class RunningServerPagesManager(PagesManager):
    """AppTest resets Streamlit's legacy `pages/` mode before every run; a server leaves it
    after its first session. Behave as that server."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


@pytest.fixture
def organizer_env(monkeypatch, data_copy):
    """A data copy, no configured secret, and a browser on this computer (Streamlit reports
    a loopback client as no address; AppTest's mock runtime would report a mock)."""
    monkeypatch.setattr(app_test, "PagesManager", RunningServerPagesManager)
    monkeypatch.setenv("FOOTPRINT_DATA_DIR", str(data_copy))
    for name in (auth.PASSWORD_HASH_ENV, auth.ORGANIZERS_ENV, auth.TOKEN_HASH_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("ui.signin._client_address", lambda: None)
    return data_copy


def new_app(lang: str = "en", **params: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=90)
    shown_map(app)
    app.query_params["lang"] = lang
    for name, value in params.items():
        app.query_params[name] = value
    return app


def signed_in_by_link(monkeypatch, lang: str = "en") -> AppTest:
    """The app opened with a fresh launcher link, as `python -m footprint serve` prints it."""
    token, digest = auth.new_token()
    monkeypatch.setenv(auth.TOKEN_HASH_ENV, digest)
    app = new_app(lang, organizer=token)
    app.run()
    return app


def titles(app: AppTest) -> list[str]:
    return [title.value for title in app.title]
