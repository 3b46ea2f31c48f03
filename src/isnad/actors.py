"""The actor registry: canonical actors (states, forces, armed groups, outlets,
international bodies, people) with their Arabic and English names and aliases.

The registry is data, not code: every ``*.yaml`` file in
``isnad/resources/actors/`` (files starting with ``_`` excepted) holds a list
``actors:`` of records, and ``_matching.yaml`` holds the matching helpers (cue
words, spelling variants).  The record format, documented at the top of each
file, is::

    - id: sdf                          # unique, lower-case [a-z0-9_]
      type: armed_group                # see TYPES
      name_en: Syrian Democratic Forces
      name_ar: قوات سوريا الديمقراطية
      country: SY                      # ISO 3166-1 alpha-2 or null
      wikidata: null                   # Q-id only where certain, else null
      parent: null                     # id of the actor it belongs to
      aliases: [قسد, SDF, {text: الوحدات, guard: cue}, {text: ..., ambiguous: true}]
      coref: [التنظيم]                 # generic descriptors that may refer to it
      label: ORG                       # optional: overrides the label from type
      extra: {owner: ..., state_media_of: RU}   # merged into the record's actor

An alias is a string (matched freely) or a mapping with ``guard``:

* ``cased`` — a Latin alias matched only with exactly this capitalisation
  (``IS``, ``US``, ``WHO``, ``RT``);
* ``cue`` — a name that is also a common word (``الجزيرة``, ``فتح``, ``الحرة``,
  ``الأسد``): matched only after a cue word of its class (``قناة``, ``حركة``,
  ``الرئيس`` ...; up to two words back, clitics allowed), inside quotes or
  brackets, or as the name of a carrier line found by ``doc_kind``;

* ``noun`` — a name that is also a nisba adjective (السعودية "Saudi"): not
  matched right after a definite noun (الشركة السعودية);

Latin acronyms of up to five capitals (SDF, STC, SNA) are implicitly ``cased``;
and ``ambiguous: true`` when the same alias names several actors (``الجيش
الوطني``: the Syrian National Army or the Libyan National Army); every actor
sharing it must mark it, and the stage resolves it from the document or leaves
it open.  Spelling variants listed in ``_matching.yaml`` (أمريكي/أميركي,
سوريا/سورية, ميليشيا/مليشيا ...) are added automatically.

API::

    from isnad import actors
    reg = actors.registry()            # loaded once per process
    reg["sputnik"].extra["state_media_of"]   # 'RU'
    actors.resolve("ولـ“داعش”")        # -> the Islamic State actor
    actors.candidates("الجيش الوطني")   # -> [SNA, LNA]
    for a in reg: ...

Why a loader of our own instead of ``catalogue.load_yaml``: the registry is
~150 kB of YAML and PyYAML's pure-Python loader needs ~1 s for it; this module
finds the files through :mod:`isnad.resources.catalogue` but parses with
libyaml's ``CSafeLoader`` when available (same result, ~10x faster).
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

import regex
import yaml

from .document import Actor
from .errors import ResourceError
from .resources.catalogue import ROOTS
from .text.matcher import SKIP_INSIDE, PhraseMatcher, phrase_key
from .text.normalize import NormalizedText, normalize
from .text.tokenize import _AR_LETTERS, STANDALONE_CLITICS, Token, clitic_splits, iter_tokens

REGISTRY_DIR = "actors"
TYPES = ("state", "state_force", "armed_group", "coalition", "media_state", "media_private",
         "agency", "igo", "ngo", "party", "person", "company", "other")
MEDIA_TYPES = frozenset({"media_state", "media_private", "agency"})
LABELS = ("PERS", "LOC", "ORG", "MISC")
LABEL_OF_TYPE = {"state": "LOC", "person": "PERS"}          # everything else: ORG
GUARDS = (None, "cue", "cased", "noun")
# Latin acronyms of up to five capitals are matched with their capitals only
# (STC is not Stc the telecom brand, SNA is not "sna"), as if marked "cased".
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9.\-]{1,4}$")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_]*$")
QID_RE = re.compile(r"^Q[1-9]\d*$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
FIELDS = {"id", "type", "name_en", "name_ar", "country", "wikidata", "parent", "aliases",
          "coref", "label", "extra", "note"}

try:  # libyaml when present
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


@dataclass(frozen=True)
class Alias:
    text: str
    guard: str | None = None          # None | "cue" | "cased"
    ambiguous: bool = False


@dataclass(frozen=True, repr=False)
class RegistryActor:
    """One canonical actor of the registry."""
    id: str
    type: str
    name_en: str
    name_ar: str | None
    country: str | None
    wikidata: str | None
    parent: str | None
    aliases: tuple[Alias, ...]
    coref: tuple[str, ...] = ()
    label: str = "ORG"
    extra: dict = field(default_factory=dict, hash=False, compare=False)
    file: str = ""

    @property
    def name(self) -> str:
        return self.name_en

    def __repr__(self) -> str:
        return f"<Actor {self.id} {self.type} {self.name_en!r}>"

    def all_names(self) -> list[Alias]:
        """Canonical names followed by the aliases.  A canonical name that is also
        listed as a guarded alias takes that guard (``name_ar: المدى`` with
        ``{text: المدى, guard: cue}`` is matched only after a cue)."""
        guarded = {al.text for al in self.aliases if al.guard}
        out = [Alias(n) for n in (self.name_en, self.name_ar) if n and n not in guarded]
        return out + list(self.aliases)

    def to_actor(self) -> Actor:
        """The record's actor object: id, name, type, wikidata + country, parent,
        Arabic name and the registry's extra keys (owner, state_media_of ...)."""
        extra = {"name_ar": self.name_ar, "country": self.country, "parent": self.parent}
        extra.update(self.extra)
        return Actor(self.id, self.name_en, self.type, self.wikidata, extra)


@dataclass(frozen=True)
class Hit:
    """One registry match in a document (offsets into the original text)."""
    start: int
    end: int
    tok_start: int
    tok_end: int
    actor_ids: tuple[str, ...]        # one id, or several for an ambiguous alias
    alias: str                        # the normalised phrase that matched
    ambiguous: bool = False


class Registry:
    """All actors, indexed by id, with matchers over their names."""

    def __init__(self, actors: list[RegistryActor], matching: dict):
        self.actors: dict[str, RegistryActor] = {a.id: a for a in actors}
        self.matching = matching or {}
        self.cues: dict[str, frozenset[str]] = {
            cls: frozenset(normalize(w) for w in words)
            for cls, words in (self.matching.get("cues") or {}).items()}
        self.variants = [(normalize(a), normalize(b))
                         for a, b in (self.matching.get("variants") or [])]
        self.free = PhraseMatcher()
        self.guarded = PhraseMatcher()
        self.coref = PhraseMatcher(clitics=True)
        self.blockers = PhraseMatcher()
        for p in self.matching.get("not_actors") or []:
            for norm in self.expand(p):
                key = _norm_key(norm)
                if key:
                    self.blockers.add_key(key, True)
        self.quote_openers = frozenset(normalize(w) for w in self.matching.get("quote_openers") or [])
        self.eponym_heads = frozenset(normalize(w) for w in self.matching.get("eponym_heads") or [])
        self.cue_links = frozenset(normalize(w) for w in self.matching.get("cue_links") or [])
        self._by_key: dict[tuple, list[tuple[str, Alias]]] = {}
        for a in actors:
            for al in a.all_names():
                for norm in self.expand(al.text):
                    key = _norm_key(norm)
                    if key:
                        self._by_key.setdefault(key, []).append((a.id, al))
            for c in a.coref:
                self.coref.add(c, a.id)
        # payloads: (actor id, guard, exact text for 'cased', shared by several actors?)
        for key, entries in self._by_key.items():
            ambiguous = len({i for i, _ in entries}) > 1
            for aid, al in entries:
                payload = (aid, al.guard, al.text if al.guard == "cased" else None, ambiguous)
                (self.guarded if al.guard else self.free).add_key(key, payload)

    # -- mapping protocol ----------------------------------------------------
    def __getitem__(self, actor_id: str) -> RegistryActor:
        return self.actors[actor_id]

    def get(self, actor_id: str | None) -> RegistryActor | None:
        return self.actors.get(actor_id) if actor_id else None

    def __contains__(self, actor_id: str) -> bool:
        return actor_id in self.actors

    def __iter__(self) -> Iterator[RegistryActor]:
        return iter(self.actors.values())

    def __len__(self) -> int:
        return len(self.actors)

    def by_type(self, type_: str) -> list[RegistryActor]:
        return [a for a in self if a.type == type_]

    def ancestors(self, actor_id: str) -> list[RegistryActor]:
        """Parent, grandparent ... (cycle-safe)."""
        out, seen = [], {actor_id}
        a = self.get(actor_id)
        while a and a.parent and a.parent not in seen:
            seen.add(a.parent)
            a = self.get(a.parent)
            if a:
                out.append(a)
        return out

    def cue_class(self, actor: RegistryActor) -> str:
        if actor.type in MEDIA_TYPES:
            return "media"
        if actor.type == "person":
            return "person"
        if actor.type == "state":
            return "state"
        return "organisation"

    def expand(self, text: str) -> list[str]:
        """An alias and its spelling variants (normalised)."""
        return _expand(text, self.variants)

    # -- matching ------------------------------------------------------------
    def match(self, doc, *, carrier_spans: list[tuple[int, int]] = ()) -> list[Hit]:
        """Registry names in ``doc`` (needs ``doc.norm`` and ``doc.tokens``):
        guards applied, longest match first, no overlaps."""
        # every start token with a match (longest per token), then every match there
        # (each length and clitic reading): a long name that fails its guard falls
        # back to a shorter one at the same place
        blocked = {m.tok_start: m.tok_end for m in self.blockers.find(doc, overlapping=True)}
        starts = {m.tok_start for m in self.free.find(doc, overlapping=True)}
        starts |= {m.tok_start for m in self.guarded.find(doc, overlapping=True)}
        cands: dict[int, list] = {}
        for t in starts:
            cands[t] = [(m, self._accept(doc, m, carrier_spans, free=matcher is self.free))
                        for matcher in (self.free, self.guarded) for m in matcher.matches_at(doc, t)]
        hits: list[Hit] = []
        next_free_tok = 0
        for t in sorted(set(cands) | set(blocked)):
            if t < next_free_tok:
                continue
            best = None
            for m, ids in cands.get(t, ()):
                if not ids:
                    continue
                if best is None or m.tok_end > best[0].tok_end:
                    best = (m, ids)
            if t in blocked and (best is None or blocked[t] >= best[0].tok_end):
                next_free_tok = blocked[t]       # not an actor name (أمريكا اللاتينية)
                continue
            if best is None:
                continue
            m, ids = best
            start, end, tok_start, tok_end = self._tidy(doc, m, ids, cands)
            hits.append(Hit(start, end, tok_start, tok_end, ids, m.phrase, len(ids) > 1))
            next_free_tok = max(m.tok_end, tok_end)
        return hits

    def _names(self, parts, ids) -> bool:
        """Do these token norms form a name of one of these actors?"""
        return any(aid in ids for aid, _ in self._by_key.get(tuple(parts), ()))

    def _tidy(self, doc, m, ids: tuple[str, ...], cands) -> tuple[int, int, int, int]:
        """The span of a match, made readable: (start, end, tok_start, tok_end).

        * Quotes inside a match (تنظيم «القاعدة», الحرس الثوري" الإيراني): keep the
          quoted or unquoted part when it is itself a name of the actor, else take in
          the closing (or opening) quote so the span is balanced.
        * A media name written with its generic head (قناة الجزيرة, صحيفة النهار)
          gives the name alone, as with quotes between them (قناة “الجزيرة”), when the
          rest is itself a name of the same outlet — or a longer name starting there
          (شبكة «الجزيرة نت»).
        """
        toks = doc.tokens
        start, end, ts, te = m.start, m.end, m.tok_start, m.tok_end
        parts = m.phrase.split(" ")                   # norms of the non-quote tokens
        word_toks = [j for j in range(ts, te) if toks[j].norm not in SKIP_INSIDE]
        quotes = [j for j in range(ts + 1, te) if toks[j].norm in ('"', "'")]
        if quotes and len(word_toks) == len(parts):
            after = [k for k, j in enumerate(word_toks) if j > quotes[-1]]
            before = [k for k, j in enumerate(word_toks) if j < quotes[0]]
            if after and self._names(parts[after[0]:], ids):
                j = word_toks[after[0]]
                return toks[j].start, end, j, te
            if before and self._names(parts[:before[-1] + 1], ids):
                j = word_toks[before[-1]]
                return start, toks[j].end, ts, j + 1
            if len(quotes) % 2 == 1:
                if te < len(toks) and toks[te].norm == '"':
                    end, te = toks[te].end, te + 1
                elif ts > 0 and toks[ts - 1].norm == '"':
                    start, ts = toks[ts - 1].start, ts - 1
            return start, end, ts, te
        if len(parts) >= 2 and parts[0] in self.cues.get("media", ()) and len(word_toks) == len(parts):
            j = word_toks[1]
            longer = [c for c, cids in cands.get(j, ()) if cids and set(cids) & set(ids) and c.tok_end > te]
            if longer:
                c = max(longer, key=lambda c: c.tok_end)
                return c.start, c.end, c.tok_start, c.tok_end
            if self._names(parts[1:], ids):
                return toks[j].start, end, j, te
        return start, end, ts, te

    def _accept(self, doc, m, carrier_spans, *, free: bool) -> tuple[str, ...]:
        ids: list[str] = []
        # a name never carries tanween: كوبًا (a cup) is not كوبا (Cuba)
        last = doc.tokens[m.tok_end - 1]
        if _TANWEEN.search(doc.text, last.start, last.end):
            return ()
        prev = doc.tokens[m.tok_start - 1] if m.tok_start > 0 else None
        # سلطان بن [سلمان بن عبد العزيز]; مركز [الملك سلمان] للإغاثة
        not_person = prev is not None and prev.kind == "word" and (
            prev.norm in _NASAB or any(st in self.eponym_heads for _, st in clitic_splits(prev.norm)))
        for aid, guard, cased, _amb in m.payloads:
            if not_person and self.actors[aid].type == "person":
                continue
            if guard == "cased" and doc.text[m.start:m.end] != cased:
                continue
            if guard == "cue" and not self._cued(doc, m, self.actors[aid], carrier_spans):
                continue
            if guard == "noun" and _after_definite_noun(doc, m):
                continue
            if aid not in ids:
                ids.append(aid)
        return tuple(ids)

    def _cued(self, doc, m, actor: RegistryActor, carrier_spans) -> bool:
        toks = doc.tokens
        # the name of a carrier line (المصدر: العربية) or a dateline agency
        for s, e in carrier_spans:
            if s <= m.start and m.end <= e:
                return True
        prev = _prev_word(toks, m.tok_start)
        cls = self.cue_class(actor)
        cues = self.cues.get(cls, frozenset())

        def is_cue(tok) -> bool:
            return tok is not None and any(stem in cues for _, stem in clitic_splits(tok.norm))

        # a cue one word back (two for organisations and media: قناة “الجزيرة” الفضائية
        # is one back; وكالة أنباء “فارس” is two)
        if is_cue(prev):
            return True
        if cls != "person" and prev is not None and prev.norm in self.cue_links \
                and is_cue(_prev_word(toks, prev.i)):
            return True
        # enclosed in quotes or brackets after a reporting verb, a preposition or a
        # standalone clitic: نقلت “العربية”، لـ«الشرق الأوسط»، الرياض (واس)
        nxt = _next_tok(toks, m.tok_end)
        if (m.tok_start > 0 and toks[m.tok_start - 1].norm in _OPENERS
                and nxt is not None and nxt.norm in _CLOSERS):
            if m.tok_start == 1 or prev is None:
                return True
            if (prev.norm in STANDALONE_CLITICS and ("ل" in prev.norm or "ب" in prev.norm)) \
                    or any(stem in self.quote_openers for _, stem in clitic_splits(prev.norm)):
                return True
            if toks[m.tok_start - 1].norm == "(" and (actor.type == "agency"
                                                     or actor.extra.get("media_kind") == "agency"):
                return True           # agency credits and datelines: الرياض (واس) -، (د.ب.أ)
        return False

    def resolve_context(self, hits: list[Hit], published: str | None = None
                        ) -> dict[int, tuple[str | None, str | None]]:
        """For ambiguous hits, the actor the document supports, or None with a reason.
        In order: the candidates active at the document's date (``valid_from`` /
        ``valid_until``) when it has one; a candidate also named unambiguously in the
        document; the candidate whose country or area is that of most unambiguous
        actors of the document.  Returns {index in hits: (actor id or None, reason)}."""
        support: dict[str, int] = {}
        named = set()
        for h in hits:
            if not h.ambiguous:
                a = self.actors[h.actor_ids[0]]
                named.add(a.id)
                for c in _places_of(a):
                    support[c] = support.get(c, 0) + 1
        out = {}
        for i, h in enumerate(hits):
            if not h.ambiguous:
                continue
            ids = h.actor_ids
            if published:
                active = tuple(aid for aid in ids if _active(self.actors[aid], published))
                if len(active) == 1:
                    out[i] = (active[0], f"the only candidate active on {published}")
                    continue
                ids = active or ids
            already = [aid for aid in ids if aid in named]
            if len(already) == 1:
                out[i] = (already[0], "named elsewhere in the document")
                continue
            scores = sorted(((sum(support.get(c, 0) for c in _places_of(self.actors[aid])), aid)
                             for aid in ids), reverse=True)
            if scores[0][0] > 0 and (len(scores) == 1 or scores[0][0] > scores[1][0]):
                out[i] = (scores[0][1], "country of the other actors in the document")
            else:
                out[i] = (None, "ambiguous name: " + ", ".join(ids)
                          + "; the document does not say which")
        return out

    # -- strings -------------------------------------------------------------
    def find(self, text: str) -> list[Hit]:
        """Registry names in a plain string (guards applied)."""
        return self.match(_mini_doc(text))

    def candidates(self, text: str) -> list[RegistryActor]:
        """Every actor ``text`` names as a whole (clitics, quotes, punctuation and a
        generic head such as وكالة / قناة / تنظيم around it allowed)."""
        doc = _mini_doc(text)
        words = [t for t in doc.tokens if t.kind not in ("punct", "symbol")]
        if not words:
            return []
        # names are matched freely here: the caller says the string is a name
        found = []
        for matcher in (self.free, self.guarded):
            for m in matcher.find(doc, overlapping=True):
                found.append(m)
        first, last = words[0].i, words[-1].i
        out: list[RegistryActor] = []
        for m in sorted(found, key=lambda m: -(m.tok_end - m.tok_start)):
            before = [t for t in doc.tokens[first:m.tok_start] if t.kind not in ("punct", "symbol")]
            after = [t for t in doc.tokens[m.tok_end:last + 1] if t.kind not in ("punct", "symbol")]
            if after or not self._only_heads(before):
                continue
            for aid, guard, cased, _ in m.payloads:
                if guard == "cased" and text[m.start:m.end] != cased:
                    continue
                a = self.actors[aid]
                if a not in out:
                    out.append(a)
            if out:
                break
        return out

    def _only_heads(self, toks: list[Token]) -> bool:
        if not toks:
            return True
        heads = self.cues.get("media", frozenset()) | self.cues.get("organisation", frozenset()) \
            | self.cues.get("person", frozenset())
        return all(t.norm in STANDALONE_CLITICS or any(stem in heads for _, stem in clitic_splits(t.norm))
                   for t in toks)

    def resolve(self, text: str) -> RegistryActor | None:
        """The one actor ``text`` names, or None (unknown or ambiguous)."""
        c = self.candidates(text)
        return c[0] if len(c) == 1 else None


_TANWEEN = regex.compile("[\u064B-\u064D]")
_NASAB = frozenset({"بن", "ابن", "بنت", "ابنه"})
_OPENERS = frozenset({'"', "'", "(", "[", "{", "«"})
_CLOSERS = frozenset({'"', "'", ")", "]", "}", "»"})


def _after_definite_noun(doc, m) -> bool:
    """Is the match an adjective after a definite noun (الشركة السعودية, للكرة
    السعودية)?  For names that are also nisba adjectives (guard ``noun``)."""
    if m.prefix or m.tok_start == 0:
        return False
    prev = doc.tokens[m.tok_start - 1]
    if prev.kind != "word" or prev.sent != doc.tokens[m.tok_start].sent:
        return False
    return any(stem.startswith("ال") and len(stem) > 3 for _, stem in clitic_splits(prev.norm))


def _prev_word(toks: list[Token], i: int) -> Token | None:
    j = i - 1
    while j >= 0 and toks[j].kind in ("punct", "symbol") and toks[j].norm in _OPENERS | _CLOSERS:
        j -= 1
    return toks[j] if j >= 0 and toks[j].kind == "word" else None


def _next_tok(toks: list[Token], i: int) -> Token | None:
    return toks[i] if i < len(toks) else None


# a phrase of plain Arabic or plain lower-case Latin words: its tokens are its words
_PLAIN = regex.compile(rf"^(?:[{_AR_LETTERS}]+|[a-z]+)(?: (?:[{_AR_LETTERS}]+|[a-z]+))*$")


def _norm_key(norm: str) -> tuple[str, ...]:
    """phrase_key() of an already normalised phrase."""
    if _PLAIN.match(norm):
        return tuple(norm.split(" "))
    return tuple(norm[s:e] for s, e, _ in iter_tokens(norm) if norm[s:e] not in SKIP_INSIDE)


def _expand(text: str, variants) -> list[str]:
    out = [normalize(text)]
    if not variants:
        return out
    for a, b in variants:
        for s in list(out):
            for x, y in ((a, b), (b, a)):
                if x in s:
                    v = s.replace(x, y)
                    if v not in out:
                        out.append(v)
    return out


def _active(a: RegistryActor, date: str) -> bool:
    """Was the actor active on ``date`` (ISO)?  ``valid_from`` / ``valid_until`` may
    be years, year-months or dates; an actor without them is always active."""
    vf, vu = a.extra.get("valid_from"), a.extra.get("valid_until")
    if vf and date[:len(str(vf))] < str(vf):
        return False
    if vu and date[:len(str(vu))] > str(vu):
        return False
    return True


def _places_of(a: RegistryActor) -> list[str]:
    out = [a.country] if a.country else []
    out += [c for c in a.extra.get("area", []) or [] if c not in out]
    return out


class _MiniDoc:
    __slots__ = ("text", "norm", "tokens")


def _mini_doc(text: str) -> _MiniDoc:
    d = _MiniDoc()
    d.text = text
    d.norm = NormalizedText(text)
    to_norm, ntext = d.norm.to_norm, d.norm.text
    toks = []
    for s, e, kind in iter_tokens(text):
        ns, ne = to_norm[s], to_norm[e]
        if ns == ne:
            continue
        toks.append(Token(len(toks), s, e, ns, ne, ntext[ns:ne], kind, 0))
    d.tokens = toks
    return d


# -- loading -------------------------------------------------------------------

def _alias(x, where: str) -> Alias:
    if isinstance(x, str):
        return Alias(x, "cased") if _ACRONYM.match(x) else Alias(x)
    if isinstance(x, dict) and isinstance(x.get("text"), str):
        unknown = set(x) - {"text", "guard", "ambiguous", "note"}
        if unknown:
            raise ResourceError(f"{where}: alias {x!r}: unknown keys {sorted(unknown)}")
        guard = x.get("guard")
        if guard is None and _ACRONYM.match(x["text"]):
            guard = "cased"
        return Alias(x["text"], guard, bool(x.get("ambiguous", False)))
    raise ResourceError(f"{where}: alias must be a string or {{text: ...}}, not {x!r}")


def _actor(d: dict, where: str) -> RegistryActor:
    if not isinstance(d, dict) or "id" not in d:
        raise ResourceError(f"{where}: every actor needs an id: {d!r}")
    w = f"{where}: {d['id']}"
    for k in ("type", "name_en"):
        if not d.get(k):
            raise ResourceError(f"{w}: missing {k}")
    type_ = d["type"]
    label = d.get("label") or LABEL_OF_TYPE.get(type_, "ORG")
    return RegistryActor(
        id=str(d["id"]), type=type_, name_en=str(d["name_en"]), name_ar=d.get("name_ar"),
        country=d.get("country"), wikidata=d.get("wikidata"), parent=d.get("parent"),
        aliases=tuple(_alias(x, w) for x in (d.get("aliases") or [])),
        coref=tuple(d.get("coref") or ()), label=label, extra=dict(d.get("extra") or {}),
        file=where)


def registry_files() -> list:
    root = ROOTS["resources"] / REGISTRY_DIR
    if not root.is_dir():
        raise ResourceError(f"packaged resource missing: resources/{REGISTRY_DIR}/ (reinstall isnad)")
    return sorted(p for p in root.glob("*.yaml") if not p.name.startswith("_"))


def _load_file(p) -> dict:
    try:
        with p.open(encoding="utf-8") as f:
            return yaml.load(f, Loader=_Loader) or {}
    except yaml.YAMLError as e:
        raise ResourceError(f"resources/{REGISTRY_DIR}/{p.name}: not valid YAML: {e}") from e


def load_raw() -> tuple[list[RegistryActor], dict]:
    """Every actor record (unchecked) and the matching helpers."""
    actors: list[RegistryActor] = []
    for p in registry_files():
        data = _load_file(p)
        for d in data.get("actors") or []:
            actors.append(_actor(d, p.name))
    mp = ROOTS["resources"] / REGISTRY_DIR / "_matching.yaml"
    matching = _load_file(mp) if mp.exists() else {}
    return actors, matching


@lru_cache(maxsize=1)
def registry() -> Registry:
    """The registry, loaded once per process."""
    actors, matching = load_raw()
    # structural checks only (the full check, with alias collisions, is validate():
    # run by the tests and by `python -m isnad.actors`)
    errors = [e for e in validate(actors, matching, aliases=False) if e.startswith("ERROR")]
    if errors:
        raise ResourceError("actor registry is inconsistent:\n  " + "\n  ".join(errors[:20]))
    return Registry(actors, matching)


def load_seconds() -> float:
    """Time to load the registry from scratch (for benchmarks)."""
    registry.cache_clear()
    t = time.perf_counter()
    registry()
    return time.perf_counter() - t


# -- integrity ------------------------------------------------------------------

def validate(actors: list[RegistryActor] | None = None, matching: dict | None = None,
             *, aliases: bool = True) -> list[str]:
    """Integrity problems of the registry, one line each ("ERROR: ..." or
    "WARNING: ...").  Checks: unique well-formed ids, known types and labels,
    ISO alpha-2 countries, Q-id format, parents that exist (no cycles), alias
    guards, and that no alias (after normalisation and spelling variants) is
    shared by two actors unless every one of them marks it ``ambiguous``."""
    if actors is None:
        actors, matching = load_raw()
    out: list[str] = []
    seen: dict[str, str] = {}
    for a in actors:
        w = f"{a.file}: {a.id}"
        if not ID_RE.match(a.id):
            out.append(f"ERROR: {w}: id must be lower-case [a-z0-9_]")
        if a.id in seen:
            out.append(f"ERROR: {w}: duplicate id (also in {seen[a.id]})")
        seen[a.id] = a.file
        if a.type not in TYPES:
            out.append(f"ERROR: {w}: type {a.type!r} not in {TYPES}")
        if a.label not in LABELS:
            out.append(f"ERROR: {w}: label {a.label!r} not in {LABELS}")
        if a.country is not None and not (isinstance(a.country, str) and COUNTRY_RE.match(a.country)):
            out.append(f"ERROR: {w}: country {a.country!r} is not ISO 3166-1 alpha-2 (or null)")
        if a.wikidata is not None and not (isinstance(a.wikidata, str) and QID_RE.match(a.wikidata)):
            out.append(f"ERROR: {w}: wikidata {a.wikidata!r} is not a Q-id (or null)")
        for c in a.extra.get("area", []) or []:
            if not COUNTRY_RE.match(str(c)):
                out.append(f"ERROR: {w}: extra.area {c!r} is not ISO alpha-2")
        smo = a.extra.get("state_media_of")
        if smo is not None and not COUNTRY_RE.match(str(smo)):
            out.append(f"ERROR: {w}: extra.state_media_of {smo!r} is not ISO alpha-2")
        pb = a.extra.get("public_broadcaster")
        if pb is not None and not COUNTRY_RE.match(str(pb)):
            out.append(f"ERROR: {w}: extra.public_broadcaster {pb!r} is not ISO alpha-2")
        if a.type == "media_state" and not (smo or pb):
            out.append(f"ERROR: {w}: media_state needs extra.state_media_of (state-controlled) "
                       f"or extra.public_broadcaster (public service, editorially independent)")
        if a.type in MEDIA_TYPES and not a.extra.get("owner"):
            out.append(f"WARNING: {w}: media actor without extra.owner")
        for al in a.aliases:
            if al.guard not in GUARDS:
                out.append(f"ERROR: {w}: alias {al.text!r}: guard {al.guard!r} not in {GUARDS}")
            if al.guard == "cased" and not al.text.isascii():
                out.append(f"ERROR: {w}: alias {al.text!r}: 'cased' is for Latin aliases")
            if aliases and not phrase_key(al.text):
                out.append(f"ERROR: {w}: alias {al.text!r} is empty after normalisation")
        if a.type == "person" and a.label != "PERS":
            out.append(f"WARNING: {w}: a person labelled {a.label}")
    ids = {a.id for a in actors}
    byid = {a.id: a for a in actors}
    for a in actors:
        if a.parent is not None:
            if a.parent not in ids:
                out.append(f"ERROR: {a.file}: {a.id}: parent {a.parent!r} does not exist")
            elif a.parent == a.id:
                out.append(f"ERROR: {a.file}: {a.id}: is its own parent")
        # cycles
        cur, steps = a, 0
        while cur is not None and cur.parent and steps <= len(actors):
            cur = byid.get(cur.parent)
            steps += 1
            if cur is a:
                out.append(f"ERROR: {a.file}: {a.id}: parent chain has a cycle")
                break
    if not aliases:
        return out
    # aliases shared by several actors
    variants = [(normalize(x), normalize(y)) for x, y in ((matching or {}).get("variants") or [])]
    owners: dict[tuple, dict[str, bool]] = {}
    for a in actors:
        for al in a.all_names():
            for norm in _expand(al.text, variants):
                key = _norm_key(norm)
                if key:
                    d = owners.setdefault(key, {})
                    d[a.id] = d.get(a.id, False) or al.ambiguous
    for key, d in owners.items():
        if len(d) > 1 and not all(d.values()):
            unmarked = sorted(i for i, v in d.items() if not v)
            out.append(f"ERROR: alias {' '.join(key)!r} is shared by {sorted(d)} but not marked "
                       f"ambiguous in {unmarked}")
    return out


def main(argv: list[str] | None = None) -> int:
    """``python -m isnad.actors``: check the registry and print counts."""
    problems = validate()
    for p in problems:
        print(p)
    actors, _ = load_raw()
    counts: dict[str, int] = {}
    for a in actors:
        counts[a.type] = counts.get(a.type, 0) + 1
    n_alias = sum(len(a.all_names()) for a in actors)
    print(f"{len(actors)} actors, {n_alias} names; " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print(f"with Wikidata Q-id: {sum(1 for a in actors if a.wikidata)}")
    print(f"load time (cold, incl. matcher build): {load_seconds():.3f} s")
    return 1 if any(p.startswith("ERROR") for p in problems) else 0


# module-level conveniences
def get(actor_id: str) -> RegistryActor | None:
    return registry().get(actor_id)


def resolve(text: str) -> RegistryActor | None:
    return registry().resolve(text)


def candidates(text: str) -> list[RegistryActor]:
    return registry().candidates(text)


def all_actors() -> list[RegistryActor]:
    return list(registry())


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
