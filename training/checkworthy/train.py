"""Train the check-worthiness scorer shipped in ``src/isnad/models/checkworthy``.

Data: CLEF-2022 CheckThat! Task 1, Arabic subtask 1A (``../shared/data/checkthat2022-ar``):
train 2,513 / dev 235 / dev_test 691 tweets labelled check-worthy yes/no.
Extra negatives: the tweets of subtask 1B's *train* split labelled "no verifiable
factual claim" (1,118; minus any tweet that is also in 1A dev or dev_test) are
added to train as not check-worthy.  All 1A tweets are claims (1B = yes), so a
1A-only model never sees a non-claim; in isnad the scorer reads whatever the
claims stage emits, and CheckThat!'s own annotation treats a non-claim as not
worth checking.  ``--no-1b-negatives`` trains on 1A alone (figures for both are in
the model card).
Protocol: fit on train; choose the hyper-parameters by ROC-AUC on dev (the scorer
emits a score, and AUC is much less noisy than F1 on 235 tweets); calibrate the
margin with Platt scaling on dev; choose the decision threshold by F1 of the
positive class on dev; report on dev_test, which nothing above has seen.

Model: logistic regression (class-weighted) over two L2-normalised sublinear
TF-IDF blocks — character 2–5-grams within word boundaries and word 1–2-grams —
of the text prepared by :func:`isnad.models.checkworthy.prepare` (URLs and
@mentions replaced, isnad normalisation, digits → 0).  The analyzers are the
runtime module's own functions, passed to scikit-learn, so the exported model
sees exactly the features it was trained on; the export is checked against
scikit-learn's decision function before it is written.

Also measured for reference on the same splits: answering "yes" always, and the
organisers' n-gram baseline (``task1/baselines/subtask_1.py`` in the CheckThat!
2022 repository: word-unigram TF-IDF, 5,000 features, linear SVC, C=1).

    .venv/bin/python training/checkworthy/train.py            # writes the model
    .venv/bin/python training/checkworthy/train.py --dry-run  # figures only
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score
from sklearn.svm import SVC
from scipy.sparse import hstack

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from isnad.evaluation.checkworthy import ZIP, load_split  # noqa: E402
from isnad.evaluation.common import shared_data  # noqa: E402
from isnad.models import checkworthy as cw  # noqa: E402

OUT = ROOT / "src" / "isnad" / "models" / "checkworthy"
ZIP_1B = ZIP[:-1] + ("CT22_arabic_1B_claim.zip",)
PROBE = ROOT / "tests" / "fixtures" / "checkworthy" / "news_probe.tsv"

GRID = {
    "char_min_df": [2, 3],
    "word_min_df": [1, 2],
    "C": [0.3, 1.0, 3.0],
}
CHAR_RANGE = (2, 5)
WORD_RANGE = (1, 2)


def vectorizers(char_min_df: int, word_min_df: int):
    lo_c, hi_c = CHAR_RANGE
    lo_w, hi_w = WORD_RANGE
    return {
        "char": TfidfVectorizer(analyzer=lambda s: cw.char_ngrams(s, lo_c, hi_c), min_df=char_min_df,
                                sublinear_tf=True, norm="l2", smooth_idf=True, dtype=np.float64),
        "word": TfidfVectorizer(analyzer=lambda s: cw.word_ngrams(s, lo_w, hi_w), min_df=word_min_df,
                                sublinear_tf=True, norm="l2", smooth_idf=True, dtype=np.float64),
    }


def fit(prep_tr, ytr, char_min_df, word_min_df, C):
    vecs = vectorizers(char_min_df, word_min_df)
    X = hstack([v.fit_transform(prep_tr) for v in vecs.values()]).tocsr()
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    clf.fit(X, ytr)
    return vecs, clf


def margins(vecs, clf, prepared):
    X = hstack([v.transform(prepared) for v in vecs.values()]).tocsr()
    return clf.decision_function(X)


def best_threshold(y, p):
    """The probability threshold with the best F1 of the positive class on (y, p);
    ties go to the higher threshold (fewer false alarms).  The threshold is put
    half-way between the lowest score it accepts and the next lower one, so
    float32 rounding of the exported weights cannot move a dev tweet across it."""
    best_f, best_t = -1.0, 0.5
    values = np.unique(p)
    for t in values:
        f = f1_score(y, p >= t)
        if f > best_f or (f == best_f and t > best_t):
            best_f, best_t = f, float(t)
    below = values[values < best_t]
    if len(below):
        best_t = float((best_t + below.max()) / 2)
    return best_t, best_f


def figures(y, p, thr):
    pred = p >= thr
    return {"f1": round(f1_score(y, pred), 4), "precision": round(precision_score(y, pred, zero_division=0), 4),
            "recall": round(recall_score(y, pred), 4), "predicted_yes": int(pred.sum())}


def non_claims_1b(exclude_ids: set, exclude_texts: set) -> list[str]:
    """Tweets of CheckThat! 2022 Arabic 1B train labelled as containing no claim."""
    import csv
    import io
    import zipfile
    with zipfile.ZipFile(shared_data(*ZIP_1B)) as z:
        raw = z.read("CT22_arabic_1B_claim_train.tsv").decode("utf-8")
    rows = list(csv.reader(io.StringIO(raw), delimiter="\t", quoting=csv.QUOTE_NONE))
    h = rows[0]
    ti, li, ii = h.index("tweet_text"), h.index("class_label"), h.index("tweet_id")
    return [r[ti] for r in rows[1:] if r and r[li].strip().lower() in ("0", "no")
            and r[ii] not in exclude_ids and r[ti] not in exclude_texts]


def read_probe() -> tuple[list[int], list[str]]:
    rows = [line.rstrip("\n").split("\t") for line in PROBE.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return [int(r[0]) for r in rows], [r[1] for r in rows]


def organisers_baseline(tr, ytr, others):
    """task1/baselines/subtask_1.py run_ngram_baseline, on the raw tweet text."""
    vec = TfidfVectorizer(ngram_range=(1, 1), lowercase=True, use_idf=True, max_df=0.95, min_df=3,
                          max_features=5000)
    clf = SVC(C=1, gamma="scale", kernel="linear", random_state=0)
    clf.fit(vec.fit_transform(tr), ytr)
    return {k: round(f1_score(y, clf.predict(vec.transform(x))), 4) for k, (x, y) in others.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dry-run", action="store_true", help="measure only; do not write the model")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-1b-negatives", dest="neg_1b", action="store_false",
                    help="train on subtask 1A alone (no 1B non-claims as extra negatives)")
    args = ap.parse_args(argv)

    t_start = time.perf_counter()
    data = {s: load_split(s) for s in ("train", "dev", "dev_test")}
    raw = {s: d[0] for s, d in data.items()}
    y = {s: np.asarray(d[1]) for s, d in data.items()}
    prep = {s: [cw.prepare(t) for t in raw[s]] for s in raw}
    zpath = shared_data(*ZIP)
    zsha = hashlib.sha256(zpath.read_bytes()).hexdigest()
    print(f"data: {zpath} (sha256 {zsha[:16]}…)")
    for s in raw:
        print(f"  {s}: {len(y[s])} tweets, {int(y[s].sum())} check-worthy")

    # reference points on the same splits
    base = organisers_baseline(raw["train"], y["train"], {"dev": (raw["dev"], y["dev"]),
                                                          "dev_test": (raw["dev_test"], y["dev_test"])})
    always = {s: round(2 * y[s].sum() / (len(y[s]) + y[s].sum()), 4) for s in ("dev", "dev_test")}
    print(f"reference: organisers' n-gram baseline F1 dev {base['dev']:.3f} dev_test {base['dev_test']:.3f}; "
          f"always-yes F1 dev {always['dev']:.3f} dev_test {always['dev_test']:.3f}")

    # training set: 1A train (+ 1B train non-claims as negatives)
    tr_prep, tr_y = list(prep["train"]), y["train"]
    n_extra = 0
    if args.neg_1b:
        held = {s: d for s, d in data.items() if s != "train"}
        extra = non_claims_1b({i for d in held.values() for i in d[2]}, {t for d in held.values() for t in d[0]})
        n_extra = len(extra)
        tr_prep += [cw.prepare(t) for t in extra]
        tr_y = np.concatenate([tr_y, np.zeros(n_extra, dtype=int)])
    print(f"training set: {len(tr_y)} texts ({n_extra} 1B non-claims added as negatives)")

    # model selection on dev by ROC-AUC
    results = []
    for cmd, wmd, C in itertools.product(GRID["char_min_df"], GRID["word_min_df"], GRID["C"]):
        vecs, clf = fit(tr_prep, tr_y, cmd, wmd, C)
        md = margins(vecs, clf, prep["dev"])
        auc = roc_auc_score(y["dev"], md)
        nfeat = sum(len(v.vocabulary_) for v in vecs.values())
        results.append((auc, -nfeat, cmd, wmd, C))
        print(f"  char_min_df={cmd} word_min_df={wmd} C={C:<4}  features {nfeat:6d}  dev AUC {auc:.4f}  "
              f"dev F1@margin0 {f1_score(y['dev'], md > 0):.3f}")
    auc, _, cmd, wmd, C = max(results)
    print(f"selected: char_min_df={cmd} word_min_df={wmd} C={C} (dev AUC {auc:.4f})")

    t0 = time.perf_counter()
    vecs, clf = fit(tr_prep, tr_y, cmd, wmd, C)
    t_fit = time.perf_counter() - t0
    m = {s: margins(vecs, clf, prep[s]) for s in ("dev", "dev_test")}

    # Platt scaling on dev, then the F1-best threshold on dev
    platt = LogisticRegression(C=1e6, max_iter=1000).fit(m["dev"].reshape(-1, 1), y["dev"])
    a, b = float(platt.coef_[0, 0]), float(platt.intercept_[0])
    prob = {s: 1 / (1 + np.exp(-(a * m[s] + b))) for s in m}
    thr, f_dev = best_threshold(y["dev"], prob["dev"])
    print(f"platt a={a:.4f} b={b:.4f}; threshold p>={thr:.4f} (dev F1 {f_dev:.4f})")

    report = {}
    for s in ("dev", "dev_test"):
        report[s] = {"at_threshold": figures(y[s], prob[s], thr), "at_0.5": figures(y[s], prob[s], 0.5),
                     "roc_auc": round(roc_auc_score(y[s], prob[s]), 4),
                     "average_precision": round(average_precision_score(y[s], prob[s]), 4),
                     "always_yes_f1": always[s], "organisers_ngram_baseline_f1": base[s]}
    py, ptexts = read_probe()
    pprob = 1 / (1 + np.exp(-(a * margins(vecs, clf, [cw.prepare(t) for t in ptexts]) + b)))
    py = np.asarray(py)
    report["news_probe"] = {"n": int(len(py)), "positives": int(py.sum()),
                            "roc_auc": round(roc_auc_score(py, pprob), 4),
                            "flagged_positives": int((pprob[py == 1] >= thr).sum()),
                            "flagged_negatives": int((pprob[py == 0] >= thr).sum())}
    print(json.dumps(report, indent=1))

    # export and check the reimplemented predict step against scikit-learn
    coef = clf.coef_[0]
    blocks, weights, off = [], {}, 0
    for name, v in vecs.items():
        vocab = [f for f, _ in sorted(v.vocabulary_.items(), key=lambda kv: kv[1])]
        n = len(vocab)
        blocks.append({"name": name, "ngram_range": list(CHAR_RANGE if name == "char" else WORD_RANGE),
                       "min_df": cmd if name == "char" else wmd, "vocab": vocab})
        weights[f"{name}_idf"] = v.idf_
        weights[f"{name}_coef"] = coef[off:off + n]
        off += n
    meta = {
        "format": cw.FORMAT,
        "name": f"checkworthy-ar-lr-{dt.date.today().isoformat()}",
        "task": "CLEF-2022 CheckThat! Task 1, Arabic subtask 1A (check-worthiness of tweets)",
        "data": {"path": "checkthat2022-ar/" + "/".join(ZIP[1:]), "sha256": zsha,
                 "train": len(y["train"]), "dev": len(y["dev"]), "dev_test": len(y["dev_test"]),
                 "extra_negatives_1b_train_non_claims": n_extra},
        "features": "prepare() then TF-IDF (sublinear tf, smooth idf, L2 per block) of char_wb 2-5-grams "
                    "and word 1-2-grams",
        "classifier": {"type": "logistic regression", "C": C, "class_weight": "balanced",
                       "selected_by": "dev ROC-AUC", "trained_with": f"scikit-learn {sklearn.__version__}"},
        "blocks": blocks,
        "intercept": float(clf.intercept_[0]),
        "platt": [a, b],
        "threshold": thr,
        "reference": report,
    }
    tmp_meta = json.loads(json.dumps(meta))
    scorer = cw.CheckworthyScorer(tmp_meta, {k: np.asarray(v, dtype=np.float32) for k, v in weights.items()})
    mine = np.array([scorer.decision(t) for t in raw["dev_test"]])
    diff = float(np.abs(mine - m["dev_test"]).max())
    agree = float(((mine > 0) == (m["dev_test"] > 0)).mean())
    print(f"export check on dev_test: max |margin difference| {diff:.2e}, sign agreement {agree:.4f}")
    if diff > 1e-3:
        print("export does not reproduce scikit-learn's decision function", file=sys.stderr)
        return 1
    print(f"features {sum(len(b['vocab']) for b in blocks)}; fit {t_fit:.1f} s; "
          f"whole run {time.perf_counter() - t_start:.1f} s")
    if not args.dry_run:
        cw.write(args.out, meta, weights)
        sizes = {p.name: p.stat().st_size for p in args.out.iterdir() if p.is_file()}
        print(f"wrote {args.out}: " + ", ".join(f"{k} {v / 1e6:.2f} MB" for k, v in sorted(sizes.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
