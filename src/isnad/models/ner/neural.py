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
from .features import MAX_TOKEN, Resources, _gazet_tags, _readings, _token_info, shape

SHAPES = ("ar", "lat", "Lu", "num", "punct", "mixed", "sym", "long", "empty")
GAZ_FEATS = ("gz=B-LOC", "gz=I-LOC", "gz=B-ORG", "gz=I-ORG", "gz=B-PERS", "gz=I-PERS", "gz=multi")
N_FEATS = len(SHAPES) + len(GAZ_FEATS) + 8
_GAZ_INDEX = {g: i for i, g in enumerate(GAZ_FEATS)}   # other gazetteer tags (gz=B-MISC) only reach the bag
MAX_CHARS = 20
PAD, UNK = 0, 1


_WINDOW = (-2, -1, 1, 2)


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


def encode(tokens: list[str], vocab: dict[str, int], chars: dict[str, int], res: Resources,
           fvocab: dict[str, int] | None = None):
    """Inputs for one sentence: word ids, stem ids, char ids (n×MAX_CHARS), dense feats,
    and (with ``fvocab``) the feature bag ``(ids, offsets)``."""
    n = len(tokens)
    norms = []
    for tok in tokens:
        nm = normalize(tok) if len(tok) <= MAX_TOKEN else ""
        norms.append(_readings(nm))
    gz = _gazet_tags(norms, res)
    bag = feature_bag(tokens, res, fvocab, gz) if fvocab is not None else None
    wid = np.full(n, UNK, dtype=np.int64)
    lid = np.array([vocab.get(rd[0][1], UNK) for rd in norms], dtype=np.int64)   # language-model input
    sid = np.full(n, UNK, dtype=np.int64)
    cid = np.zeros((n, MAX_CHARS), dtype=np.int64)
    feats = np.zeros((n, N_FEATS), dtype=np.float32)
    g0 = len(SHAPES)
    x0 = g0 + len(GAZ_FEATS)
    for i, (tok, rd) in enumerate(zip(tokens, norms)):
        w = rd[0][1]
        sh = shape(tok)
        feats[i, SHAPES.index(sh)] = 1.0
        for g in gz[i]:
            k = _GAZ_INDEX.get(g)
            if k is not None:
                feats[i, g0 + k] = 1.0
        if sh in ("num",):
            w = "0" * min(len(w), 4)
        v = vocab.get(w)
        if v is not None:
            wid[i] = v
            feats[i, x0] = 1.0
        # the most stripped clitic reading that is a known word
        stem = w
        for plen, st in rd[1:]:
            s = vocab.get(st)
            if s is not None:
                sid[i] = s
                stem = st
                feats[i, x0 + 1] = 1.0
                pre = w[:plen]
                if pre[:1] in ("و", "ف"):
                    feats[i, x0 + 2] = 1.0
                if pre[-1:] == "ب":
                    feats[i, x0 + 3] = 1.0
                if pre[-1:] == "ل":
                    feats[i, x0 + 4] = 1.0
                if pre[-1:] == "ك":
                    feats[i, x0 + 5] = 1.0
        if sid[i] == UNK:
            sid[i] = wid[i]
        if stem.startswith("ال") and len(stem) > 3:
            feats[i, x0 + 6] = 1.0
        if len(tok) > MAX_TOKEN:
            feats[i, x0 + 7] = 1.0
            continue
        for j, c in enumerate(w[:MAX_CHARS]):
            cid[i, j] = chars.get(c, UNK)
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
        self.emb = z["emb"].astype(np.float32)
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
        if "fvocab" in z.files:
            self.fvocab = {str(f): i for i, f in enumerate(z["fvocab"])}
            self.fbag = z["fbag"].astype(np.float32)

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
        """One LSTM direction over several sequences at once (padded, masked)."""
        wih, whh, b = (weights or self.lstm)[d]
        H = whh.shape[0]
        B = len(xs)
        lens = [x.shape[0] for x in xs]
        T = max(lens)
        proj = np.zeros((T, B, 4 * H), dtype=np.float32)
        for j, x in enumerate(xs):
            p = x @ wih + b
            proj[:lens[j], j] = p if d == "f" else p[::-1]
        h = np.zeros((B, H), dtype=np.float32)
        c = np.zeros((B, H), dtype=np.float32)
        hs = np.empty((T, B, H), dtype=np.float32)
        H2, H3 = 2 * H, 3 * H
        for t in range(T):
            g = proj[t] + h @ whh
            sg = _sigmoid(g)
            c = sg[:, H:H2] * c + sg[:, :H] * np.tanh(g[:, H2:H3])
            h = sg[:, H3:] * np.tanh(c)
            hs[t] = h
        # padded steps only ever follow a sequence's real steps, so its states are exact
        out = []
        for j, n in enumerate(lens):
            o = hs[:n, j]
            out.append(o if d == "f" else o[::-1])
        return out

    def emissions_batch(self, sents: list[list[str]]) -> list[np.ndarray]:
        """Emission scores for several non-empty sentences (one LSTM pass for all)."""
        enc = [encode(toks, self.vocab, self.chars, self.res, self.fvocab) for toks in sents]
        cid = np.concatenate([e[2] for e in enc])
        chars = self._chars(cid)
        xs = []
        k = 0
        if self.lm is not None:
            lx = [self.emb[e[5]] for e in enc]
            lm_f = self._lstm_batch(lx, "f", self.lm)
            lm_b = self._lstm_batch(lx, "b", self.lm)
        for j, (wid, sid, c, feats, bag, lid) in enumerate(enc):
            n = len(wid)
            parts = [self.emb[wid], self.emb[sid], chars[k:k + n], feats]
            if self.lm is not None:
                parts += [lm_f[j], lm_b[j]]
            if bag is not None:
                parts.append(self._bag(bag, n))
            xs.append(np.concatenate(parts, axis=1))
            k += n
        fw = self._lstm_batch(xs, "f")
        bw = self._lstm_batch(xs, "b")
        return [np.concatenate([a, b], axis=1) @ self.out_w + self.out_b for a, b in zip(fw, bw)]

    def _bag(self, bag, n):
        ids, offs = bag
        out = np.zeros((n, self.fbag.shape[1]), dtype=np.float32)
        if len(ids):
            rows = self.fbag[ids]
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
