"""The map page's cities-per-continent bars: plain HTML in the map's colours, escaped."""

import re

from footprint.mapview import CONTINENT_COLORS
from ui.charts import continent_bars_html


def test_bars_are_as_long_as_each_continents_share_of_the_largest():
    html = continent_bars_html(
        {"Africa": 4, "Americas": 5, "Asia": 2, "Europe": 9, "Oceania": 0}, "en"
    )
    widths = re.findall(r'style="width:([0-9.]+)%;background:(#[0-9A-Fa-f]{6})"', html)
    assert widths == [
        ("44.4", CONTINENT_COLORS["Africa"]),
        ("55.6", CONTINENT_COLORS["Americas"]),
        ("22.2", CONTINENT_COLORS["Asia"]),
        ("100.0", CONTINENT_COLORS["Europe"]),
        ("0.0", CONTINENT_COLORS["Oceania"]),
    ]
    assert re.findall(r'<bdi class="fp-bar-count">(\d+)</bdi>', html) == ["4", "5", "2", "9", "0"]
    assert 'aria-label="Cities per continent"' in html


def test_continent_names_in_the_visitors_language():
    assert ">Amériques<" in continent_bars_html({"Americas": 1}, "fr")
    assert ">أوروبا<" in continent_bars_html({"Europe": 1}, "ar")
