"""Every page through Streamlit's AppTest, in French, English and Arabic, with good and bad URL
parameters."""

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest, app_test

from footprint.data import load_dataset
from footprint.documents import document_labels
from footprint.i18n import LANGUAGES, t
from tests.conftest import REPO, shown_map
from ui.direction import isolate
from ui.markdown import escape_markdown

PAGES = ["pages/map.py", "pages/editions.py", "pages/cities.py", "pages/sources.py"]
PARAMS = [
    {"edition": "2", "lang": "en"},
    {"edition": "2", "continent": "Europe", "lang": "fr"},
    {"edition": "all", "lang": "en"},
    {"edition": "3", "continent": "Asia,Africa", "lang": "fr"},
    {"edition": "7", "lang": "en"},
    {"edition": "1", "lang": "fr"},
    {"edition": "banana", "continent": "Atlantis", "lang": "xx"},
    {"edition": "2", "lang": "ar"},
    {"edition": "2", "continent": "Europe,Americas", "lang": "ar"},
    {"edition": "all", "lang": "ar"},
    {"edition": "3", "continent": "Asia", "lang": "ar"},
    {"edition": "7", "lang": "ar"},
    {"edition": "1", "continent": "Africa", "lang": "ar"},
]


class _RunningServerPagesManager(PagesManager):
    """A server runs scripts in Streamlit's legacy `pages/` mode only until app.py has called
    st.navigation once. AppTest resets that before every run, so each rerun would run the page
    alone, without app.py's sidebar. Behave as a server that has served its first session."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


@pytest.fixture(autouse=True)
def _as_a_running_server(monkeypatch):
    monkeypatch.setattr(app_test, "PagesManager", _RunningServerPagesManager)


def _run(params, page=None, data_dir=None, monkeypatch=None):
    if data_dir is not None:
        monkeypatch.setenv("FOOTPRINT_DATA_DIR", str(data_dir))
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    shown_map(app)
    for name, value in params.items():
        app.query_params[name] = value
    app.run()
    if page is not None:
        app.switch_page(page).run()
    return app


def _metrics(app):
    """Label → value; the counted cards come first, so a source's own figure of the same
    name (the 92 cities of editions 1–2) does not hide them."""
    found = {}
    for metric in app.metric:
        found.setdefault(metric.label, metric.value)
    return found


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("params", PARAMS, ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items()))
def test_every_page_renders(page, params):
    app = _run(params, page)
    assert not app.exception, [e.value for e in app.exception]
    lang = params["lang"] if params["lang"] in LANGUAGES else "fr"
    assert app.title[0].value == t(
        {
            "pages/map.py": "app_title",
            "pages/editions.py": "page_editions",
            "pages/cities.py": "page_cities",
            "pages/sources.py": "page_sources",
        }[page],
        lang,
    )


def test_edition_2_cards_equal_the_data():
    metrics = _metrics(_run({"edition": "2", "lang": "en"}))
    assert metrics["Cities"] == "20"
    assert metrics["Countries"] == "18"
    assert metrics["Continents"] == "4"
    assert metrics["Speakers"] == "≈ 85"
    assert metrics["Participants"] == "≥ 15,000"
    assert metrics["Journalists"] == "112"
    assert metrics["Delegation members"] == "≥ 160"


def test_french_cards_and_combined_figures_apart():
    app = _run({"edition": "2", "lang": "fr"})
    metrics = _metrics(app)
    assert metrics["Participants"] == "≥ 15\u202f000"
    assert metrics["Intervenants"] == "≈ 85"
    assert [e.label for e in app.expander] == [t("combined_figure", "fr", editions="1–2")]


def test_continent_filter_counts_europe_only():
    metrics = _metrics(_run({"edition": "2", "continent": "Europe", "lang": "en"}))
    assert (metrics["Cities"], metrics["Countries"], metrics["Continents"]) == ("9", "8", "1")


def test_map_page_draws_cities_per_continent_as_light_bars_not_a_vega_chart():
    """The map page is every new visitor's first: no Vega JavaScript to download there."""
    app = _run({"edition": "2", "lang": "en"})
    bars = [
        element.proto.body for element in app.get("html") if 'class="fp-bars"' in element.proto.body
    ]
    assert len(bars) == 1
    assert bars[0].count('class="fp-bar-row"') == 5
    assert not app.get("arrow_vega_lite_chart")


def test_edition_7_shows_its_figures_the_change_and_no_city_list():
    app = _run({"edition": "7", "lang": "en"})
    speakers = next(m for m in app.metric if m.label == "Speakers")
    assert speakers.value == "66"
    assert speakers.delta == "-19 (≈) vs edition 2"
    assert escape_markdown("Edition 7: no city list was published.") in _captions(app)


def _captions(app):
    return [caption.value for caption in app.caption]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_edition_without_a_list_says_so_and_never_counts_zero(lang):
    """Edition 7 published no city list: its cards say so, its map says so, and the
    continent chart gives way to a message (no empty axis)."""
    app = _run({"edition": "7", "lang": lang})
    metrics = _metrics(app)
    markdown = [element.value for element in app.markdown]
    for key in ("cities_count", "countries_count", "continents_count"):
        assert t(key, lang) not in metrics
        said = t(
            "field_value", lang, label=f"**{t(key, lang)}**", value=t("list_not_published", lang)
        )
        assert said in markdown
    assert "0" not in metrics.values()
    assert t("map_no_list", lang) in [info.value for info in app.info]
    assert t("no_chart_data", lang) in _captions(app)
    assert not app.get("arrow_vega_lite_chart")


def test_partial_lists_are_said_beside_the_counts():
    app = _run({"edition": "3", "lang": "en"})
    assert escape_markdown("Edition 3: only the guest city (Shanghai) is known.") in _captions(app)
    app = _run({"edition": "2", "lang": "fr"})
    assert escape_markdown("Éditions 1–2 : 92 villes annoncées ensemble, 20 nommées.") in _captions(
        app
    )


def test_arabic_cards_keep_each_figure_in_its_own_order():
    """`≥ 15.000` is isolated inside the Arabic card, so it cannot be reordered around it."""
    metrics = _metrics(_run({"edition": "2", "lang": "ar"}))
    assert metrics[t("metric.participants", "ar")] == isolate("≥ 15.000", "ar")
    assert metrics[t("cities_count", "ar")] == "20"
    app = _run({"edition": "3", "lang": "ar"})
    guest = t("list_guest_only", "ar", edition=isolate("3", "ar"), guest=isolate("شنغهاي", "ar"))
    assert escape_markdown(guest) in _captions(app)


def test_only_an_arabic_page_is_laid_out_right_to_left():
    arabic = _run({"edition": "2", "lang": "ar"})
    styles = [element.proto.body for element in arabic.get("html")]
    assert any("direction: rtl" in style and "NotoSansArabic" in style for style in styles)
    french = _run({"edition": "2", "lang": "fr"})
    assert not any("direction: rtl" in element.proto.body for element in french.get("html"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sources_are_named_by_title_never_by_file_on_the_editions_page(lang):
    app = _run({"edition": "all", "lang": lang}, "pages/editions.py")
    texts = [element.value for element in (*app.markdown, *app.caption)]
    assert not [text for text in texts if ".txt" in text]
    timeline = " ".join(texts)
    dataset = load_dataset(REPO / "data")
    for label in document_labels(dataset, lang).values():
        assert escape_markdown(label) in timeline, label


def test_arabic_theme_is_marked_as_our_translation():
    app = _run({"edition": "all", "lang": "ar"}, "pages/editions.py")
    translated = t("theme_translated", "ar", theme="مدن للعيش وابتكار مواطني")
    assert any(escape_markdown(translated) in element.value for element in app.markdown)


def test_announced_figures_say_so():
    """Edition 3's figures were all announced before it: the card says so once, and shows
    every disagreeing statement."""
    metrics = _metrics(_run({"edition": "3", "lang": "en"}))
    assert metrics["Speakers (announced)"] == "≈ 85 / 85 / ≈ 100"
    assert metrics["Participants (announced)"] == "≈ 100"


def test_nonsense_in_the_url_is_named_and_ignored():
    app = _run({"edition": "banana", "continent": "Atlantis", "lang": "xx"})
    assert not app.exception
    notices = [toast.value for toast in app.toast]
    assert t("ignored_param", "fr", name="edition", value="banana") in notices
    assert t("ignored_param", "fr", name="continent", value="Atlantis") in notices
    assert app.query_params["edition"] == "all"


def test_the_url_follows_the_sidebar():
    app = _run({"edition": "2", "lang": "en"})
    app.sidebar.multiselect[0].select("Asia").run()
    assert app.query_params["continent"] == "Asia"
    assert _metrics(app)["Cities"] == "2"
    app.sidebar.selectbox[0].select("all").run()
    assert app.query_params["edition"] == "all"


def test_switching_language_relabels_the_page():
    app = _run({"edition": "2", "lang": "en"})
    app.sidebar.segmented_control[0].set_value("fr").run()
    assert app.title[0].value == t("app_title", "fr")
    assert app.query_params["lang"] == "fr"


def test_broken_data_is_reported_with_file_line_and_column(data_copy, monkeypatch):
    cities = data_copy / "cities.csv"
    cities.write_text(cities.read_text(encoding="utf-8").replace("2,Paris,FR,", "2,Paris,XX,"))
    app = _run({}, data_dir=data_copy, monkeypatch=monkeypatch)
    assert app.error[0].value == " / ".join(t("data_error", lang) for lang in LANGUAGES)
    assert (
        f"{cities}:5: country: 'XX' is not an ISO 3166-1 alpha-2 country code" in app.code[0].value
    )


def test_broken_geocache_is_reported_and_left_as_it_is(data_copy, monkeypatch):
    geocache = data_copy / "geocache.csv"
    broken = geocache.read_text(encoding="utf-8").replace("5.55602", "north", 1)
    geocache.write_text(broken, encoding="utf-8")
    app = _run({}, data_dir=data_copy, monkeypatch=monkeypatch)
    assert f"{geocache}:2:3: lat: 'north' is not a number" in app.code[0].value
    assert geocache.read_text(encoding="utf-8") == broken


def test_cities_page_searches_and_offers_a_download():
    app = _run({"edition": "all", "lang": "en"}, "pages/cities.py")
    app.text_input[0].input("kingdom").run()
    table = app.dataframe[0].value
    assert table["City"].tolist() == ["London"]
    assert app.get("download_button")


def test_arabic_cities_page_finds_arabic_names_in_a_right_to_left_table():
    app = _run({"edition": "all", "lang": "ar"}, "pages/cities.py")
    app.text_input[0].input("لندن").run()
    (table,) = app.table
    assert table.value[t("city", "ar")].tolist() == [escape_markdown("لندن")]
    assert table.value[t("country", "ar")].tolist() == ["المملكة المتحدة"]
    assert app.get("download_button")


def test_a_new_sessions_map_page_sends_its_map_alone():
    """Map first (ui/map_first.py): until the map's frame reports the map on screen, the map
    page's run ends after the map; the filters and the figures follow the report."""
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    app.query_params["edition"] = "2"
    app.query_params["lang"] = "en"
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.title[0].value == t("app_title", "en")
    assert len(app.get("component_instance")) == 1
    assert not app.sidebar.selectbox and not app.sidebar.multiselect
    assert not app.metric
    assert app.query_params["edition"] == "2"  # the URL is kept in step from the first run


def test_a_new_sessions_other_pages_draw_their_filters_at_once():
    app = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    app.query_params["lang"] = "en"
    app.run()
    app.switch_page("pages/editions.py").run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.sidebar.selectbox and app.sidebar.multiselect
