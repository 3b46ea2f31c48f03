"""Which admin units contain a point: Iraq by polygon, Syria by nearest subdistrict.

Iraq: the OCHA/CSO governorate, district and subdistrict polygons, simplified to 0.01 degrees
by the gazetteer build (``resources/gazetteer/iraq_admin.json``), tested with a plain even-odd
ray cast (a few hundred polygons: no need for shapely at run time).  Syria: OpenSyria ships
centroids and areas, not polygons, so a point goes to the subdistrict minimising
distance / radius (a crude power diagram; right for the great majority of places, possibly
wrong within a few km of a border).  Used to fill admin1/admin2 of supplement rows that give
only coordinates, so an analyst adding a row need not look the units up.
"""
from __future__ import annotations

import json
from functools import lru_cache

from ..resources.catalogue import resource_path
from .gazetteer import Entry, haversine


@lru_cache(maxsize=1)
def _iraq() -> dict:
    with resource_path("gazetteer/iraq_admin.json").open(encoding="utf-8") as f:
        data = json.load(f)
    levels = {}
    for lv, feats in data["levels"].items():
        polys = []
        for ft in feats:
            rings_list = [ft["coordinates"]] if ft["type"] == "Polygon" else ft["coordinates"]
            bbox = [180.0, 90.0, -180.0, -90.0]
            for rings in rings_list:
                for x, y in rings[0]:
                    bbox = [min(bbox[0], x), min(bbox[1], y), max(bbox[2], x), max(bbox[3], y)]
            polys.append((ft["pcode"], bbox, rings_list))
        levels[int(lv)] = polys
    return levels


def _in_rings(x: float, y: float, rings: list) -> bool:
    inside = False
    for ring in rings:               # even-odd over outer ring and holes
        n = len(ring)
        j = n - 1
        for i in range(n):
            xi, yi = ring[i]
            xj, yj = ring[j]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / ((yj - yi) or 1e-12) + xi:
                inside = not inside
            j = i
    return inside


def iraq_units(lat: float, lon: float) -> dict[int, str]:
    """{level: P-code} of the Iraqi admin units containing the point (levels 1-3)."""
    out = {}
    for lv, polys in _iraq().items():
        for code, bb, rings_list in polys:
            if not (bb[0] <= lon <= bb[2] and bb[1] <= lat <= bb[3]):
                continue
            if any(_in_rings(lon, lat, rings) for rings in rings_list):
                out[lv] = code
                break
    return out


def syria_subdistrict(g, lat: float, lon: float) -> Entry | None:
    best, bd = None, 1e18
    for i in g.sy_admin3:
        e = g.entry(i)
        d = haversine(lat, lon, e.lat, e.lon) / max(e.radius_km, 3.0)
        if d < bd:
            best, bd = e, d
    return best


def fill_admin(g, e: Entry) -> None:
    """Fill ``e``'s admin1/admin2 (names and ids) from its parent or its coordinates."""
    if e.admin1_id:
        return
    parent = g.get(e.parent) if e.parent else None
    if parent is not None:
        if parent.feature == "admin1":
            e.admin1, e.admin1_id = parent.name, parent.id
        else:
            e.admin1, e.admin1_id = parent.admin1, parent.admin1_id
        if parent.feature == "admin2":
            e.admin2, e.admin2_id = parent.name, parent.id
        elif parent.feature != "admin1":
            e.admin2, e.admin2_id, e.admin3_id = parent.admin2, parent.admin2_id, parent.admin3_id
        if e.admin1_id:
            return
    if e.country == "IQ":
        u = iraq_units(e.lat, e.lon)
        for lv, attr in ((1, "admin1"), (2, "admin2")):
            if lv in u:
                unit = g.get(f"pcode:{u[lv]}")
                if unit is not None:
                    setattr(e, attr, unit.name)
                    setattr(e, attr + "_id", unit.id)
        if 3 in u:
            e.admin3_id = f"pcode:{u[3]}"
    elif e.country == "SY":
        s = syria_subdistrict(g, e.lat, e.lon)
        if s is not None and e.feature not in ("region", "country"):
            e.admin1, e.admin1_id, e.admin2, e.admin2_id = s.admin1, s.admin1_id, s.admin2, s.admin2_id
            e.admin3_id = s.id
