"""Label audit of arabic-event-gsr on the DEV half (issue #7): sample the system's errors, then
estimate what recall / FP rate would be with the audited labels.

The system's dev errors are taken out-of-fold (the shipped classifier is fitted on dev, so its
in-sample dev errors say little): ``train_classifier.py --dry-run --oof PATH`` writes the CV scores of
split 0 with the shipped (median) threshold.

    .venv/bin/python training/events/train_classifier.py --dry-run --oof /tmp/oof.jsonl
    .venv/bin/python training/events/label_audit.py --oof /tmp/oof.jsonl --sample /tmp/audit_sample.tsv
        (writes the sampled sentences WITH their text outside the repository, for judging)
    .venv/bin/python training/events/label_audit.py --oof /tmp/oof.jsonl
        (reads src/isnad/evaluation/data/events/gsr_audit_dev.tsv and prints the estimates)

The judgements file is standoff (ids, judgement, a few-word reason; never the sentence).  The
estimate extrapolates the judged shares of the sample to all out-of-fold false positives (and uses
every false negative, all of which are judged); negatives the system did not flag were not audited,
so the audited recall is an upper bound and the FP rate a lower bound — an audit estimate on dev,
not a replacement of the official figure.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from isnad.evaluation.common import shared_data  # noqa: E402

AUDIT = ROOT / "src" / "isnad" / "evaluation" / "data" / "events" / "gsr_audit_dev.tsv"
NEG = ("easy no", "difficult no")


def errors(oof_path: str):
    rows = [json.loads(x) for x in open(oof_path, encoding="utf-8")]
    out = {}
    for t in ("ASSAULT", "PROTEST"):
        R = [r for r in rows if r["type"] == t]
        pred = [r for r in R if r["hit"] and r["p"] >= r["threshold"]]
        out[t] = {"pos": sum(r["label"] == "yes" for r in R), "neg": sum(r["label"] in NEG for r in R),
                  "fp": [r for r in pred if r["label"] in NEG],
                  "fn": [r for r in R if r["label"] == "yes" and not (r["hit"] and r["p"] >= r["threshold"])]}
    return out


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if not n:
        return 0.0, 0.0
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return c - h, c + h


def sample(err, path: str, n_fp: int, n_fn: int, seed: int) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for t, e in err.items():
            text = {r["id"]: r["text"] for r in csv.DictReader(
                open(shared_data("arabic-event-gsr", f"{t.lower()}_gsr.csv"), encoding="utf-8"))}
            rng = random.Random(seed)
            fp = sorted(rng.sample(sorted(e["fp"], key=lambda r: r["id"]), min(n_fp, len(e["fp"]))),
                        key=lambda r: r["id"])
            fn = sorted(rng.sample(sorted(e["fn"], key=lambda r: r["id"]), min(n_fn, len(e["fn"]))),
                        key=lambda r: r["id"])
            for kind, S in (("FP", fp), ("FN", fn)):
                for r in S:
                    f.write("\t".join([t, kind, r["id"], r["label"], str(r["p"]), text[r["id"]]]) + "\n")
    print(f"wrote {path} (contains corpus text: keep it outside the repository)")


def score(err) -> None:
    judged = [r for r in csv.DictReader((x for x in open(AUDIT, encoding="utf-8") if not x.startswith("#")),
                                        delimiter="\t")]
    for t, e in err.items():
        J = [r for r in judged if r["type"] == t]
        # the judged sentences that are still errors of the scored system (another classifier's
        # out-of-fold errors overlap the audited sample only in part)
        fp_ids, fn_ids = {r["id"] for r in e["fp"]}, {r["id"] for r in e["fn"]}
        fpj = Counter(r["judgement"] for r in J if r["error"] == "FP" and r["id"] in fp_ids)
        fnj = Counter(r["judgement"] for r in J if r["error"] == "FN" and r["id"] in fn_ids)
        print(f"{t}: judged FP still FP {sum(fpj.values())}/{sum(1 for r in J if r['error'] == 'FP')}, "
              f"judged FN still FN {sum(fnj.values())}/{sum(1 for r in J if r['error'] == 'FN')}; "
              f"unjudged errors: FP {len(fp_ids - {r['id'] for r in J})}, FN {len(fn_ids - {r['id'] for r in J})}")
        n = sum(fpj.values())
        FP, FN, P, N = len(e["fp"]), len(e["fn"]), e["pos"], e["neg"]
        TP = P - FN
        w, a, ok = (fpj[k] / n for k in ("gold_wrong", "ambiguous", "gold_right"))
        lo, hi = wilson(fpj["gold_wrong"], n)
        # FNs: all judged (the sample holds every one when there are fewer than asked)
        scale = FN / max(1, sum(fnj.values())) if fnj else 0.0
        fn_ok = fnj["gold_right"] * scale if fnj else FN      # unjudged FNs counted as right
        print(f"{t}: out-of-fold dev recall {TP / P:.3f}, FP rate {FP / N:.3f} ({FP} FP / {N} neg, {FN} FN / {P} pos)")
        print(f"  FP sample {n}: gold wrong {fpj['gold_wrong']} ({w:.2f}, 95% CI {lo:.2f}-{hi:.2f}), ambiguous "
              f"{fpj['ambiguous']} ({a:.2f}), gold right {fpj['gold_right']} ({ok:.2f}); FN judged "
              f"{sum(fnj.values())}/{FN}: {dict(fnj)}")
        tp2 = TP + w * FP
        p2 = tp2 + fn_ok
        strict_fp, strict_n = ok * FP, N - (w + a) * FP
        lenient_fp, lenient_n = (ok + a) * FP, N - w * FP
        print(f"  audit estimate (ambiguous left out): recall {tp2 / p2:.3f}, FP rate {strict_fp / strict_n:.3f}")
        print(f"  audit estimate (ambiguous kept as negatives): recall {tp2 / p2:.3f}, FP rate "
              f"{lenient_fp / lenient_n:.3f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--oof", required=True, help="JSON lines from train_classifier.py --oof")
    ap.add_argument("--sample", metavar="PATH", help="write the sample to judge (with text; outside the repo)")
    ap.add_argument("--fp", type=int, default=60)
    ap.add_argument("--fn", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    err = errors(args.oof)
    if args.sample:
        sample(err, args.sample, args.fp, args.fn, args.seed)
    else:
        score(err)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
