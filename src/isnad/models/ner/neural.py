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
from .features import MAX_TOKEN, Resources, _gazet_tags, _readings, shape

SHAPES = ("ar", "lat", "Lu", "num", "punct", "mixed", "sym", "long", "empty")
GAZ_FEATS = ("gz=B-LOC", "gz=I-LOC", "gz=B-ORG", "gz=I-ORG", "gz=B-PERS", "gz=I-PERS", "gz=multi")
N_FEATS = len(SHAPES) + len(GAZ_FEATS) + 8
MAX_CHARS = 20
PAD, UNK = 0, 1


def encode(tokens: list[str], vocab: dict[str, int], chars: dict[str, int], res: Resources):
    """Integer/float inputs for one sentence: word ids, stem ids, char ids (n×MAX_CHARS), feats."""
    n = len(tokens)
    norms = []
    for tok in tokens:
        nm = normalize(tok) if len(tok) <= MAX_TOKEN else ""
        norms.append(_readings(nm))
    gz = _gazet_tags(norms, res)
    wid = np.full(n, UNK, dtype=np.int64)
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
            feats[i, g0 + GAZ_FEATS.index(g)] = 1.0
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
    return wid, sid, cid, feats


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
        out = np.where(mask, out, -1e4)
        res = out.max(axis=1)
        res[~mask.any(axis=1)[:, 0]] = 0.0
        return res

    def _lstm(self, x, d):
        wih, whh, b = self.lstm[d]
        H = self.hidden
        xs = x @ wih + b
        n = x.shape[0]
        hs = np.empty((n, H), dtype=np.float32)
        h = np.zeros(H, dtype=np.float32)
        c = np.zeros(H, dtype=np.float32)
        rng = range(n) if d == "f" else range(n - 1, -1, -1)
        for t in rng:
            g = xs[t] + h @ whh
            i = _sigmoid(g[:H])
            f = _sigmoid(g[H:2 * H])
            gg = np.tanh(g[2 * H:3 * H])
            o = _sigmoid(g[3 * H:])
            c = f * c + i * gg
            h = o * np.tanh(c)
            hs[t] = h
        return hs

    def emissions(self, tokens: list[str]) -> np.ndarray:
        wid, sid, cid, feats = encode(tokens, self.vocab, self.chars, self.res)
        x = np.concatenate([self.emb[wid], self.emb[sid], self._chars(cid), feats], axis=1)
        h = np.concatenate([self._lstm(x, "f"), self._lstm(x, "b")], axis=1)
        return h @ self.out_w + self.out_b

    def viterbi(self, em: np.ndarray) -> list[int]:
        n = em.shape[0]
        score = self.start + em[0]
        back = np.zeros((n, em.shape[1]), dtype=np.int64)
        for t in range(1, n):
            s = score[:, None] + self.trans
            back[t] = s.argmax(axis=0)
            score = s.max(axis=0) + em[t]
        score = score + self.end
        best = [int(score.argmax())]
        for t in range(n - 1, 0, -1):
            best.append(int(back[t, best[-1]]))
        return best[::-1]

    def marginals(self, em: np.ndarray) -> np.ndarray:
        """Per-token tag posteriors (forward-backward in log space)."""
        n, K = em.shape
        alpha = np.empty((n, K), dtype=np.float64)
        beta = np.empty((n, K), dtype=np.float64)
        tr = self.trans.astype(np.float64)
        alpha[0] = self.start + em[0]
        for t in range(1, n):
            alpha[t] = _lse(alpha[t - 1][:, None] + tr, axis=0) + em[t]
        beta[-1] = self.end
        for t in range(n - 2, -1, -1):
            beta[t] = _lse(tr + (em[t + 1] + beta[t + 1])[None, :], axis=1)
        logz = _lse(alpha[-1] + self.end, axis=0)
        return np.exp(alpha + beta - logz)

    def tag(self, tokens: list[str]) -> list[str]:
        if not tokens:
            return []
        return [self.tags[i] for i in self.viterbi(self.emissions(tokens))]


def _lse(x, axis):
    m = x.max(axis=axis, keepdims=True)
    return (m + np.log(np.exp(x - m).sum(axis=axis, keepdims=True))).squeeze(axis)
