"""The offline geocoder: GeoNames cities looked up in the compact index, geopy-shaped."""

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from geopy.exc import GeocoderQueryError, GeocoderUnavailable
from geopy.location import Location

from geo.base import Provider, country_filter
from geo.index import OFFICIAL, UNTRUSTED_ALTERNATE, ensure_index
from geo.query import Hint, parse_query

_CITY_COLUMNS = "c.id, c.name, c.latitude, c.longitude, c.country_code, c.admin1, c.population"
_BY_KEY = (
    f"SELECT {_CITY_COLUMNS}, n.kind, c.major, c.prominence "
    "FROM names n JOIN cities c ON c.id = n.city WHERE n.key = ?"
)
# An official name outweighs an alternate one: "Porto" is Porto, though Bordeaux is larger and
# lists "Porto" among its alternate names.
_OFFICIAL_NAME_WEIGHT = 2.0


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    latitude: float
    longitude: float
    country_code: str
    admin1: str
    population: int

    def to_location(self) -> Location:
        raw = {
            "geonameid": self.geonameid,
            "name": self.name,
            "country_code": self.country_code,
            "admin1": self.admin1,
            "population": self.population,
            "provider": Gazetteer.name,
        }
        address = f"{self.name}, {self.country_code}"
        return Location(address, (self.latitude, self.longitude), raw)

    @property
    def label(self) -> str:
        return f"{self.name} ({self.country_code})"


class Gazetteer(Provider):
    """GeoNames cities (population > 500) with their French, English, Spanish... names.

    Among homonyms the country hint decides, otherwise the larger city. Alternate names of
    small places count only with a country hint, because GeoNames lists many junk ones.
    """

    name = "gazetteer"

    def __init__(self, index: Path | None = None):
        path = index or ensure_index()
        try:
            self._connection = sqlite3.connect(
                f"file:{path}?mode=ro", uri=True, check_same_thread=False
            )
            # Memory-mapped reads: the OS page cache serves look-ups without read() calls.
            self._connection.execute("PRAGMA mmap_size = 268435456")
        except sqlite3.Error as error:
            raise GeocoderUnavailable(f"cannot open gazetteer index {path}: {error}") from error
        self._matcher: _FuzzyMatcher | None = None

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        country_codes: str | Iterable[str] | None = None,
    ) -> Location | list[Location] | None:
        cities = self.find(query, country_codes=country_codes)
        if not cities:
            return None
        if exactly_one:
            return cities[0].to_location()
        return [city.to_location() for city in cities]

    def find(self, query: str, *, country_codes: str | Iterable[str] | None = None) -> list[City]:
        """Cities for the first reading of the query that names any, best first."""
        return self.named(query, country_codes=country_codes) or self.typo_match(
            query, country_codes=country_codes
        )

    def typo_match(
        self, query: str, *, country_codes: str | Iterable[str] | None = None
    ) -> list[City]:
        """The one city a typo of the name means, when it is close and unambiguous; for a
        caller that already knows no city bears the name itself."""
        countries = country_filter(country_codes)
        accepted = self._fuzzy().accept(parse_query(query, countries).core_name, Hint(countries))
        return [accepted] if accepted else []

    def named(self, query: str, *, country_codes: str | Iterable[str] | None = None) -> list[City]:
        """Every city bearing the name, best first, with no typo matching: the homonyms a person
        picks from when a list's name is ambiguous."""
        if not isinstance(query, str) or not query.strip():
            raise GeocoderQueryError("the query must be a non-empty place name")
        parsed = parse_query(query, country_filter(country_codes))
        for name, hint, major_only in parsed.attempts:
            cities = self._cities_named(name, hint, major_only)
            if cities:
                return cities
        return []

    def suggestions(
        self, query: str, *, country_codes: str | Iterable[str] | None = None, limit: int = 5
    ) -> list[str]:
        """Close names to show a person when a query stays unresolved."""
        parsed = parse_query(query, country_filter(country_codes))
        return self._fuzzy().suggest(parsed.core_name, Hint(country_filter(country_codes)), limit)

    def _cities_named(self, key: str, hint: Hint, major_only: bool) -> list[City]:
        """Cities that bear this name and fit the hint, the most prominent first."""
        scored = []
        for *columns, kind, major, prominence in self._connection.execute(_BY_KEY, (key,)):
            city = City(*columns)
            if hint.countries is not None and city.country_code not in hint.countries:
                continue
            if hint.admin1 is not None and city.admin1 != hint.admin1:
                continue
            if major_only and not major:
                continue
            if kind == UNTRUSTED_ALTERNATE and hint.countries is None:
                continue
            weight = _OFFICIAL_NAME_WEIGHT if kind == OFFICIAL else 1.0
            scored.append((prominence * weight, city))
        scored.sort(key=lambda pair: pair[0], reverse=True)
        return [city for _, city in scored]

    def _fuzzy(self) -> "_FuzzyMatcher":
        if self._matcher is None:
            self._matcher = _FuzzyMatcher(self._connection)
        return self._matcher


class _FuzzyMatcher:
    """Typos: proposes near names, accepts one alone only when it is close and unambiguous."""

    _SUGGESTION_CUTOFF = 75
    _COUNTRIES_KEPT = 4

    def __init__(self, connection: sqlite3.Connection):
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein
        from rapidfuzz.fuzz import ratio

        self._process, self._levenshtein, self._ratio = process, Levenshtein, ratio
        self._connection = connection
        self._major: tuple[list[str], list[City]] | None = None
        self._by_country: dict[frozenset[str], tuple[list[str], list[City]]] = {}

    def _choices(self, hint: Hint) -> tuple[list[str], list[City]]:
        """Every major city's names with no hint; else a country's names, kept for the last few
        countries: an imported list asks for the same country's near names again and again,
        and each read costs a third of a second (the major cities', over a second)."""
        if hint.countries is None:
            if self._major is None:
                rows = self._connection.execute(
                    f"SELECT n.key, {_CITY_COLUMNS} FROM names n JOIN cities c ON c.id = n.city "
                    "WHERE n.kind >= 1 AND c.major = 1 ORDER BY c.population DESC"
                ).fetchall()
                self._major = [row[0] for row in rows], [City(*row[1:]) for row in rows]
            return self._major
        if hint.countries not in self._by_country:
            marks = ",".join("?" * len(hint.countries))
            rows = self._connection.execute(
                f"SELECT n.key, {_CITY_COLUMNS} FROM names n JOIN cities c ON c.id = n.city "
                f"WHERE c.country_code IN ({marks}) ORDER BY c.population DESC",
                sorted(hint.countries),
            ).fetchall()
            if len(self._by_country) >= self._COUNTRIES_KEPT:
                self._by_country.pop(next(iter(self._by_country)))
            self._by_country[hint.countries] = (
                [row[0] for row in rows],
                [City(*row[1:]) for row in rows],
            )
        return self._by_country[hint.countries]

    def accept(self, name: str, hint: Hint) -> City | None:
        """One edit away from a single city's name, same first letter, long enough to tell,
        and every other city two edits away at most half its size."""
        if len(name) < 5:
            return None
        keys, cities = self._choices(hint)
        near = self._process.extract(
            name, keys, scorer=self._levenshtein.distance, score_cutoff=2, limit=50
        )
        best_distance = min((distance for _, distance, _ in near), default=None)
        if best_distance is None or best_distance > 1:
            return None
        closest = [index for _, distance, index in near if distance == best_distance]
        if len({cities[index].geonameid for index in closest}) != 1:
            return None
        if any(keys[index][:1] != name[:1] for index in closest):
            return None
        best = cities[closest[0]]
        rivals = {cities[index] for _, _, index in near} - {best}
        if any(rival.population * 2 > best.population for rival in rivals):
            return None
        return best

    def suggest(self, name: str, hint: Hint, limit: int) -> list[str]:
        if not name:
            return []
        keys, cities = self._choices(hint)
        near = self._process.extract(
            name, keys, scorer=self._ratio, score_cutoff=self._SUGGESTION_CUTOFF, limit=limit * 10
        )
        labels: list[str] = []
        for _, _, index in near:
            label = cities[index].label
            if label not in labels:
                labels.append(label)
        return labels[:limit]
