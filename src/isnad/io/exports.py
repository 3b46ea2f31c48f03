"""Event exports for event-data users: PLOVER JSONL, ACLED-style CSV and GeoJSON.

Each function takes ``records`` — an iterable of ``isnad/1`` record dicts (what
``Document.to_json()`` returns; error records are skipped) — and ``out``: a path or a writable
text stream.  Each returns the number of rows/features written.

* :func:`export_plover` — one JSON object per event and line, with the PLOVER fields (manual
  Draft 0.8, "PLOVER JSON"): ``id, date, actor, recipient, event, mode, context, quad_code,
  event_scale, event_loc, event_text, text, text_info, cite_info, coder, coded_date, comment``,
  the classic alias ``source`` (= actor), the size fields ``dead, injured, arrested, size``, and an
  ``isnad`` object keeping what PLOVER has no field for: status, claim, chain (source ids and
  names), evidence offsets, ACLED types, auxiliary modes.
* :func:`export_acled` — one CSV row per event with ACLED's columns ``event_date,
  time_precision, event_type, sub_event_type, actor1, actor2, admin1, admin2, admin3, location,
  latitude, longitude, geo_precision, source, source_scale, notes, fatalities`` followed by isnad
  columns (``isnad_id, doc_id, plover_type, plover_mode, status, claim, chain, trigger, evidence,
  date_source, fatalities_known``).  Events of types ACLED does not record (verbal acts) are
  left out unless ``all_types=True``.
* :func:`export_geojson` — a FeatureCollection with one Point feature per event and located
  place (the event place, and for movements its origin and destination, ``properties.role``).

Dates: an event's own time when it has one (``date_source: "event"``), else the document's
publication date (``"published"``, ACLED ``time_precision`` 3), else empty.  A month-precision
time is written as the 15th (the middle of the month), a year as 1 July, with the precision
saying so.  Nothing is invented: an unknown fatality count is 0 in the ACLED column (ACLED's
convention) with ``fatalities_known = false``.
"""
from __future__ import annotations

import csv
import datetime as _dt
import json
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

ACLED_COLUMNS = ["event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
                 "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
                 "source", "source_scale", "notes", "fatalities"]
ISNAD_COLUMNS = ["isnad_id", "doc_id", "plover_type", "plover_mode", "status", "claim", "chain", "trigger",
                 "evidence", "date_source", "fatalities_known"]

__all__ = ["export_plover", "export_acled", "export_geojson", "ACLED_COLUMNS", "ISNAD_COLUMNS", "iter_events"]


# ----------------------------------------------------------------------------- shared

@contextmanager
def _sink(out, newline: str | None = None):
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline=newline) as f:
            yield f
    else:
        yield out


def _tables():
    from ..resources.catalogue import load_yaml
    return load_yaml("events/plover.yaml"), load_yaml("events/acled.yaml")


class _Rec:
    """Id lookups over one record."""

    def __init__(self, r: dict):
        self.r = r
        self.by_id = {}
        for name in ("entities", "places", "times", "sources", "attributions", "claims"):
            for x in r.get(name) or []:
                self.by_id[x["id"]] = x

    def get(self, i):
        return self.by_id.get(i) if i else None

    def sentence_text(self, offset: int) -> str | None:
        for s in self.r.get("sentences") or []:
            if s["start"] <= offset < s["end"]:
                return self.r["text"][s["start"]:s["end"]]
        return None


def iter_events(records: Iterable[dict]) -> Iterator[tuple[_Rec, dict]]:
    """(record lookup, event) for every event of every good record."""
    for r in records:
        if not isinstance(r, dict) or "error" in r or not r.get("events"):
            continue
        rec = _Rec(r)
        for ev in r["events"]:
            yield rec, ev


def _date(rec: _Rec, ev: dict) -> tuple[str | None, str, str]:
    """(YYYY-MM-DD, precision, source)."""
    t = rec.get(ev.get("time"))
    if t and t.get("value"):
        v, prec = t["value"], t.get("precision") or "day"
        if len(v) == 10:
            return v, prec, "event"
        if len(v) == 7:
            return v + "-15", "month", "event"
        if len(v) == 4:
            return v + "-07-01", "year", "event"
    pub = rec.r.get("published")
    if pub:
        return pub, "published", "published"
    return None, "unknown", "none"


def _names(rec: _Rec, ev: dict, key: str) -> list[str]:
    out = []
    for eid in ev.get(key) or []:
        e = rec.get(eid)
        if not e:
            continue
        a = e.get("actor") or {}
        out.append(a.get("name") or e.get("text"))
    if not out:
        for a in (ev.get("arguments") or {}).get("actor" if key == "actor" else "target", []):
            if a.get("text") and not a.get("entity"):
                out.append(a["text"])
    return out


def _actor_objects(rec: _Rec, ev: dict, key: str) -> list[dict]:
    out = []
    for eid in ev.get(key) or []:
        e = rec.get(eid)
        if not e:
            continue
        a = e.get("actor") or {}
        out.append({"raw_text": e.get("text"), "entity_name": a.get("name"), "wikidata_id": a.get("wikidata"),
                    "actor_id": a.get("id"), "actor_type": a.get("type"), "label": e.get("label"),
                    "entity": eid})
    if not out:   # argument phrases without an entity: raw text only
        for a in (ev.get("arguments") or {}).get("actor" if key == "actor" else "target", []):
            if not a.get("entity"):
                out.append({"raw_text": a.get("text"), "entity_name": None, "wikidata_id": None,
                            "actor_id": None, "entity": None})
    return out


def _place(rec: _Rec, ev: dict) -> tuple[dict | None, str]:
    p = rec.get(ev.get("place"))
    if p:
        return p, "event"
    p = rec.get(ev.get("place_context"))
    if p:
        return p, "context"
    return None, "none"


def _chain(rec: _Rec, ev: dict) -> list[dict]:
    ids = ev.get("chain")
    if ids is None:
        c = rec.get(ev.get("claim"))
        ids = c.get("chain") if c else []
    out = []
    for i in ids or []:
        s = rec.get(i)
        out.append({"id": i, "name": s.get("name") if s else None, "kind": s.get("kind") if s else None})
    return out


def _carriers(rec: _Rec) -> list[str]:
    return [c.get("name") for c in (rec.r.get("meta") or {}).get("carriers") or [] if isinstance(c, dict)
            and c.get("name")]


# ----------------------------------------------------------------------------- PLOVER

def plover_event(rec: _Rec, ev: dict, plover: dict | None = None) -> dict:
    """One event as a PLOVER JSON object."""
    if plover is None:
        plover = _tables()[0]
    tdef = (plover.get("types") or {}).get(ev["type"], {})
    date, prec, dsrc = _date(rec, ev)
    modes = tdef.get("modes") or {}
    scale = modes.get(ev.get("mode")) if ev.get("mode") in modes else tdef.get("score")
    place, psrc = _place(rec, ev)
    loc = None
    if place:
        loc = {"raw_text": place.get("text"), "name": place.get("name"), "lat": place.get("lat"),
               "lon": place.get("lon"), "country_code": place.get("country"), "admin1": place.get("admin1"),
               "admin2": place.get("admin2"), "feature": place.get("feature"),
               "precision": place.get("precision"), "geonames_id": place.get("gazetteer_id"),
               "from": psrc}
    actors = _actor_objects(rec, ev, "actor")
    chain = _chain(rec, ev)
    tr = ev["trigger"]
    comment = "; ".join(f"{k}: {ev[k]}" for k in ("actor_reason", "target_reason", "place_reason",
                                                   "time_reason", "acled_reason", "status_reason")
                        if ev.get(k))
    size = ev.get("size") or {}
    return {
        "id": f"{rec.r['id']}-{ev['id']}",
        "date": date,
        "date_precision": prec,
        "actor": actors,
        "source": actors,                         # the pre-PLOVER name of the same field
        "recipient": _actor_objects(rec, ev, "target"),
        "event": [ev["type"]],
        "mode": [ev["mode"]] if ev.get("mode") else [],
        "context": [],
        "quad_code": (plover.get("quad_codes") or {}).get(tdef.get("quad")),
        "event_scale": scale,
        "event_loc": loc,
        "event_text": [tr.get("text")] + [m.get("text") for m in ev.get("mentions") or []],
        "dead": size.get("dead"),
        "injured": size.get("injured"),
        "arrested": size.get("arrested"),
        "size": size.get("count"),
        "text": rec.sentence_text(tr["start"]),
        "text_info": {"doc_id": rec.r["id"], "sentence": ev.get("sentence"),
                      "trigger": {"start": tr["start"], "end": tr["end"]}, "lang": rec.r.get("lang")},
        "cite_info": {"doc_id": rec.r["id"], "url": (rec.r.get("meta") or {}).get("url"),
                      "published": rec.r.get("published"), "carriers": _carriers(rec),
                      "sources": [c["name"] for c in chain]},
        "coder": _coder(),
        "coded_date": _dt.date.today().isoformat(),
        "comment": comment or None,
        "isnad": {"status": ev.get("status"), "claim": ev.get("claim"), "chain": chain,
                  "subtype": ev.get("subtype"), "aux": ev.get("aux") or [],
                  "acled": ev.get("acled"), "extension": bool(tdef.get("extension")),
                  "plover_fallback": tdef.get("plover_fallback") if tdef.get("extension") else None,
                  "evidence": ev.get("evidence") or [{"start": tr["start"], "end": tr["end"], "role": "trigger"}],
                  "place_origin": ev.get("place_origin"), "place_destination": ev.get("place_destination"),
                  "time": ev.get("time"), "place": ev.get("place"), "date_source": dsrc,
                  "confidence": ev.get("confidence")},
    }


def _coder() -> str:
    try:
        from .. import __version__
    except Exception:   # pragma: no cover
        __version__ = "0"
    return f"isnad {__version__}"


def export_plover(records: Iterable[dict], out) -> int:
    """Write one PLOVER JSON object per event and line (JSONL).  Returns the number written."""
    plover = _tables()[0]
    n = 0
    with _sink(out) as f:
        for rec, ev in iter_events(records):
            f.write(json.dumps(plover_event(rec, ev, plover), ensure_ascii=False) + "\n")
            n += 1
    return n


# ----------------------------------------------------------------------------- ACLED

def acled_row(rec: _Rec, ev: dict, acled: dict | None = None) -> dict:
    """One event as an ACLED-style CSV row (dict keyed by ACLED_COLUMNS + ISNAD_COLUMNS)."""
    if acled is None:
        acled = _tables()[1]
    date, prec, dsrc = _date(rec, ev)
    tp = (acled.get("time_precision") or {})
    time_precision = 3 if dsrc != "event" else tp.get(prec, 3)
    place, psrc = _place(rec, ev)
    geo = ""
    if place and place.get("precision"):
        geo = (acled.get("geo_precision") or {}).get(place["precision"], 3)
        if psrc == "context":
            geo = min(3, int(geo) + 1)
    chain = _chain(rec, ev)
    kinds = {c["kind"] for c in chain}
    carriers = _carriers(rec)
    if "account" in kinds or (rec.r.get("kind") in ("retweet", "post", "forward") and not chain):
        scale = "New media"
    elif kinds & {"local", "eyewitness"}:
        scale = "Local"
    elif chain or carriers:
        scale = "Other"
    else:
        scale = ""
    a = ev.get("acled") or {}
    size = ev.get("size") or {}
    dead = size.get("dead")
    actor1 = "; ".join(_names(rec, ev, "actor"))
    actor2 = "; ".join(_names(rec, ev, "target"))
    src_names = [c["name"] for c in chain if c.get("name")] or carriers
    bits = [f"{ev.get('status', 'asserted')}", f"PLOVER {ev['type']}" + (f"/{ev['mode']}" if ev.get("mode") else ""),
            f"trigger '{ev['trigger'].get('text')}'"]
    if actor1:
        bits.append(f"actor: {actor1}")
    if actor2:
        bits.append(f"target: {actor2}")
    sz = ", ".join(f"{k} {v}" for k, v in size.items() if v is not None)
    if sz:
        bits.append(f"size: {sz}")
    if src_names:
        bits.append("according to " + " via ".join(reversed(src_names)))
    return {
        "event_date": date or "",
        "time_precision": time_precision,
        "event_type": a.get("event_type") or "",
        "sub_event_type": a.get("sub_event_type") or "",
        "actor1": actor1,
        "actor2": actor2,
        "admin1": (place or {}).get("admin1") or "",
        "admin2": (place or {}).get("admin2") or "",
        "admin3": ((place or {}).get("admin3") or "") if place else "",
        "location": ((place or {}).get("name") or (place or {}).get("text") or "") if place else "",
        "latitude": (place or {}).get("lat") if place and place.get("lat") is not None else "",
        "longitude": (place or {}).get("lon") if place and place.get("lon") is not None else "",
        "geo_precision": geo,
        "source": "; ".join(src_names),
        "source_scale": scale,
        "notes": "; ".join(bits),
        "fatalities": dead if dead is not None else 0,
        "isnad_id": f"{rec.r['id']}-{ev['id']}",
        "doc_id": rec.r["id"],
        "plover_type": ev["type"],
        "plover_mode": ev.get("mode") or "",
        "status": ev.get("status") or "",
        "claim": ev.get("claim") or "",
        "chain": " > ".join(f"{c['name'] or c['id']}" for c in chain),
        "trigger": f"{ev['trigger']['start']}:{ev['trigger']['end']}",
        "evidence": json.dumps(ev.get("evidence") or [], ensure_ascii=False, separators=(",", ":")),
        "date_source": dsrc,
        "fatalities_known": "true" if dead is not None else "false",
    }


def export_acled(records: Iterable[dict], out, *, all_types: bool = False) -> int:
    """Write an ACLED-style CSV (header + one row per event).  Returns the number of rows."""
    acled = _tables()[1]
    skip = set(acled.get("not_acled") or [])
    n = 0
    with _sink(out, newline="") as f:
        w = csv.DictWriter(f, fieldnames=ACLED_COLUMNS + ISNAD_COLUMNS, extrasaction="ignore")
        w.writeheader()
        for rec, ev in iter_events(records):
            if not all_types and (ev["type"] in skip or not ev.get("acled")):
                continue
            w.writerow(acled_row(rec, ev, acled))
            n += 1
    return n


# ----------------------------------------------------------------------------- GeoJSON

def geojson_features(records: Iterable[dict]) -> list[dict]:
    feats = []
    for rec, ev in iter_events(records):
        date, prec, _ = _date(rec, ev)
        roles = [("event", ev.get("place")), ("origin", ev.get("place_origin")),
                 ("destination", ev.get("place_destination"))]
        seen = set()
        for role, pid in roles:
            p = rec.get(pid)
            if not p or pid in seen or p.get("lat") is None or p.get("lon") is None:
                continue
            seen.add(pid)
            a = ev.get("acled") or {}
            feats.append({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [p["lon"], p["lat"]]},
                "properties": {
                    "id": f"{rec.r['id']}-{ev['id']}-{role}", "event_id": ev["id"], "doc_id": rec.r["id"],
                    "role": role, "type": ev["type"], "mode": ev.get("mode"), "status": ev.get("status"),
                    "date": date, "date_precision": prec,
                    "acled_event_type": a.get("event_type"), "acled_sub_event_type": a.get("sub_event_type"),
                    "place": p.get("name") or p.get("text"), "place_text": p.get("text"),
                    "precision": p.get("precision"), "gazetteer_id": p.get("gazetteer_id"),
                    "actor": _names(rec, ev, "actor"), "target": _names(rec, ev, "target"),
                    "size": ev.get("size"), "trigger": ev["trigger"].get("text"),
                    "chain": [c["name"] or c["id"] for c in _chain(rec, ev)], "claim": ev.get("claim"),
                },
            })
    return feats


def export_geojson(records: Iterable[dict], out) -> int:
    """Write a GeoJSON FeatureCollection (one feature per event and located place).
    Events without coordinates are left out.  Returns the number of features."""
    feats = geojson_features(records)
    with _sink(out) as f:
        json.dump({"type": "FeatureCollection", "features": feats}, f, ensure_ascii=False)
        f.write("\n")
    return len(feats)
