"""Self-training: pseudo-label SaudiNewsNet paragraphs (build/corpus.txt) with the
CRF + BiLSTM-CRF ensemble and add the confident ones to the feature CRF's training data.

    python selftrain.py --dev    # tagger = build/dev.crfsuite + build/nn_dev10.npz (no dev slice);
                                 # CRF on train-minus-dev + pseudo → build/self_dev.crfsuite
    python selftrain.py          # tagger = the shipped model; CRF on train.tsv + pseudo
                                 # → build/self_full.crfsuite

A paragraph is kept when every token's ensemble posterior is ≥ --theta and it has an
entity; paragraphs with only PERS/LOC entities are capped (--max-plain) so ORG/MISC
are not swamped.  Then score with devexp.py --crf self_dev.crfsuite.
"""
from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from common import BUILD, MODEL_DIR, split_dev, train_sents
from crf import featurise, train_crf

from isnad.models.ner import Tagger, load_resources
from isnad.models.ner.neural import NeuralTagger


def candidates(n, seed=1, min_len=8, max_len=60):
    rng = random.Random(seed)
    lines = []
    with open(BUILD / "corpus.txt", encoding="utf-8") as f:
        for line in f:
            toks = line.split()
            if min_len <= len(toks) <= max_len:
                lines.append(toks)
    rng.shuffle(lines)
    return lines[:n]


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev", action="store_true")
    ap.add_argument("--candidates", type=int, default=12000)
    ap.add_argument("--theta", type=float, default=0.9)
    ap.add_argument("--max-plain", type=int, default=600)
    ap.add_argument("--max-extra", type=int, default=2000)
    ap.add_argument("--lexicon", default=str(MODEL_DIR / "lexicon.tsv.gz"))
    ap.add_argument("--out", default=None)
    ap.add_argument("--novel", action="store_true",
                    help="then keep only sentences with an entity (normalised string) that the gold "
                         "training sentences do not have")
    ap.add_argument("--no-crf", action="store_true", help="only write the pseudo-labelled file")
    args = ap.parse_args(argv)
    res = load_resources(Path(args.lexicon))
    tr, dev = split_dev(train_sents())
    if args.dev:
        crf, nn, gold = BUILD / "dev.crfsuite", BUILD / "nn_dev10.npz", tr
    else:
        crf, nn, gold = MODEL_DIR / "model.crfsuite", MODEL_DIR / "nn.npz", tr + dev
    tagger = Tagger(crf, res, [NeuralTagger(nn, res)], 1.0)
    paras = candidates(args.candidates)
    t = time.time()
    rich, plain = [], []
    for a in range(0, len(paras), 256):
        chunk = paras[a:a + 256]
        for toks, (tags, conf) in zip(chunk, tagger._decode(chunk, True)):
            if min(conf) < args.theta or all(x == "O" for x in tags):
                continue
            labs = {x[2:] for x in tags if x != "O"}
            (rich if labs & {"ORG", "MISC"} else plain).append(list(zip(toks, tags)))
    extra = (rich + plain[:args.max_plain])[:args.max_extra]
    if args.novel:
        from common import fix_bio
        from isnad.models.ner import _entity_runs
        from isnad.text.normalize import normalize

        def names(sent, tags):
            t = [normalize(w) for w, _ in sent]
            return {" ".join(t[a:b]) for _, a, b in _entity_runs(tags)}
        known = set().union(*(names(g, fix_bio([x for _, x in g])) for g in gold))
        extra = [x for x in extra if names(x, [t for _, t in x]) - known]
    from collections import Counter
    cnt = Counter(x[2:] for s in extra for _, x in s if x.startswith("B-"))
    print(f"tagged {len(paras)} paragraphs in {time.time() - t:.0f}s; kept rich {len(rich)} "
          f"plain {len(plain)} → {len(extra)} sentences, {sum(map(len, extra)):,} tokens, "
          f"entities {dict(cnt)}", flush=True)
    out = BUILD / (args.out or ("self_dev.crfsuite" if args.dev else "self_full.crfsuite"))
    with open(out.with_suffix(".pseudo.tsv"), "w", encoding="utf-8") as f:
        for s in extra:
            f.write("".join(f"{w}\t{x}\n" for w, x in s) + "\n")
    if args.no_crf:
        return
    X, y = featurise(gold + extra, res)
    secs = train_crf(X, y, out)
    print(f"{vars(args)} CRF train {secs:.0f}s → {out}", flush=True)


if __name__ == "__main__":
    main()
