"""The document record: untouched text, metadata and standoff annotations.

A :class:`Document` owns the input text exactly as given.  Every annotation is a
view into it by Unicode code-point offsets (``text[start:end]``), in the manner of
spaCy's Doc/Span.  Stages add annotations; :meth:`Document.to_json` emits the
public ``isnad/1`` record described in ``CONTRACT.md`` and validated by the JSON
Schema shipped in ``isnad/schema``.

Records are small dataclasses, one per list of the contract.  Each has an
``extra`` dict whose keys are merged into its JSON object: a stage may extend a
record (the contract allows extension) without touching this module.  Internal
views that are not part of the public record (the normalised text, tokens) live
on the document as attributes and are never serialised.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .text.normalize import NormalizedText
    from .text.tokenize import Token

SCHEMA = "isnad/1"
KINDS = ("article", "post", "retweet", "forward", "unknown")


def text_id(text: str) -> str:
    """Stable id for a text without one: the first 16 hex digits of its SHA-1."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _merge(base: dict, extra: dict) -> dict:
    for k, v in extra.items():
        if k not in base:
            base[k] = v
    return base


@dataclass
class Sentence:
    start: int
    end: int

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end}


@dataclass
class Actor:
    """A canonical actor from the registry, as referenced by an entity."""
    id: str
    name: str
    type: str
    wikidata: str | None = None
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return _merge({"id": self.id, "name": self.name, "type": self.type,
                       "wikidata": self.wikidata}, self.extra)


@dataclass
class Entity:
    id: str
    start: int
    end: int
    text: str
    label: str                       # PERS | LOC | ORG | MISC
    type: str | None = None          # finer type where known (e.g. armed_group, media_state)
    actor: Actor | None = None
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        d = {"id": self.id, "start": self.start, "end": self.end, "text": self.text,
             "label": self.label, "type": self.type,
             "actor": self.actor.to_json() if self.actor else None}
        return _merge(d, self.extra)


@dataclass
class Place:
    id: str
    start: int
    end: int
    text: str
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    feature: str | None = None
    precision: str | None = None
    gazetteer_id: str | None = None
    no_match: bool = False
    reason: str | None = None
    candidates: list = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        d = {"id": self.id, "start": self.start, "end": self.end, "text": self.text,
             "name": self.name, "lat": self.lat, "lon": self.lon, "country": self.country,
             "admin1": self.admin1, "admin2": self.admin2, "feature": self.feature,
             "precision": self.precision, "gazetteer_id": self.gazetteer_id,
             "no_match": self.no_match, "reason": self.reason,
             "candidates": list(self.candidates)}
        return _merge(d, self.extra)


@dataclass
class Time:
    id: str
    start: int
    end: int
    text: str
    value: str | None = None
    precision: str = "unresolved"    # day | week | month | year | unresolved
    reason: str | None = None
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        d = {"id": self.id, "start": self.start, "end": self.end, "text": self.text,
             "value": self.value, "precision": self.precision, "reason": self.reason}
        return _merge(d, self.extra)


@dataclass
class Mention:
    start: int
    end: int

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end}


@dataclass
class Source:
    id: str
    name: str
    kind: str                        # account|outlet|agency|official|organisation|anonymous|local|insider|eyewitness|document|unknown
    mentions: list[Mention] = field(default_factory=list)
    actor: str | None = None         # actor id from the registry
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        d = {"id": self.id, "name": self.name, "kind": self.kind,
             "mentions": [m.to_json() for m in self.mentions], "actor": self.actor}
        return _merge(d, self.extra)


@dataclass
class TextSpan:
    start: int
    end: int
    text: str | None = None

    def to_json(self) -> dict:
        d = {"start": self.start, "end": self.end}
        if self.text is not None:
            d["text"] = self.text
        return d


@dataclass
class Attribution:
    id: str
    cue: TextSpan
    source: str
    content: TextSpan
    chain: list[str] = field(default_factory=list)
    hedges: list[TextSpan] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        d = {"id": self.id, "cue": self.cue.to_json(), "source": self.source,
             "content": {"start": self.content.start, "end": self.content.end},
             "chain": list(self.chain), "hedges": [h.to_json() for h in self.hedges]}
        return _merge(d, self.extra)


@dataclass
class Claim:
    id: str
    start: int
    end: int
    text: str
    attribution: str | None = None
    chain: list[str] = field(default_factory=list)
    checkworthiness: float | None = None
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        d = {"id": self.id, "start": self.start, "end": self.end, "text": self.text,
             "attribution": self.attribution, "chain": list(self.chain),
             "checkworthiness": self.checkworthiness}
        return _merge(d, self.extra)


@dataclass
class Event:
    id: str
    type: str
    trigger: TextSpan
    mode: str | None = None
    actor: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    place: str | None = None
    time: str | None = None
    size: dict = field(default_factory=lambda: {"dead": None, "injured": None,
                                                "arrested": None, "count": None})
    claim: str | None = None
    status: str = "asserted"
    acled: dict | None = None
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        d = {"id": self.id, "type": self.type, "mode": self.mode,
             "trigger": self.trigger.to_json(), "actor": list(self.actor),
             "target": list(self.target), "place": self.place, "time": self.time,
             "size": dict(self.size), "claim": self.claim, "status": self.status,
             "acled": self.acled}
        return _merge(d, self.extra)


@dataclass
class Narrative:
    id: str
    label: str
    score: float
    evidence: list[Mention] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        d = {"id": self.id, "label": self.label, "score": self.score,
             "evidence": [e.to_json() for e in self.evidence]}
        return _merge(d, self.extra)


LISTS = ("sentences", "entities", "places", "times", "sources", "attributions",
         "claims", "events", "narratives")


class Document:
    """One input document and everything the pipeline found in it."""

    def __init__(self, text: str, *, id: str | None = None, published: str | None = None,
                 meta: dict | None = None, kind: str | None = None, lang: str | None = None):
        if not isinstance(text, str):
            raise TypeError(f"Document text must be str, not {type(text).__name__}")
        self.text = text
        self.id = id or text_id(text)
        self.published = published
        self.meta: dict[str, Any] = dict(meta or {})
        self.kind = kind or "unknown"
        self.lang = lang or "und"
        self.sentences: list[Sentence] = []
        self.entities: list[Entity] = []
        self.places: list[Place] = []
        self.times: list[Time] = []
        self.sources: list[Source] = []
        self.attributions: list[Attribution] = []
        self.claims: list[Claim] = []
        self.events: list[Event] = []
        self.narratives: list[Narrative] = []
        # internal views (never serialised)
        self.norm: NormalizedText | None = None
        self.tokens: list[Token] = []
        self.provided: set[str] = set()    # capabilities the stages that ran provided

    # -- helpers for stages -------------------------------------------------
    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def next_id(self, prefix: str, items: list) -> str:
        return f"{prefix}{len(items) + 1}"

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence containing ``offset`` (binary search), or None."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return None

    def tokens_in(self, start: int, end: int) -> list[Token]:
        return [t for t in self.tokens if t.start >= start and t.end <= end]

    # -- serialisation ------------------------------------------------------
    def to_json(self) -> dict:
        d: dict[str, Any] = {
            "schema": SCHEMA,
            "id": self.id,
            "text": self.text,
            "lang": self.lang,
            "kind": self.kind,
            "published": self.published,
            "meta": self.meta,
        }
        for name in LISTS:
            d[name] = [item.to_json() for item in getattr(self, name)]
        return d

    @classmethod
    def from_json(cls, d: dict) -> "Document":
        """Rebuild a document from its record (annotations as in the record)."""
        doc = cls(d["text"], id=d.get("id"), published=d.get("published"),
                  meta=d.get("meta"), kind=d.get("kind"), lang=d.get("lang"))
        doc.sentences = [Sentence(s["start"], s["end"]) for s in d.get("sentences", [])]
        for e in d.get("entities", []):
            a = e.get("actor")
            actor = None
            if a:
                actor = Actor(a["id"], a["name"], a["type"], a.get("wikidata"),
                              {k: v for k, v in a.items() if k not in ("id", "name", "type", "wikidata")})
            doc.entities.append(Entity(e["id"], e["start"], e["end"], e["text"], e["label"],
                                       e.get("type"), actor, _rest(e, Entity)))
        for p in d.get("places", []):
            doc.places.append(Place(**_known(p, Place), extra=_rest(p, Place)))
        for t in d.get("times", []):
            doc.times.append(Time(**_known(t, Time), extra=_rest(t, Time)))
        for s in d.get("sources", []):
            doc.sources.append(Source(s["id"], s["name"], s["kind"],
                                      [Mention(m["start"], m["end"]) for m in s.get("mentions", [])],
                                      s.get("actor"), _rest(s, Source)))
        for a in d.get("attributions", []):
            doc.attributions.append(Attribution(
                a["id"], TextSpan(**a["cue"]), a["source"],
                TextSpan(a["content"]["start"], a["content"]["end"]), list(a.get("chain", [])),
                [TextSpan(**h) for h in a.get("hedges", [])], _rest(a, Attribution)))
        for c in d.get("claims", []):
            doc.claims.append(Claim(**_known(c, Claim), extra=_rest(c, Claim)))
        for ev in d.get("events", []):
            k = _known(ev, Event)
            k["trigger"] = TextSpan(**ev["trigger"])
            doc.events.append(Event(**k, extra=_rest(ev, Event)))
        for n in d.get("narratives", []):
            doc.narratives.append(Narrative(n["id"], n["label"], n["score"],
                                            [Mention(m["start"], m["end"]) for m in n.get("evidence", [])],
                                            _rest(n, Narrative)))
        return doc

    def __repr__(self) -> str:
        return (f"<Document {self.id} kind={self.kind} chars={len(self.text)} "
                f"sentences={len(self.sentences)} entities={len(self.entities)}>")


def _fields(cls) -> set[str]:
    return {f for f in cls.__dataclass_fields__ if f != "extra"}


def _known(d: dict, cls) -> dict:
    names = _fields(cls)
    return {k: v for k, v in d.items() if k in names}


def _rest(d: dict, cls) -> dict:
    names = _fields(cls)
    return {k: v for k, v in d.items() if k not in names}
