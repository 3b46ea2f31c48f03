"""Embedding-neighbour label features ("soft gazetteer" from the training labels).

For every word of the word2vec vocabulary, look at its nearest neighbours among
the words of the training data (cosine, skip-gram vectors from SaudiNewsNet; the
word itself excluded) and at how those neighbours are labelled in the training
data.  The result is a small table ``word -> ["nn=PERS2", ...]`` (label and a
strength bucket) that the CRF uses as features, so a person name never seen in
ANERcorp but used like known person names in SaudiNewsNet gets a PERS hint.
Built from the training sentences given (the dev slice is excluded when tuning).
"""
from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np

from isnad.text.normalize import normalize

LABELS = ("PERS", "LOC", "ORG", "MISC")


def label_counts(sents):
    counts: dict[str, Counter] = defaultdict(Counter)
    for s in sents:
        for w, t in s:
            n = normalize(w)
            counts[n][t[2:] if t != "O" else "O"] += 1
    return counts


def nn_label_table(w2v_path, sents, k=10, min_count=1, batch=2048):
    from gensim.models import Word2Vec
    wv = Word2Vec.load(str(w2v_path)).wv
    counts = label_counts(sents)
    cand = [w for w, c in counts.items() if w in wv.key_to_index and sum(c.values()) >= min_count]
    C = np.stack([wv[w] for w in cand]).astype(np.float32)
    C /= np.linalg.norm(C, axis=1, keepdims=True) + 1e-8
    # P(label | candidate word), label in LABELS + O
    P = np.zeros((len(cand), len(LABELS) + 1), dtype=np.float32)
    for i, w in enumerate(cand):
        c = counts[w]
        tot = sum(c.values())
        for j, lab in enumerate(LABELS):
            P[i, j] = c[lab] / tot
        P[i, -1] = c["O"] / tot
    cand_idx = {w: i for i, w in enumerate(cand)}
    words = wv.index_to_key
    V = wv.vectors / (np.linalg.norm(wv.vectors, axis=1, keepdims=True) + 1e-8)
    table = {}
    for a in range(0, len(words), batch):
        S = V[a:a + batch] @ C.T
        for r in range(S.shape[0]):
            ci = cand_idx.get(words[a + r])
            if ci is not None:
                S[r, ci] = -1.0                     # not the word itself
        top = np.argpartition(-S, k, axis=1)[:, :k]
        for r in range(S.shape[0]):
            idx = top[r]
            sims = np.clip(S[r, idx], 0, None)
            if sims.sum() <= 0:
                continue
            dist = (sims[:, None] * P[idx]).sum(0) / sims.sum()
            feats = []
            for j, lab in enumerate(LABELS):
                p = dist[j]
                if p >= 0.5:
                    feats.append(f"nn={lab}3")
                elif p >= 0.25:
                    feats.append(f"nn={lab}2")
                elif p >= 0.1:
                    feats.append(f"nn={lab}1")
            if feats:
                table[words[a + r]] = tuple(feats)
    return table
