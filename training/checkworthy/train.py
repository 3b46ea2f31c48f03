"""Train the check-worthiness scorer shipped in ``src/isnad/models/checkworthy``.

Data: CLEF-2022 CheckThat! Task 1, Arabic (``../shared/data/checkthat2022-ar``).
Main task: subtask 1A (check-worthy yes/no), train 2,513 / dev 235 / dev_test 691 tweets.
Auxiliary tasks (stacking): the *train* splits of subtasks 1B (verifiable claim), 1C
(harmful) and 1D (attention-worthy: "not interesting", "discusses cure", "discusses action
taken"), ~3,600 tweets each, minus every tweet (by id or text) that is in 1A dev or
dev_test.  A linear model per auxiliary task over the main model's TF-IDF vector; its
score, standardised, is a feature of the main logistic regression (out-of-fold scores
for the training tweets, so the main model does not learn from over-fitted ones).
``--neg-1b`` also adds the 1B train non-claims to the main training set as negatives
(``--neg-weight`` sets their sample weight).

Protocol: fit on 1A train; choose C by ROC-AUC on dev; calibrate the margin with Platt
scaling on dev; choose the decision threshold by F1 of the positive class on dev.  dev_test
is scored only at the end, for the report.  A second threshold, F1-best on the pooled
out-of-fold train predictions (5 folds) + dev, is recorded as ``threshold_pooled`` and
reported; it is not used: the out-of-fold train predictions are over-optimistic (AUC 0.71
against 0.65 on dev — train repeats 111 tweet ids, so a fold often holds a copy of a test
tweet), which pushes that threshold up.

Model: sublinear TF-IDF (L2 per block) of character 2–5-grams within word boundaries
(min_df 2) and word 1–2-grams (min_df 1) of :func:`isnad.models.checkworthy.prepare`'d text
+ 5 standardised auxiliary scores; logistic regression, class_weight="balanced".  The
analyzers are the runtime module's own functions, passed to scikit-learn; the export is
checked against scikit-learn's decision function before it is written.

Also measured on the same splits: always "yes", majority class, and the organisers' n-gram
baseline (``task1/baselines/subtask_1.py``: word-unigram TF-IDF, 5,000 features, linear SVC).

    .venv/bin/python training/checkworthy/train.py            # writes the model
    .venv/bin/python training/checkworthy/train.py --dry-run  # figures only
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import json
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import sklearn
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import SVC

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from isnad.evaluation.checkworthy import ZIP, load_split  # noqa: E402
from isnad.evaluation.common import shared_data  # noqa: E402
from isnad.models import checkworthy as cw  # noqa: E402

OUT = ROOT / "src" / "isnad" / "models" / "checkworthy"
SUBDIR = ZIP[:-1]
PROBE = ROOT / "tests" / "fixtures" / "checkworthy" / "news_probe.tsv"

C_GRID = [0.3, 1.0, 3.0]
CHAR_RANGE, CHAR_MIN_DF = (2, 5), 2
WORD_RANGE, WORD_MIN_DF = (1, 2), 1
AUX_WEIGHT = 0.3          # standardised auxiliary scores are scaled by this before the main LR
# (auxiliary task name, zip, split file, positive label)
AUX_TASKS = [
    ("claim", "CT22_arabic_1B_claim.zip", "CT22_arabic_1B_claim_train.tsv", "1"),
    ("harmful", "CT22_arabic_1C_harmful.zip", "CT22_arabic_1C_harmful_train.tsv", "1"),
    ("not_interesting", "CT22_arabic_1D_attentionworthy.zip", "CT22_arabic_1D_attentionworthy_train.tsv",
     "no_not_interesting"),
    ("discusses_cure", "CT22_arabic_1D_attentionworthy.zip", "CT22_arabic_1D_attentionworthy_train.tsv",
     "yes_discusses_cure"),
    ("discusses_action", "CT22_arabic_1D_attentionworthy.zip", "CT22_arabic_1D_attentionworthy_train.tsv",
     "yes_discusses_action_taken"),
]


def read_tsv(zname: str, member: str) -> list[dict]:
    with zipfile.ZipFile(shared_data(*SUBDIR, zname)) as z:
        raw = z.read(member).decode("utf-8")
    rows = list(csv.reader(io.StringIO(raw), delimiter="\t", quoting=csv.QUOTE_NONE))
    return [dict(zip(rows[0], r)) for r in rows[1:] if r]


def vectorizers():
    return [TfidfVectorizer(analyzer=lambda s: cw.char_ngrams(s, *CHAR_RANGE), min_df=CHAR_MIN_DF,
                            sublinear_tf=True, norm="l2", smooth_idf=True, dtype=np.float64),
            TfidfVectorizer(analyzer=lambda s: cw.word_ngrams(s, *WORD_RANGE), min_df=WORD_MIN_DF,
                            sublinear_tf=True, norm="l2", smooth_idf=True, dtype=np.float64)]


def tfidf(vecs, prepared, fit=False):
    return hstack([v.fit_transform(prepared) if fit else v.transform(prepared) for v in vecs]).tocsr()


def lr(C):
    return LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=5000)


def best_threshold(y, p):
    """The threshold with the best F1 of the positive class on (y, p); ties go to the
    higher threshold.  Put half-way between the lowest accepted score and the next lower
    one, so float32 rounding of the exported weights cannot move a tweet across it."""
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
    return {"threshold": round(float(thr), 4), "f1": round(f1_score(y, pred), 4),
            "precision": round(precision_score(y, pred, zero_division=0), 4),
            "recall": round(recall_score(y, pred), 4), "predicted_yes": int(pred.sum())}


def read_probe():
    rows = [line.rstrip("\n").split("\t") for line in PROBE.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return np.asarray([int(r[0]) for r in rows]), [r[1] for r in rows]


def organisers_baseline(tr, ytr, others):
    """task1/baselines/subtask_1.py run_ngram_baseline, on the raw tweet text."""
    vec = TfidfVectorizer(ngram_range=(1, 1), lowercase=True, use_idf=True, max_df=0.95, min_df=3,
                          max_features=5000)
    clf = SVC(C=1, gamma="scale", kernel="linear", random_state=0)
    clf.fit(vec.fit_transform(tr), ytr)
    return {k: round(f1_score(y, clf.predict(vec.transform(x))), 4) for k, (x, y) in others.items()}


class Stack:
    """TF-IDF vectorizers + auxiliary linear models + the main LR."""

    def __init__(self, vecs, aux_models, aux_mean, aux_scale, main):
        self.vecs, self.aux_models, self.aux_mean, self.aux_scale, self.main = \
            vecs, aux_models, aux_mean, aux_scale, main

    def aux(self, X):
        return np.column_stack([m.decision_function(X) for m in self.aux_models]) if self.aux_models \
            else np.zeros((X.shape[0], 0))

    def design(self, X, A):
        if A.shape[1] == 0:
            return X
        return hstack([X, csr_matrix(AUX_WEIGHT * (A - self.aux_mean) / self.aux_scale)]).tocsr()

    def margins(self, prepared):
        X = tfidf(self.vecs, prepared)
        return self.main.decision_function(self.design(X, self.aux(X)))


def fit_stack(tr_prep, tr_y, aux_data, C, oof_folds=5, seed=0, sample_weight=None):
    """Fit vectorizers on the main training texts, the auxiliary models on their own
    data (out-of-fold scores for main-training texts they contain), then the main LR."""
    vecs = vectorizers()
    X = tfidf(vecs, tr_prep, fit=True)
    aux_models, cols = [], []
    for name, texts, labels in aux_data:
        Xa = tfidf(vecs, texts)
        m = lr(1.0).fit(Xa, labels)
        aux_models.append(m)
        oof = np.zeros(len(texts))
        for a, b in StratifiedKFold(oof_folds, shuffle=True, random_state=seed).split(texts, labels):
            oof[b] = lr(1.0).fit(Xa[a], labels[a]).decision_function(Xa[b])
        by_text = dict(zip(texts, oof))
        full = m.decision_function(X)
        cols.append(np.array([by_text.get(t, f) for t, f in zip(tr_prep, full)]))
    A = np.column_stack(cols) if cols else np.zeros((len(tr_prep), 0))
    mean = A.mean(0) if cols else np.zeros(0)
    scale = A.std(0) if cols else np.zeros(0)
    scale = np.where(scale > 0, scale, 1.0) if cols else scale
    st = Stack(vecs, aux_models, mean, scale, None)
    st.main = lr(C).fit(st.design(X, A), tr_y, sample_weight=sample_weight)
    st.train_aux = A
    return st


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dry-run", action="store_true", help="measure only; do not write the model")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-aux", dest="aux", action="store_false", help="no auxiliary (1B/1C/1D) scores")
    ap.add_argument("--neg-1b", action="store_true",
                    help="also add the 1B train non-claims to the main training set as negatives")
    ap.add_argument("--neg-weight", type=float, default=1.0,
                    help="sample weight of those extra negatives (default 1; 1A tweets weigh 1)")
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

    held_ids = {i for s in ("dev", "dev_test") for i in data[s][2]}
    held_txt = {t for s in ("dev", "dev_test") for t in data[s][0]}

    def clean(rows):
        return [r for r in rows if r["tweet_id"] not in held_ids and r["tweet_text"] not in held_txt]

    aux_data = []
    if args.aux:
        for name, zname, member, pos in AUX_TASKS:
            rows = clean(read_tsv(zname, member))
            aux_data.append((name, [cw.prepare(r["tweet_text"]) for r in rows],
                             np.asarray([int(r["class_label"].strip() == pos) for r in rows])))
            print(f"  aux {name}: {len(rows)} tweets, {int(aux_data[-1][2].sum())} positive")

    tr_prep, tr_y = list(prep["train"]), y["train"]
    n_extra = 0
    if args.neg_1b:
        extra = [cw.prepare(r["tweet_text"]) for r in clean(read_tsv(*AUX_TASKS[0][1:3]))
                 if r["class_label"].strip() == "0"]
        n_extra = len(extra)
        tr_prep += extra
        tr_y = np.concatenate([tr_y, np.zeros(n_extra, dtype=int)])
    sw = np.concatenate([np.ones(len(y["train"])), np.full(n_extra, args.neg_weight)]) if n_extra else None
    print(f"main training set: {len(tr_y)} texts ({n_extra} 1B non-claims added as negatives"
          f"{f', weight {args.neg_weight:g}' if n_extra else ''})")

    # reference points
    base = organisers_baseline(raw["train"], y["train"], {"dev": (raw["dev"], y["dev"]),
                                                          "dev_test": (raw["dev_test"], y["dev_test"])})
    always = {s: round(2 * y[s].sum() / (len(y[s]) + y[s].sum()), 4) for s in ("dev", "dev_test")}
    print(f"reference: organisers' baseline F1 dev {base['dev']:.3f}; always-yes F1 dev {always['dev']:.3f}")

    # C by dev ROC-AUC
    results = []
    for C in C_GRID:
        st = fit_stack(tr_prep, tr_y, aux_data, C, sample_weight=sw)
        auc = roc_auc_score(y["dev"], st.margins(prep["dev"]))
        results.append((auc, -C, C, st))
        print(f"  C={C:<4} dev AUC {auc:.4f}")
    auc, _, C, st = max(results, key=lambda r: r[:2])
    print(f"selected C={C} (dev AUC {auc:.4f})")

    t0 = time.perf_counter()
    st = fit_stack(tr_prep, tr_y, aux_data, C, sample_weight=sw)
    t_fit = time.perf_counter() - t0
    m = {s: st.margins(prep[s]) for s in ("dev", "dev_test")}

    # Platt on dev
    platt = LogisticRegression(C=1e6, max_iter=1000).fit(m["dev"].reshape(-1, 1), y["dev"])
    a, b = float(platt.coef_[0, 0]), float(platt.intercept_[0])
    prob = {s: 1 / (1 + np.exp(-(a * m[s] + b))) for s in m}

    # out-of-fold train margins for the threshold (the whole stack refitted per fold)
    oof = np.zeros(len(tr_y))
    for fa, fb in StratifiedKFold(5, shuffle=True, random_state=0).split(tr_prep, tr_y):
        sf = fit_stack([tr_prep[i] for i in fa], tr_y[fa], aux_data, C,
                       sample_weight=None if sw is None else sw[fa])
        oof[fb] = sf.margins([tr_prep[i] for i in fb])
    n1a = len(y["train"])
    p_oof = 1 / (1 + np.exp(-(a * oof[:n1a] + b)))          # 1A tweets only
    pool_y = np.concatenate([y["train"], y["dev"]])
    pool_p = np.concatenate([p_oof, prob["dev"]])
    thr_pool, f_pool = best_threshold(pool_y, pool_p)
    thr, f_dev = best_threshold(y["dev"], prob["dev"])
    print(f"platt a={a:.4f} b={b:.4f}; threshold p>={thr:.4f} (dev F1 {f_dev:.4f}); pooled "
          f"train-OOF+dev threshold p>={thr_pool:.4f} (F1 {f_pool:.4f}); train OOF AUC "
          f"{roc_auc_score(y['train'], oof[:n1a]):.4f}")

    report = {}
    for s in ("dev", "dev_test"):
        report[s] = {"at_threshold": figures(y[s], prob[s], thr),
                     "at_pooled_threshold": figures(y[s], prob[s], thr_pool),
                     "at_0.5": figures(y[s], prob[s], 0.5),
                     "roc_auc": round(roc_auc_score(y[s], prob[s]), 4),
                     "average_precision": round(average_precision_score(y[s], prob[s]), 4),
                     "always_yes_f1": always[s], "majority_f1": 0.0,
                     "organisers_ngram_baseline_f1": base[s]}
    py, ptexts = read_probe()
    pp = 1 / (1 + np.exp(-(a * st.margins([cw.prepare(t) for t in ptexts]) + b)))
    report["news_probe"] = {"n": int(len(py)), "positives": int(py.sum()),
                            "roc_auc": round(roc_auc_score(py, pp), 4),
                            "flagged_positives": int((pp[py == 1] >= thr).sum()),
                            "flagged_negatives": int((pp[py == 0] >= thr).sum())}
    print(json.dumps(report, indent=1))

    # export: one weight matrix per block, column 0 = main LR, 1.. = auxiliary models
    n_tfidf = sum(len(v.vocabulary_) for v in st.vecs)
    main_coef = st.main.coef_[0]
    cols = [main_coef[:n_tfidf]] + [mm.coef_[0] for mm in st.aux_models]
    Wfull = np.column_stack(cols)
    blocks, weights, off = [], {}, 0
    for name, v, rng, md in (("char", st.vecs[0], CHAR_RANGE, CHAR_MIN_DF),
                             ("word", st.vecs[1], WORD_RANGE, WORD_MIN_DF)):
        vocab = [f for f, _ in sorted(v.vocabulary_.items(), key=lambda kv: kv[1])]
        n = len(vocab)
        blocks.append({"name": name, "ngram_range": list(rng), "min_df": md, "vocab": vocab})
        weights[f"{name}_idf"] = v.idf_
        weights[f"{name}_W"] = Wfull[off:off + n]
        off += n
    meta = {
        "format": cw.FORMAT,
        "name": f"checkworthy-ar-lr-aux-{dt.date.today().isoformat()}",
        "task": "CLEF-2022 CheckThat! Task 1, Arabic subtask 1A (check-worthiness of tweets)",
        "data": {"path": "checkthat2022-ar/" + "/".join(ZIP[1:]), "sha256": zsha,
                 "train": len(y["train"]), "dev": len(y["dev"]), "dev_test": len(y["dev_test"]),
                 "extra_negatives_1b_train_non_claims": n_extra,
                 "extra_negatives_weight": args.neg_weight if n_extra else None,
                 "aux_tasks": {n: int(len(l)) for n, _, l in aux_data}},
        "features": "prepare() then TF-IDF (sublinear tf, smooth idf, L2 per block) of char_wb 2-5-grams "
                    "and word 1-2-grams; + standardised scores of auxiliary linear models (1B/1C/1D)",
        "classifier": {"type": "logistic regression (liblinear)", "C": C, "class_weight": "balanced",
                       "aux_weight": AUX_WEIGHT, "selected_by": "dev ROC-AUC",
                       "threshold_by": "F1(pos) on dev",
                       "trained_with": f"scikit-learn {sklearn.__version__}"},
        "blocks": blocks,
        "aux": {"names": [n for n, _, _ in aux_data],
                "intercept": [float(mm.intercept_[0]) for mm in st.aux_models],
                "mean": [float(x) for x in st.aux_mean], "scale": [float(x) for x in st.aux_scale],
                "coef": [float(AUX_WEIGHT * x) for x in main_coef[n_tfidf:]]},
        "intercept": float(st.main.intercept_[0]),
        "platt": [a, b],
        "threshold": thr,
        "threshold_pooled": thr_pool,
        "train_oof_auc": round(roc_auc_score(y["train"], oof[:n1a]), 4),
        "reference": report,
    }
    scorer = cw.CheckworthyScorer(json.loads(json.dumps(meta)),
                                  {k: np.asarray(v, dtype=np.float32) for k, v in weights.items()})
    mine = scorer.decisions(raw["dev_test"])
    diff = float(np.abs(mine - m["dev_test"]).max())
    agree = float(((mine > 0) == (m["dev_test"] > 0)).mean())
    print(f"export check on dev_test: max |margin difference| {diff:.2e}, sign agreement {agree:.4f}")
    if diff > 1e-3:
        print("export does not reproduce scikit-learn's decision function", file=sys.stderr)
        return 1
    meta["export_check"] = {"max_margin_diff": diff, "sign_agreement": agree}
    meta["train_seconds"] = {"final_fit": round(t_fit, 1), "whole_run": round(time.perf_counter() - t_start, 1)}
    print(f"features {sum(len(b['vocab']) for b in blocks)}; final fit {t_fit:.1f} s; "
          f"whole run {time.perf_counter() - t_start:.1f} s")
    if not args.dry_run:
        cw.write(args.out, meta, weights)
        sizes = {p.name: p.stat().st_size for p in args.out.iterdir() if p.is_file()}
        print(f"wrote {args.out}: " + ", ".join(f"{k} {v / 1e6:.2f} MB" for k, v in sorted(sizes.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
