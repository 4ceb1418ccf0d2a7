"""Global Footprint: configures the page, draws the shared filters and routes to the pages."""

import streamlit as st

from footprint.assets import install_static_assets
from footprint.data import DataError, data_dir
from footprint.i18n import t
from geo.cache import CacheFormatError
from ui import data, filters, map_first, notices, presentation, routing, signin

routing.leave_legacy_pages_mode()  # a fresh server's first run: see ui/routing.py
st.set_page_config(page_title="Global Footprint", layout="wide")
install_static_assets()

try:
    years = data.edition_years(data_dir())
except (DataError, CacheFormatError) as error:
    notices.unusable_data(error)

organizer = signin.current_organizer()  # spends a one-time ?organizer= link and removes it
presentation.remember_options()  # the deck's interval= and theme=; the filters leave them be
lang = filters.start(years).lang
notices.broken_files(organizer, lang)
map_page = st.Page("pages/map.py", title=t("page_map", lang), default=True)
page = st.navigation(
    [
        map_page,
        st.Page("pages/editions.py", title=t("page_editions", lang), url_path="editions"),
        st.Page("pages/cities.py", title=t("page_cities", lang), url_path="cities"),
        st.Page("pages/sources.py", title=t("page_sources", lang), url_path="sources"),
        st.Page(
            presentation.PAGE_PATH,
            title=t("present.page_title", lang),
            url_path=presentation.URL_PATH,
            visibility="hidden",
        ),
        *signin.pages(organizer, lang),
    ]
)


def sidebar() -> None:
    """The shared sidebar: the filters, then the organizers' link."""
    filters.sidebar(years)
    signin.sidebar(organizer, lang)


map_alone = map_first.holds_back(page, map_page)
if not map_alone:
    sidebar()
signin.follow_up(lang)
page.run()
if map_alone:  # the map's report came with this very run (ui/map_first.py)
    sidebar()
