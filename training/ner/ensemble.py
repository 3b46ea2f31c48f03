"""Ensembles of the CRF and the BiLSTM-CRF: average per-token tag posteriors, then
Viterbi under BIO constraints.  Used to decide (on the dev slice) whether the
runtime should combine the two models."""
from __future__ import annotations

import numpy as np

TAGS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]


def bio_allowed():
    K = len(TAGS)
    A = np.zeros((K, K))
    for i, a in enumerate(TAGS):
        for j, b in enumerate(TAGS):
            if b.startswith("I-") and not (a != "O" and a[2:] == b[2:]):
                A[i, j] = -np.inf
    start = np.array([-np.inf if t.startswith("I-") else 0.0 for t in TAGS])
    return A, start


def crf_marginals(tagger, feats):
    tagger.set(feats)
    labels = tagger.labels()
    M = np.zeros((len(feats), len(TAGS)))
    for j, lab in enumerate(labels):
        k = TAGS.index(lab)
        for t in range(len(feats)):
            M[t, k] = tagger.marginal(lab, t)
    return M


def constrained_viterbi(logp):
    A, start = bio_allowed()
    n, K = logp.shape
    score = start + logp[0]
    back = np.zeros((n, K), dtype=int)
    for t in range(1, n):
        s = score[:, None] + A
        back[t] = s.argmax(0)
        score = s.max(0) + logp[t]
    best = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        best.append(int(back[t, best[-1]]))
    return [TAGS[i] for i in best[::-1]]
