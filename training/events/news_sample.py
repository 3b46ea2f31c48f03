"""Sample SaudiNewsNet articles and the events the pipeline emits on them, for hand judgement of
trigger precision on general news (issue #7; scored by ``isnad eval events --data news``).

    .venv/bin/python training/events/news_sample.py articles --days 2015-07-21,2015-07-22 --n 120 --seed 7
    .venv/bin/python training/events/news_sample.py events --keys KEYS.txt --n 250 --seed 7 --out EV.jsonl

``articles`` prints article keys (``2015-07-21/1033``: zip day / index in its JSON array), a seeded
sample spread over newspapers (round robin over sources), skipping articles that any evaluation
file under ``src/isnad/evaluation/data`` already uses and articles shorter than 300 characters.
``events`` runs the DEFAULT pipeline on those articles (first ``MAX_CHARS`` characters, as the
scorer does) and writes a stratified sample of events (every type; salient and not) with a context
window to a JSONL file OUTSIDE the repository (it holds corpus text) for judging.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

from isnad.evaluation.events import MAX_CHARS, article, used_keys, all_keys


def cmd_articles(a) -> int:
    rng = random.Random(a.seed)
    used = used_keys()
    excl = set()
    for f in a.exclude or []:
        excl |= {x.strip() for x in Path(f).read_text().split() if x.strip()}
    by_src: dict[str, list[str]] = defaultdict(list)
    for day in a.days.split(","):
        for key, art in all_keys(day):
            if key in used or key in excl or len(art.get("content") or "") < 300:
                continue
            by_src[art.get("source") or "?"].append(key)
    for v in by_src.values():
        rng.shuffle(v)
    out = []
    srcs = sorted(by_src)
    while len(out) < a.n and any(by_src.values()):
        for s in srcs:
            if by_src[s] and len(out) < a.n:
                out.append(by_src[s].pop())
    print("\n".join(out))
    return 0


def cmd_events(a) -> int:
    import isnad
    from isnad.stages import DEFAULT
    nlp = isnad.load(list(DEFAULT))
    keys = [k.strip() for k in Path(a.keys).read_text().split() if k.strip()]
    evs = []
    for key in keys:
        art = article(key)
        text = (art.get("content") or "")[:MAX_CHARS]
        doc = nlp(text)
        ents = {e.id: e for e in doc.entities}
        for e in doc.events:
            s, t = e.trigger.start, e.trigger.end
            args = e.extra.get("arguments") or {}
            evs.append({
                "key": key, "start": s, "end": t, "type": e.type, "trigger": e.trigger.text,
                "salient": e.extra.get("salient"), "lexicon": e.extra.get("lexicon"),
                "aux": e.extra.get("aux"), "status": e.status,
                "actor": [x.get("text") for x in args.get("actor") or []],
                "target": [x.get("text") for x in args.get("target") or []],
                "ctx": text[max(0, s - 120):s] + "⟦" + text[s:t] + "⟧" + text[t:t + 120],
            })
    print(f"{len(keys)} articles, {len(evs)} events", file=sys.stderr)
    rng = random.Random(a.seed)
    strata: dict[tuple, list] = defaultdict(list)
    for e in evs:
        strata[(e["type"], e["salient"])].append(e)
    for v in strata.values():
        rng.shuffle(v)
    # every stratum gets at least a floor, the rest proportionally
    n = min(a.n, len(evs))
    floor = max(1, a.floor)
    take = {k: min(len(v), floor) for k, v in strata.items()}
    rest = n - sum(take.values())
    left = {k: len(v) - take[k] for k, v in strata.items()}
    tot = sum(left.values()) or 1
    for k in strata:
        take[k] += min(left[k], int(round(rest * left[k] / tot)))
    sample = [e for k, v in strata.items() for e in v[: take[k]]]
    if a.exclude_events:
        seen = {(x["key"], x["start"], x["end"], x["type"])
                for x in map(json.loads, Path(a.exclude_events).read_text().splitlines())}
        sample = [e for e in sample if (e["key"], e["start"], e["end"], e["type"]) not in seen]
    rng.shuffle(sample)
    with open(a.out, "w", encoding="utf-8") as f:
        for e in sample:
            f.write(json.dumps(e, ensure_ascii=False) + "\n")
    if a.all_out:
        with open(a.all_out, "w", encoding="utf-8") as f:
            for e in evs:
                f.write(json.dumps(e, ensure_ascii=False) + "\n")
    print(f"sampled {len(sample)}", file=sys.stderr)
    return 0


HEADER = """# Hand judgements of events isnad's DEFAULT pipeline emitted on SaudiNewsNet articles ({what}).
# Scored by `isnad eval events --data news --split {split}` (src/isnad/evaluation/events.py).
# Standoff only, no article text: key = day zip / index in its JSON array (../shared/data/saudinewsnet,
# CC BY-NC-SA 4.0); start/end = code points of the trigger in the first 4000 characters of `content`;
# sha = sha1[:6] of the trigger span; judgement: yes (a real mention of an event of that PLOVER type) /
# type (an event, wrong PLOVER type) / no (not an event); actor, target (for yes only): r right, w wrong,
# e empty and fine, m empty but the sentence names one, - not judged.  Judged by the isnad events helper
# (2026-11-26) reading the sentence; {note}
"""


def cmd_tsv(a) -> int:
    import hashlib
    sample = [json.loads(x) for x in Path(a.sample).read_text(encoding="utf-8").splitlines() if x.strip()]
    judg = {}
    for f in a.judgements:
        for line in Path(f).read_text().splitlines():
            w = line.split()
            if w:
                judg[int(w[0])] = w[1:]
    code = {"y": "yes", "t": "type", "n": "no"}
    rows = []
    for i, e in enumerate(sample):
        j = judg.get(i)
        if j is None:
            continue
        text = (article(e["key"]).get("content") or "")[:MAX_CHARS]
        sha = hashlib.sha1(text[e["start"]:e["end"]].encode()).hexdigest()[:6]
        act, tgt = (j[1], j[2]) if j[0] == "y" and len(j) >= 3 else ("-", "-")
        rows.append([e["key"], str(e["start"]), str(e["end"]), sha, e["type"], e.get("lexicon") or "",
                     code[j[0]], act, tgt] + ([e.get("version", "")] if a.version else []))
    rows.sort(key=lambda r: (r[0].split("/")[0], int(r[0].split("/")[1]), int(r[1])))
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(HEADER.format(what=a.what, split=a.split, note=a.note))
        f.write("\t".join(["key", "start", "end", "sha", "type", "lexicon", "judgement", "actor", "target"]
                           + (["version"] if a.version else [])) + "\n")
        if a.keys:
            for k in sorted((x.strip() for x in Path(a.keys).read_text().split() if x.strip()),
                            key=lambda k: (k.split("/")[0], int(k.split("/")[1]))):
                h = hashlib.sha1((article(k).get("content") or "").encode()).hexdigest()[:12]
                f.write(f"#doc\t{k}\t{h}\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{len(rows)} rows", file=sys.stderr)
    return 0


def main() -> int:
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("articles")
    s.add_argument("--days", required=True)
    s.add_argument("--n", type=int, default=120)
    s.add_argument("--seed", type=int, default=7)
    s.add_argument("--exclude", nargs="*", help="files of article keys to skip")
    s = sub.add_parser("events")
    s.add_argument("--keys", required=True)
    s.add_argument("--n", type=int, default=250)
    s.add_argument("--floor", type=int, default=4)
    s.add_argument("--seed", type=int, default=7)
    s.add_argument("--out", required=True)
    s.add_argument("--all-out")
    s.add_argument("--exclude-events")
    s = sub.add_parser("tsv")
    s.add_argument("--sample", required=True)
    s.add_argument("--judgements", nargs="+", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--split", default="dev")
    s.add_argument("--what", default="")
    s.add_argument("--note", default="")
    s.add_argument("--keys", help="the sampled article keys (#doc lines: articles without events count too)")
    s.add_argument("--version", action="store_true", help="keep the sample's version column (held-out)")
    a = p.parse_args()
    return {"articles": cmd_articles, "events": cmd_events, "tsv": cmd_tsv}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
