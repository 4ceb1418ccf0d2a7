"""Nominatim, opt-in: geopy's geocoder wrapped in geopy's RateLimiter, never called by default.

Nominatim's usage policy: at most one request per second, an identifying user agent with a
contact, and caching of results (which the resolver does through data/geocache.csv).
"""

import os
from collections.abc import Iterable
from functools import partial

from geopy.adapters import RequestsAdapter
from geopy.exc import GeocoderParseError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.location import Location

from geo.base import Provider, country_filter
from geo.config import user_agent

PUBLIC_DOMAIN = "nominatim.openstreetmap.org"
POLICY_MIN_DELAY_SECONDS = 1.0


class OnlineGeocoder(Provider):
    """Nominatim behind a rate limiter; the limiter wraps the geocoder instead of changing it."""

    name = "nominatim"

    def __init__(
        self,
        *,
        domain: str | None = None,
        scheme: str | None = None,
        agent: str | None = None,
        timeout: float = 10.0,
        min_delay_seconds: float = POLICY_MIN_DELAY_SECONDS,
    ):
        domain = domain or os.environ.get("GEO_NOMINATIM_DOMAIN") or PUBLIC_DOMAIN
        scheme = scheme or os.environ.get("GEO_NOMINATIM_SCHEME") or "https"
        if domain == PUBLIC_DOMAIN:
            min_delay_seconds = max(min_delay_seconds, POLICY_MIN_DELAY_SECONDS)
        # No retries in the HTTP adapter: its default obeys a 429's Retry-After (an import would
        # sleep as long as the server says) and retries outside the rate limiter.
        self.nominatim = Nominatim(
            user_agent=agent or user_agent(),
            domain=domain,
            scheme=scheme,
            timeout=timeout,
            adapter_factory=partial(RequestsAdapter, max_retries=0),
        )
        self._limited_geocode = RateLimiter(
            self.nominatim.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=0,
            swallow_exceptions=False,
        )

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        country_codes: str | Iterable[str] | None = None,
    ) -> Location | list[Location] | None:
        codes = country_filter(country_codes)
        try:
            found = self._limited_geocode(
                query,
                exactly_one=exactly_one,
                addressdetails=True,
                country_codes=sorted(codes) if codes else None,
            )
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise GeocoderParseError(f"malformed Nominatim reply for {query!r}: {error}") from error
        locations = found if isinstance(found, list) else [found] if found else []
        for location in locations:
            # geopy reads a place without coordinates as (0, 0): a wrong place, not a place.
            if not {"lat", "lon"} <= set(location.raw):
                raise GeocoderParseError(f"Nominatim reply for {query!r} lacks coordinates")
        return found


def country_code_of(location: Location) -> str:
    """Nominatim puts the ISO2 code, lower-case, in the address details."""
    address = location.raw.get("address") or {}
    return str(address.get("country_code", "")).upper()
