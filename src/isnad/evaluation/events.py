"""`isnad eval events`: event detection and arguments on the Arabic PLOVER gold standards.

Data (read from ``../shared/data`` at run time; none of its text is stored in the repository):

* ``arabic-event-gsr/{assault,protest}_gsr.csv`` — 3,224 + 2,554 Asharq Al-Awsat sentences
  (2007–2008) with crowd labels for one PLOVER type each.  Positives are ``yes`` (unanimous
  accept); negatives ``easy no`` and ``difficult no``; ``ambiguous`` (too few labels) is left out
  of precision/recall and reported apart.
* ``petrarch-arabic/Arabic_validation/arabic_{assault,protest}_gsr_validation.xml`` — the 373 +
  272 sentences UD-PETRARCH was validated on, with gold event/source/target text: detection
  recall and argument accuracy.

Split: sentences are assigned by their Gigaword *document* (``AAW_ARB_20080304.0032``), SHA-1 of
the document id mod 2: 0 = ``dev`` (used to write the lexicon and to train the sentence
classifier), 1 = ``test`` (held out; the figures to quote).  ``--split all`` scores both.

A sentence counts as detecting type T when the pipeline emits at least one T event that is not
negated, hypothetical or future (PLOVER auxiliary modes), not ``denied``, and that the sentence
classifier marks ``salient`` (``--no-classifier``: every lexicon event counts).

Figures: per type recall, precision, F1, false-positive rate (FP / negatives, also split into
easy and difficult negatives), and on the validation records recall plus actor/target accuracy:
a gold source (target) counts as found when the event's actor (target) argument shares a word
with it (clitics and ال ignored); ``linked`` counts only arguments that are entities.
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
import time
import xml.etree.ElementTree as ET

from .common import DataMissing, prf, shared_data

HELP = "event detection (ASSAULT/PROTEST) and arguments on arabic-event-gsr and PETRARCH's Arabic validation set"
TYPES = ("ASSAULT", "PROTEST")
NOT_DETECTED_AUX = {"negation", "future", "hypothetical"}
FAST_STAGES = ["normalize", "language", "segment", "tokenize", "events"]


def add_arguments(p) -> None:
    p.add_argument("--split", choices=("test", "dev", "all"), default="test",
                   help="document-level split to score (default: test, the held-out half)")
    p.add_argument("--data", choices=("gsr", "validation", "all", "news"), default="all",
                   help="gsr / validation / all (both); news: trigger precision on hand-judged SaudiNewsNet "
                        "events (split dev = news_precision_dev.tsv, test = news_precision_heldout{,2}.tsv)")
    p.add_argument("--types", default=",".join(TYPES), help="comma-separated PLOVER types (default ASSAULT,PROTEST)")
    p.add_argument("--fast", action="store_true",
                   help="run only normalize→tokenize→events (no entities: argument accuracy from phrases)")
    p.add_argument("--no-petrarch", action="store_true", help="without the PETRARCH seed triggers")
    p.add_argument("--no-classifier", action="store_true", help="without the sentence classifier (lexicon only)")
    p.add_argument("--profile", "--classifier", dest="classifier", choices=("crowd", "broad"), default="crowd",
                   help="the events stage's reading profile: crowd (default; classifier trained on the crowd "
                        "labels) or broad (classifier trained on the blind relabelling of the dev half, plus the "
                        "broad-only lexicon entries)")
    p.add_argument("--limit", type=int, default=0, help="score at most N sentences per file (quick runs; 0, the default: all)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--errors", type=int, default=0, metavar="N",
                   help="print the ids of up to N false negatives/positives per type (ids only)")
    p.add_argument("--gold", choices=("crowd", "audited"), default="crowd",
                   help="arabic-event-gsr labels: crowd (the published labels, default) or audited (the "
                        "blind relabelling of the half: evaluation/data/events/gsr_relabel_{test,dev}.tsv; "
                        "the dev one is the broad classifier's training data)")


def split_of(sentence_id: str) -> str:
    doc = sentence_id.rsplit("-", 1)[0]
    return "test" if int(hashlib.sha1(doc.encode()).hexdigest()[:8], 16) % 2 else "dev"


def _pipeline(args):
    import isnad
    clf = False if args.no_classifier else getattr(args, "classifier", "crowd")
    cfg = {"events": {"petrarch": not args.no_petrarch, "classifier": clf,
                      "profile": getattr(args, "classifier", "crowd")}}
    if args.fast:
        return isnad.load(FAST_STAGES, config=cfg)
    from ..stages import DEFAULT
    return isnad.load(list(DEFAULT), config=cfg)


def detected(doc, etype: str) -> list:
    """Events of the type that the stage reports as happening: not denied, not negated /
    future / hypothetical, and salient per the sentence classifier when it scored them."""
    return [e for e in doc.events if e.type == etype and e.status != "denied"
            and not (set(e.extra.get("aux") or []) & NOT_DETECTED_AUX)
            and e.extra.get("salient", True)]


def _words(text: str) -> set[str]:
    from ..text.normalize import normalize
    from ..text.tokenize import clitic_splits
    out = set()
    for w in re.findall(r"\w+", normalize(text)):
        if len(w) < 2:
            continue
        stems = {s for _, s in clitic_splits(w)}
        stems |= {s[2:] for s in stems if s.startswith("ال") and len(s) > 3}
        out.add(frozenset(stems))
    return out


def _overlap(gold: str, spans: list[dict]) -> bool:
    g = _words(gold)
    if not g:
        return False
    for sp in spans:
        for w in _words(sp.get("text") or ""):
            if any(w & x for x in g):
                return True
    return False


RELABEL_FILES = {"test": "gsr_relabel_test.tsv", "dev": "gsr_relabel_dev.tsv"}
RELABEL_FILE = RELABEL_FILES["test"]
_AUDITED_LABEL = {"yes": "yes", "no": "easy no", "ambiguous": "ambiguous"}


def audited_labels(etype: str, split: str = "test") -> dict[str, str]:
    """``{sentence id: final audited judgement}`` (yes / no / ambiguous) of one type, from the blind
    relabelling of one half (see the headers of ``evaluation/data/events/gsr_relabel_{test,dev}.tsv``:
    the dev file trains the broad profile's classifier, the test file only scores)."""
    from pathlib import Path
    if split not in RELABEL_FILES:
        return {}
    path = Path(__file__).parent / "data" / "events" / RELABEL_FILES[split]
    out: dict[str, str] = {}
    if not path.exists():
        return out
    with path.open(encoding="utf-8") as f:
        head = None
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if head is None:
                head = cols
                continue
            row = dict(zip(head, cols))
            if row["type"] == etype:
                out[row["id"]] = row["final"]
    return out


def eval_gsr(nlp, etype: str, args) -> dict:
    path = shared_data("arabic-event-gsr", f"{etype.lower()}_gsr.csv")
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    rows = [r for r in rows if args.split == "all" or split_of(r["id"]) == args.split]
    changed = 0
    if getattr(args, "gold", "crowd") == "audited":
        if args.split not in RELABEL_FILES:       # checked before any file is opened
            raise DataMissing(f"--gold audited: the relabellings cover the halves one at a time "
                              f"(--split test or --split dev), not {args.split!r}")
        audited = audited_labels(etype, args.split)
        if not audited:
            raise DataMissing(f"--gold audited: no {etype} labels in {RELABEL_FILES[args.split]}")
        missing = [r["id"] for r in rows if r["id"] not in audited]
        if missing:
            raise DataMissing(f"--gold audited: {len(missing)} {etype} {args.split} sentences have no "
                              f"audited label (first: {missing[0]})")
        for r in rows:
            new = _AUDITED_LABEL[audited[r["id"]]]
            old = "yes" if r["label"] == "yes" else "ambiguous" if r["label"] == "ambiguous" else "no"
            changed += old != audited[r["id"]]
            r["label"] = new
    if args.limit:
        rows = rows[: args.limit]
    tp = fp = fn = tn = 0
    fp_easy = fp_hard = n_easy = n_hard = amb = amb_hit = 0
    errors = {"fn": [], "fp": []}
    for r in rows:
        doc = nlp(r["text"])
        hit = bool(detected(doc, etype))
        lab = r["label"]
        if lab == "yes":
            if hit:
                tp += 1
            else:
                fn += 1
                errors["fn"].append(r["id"])
        elif lab in ("easy no", "difficult no"):
            easy = lab == "easy no"
            n_easy += easy
            n_hard += not easy
            if hit:
                fp += 1
                fp_easy += easy
                fp_hard += not easy
                errors["fp"].append(r["id"])
            else:
                tn += 1
        else:
            amb += 1
            amb_hit += hit
    p, rc, f1 = prf(tp, fp, fn)
    return {"sentences": len(rows), "positives": tp + fn, "negatives": fp + tn, "tp": tp, "fp": fp, "fn": fn,
            "recall": rc, "precision": p, "f1": f1, "fp_rate": fp / (fp + tn) if fp + tn else 0.0,
            "fp_rate_easy": fp_easy / n_easy if n_easy else 0.0,
            "fp_rate_difficult": fp_hard / n_hard if n_hard else 0.0,
            "ambiguous": amb, "ambiguous_detected": amb_hit, "labels_changed": changed, "errors": errors}


def eval_validation(nlp, etype: str, args) -> dict:
    t = etype.lower()
    xml_path = shared_data("petrarch-arabic", "Arabic_validation", f"arabic_{t}_gsr_validation.xml")
    ids: dict[str, str] = {}
    try:
        spans = json.loads(shared_data("arabic-event-gsr", f"{t}_spans.json").read_text(encoding="utf-8"))
        ids = {x["_id"]: x["source"] for x in spans}
    except DataMissing:
        pass
    raw = xml_path.read_text(encoding="utf-8")
    # the files end without their closing tag: parse sentence by sentence
    sentences = []
    for block in re.findall(r"<Sentence\b.*?</Sentence>", raw, flags=re.S):
        try:
            sentences.append(ET.fromstring(block))
        except ET.ParseError:
            continue
    n = found = 0
    a_gold = a_hit = a_link = t_gold = t_hit = t_link = 0
    type_ok = 0
    for s in sentences:
        sid = s.get("id")
        gid = ids.get(sid)
        if args.split != "all":
            if gid is None or split_of(gid) != args.split:
                continue
        text = (s.findtext("Text") or "").strip()
        if not text:
            continue
        if args.limit and n >= args.limit:
            break
        n += 1
        doc = nlp(text)
        evs = detected(doc, etype)
        if evs:
            found += 1
        et = s.find("EventText")
        src = (et.get("sourcetext") or "").strip() if et is not None else ""
        tgt = (et.get("targettext") or "").strip() if et is not None else ""
        if not evs:
            a_gold += bool(src)
            t_gold += bool(tgt)
            continue
        args_a = [a for e in evs for a in e.extra.get("arguments", {}).get("actor", [])]
        args_t = [a for e in evs for a in e.extra.get("arguments", {}).get("target", [])]
        if src:
            a_gold += 1
            a_hit += _overlap(src, args_a)
            a_link += _overlap(src, [a for a in args_a if a.get("entity")])
        if tgt:
            t_gold += 1
            t_hit += _overlap(tgt, args_t)
            t_link += _overlap(tgt, [a for a in args_t if a.get("entity")])
    return {"sentences": n, "detected": found, "recall": found / n if n else 0.0,
            "actor_gold": a_gold, "actor_accuracy": a_hit / a_gold if a_gold else 0.0,
            "actor_accuracy_linked": a_link / a_gold if a_gold else 0.0,
            "target_gold": t_gold, "target_accuracy": t_hit / t_gold if t_gold else 0.0,
            "target_accuracy_linked": t_link / t_gold if t_gold else 0.0}


def _argument_error(args) -> str | None:
    """What is wrong with the arguments, before any pipeline is built or file read (QA-14: an empty
    --types scored nothing with status 0, --types FIGHT blamed a missing data folder, --limit -3
    dropped the last three sentences of each file, --gold audited was silently ignored by --data
    news/validation and refused --split all only after the pipeline had loaded)."""
    types = [t.strip().upper() for t in args.types.split(",") if t.strip()]
    if not types:
        return "--types: no event type given"
    if args.data != "news" and set(types) - set(TYPES):
        return (f"--types: no arabic-event-gsr gold for {', '.join(sorted(set(types) - set(TYPES)))} "
                f"(the gold covers {', '.join(TYPES)}; --data news judges every PLOVER type)")
    if args.limit < 0:
        return f"--limit: {args.limit} is negative (0 scores every sentence)"
    if args.errors < 0:
        return f"--errors: {args.errors} is negative"
    if getattr(args, "gold", "crowd") == "audited":
        if args.data not in ("gsr", "all"):
            return f"--gold audited relabels arabic-event-gsr (--data gsr or all), not --data {args.data}"
        if args.split not in RELABEL_FILES:
            return (f"--gold audited: the relabellings cover the halves one at a time "
                    f"(--split test or --split dev), not {args.split!r}")
    return None


def run(args) -> int:
    problem = _argument_error(args)
    if problem:
        print(f"isnad eval events: {problem}", file=sys.stderr)
        return 1
    if args.data == "news":
        return run_news(args)
    types = [t.strip().upper() for t in args.types.split(",") if t.strip()]
    t0 = time.time()
    try:
        nlp = _pipeline(args)
    except Exception as e:  # pragma: no cover - a broken pipeline is reported, not raised
        print(f"cannot build the pipeline: {e}", file=sys.stderr)
        return 1
    out: dict = {"split": args.split, "gold": args.gold, "pipeline": nlp.names, "gsr": {}, "validation": {}}
    try:
        for t in types:
            if args.data in ("gsr", "all"):
                out["gsr"][t] = eval_gsr(nlp, t, args)
            if args.data in ("validation", "all"):
                out["validation"][t] = eval_validation(nlp, t, args)
    except DataMissing as e:
        print(str(e), file=sys.stderr)
        return 1
    out["seconds"] = round(time.time() - t0, 1)
    if args.json:
        for v in out["gsr"].values():
            if not args.errors:
                v.pop("errors", None)
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    print(f"isnad eval events — split {args.split}; pipeline {' → '.join(nlp.names)}")
    if out["gsr"]:
        if args.gold == "audited":
            print(f"\narabic-event-gsr, AUDITED labels ({RELABEL_FILES.get(args.split)}; positives: yes; negatives: no; "
                  f"'easy'/'diff' columns not applicable)")
            print("  labels changed from the crowd's: " +
                  ", ".join(f"{t} {r['labels_changed']}" for t, r in out["gsr"].items()))
        else:
            print("\narabic-event-gsr (positives: yes; negatives: easy no + difficult no)")
        print(f"{'type':9} {'sent':>5} {'pos':>4} {'neg':>5} {'recall':>7} {'prec':>6} {'F1':>6} "
              f"{'FPrate':>7} {'FP easy':>8} {'FP diff':>8} {'amb det':>8}")
        for t, r in out["gsr"].items():
            print(f"{t:9} {r['sentences']:5d} {r['positives']:4d} {r['negatives']:5d} {r['recall']:7.3f} "
                  f"{r['precision']:6.3f} {r['f1']:6.3f} {r['fp_rate']:7.3f} {r['fp_rate_easy']:8.3f} "
                  f"{r['fp_rate_difficult']:8.3f} {r['ambiguous_detected']:4d}/{r['ambiguous']:<3d}")
            if args.errors:
                print(f"  false negatives: {' '.join(r['errors']['fn'][: args.errors])}")
                print(f"  false positives: {' '.join(r['errors']['fp'][: args.errors])}")
    if out["validation"]:
        print("\nPETRARCH Arabic validation records (all gold events)")
        print(f"{'type':9} {'sent':>5} {'recall':>7} {'actor acc':>10} {'(linked)':>9} {'target acc':>11} {'(linked)':>9}")
        for t, r in out["validation"].items():
            print(f"{t:9} {r['sentences']:5d} {r['recall']:7.3f} {r['actor_accuracy']:10.3f} "
                  f"{r['actor_accuracy_linked']:9.3f} {r['target_accuracy']:11.3f} {r['target_accuracy_linked']:9.3f}"
                  f"   (gold actors {r['actor_gold']}, targets {r['target_gold']})")
    print(f"\n{out['seconds']} s")
    return 0


# ----------------------------------------------------------------------------- general news (issue #7)
#
# Trigger precision on ordinary news: events the pipeline emitted on SaudiNewsNet articles, judged
# by hand (``src/isnad/evaluation/data/events/news_precision_{dev,heldout}.tsv``; standoff only —
# article key ``2015-07-21/1033`` = day zip / index in its JSON array, trigger offsets into the
# first MAX_CHARS characters of ``content``, sha1[:6] of the trigger span).  Judgements: ``yes``
# (a real mention of an event of that PLOVER type), ``type`` (an event, wrong type), ``no`` (not an
# event).  The scorer re-runs the pipeline on the judged articles: a judged event that still fires
# (same offsets and type) counts towards precision; one that no longer fires is *removed*
# (removed-correct = a ``yes`` lost, removed-wrong = a false event gone).  Events the judgements do
# not cover are counted as ``unjudged``.

MAX_CHARS = 4000
NEWS_FILES = {"dev": ["news_precision_dev.tsv"],
              "test": ["news_precision_heldout.tsv", "news_precision_heldout2.tsv"]}
_KEY_RE = re.compile(r"(2015-\d\d-\d\d)(?:\.zip)?[/:](\d+)")
_DAY_CACHE: dict = {}


def _day(day: str) -> list:
    got = _DAY_CACHE.get(day)
    if got is None:
        import zipfile
        with zipfile.ZipFile(shared_data("saudinewsnet", "dataset", f"{day}.zip")) as z:
            got = json.loads(z.read(z.namelist()[0]))
        _DAY_CACHE.clear()
        _DAY_CACHE[day] = got
    return got


def article(key: str) -> dict:
    day, idx = key.split("/")
    return _day(day)[int(idx)]


def all_keys(day: str):
    for i, a in enumerate(_day(day)):
        yield f"{day}/{i}", a


def used_keys() -> set:
    """Article keys any evaluation file under evaluation/data already uses."""
    from pathlib import Path
    out = set()
    root = Path(__file__).resolve().parent / "data"
    for p in root.rglob("*"):
        if p.is_file() and p.suffix in (".tsv", ".jsonl", ".json", ".csv"):
            if p.parent.name == "events":
                continue
            for m in _KEY_RE.finditer(p.read_text(encoding="utf-8", errors="replace")):
                out.add(f"{m.group(1)}/{int(m.group(2))}")
    return out


def load_judgements(split: str) -> tuple[list[dict], list[str]]:
    """The judged events and the sampled article keys (``#doc`` lines) of a split."""
    from pathlib import Path
    names = [n for v in NEWS_FILES.values() for n in v] if split == "all" else NEWS_FILES[split]
    rows, docs = [], []
    for name in names:
        p = Path(__file__).resolve().parent / "data" / "events" / name
        cols = None
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.startswith("#doc\t"):
                docs.append(line.split("\t")[1])
                continue
            if not line.strip() or line.startswith("#"):
                continue
            f = line.split("\t")
            if cols is None:
                cols = f
                continue
            r = dict(zip(cols, f))
            r["start"], r["end"] = int(r["start"]), int(r["end"])
            rows.append(r)
    return rows, docs


def eval_news(nlp, rows: list[dict], docs: list[str] = (), types: set | None = None) -> dict:
    from collections import defaultdict
    by_key: dict[str, list[dict]] = defaultdict(list)
    for k in docs:
        by_key[k]
    for r in rows:
        by_key[r["key"]].append(r)
    stat = defaultdict(lambda: defaultdict(int))
    n_events = n_salient = 0
    per_type = defaultdict(lambda: [0, 0])
    mismatched = 0
    for key in sorted(by_key):
        text = (article(key).get("content") or "")[:MAX_CHARS]
        doc = nlp(text)
        emitted = {(e.trigger.start, e.trigger.end, e.type): e for e in doc.events}
        n_events += len(doc.events)
        n_salient += sum(1 for e in doc.events if _news_salient(e))
        for e in doc.events:
            per_type[e.type][0] += 1
            per_type[e.type][1] += _news_salient(e)
        judged = set()
        for r in by_key[key]:
            k = (r["start"], r["end"], r["type"])
            if hashlib.sha1(text[r["start"]:r["end"]].encode()).hexdigest()[:6] != r["sha"]:
                mismatched += 1
                continue
            judged.add(k)
            ok = r["judgement"] == "yes"
            s = stat[r["type"]]
            e = emitted.get(k)
            if e is None:
                s["removed_correct" if ok else "removed_wrong"] += 1
                continue
            s["n"] += 1
            s["yes"] += ok
            if _news_salient(e):
                s["sal_n"] += 1
                s["sal_yes"] += ok
            else:
                s["demoted_correct" if ok else "demoted_wrong"] += 1
        for k, e in emitted.items():
            if k not in judged:
                stat[e.type]["unjudged"] += 1
                stat[e.type]["unjudged_salient"] += _news_salient(e)
    out = {}
    for t in sorted(stat):
        if types and t not in types:
            continue
        s = dict(stat[t])
        s["per_100"] = round(100 * per_type[t][0] / len(by_key), 1)
        s["salient_per_100"] = round(100 * per_type[t][1] / len(by_key), 1)
        s["precision"] = s.get("yes", 0) / s["n"] if s.get("n") else None
        s["precision_salient"] = s.get("sal_yes", 0) / s["sal_n"] if s.get("sal_n") else None
        out[t] = s
    tot = defaultdict(int)
    for s in out.values():
        for k, v in s.items():
            if isinstance(v, int):
                tot[k] += v
    tot = dict(tot)
    tot["precision"] = tot.get("yes", 0) / tot["n"] if tot.get("n") else None
    tot["precision_salient"] = tot.get("sal_yes", 0) / tot["sal_n"] if tot.get("sal_n") else None
    n_art = len(by_key)
    return {"articles": n_art, "judged": len(rows), "span_mismatch": mismatched, "types": out, "all": tot,
            "events_per_100": round(100 * n_events / n_art, 1) if n_art else 0.0,
            "salient_per_100": round(100 * n_salient / n_art, 1) if n_art else 0.0}


def _news_salient(e) -> bool:
    """Reported as happening: salient (when scored) and not negated / future / hypothetical."""
    return e.extra.get("salient", True) and not (set(e.extra.get("aux") or []) & NOT_DETECTED_AUX) \
        and e.status != "denied"


def run_news(args) -> int:
    t0 = time.time()
    try:
        rows, docs = load_judgements(args.split)
    except FileNotFoundError as e:
        print(f"no judgements: {e}", file=sys.stderr)
        return 1
    types = {t.strip().upper() for t in args.types.split(",") if t.strip()} \
        if args.types != ",".join(TYPES) else None
    try:
        nlp = _pipeline(args)
        res = eval_news(nlp, rows, docs, types)
    except DataMissing as e:
        print(str(e), file=sys.stderr)
        return 1
    res["seconds"] = round(time.time() - t0, 1)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return 0
    print(f"isnad eval events --data news — split {args.split}; {res['articles']} SaudiNewsNet articles, "
          f"{res['judged']} judged events; pipeline {' → '.join(nlp.names)}")
    print("precision = judged 'yes' / judged events still emitted; salient = not demoted by the classifier "
          "or the seed rule, realis, not denied")
    print(f"{'type':10} {'emitted':>7} {'prec':>6} {'salient':>7} {'prec':>6} {'rm ok':>6} {'rm bad':>6} "
          f"{'dem ok':>6} {'dem bad':>7} {'unjudged':>8} {'/100 art':>8} {'salient':>7}")

    def fmt(x):
        return f"{x:6.3f}" if x is not None else "     -"
    for t, s in list(res["types"].items()) + [("ALL", res["all"])]:
        print(f"{t:10} {s.get('n', 0):7d} {fmt(s['precision'])} {s.get('sal_n', 0):7d} {fmt(s['precision_salient'])} "
              f"{s.get('removed_correct', 0):6d} {s.get('removed_wrong', 0):6d} {s.get('demoted_correct', 0):6d} "
              f"{s.get('demoted_wrong', 0):7d} {s.get('unjudged', 0):8d} {s.get('per_100', res['events_per_100']):8.1f} "
              f"{s.get('salient_per_100', res['salient_per_100']):7.1f}")
    print(f"\nevents per 100 articles: {res['events_per_100']} (salient {res['salient_per_100']}); "
          f"span mismatches {res['span_mismatch']}; {res['seconds']} s")
    return 0
