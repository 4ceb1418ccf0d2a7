"""UN M49 regions for countries, and the many ways a press release names a continent.

The country → region table comes from country_converter's shipped data file. It is read with
the csv module rather than through ``CountryConverter``: that class costs 0.4 s to import and
fails to initialise under pandas 3 (empty ISO2 cells become NaN).
"""

import csv
import re
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from geo.normalize import fold

_CODE = re.compile(r"[A-Z]{2}")

M49_REGIONS = ("Africa", "Americas", "Asia", "Europe", "Oceania")

# country_converter calls the M49 region "America"; M49 itself says "Americas".
_CONVERTER_TO_M49 = {"America": "Americas"}

_SYNONYMS = {
    "africa": "Africa",
    "afrique": "Africa",
    "afrika": "Africa",
    "afrique du nord": "Africa",
    "afrique subsaharienne": "Africa",
    "africa del norte": "Africa",
    "americas": "Americas",
    "america": "Americas",
    "amerique": "Americas",
    "amerique du nord": "Americas",
    "amerique du sud": "Americas",
    "amerique latine": "Americas",
    "amerique centrale": "Americas",
    "ameriques": "Americas",
    "north america": "Americas",
    "south america": "Americas",
    "latin america": "Americas",
    "central america": "Americas",
    "america latina": "Americas",
    "america del sur": "Americas",
    "america del norte": "Americas",
    "caribbean": "Americas",
    "caraibes": "Americas",
    "asia": "Asia",
    "asie": "Asia",
    "moyen orient": "Asia",
    "middle east": "Asia",
    "europe": "Europe",
    "europa": "Europe",
    "oceania": "Oceania",
    "oceanie": "Oceania",
}


def _converter_data_file() -> Path:
    spec = find_spec("country_converter")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("country_converter is required for continents")
    return Path(spec.origin).parent / "country_data.tsv"


@cache
def _regions_by_iso2() -> dict[str, str]:
    regions: dict[str, str] = {}
    with _converter_data_file().open(encoding="utf-8", newline="") as table:
        for row in csv.DictReader(table, delimiter="\t"):
            region = _CONVERTER_TO_M49.get(row["continent"], row["continent"])
            if region in M49_REGIONS and not row["obsolete"]:
                # A few cells are patterns such as "^GB$|^UK$"; every code in them counts.
                for code in _CODE.findall(row["ISO2"]):
                    regions[code] = region
    return regions


def continent_of(iso2: str | None) -> str | None:
    """The M49 region of a country, None for unknown codes (and Antarctica)."""
    if not iso2:
        return None
    return _regions_by_iso2().get(iso2.strip().upper())


def normalize_continent(text: str | None) -> str | None:
    """One of the five M49 names for a continent written in French or English, else None."""
    if not text:
        return None
    folded = fold(text)
    if folded in _SYNONYMS:
        return _SYNONYMS[folded]
    return next((region for region in M49_REGIONS if fold(region) == folded), None)


def continents_agree(published: str | None, iso2: str | None) -> bool:
    """True when the list gave no continent or one equal to M49's; Istanbul under Europe is not."""
    published_region = normalize_continent(published)
    if published_region is None:
        return True
    return published_region == continent_of(iso2)
