"""Build the packaged NER model end to end, from ../shared/data only.

    python training/ner/train.py            # everything (≈15-25 min on 2 cores)
    python training/ner/train.py --dev      # also report the dev-slice score (tuning view)

Steps:
1. unlabelled.py: tokenise + normalise SaudiNewsNet (and train.tsv tokens) →
   skip-gram word2vec → k-means clusters at 5 granularities;
2. featurise ANERcorp train.tsv (all of it; hyper-parameters were chosen on the
   dev slice = last 500 sentences of train.tsv, see common.py) and train the CRF;
3. write src/isnad/models/ner/{model.crfsuite, lexicon.tsv.gz, scores.json};
4. report test.tsv scores (reporting only: nothing is tuned on them).
"""
from __future__ import annotations

import argparse
import json
import platform
import time

import unlabelled
from common import BUILD, MODEL_DIR, fix_bio, split_dev, test_sents, train_sents
from crf import featurise, make_resources, tag_with, train_crf

from isnad.evaluation.ner import format_scores, score
from isnad.models.ner import LEXICON_FILE, MODEL_FILE, write_resources

CONFIG = {
    "clusters": "clusters.tsv",          # k32,k128,k512,k2048,k4096 over word2vec
    "gazetteer": "ANERGazet",
    "c1": 0.05,
    "c2": 0.05,
    "iterations": 150,
}


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev", action="store_true", help="also train on train-minus-dev and score dev")
    ap.add_argument("--out", default=str(MODEL_DIR))
    args = ap.parse_args(argv)
    t_all = time.time()
    unlabelled.main([])
    res, clusters, names, gaz = make_resources(BUILD / CONFIG["clusters"], True)
    sents = train_sents()
    report = {"config": CONFIG}
    if args.dev:
        tr, dev = split_dev(sents)
        X, y = featurise(tr, res)
        p = BUILD / "dev.crfsuite"
        train_crf(X, y, p, CONFIG["c1"], CONFIG["c2"], CONFIG["iterations"])
        s = score([fix_bio([t for _, t in x]) for x in dev], tag_with(p, res, dev))
        print("dev slice (last 500 sentences of train.tsv):\n" + format_scores(s))
        report["dev"] = {k: list(v) for k, v in s.items()}
    t = time.time()
    X, y = featurise(sents, res)
    from pathlib import Path
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    secs = train_crf(X, y, out / MODEL_FILE, CONFIG["c1"], CONFIG["c2"], CONFIG["iterations"])
    write_resources(out / LEXICON_FILE, res, gaz)
    report["train_seconds"] = round(time.time() - t, 1)
    print(f"CRF trained on {len(sents)} sentences in {secs:.0f}s")
    test = test_sents()
    t = time.time()
    pred = tag_with(out / MODEL_FILE, res, test)
    tag_s = time.time() - t
    s = score([[t for _, t in x] for x in test], pred)
    print("test.tsv:\n" + format_scores(s))
    report["test"] = {k: list(v) for k, v in s.items()}
    report["test_tokens_per_s"] = round(sum(map(len, test)) / tag_s)
    report["total_build_seconds"] = round(time.time() - t_all, 1)
    report["machine"] = f"{platform.processor() or platform.machine()}, python {platform.python_version()}"
    (out / "scores.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"-> {out}")


if __name__ == "__main__":
    main()
