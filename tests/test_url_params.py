"""The shared filters own three URL parameters (edition, continent, lang) and no others: a link's
other parameters (a campaign tag, the deck's options) survive every run, and a one-time sign-in
token still leaves the address bar once spent."""

import pytest
from streamlit.runtime.state.query_params import QueryParams
from streamlit.testing.v1 import app_test

from footprint import auth
from tests.organizer_app import new_app, organizer_env, titles
from tests.test_app import _run, _RunningServerPagesManager
from ui import presentation

__all__ = ["organizer_env"]  # the fixture, used by name below


@pytest.fixture(autouse=True)
def _as_a_running_server(monkeypatch):
    monkeypatch.setattr(app_test, "PagesManager", _RunningServerPagesManager)


@pytest.fixture
def url_writes(monkeypatch) -> list[str]:
    """Every query string the app sends to the browser (one message per write)."""
    sent: list[str] = []
    original = QueryParams._send_query_param_msg

    def spy(self):
        sent.append(str(self))
        original(self)

    monkeypatch.setattr(QueryParams, "_send_query_param_msg", spy)
    return sent


def _open(params, data_copy, monkeypatch, page=None):
    app = _run(params, page, data_dir=data_copy, monkeypatch=monkeypatch)
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_a_foreign_parameter_survives_the_first_run_and_filter_changes(data_copy, monkeypatch):
    app = _open({"edition": "2", "lang": "fr", "utm_source": "press"}, data_copy, monkeypatch)
    assert app.query_params == {"edition": "2", "lang": "fr", "utm_source": "press"}
    app.sidebar.multiselect[0].select("Asia").run()
    assert app.query_params == {
        "edition": "2",
        "lang": "fr",
        "utm_source": "press",
        "continent": "Asia",
    }
    app.sidebar.selectbox[0].select("all").run()
    app.sidebar.segmented_control[0].set_value("en").run()
    assert list(app.query_params.items()) == [  # each parameter keeps its place
        ("edition", "all"),
        ("lang", "en"),
        ("utm_source", "press"),
        ("continent", "Asia"),
    ]


def test_nonsense_is_corrected_and_only_the_filters_parameters_touched(data_copy, monkeypatch):
    app = _open(
        {"edition": "99", "continent": "Atlantis", "lang": "xx", "theme": "dark"},
        data_copy,
        monkeypatch,
    )
    assert app.query_params == {"edition": "all", "lang": "fr", "theme": "dark"}


def test_continents_are_one_comma_separated_value_in_m49_order(data_copy, monkeypatch):
    app = _open(
        {"edition": "all", "continent": ["europe", "Afrique,Asia"], "lang": "en"},
        data_copy,
        monkeypatch,
    )
    assert app.query_params["continent"] == "Africa,Asia,Europe"
    app.sidebar.multiselect[0].unselect("Asia").run()
    assert app.query_params["continent"] == "Africa,Europe"
    for region in ("Africa", "Europe"):
        app.sidebar.multiselect[0].unselect(region).run()
    assert "continent" not in app.query_params  # every continent: no parameter at all


def test_the_url_is_written_only_when_a_filter_changes(data_copy, monkeypatch, url_writes):
    app = _open({"edition": "2", "lang": "en", "ref": "mail"}, data_copy, monkeypatch)
    app.run()
    assert url_writes == []
    app.sidebar.multiselect[0].select("Asia").run()
    assert url_writes == [str({"edition": "2", "lang": "en", "ref": "mail", "continent": "Asia"})]
    app.sidebar.multiselect[0].unselect("Asia").run()
    assert url_writes[1:] == [str({"edition": "2", "lang": "en", "ref": "mail"})]


def test_the_deck_keeps_its_options_in_the_address(data_copy, monkeypatch):
    params = {"edition": "2", "lang": "en", "interval": "5", "theme": "dark"}
    app = _open(params, data_copy, monkeypatch, page="pages/present.py")
    assert app.query_params == params
    assert app.session_state[presentation.STATE_KEY] == presentation.DeckOptions(5.0, "dark")


def test_a_spent_one_time_link_leaves_the_address(organizer_env, monkeypatch):
    token, digest = auth.new_token()
    monkeypatch.setenv(auth.TOKEN_HASH_ENV, digest)
    app = new_app(organizer=token, utm_source="press")
    app.run()
    assert titles(app) == ["Organizers"]
    # Opening the workspace is an st.switch_page, which starts from a bare address.
    assert app.query_params == {"edition": "all", "lang": "en"}


def test_a_refused_one_time_link_leaves_the_address_and_nothing_else(organizer_env, monkeypatch):
    _, digest = auth.new_token()
    monkeypatch.setenv(auth.TOKEN_HASH_ENV, digest)
    app = new_app(organizer="not-the-token", utm_source="press")
    app.run()
    assert "Organizers" not in titles(app)
    assert app.query_params == {"lang": "en", "utm_source": "press", "edition": "all"}
