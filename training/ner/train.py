"""Build the packaged NER model end to end, from ../shared/data only.

    python training/ner/train.py            # everything (≈25-35 min on 2 cores)
    python training/ner/train.py --dev      # also report the dev-slice scores (tuning view)
    python training/ner/train.py --nn-only  # keep model.crfsuite + lexicon.tsv.gz, retrain the network
    python training/ner/train.py --lexicon src/isnad/models/ner/lexicon.tsv.gz --orgs-misc
        # reuse that file's clusters + gazetteer (no word2vec / k-means), add the
        # club/brand/tournament supplement (resources/lexicons/ner_orgs_misc.tsv)
    python training/ner/train.py --lexicon ... --orgs-misc --emb-npz build/emb_src.npz
        # the same without build/w2v.model: word vectors from a copy of the shipped nn.npz

Steps:
1. unlabelled.py: tokenise + normalise SaudiNewsNet (and train.tsv tokens) →
   skip-gram word2vec → k-means clusters at 5 granularities;
2. featurise ANERcorp train.tsv (all of it; hyper-parameters were chosen on the
   dev slice = last 500 sentences of train.tsv, see common.py) and train the CRF;
   write model.crfsuite + lexicon.tsv.gz;
3. train the BiLSTM-CRF (neural.py: frozen word2vec, char CNN, dense features and
   the bag of the CRF's own-token features read from that lexicon) on all of
   train.tsv with the epoch count chosen on the dev slice; write nn.npz;
4. write ensemble.json (networks' CRF + CRF_LAMBDA × log feature-CRF posteriors,
   document-level label propagation), all chosen on the dev slice (devexp.py);
5. report test.tsv scores exactly as ``isnad eval ner`` computes them (reporting
   only: nothing is tuned on them) and write scores.json.
"""
from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

import unlabelled
from common import BUILD, MODEL_DIR, fix_bio, split_dev, test_sents, train_sents
from crf import featurise, gazet_entries, make_resources, orgs_misc_entries, tag_with, train_crf

from isnad.evaluation.ner import format_scores, score
from isnad.models.ner import ENSEMBLE_FILE, LEXICON_FILE, MODEL_FILE, load_resources, write_resources
from isnad.models.ner.features import build_gazet


def lexicon_gazet(path) -> list[tuple[str, str]]:
    """The ``(phrase, label)`` gazetteer rows stored in a lexicon.tsv.gz."""
    import gzip
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("g\t"):
                label, _, phrase = line.rstrip("\n")[2:].partition("\t")
                out.append((phrase, label))
    return out

CONFIG = {
    "clusters": "clusters.tsv",          # k32,k128,k512,k2048,k4096 over word2vec
    "gazetteer": "ANERGazet",
    "c1": 0.05,
    "c2": 0.05,
    "iterations": 150,
}
# The network member and the ensemble (chosen on the dev slice; see README.md)
NN_ARGS = ["--bag", "--epochs", "10", "--threads", "1", "--seed", "1"]
ENSEMBLE = {"nn": ["nn.npz"], "crf_lambda": 1.0, "propagate_window": 20, "propagate_theta": 0.5}


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev", action="store_true", help="also train the CRF on train-minus-dev and score dev")
    ap.add_argument("--out", default=str(MODEL_DIR))
    ap.add_argument("--nn-only", action="store_true",
                    help="keep the CRF and lexicon in --out; (re)train the network and the ensemble")
    ap.add_argument("--no-nn", action="store_true", help="CRF only (no network, no ensemble.json)")
    ap.add_argument("--lexicon", default=None,
                    help="take the cluster table + gazetteer from this lexicon.tsv.gz (skips word2vec/k-means)")
    ap.add_argument("--orgs-misc", action="store_true",
                    help="add resources/lexicons/ner_orgs_misc.tsv (clubs, brands, tournaments) to the gazetteer")
    ap.add_argument("--typed", action="store_true",
                    help="with --orgs-misc: CLUB / BRAND gazetteer labels instead of ORG")
    ap.add_argument("--emb-npz", default=None,
                    help="the network's word vectors from this exported network (e.g. a copy of the "
                         "shipped nn.npz) instead of build/w2v.model (neural.py --emb-npz)")
    args = ap.parse_args(argv)
    t_all = time.time()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if not args.lexicon:
        unlabelled.main([])
    config = dict(CONFIG)
    if args.orgs_misc:
        config["gazetteer"] = "ANERGazet + resources/lexicons/ner_orgs_misc.tsv"
    if args.lexicon:
        config["clusters"] = "the cluster table of " + Path(args.lexicon).name + " (--lexicon)"
    report = {"config": config}
    if args.emb_npz:
        report["nn_word_vectors"] = "the float16 table of " + Path(args.emb_npz).name + " (--emb-npz)"
    old = out / "scores.json"
    if args.nn_only and old.exists():
        report = json.loads(old.read_text(encoding="utf-8"))
    sents = train_sents()
    if not args.nn_only:
        if args.lexicon:
            lex = Path(args.lexicon).resolve()
            res, gaz = load_resources(lex), lexicon_gazet(lex)
            if args.orgs_misc:
                # ANERGazet afresh (not the lexicon's rows, which may hold an older supplement
                # whose deleted rows would otherwise survive), then the supplement below
                gaz = gazet_entries()
        else:
            res, clusters, names, gaz = make_resources(BUILD / CONFIG["clusters"], True)
        if args.orgs_misc:
            gaz = gaz + orgs_misc_entries(args.typed)
            res.gazet, res.gazet_max = build_gazet(gaz)
        if args.dev:
            tr, dev = split_dev(sents)
            X, y = featurise(tr, res)
            p = BUILD / "dev.crfsuite"
            train_crf(X, y, p, CONFIG["c1"], CONFIG["c2"], CONFIG["iterations"])
            s = score([fix_bio([t for _, t in x]) for x in dev], tag_with(p, res, dev))
            print("CRF, dev slice (last 500 sentences of train.tsv):\n" + format_scores(s))
            report["dev_crf"] = {k: list(v) for k, v in s.items()}
        t = time.time()
        X, y = featurise(sents, res)
        secs = train_crf(X, y, out / MODEL_FILE, CONFIG["c1"], CONFIG["c2"], CONFIG["iterations"])
        write_resources(out / LEXICON_FILE, res, gaz)
        report["train_seconds"] = round(time.time() - t, 1)
        print(f"CRF trained on {len(sents)} sentences in {secs:.0f}s")
    ens = out / ENSEMBLE_FILE
    if args.no_nn:
        if ens.exists():
            ens.unlink()
    else:
        import neural
        t = time.time()
        emb = ["--emb-npz", args.emb_npz] if args.emb_npz else []
        neural.main([*NN_ARGS, *emb, "--lexicon", str(out / LEXICON_FILE), "--out", str(out / "nn.npz")])
        report["nn_args"] = NN_ARGS
        report["nn_train_seconds"] = round(time.time() - t, 1)
        ens.write_text(json.dumps(ENSEMBLE, indent=1) + "\n", encoding="utf-8")
        report["ensemble"] = ENSEMBLE
    # test.tsv, exactly as `isnad eval ner` (chunks of 256 sentences, document=True)
    from isnad.io.conll import tag_sentences
    from isnad.models.ner import load_tagger
    t = time.time()
    tagger = load_tagger(str(out))
    report["load_seconds"] = round(time.time() - t, 2)
    test = test_sents()
    t = time.time()
    pred = tag_sentences(tagger, [[w for w, _ in x] for x in test])
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
