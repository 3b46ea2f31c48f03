"""Geography for the places stage: the packaged gazetteer, name variants, containment,
distances, and :func:`geocode` for names given as strings.

    from isnad.geo import load_gazetteer, geocode
    load_gazetteer().lookup("الحسكة")
    geocode(["بادية البوكمال", "الحسكة"], country="SY")
"""
from functools import lru_cache

from .gazetteer import Entry, Gazetteer, haversine, load_gazetteer

__all__ = ["Entry", "Gazetteer", "haversine", "load_gazetteer", "geocode"]


@lru_cache(maxsize=1)
def _stage():
    from ..stages.places import PlacesStage
    return PlacesStage()


def geocode(names, country: str | None = None) -> list[dict]:
    """Resolve one name or a list of names (one shared context) to gazetteer records."""
    if isinstance(names, str):
        names = [names]
    return _stage().geocode(list(names), country=country)
