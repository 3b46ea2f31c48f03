"""`isnad eval times`: time-expression recognition and resolution on SaudiNewsNet.

The gold standard is ours: sentences from ``../shared/data/saudinewsnet`` articles,
every time expression in them annotated by hand with its value, precision and
kind following ``training/times/GUIDELINES.md`` and the resolution conventions of
:mod:`isnad.stages.times` (relative expressions against the article's
``date_extracted`` day, which the pipeline gets as ``published``).  Only standoff
annotations are stored (``evaluation/data/times/{dev,test}.jsonl``: article key,
sentence offsets, expression offsets, 6-hex SHA-1s, values); the text is read from
the shared data at evaluation time and every hash is checked.

Each article is analysed whole (normalize, language, segment, tokenize, times)
with ``published`` set, and the predicted expressions inside each annotated
sentence are compared with the gold ones:

* recognition — precision / recall / F1, **overlap** (one-to-one matching of
  overlapping spans, largest overlap first) and **exact** (same offsets);
* value — among overlap-matched gold expressions, the share whose predicted value
  *and* precision equal the gold ones (unresolved gold: the prediction must be
  unresolved too): the **exact-value accuracy**; and the same over all gold
  expressions (a miss counts as wrong: end to end).

    isnad eval times                 # the test split (the figures we quote)
    isnad eval times --split dev     # the split the rules were tuned on
    isnad eval times --errors        # list misses, false alarms and wrong values
"""
from __future__ import annotations

import hashlib
import json
import zipfile
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from .common import DataMissing, prf, shared_data

HELP = "time expressions on annotated SaudiNewsNet sentences: recognition P/R/F1, exact-value accuracy"
DATA = Path(__file__).resolve().parent / "data" / "times"


def add_arguments(p) -> None:
    p.add_argument("--split", choices=["dev", "test", "all"], default="test",
                   help="which annotated split (default: test)")
    p.add_argument("--gold", help="a standoff file instead of a split")
    p.add_argument("--errors", action="store_true", help="list misses, false alarms, wrong values")


@lru_cache(maxsize=32)
def _day(zname: str) -> list:
    with zipfile.ZipFile(shared_data("saudinewsnet", "dataset", zname)) as zf:
        return json.loads(zf.read(zf.namelist()[0]))


def _sha(text: str, n: int = 6) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def article_text(key: str) -> str:
    zname, idx, h = key.split(":")
    text = _day(zname)[int(idx)]["content"] or ""
    if _sha(text, 12) != h:
        raise DataMissing(f"article {key}: the shared data differs from the annotated version")
    return text


def load_gold(paths) -> list[dict]:
    out = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            out.extend(json.loads(x) for x in f if x.strip() and not x.startswith("#"))
    return out


def _match(gold: list[dict], pred: list) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) of overlapping spans, largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g["end"], p.end) - max(g["start"], p.start)
            if ov > 0:
                pairs.append((ov, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def evaluate(records: list[dict], errors: list | None = None) -> dict:
    import isnad

    nlp = isnad.Pipeline(["normalize", "language", "segment", "tokenize", "times"])
    docs: dict[tuple, object] = {}
    c = Counter()
    by_kind: dict[str, Counter] = defaultdict(Counter)
    for r in records:
        text = article_text(r["key"])
        if _sha(text[r["start"]:r["end"]]) != r["sha"]:
            raise DataMissing(f"{r['key']}: annotated sentence changed in the shared data")
        dk = (r["key"], r["published"])
        if dk not in docs:
            docs[dk] = nlp(text, published=r["published"])
        doc = docs[dk]
        gold = r["times"]
        for g in gold:
            if _sha(text[g["start"]:g["end"]]) != g["sha"]:
                raise DataMissing(f"{r['key']}: annotated span {g['start']}-{g['end']} changed")
        pred = [t for t in doc.times if t.start < r["end"] and t.end > r["start"]]
        pairs = _match(gold, pred)
        c["gold"] += len(gold)
        c["pred"] += len(pred)
        c["tp"] += len(pairs)
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        exact = {(g["start"], g["end"]) for g in gold} & {(p.start, p.end) for p in pred}
        c["tp_exact"] += len(exact)
        for g in gold:
            by_kind[g["kind"]]["gold"] += 1
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            ok = (p.value == g["value"]) and (p.precision == g["precision"])
            k = by_kind[g["kind"]]
            k["found"] += 1
            if ok:
                c["value_ok"] += 1
                k["value_ok"] += 1
            elif errors is not None:
                errors.append(("value", r, text, g, p))
        if errors is not None:
            for gi, g in enumerate(gold):
                if gi not in matched_g:
                    errors.append(("miss", r, text, g, None))
            for pi, p in enumerate(pred):
                if pi not in matched_p:
                    errors.append(("false", r, text, None, p))
    P, R, F = prf(c["tp"], c["pred"] - c["tp"], c["gold"] - c["tp"])
    Pe, Re, Fe = prf(c["tp_exact"], c["pred"] - c["tp_exact"], c["gold"] - c["tp_exact"])
    return {
        "sentences": len(records), "articles": len(docs), "gold": c["gold"], "pred": c["pred"],
        "overlap": (P, R, F), "exact": (Pe, Re, Fe), "matched": c["tp"],
        "value_accuracy": c["value_ok"] / c["tp"] if c["tp"] else 0.0,
        "value_end_to_end": c["value_ok"] / c["gold"] if c["gold"] else 0.0,
        "value_ok": c["value_ok"], "by_kind": {k: dict(v) for k, v in sorted(by_kind.items())},
    }


def _print(res: dict, label: str) -> None:
    P, R, F = res["overlap"]
    Pe, Re, Fe = res["exact"]
    print(f"isnad eval times — {label}: {res['sentences']} sentences from {res['articles']} "
          f"SaudiNewsNet articles, {res['gold']} gold time expressions, {res['pred']} predicted")
    print(f"  recognition (overlap)  P {P:.3f}  R {R:.3f}  F1 {F:.3f}")
    print(f"  recognition (exact)    P {Pe:.3f}  R {Re:.3f}  F1 {Fe:.3f}")
    print(f"  exact-value accuracy   {res['value_accuracy']:.3f}  ({res['value_ok']}/{res['matched']} "
          f"recognised expressions: value and precision both right)")
    print(f"  end-to-end value acc.  {res['value_end_to_end']:.3f}  ({res['value_ok']}/{res['gold']} "
          f"gold expressions)")
    print("  by kind: " + "; ".join(
        f"{k} {v.get('gold', 0)} (found {v.get('found', 0)}, value ok {v.get('value_ok', 0)})"
        for k, v in res["by_kind"].items()))


def run(args) -> int:
    if args.gold:
        paths, label = [Path(args.gold)], Path(args.gold).name
    else:
        names = ["dev", "test"] if args.split == "all" else [args.split]
        paths, label = [DATA / f"{n}.jsonl" for n in names], args.split
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"no annotations: {', '.join(missing)}")
        return 1
    errors: list | None = [] if args.errors else None
    try:
        res = evaluate(load_gold(paths), errors)
    except DataMissing as e:
        print(f"skipped: {e}")
        return 0
    _print(res, label)
    if errors:
        print()
        for kind, r, text, g, p in errors:
            if kind == "miss":
                print(f"MISS  {r['key']}  «{text[g['start']:g['end']]}»  gold {g['value']} {g['precision']} "
                      f"{g['kind']}")
            elif kind == "false":
                print(f"FALSE {r['key']}  «{p.text}»  → {p.value} {p.precision} {p.extra.get('kind')}")
            else:
                print(f"VALUE {r['key']}  gold «{text[g['start']:g['end']]}» {g['value']} {g['precision']}"
                      f"  | pred «{p.text}» {p.value} {p.precision} ({p.reason or p.extra.get('kind')})")
    return 0
