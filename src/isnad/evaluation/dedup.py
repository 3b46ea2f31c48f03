"""`isnad eval dedup`: near-duplicate / republication links on SaudiNewsNet.

The corpus (../shared/data/saudinewsnet, 14 Saudi newspapers, July–August 2015) republishes Saudi
Press Agency wire stories ("(واس)") under several mastheads, often with the same lead paragraph
and a different body.  This evaluation runs the dedup index of :mod:`isnad.corpus.dedup` (the same
code ``isnad ingest`` uses) over the first N articles in day order and reports:

* links by kind (``duplicate``, ``republication``, ``shared_lead``, ``related``) and the stories
  the first three form (connected components): how many, their sizes, how many span two or more outlets;
* a **recall proxy**: pairs of articles from different outlets whose first 25 normalised words
  are identical (an exact shared lead, found by hashing) — the share of them our links connect
  (directly or through the same story);
* **precision** on hand-judged links: ``data/dedup/saudinewsnet_judgements.tsv`` holds, for a
  random sample of links (seeded), the two article keys and a judgement (``same`` = the same
  story/wire item republished, ``different``) made by reading both articles.  Standoff only: keys
  ``<day zip>:<index in the day's array>`` and a 6-hex SHA-1 of each text; the text is read from
  the shared data at evaluation time.

    isnad eval dedup                      # N = 2,000
    isnad eval dedup --n 5000
    isnad eval dedup --sample 40          # print unjudged links to judge (terminal only)
"""
from __future__ import annotations

import hashlib
import json
import random
import time
import zipfile
from collections import Counter
from pathlib import Path

from .common import DataMissing, shared_data

HELP = "near-duplicate/republication links on SaudiNewsNet: counts, stories, recall proxy, judged precision"
DATA = Path(__file__).resolve().parent / "data" / "dedup"
JUDGEMENTS = DATA / "saudinewsnet_judgements.tsv"
LEAD_PROXY_WORDS = 25


def add_arguments(p) -> None:
    p.add_argument("--n", type=int, default=2000, help="the first N articles in day order (2,000)")
    p.add_argument("--sample", type=int, default=0, metavar="K",
                   help="print K random unjudged links (keys and texts) for judging, then stop")
    p.add_argument("--sample-kind", choices=["story", "related"], default="story",
                   help="--sample from the links stories use (duplicate, republication, shared_lead; "
                        "default) or from the weaker related links")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--json", action="store_true", help="print the figures as JSON")


def _sha(text: str, n: int = 6) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def articles(n: int) -> list[dict]:
    """The first n SaudiNewsNet articles in day order: ``{key, sha, text, outlet, title, url, published}``.

    ``published`` is the day of ``date_extracted`` (crawl time, about the publication day per the
    dataset's README)."""
    out: list[dict] = []
    for zpath in sorted(shared_data("saudinewsnet", "dataset").glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            arr = json.loads(zf.read(zf.namelist()[0]))
        # a day's array is grouped by newspaper: interleave the newspapers (round robin, in order of
        # first appearance) so that the first N articles of a day cover all of them
        by_outlet: dict[str, list[int]] = {}
        for i, a in enumerate(arr):
            by_outlet.setdefault(str(a.get("source")), []).append(i)
        order = [q[k] for k in range(max(map(len, by_outlet.values()), default=0))
                 for q in by_outlet.values() if k < len(q)]
        for i in order:
            a = arr[i]
            text = (a.get("content") or "").strip()
            if not text:
                continue
            out.append({"key": f"{zpath.name}:{i}", "sha": _sha(text), "text": text, "outlet": a.get("source"),
                        "title": a.get("title"), "url": a.get("url"),
                        "published": (a.get("date_extracted") or "")[:10] or None})
            if len(out) >= n:
                return out
    return out


def build(arts: list[dict]):
    """Run the dedup index over the articles: (links [(a, b, Link)], seconds)."""
    from ..corpus import dedup
    idx = dedup.DedupIndex()
    found = []
    t0 = time.perf_counter()
    for a in arts:
        for ln in idx.add(a["key"], dedup.signature(a["text"])):
            found.append((ln.other, a["key"], ln))
    return found, time.perf_counter() - t0


def components(pairs) -> list[set]:
    from ..corpus.stories import _components
    return _components(list(pairs))


def lead_pairs(arts: list[dict]) -> set[tuple[str, str]]:
    """Cross-outlet pairs with an identical normalised lead (the first LEAD_PROXY_WORDS words)."""
    from ..corpus.dedup import words
    groups: dict[str, list[dict]] = {}
    for a in arts:
        ws = words(a["text"])
        if len(ws) >= LEAD_PROXY_WORDS:
            groups.setdefault(" ".join(ws[:LEAD_PROXY_WORDS]), []).append(a)
    pairs = set()
    for g in groups.values():
        for i in range(len(g)):
            for j in range(i + 1, len(g)):
                if g[i]["outlet"] != g[j]["outlet"]:
                    pairs.add((g[i]["key"], g[j]["key"]))
    return pairs


def read_judgements(path: Path = JUDGEMENTS) -> list[dict]:
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("doc_a\t"):
            continue
        a, sha_a, b, sha_b, kind, judgement, *note = line.split("\t")
        rows.append({"a": a, "sha_a": sha_a, "b": b, "sha_b": sha_b, "kind": kind, "judgement": judgement,
                     "note": note[0] if note else ""})
    return rows


def evaluate(n: int) -> dict:
    arts = articles(n)
    by_key = {a["key"]: a for a in arts}
    found, secs = build(arts)
    from ..corpus.stories import KINDS
    comps = components((a, b) for a, b, ln in found if ln.kind in KINDS)
    comp_of = {k: i for i, c in enumerate(comps) for k in c}
    kinds = Counter(ln.kind for _, _, ln in found)
    multi_outlet = [c for c in comps if len({by_key[k]["outlet"] for k in c}) >= 2]
    sizes = Counter(len(c) for c in comps)
    ref = lead_pairs(arts)
    story_found = [(a, b, ln) for a, b, ln in found if ln.kind in KINDS]
    direct = {(a, b) for a, b, _ in story_found} | {(b, a) for a, b, _ in story_found}
    hit_direct = sum(1 for p in ref if p in direct)
    hit_story = sum(1 for a, b in ref if a in comp_of and comp_of.get(a) == comp_of.get(b))
    judged = read_judgements()
    linked = {(a, b): ln for a, b, ln in found}
    linked.update({(b, a): ln for a, b, ln in found})
    j_rows = []
    stale = 0
    for r in judged:
        if r["a"] not in by_key or r["b"] not in by_key:
            continue
        if by_key[r["a"]]["sha"] != r["sha_a"] or by_key[r["b"]]["sha"] != r["sha_b"]:
            stale += 1
            continue
        j_rows.append(dict(r, still_linked=(r["a"], r["b"]) in linked))
    prec = {}
    for kind in ("stories", "duplicate", "republication", "shared_lead", "related"):
        rows = [r for r in j_rows if r["kind"] == kind or (kind == "stories" and r["kind"] != "related")]
        if rows:
            ok = sum(1 for r in rows if r["judgement"] == "same")
            prec[kind] = {"judged": len(rows), "same": ok, "precision": round(ok / len(rows), 3)}
    return {
        "articles": len(arts), "outlets": len({a["outlet"] for a in arts}), "seconds": round(secs, 2),
        "docs_per_s": round(len(arts) / secs, 1) if secs else None,
        "links": dict(kinds), "links_total": len(found),
        "stories": len(comps), "stories_multi_outlet": len(multi_outlet),
        "documents_in_stories": sum(len(c) for c in comps),
        "story_sizes": dict(sorted(sizes.items())),
        "wire_spa_in_stories": sum(1 for c in comps for k in c if "واس" in by_key[k]["text"][:200]),
        "recall_proxy": {"pairs": len(ref), "linked_directly": hit_direct, "same_story": hit_story,
                         "recall_story": round(hit_story / len(ref), 3) if ref else None},
        "precision": prec, "judgements_stale": stale,
        "_found": found, "_arts": by_key,
    }


def run(args) -> int:
    try:
        res = evaluate(args.n)
    except DataMissing as e:
        print(f"isnad eval dedup: {e}")
        return 0
    found, by_key = res.pop("_found"), res.pop("_arts")
    if args.sample:
        judged = {(r["a"], r["b"]) for r in read_judgements()}
        from ..corpus.stories import KINDS
        want = (lambda k: k in KINDS) if args.sample_kind == "story" else (lambda k: k == "related")
        pool = [(a, b, ln) for a, b, ln in found if (a, b) not in judged and want(ln.kind)]
        rnd = random.Random(args.seed)
        for a, b, ln in rnd.sample(pool, min(args.sample, len(pool))):
            A, B = by_key[a], by_key[b]
            print(f"\n=== {a}\t{A['sha']}\t{b}\t{B['sha']}\t{ln.kind}\tJ={ln.jaccard} C={ln.containment}")
            for X in (A, B):
                print(f"--- {X['outlet']} | {X['title']}\n{X['text'][:250]}")
        return 0
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=2))
        return 0
    print(f"SaudiNewsNet, first {res['articles']:,} articles ({res['outlets']} outlets); dedup index "
          f"{res['seconds']} s ({res['docs_per_s']} docs/s)")
    print(f"links: {res['links_total']} " + ", ".join(f"{k} {v}" for k, v in sorted(res["links"].items())))
    print(f"stories: {res['stories']} ({res['stories_multi_outlet']} across 2+ outlets), "
          f"{res['documents_in_stories']} documents; sizes {res['story_sizes']}")
    rp = res["recall_proxy"]
    print(f"recall proxy (cross-outlet pairs with an identical {LEAD_PROXY_WORDS}-word lead): {rp['pairs']} pairs, "
          f"{rp['linked_directly']} linked directly, {rp['same_story']} in the same story "
          f"(recall {rp['recall_story']})")
    if res["precision"]:
        for k, v in res["precision"].items():
            print(f"precision [{k}]: {v['same']}/{v['judged']} = {v['precision']}")
    else:
        print("precision: no judgements for these articles")
    if res["judgements_stale"]:
        print(f"warning: {res['judgements_stale']} judgement(s) skipped: the article text changed (hash)")
    return 0
