"""Benchmark the packaged NER tagger alone: load time, tagging speed, memory, and a
fingerprint of its output (to check that a speed change leaves the tags unchanged).

    taskset -c 0 .venv/bin/python bench/bench_ner.py          # one core
    taskset -c 0 .venv/bin/python bench/bench_ner.py --tags /tmp/tags.txt   # also write the tags
    taskset -c 0 .venv/bin/python bench/bench_ner.py --docs 300  # the ner stage on 300 articles

Tags the ANERcorp train.tsv dev slice (last 500 sentences) and test.tsv exactly as
``isnad tag --conll`` / ``isnad eval ner`` do (chunks of 256 sentences, document=True)
and reports: model load (wall and CPU seconds; the process is fresh, so this includes
reading every file), tokens per wall-second and per CPU-second, the resident set after
import, after load and at the end (peak), and the SHA-1 of every predicted tag in order.
No score is printed: this is for speed and identity only (`isnad eval ner` scores).

With ``--docs N`` it instead runs the default pipeline's stages before ``ner`` on the
first N SaudiNewsNet articles (read as bench/bench_analyze.py reads them), then times the
``ner`` stage alone on them (CPU seconds, so figures taken on a busy machine compare) and
fingerprints the entities.
Exits 0 with a message when the shared data is absent.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import resource
import sys
import time


def current_rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tags", default=None, help="write the predicted tags here (one per line)")
    ap.add_argument("--repeat", type=int, default=1, help="tag the sets this many times")
    ap.add_argument("--docs", type=int, default=0, help="time the ner stage on N articles")
    args = ap.parse_args(argv)
    if args.docs:
        return stage_bench(args.docs)
    from isnad.evaluation.common import DataMissing, shared_data
    from isnad.evaluation.ner import read_conll
    from isnad.io.conll import tag_sentences
    import isnad.models.ner as M
    try:
        train = read_conll(shared_data("anercorp", "split", "train.tsv"))
        test = read_conll(shared_data("anercorp", "split", "test.tsv"))
    except DataMissing as e:
        print(f"skipped: {e}")
        return 0
    sets = {"dev": [[w for w, _ in s] for s in train[-500:]],
            "test": [[w for w, _ in s] for s in test]}
    rss0 = current_rss_mb()
    w, c = time.perf_counter(), time.process_time()
    tagger = M.load_tagger()
    load_wall, load_cpu = time.perf_counter() - w, time.process_time() - c
    rss1 = current_rss_mb()
    peak1 = peak_rss_mb()
    h = hashlib.sha1()
    lines = []
    ntok = 0
    w, c = time.perf_counter(), time.process_time()
    for _ in range(args.repeat):
        for name, sents in sets.items():
            pred = tag_sentences(tagger, sents)
            ntok += sum(map(len, sents))
            for s in pred:
                for t in s:
                    h.update(t.encode() + b"\n")
                    lines.append(t)
                h.update(b"\n")
    wall, cpu = time.perf_counter() - w, time.process_time() - c
    if args.tags:
        with open(args.tags, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    print(f"load {load_wall:.2f} s wall, {load_cpu:.2f} s CPU")
    print(f"tagging {ntok:,} tokens: {ntok / wall:,.0f} tok/s wall, {ntok / cpu:,.0f} tok/CPU-s")
    print(f"RSS after import {rss0:.0f} MiB, after load {rss1:.0f} MiB (peak {peak1:.0f}), "
          f"end {current_rss_mb():.0f} MiB, peak {peak_rss_mb():.0f} MiB")
    print(f"tags sha1 {h.hexdigest()}")
    return 0


def stage_bench(n: int) -> int:
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import isnad
    from bench_analyze import articles
    from isnad.document import Document, text_id
    from isnad.evaluation.common import DataMissing
    try:
        items, _ = articles(n)
    except DataMissing as e:
        print(f"skipped: {e}")
        return 0
    rss0 = current_rss_mb()
    nlp = isnad.load()
    rss1 = current_rss_mb()
    stages = [s.name for s in nlp.stages]
    before = nlp.stages[:stages.index("ner")]
    ner = nlp.stages[stages.index("ner")]
    docs = []
    for item in items:
        doc = Document(item.text, id=item.id or text_id(item.text), meta=dict(item.meta),
                       kind=item.kind, published=item.published)
        for st in before:
            st.process(doc)
            doc.provided |= st.provides
        docs.append(doc)
    ntok = sum(len(d.tokens) for d in docs)
    h = hashlib.sha1()
    w, c = time.perf_counter(), time.process_time()
    for doc in docs:
        ner.process(doc)
    wall, cpu = time.perf_counter() - w, time.process_time() - c
    for doc in docs:
        for e in doc.entities:
            h.update(f"{doc.id}\t{e.start}\t{e.end}\t{e.label}\n".encode())
    print(f"ner stage on {len(docs)} articles ({ntok:,} tokens): {cpu:.2f} CPU-s "
          f"({1000 * cpu / len(docs):.1f} ms/doc, {ntok / cpu:,.0f} tok/CPU-s), {wall:.2f} s wall")
    print(f"RSS after import {rss0:.0f} MiB, after isnad.load() {rss1:.0f} MiB, "
          f"end {current_rss_mb():.0f} MiB, peak {peak_rss_mb():.0f} MiB")
    print(f"entities {sum(len(d.entities) for d in docs):,}, sha1 {h.hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
