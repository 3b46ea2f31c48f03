"""Token features for the NER tagger, shared by training (training/ner) and runtime.

A sentence is a list of token strings exactly as written (clitics attached, as in
ANERcorp and as :mod:`isnad.text.tokenize` produces them).  Each token gets a list
of string features (crfsuite's binary features):

* its normalised form (:func:`isnad.text.normalize.normalize`), prefixes and
  suffixes, shape (Arabic word, Latin, digit, punctuation, length);
* clitic readings from :func:`isnad.text.tokenize.clitic_splits` (``وبالحسكة`` →
  prefix ``وب`` + stem ``الحسكة``) and the stem without the article ``ال``;
* word-embedding clusters (k-means over skip-gram word2vec vectors trained on
  SaudiNewsNet, several granularities) of the word, else of its clitic stem;
* ANERGazet gazetteer matches (longest match over token norms, first token
  clitic-aware) as BIO tags per list;
* the same for neighbours at ±1/±2, and word bigrams.

Everything is a pure function of the token strings and :class:`Resources`, so
training and tagging see identical features.
"""
from __future__ import annotations

import itertools
import re
import sys
import unicodedata
from dataclasses import dataclass, field

from ...text.normalize import normalize
from ...text.tokenize import clitic_splits

_AR_START = "\u0600"
_AR_END = "\u06FF"
MAX_TOKEN = 40        # longer tokens are featurised by their shape only


@dataclass
class Resources:
    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    cluster_names: tuple[str, ...] = ()
    gazet: dict = field(default_factory=dict)        # token trie: norm -> {...}, None -> labels
    gazet_max: int = 0
    nnlab: dict[str, tuple[str, ...]] = field(default_factory=dict)   # word -> neighbour-label feats
    opts: frozenset = frozenset()        # optional feature groups the model was trained with
    morph: dict[str, str] = field(default_factory=dict)   # word -> dictionary class (qalsadi)
    cache: dict = field(default_factory=dict, repr=False)   # token -> features (see _token_info)
    # "slot" features: which embedding cluster best fits a token's context (skip-gram
    # output vectors of the neighbours scored against cluster centroids)
    slot_vocab: dict[str, int] = field(default_factory=dict)
    slot_out: object = None              # numpy (V, d): output vectors of context words
    slot_cent: tuple = ()                # ((name, numpy (k, d) centroids), ...)


def build_gazet(entries) -> tuple[dict, int]:
    """A token trie from ``(phrase, label)`` pairs; phrases are normalised and
    split on whitespace.  Returns the trie and the longest phrase length."""
    root: dict = {}
    longest = 0
    for phrase, label in entries:
        toks = normalize(phrase).split()
        if not toks or not any(_is_arabic_letter(c) or c.isalpha() for c in "".join(toks)):
            continue
        node = root
        for t in toks:
            node = node.setdefault(t, {})
        node.setdefault(None, set()).add(label)
        longest = max(longest, len(toks))
    return root, longest


def clusters_of(res: Resources, word: str) -> tuple[str, ...] | None:
    """The cluster ids of ``word`` (None if it has none).  Tables read from a lexicon
    file hold comma-joined strings, split here on first use."""
    v = res.clusters.get(word)
    if v.__class__ is str:
        v = res.clusters[word] = tuple(map(_intern, v.split(",")))
    return v


# Feature strings are cached per token (_token_info); most of them (cluster ids, affixes,
# their neighbour forms "-1:k32=17") recur across thousands of tokens, so they are
# interned: one copy each instead of one per cached token.
_intern = sys.intern


def _is_arabic_letter(c: str) -> bool:
    return _AR_START <= c <= _AR_END and c.isalpha()


def shape(tok: str) -> str:
    if not tok:
        return "empty"
    if len(tok) > MAX_TOKEN:
        return "long"
    ar = lat = dig = pun = oth = 0
    for c in tok:
        if c.isdigit():
            dig += 1
        elif c.isalpha():
            if _is_arabic_letter(c):
                ar += 1
            else:
                lat += 1
        elif unicodedata.category(c).startswith("P"):
            pun += 1
        else:
            oth += 1
    if ar and not (lat or dig):
        return "ar"
    if lat and not (ar or dig):
        return "Lu" if tok[:1].isupper() else "lat"
    if dig and not (ar or lat):
        return "num"
    if pun and not (ar or lat or dig or oth):
        return "punct"
    if ar or lat or dig:
        return "mixed"
    return "sym"


def _gazet_tags(norms: list[list[tuple[int, str]]], res: Resources) -> list[list[str]]:
    """Per token, gazetteer BIO features from the longest matches."""
    n = len(norms)
    out: list[list[str]] = [[] for _ in range(n)]
    root = res.gazet
    if not root:
        return out
    i = 0
    while i < n:
        best_len, best_labels = 0, None
        for _, first in norms[i]:          # clitic readings of the first token
            node = root.get(first)
            j = i + 1
            while node is not None:
                labels = node.get(None)
                if labels and j - i > best_len:
                    best_len, best_labels = j - i, labels
                if j >= n or j - i >= res.gazet_max:
                    break
                node = node.get(norms[j][0][1])
                j += 1
        if best_len:
            for lab in best_labels:
                out[i].append(f"gz=B-{lab}")
                for k in range(i + 1, i + best_len):
                    out[k].append(f"gz=I-{lab}")
            if best_len > 1:
                for k in range(i, i + best_len):
                    out[k].append("gz=multi")
            i += best_len
        else:
            i += 1
    return out


def _readings(n: str) -> list[tuple[int, str]]:
    if not n or len(n) > MAX_TOKEN or not _is_arabic_letter(n[0]):
        return [(0, n)]
    return clitic_splits(n)


def _stem_noal(stem: str) -> str:
    if stem.startswith("ال") and len(stem) > 3:
        return stem[2:]
    return stem


def token_base(tok: str, readings, res: Resources) -> tuple[list[str], list[str]]:
    """(features of the token itself, compact features reused by neighbours)."""
    n = readings[0][1]
    sh = shape(tok)
    f = [_intern(f"sh={sh}")]
    ctx = [f[0]]
    if sh == "long":
        return f, ctx
    f.append(f"w={n}")
    ctx.append(f"w={n}")
    L = len(n)
    f.append(_intern(f"len={min(L, 8)}"))
    if sh in ("ar", "mixed", "lat", "Lu"):
        for k in (1, 2, 3, 4):
            if L > k:
                f.append(_intern(f"p{k}={n[:k]}"))
                f.append(_intern(f"s{k}={n[-k:]}"))
        if "ngrams" in res.opts and L > 3:
            core = readings[-1][1]
            core = _stem_noal(core)
            padded = f"^{core}$"
            f.extend({f"g3={padded[k:k + 3]}" for k in range(len(padded) - 2)})
    # clitic readings: prefix + stem, and the stem without the article
    cl = clusters_of(res, n)
    stem_cl = None
    for plen, stem in readings[1:]:
        f.append(f"pre={n[:plen]}")
        f.append(f"stem={stem}")
        noal = _stem_noal(stem)
        if noal != stem:
            f.append(f"noal={noal}")
        if stem_cl is None:
            stem_cl = clusters_of(res, stem)
    if n.startswith("ال") and len(n) > 3:
        f.append("al")
        f.append(f"noal={n[2:]}")
    if cl is not None:
        for name, c in zip(res.cluster_names, cl):
            x = _intern(f"{name}={c}")
            f.append(x)
            ctx.append(x)
    else:
        f.append("oov")
        if stem_cl is not None:
            for name, c in zip(res.cluster_names, stem_cl):
                f.append(_intern(f"st{name}={c}"))
                ctx.append(_intern(f"{name}={c}"))
    if stem_cl is not None and cl is not None:
        f.append(_intern(f"st{res.cluster_names[-1]}={stem_cl[-1]}"))
    if res.morph:
        m = res.morph.get(n)
        if m is not None:
            f.append(f"ma={m}")
            ctx.append(f"ma={m}")
        else:
            for _, stem in readings[1:]:
                m = res.morph.get(stem)
                if m is not None:
                    f.append(f"sma={m}")
                    ctx.append(f"ma={m}")
                    break
    if res.nnlab:
        nl = res.nnlab.get(n)
        if nl is None:
            for _, stem in readings[1:]:
                nl = res.nnlab.get(stem)
                if nl is not None:
                    break
        if nl is not None:
            f.extend(nl)
            ctx.extend(nl)
    return f, ctx


_CACHE_MAX = 20_000     # token feature entries; ~100 strings each: bounds memory in long batches


def evict_oldest(cache: dict, keep: float = 0.5) -> None:
    """Drop the entries inserted first, keeping the newest ``keep`` share (a full clear
    would make every token of the next sentences a miss again)."""
    for k in list(itertools.islice(cache, len(cache) - int(len(cache) * keep))):
        cache.pop(k, None)          # another thread may have dropped it already
_SURROGATES = re.compile("[\ud800-\udfff]")


def _token_info(tok: str, res: Resources, window):
    """Cached per token string: (clitic readings, own features, neighbour features by offset,
    compact features).  Callers may ask for different windows (the CRF with ``w3``, the
    network with ±2): missing offsets are added on demand."""
    cache = res.cache
    info = cache.get(tok)
    if info is not None:
        nb = info[2]
        for o in window:
            if o not in nb:
                nb[o] = [_intern(f"{o}:{x}") for x in info[3]]
    else:
        key = tok
        if not tok.isascii() and _SURROGATES.search(tok):
            tok = _SURROGATES.sub("\ufffd", tok)      # crfsuite encodes features to UTF-8
        n = normalize(tok) if len(tok) <= MAX_TOKEN else ""
        rd = _readings(n)
        b, c = token_base(tok, rd, res)
        info = (rd, b, {o: [_intern(f"{o}:{x}") for x in c] for o in window}, c)
        if len(cache) >= _CACHE_MAX:
            evict_oldest(cache)
        cache[key] = info
    return info


def slot_features(norms, res: Resources) -> list[list[str]]:
    """Per token, the clusters whose centroid best fits its ±2 context."""
    import numpy as np
    n = len(norms)
    V = res.slot_vocab
    idx = np.array([V.get(rd[0][1], -1) for rd in norms])
    if n == 0 or (idx < 0).all():
        return [[] for _ in range(n)]
    d = res.slot_out.shape[1]
    rows = np.zeros((n, d), dtype=np.float32)
    ok = idx >= 0
    rows[ok] = res.slot_out[idx[ok]]
    ctx = np.zeros((n, d), dtype=np.float32)
    cnt = np.zeros(n)
    for o in (-2, -1, 1, 2):
        if o < 0:
            ctx[-o:] += rows[:o]
            cnt[-o:] += ok[:o]
        else:
            ctx[:-o] += rows[o:]
            cnt[:-o] += ok[o:]
    out = [[] for _ in range(n)]
    has = cnt > 0
    for name, cent in res.slot_cent:
        best = (ctx @ cent.T).argmax(axis=1)
        for i in np.nonzero(has)[0]:
            out[i].append(f"slot{name}={best[i]}")
    return out


# Optional "topic" features (opts "topic"): sentence-level cue words (normalised,
# without ال) for sports / cars / business; every token gets the topic and its
# conjunction with its gazetteer tags and coarse clusters, so that e.g. a city name in a
# match report can be tagged ORG (a club), as ANERcorp does.
TOPIC_CUES = {
    "sport": "مباراه مباريات فريق فرق دوري لاعب لاعبين لاعبو هدف اهداف نادي منتخب بطوله "
             "ملعب مدرب مهاجم حارس تعادل شوط مرمي ركله مونديال",
    "car": "سياره سيارات محرك طراز موديل",
    "biz": "شركه شركات سهم اسهم بورصه مصرف بنك",
}
_TOPIC_OF = {w: t for t, ws in TOPIC_CUES.items() for w in ws.split()}


def _topics(norms) -> list[str]:
    found = set()
    for rd in norms:
        for _, stem in rd:
            t = _TOPIC_OF.get(_stem_noal(stem))
            if t is not None:
                found.add(t)
    return sorted(found)


def sentence_features(tokens: list[str], res: Resources) -> list[list[str]]:
    window = (-3, -2, -1, 1, 2, 3) if "w3" in res.opts else (-2, -1, 1, 2)
    infos = [_token_info(tok, res, window) for tok in tokens]
    norms = [info[0] for info in infos]
    gz = _gazet_tags(norms, res)
    topics = _topics(norms) if "topic" in res.opts else ()
    slots = slot_features(norms, res) if res.slot_cent else None
    n = len(tokens)
    out = []
    for i in range(n):
        f = ["bias"]
        f += infos[i][1]
        f += gz[i]
        if slots is not None:
            f += slots[i]
        for o in window:
            j = i + o
            if 0 <= j < n:
                f += infos[j][2][o]
                for g in gz[j]:
                    f.append(f"{o}:{g}")
            else:
                f.append(f"{o}:BOS" if j < 0 else f"{o}:EOS")
        for tp in topics:
            f.append(f"tp={tp}")
            for g in gz[i]:
                f.append(f"tp={tp}|{g}")
            for x in infos[i][1]:
                if x.startswith(("k32=", "k128=", "stk32=", "stk128=")):
                    f.append(f"tp={tp}|{x}")
        wi = norms[i][0][1]
        if i > 0:
            f.append(f"b-1={norms[i - 1][0][1]}|{wi}")
        if i + 1 < n:
            f.append(f"b+1={wi}|{norms[i + 1][0][1]}")
        out.append(f)
    return out
