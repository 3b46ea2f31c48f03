"""Benchmark the attribution and claims stages on SaudiNewsNet articles.

Reads the first N articles of the corpus (day zips read in memory; no corpus text leaves
the process), runs the stages attribution needs (the default pipeline's stages up to and
including ``actors``, with ``ner`` when it is in the default pipeline: not timed), then
times ``AttributionStage.process`` + ``ClaimsStage.process`` alone, best of ``--repeat``
runs, in CPU time (``time.process_time``).  Target: at most 30 ms a document.

    .venv/bin/python bench/bench_attribution.py            # 200 articles
    .venv/bin/python bench/bench_attribution.py --n 1000 --write

With --write the figures go into bench/README.md between the attribution markers.
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

HERE = Path(__file__).resolve().parent
README = HERE / "README.md"
START, END = "<!-- bench_attribution:start -->", "<!-- bench_attribution:end -->"
TARGET_MS = 30.0


def articles(n: int) -> list[str]:
    from isnad.evaluation.common import shared_data
    folder = shared_data("saudinewsnet", "dataset")
    out = []
    for zpath in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            for name in sorted(z.namelist()):
                for a in json.loads(z.read(name)):
                    out.append(a.get("content") or "")
                    if len(out) >= n:
                        return out
    return out


def run(n: int, repeat: int) -> dict:
    import copy

    import isnad
    from isnad.stages import DEFAULT
    from isnad.stages.attribution import AttributionStage
    from isnad.stages.claims import ClaimsStage

    upstream = [s for s in DEFAULT if s in ("normalize", "language", "segment", "tokenize", "doc_kind", "ner",
                                             "actors")]
    prep = isnad.load(upstream)
    docs = [prep(t) for t in articles(n)]
    att, cla = AttributionStage(), ClaimsStage()
    best = None
    for _ in range(repeat):
        work = [copy.copy(d) for d in docs]
        t0 = time.process_time()
        for d in work:
            att.process(d)
            cla.process(d)
        dt = time.process_time() - t0
        best = dt if best is None else min(best, dt)
    n_att = sum(len(d.attributions) for d in work)
    return {"docs": len(docs), "chars": sum(len(d.text) for d in docs), "upstream": upstream,
            "seconds": best, "ms_per_doc": 1000 * best / max(1, len(docs)), "attributions": n_att,
            "claims": sum(len(d.claims) for d in work)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)
    try:
        r = run(args.n, args.repeat)
    except Exception as e:       # shared data absent
        from isnad.evaluation.common import DataMissing
        if isinstance(e, DataMissing):
            print(f"bench_attribution: {e}")
            return 0
        raise
    ok = r["ms_per_doc"] <= TARGET_MS
    lines = [
        f"Measured {_dt.date.today().isoformat()} (Python {platform.python_version()}, {platform.machine()}); command:",
        "", "```sh", f".venv/bin/python bench/bench_attribution.py --n {args.n} --write", "```", "",
        f"Upstream (not timed): {' → '.join(r['upstream'])}", "",
        "| figure | value |", "|---|---|",
        f"| documents | {r['docs']:,} SaudiNewsNet articles ({r['chars']:,} characters) |",
        f"| attribution + claims | **{r['ms_per_doc']:.2f} ms a document** (CPU, best of {args.repeat}; "
        f"target ≤ {TARGET_MS:.0f}: {'met' if ok else 'NOT met'}) |",
        f"| output | {r['attributions']:,} attributions, {r['claims']:,} claims |",
    ]
    print("\n".join(lines))
    if args.write:
        text = README.read_text(encoding="utf-8")
        block = START + "\n" + "\n".join(lines) + "\n" + END
        if START in text:
            a, b = text.index(START), text.index(END) + len(END)
            text = text[:a] + block + text[b:]
        else:
            text += ("\n## attribution\n\n`bench/bench_attribution.py`: the attribution and claims stages alone "
                     "on SaudiNewsNet articles (upstream stages not timed), CPU time.\n\n" + block + "\n")
        README.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
