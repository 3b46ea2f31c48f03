"""Dev slice: a CRF with one gazetteer ensembled with networks trained with another
(each member featurised with its own lexicon; README row 60).  Not a runtime path:
``load_tagger`` gives all members one lexicon.

    python mixexp.py --crf dev_om.crfsuite --crf-lexicon build/lexicon_om.tsv.gz \
        --nn nn_dev10.npz,nn_dev10_s2.npz
"""
from __future__ import annotations

import argparse
from pathlib import Path

from common import BUILD, MODEL_DIR, split_dev, train_sents
from devexp import run

from isnad.models.ner import Tagger, load_resources
from isnad.models.ner.neural import NeuralTagger


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--crf", default="dev_om.crfsuite")
    ap.add_argument("--crf-lexicon", default=str(BUILD / "lexicon_om.tsv.gz"))
    ap.add_argument("--nn", default="nn_dev10.npz,nn_dev10_s2.npz", help="each scored separately")
    ap.add_argument("--nn-lexicon", default=str(MODEL_DIR / "lexicon.tsv.gz"))
    ap.add_argument("--lambdas", default="1,1.5")
    args = ap.parse_args(argv)
    crf_res = load_resources(Path(args.crf_lexicon))
    nn_res = load_resources(Path(args.nn_lexicon))
    _, dev = split_dev(train_sents())
    for nn in args.nn.split(","):
        for lam in (float(x) for x in args.lambdas.split(",")):
            tg = Tagger(BUILD / args.crf, crf_res, [NeuralTagger(BUILD / nn, nn_res)], lam, 20, 0.5)
            s, _ = run(tg, dev)
            print(args.crf, nn, lam, " ".join(f"{k} {v[2]:.4f}" for k, v in s.items()), flush=True)


if __name__ == "__main__":
    main()
