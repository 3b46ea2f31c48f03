"""Benchmark the actor registry and the actors stage.

1. Registry load: ``isnad.actors.registry()`` from scratch (all YAML files parsed,
   records checked, matchers built) in a fresh Python process each time, median of
   ``--loads`` runs, wall and CPU time.  Target: < 0.3 s.
2. The actors stage alone on the first N SaudiNewsNet articles (day zips read in
   memory; the corpus text never leaves the process), prepared with normalize,
   language, segment, tokenize, doc_kind outside the clock; best of ``--repeat``
   runs, CPU time (``time.process_time``: other work on the machine does not count).
3. Registry counts per type.

    .venv/bin/python bench/bench_actors.py
    .venv/bin/python bench/bench_actors.py --n 2000 --write

With --write the figures go into bench/README.md between the actors markers.  The
stage part is skipped with a message when the shared data is absent.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import platform
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _readme import write_block  # noqa: E402

HERE = Path(__file__).resolve().parent
README = HERE / "README.md"
TARGET_LOAD = 0.3

_LOAD = ("import time; import isnad.actors as A; w=time.perf_counter(); c=time.process_time(); "
         "A.registry(); print(time.perf_counter()-w, time.process_time()-c)")


def load_times(n: int) -> tuple[float, float]:
    wall, cpu = [], []
    for _ in range(n):
        out = subprocess.run([sys.executable, "-c", _LOAD], capture_output=True, text=True, check=True)
        w, c = map(float, out.stdout.split())
        wall.append(w)
        cpu.append(c)
    return statistics.median(wall), statistics.median(cpu)


def articles(n: int) -> list[tuple[str, str | None]]:
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


def stage_figures(n: int, repeat: int) -> dict:
    import isnad
    from isnad.stages.actors import ActorsStage

    prep = isnad.Pipeline(["normalize", "language", "segment", "tokenize", "doc_kind"])
    docs = [prep(text, published=pub) for text, pub in articles(n)]
    stage = ActorsStage()
    best = None
    for _ in range(repeat):
        for d in docs:
            d.entities = []
        t0 = time.process_time()
        for d in docs:
            stage.process(d)
        dt = time.process_time() - t0
        best = dt if best is None else min(best, dt)
    ents = [e for d in docs for e in d.entities]
    return {
        "articles": len(docs), "tokens": sum(len(d.tokens) for d in docs),
        "chars": sum(len(d.text) for d in docs), "seconds": round(best, 3),
        "tokens_per_s": round(sum(len(d.tokens) for d in docs) / best),
        "docs_per_s": round(len(docs) / best), "entities": len(ents),
        "linked": sum(1 for e in ents if e.actor), "open": sum(1 for e in ents if not e.actor),
        "descriptors": sum(1 for e in ents if e.extra.get("mention") == "descriptor"),
        "distinct_actors": len({e.actor.id for e in ents if e.actor}),
    }


def registry_figures() -> dict:
    from isnad import actors
    reg = actors.registry()
    by_type: dict[str, int] = {}
    for a in reg:
        by_type[a.type] = by_type.get(a.type, 0) + 1
    names = sum(len(a.all_names()) for a in reg)
    return {"actors": len(reg), "names": names, "by_type": dict(sorted(by_type.items())),
            "wikidata": sum(1 for a in reg if a.wikidata),
            "files": [p.name for p in actors.registry_files()]}


def render(r: dict) -> str:
    ok = "meets" if r["load_wall"] < TARGET_LOAD else "ABOVE"
    lines = [
        f"Measured {r['date']} (Python {r['python']}, {r['machine']}, load average {r['loadavg']}): "
        f"`.venv/bin/python bench/bench_actors.py --n {r.get('stage', {}).get('articles', 0)}`",
        "",
        f"Registry: **{r['reg']['actors']} actors**, {r['reg']['names']:,} names and aliases (before "
        f"spelling variants), {r['reg']['wikidata']} with a Wikidata Q-id, {len(r['reg']['files'])} files.",
        "",
        "| type | actors |", "|---|---:|",
        *[f"| {t} | {n} |" for t, n in r["reg"]["by_type"].items()],
        "",
        f"Load from scratch (fresh process, median of {r['loads']}): **{r['load_wall']:.3f} s wall** "
        f"({ok} the {TARGET_LOAD} s target), {r['load_cpu']:.3f} s CPU.",
    ]
    s = r.get("stage")
    if s:
        lines += [
            "",
            "| articles | tokens | actors stage (CPU) | tokens/s | docs/s | entities | linked | open (ambiguous) | descriptors | distinct actors |",
            "|---|---|---|---|---|---|---|---|---|---|",
            f"| {s['articles']:,} | {s['tokens']:,} | {s['seconds']} s | **{s['tokens_per_s']:,}** | "
            f"{s['docs_per_s']:,} | {s['entities']:,} | {s['linked']:,} | {s['open']:,} | "
            f"{s['descriptors']:,} | {s['distinct_actors']:,} |",
        ]
    return "\n".join(lines)


def write(text: str) -> None:
    write_block('bench_actors', text, heading='actors',
                intro=("`bench/bench_actors.py`: the registry's load time from scratch (fresh "
            "process, all YAML parsed, matchers built) and the actors stage alone on the first N "
            "SaudiNewsNet articles (prepared outside the clock; best of 3, CPU time)."))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="articles (default 1000)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--loads", type=int, default=5)
    ap.add_argument("--write", action="store_true", help="record the figures in bench/README.md")
    args = ap.parse_args(argv)
    import os
    wall, cpu = load_times(args.loads)
    r = {"date": _dt.date.today().isoformat(), "python": platform.python_version(),
         "machine": platform.machine(), "loadavg": f"{os.getloadavg()[0]:.1f}",
         "loads": args.loads, "load_wall": wall, "load_cpu": cpu, "reg": registry_figures()}
    from isnad.evaluation.common import DataMissing
    try:
        r["stage"] = stage_figures(args.n, args.repeat)
    except DataMissing as e:
        print(f"stage part skipped: {e}")
    text = render(r)
    print(text)
    if args.write:
        write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
