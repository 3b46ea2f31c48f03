"""CRF training and evaluation helpers (python-crfsuite) for the NER model.

    python training/ner/crf.py --dev            # train on train minus dev slice, score dev
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from common import BUILD, fix_bio, shared_data, split_dev, train_sents

from isnad.evaluation.ner import format_scores, score
from isnad.models.ner import Tagger, write_resources, load_resources
from isnad.models.ner.features import Resources, build_gazet, sentence_features

GAZET_FILES = {"LOC": "AlignedLocGazetteer", "ORG": "AlignedOrgGazetteer",
               "PERS": "AlignedPersGazetteer"}


def gazet_entries() -> list[tuple[str, str]]:
    out = []
    for label, folder in GAZET_FILES.items():
        p = shared_data("anercorp", "ANERGazet", folder, "data")
        for line in p.read_text(encoding="utf-8").splitlines():
            line = line.strip().lstrip("\ufeff")
            if not line or set(line) <= set("=-*_ "):
                continue
            out.append((line, label))
    return out


ORGS_MISC_GROUPS = {"car_maker": "BRAND", "tech": "BRAND", "company": "BRAND", "airline": "BRAND"}


def orgs_misc_entries(typed: bool = False) -> list[tuple[str, str]]:
    """The club / brand / company / tournament supplement
    (src/isnad/resources/lexicons/ner_orgs_misc.tsv) as ``(phrase, label)`` gazetteer pairs.
    Labels are the file's ORG / MISC (MISC only reaches the CRF and the network's feature
    bag); with ``typed`` the ORG rows get their own gazetteer labels (CLUB for club_* rows,
    BRAND for makers / companies / airlines, ORG for the rest), README row 61."""
    from isnad.resources.catalogue import load_tsv
    out = []
    for r in load_tsv("lexicons/ner_orgs_misc.tsv"):
        label, typ = r.get("label"), r.get("type") or ""
        if not r.get("phrase") or label not in ("ORG", "MISC"):
            continue
        if typed and label == "ORG":
            label = "CLUB" if typ.startswith("club") else ORGS_MISC_GROUPS.get(typ, "ORG")
        out.append((r["phrase"], label))
    return out


def registry_entries() -> list[tuple[str, str]]:
    """Arabic names and unguarded aliases of the actor registry (src/isnad/resources/actors)
    as gazetteer phrases, labelled with the actor's NER label (PERS / LOC / ORG)."""
    from isnad.actors import load_raw
    out = []
    actors, _ = load_raw()
    for a in actors:
        for al in a.all_names():
            if al.guard or not any("\u0600" <= c <= "\u06ff" for c in al.text):
                continue
            if a.label in GAZET_FILES:
                out.append((al.text, a.label))
    return out


def read_clusters(path: Path, max_words: int | None = None, cols=None):
    clusters = {}
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")[1:]
        idx = [header.index(c) for c in cols] if cols else list(range(len(header)))
        names = tuple(header[i] for i in idx)
        for n, line in enumerate(f):
            if max_words and n >= max_words:
                break
            parts = line.rstrip("\n").split("\t")
            ids = parts[1:]
            clusters[parts[0]] = tuple(ids[i] for i in idx)
    return clusters, names


def read_morph(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            w, _, cls = line.rstrip("\n").partition("\t")
            out[w] = cls
    return out


def add_slots(res, names, max_words=None):
    """Fill res.slot_* from the word2vec model (output vectors) and clusters.tsv."""
    import numpy as np
    from gensim.models import Word2Vec
    m = Word2Vec.load(str(BUILD / "w2v.model"))
    words = m.wv.index_to_key[:max_words] if max_words else m.wv.index_to_key
    res.slot_vocab = {w: i for i, w in enumerate(words)}
    res.slot_out = m.syn1neg[:len(words)].astype(np.float32)
    X = m.wv.vectors[:len(words)]
    X = X / np.linalg.norm(X, axis=1, keepdims=True)
    cl, cnames = read_clusters(BUILD / "clusters.tsv", None, names)
    cents = []
    for j, name in enumerate(cnames):
        ids = np.array([int(cl[w][j]) if w in cl else -1 for w in words])
        k = ids.max() + 1
        C = np.zeros((k, X.shape[1]), dtype=np.float32)
        np.add.at(C, ids[ids >= 0], X[ids >= 0])
        C /= np.linalg.norm(C, axis=1, keepdims=True) + 1e-8
        cents.append((name, C))
    res.slot_cent = tuple(cents)


def make_resources(clusters_path=None, use_gazet=True, max_words=None, cols=None) -> tuple[Resources, dict, tuple, list]:
    clusters, names = ({}, ())
    if clusters_path:
        clusters, names = read_clusters(clusters_path, max_words, cols)
    gaz = gazet_entries() if use_gazet else []
    trie, longest = build_gazet(gaz)
    return Resources(clusters, names, trie, longest), clusters, names, gaz


def featurise(sents, res):
    X = [sentence_features([w for w, _ in s], res) for s in sents]
    y = [fix_bio([t for _, t in s]) for s in sents]
    return X, y


def train_crf(X, y, path, c1=0.05, c2=0.05, iters=150, verbose=False, min_freq=0):
    import pycrfsuite
    tr = pycrfsuite.Trainer(verbose=verbose)
    for xs, ys in zip(X, y):
        tr.append(xs, ys)
    tr.set_params({"c1": c1, "c2": c2, "max_iterations": iters,
                   "feature.possible_transitions": True, "feature.minfreq": min_freq})
    t = time.time()
    tr.train(str(path))
    return time.time() - t


def tag_with(path, res, sents):
    tg = Tagger(path, res)
    return tg.tag_sents([[w for w, _ in s] for s in sents])


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--clusters", default=str(BUILD / "clusters.tsv"))
    ap.add_argument("--no-clusters", action="store_true")
    ap.add_argument("--no-gazet", action="store_true")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--iters", type=int, default=150)
    ap.add_argument("--cols", default=None)
    ap.add_argument("--slot", default="", help="slot features at these granularities, e.g. k128,k512")
    ap.add_argument("--morph", action="store_true", help="morphological-dictionary classes (morph.py)")
    ap.add_argument("--opts", default="", help="comma-separated optional feature groups")
    ap.add_argument("--tag", default="dev", help="name of the dev model file")
    ap.add_argument("--lexicon", default=None,
                    help="take clusters + gazetteer from this lexicon.tsv.gz (e.g. the shipped one) "
                         "instead of build/clusters.tsv")
    ap.add_argument("--nnlab", type=int, default=0, help="neighbour-label features with k neighbours")
    args = ap.parse_args(argv)
    res, *_ = make_resources(None if args.no_clusters else args.clusters, not args.no_gazet,
                             cols=args.cols.split(",") if args.cols else None)
    if args.lexicon:
        res = load_resources(Path(args.lexicon))
    res.opts = frozenset(o for o in args.opts.split(",") if o)
    if args.morph:
        res.morph = read_morph(BUILD / "morph.tsv")
    if args.slot:
        add_slots(res, args.slot.split(","))
    tr, dev = split_dev(train_sents())
    if args.nnlab:
        from nnlab import nn_label_table
        t = time.time()
        res.nnlab = nn_label_table(BUILD / "w2v.model", tr, k=args.nnlab)
        print(f"nnlab table {len(res.nnlab):,} words {time.time() - t:.0f}s")
    t = time.time()
    X, y = featurise(tr, res)
    print(f"features {time.time() - t:.0f}s")
    path = BUILD / f"{args.tag}.crfsuite"
    secs = train_crf(X, y, path, args.c1, args.c2, args.iters)
    pred = tag_with(path, res, dev)
    s = score([fix_bio([t for _, t in x]) for x in dev], pred)
    print(f"{vars(args)}\ntrain {secs:.0f}s  model {path.stat().st_size / 1e6:.1f} MB")
    print(format_scores(s))


if __name__ == "__main__":
    main()
