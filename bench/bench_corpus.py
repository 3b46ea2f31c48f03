"""Benchmark the corpus layer: ingest, store, search, stories on SaudiNewsNet.

Articles come from ../shared/data/saudinewsnet (day zips read in memory; the text never leaves the
process) in the order `isnad eval dedup` uses (day by day, newspapers interleaved), with
``published`` = the day of ``date_extracted``.  Stores are temporary SQLite files.

A  end-to-end ingest: N_ANALYSE articles through ``isnad.load()`` and into a store (what
   ``isnad ingest`` does; dominated by analysis), and re-ingesting them (idempotency check only);
B  store only: the records analysed in A into a fresh store (index tables, FTS, MinHash, LSH);
C  store only at scale: N_STORE articles as text-only isnad/1 records (no annotations: the
   analysis would take N_STORE / 17 s), then stories over their near-duplicate links;
   search latency over A's store (filters on annotations) and C's store (text).

    .venv/bin/python bench/bench_corpus.py                 # 200 analysed, 2,000 stored
    .venv/bin/python bench/bench_corpus.py --write         # and record the figures in bench/README.md

Exits 0 with a message when the shared data is absent.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _readme import write_block  # noqa: E402

# CPU time of this process by default: the store (SQLite) runs in-process and single-threaded, so on
# an idle machine CPU time is about the wall time, while on a shared one it is not inflated by other
# people's jobs.  --wall measures elapsed time instead.
clock = time.process_time

TEXT_QUERIES = ["السعودية", "ولي العهد", "داعش", '"مجلس الأمن"', "الحوثيين عدن", "واس"]
FILTER_QUERIES = ["actor:isis", "type:ASSAULT", "status:reported", "place:الرياض", "source:official",
                  "السعودية source:official", "from:2015-07-21 to:2015-07-21 kind:article"]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bare_record(a: dict) -> dict:
    """A text-only isnad/1 record (every list empty): what the store needs without analysis."""
    return {"schema": "isnad/1", "id": a["key"], "text": a["text"], "lang": "ar", "kind": "article",
            "published": a["published"], "meta": {"outlet": a["outlet"], "title": a["title"], "url": a["url"]},
            "sentences": [], "entities": [], "places": [], "times": [], "sources": [], "attributions": [],
            "claims": [], "events": [], "narratives": []}


def latency(store, queries, repeat: int = 5) -> dict:
    from isnad.corpus.search import search
    per = {}
    for q in queries:
        ts = []
        for _ in range(repeat):
            t0 = clock()
            res = search(store, q, limit=20)
            ts.append((clock() - t0) * 1000)
        per[q] = (statistics.median(ts), res["total"])
    meds = sorted(v[0] for v in per.values())
    return {"per_query": per, "median_ms": statistics.median(meds), "max_ms": max(meds)}


def run(n_analyse: int, n_store: int) -> dict:
    import isnad
    from isnad.corpus import Store
    from isnad.corpus.stories import stories
    from isnad.evaluation.dedup import articles
    from isnad.io.readers import InputDoc
    from isnad.runner import analyze_inputs

    arts = articles(max(n_analyse, n_store))
    tmp = Path(tempfile.mkdtemp(prefix="isnad-bench-"))
    out: dict = {"n_analyse": min(n_analyse, len(arts)), "n_store": min(n_store, len(arts))}

    # A: end to end
    t0 = clock()
    nlp = isnad.load()
    out["load_s"] = clock() - t0
    store_a = Store(str(tmp / "a.db"))
    recs = []
    t0 = clock()
    for a in arts[:n_analyse]:
        item = InputDoc(text=a["text"], origin=a["key"], id=a["key"], published=a["published"],
                        meta={"outlet": a["outlet"], "title": a["title"], "url": a["url"]})
        if store_a.has(item.id, item.text):
            continue
        rec = next(analyze_inputs([item], nlp))
        store_a.add(rec)
        recs.append(rec)
    out["ingest_s"] = clock() - t0
    t0 = clock()
    already = sum(1 for a in arts[:n_analyse] if store_a.has(a["key"], a["text"]))
    out["reingest_s"] = clock() - t0
    out["reingest_already"] = already
    out["failed"] = sum(1 for r in recs if "error" in r)

    # B: store only, analysed records
    store_b = Store(str(tmp / "b.db"))
    t0 = clock()
    store_b.add_many(recs)
    out["store_analysed_s"] = clock() - t0

    # C: store only at scale, text-only records; stories
    store_c = Store(str(tmp / "c.db"))
    bare = [bare_record(a) for a in arts[:n_store]]
    t0 = clock()
    counts = store_c.add_many(bare)
    out["store_bare_s"] = clock() - t0
    out["store_bare_counts"] = dict(counts)
    t0 = clock()
    again = store_c.add_many(bare)
    out["store_bare_again_s"] = clock() - t0
    out["store_bare_again"] = dict(again)
    fresh = Store(str(tmp / "c.db"))
    t0 = clock()
    fresh.dedup_index()
    out["index_rebuild_s"] = clock() - t0
    t0 = clock()
    st = stories(store_c)
    out["stories_s"] = clock() - t0
    out["stories"] = len(st)
    out["stories_multi_outlet"] = sum(1 for s in st if len({d["outlet"] for d in s["documents"]}) >= 2)
    out["stories_docs"] = sum(s["size"] for s in st)
    out["links"] = store_c.counts()["links"]
    out["db_mb"] = os.path.getsize(tmp / "c.db") / 2**20
    out["search_a"] = latency(store_a, FILTER_QUERIES + TEXT_QUERIES[:2])
    out["search_c"] = latency(store_c, TEXT_QUERIES)
    out["rss_mb"] = rss_mb()
    out["load"] = os.getloadavg()[0]
    out["clock"] = "wall-clock" if clock is time.perf_counter else "CPU time of the process"
    return out


def report(r: dict) -> str:
    na, ns = r["n_analyse"], r["n_store"]
    lines = [
        f"Measured {_dt.date.today().isoformat()} (Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"{platform.machine()}, SQLite with FTS5 trigram; times are {r['clock']}, load average "
        f"{r['load']:.1f} at the end of the run); command:",
        "",
        "```sh",
        f".venv/bin/python bench/bench_corpus.py --n-analyse {na} --n-store {ns}"
        f"{' --wall' if r['clock'].startswith('wall') else ''} --write",
        "```",
        "",
        "| figure | value |",
        "|---|---|",
        f"| end-to-end ingest (analysis + store), {na} articles | **{na / r['ingest_s']:.1f} docs/s** "
        f"({r['ingest_s']:.1f} s; `isnad.load()` {r['load_s']:.1f} s not included) |",
        f"| re-ingest the same {na} (all found already stored) | {na / r['reingest_s']:,.0f} docs/s "
        f"({r['reingest_already']} already) |",
        f"| store only, analysed records ({na}) | **{na / r['store_analysed_s']:.0f} docs/s** |",
        f"| store only, text-only records ({ns:,}) | **{ns / r['store_bare_s']:.0f} docs/s** "
        f"({r['store_bare_counts'].get('new', 0):,} new); again: {ns / r['store_bare_again_s']:.0f} docs/s, "
        f"{r['store_bare_again'].get('already', 0):,} already |",
        f"| rebuild the LSH index from the DB ({ns:,} signatures) | {r['index_rebuild_s']:.2f} s |",
        f"| near-duplicate links among {ns:,} | {r['links']} |",
        f"| stories (connected components) | {r['stories']} ({r['stories_multi_outlet']} across 2+ newspapers, "
        f"{r['stories_docs']} documents) in {r['stories_s'] * 1000:.0f} ms |",
        f"| search latency, {ns:,} docs, text queries | median {r['search_c']['median_ms']:.1f} ms, "
        f"slowest query {r['search_c']['max_ms']:.1f} ms |",
        f"| search latency, {na} analysed docs, filter queries | median {r['search_a']['median_ms']:.1f} ms, "
        f"slowest query {r['search_a']['max_ms']:.1f} ms |",
        f"| database size ({ns:,} text-only documents) | {r['db_mb']:.1f} MiB |",
        f"| peak RSS | {r['rss_mb']:.0f} MiB |",
        "",
        "| query | store | median ms | hits |",
        "|---|---|---:|---:|",
    ]
    for key, label in (("search_c", f"{ns:,} text-only"), ("search_a", f"{na} analysed")):
        for q, (ms, n) in r[key]["per_query"].items():
            lines.append(f"| `{q}` | {label} | {ms:.1f} | {n} |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n-analyse", type=int, default=200)
    ap.add_argument("--n-store", type=int, default=2000)
    ap.add_argument("--write", action="store_true", help="record the figures in bench/README.md")
    ap.add_argument("--wall", action="store_true", help="measure elapsed time, not this process's CPU time")
    args = ap.parse_args()
    global clock
    if args.wall:
        clock = time.perf_counter
    from isnad.evaluation.common import DataMissing
    try:
        r = run(args.n_analyse, args.n_store)
    except DataMissing as e:
        print(f"bench_corpus: {e}: nothing to measure")
        return 0
    text = report(r)
    print(text)
    if args.write:
        write_block("bench_corpus", text, heading="corpus",
                    intro="`bench/bench_corpus.py`: SaudiNewsNet articles (day by day, newspapers interleaved, "
                          "as `isnad eval dedup` reads them) into temporary SQLite stores: end-to-end ingest "
                          "(analysis + store), store-only throughput (analysed records; text-only records at "
                          "scale), LSH index rebuild, near-duplicate stories, search latency. Ingest is "
                          "dominated by analysis (see `analyze` above).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
