"""The JSON Schema of the isnad/1 record, and a span-consistency check."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(files("isnad.schema").joinpath("isnad-1.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def validator():
    import jsonschema
    cls = jsonschema.validators.validator_for(schema())
    cls.check_schema(schema())
    return cls(schema())


def _spans(record: dict):
    yield from (("sentences", s) for s in record["sentences"])
    for name in ("entities", "places", "times", "claims"):
        yield from ((name, x) for x in record[name])
    for src in record["sources"]:
        yield from (("sources.mentions", m) for m in src["mentions"])
    for a in record["attributions"]:
        yield "attributions.cue", a["cue"]
        yield "attributions.content", a["content"]
        yield from (("attributions.hedges", h) for h in a["hedges"])
    for ev in record["events"]:
        yield "events.trigger", ev["trigger"]
    for n in record["narratives"]:
        yield from (("narratives.evidence", e) for e in n["evidence"])


def check_spans(record: dict) -> None:
    """Every span lies inside the text and, where it carries ``text``, matches it;
    every id is unique and every reference points at an existing id."""
    text = record["text"]
    n = len(text)
    for where, sp in _spans(record):
        s, e = sp["start"], sp["end"]
        if not (0 <= s <= e <= n):
            raise ValueError(f"{where}: span [{s}, {e}) outside the text (length {n})")
        if "text" in sp and sp["text"] is not None and text[s:e] != sp["text"]:
            raise ValueError(f"{where}: text[{s}:{e}] = {text[s:e]!r} != {sp['text']!r}")
    ids: set[str] = set()
    for name in ("entities", "places", "times", "sources", "attributions", "claims", "events", "narratives"):
        for x in record[name]:
            if x["id"] in ids:
                raise ValueError(f"{name}: duplicate id {x['id']!r}")
            ids.add(x["id"])
    def ref(where, v):
        if v is not None and v not in ids:
            raise ValueError(f"{where}: reference to unknown id {v!r}")
    for a in record["attributions"]:
        ref("attributions.source", a["source"])
        for c in a["chain"]:
            ref("attributions.chain", c)
    for c in record["claims"]:
        ref("claims.attribution", c["attribution"])
        for x in c["chain"]:
            ref("claims.chain", x)
    for ev in record["events"]:
        for x in ev["actor"] + ev["target"]:
            ref("events.actor/target", x)
        ref("events.place", ev["place"])
        ref("events.time", ev["time"])
        ref("events.claim", ev["claim"])
