"""Geography for the places stage: the packaged gazetteer, name variants, containment,
distances.  ``from isnad.geo import load_gazetteer; g = load_gazetteer(); g.lookup("الحسكة")``."""
from .gazetteer import Entry, Gazetteer, haversine, load_gazetteer

__all__ = ["Entry", "Gazetteer", "haversine", "load_gazetteer"]
