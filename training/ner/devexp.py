"""Dev-slice comparison of runtime configurations: the feature CRF alone, with
document-level label propagation, and ensembled with BiLSTM-CRF members
(``crf_lambda`` × log CRF posteriors added to the networks' emissions).

Every model named here must have been trained on train.tsv minus the dev slice
(``crf.py --tag dev`` → build/dev.crfsuite, ``neural.py --dev --out build/nn_dev.npz``).
The dev slice (last 500 sentences of train.tsv) is tagged exactly as
``isnad tag --conll`` would tag it (chunks of 256 sentences, ``document=True``).

    python training/ner/devexp.py --crf dev.crfsuite --nn nn_dev.npz \
        --lambdas 0,0.25,0.5,1 --windows 0,10,1000
"""
from __future__ import annotations

import argparse
import time

from common import BUILD, fix_bio, split_dev, train_sents
from crf import make_resources

from isnad.evaluation.ner import format_scores, score
from isnad.io.conll import tag_sentences
from isnad.models.ner import Tagger


def run(tagger, dev):
    t = time.time()
    pred = tag_sentences(tagger, [[w for w, _ in s] for s in dev])
    secs = time.time() - t
    return score([fix_bio([t for _, t in s]) for s in dev], pred), sum(map(len, dev)) / secs


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--crf", default="dev.crfsuite")
    ap.add_argument("--nn", default="", help="comma-separated .npz files in build/")
    ap.add_argument("--lambdas", default="0.5")
    ap.add_argument("--windows", default="0", help="propagation windows (0 = off)")
    ap.add_argument("--thetas", default="0.5")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--lexicon", default=None, help="resources from this lexicon.tsv.gz")
    ap.add_argument("--opts", default=None, help="optional CRF feature groups the --crf model used")
    args = ap.parse_args(argv)
    if args.lexicon:
        from pathlib import Path
        from isnad.models.ner import load_resources
        res = load_resources(Path(args.lexicon))
    else:
        res, *_ = make_resources(BUILD / "clusters.tsv", True)
    if args.opts is not None:
        res.opts = frozenset(o for o in args.opts.split(",") if o)
    _, dev = split_dev(train_sents())
    nets = []
    if args.nn:
        from isnad.models.ner.neural import NeuralTagger
        nets = [NeuralTagger(BUILD / p, res) for p in args.nn.split(",")]
    lambdas = [float(x) for x in args.lambdas.split(",")] if nets else [0.0]
    for lam in lambdas:
        for w in (int(x) for x in args.windows.split(",")):
            for th in ([float(x) for x in args.thetas.split(",")] if w else [0.5]):
                tg = Tagger(BUILD / args.crf, res, nets, lam, w, th)
                s, tps = run(tg, dev)
                p, r, f, _ = s["micro"]
                per = " ".join(f"{k} {v[2]:.4f}" for k, v in s.items() if k != "micro")
                print(f"nn={args.nn or '-'} lambda={lam} window={w} theta={th}: "
                      f"P {p:.4f} R {r:.4f} F1 {f:.4f} | {per} | {tps:,.0f} tok/s", flush=True)
                if args.verbose:
                    print(format_scores(s))


if __name__ == "__main__":
    main()
