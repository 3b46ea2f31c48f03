"""Dev-slice sweep of per-label decoding biases (``label_bias`` in ensemble.json): a
constant added to the B-/I- emissions of a label in the ensemble before Viterbi,
trading precision for recall.  Emissions are computed once and memoised.

    python biasexp.py --lexicon ../../src/isnad/models/ner/lexicon.tsv.gz --nn nn_dev10.npz \
        --grid "ORG=0,0.5,1;MISC=0,0.5,1;PERS=0,0.5;LOC=0,0.5"
"""
from __future__ import annotations

import argparse
import itertools
from pathlib import Path

from common import BUILD, fix_bio, split_dev, train_sents

from isnad.evaluation.ner import score
from isnad.io.conll import tag_sentences
from isnad.models.ner import Tagger, load_resources
from isnad.models.ner.neural import NeuralTagger


def memo_nets(nets):
    for net in nets:
        cache = {}
        orig = net.emissions_batch

        def eb(batch, orig=orig, cache=cache):
            miss = [b for b in batch if tuple(b) not in cache]
            if miss:
                for b, e in zip(miss, orig(miss)):
                    cache[tuple(b)] = e
            return [cache[tuple(b)] for b in batch]
        net.emissions_batch = eb


class MemoTagger(Tagger):
    _mcache: dict = {}

    def _crf_marginals(self, tokens):
        key = (self.model_path, tuple(tokens))
        if key not in self._mcache:
            self._mcache[key] = super()._crf_marginals(tokens)
        return self._mcache[key]


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--crf", default="dev.crfsuite")
    ap.add_argument("--nn", default="nn_dev10.npz")
    ap.add_argument("--lexicon", required=True)
    ap.add_argument("--lam", type=float, default=1.0)
    ap.add_argument("--window", type=int, default=20)
    ap.add_argument("--theta", type=float, default=0.5)
    ap.add_argument("--grid", default="ORG=0,0.5,1;MISC=0,0.5,1")
    args = ap.parse_args(argv)
    res = load_resources(Path(args.lexicon))
    nets = [NeuralTagger(BUILD / p, res) for p in args.nn.split(",")]
    memo_nets(nets)
    _, dev = split_dev(train_sents())
    gold = [fix_bio([t for _, t in s]) for s in dev]
    toks = [[w for w, _ in s] for s in dev]
    axes = []
    for part in args.grid.split(";"):
        lab, _, vals = part.partition("=")
        axes.append([(lab, float(v)) for v in vals.split(",")])
    for combo in itertools.product(*axes):
        bias = dict(combo)
        tg = MemoTagger(BUILD / args.crf, res, nets, args.lam, args.window, args.theta, bias)
        s = score(gold, tag_sentences(tg, toks))
        p, r, f, _ = s["micro"]
        per = " ".join(f"{k} {v[2]:.4f}" for k, v in s.items() if k != "micro")
        print(f"bias={bias}: P {p:.4f} R {r:.4f} F1 {f:.4f} | {per}", flush=True)


if __name__ == "__main__":
    main()
