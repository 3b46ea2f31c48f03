"""`isnad eval attribution`: reporting cues, sources and contents on SaudiNewsNet.

The gold standard is ours: Arabic newspaper articles from
``../shared/data/saudinewsnet`` annotated by the isnad team with the guidelines in
``training/attribution/GUIDELINES.md``.  Only standoff annotations are stored
(``evaluation/data/attribution/{dev,test}.jsonl``: article key, code-point
offsets, labels and a 6-hex SHA-1 of each span); the article text is read from
the shared data at evaluation time and every span hash is checked, so a changed
corpus is reported instead of silently mis-scored.

Scores (precision / recall / F1), each **exact** (same offsets) and **overlap**
(one-to-one matching of overlapping spans):

* cue — the cue span of each attribution;
* source — explicit source mentions (the cited source and the ``via`` of نقل X عن Y),
  as a set of spans per article;
* content — the content span of each attribution;
* implicit — for gold attributions whose source is implicit (pro-drop, participle),
  the share whose predicted source has a mention overlapping the gold antecedent.

    isnad eval attribution                 # the blind7 split: never tuned on, the figures to quote
    isnad eval attribution --split all     # dev … blind6 (each tuned on in turn) and blind7
    isnad eval attribution --errors        # list misses and false alarms
    isnad eval attribution --split blind4 --gold-vs blind4_iaa   # inter-annotator agreement (12 articles)
"""
from __future__ import annotations

import hashlib
import json
import zipfile
from functools import lru_cache
from pathlib import Path

from .common import DataMissing, prf, shared_data

HELP = "reporting cues, sources and contents on annotated SaudiNewsNet articles (P/R/F1)"
DATA = Path(__file__).resolve().parent / "data" / "attribution"


@lru_cache(maxsize=32)
def _day(zname: str) -> list:
    with zipfile.ZipFile(shared_data("saudinewsnet", "dataset", zname)) as zf:
        return json.loads(zf.read(zf.namelist()[0]))


def article_text(key: str) -> str:
    """The content of the article ``<day>.zip:<index>:<sha1[:12]>`` (checked)."""
    zname, idx, sha = key.split(":")
    text = _day(zname)[int(idx)]["content"]
    if hashlib.sha1(text.encode("utf-8")).hexdigest()[:12] != sha:
        raise DataMissing(f"article {key}: the shared data differs from the annotated version")
    return text


def load_gold(split: str) -> list[dict]:
    path = DATA / f"{split}.jsonl"
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _check(text: str, span: dict | None, key: str) -> tuple[int, int] | None:
    if not span:
        return None
    s, e = span["start"], span["end"]
    if hashlib.sha1(text[s:e].encode("utf-8")).hexdigest()[:6] != span["h"]:
        raise DataMissing(f"article {key}: annotated span {s}-{e} no longer matches the text")
    return s, e


UPSTREAM = ("normalize", "language", "segment", "tokenize", "doc_kind", "ner", "actors")


def pipeline():
    """The default pipeline's stages that attribution uses (text toolkit, doc kind, NER and
    actors when they are in it), then ``attribution``."""
    import isnad
    from ..stages import DEFAULT
    names = [n for n in DEFAULT if n in UPSTREAM] + ["attribution"]
    return isnad.load(names)


def predict(nlp, text: str) -> dict:
    doc = nlp(text)
    cues, contents, sources, implicit = [], [], set(), []
    by_id = {s.id: s for s in doc.sources}
    for a in doc.attributions:
        cues.append((a.cue.start, a.cue.end))
        contents.append((a.content.start, a.content.end))
        m = a.extra.get("source_mention")
        if m:
            sources.add((m["start"], m["end"]))
        for v in a.extra.get("via_mentions", []):
            sources.add((v["start"], v["end"]))
        implicit.append(((a.cue.start, a.cue.end), [(x.start, x.end) for x in by_id[a.source].mentions]))
    return {"cues": cues, "contents": contents, "sources": sorted(sources), "src_mentions": implicit}


def _match(gold: list, pred: list, overlap: bool) -> tuple[int, list, list]:
    """One-to-one matching; returns (tp, unmatched gold, unmatched pred)."""
    pred_left = list(pred)
    missed = []
    tp = 0
    for g in gold:
        hit = None
        if g in pred_left:
            hit = g
        elif overlap:
            best = 0
            for p in pred_left:
                ov = min(g[1], p[1]) - max(g[0], p[0])
                if ov > best:
                    best, hit = ov, p
        if hit is not None:
            pred_left.remove(hit)
            tp += 1
        else:
            missed.append(g)
    return tp, missed, pred_left


def _same_name(text: str, ant, mentions) -> bool:
    """The predicted source names the antecedent: its last word is among the words of
    one of the source's mentions (أردوغان ~ الرئيس التركي رجب طيب أردوغان)."""
    from ..text.normalize import normalize
    words = normalize(text[ant[0]:ant[1]]).split()
    if not words:
        return False
    last = words[-1]
    return any(last in normalize(text[s:e]).split() for s, e in mentions)


def _ov(a, b) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _record_pred(text: str, rec: dict) -> dict:
    """A second annotation of an article in the shape of ``predict`` (for agreement)."""
    cues, contents, sources, implicit = [], [], set(), []
    for a in rec["attributions"]:
        cue = _check(text, a["cue"], rec["key"])
        cues.append(cue)
        c = _check(text, a["content"], rec["key"])
        if c:
            contents.append(c)
        ms = []
        for k in ("source", "via", "antecedent"):
            s = _check(text, a.get(k), rec["key"])
            if s and k != "antecedent":
                sources.add(s)
            if s and k != "via":
                ms.append(s)
        implicit.append((cue, ms))
    return {"cues": cues, "contents": contents, "sources": sorted(sources), "src_mentions": implicit}


def evaluate(split: str, errors: bool = False, out=None, gold_vs: str | None = None, nlp=None) -> dict:
    """Score the stage against ``split``; with ``gold_vs`` (another annotation file of some of
    the same articles), score that annotation instead, on its articles only (agreement)."""
    import sys
    out = out or sys.stdout
    gold_all = load_gold(split)
    other = None
    if gold_vs:
        other = {r["key"]: r for r in load_gold(gold_vs)}
        gold_all = [r for r in gold_all if r["key"] in other]
    elif nlp is None:
        nlp = pipeline()
    counts = {k: {"exact": [0, 0, 0], "overlap": [0, 0, 0]} for k in ("cue", "source", "content")}
    imp_total = imp_ok = 0
    for rec in gold_all:
        key = rec["key"]
        text = article_text(key)
        gold = {"cue": [], "content": [], "source": set()}
        gold_imp = []
        for a in rec["attributions"]:
            cue = _check(text, a["cue"], key)
            gold["cue"].append(cue)
            c = _check(text, a["content"], key)
            if c:
                gold["content"].append(c)
            for k in ("source", "via"):
                s = _check(text, a.get(k), key)
                if s:
                    gold["source"].add(s)
            ant = _check(text, a.get("antecedent"), key)
            if ant and not a.get("source"):
                gold_imp.append((cue, ant))
        pred = _record_pred(text, other[key]) if other is not None else predict(nlp, text)
        pmap = {"cue": pred["cues"], "content": pred["contents"], "source": pred["sources"]}
        for k in counts:
            g = sorted(gold[k])
            p = sorted(pmap[k])
            for mode in ("exact", "overlap"):
                tp, missed, extra = _match(g, p, mode == "overlap")
                c = counts[k][mode]
                c[0] += tp
                c[1] += len(extra)
                c[2] += len(missed)
                if errors and mode == "overlap" and (missed or extra):
                    for s in missed:
                        print(f"  MISS {k:7s} {key} {text[s[0]:s[1]][:70]!r}", file=out)
                    for s in extra:
                        print(f"  FALSE {k:6s} {key} {text[s[0]:s[1]][:70]!r}", file=out)
        for cue, ant in gold_imp:
            imp_total += 1
            for pc, mentions in pred["src_mentions"]:
                if _ov(pc, cue):
                    if any(_ov(m, ant) for m in mentions) or _same_name(text, ant, mentions):
                        imp_ok += 1
                    elif errors:
                        print(f"  IMPLICIT {key} cue {text[cue[0]:cue[1]]!r}: want {text[ant[0]:ant[1]]!r}, "
                              f"got {[text[m[0]:m[1]] for m in mentions][:2]}", file=out)
                    break
    result = {"split": split + (f" vs {gold_vs}" if gold_vs else ""), "articles": len(gold_all),
              "attributions": sum(len(r["attributions"]) for r in gold_all)}
    for k, modes in counts.items():
        for mode, (tp, fp, fn) in modes.items():
            p, r, f = prf(tp, fp, fn)
            result[f"{k}_{mode}"] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3),
                                     "tp": tp, "fp": fp, "fn": fn}
    result["implicit_source_accuracy"] = round(imp_ok / imp_total, 3) if imp_total else None
    result["implicit_sources"] = imp_total
    return result


def add_arguments(parser) -> None:
    parser.add_argument("--split", choices=("blind11", "blind10", "blind9", "blind8", "blind7", "blind6", "blind5", "blind4", "blind3", "blind2", "final", "test", "dev",
                                            "holdout", "all"),
                        default="blind7",
                        help="blind7 (default: annotated and committed before the system was run on it, after "
                             "every other split had been tuned on; never tuned on), blind6, blind5, blind4, blind3, blind2, "
                             "final, dev, test, holdout (rules tuned on their errors) or all; blind8, blind9, blind10, blind11: fresh "
                             "held-out splits, not in all")
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms (overlap)")
    parser.add_argument("--gold-vs", metavar="FILE",
                        help="score a second annotation (data/attribution/FILE.jsonl, e.g. blind4_iaa) against "
                             "--split on the articles it covers, instead of the system: inter-annotator agreement")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def run(args) -> int:
    try:
        splits = ["dev", "test", "holdout", "final", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7"] \
            if args.split == "all" \
            else [args.split]
        results = [evaluate(s, errors=args.errors, gold_vs=getattr(args, "gold_vs", None)) for s in splits]
    except DataMissing as e:
        print(f"isnad eval attribution: {e}")
        return 1
    if args.json:
        print(json.dumps(results if len(results) > 1 else results[0], ensure_ascii=False, indent=1))
        return 0
    for r in results:
        print(f"attribution — SaudiNewsNet {r['split']} split: {r['articles']} articles, "
              f"{r['attributions']} gold attributions")
        print(f"{'':10s}{'exact P':>9s}{'R':>7s}{'F1':>7s}   {'overlap P':>9s}{'R':>7s}{'F1':>7s}")
        for k in ("cue", "source", "content"):
            e, o = r[f"{k}_exact"], r[f"{k}_overlap"]
            print(f"{k:10s}{e['p']:9.3f}{e['r']:7.3f}{e['f1']:7.3f}   {o['p']:9.3f}{o['r']:7.3f}{o['f1']:7.3f}")
        print(f"implicit sources resolved to the annotated antecedent: {r['implicit_source_accuracy']} "
              f"(of {r['implicit_sources']})")
    return 0
