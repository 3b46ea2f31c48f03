"""Benchmark the times stage: recognition + resolution speed on real news sentences.

Reads the first N SaudiNewsNet articles (day zips read in memory; the corpus text
never leaves the process), prepares them with the stages the times stage needs
(normalize, language, segment, tokenize: not timed), then times
``TimesStage.process`` alone over all of them, best of ``--repeat`` runs, on one
core, in CPU time (``time.process_time``: other work on the machine does not count).  Target: >= 50,000 sentences/s (the stage must never be the slow one).

    .venv/bin/python bench/bench_times.py              # 2,000 articles
    .venv/bin/python bench/bench_times.py --n 5000 --write

With --write the figures go into bench/README.md between the times markers.
Exits 0 with a message when the shared data is absent.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import platform
import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _readme import write_block  # noqa: E402

HERE = Path(__file__).resolve().parent
README = HERE / "README.md"
TARGET = 50_000


def articles(n: int) -> list[tuple[str, str]]:
    from isnad.evaluation.common import shared_data
    folder = shared_data("saudinewsnet", "dataset")
    out = []
    for zpath in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            for name in sorted(z.namelist()):
                for a in json.loads(z.read(name)):
                    out.append((a.get("content") or "", (a.get("date_extracted") or "")[:10] or None))
                    if len(out) >= n:
                        return out
    return out


def run(n: int, repeat: int) -> dict:
    import isnad
    from isnad.stages.times import TimesStage, lexicon

    arts = articles(n)
    prep = isnad.Pipeline(["normalize", "language", "segment", "tokenize"])
    docs = [prep(text, published=pub) for text, pub in arts]
    t0 = time.perf_counter()
    stage = TimesStage()
    t_load = time.perf_counter() - t0
    sentences = sum(len(d.sentences) for d in docs)
    tokens = sum(len(d.tokens) for d in docs)
    chars = sum(len(d.text) for d in docs)
    trig = lexicon().triggers
    with_trigger = sum(1 for d in docs for _ in {t.sent for t in d.tokens if t.norm in trig})
    best = None
    for _ in range(repeat):
        # CPU time of this process: the machine may be busy with other work
        t0 = time.process_time()
        for d in docs:
            stage.process(d)
        dt = time.process_time() - t0
        best = dt if best is None else min(best, dt)
    found = sum(len(d.times) for d in docs)
    resolved = sum(1 for d in docs for t in d.times if t.value)
    return {
        "date": _dt.date.today().isoformat(), "python": platform.python_version(),
        "machine": platform.machine(), "articles": len(docs), "sentences": sentences,
        "tokens": tokens, "chars": chars, "seconds": round(best, 3),
        "sentences_per_s": round(sentences / best), "tokens_per_s": round(tokens / best),
        "docs_per_s": round(len(docs) / best), "lexicon_load_s": round(t_load, 3),
        "sentences_with_trigger": with_trigger, "times_found": found, "times_resolved": resolved,
    }


def render(r: dict) -> str:
    ok = "meets" if r["sentences_per_s"] >= TARGET else "BELOW"
    return "\n".join([
        f"Measured {r['date']} (Python {r['python']}, {r['machine']}, one process): "
        f"`.venv/bin/python bench/bench_times.py --n {r['articles']}`",
        "",
        "| articles | sentences | tokens | times stage | sentences/s | tokens/s | times found (resolved) |",
        "|---|---|---|---|---|---|---|",
        f"| {r['articles']:,} | {r['sentences']:,} | {r['tokens']:,} | {r['seconds']} s | "
        f"**{r['sentences_per_s']:,}** ({ok} the {TARGET:,} target) | {r['tokens_per_s']:,} | "
        f"{r['times_found']:,} ({r['times_resolved']:,}) |",
        "",
        f"{r['sentences_with_trigger']:,} of {r['sentences']:,} sentences hold a trigger word; "
        f"lexicon load {r['lexicon_load_s']} s (once per process).",
    ])


def write(text: str) -> None:
    write_block('bench_times', text, heading='times',
                intro=("`bench/bench_times.py`: the first N SaudiNewsNet articles, prepared "
            "(normalize, language, segment, tokenize) outside the clock, then the times stage alone "
            "(recognition and resolution), best of 3 runs, one process, CPU time (`time.process_time`)."))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="articles (default 2000)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--write", action="store_true", help="record the figures in bench/README.md")
    args = ap.parse_args(argv)
    from isnad.evaluation.common import DataMissing
    try:
        r = run(args.n, args.repeat)
    except DataMissing as e:
        print(f"skipped: {e}")
        return 0
    text = render(r)
    print(text)
    if args.write:
        write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
