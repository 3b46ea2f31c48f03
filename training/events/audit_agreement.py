"""Agreement between the two judges of the arabic-event-gsr dev label audit (issue #7), and the audit
estimates under each judge.

Judge 1 (``gsr_audit_dev.tsv``) judged the sampled out-of-fold errors with the crowd label and the
system's error visible, on the scale gold_wrong / ambiguous / gold_right.  Judge 2
(``gsr_audit_dev_judge2.tsv``) judged the same (type, id) pairs blind — sentence and asked type only,
shuffled — on the scale yes / no / ambiguous ("does the sentence report a realised event of the
type?").  Judge 2 is mapped onto judge 1's scale through the crowd label: for a sampled false
positive (crowd "no") yes = gold_wrong, no = gold_right; for a false negative (crowd "yes")
yes = gold_right, no = gold_wrong; ambiguous stays ambiguous.

    .venv/bin/python training/events/audit_agreement.py
        (agreement, Cohen's kappa, gold-error counts per judge)
    .venv/bin/python training/events/train_classifier.py --dry-run --difficult-weight 1 --oof /tmp/oof_w1.jsonl
    .venv/bin/python training/events/audit_agreement.py --oof /tmp/oof_w1.jsonl
        (adds the audit estimates of recall / FP rate under each judge, computed as in label_audit.py)

``--difficult-weight 1`` reproduces the configuration whose out-of-fold errors were sampled (the
round-4 starting model; the shipped one gives ASSAULT ``difficult no`` rows weight 0).  Collapsed
agreement is given two ways: ambiguous merged into gold_right (the crowd label is kept unless a judge
calls it wrong), and items either judge called ambiguous left out.
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from label_audit import AUDIT, errors, wilson  # noqa: E402

JUDGE2 = AUDIT.with_name("gsr_audit_dev_judge2.tsv")
CATS = ("gold_wrong", "ambiguous", "gold_right")


def read_tsv(path: Path) -> list[dict]:
    return list(csv.DictReader((x for x in open(path, encoding="utf-8") if not x.startswith("#")),
                               delimiter="\t"))


def to_scale(error: str, judgement: str) -> str:
    """A sentence-level yes/no/ambiguous judgement as gold_wrong/ambiguous/gold_right."""
    if judgement == "ambiguous":
        return "ambiguous"
    says_event = judgement == "yes"
    crowd_yes = error == "FN"
    return "gold_right" if says_event == crowd_yes else "gold_wrong"


def kappa(a: list[str], b: list[str]) -> tuple[float, float]:
    """Observed agreement and Cohen's kappa."""
    n = len(a)
    if not n:
        return 0.0, 0.0
    po = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return po, (po - pe) / (1 - pe) if pe < 1 else 1.0


def agreement(rows: list[dict], label: str) -> None:
    a, b = [r["j1"] for r in rows], [r["j2"] for r in rows]
    po, k = kappa(a, b)
    print(f"{label}: n {len(rows)}; 3-way agreement {po:.3f}, kappa {k:.3f}")
    col = lambda x: "gold_wrong" if x == "gold_wrong" else "not_wrong"  # noqa: E731
    po, k = kappa([col(x) for x in a], [col(x) for x in b])
    print(f"  collapsed (ambiguous -> gold_right): agreement {po:.3f}, kappa {k:.3f}")
    dec = [r for r in rows if "ambiguous" not in (r["j1"], r["j2"])]
    po, k = kappa([r["j1"] for r in dec], [r["j2"] for r in dec])
    print(f"  both decided (either ambiguous left out, n {len(dec)}): agreement {po:.3f}, kappa {k:.3f}")


def confusion(rows: list[dict]) -> None:
    c = Counter((r["j1"], r["j2"]) for r in rows)
    w = max(len(x) for x in CATS) + 2
    print("  judge 1 \\ judge 2".ljust(w + 2) + "".join(x.rjust(w) for x in CATS))
    for x in CATS:
        print(f"  {x}".ljust(w + 2) + "".join(str(c[x, y]).rjust(w) for y in CATS))


def estimate(e: dict, J: list[dict], key: str) -> str:
    """label_audit.score's estimate, with judge ``key``'s judgements of the rows in ``J``."""
    fp_ids, fn_ids = {r["id"] for r in e["fp"]}, {r["id"] for r in e["fn"]}
    fpj = Counter(r[key] for r in J if r["error"] == "FP" and r["id"] in fp_ids)
    fnj = Counter(r[key] for r in J if r["error"] == "FN" and r["id"] in fn_ids)
    n = sum(fpj.values())
    FP, FN, P, N = len(e["fp"]), len(e["fn"]), e["pos"], e["neg"]
    TP = P - FN
    w, a, ok = (fpj[k] / n for k in CATS)
    scale = FN / max(1, sum(fnj.values())) if fnj else 0.0
    fn_ok = fnj["gold_right"] * scale if fnj else FN
    tp2 = TP + w * FP
    p2 = tp2 + fn_ok
    strict = ok * FP / (N - (w + a) * FP)
    lenient = (ok + a) * FP / (N - w * FP)
    return (f"FP judged {n} (still FP), FN judged {sum(fnj.values())}/{FN}; recall {tp2 / p2:.3f}, "
            f"FP rate {strict:.3f} (ambiguous left out) / {lenient:.3f} (ambiguous kept as negatives)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--judge2", default=str(JUDGE2), help="second judge's file (type, id, judgement yes/no/ambiguous)")
    ap.add_argument("--oof", help="JSON lines from train_classifier.py --oof (for the audit estimates)")
    args = ap.parse_args(argv)
    j1 = read_tsv(AUDIT)
    j2 = {(r["type"], r["id"]): r for r in read_tsv(Path(args.judge2))}
    rows, missing = [], 0
    for r in j1:
        s = j2.get((r["type"], r["id"]))
        if s is None:
            missing += 1
            continue
        rows.append({**r, "j1": r["judgement"], "j2": to_scale(r["error"], s["judgement"])})
    print(f"judge 1: {AUDIT.name} ({len(j1)} rows); judge 2: {Path(args.judge2).name} ({len(j2)} rows); "
          f"joined {len(rows)}, judge-1 rows without a second judgement {missing}")
    print()
    agreement(rows, "all")
    confusion(rows)
    for t in ("ASSAULT", "PROTEST"):
        agreement([r for r in rows if r["type"] == t], t)
    fps = [r for r in rows if r["error"] == "FP"]
    agreement(fps, "sampled false positives only")
    print()
    print("Each judge vs the crowd label (FP = crowd 'no' the system flagged; FN = crowd 'yes' it missed):")
    for t in ("ASSAULT", "PROTEST"):
        for kind in ("FP", "FN"):
            R = [r for r in rows if r["type"] == t and r["error"] == kind]
            for j in ("j1", "j2"):
                c = Counter(r[j] for r in R)
                lo, hi = (max(0.0, x) for x in wilson(c["gold_wrong"], len(R)))
                print(f"  {t} {kind} judge {j[1]}: gold wrong {c['gold_wrong']}/{len(R)} ({c['gold_wrong'] / len(R):.2f}, "
                      f"95% CI {lo:.2f}-{hi:.2f}), ambiguous {c['ambiguous']}, gold right {c['gold_right']}")
            both = sum(r["j1"] == r["j2"] == "gold_wrong" for r in R)
            either = sum("gold_wrong" in (r["j1"], r["j2"]) for r in R)
            print(f"  {t} {kind} gold wrong by both judges {both}, by either {either}")
    if args.oof:
        print()
        print("Audit estimates (method of label_audit.py) under each judge:")
        err = errors(args.oof)
        for t, e in err.items():
            FP, FN, P, N = len(e["fp"]), len(e["fn"]), e["pos"], e["neg"]
            print(f"{t}: out-of-fold dev recall {(P - FN) / P:.3f}, FP rate {FP / N:.3f} "
                  f"({FP} FP / {N} neg, {FN} FN / {P} pos)")
            J = [r for r in rows if r["type"] == t]
            for j in ("j1", "j2"):
                print(f"  judge {j[1]}: {estimate(e, J, j)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
