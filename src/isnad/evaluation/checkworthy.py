"""Check-worthiness: the packaged scorer on CLEF-2022 CheckThat! Arabic subtask 1A.

Reads ``checkthat2022-ar/task1/data/subtasks-arabic/CT22_arabic_1A_checkworthy.zip``
from ``../shared/data`` (never copied into the repository), scores each tweet with
:func:`isnad.models.checkworthy.load` and prints the official measure — F1 of the
positive class — at the model's threshold (F1-best on dev), at the alternative
threshold recorded by the training script (F1-best on pooled out-of-fold train +
dev predictions) and at p = 0.5, with precision,
recall, ROC-AUC and average precision, and three reference points on the same
split: always answering "yes", always answering "no" (the majority class, F1 0)
and the organisers' n-gram baseline (figure recorded by the training script in
the model's ``model.json``).

    isnad eval checkworthy                 # dev_test (the held-out split)
    isnad eval checkworthy --split dev --json
"""
from __future__ import annotations

import csv
import io
import json
import sys
import time
import zipfile

import numpy as np

from .common import DataMissing, prf, shared_data

HELP = "check-worthiness scorer on CheckThat! 2022 Arabic 1A (F1 of the positive class)"
ZIP = ("checkthat2022-ar", "task1", "data", "subtasks-arabic", "CT22_arabic_1A_checkworthy.zip")
SPLITS = ("train", "dev", "dev_test")


def load_split(split: str) -> tuple[list[str], list[int], list[str]]:
    """(texts, labels 0/1, tweet ids) of one split, read from the shared zip."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; one of {', '.join(SPLITS)}")
    path = shared_data(*ZIP)
    with zipfile.ZipFile(path) as z:
        raw = z.read(f"CT22_arabic_1A_checkworthy_{split}.tsv").decode("utf-8")
    rows = list(csv.reader(io.StringIO(raw), delimiter="\t", quoting=csv.QUOTE_NONE))
    header, rows = rows[0], [r for r in rows[1:] if r]
    ti, li, ii = header.index("tweet_text"), header.index("class_label"), header.index("tweet_id")
    labels = []
    for r in rows:
        lab = r[li].strip().lower()
        labels.append(1 if lab in ("1", "yes") else 0)
    return [r[ti] for r in rows], labels, [r[ii] for r in rows]


def roc_auc(y, s) -> float:
    """ROC-AUC by the rank-sum formula (ties get their average rank)."""
    y = np.asarray(y); s = np.asarray(s, dtype=float)
    npos, nneg = int(y.sum()), int(len(y) - y.sum())
    if not npos or not nneg:
        return float("nan")
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s)); ranks[order] = np.arange(1, len(s) + 1)
    for v in np.unique(s):                    # average ranks over ties
        m = s == v
        if m.sum() > 1:
            ranks[m] = ranks[m].mean()
    return float((ranks[y == 1].sum() - npos * (npos + 1) / 2) / (npos * nneg))


def average_precision(y, s) -> float:
    y = np.asarray(y); s = np.asarray(s, dtype=float)
    order = np.argsort(-s, kind="mergesort")
    yy = y[order]
    tp = np.cumsum(yy)
    prec = tp / np.arange(1, len(yy) + 1)
    return float((prec * yy).sum() / max(1, yy.sum()))


def scores_at(y, s, threshold: float) -> dict:
    y = np.asarray(y); pred = np.asarray(s) >= threshold
    tp = int((pred & (y == 1)).sum()); fp = int((pred & (y == 0)).sum()); fn = int((~pred & (y == 1)).sum())
    p, r, f = prf(tp, fp, fn)
    return {"threshold": round(float(threshold), 4), "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(f, 4), "predicted_yes": int(pred.sum())}


def _f1(y, pred) -> float:
    tp = int((pred & (y == 1)).sum())
    denom = int(pred.sum()) + int((y == 1).sum())
    return 2 * tp / denom if denom else 0.0


def bootstrap_vs_always_yes(y, s, threshold: float, n: int = 2000, seed: int = 0) -> dict:
    """Paired bootstrap (resampling tweets) of F1(model at threshold) − F1(always "yes"):
    mean, 95 % interval, and the share of resamples where the model is ahead."""
    y = np.asarray(y); pred = np.asarray(s) >= threshold
    rng = np.random.default_rng(seed)
    diffs = np.empty(n)
    yes = np.ones(len(y), dtype=bool)
    for i in range(n):
        ix = rng.integers(0, len(y), len(y))
        diffs[i] = _f1(y[ix], pred[ix]) - _f1(y[ix], yes)
    lo, hi = np.percentile(diffs, [2.5, 97.5])
    return {"resamples": n, "mean_diff": round(float(diffs.mean()), 4),
            "ci95": [round(float(lo), 4), round(float(hi), 4)],
            "share_model_ahead": round(float((diffs > 0).mean()), 3)}


def evaluate(split: str = "dev_test", scorer=None, bootstrap: int = 0) -> dict:
    from ..models.checkworthy import load
    t0 = time.perf_counter()
    scorer = scorer or load()
    t_load = time.perf_counter() - t0
    texts, y, _ = load_split(split)
    t0 = time.perf_counter()
    s = scorer.score(texts)
    t_score = time.perf_counter() - t0
    y = np.asarray(y)
    ref = scorer.meta.get("reference", {}).get(split, {})
    res = {
        "task": "checkworthy", "data": "CheckThat! 2022 Arabic subtask 1A", "split": split,
        "n": int(len(y)), "positives": int(y.sum()),
        "at_model_threshold": scores_at(y, s, scorer.threshold),
        "at_pooled_threshold": (scores_at(y, s, scorer.meta["threshold_pooled"])
                                if "threshold_pooled" in scorer.meta else None),
        "at_0.5": scores_at(y, s, 0.5),
        "roc_auc": round(roc_auc(y, s), 4), "average_precision": round(average_precision(y, s), 4),
        "always_yes_f1": round(2 * y.sum() / (len(y) + y.sum()), 4) if len(y) else 0.0,
        "majority_no_f1": 0.0,
        "organisers_ngram_baseline_f1": ref.get("organisers_ngram_baseline_f1"),
        "model": scorer.meta.get("name"),
        "seconds": {"load": round(t_load, 3), "score": round(t_score, 3)},
    }
    if bootstrap:
        res["bootstrap_vs_always_yes"] = bootstrap_vs_always_yes(y, s, scorer.threshold, n=bootstrap)
    return res


def add_arguments(parser) -> None:
    parser.add_argument("--split", choices=SPLITS, default="dev_test",
                        help="which split to score (default: dev_test, held out from training and tuning)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--bootstrap", type=int, default=0, metavar="N",
                        help="also a paired bootstrap (N resamples) of F1 against always 'yes'")


def run(args) -> int:
    try:
        res = evaluate(args.split, bootstrap=getattr(args, "bootstrap", 0))
    except DataMissing as e:
        print(f"isnad eval checkworthy: {e}", file=sys.stderr)
        return 1
    if getattr(args, "json", False):
        print(json.dumps(res, ensure_ascii=False, indent=2))
        return 0
    m, h = res["at_model_threshold"], res["at_0.5"]
    print(f"check-worthiness — {res['data']}, split {res['split']}: {res['n']} tweets, "
          f"{res['positives']} check-worthy")
    print(f"  F1 (positive class) at model threshold p>={m['threshold']}: {m['f1']:.3f} "
          f"(P {m['precision']:.3f}, R {m['recall']:.3f}, {m['predicted_yes']} predicted yes)")
    d = res["at_pooled_threshold"]
    if d is not None:
        print(f"  F1 (positive class) at pooled threshold p>={d['threshold']}: {d['f1']:.3f} "
              f"(P {d['precision']:.3f}, R {d['recall']:.3f}, {d['predicted_yes']} predicted yes)")
    print(f"  F1 (positive class) at p>=0.5:            {h['f1']:.3f} "
          f"(P {h['precision']:.3f}, R {h['recall']:.3f}, {h['predicted_yes']} predicted yes)")
    print(f"  ROC-AUC {res['roc_auc']:.3f}   average precision {res['average_precision']:.3f}")
    base = res["organisers_ngram_baseline_f1"]
    print(f"  reference on this split: always 'yes' F1 {res['always_yes_f1']:.3f}; majority 'no' F1 0.000; organisers' "
          f"n-gram baseline F1 {'n/a' if base is None else f'{base:.3f}'}")
    if "bootstrap_vs_always_yes" in res:
        b = res["bootstrap_vs_always_yes"]
        print(f"  paired bootstrap ({b['resamples']}): F1 − always-yes F1 = {b['mean_diff']:+.3f}, 95% interval "
              f"[{b['ci95'][0]:+.3f}, {b['ci95'][1]:+.3f}], model ahead in {b['share_model_ahead']:.0%}")
    print(f"  model {res['model']}: loaded in {res['seconds']['load']:.3f} s, scored in {res['seconds']['score']:.3f} s")
    return 0
