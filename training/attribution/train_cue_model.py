"""Train and cross-validate the attribution stage's learned cue model.

Candidates are the lexicon matches the rules consider (``_Run.cue_at``), with the features
of ``_Run.cue_features`` computed after the rule pass (so whether the rules made a token a
cue is itself a feature).  Label: the token overlaps an annotated cue.  Model: L2 logistic
regression (scikit-learn, a training-only dependency); shipped as a JSON weight table
(``src/isnad/models/attribution/cue_model.json``) that the stage reads without scikit-learn.

Combination with the rules (``_Run._learned``): veto a rule cue with p < ``veto``; give an
attribution to a rejected lexicon verb/participle with p >= ``add``.  The two thresholds are
chosen by an inner leave-one-split-out loop on the training splits only (token-level F1).
The CV table has three systems per held-out split: ``rules`` (the stage alone), ``model``
(rules + the model as above) and ``alone`` (a model trained without the rule features that
decides every candidate itself at p >= 0.5, the rules only attaching source and content).

    .venv/bin/python training/attribution/train_cue_model.py --cv      # leave-one-split-out table
    .venv/bin/python training/attribution/train_cue_model.py --report blind5  # the fresh split: rules, model alone
    .venv/bin/python training/attribution/train_cue_model.py --write   # train on all splits, write the model
                                                                       # (enabled: false unless --enable)

The annotated articles are read from ../shared/data (SaudiNewsNet, CC BY-NC-SA 4.0); nothing
but feature weights is written.  Light on CPU: the upstream pipeline runs once per article.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPLITS = ["dev", "test", "holdout", "final", "blind2", "blind3", "blind4"]
VETO_GRID = (0.0, 0.02, 0.05, 0.1, 0.2)
ADD_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
C = 0.5


def upstream_docs(splits):
    """{split: [(key, text, doc)]}: the stages attribution needs, run once."""
    import isnad
    from isnad.evaluation.attribution import UPSTREAM, article_text, load_gold
    from isnad.stages import DEFAULT
    nlp = isnad.load([n for n in DEFAULT if n in UPSTREAM])
    out = {}
    for s in splits:
        out[s] = []
        for rec in load_gold(s):
            text = article_text(rec["key"])
            out[s].append((rec, text, nlp(text)))
    return out


def candidates(docs):
    """{split: [(features, label, rule_fired)]}."""
    from isnad.stages.attribution import _Run, lexicon
    lex = lexicon()
    try:
        from isnad import actors as actors_mod
    except Exception:
        actors_mod = None
    out = {}
    for s, items in docs.items():
        rows = []
        for rec, text, doc in items:
            gold = [(a["cue"]["start"], a["cue"]["end"]) for a in rec["attributions"] if a.get("cue")]
            r = _Run(doc, lex, actors_mod, cue_model=None)
            r.collect = True
            r.run()
            for _, (st, en), feats, rule in r.collected:
                label = any(min(en, ge) > max(st, gs) for gs, ge in gold)
                rows.append((feats, int(label), rule is not None))
        out[s] = rows
    return out


def strip_rule(rows):
    """The same candidates without the rule features (a model that decides alone)."""
    return [({k: v for k, v in f.items() if not k.startswith(("rule", "lemma_rule"))}, y, r) for f, y, r in rows]


def fit(rows):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = DictVectorizer()
    X = vec.fit_transform([f for f, _, _ in rows])
    y = [l for _, l, _ in rows]
    clf = LogisticRegression(C=C, max_iter=2000)
    clf.fit(X, y)
    w = {name: float(c) for name, c in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(c) > 1e-4}
    return w, float(clf.intercept_[0])


def token_f1(rows, probs, veto, add):
    tp = fp = fn = 0
    for (f, y, rule), p in zip(rows, probs):
        pred = (rule and p >= veto) or (not rule and p >= add)
        tp += pred and y
        fp += pred and not y
        fn += (not pred) and y
    return 2 * tp / max(1, 2 * tp + fp + fn)


def choose_thresholds(cands, train_splits):
    """Inner leave-one-split-out over the training splits: the (veto, add) pair with the best
    pooled token-level F1 on the inner held-out splits."""
    from isnad.models.attribution import CueModel
    pooled = []
    for s in train_splits:
        rows = [r for t in train_splits if t != s for r in cands[t]]
        w, b = fit(rows)
        m = CueModel({"weights": w, "bias": b})
        pooled += [(r, m.prob(r[0])) for r in cands[s]]
    rows = [r for r, _ in pooled]
    probs = [p for _, p in pooled]
    best = max(((token_f1(rows, probs, v, a), -v, a) for v in VETO_GRID for a in ADD_GRID))
    return -best[1], best[2], best[0]


def score(split, docs, model):
    """Full-system figures of the stage (with ``model`` or rules only) on a split's cached docs."""
    from isnad.evaluation.attribution import evaluate
    from isnad.stages.attribution import AttributionStage
    stage = AttributionStage(cue_model=model or False)
    by_text = {text: doc for _, text, doc in docs[split]}

    def nlp(text):
        doc = by_text[text]
        stage.process(doc)
        return doc
    return evaluate(split, nlp=nlp)


def fmt(r):
    return {k: r[k]["f1"] for k in ("cue_exact", "cue_overlap", "source_exact", "source_overlap", "content_exact")} | \
        {"cue_p": r["cue_exact"]["p"], "cue_r": r["cue_exact"]["r"], "implicit": r["implicit_source_accuracy"]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv", action="store_true", help="leave-one-split-out cross-validation")
    ap.add_argument("--write", action="store_true", help="train on every split and write the model")
    ap.add_argument("--enable", action="store_true",
                    help="mark the written model enabled (the stage then uses it by default); without it the "
                         "file is written with enabled: false, so the stage runs on rules alone")
    ap.add_argument("--splits", nargs="*", default=SPLITS)
    ap.add_argument("--json", help="write the CV figures here")
    ap.add_argument("--report", metavar="SPLIT",
                    help="score a split that is not among --splits (blind5) with the shipped system (rules; the "
                         "cue model is disabled) and, as a secondary figure, with the model alone trained on "
                         "every --splits split")
    args = ap.parse_args(argv)
    from isnad.models.attribution import MODEL, CueModel
    t0 = time.time()
    docs = upstream_docs(args.splits + ([args.report] if args.report else []))
    cands = candidates({s: docs[s] for s in args.splits})
    print(f"{sum(len(v) for v in cands.values())} candidates "
          f"({sum(y for v in cands.values() for _, y, _ in v)} positive) in {time.time() - t0:.0f}s", file=sys.stderr)
    results = {}
    if args.cv:
        print(f"{'split':8s} {'system':6s} {'cue ex':>7s} {'cue P':>6s} {'cue R':>6s} {'src ex':>7s} {'src ov':>7s} "
              f"{'cont ex':>7s} {'impl':>5s}   thresholds")
        tot = {"rules": [0, 0, 0], "model": [0, 0, 0], "alone": [0, 0, 0]}
        for s in args.splits:
            train = [t for t in args.splits if t != s]
            w, b = fit([r for t in train for r in cands[t]])
            veto, add, f = choose_thresholds(cands, train)
            model = CueModel({"weights": w, "bias": b, "veto": veto, "add": add})
            w2, b2 = fit(strip_rule([r for t in train for r in cands[t]]))
            alone = CueModel({"weights": w2, "bias": b2, "veto": 0.5, "add": 0.5})
            base = score(s, docs, None)
            learned = score(s, docs, model)
            solo = score(s, docs, alone)
            results[s] = {"rules": fmt(base), "model": fmt(learned), "alone": fmt(solo), "veto": veto, "add": add}
            for name, r in (("rules", base), ("model", learned), ("alone", solo)):
                x = fmt(r)
                c = r["cue_exact"]
                tot[name][0] += c["tp"]; tot[name][1] += c["fp"]; tot[name][2] += c["fn"]
                print(f"{s:8s} {name:6s} {x['cue_exact']:7.3f} {x['cue_p']:6.3f} {x['cue_r']:6.3f} "
                      f"{x['source_exact']:7.3f} {x['source_overlap']:7.3f} {x['content_exact']:7.3f} "
                      f"{(x['implicit'] or 0):5.3f}   " + (f"veto<{veto} add>={add}" if name == "model" else ""))
        for name, (tp, fp, fn) in tot.items():
            print(f"pooled {name}: cue exact F1 {2 * tp / max(1, 2 * tp + fp + fn):.3f} (tp {tp}, fp {fp}, fn {fn})")
        if args.json:
            Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.report:
        w2, b2 = fit(strip_rule([r for t in args.splits for r in cands[t]]))
        alone = CueModel({"weights": w2, "bias": b2, "veto": 0.5, "add": 0.5})
        out = {}
        for name, model in (("rules (shipped)", None), ("model alone", alone)):
            r = score(args.report, docs, model)
            out[name] = r
            print(f"{args.report} — {name}: {r['articles']} articles, {r['attributions']} gold attributions")
            for k in ("cue", "source", "content"):
                e, o = r[f"{k}_exact"], r[f"{k}_overlap"]
                print(f"  {k:8s} exact P {e['p']:.3f} R {e['r']:.3f} F1 {e['f1']:.3f}   "
                      f"overlap P {o['p']:.3f} R {o['r']:.3f} F1 {o['f1']:.3f}")
            print(f"  implicit {r['implicit_source_accuracy']} (of {r['implicit_sources']})")
        if args.json:
            Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.write:
        rows = [r for s in args.splits for r in cands[s]]
        w, b = fit(rows)
        veto, add, f = choose_thresholds(cands, args.splits)
        data = {"enabled": bool(args.enable), "kind": "logistic regression (L2, C=%g) over lexicon cue candidates" % C,
                "trained_on": args.splits, "candidates": len(rows), "positives": sum(y for _, y, _ in rows),
                "inner_cv_token_f1": round(f, 4), "trained": _dt.date.today().isoformat(),
                "licence": "derived from SaudiNewsNet (CC BY-NC-SA 4.0); weights only, no text",
                "bias": b, "veto": veto, "add": add, "weights": {k: round(v, 5) for k, v in sorted(w.items())}}
        MODEL.write_text(json.dumps(data, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"wrote {MODEL} ({MODEL.stat().st_size // 1024} KB, {len(w)} weights, veto<{veto}, add>={add})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
