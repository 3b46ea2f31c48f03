"""End-to-end integrity of the default pipeline (``isnad.load()``).

Runs whatever stages the default pipeline has at the time over the bundled
example and a sample of real SaudiNewsNet articles, and checks every record
against the contract's invariants (:func:`violations`):

* ``isnad.validate`` (JSON Schema, span texts, unique ids, references resolve)
  and a JSON round trip through ``Document.from_json``;
* sentences: ordered, non-overlapping, trimmed, non-empty;
* references point at the right *kind* of item (an event's actor is an entity
  id, a claim's chain is made of source ids, ...);
* entity / place / time / claim / event-trigger / cue / hedge spans lie inside
  one sentence (every stage that emits them works sentence by sentence; an
  attribution's *content* may run over several sentences and is not checked);
* spans start and end on token boundaries; a span may start after an attached
  prefix clitic (``وب|الحسكة``, ``ل|لتحالف``), nothing else;
* a place with ``no_match: false`` has ``lat``/``lon``; a ``no_match`` place
  has a reason;
* a resolved time's value has the form its precision promises (day → a real
  ``YYYY-MM-DD``; week → the Monday of the week; month → ``YYYY-MM``, or the
  first day of a Hijri month; year → ``YYYY``, or the first day of a Hijri
  year) and an unresolved one has no value and a reason;
* an attribution's chain ends with its source; every non-empty claim chain ends
  with an existing source id, and an empty one says why;
* event status is one of asserted | reported | alleged | denied.

Findings that belong to other people's stages are written up in notes/QA.md.
:func:`violations` is also used by ``tests/test_robustness.py``.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from collections import Counter

import isnad
from isnad.document import Document
from isnad.text.normalize import normalize
from isnad.text.tokenize import STANDALONE_CLITICS, iter_tokens

from conftest import require_shared

STATUSES = ("asserted", "reported", "alleged", "denied")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
# a clitic prefix left out of a span: و ف ب ل ك and their combinations, and the
# first ل of لل (للتحالف → the span keeps the second ل)
CLITIC_PREFIXES = frozenset(STANDALONE_CLITICS)

# Invariants that stages owned by others still break, with the notes/QA.md entry
# that gives the reproducer, expected and actual output.  The tests fail on any
# other violation; each entry also has an xfail test with its reproducer
# (test_known_open_issue), which passes (XPASS) once the owner fixes it: then
# delete the entry here.
KNOWN_OPEN = {
}


def unexpected(vs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The violations not covered by :data:`KNOWN_OPEN`."""
    return [v for v in vs if v[0] not in KNOWN_OPEN]


# --------------------------------------------------------------------------- the checker

def _token_bounds(text: str):
    """(starts, ends, word tokens by start) of the tokenizer's tokens."""
    starts, ends = set(), set()
    spans = []
    for s, e, kind in iter_tokens(text):
        starts.add(s)
        ends.add(e)
        spans.append((s, e, kind))
    return starts, ends, spans


def _containing_token(spans, offset):
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid][1] <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(spans) and spans[lo][0] < offset < spans[lo][1]:
        return spans[lo]
    return None


def _is_date(s: str) -> bool:
    try:
        dt.date.fromisoformat(s)
        return True
    except ValueError:
        return False


def _time_problem(t: dict) -> str | None:
    p, v = t["precision"], t["value"]
    extra_hijri = t.get("calendar") == "hijri" or "hijri" in t
    if p == "unresolved":
        if v is not None:
            return "unresolved with a value"
        if not t.get("reason"):
            return "unresolved without a reason"
        return None
    if v is None:
        return f"precision {p} without a value"
    if p == "day":
        ok = bool(_DAY.match(v)) and _is_date(v)
    elif p == "week":
        ok = bool(_DAY.match(v)) and _is_date(v) and dt.date.fromisoformat(v).weekday() == 0
    elif p == "month":
        ok = (bool(_MONTH.match(v)) and 1 <= int(v[5:7]) <= 12) or (
            extra_hijri and bool(_DAY.match(v)) and _is_date(v))
    elif p == "year":
        ok = bool(_YEAR.match(v)) or (extra_hijri and bool(_DAY.match(v)) and _is_date(v))
    else:
        return f"unknown precision {p!r}"
    return None if ok else f"value {v!r} does not fit precision {p!r}"


def violations(record: dict, *, check_roundtrip: bool = True) -> list[tuple[str, str]]:
    """Every broken invariant of ``record`` as ``(category, message)``; [] when clean.

    ``isnad.validate`` failing is reported as category ``validate`` and stops the
    other checks (they assume a well-formed record)."""
    out: list[tuple[str, str]] = []

    def bad(cat, msg):
        out.append((cat, msg))

    try:
        isnad.validate(record)
    except Exception as e:  # jsonschema.ValidationError or ValueError
        return [("validate", f"{type(e).__name__}: {str(e).splitlines()[0]}")]

    text = record["text"]
    if check_roundtrip:
        again = Document.from_json(json.loads(json.dumps(record, ensure_ascii=False))).to_json()
        if again != record:
            bad("roundtrip", "Document.from_json(record).to_json() != record")

    # sentences
    sents = [(s["start"], s["end"]) for s in record["sentences"]]
    prev_end = 0
    for s, e in sents:
        if e <= s:
            bad("sentences", f"empty sentence [{s},{e})")
        elif text[s].isspace() or text[e - 1].isspace():
            bad("sentences", f"sentence [{s},{e}) not trimmed")
        if s < prev_end:
            bad("sentences", f"sentence [{s},{e}) overlaps or is out of order")
        prev_end = max(prev_end, e)
    starts_ = [s for s, _ in sents]

    def in_one_sentence(s, e):
        import bisect
        i = bisect.bisect_right(starts_, s) - 1
        return i >= 0 and sents[i][0] <= s and e <= sents[i][1]

    # ids by kind
    ids = {name: {x["id"] for x in record[name]}
           for name in ("entities", "places", "times", "sources", "attributions", "claims", "events")}

    # spans: one sentence, token boundaries
    tstarts, tends, tspans = _token_bounds(text)

    def check_span(where, s, e, *, sentence=True, clitic_start=True):
        if s == e:
            bad(f"{where}.empty", f"{where} [{s},{e}) is empty")
            return
        if sentence and not in_one_sentence(s, e):
            bad(f"{where}.sentence", f"{where} [{s},{e}) {text[s:e]!r} crosses a sentence boundary")
        if s not in tstarts:
            tok = _containing_token(tspans, s)
            prefix = text[tok[0]:s] if tok else None
            if not (tok and clitic_start and tok[2] == "word" and normalize(prefix) in CLITIC_PREFIXES):
                bad(f"{where}.token", f"{where} [{s},{e}) {text[s:e]!r} starts inside the token "
                    f"{text[tok[0]:tok[1]] if tok else text[s:s + 1]!r}")
        if e not in tends:
            tok = _containing_token(tspans, e)
            bad(f"{where}.token", f"{where} [{s},{e}) {text[s:e]!r} ends inside the token "
                f"{text[tok[0]:tok[1]] if tok else text[e - 1:e]!r}")

    for name in ("entities", "places", "times", "claims"):
        for x in record[name]:
            check_span(name, x["start"], x["end"])
    for a in record["attributions"]:
        check_span("attributions.cue", a["cue"]["start"], a["cue"]["end"])
        for h in a["hedges"]:
            check_span("attributions.hedges", h["start"], h["end"])
        c = a["content"]
        if c["end"] > c["start"]:
            check_span("attributions.content", c["start"], c["end"], sentence=False)
    for src in record["sources"]:
        for m in src["mentions"]:
            check_span("sources.mentions", m["start"], m["end"])
    for ev in record["events"]:
        check_span("events.trigger", ev["trigger"]["start"], ev["trigger"]["end"])

    # places
    for p in record["places"]:
        if not p["no_match"] and (p["lat"] is None or p["lon"] is None):
            bad("places.coords", f"place {p['id']} {p['text']!r} resolved (no_match=false) without lat/lon")
        if p["no_match"] and not p["reason"]:
            bad("places.reason", f"place {p['id']} {p['text']!r} no_match without a reason")

    # times
    for t in record["times"]:
        prob = _time_problem(t)
        if prob:
            bad("times.value", f"time {t['id']} {t['text']!r}: {prob}")

    # attributions and claims: chains of sources
    for a in record["attributions"]:
        if a["source"] not in ids["sources"]:
            bad("attributions.ref", f"attribution {a['id']} source {a['source']!r} is not a source id")
        for x in a["chain"]:
            if x not in ids["sources"]:
                bad("attributions.ref", f"attribution {a['id']} chain element {x!r} is not a source id")
        if not a["chain"] or a["chain"][-1] != a["source"]:
            bad("attributions.chain", f"attribution {a['id']} chain {a['chain']} does not end with its "
                f"source {a['source']!r}")
    atts = {a["id"]: a for a in record["attributions"]}
    for c in record["claims"]:
        if c["attribution"] is not None and c["attribution"] not in ids["attributions"]:
            bad("claims.ref", f"claim {c['id']} attribution {c['attribution']!r} is not an attribution id")
        for x in c["chain"]:
            if x not in ids["sources"]:
                bad("claims.ref", f"claim {c['id']} chain element {x!r} is not a source id")
        if not c["chain"]:
            if c["attribution"] is not None or not (c.get("reason") or c.get("chain_reason")):
                bad("claims.chain", f"claim {c['id']} {c['text'][:40]!r} has an empty chain and no reason")
        elif c["attribution"] in atts and atts[c["attribution"]]["source"] not in c["chain"]:
            bad("claims.chain", f"claim {c['id']} chain {c['chain']} does not contain the source of its "
                f"attribution {c['attribution']}")

    # events
    for ev in record["events"]:
        if ev["status"] not in STATUSES:
            bad("events.status", f"event {ev['id']} status {ev['status']!r}")
        for x in ev["actor"] + ev["target"]:
            if x not in ids["entities"]:
                bad("events.ref", f"event {ev['id']} actor/target {x!r} is not an entity id")
        for key, kind in (("place", "places"), ("time", "times"), ("claim", "claims")):
            if ev[key] is not None and ev[key] not in ids[kind]:
                bad("events.ref", f"event {ev['id']} {key} {ev[key]!r} is not a {kind[:-1]} id")
    return out


def summarise(found: dict[str, list[tuple[str, str]]]) -> str:
    """One line per category with a count and the first examples (for failure messages)."""
    by_cat: dict[str, list[str]] = {}
    for rid, vs in found.items():
        for cat, msg in vs:
            by_cat.setdefault(cat, []).append(f"{rid}: {msg}")
    lines = []
    for cat, msgs in sorted(by_cat.items()):
        lines.append(f"{cat}: {len(msgs)}")
        lines.extend(f"    {m}" for m in msgs[:3])
    return "\n".join(lines)


# --------------------------------------------------------------------------- the sample

SAMPLE_ZIPS = 6          # day zips, spread over the 18
PER_ZIP = 25             # articles from each, spread over the day
_sample_cache: list = []


def snn_sample():
    """150 SaudiNewsNet articles as (origin, InputDoc, published): 25 spread over
    each of 6 day zips spread over the corpus, read with the project's reader."""
    if _sample_cache:
        return _sample_cache
    from isnad.io.readers import InputDoc, read_bytes
    folder = require_shared("saudinewsnet", "dataset")
    zips = sorted(folder.glob("*.zip"))
    step = max(1, len(zips) // SAMPLE_ZIPS)
    for zpath in zips[::step][:SAMPLE_ZIPS]:
        with zipfile.ZipFile(zpath) as z:
            name = sorted(z.namelist())[0]
            items = [x for x in read_bytes(z.read(name), f"{zpath.name}:{name}", name=name)
                     if isinstance(x, InputDoc)]
        k = max(1, len(items) // PER_ZIP)
        for item in items[::k][:PER_ZIP]:
            raw = item.meta.get("date_extracted") or zpath.stem
            _sample_cache.append((item.origin, item, str(raw)[:10]))
    return _sample_cache


def analyse(nlp, item, published):
    meta = dict(item.meta)
    doc = Document(item.text, id=item.id, meta=meta, kind=item.kind, published=item.published)
    return nlp(doc, published=published).to_json()


# --------------------------------------------------------------------------- the tests

def test_checker_catches_what_it_claims_to(example_record):
    """The checker itself: a broken copy of a good record is caught."""
    assert violations(example_record) == []
    r = json.loads(json.dumps(example_record))
    text = r["text"]
    i = text.index("نقلت")
    r["entities"].append({"id": "zz1", "start": i + 1, "end": i + 4, "text": text[i + 1:i + 4],
                          "label": "ORG", "type": None, "actor": None})
    r["places"].append({"id": "zz2", "start": i, "end": i + 4, "text": text[i:i + 4], "name": "x",
                        "lat": None, "lon": None, "country": None, "admin1": None, "admin2": None,
                        "feature": None, "precision": None, "gazetteer_id": None, "no_match": False,
                        "reason": None, "candidates": []})
    r["times"].append({"id": "zz3", "start": i, "end": i + 4, "text": text[i:i + 4], "value": "2022-01-26",
                       "precision": "week", "reason": None})
    j = text.index("\n", i)
    r["claims"].append({"id": "zz4", "start": i, "end": j + 5, "text": text[i:j + 5], "attribution": None,
                        "chain": [], "checkworthiness": None})
    cats = {c for c, _ in violations(r)}
    assert {"entities.token", "places.coords", "times.value", "claims.sentence", "claims.chain"} <= cats


def test_example_record_is_clean(example_record):
    vs = violations(example_record)
    assert vs == [], summarise({"example": vs})


def test_example_without_published_is_clean(nlp, example_text):
    rec = nlp(example_text).to_json()
    vs = violations(rec)
    assert vs == [], summarise({"example (no date)": vs})
    assert all(t["value"] is None or t.get("anchor") != "published" for t in rec["times"])


def test_pipeline_is_deterministic(nlp, example_text, example_record):
    again = nlp(example_text, published="2022-01-27").to_json()
    assert again == example_record


def test_saudinewsnet_sample_records_are_clean(nlp):
    sample = snn_sample()
    assert len(sample) >= 100
    found: dict[str, list] = {}
    counts = Counter()
    for origin, item, published in sample:
        rec = analyse(nlp, item, published)
        for name in ("entities", "places", "times", "sources", "attributions", "claims", "events"):
            counts[name] += len(rec[name])
        vs = unexpected(violations(rec))
        if vs:
            found[origin] = vs
    # the sample must exercise the stages, or the checks above check nothing
    for name in ("times", "claims"):
        assert counts[name] > 0, f"no {name} in {len(sample)} articles"
    assert not found, f"{len(found)} of {len(sample)} records break invariants:\n" + summarise(found)
