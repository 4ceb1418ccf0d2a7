"""The shape every provider shares, modelled on geopy's geocoders."""

from abc import ABC, abstractmethod
from collections.abc import Iterable

from geopy.location import Location

from geo.countries import hint_codes


class Provider(ABC):
    """A geocoder answering like geopy's: a Location, a list of them, or None when not found."""

    name: str

    @abstractmethod
    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        country_codes: str | Iterable[str] | None = None,
    ) -> Location | list[Location] | None:
        """Find a place; failures raise geopy.exc errors, "not found" is None."""


def country_filter(country_codes: str | Iterable[str] | None) -> frozenset[str] | None:
    """geopy accepts one code or several; an empty filter means no filter."""
    if country_codes is None:
        return None
    codes = [country_codes] if isinstance(country_codes, str) else list(country_codes)
    cleaned = frozenset(
        searched
        for code in codes
        if code and code.strip()
        for searched in hint_codes(code.strip().upper())
    )
    return cleaned or None
