"""Build the unlabelled-text representations the NER model uses as features.

1. ``corpus.txt``: SaudiNewsNet (31k articles, ../shared/data/saudinewsnet) plus the
   tokens of ANERcorp train.tsv, tokenised with isnad's own tokenizer (the runtime
   tokenizer) and normalised with ``isnad.text.normalize.normalize``; one line per
   paragraph.  test.tsv is never included.
2. ``w2v.model``: skip-gram word2vec (gensim) on that corpus.
3. ``clusters.tsv``: k-means clusters of the word vectors at several granularities
   (the "embedding clusters" of Guo et al. 2014), used as discrete CRF features.

Run: python training/ner/unlabelled.py  (≈10 min on 2 cores)
"""
from __future__ import annotations

import argparse
import glob
import json
import time
import zipfile

from common import BUILD, shared_data, train_sents

from isnad.text.normalize import normalize
from isnad.text.tokenize import iter_tokens


def norm_tokens(text: str) -> list[str]:
    out = []
    for s, e, kind in iter_tokens(text):
        n = normalize(text[s:e])
        if n:
            out.append(n)
    return out


def build_corpus(path) -> None:
    t = time.time()
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        for z in sorted(glob.glob(str(shared_data("saudinewsnet", "dataset") / "*.zip"))):
            with zipfile.ZipFile(z) as zf:
                for name in zf.namelist():
                    for art in json.loads(zf.read(name).decode("utf-8")):
                        for field in ("title", "content"):
                            for para in (art.get(field) or "").split("\n"):
                                toks = norm_tokens(para)
                                if len(toks) >= 3:
                                    out.write(" ".join(toks) + "\n")
                                    n += len(toks)
        for sent in train_sents():
            out.write(" ".join(normalize(w) or w for w, _ in sent) + "\n")
            n += len(sent)
    print(f"corpus: {n:,} tokens in {time.time() - t:.0f}s -> {path}")


class _Lines:
    def __init__(self, path):
        self.path = path

    def __iter__(self):
        with open(self.path, encoding="utf-8") as f:
            for line in f:
                yield line.split()


def train_w2v(corpus, path, dim=100, epochs=5, workers=2, min_count=3):
    from gensim.models import Word2Vec
    t = time.time()
    m = Word2Vec(_Lines(corpus), vector_size=dim, window=5, min_count=min_count, sg=1,
                 negative=5, epochs=epochs, workers=workers, seed=1, sample=1e-4)
    m.save(str(path))
    print(f"word2vec: {len(m.wv):,} words, dim {dim}, {time.time() - t:.0f}s -> {path}")
    return m


def kmeans_clusters(w2v_path, out_path, ks=(32, 128, 512, 2048, 4096), max_words=200_000):
    import numpy as np
    from gensim.models import Word2Vec
    from sklearn.cluster import MiniBatchKMeans
    t = time.time()
    wv = Word2Vec.load(str(w2v_path)).wv
    words = wv.index_to_key[:max_words]
    X = wv.vectors[:len(words)]
    X = X / np.linalg.norm(X, axis=1, keepdims=True)
    cols = []
    for k in ks:
        km = MiniBatchKMeans(n_clusters=k, random_state=1, batch_size=4096, n_init=3)
        cols.append(km.fit_predict(X))
        print(f"  k={k} done {time.time() - t:.0f}s")
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("word\t" + "\t".join(f"k{k}" for k in ks) + "\n")
        for i, w in enumerate(words):
            f.write(w + "\t" + "\t".join(str(c[i]) for c in cols) + "\n")
    print(f"clusters: {len(words):,} words -> {out_path}")


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--force", action="store_true")
    args = ap.parse_args(argv)
    BUILD.mkdir(parents=True, exist_ok=True)
    corpus = BUILD / "corpus.txt"
    if args.force or not corpus.exists():
        build_corpus(corpus)
    w2v = BUILD / "w2v.model"
    if args.force or not w2v.exists():
        train_w2v(corpus, w2v)
    cl = BUILD / "clusters.tsv"
    if args.force or not cl.exists():
        kmeans_clusters(w2v, cl)


if __name__ == "__main__":
    main()
