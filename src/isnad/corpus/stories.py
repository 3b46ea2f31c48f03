"""Stories: documents that carry the same text, grouped, with where it started and who carried it.

One job: connected components over the store's near-duplicate links (``duplicate``,
``republication``, ``shared_lead``; see :mod:`isnad.corpus.dedup`), each described from the
per-document summaries the store keeps: documents in publication order, the earliest as the
origin, the outlets and carriers, the innermost source kinds of the claims (anonymous, named
official, ...), state-media involvement, the claims count and the date range.

With ``events=True`` (``isnad stories --events``) documents that report the same PLOVER event type
at the same place (finer than a city) within three days join too, even with different words.

Why no graph library (networkx): a union-find over a few thousand edges is twenty lines and
keeps the dependency list short.  Story ids are deterministic: ``st-`` + the first 12 hex digits
of the SHA-1 of the origin's doc id, so a story keeps its id as documents join it (unless an
earlier document joins and becomes its origin).
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
from collections import Counter

from sqlalchemy import select

from .store import Store, doc_events, documents, links

KINDS = ("duplicate", "republication", "shared_lead")


def _components(edges: list[tuple[str, str]]) -> list[set[str]]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, set[str]] = {}
    for x in list(parent):
        groups.setdefault(find(x), set()).add(x)
    return list(groups.values())


# Places too wide to say that two reports of the same event type tell of one event.  Cities are too
# wide: on SaudiNewsNet (2,000 analysed articles of one day) city-level places chained 426 reports
# of assaults in Aden, consultations in Riyadh ... into a 103-document "story".
COARSE = ("country", "region", "admin1", "admin2", "city")


def event_links(store: Store, days: int = 3) -> list[dict]:
    """``same_event`` edges: documents reporting an event of the same PLOVER type at the same place
    (a gazetteer id finer than a city: a facility, neighbourhood, village, subdistrict) on days at
    most ``days`` apart (the event's own day when it has one, else the document's publication day).
    Documents are chained in day order within each (type, place), so a story can span more than
    ``days`` through a middle report."""
    with store.engine.connect() as c:
        rows = c.execute(select(doc_events.c.doc_id, doc_events.c.type, doc_events.c.place_gid,
                                doc_events.c.day, doc_events.c.place_precision)
                         .where(doc_events.c.place_gid != "", doc_events.c.day.is_not(None))).fetchall()
    groups: dict[tuple[str, str], dict[str, str]] = {}
    for doc_id, typ, gid, day, prec in rows:
        if prec in COARSE:
            continue
        try:
            _dt.date.fromisoformat(day)
        except (TypeError, ValueError):
            continue
        g = groups.setdefault((typ, gid), {})
        if doc_id not in g or day < g[doc_id]:
            g[doc_id] = day
    out = []
    for (typ, gid), docs in sorted(groups.items()):
        seq = sorted(docs.items(), key=lambda kv: (kv[1], kv[0]))
        for (a, da), (b, db) in zip(seq, seq[1:]):
            if (_dt.date.fromisoformat(db) - _dt.date.fromisoformat(da)).days <= days:
                out.append({"doc_a": a, "doc_b": b, "kind": "same_event", "jaccard": None, "containment": None,
                            "event": typ, "place": gid})
    return out


def stories(store: Store, *, kinds: tuple[str, ...] = KINDS, min_docs: int = 2,
            doc_ids: set[str] | None = None, events: bool = False, days: int = 3) -> list[dict]:
    """All stories with at least ``min_docs`` documents, largest first (then by origin date).

    ``doc_ids`` restricts the graph to those documents (e.g. the hits of a search); ``events``
    also joins documents reporting the same event type at the same place within ``days`` days
    (:func:`event_links`)."""
    with store.engine.connect() as c:
        link_rows = [dict(r._mapping) for r in c.execute(select(links).where(links.c.kind.in_(kinds)))]
    if events:
        link_rows += event_links(store, days)
    if doc_ids is not None:
        link_rows = [r for r in link_rows if r["doc_a"] in doc_ids and r["doc_b"] in doc_ids]
    comps = [g for g in _components([(r["doc_a"], r["doc_b"]) for r in link_rows]) if len(g) >= min_docs]
    if not comps:
        return []
    members = set().union(*comps)
    info: dict[str, dict] = {}
    with store.engine.connect() as c:
        ids = sorted(members)
        for i in range(0, len(ids), 500):
            for r in c.execute(select(documents.c.doc_id, documents.c.seq, documents.c.published, documents.c.kind,
                                      documents.c.outlet, documents.c.title, documents.c.url, documents.c.n_claims,
                                      documents.c.summary).where(documents.c.doc_id.in_(ids[i:i + 500]))):
                info[r.doc_id] = dict(r._mapping)
    by_doc: dict[str, list[dict]] = {}
    for r in link_rows:
        by_doc.setdefault(r["doc_a"], []).append(r)
    out = []
    for comp in comps:
        docs = sorted((info[d] for d in comp if d in info),
                      key=lambda x: (x["published"] is None, x["published"] or "", x["seq"]))
        if not docs:
            continue
        origin = docs[0]
        outlets: list[str] = []
        carriers: list[str] = []
        innermost: Counter = Counter()
        state: list[dict] = []
        for d in docs:
            s = json.loads(d["summary"])
            outlets += [o for o in s.get("outlets", []) if o not in outlets]
            carriers += [o for o in s.get("carriers", []) if o not in carriers]
            innermost.update(s.get("innermost", {}))
            for x in s.get("state_media", []):
                if x not in state:
                    state.append(x)
        dates = [d["published"] for d in docs if d["published"]]
        story_links = sorted(({"a": r["doc_a"], "b": r["doc_b"], "kind": r["kind"], "jaccard": r["jaccard"],
                               "containment": r["containment"],
                               **({"event": r["event"], "place": r["place"]} if "event" in r else {})}
                              for d in comp for r in by_doc.get(d, [])), key=lambda x: (x["a"], x["b"], x["kind"]))
        out.append({
            "id": "st-" + hashlib.sha1(origin["doc_id"].encode("utf-8")).hexdigest()[:12],
            "origin": origin["doc_id"],
            "size": len(docs),
            "documents": [{"id": d["doc_id"], "published": d["published"], "kind": d["kind"],
                           "outlet": d["outlet"], "title": d["title"], "url": d["url"], "claims": d["n_claims"]}
                          for d in docs],
            "outlets": outlets,
            "carriers": [x for x in carriers if x not in outlets],   # named in the text, not in metadata
            "innermost_sources": dict(sorted(innermost.items(), key=lambda kv: (-kv[1], kv[0]))),
            "state_media": state,
            "state_media_involved": bool(state),
            "claims": sum(d["n_claims"] for d in docs),
            "date_range": [min(dates), max(dates)] if dates else None,
            "links": story_links,
        })
    out.sort(key=lambda s: (-s["size"], s["date_range"][0] if s["date_range"] else "9999", s["id"]))
    return out


def format_pretty(items: list[dict]) -> str:
    lines = [f"{len(items)} stor{'y' if len(items) == 1 else 'ies'}"]
    for s in items:
        dr = " → ".join(s["date_range"]) if s["date_range"] else "undated"
        lines.append(f"\n{s['id']}  {s['size']} documents  {dr}  claims {s['claims']}"
                     f"{'  STATE MEDIA: ' + ', '.join(str(x['name']) for x in s['state_media']) if s['state_media'] else ''}")
        lines.append(f"  origin: {s['origin']}")
        if s["outlets"] or s["carriers"]:
            lines.append(f"  outlets/carriers: {', '.join(s['outlets'] + [c for c in s['carriers'] if c not in s['outlets']])}")
        if s["innermost_sources"]:
            lines.append("  innermost sources: " + ", ".join(f"{k} {v}" for k, v in s["innermost_sources"].items()))
        for d in s["documents"]:
            t = (d["title"] or "")[:70]
            lines.append(f"    {d['published'] or '----------'}  {d['id']}  {d['outlet'] or ''}  {t}")
    return "\n".join(lines) + "\n"
