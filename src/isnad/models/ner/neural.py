"""A BiLSTM-CRF sequence tagger evaluated with numpy (no torch at run time).

Trained with torch by ``training/ner/neural.py``; the weights are exported to an
``.npz`` file and this module re-implements the forward pass exactly:

    token → [word vector (frozen skip-gram word2vec from SaudiNewsNet),
             clitic-stem vector (same table),
             character CNN (max-pooled),
             dense features (shape, clitic prefix, article, ANERGazet BIO)]
          → BiLSTM → linear emission scores → CRF (Viterbi, or marginals).

Why hand-written: the inference is ~100 lines of numpy, so shipping a 700 MB
torch dependency for it is not justified; onnxruntime would need an exported
graph and still a tokeniser/feature layer around it.
"""
from __future__ import annotations

import numpy as np

from ...text.normalize import normalize
from .features import (MAX_TOKEN, Resources, _gazet_tags, _readings, _token_info, evict_oldest,
                       shape)

SHAPES = ("ar", "lat", "Lu", "num", "punct", "mixed", "sym", "long", "empty")
GAZ_FEATS = ("gz=B-LOC", "gz=I-LOC", "gz=B-ORG", "gz=I-ORG", "gz=B-PERS", "gz=I-PERS", "gz=multi")
N_FEATS = len(SHAPES) + len(GAZ_FEATS) + 8
_GAZ_INDEX = {g: i for i, g in enumerate(GAZ_FEATS)}   # other gazetteer tags (gz=B-MISC) only reach the bag
MAX_CHARS = 20
PAD, UNK = 0, 1


_WINDOW = (-2, -1, 1, 2)
TOKEN_CACHE = 20_000     # token strings whose context-free inputs are kept (NeuralTagger)


def feature_bag(tokens: list[str], res: Resources, fvocab: dict[str, int], gz=None):
    """Ids (in ``fvocab``) of each token's own CRF features (word, affixes, clitic
    readings, clusters, gazetteer): flat id array and per-token offsets."""
    infos = [_token_info(tok, res, _WINDOW) for tok in tokens]
    if gz is None:
        gz = _gazet_tags([i[0] for i in infos], res)
    ids: list[int] = []
    offs = np.empty(len(tokens), dtype=np.int64)
    for i, info in enumerate(infos):
        offs[i] = len(ids)
        for f in info[1]:
            k = fvocab.get(f)
            if k is not None:
                ids.append(k)
        for f in gz[i]:
            k = fvocab.get(f)
            if k is not None:
                ids.append(k)
    return np.array(ids, dtype=np.int64), offs


def encode_token(tok: str, vocab: dict[str, int], chars: dict[str, int], res: Resources,
                 fvocab: dict[str, int] | None = None):
    """The context-free inputs of one token: ``(clitic readings, word id, stem id,
    language-model id, char ids (MAX_CHARS), dense features without the gazetteer
    columns, own-feature bag ids or None)``.  :func:`encode` adds what depends on the
    sentence (gazetteer matches); the runtime caches these per token string."""
    nm = normalize(tok) if len(tok) <= MAX_TOKEN else ""
    rd = _readings(nm)
    feats = np.zeros(N_FEATS, dtype=np.float32)
    cid = np.zeros(MAX_CHARS, dtype=np.int64)
    x0 = len(SHAPES) + len(GAZ_FEATS)
    w = rd[0][1]
    lid = vocab.get(w, UNK)                          # language-model input
    sh = shape(tok)
    feats[SHAPES.index(sh)] = 1.0
    if sh in ("num",):
        w = "0" * min(len(w), 4)
    wid = vocab.get(w)
    if wid is not None:
        feats[x0] = 1.0
    else:
        wid = UNK
    # the most stripped clitic reading that is a known word
    sid = UNK
    stem = w
    for plen, st in rd[1:]:
        s = vocab.get(st)
        if s is not None:
            sid = s
            stem = st
            feats[x0 + 1] = 1.0
            pre = w[:plen]
            if pre[:1] in ("و", "ف"):
                feats[x0 + 2] = 1.0
            if pre[-1:] == "ب":
                feats[x0 + 3] = 1.0
            if pre[-1:] == "ل":
                feats[x0 + 4] = 1.0
            if pre[-1:] == "ك":
                feats[x0 + 5] = 1.0
    if sid == UNK:
        sid = wid
    if stem.startswith("ال") and len(stem) > 3:
        feats[x0 + 6] = 1.0
    if len(tok) > MAX_TOKEN:
        feats[x0 + 7] = 1.0
    else:
        for j, c in enumerate(w[:MAX_CHARS]):
            cid[j] = chars.get(c, UNK)
    bag = None
    if fvocab is not None:
        own = _token_info(tok, res, _WINDOW)[1]
        bag = np.array([k for k in map(fvocab.get, own) if k is not None], dtype=np.int64)
    return rd, wid, sid, lid, cid, feats, bag


def _gazet_ids(gz: list[list[str]], fvocab: dict[str, int]) -> list[list[int]]:
    return [[k for k in map(fvocab.get, g) if k is not None] for g in gz]


def encode(tokens: list[str], vocab: dict[str, int], chars: dict[str, int], res: Resources,
           fvocab: dict[str, int] | None = None, toks=None):
    """Inputs for one sentence: word ids, stem ids, char ids (n×MAX_CHARS), dense feats,
    (with ``fvocab``) the feature bag ``(ids, offsets)``, and language-model ids.
    ``toks``: the tokens' :func:`encode_token` tuples if already at hand."""
    if toks is None:
        toks = [encode_token(tok, vocab, chars, res, fvocab) for tok in tokens]
    n = len(toks)
    gz = _gazet_tags([t[0] for t in toks], res)
    if n:
        wid = np.array([t[1] for t in toks], dtype=np.int64)
        sid = np.array([t[2] for t in toks], dtype=np.int64)
        lid = np.array([t[3] for t in toks], dtype=np.int64)
        cid = np.stack([t[4] for t in toks])
        feats = np.stack([t[5] for t in toks])
    else:
        wid = sid = lid = np.zeros(0, dtype=np.int64)
        cid = np.zeros((0, MAX_CHARS), dtype=np.int64)
        feats = np.zeros((0, N_FEATS), dtype=np.float32)
    g0 = len(SHAPES)
    for i, g in enumerate(gz):
        for f in g:
            k = _GAZ_INDEX.get(f)
            if k is not None:
                feats[i, g0 + k] = 1.0
    bag = None
    if fvocab is not None:
        # each token's own features, then its gazetteer tags (the order of feature_bag)
        parts = []
        offs = np.empty(n, dtype=np.int64)
        m = 0
        for i, (t, g) in enumerate(zip(toks, _gazet_ids(gz, fvocab))):
            offs[i] = m
            parts.append(t[6])
            m += len(t[6])
            if g:
                parts.append(np.array(g, dtype=np.int64))
                m += len(g)
        ids = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
        bag = (ids, offs)
    return wid, sid, cid, feats, bag, lid


def _sigmoid(x):
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


class NeuralTagger:
    """numpy inference for the exported BiLSTM-CRF."""

    def __init__(self, npz_path, res: Resources):
        z = np.load(npz_path, allow_pickle=False)
        self.res = res
        self.tags = [str(t) for t in z["tags"]]
        words = [str(w) for w in z["vocab"]]
        self.vocab = {w: i for i, w in enumerate(words)}
        self.chars = {str(c): i for i, c in enumerate(z["chars"])}
        # float16 as stored: rows are widened when gathered (exactly the values a
        # float32 copy of the table would hold, at half the memory)
        self.emb = z["emb"]
        self.cemb = z["cemb"].astype(np.float32)
        self.conv_w = z["conv_w"].astype(np.float32)     # (out, in, k)
        self.conv_b = z["conv_b"].astype(np.float32)
        self.lstm = {}
        for d in ("f", "b"):
            self.lstm[d] = (z[f"wih_{d}"].astype(np.float32).T.copy(),
                            z[f"whh_{d}"].astype(np.float32).T.copy(),
                            (z[f"bih_{d}"] + z[f"bhh_{d}"]).astype(np.float32))
        self.out_w = z["out_w"].astype(np.float32).T.copy()
        self.out_b = z["out_b"].astype(np.float32)
        self.trans = z["trans"].astype(np.float32)      # trans[i, j]: from i to j
        self.start = z["start"].astype(np.float32)
        self.end = z["end"].astype(np.float32)
        self.hidden = self.lstm["f"][1].shape[0]
        self.lm = None
        if "lm_wih_f" in z.files:
            self.lm = {d: (z[f"lm_wih_{d}"].astype(np.float32).T.copy(),
                           z[f"lm_whh_{d}"].astype(np.float32).T.copy(),
                           (z[f"lm_bih_{d}"] + z[f"lm_bhh_{d}"]).astype(np.float32))
                       for d in ("f", "b")}
        self.fvocab = None
        self._cache = {}
        if "fvocab" in z.files:
            self.fvocab = {str(f): i for i, f in enumerate(z["fvocab"])}
            self.fbag = z["fbag"]                          # float16, widened per row

    def _chars(self, cid):
        n, L = cid.shape
        x = self.cemb[cid]                                   # n, L, E
        k = self.conv_w.shape[2]
        pad = k // 2
        xp = np.zeros((n, L + 2 * pad, x.shape[2]), dtype=np.float32)
        xp[:, pad:pad + L] = x
        out = np.zeros((n, L, self.conv_w.shape[0]), dtype=np.float32)
        for j in range(k):
            out += xp[:, j:j + L] @ self.conv_w[:, :, j].T
        out += self.conv_b
        mask = (cid > 0)[:, :, None]
        out = np.where(mask, out, np.float32(-1e4))
        res = out.max(axis=1)
        res[~mask.any(axis=1)[:, 0]] = 0.0
        return res

    def _lstm_batch(self, xs: list[np.ndarray], d: str, weights=None) -> list[np.ndarray]:
        """One LSTM direction over several sequences at once.  The sequences run longest
        first, and step t only computes the rows of those still running (at least two:
        a one-row product goes through BLAS gemv, whose sums differ in the last bits from
        the gemm rows; with ≥ 2 rows each row equals its row in the full batch)."""
        wih, whh, b = (weights or self.lstm)[d]
        H = whh.shape[0]
        B = len(xs)
        lens = [x.shape[0] for x in xs]
        order = sorted(range(B), key=lambda j: -lens[j])
        T = lens[order[0]]
        proj = np.zeros((T, B, 4 * H), dtype=np.float32)
        for p, j in enumerate(order):
            q = xs[j] @ wih + b
            proj[:lens[j], p] = q if d == "f" else q[::-1]
        h = np.zeros((B, H), dtype=np.float32)
        c = np.zeros((B, H), dtype=np.float32)
        hs = np.empty((T, B, H), dtype=np.float32)
        H2, H3 = 2 * H, 3 * H
        k = B
        floor = min(2, B)
        for t in range(T):
            while k > floor and lens[order[k - 1]] <= t:
                k -= 1
            g = proj[t, :k] + h[:k] @ whh
            sg = _sigmoid(g)
            c[:k] = sg[:, H:H2] * c[:k] + sg[:, :H] * np.tanh(g[:, H2:H3])
            h[:k] = sg[:, H3:] * np.tanh(c[:k])
            hs[t, :k] = h[:k]
        out = [None] * B
        for p, j in enumerate(order):
            o = hs[:lens[j], p]
            out[j] = o if d == "f" else o[::-1]
        return out

    def _token_inputs(self, sents: list[list[str]]) -> list[list[list]]:
        """Per token the cached :func:`encode_token` tuple + its char-CNN vector (a
        token's inputs do not depend on its sentence except for the gazetteer columns,
        which :func:`encode` adds).  Char vectors of new tokens are computed in one
        batch; row by row they equal those of the whole batch (checked in the tests)."""
        cache = self._cache
        rows = []
        new: dict[str, list] = {}
        for toks in sents:
            row = []
            for tok in toks:
                e = cache.get(tok)
                if e is None:
                    e = new.get(tok)
                    if e is None:
                        e = new[tok] = [*encode_token(tok, self.vocab, self.chars, self.res,
                                                      self.fvocab), None]
                row.append(e)
            rows.append(row)
        if new:
            ch = self._chars(np.stack([e[4] for e in new.values()]))
            for e, v in zip(new.values(), ch):
                e[7] = v.copy()
            # entries enter the shared cache complete (other threads may read it)
            if len(cache) + len(new) > TOKEN_CACHE:
                evict_oldest(cache)
            cache.update(new)
        return rows

    def emissions_batch(self, sents: list[list[str]]) -> list[np.ndarray]:
        """Emission scores for several non-empty sentences (one LSTM pass for all)."""
        rows = self._token_inputs(sents)
        enc = [encode(toks, self.vocab, self.chars, self.res, self.fvocab, toks=row)
               for toks, row in zip(sents, rows)]
        xs = []
        if self.lm is not None:
            lx = [self.emb[e[5]].astype(np.float32) for e in enc]
            lm_f = self._lstm_batch(lx, "f", self.lm)
            lm_b = self._lstm_batch(lx, "b", self.lm)
        for j, ((wid, sid, c, feats, bag, lid), row) in enumerate(zip(enc, rows)):
            n = len(wid)
            parts = [self.emb[wid].astype(np.float32), self.emb[sid].astype(np.float32),
                     np.stack([e[7] for e in row]), feats]
            if self.lm is not None:
                parts += [lm_f[j], lm_b[j]]
            if bag is not None:
                parts.append(self._bag(bag, n))
            xs.append(np.concatenate(parts, axis=1))
        fw = self._lstm_batch(xs, "f")
        bw = self._lstm_batch(xs, "b")
        return [np.concatenate([a, b], axis=1) @ self.out_w + self.out_b for a, b in zip(fw, bw)]

    def _bag(self, bag, n):
        ids, offs = bag
        out = np.zeros((n, self.fbag.shape[1]), dtype=np.float32)
        if len(ids):
            rows = self.fbag[ids].astype(np.float32)
            ends = np.append(offs[1:], len(ids))
            nonempty = ends > offs
            out[nonempty] = np.add.reduceat(rows, offs[nonempty], axis=0)
        return out

    def emissions(self, tokens: list[str]) -> np.ndarray:
        return self.emissions_batch([tokens])[0]

    def viterbi(self, em: np.ndarray) -> list[int]:
        return viterbi(em, self.trans, self.start, self.end)

    def marginals(self, em: np.ndarray) -> np.ndarray:
        return marginals(em, self.trans, self.start, self.end)

    def tag(self, tokens: list[str]) -> list[str]:
        if not tokens:
            return []
        return [self.tags[i] for i in self.viterbi(self.emissions(tokens))]


def viterbi(em: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    """Best path of a linear-chain CRF: emissions (n, K), trans[i, j] from i to j."""
    n = em.shape[0]
    score = start + em[0]
    back = np.zeros((n, em.shape[1]), dtype=np.int64)
    for t in range(1, n):
        s = score[:, None] + trans
        back[t] = s.argmax(axis=0)
        score = s.max(axis=0) + em[t]
    score = score + end
    best = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        best.append(int(back[t, best[-1]]))
    return best[::-1]


def viterbi_batch(ems: list[np.ndarray], trans: np.ndarray, start: np.ndarray,
                  end: np.ndarray) -> list[list[int]]:
    """:func:`viterbi` for several sequences in one pass over time (the same additions
    and max/argmax per element, so the same paths; a sequence that has ended keeps
    its scores)."""
    if not ems:
        return []
    lens = np.array([e.shape[0] for e in ems])
    B, T, K = len(ems), int(lens.max()), ems[0].shape[1]
    E = np.zeros((T, B, K), dtype=np.result_type(*ems))
    for j, e in enumerate(ems):
        E[:e.shape[0], j] = e
    score = start + E[0]
    back = np.zeros((T, B, K), dtype=np.int64)
    for t in range(1, T):
        s = score[:, :, None] + trans
        back[t] = s.argmax(axis=1)
        new = s.max(axis=1) + E[t]
        done = lens <= t
        if done.any():
            new[done] = score[done]
        score = new
    score = score + end
    out = []
    for j, n in enumerate(lens):
        best = [int(score[j].argmax())]
        for t in range(n - 1, 0, -1):
            best.append(int(back[t, j, best[-1]]))
        out.append(best[::-1])
    return out


def marginals(em: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Per-token posteriors of a linear-chain CRF (scaled forward-backward)."""
    n, K = em.shape
    E = np.exp(em - em.max(axis=1, keepdims=True)).astype(np.float64)
    Tm = np.exp(trans.astype(np.float64))
    alpha = np.empty((n, K))
    beta = np.empty((n, K))
    a = np.exp(start.astype(np.float64)) * E[0]
    alpha[0] = a / a.sum()
    for t in range(1, n):
        a = (alpha[t - 1] @ Tm) * E[t]
        alpha[t] = a / a.sum()
    b = np.exp(end.astype(np.float64))
    beta[-1] = b / b.sum()
    for t in range(n - 2, -1, -1):
        b = Tm @ (E[t + 1] * beta[t + 1])
        beta[t] = b / b.sum()
    m = alpha * beta
    return m / m.sum(axis=1, keepdims=True)


def _lse(x, axis):
    m = x.max(axis=axis, keepdims=True)
    return (m + np.log(np.exp(x - m).sum(axis=axis, keepdims=True))).squeeze(axis)


def bio_viterbi(logp: np.ndarray, tags) -> list[int]:
    """Best tag sequence under per-token log scores where I-X may only follow B-X/I-X."""
    K = len(tags)
    allowed = np.zeros((K, K))
    for i, a in enumerate(tags):
        for j, b in enumerate(tags):
            if b.startswith("I-") and not (a != "O" and a[2:] == b[2:]):
                allowed[i, j] = -np.inf
    start = np.array([-np.inf if t.startswith("I-") else 0.0 for t in tags])
    n = logp.shape[0]
    score = start + logp[0]
    back = np.zeros((n, K), dtype=np.int64)
    for t in range(1, n):
        s = score[:, None] + allowed
        back[t] = s.argmax(0)
        score = s.max(0) + logp[t]
    best = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        best.append(int(back[t, best[-1]]))
    return best[::-1]
