"""Check-worthiness: the packaged scorer on CLEF-2022 CheckThat! Arabic subtask 1A.

Reads ``checkthat2022-ar/task1/data/subtasks-arabic/CT22_arabic_1A_checkworthy.zip``
from ``../shared/data`` (never copied into the repository), scores each tweet with
:func:`isnad.models.checkworthy.load` and prints the official measure — F1 of the
positive class — at the model's threshold (tuned on dev) and at p = 0.5, with
precision, recall, ROC-AUC and average precision, and two reference points on
the same split: always answering "yes" and the organisers' n-gram baseline
(figures recorded by the training script in the model's ``model.json``).

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


def evaluate(split: str = "dev_test", scorer=None) -> dict:
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
    return {
        "task": "checkworthy", "data": "CheckThat! 2022 Arabic subtask 1A", "split": split,
        "n": int(len(y)), "positives": int(y.sum()),
        "at_model_threshold": scores_at(y, s, scorer.threshold),
        "at_0.5": scores_at(y, s, 0.5),
        "roc_auc": round(roc_auc(y, s), 4), "average_precision": round(average_precision(y, s), 4),
        "always_yes_f1": round(2 * y.sum() / (len(y) + y.sum()), 4) if len(y) else 0.0,
        "organisers_ngram_baseline_f1": ref.get("organisers_ngram_baseline_f1"),
        "model": scorer.meta.get("name"),
        "seconds": {"load": round(t_load, 3), "score": round(t_score, 3)},
    }


def add_arguments(parser) -> None:
    parser.add_argument("--split", choices=SPLITS, default="dev_test",
                        help="which split to score (default: dev_test, held out from training and tuning)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def run(args) -> int:
    try:
        res = evaluate(args.split)
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
    print(f"  F1 (positive class) at p>=0.5:            {h['f1']:.3f} "
          f"(P {h['precision']:.3f}, R {h['recall']:.3f}, {h['predicted_yes']} predicted yes)")
    print(f"  ROC-AUC {res['roc_auc']:.3f}   average precision {res['average_precision']:.3f}")
    base = res["organisers_ngram_baseline_f1"]
    print(f"  reference on this split: always 'yes' F1 {res['always_yes_f1']:.3f}; organisers' "
          f"n-gram baseline F1 {'n/a' if base is None else f'{base:.3f}'}")
    print(f"  model {res['model']}: loaded in {res['seconds']['load']:.3f} s, scored in {res['seconds']['score']:.3f} s")
    return 0
