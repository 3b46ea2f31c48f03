"""Benchmark `isnad analyze`: N SaudiNewsNet articles through the default pipeline.

Reads the day zips of ../shared/data/saudinewsnet/dataset in memory (zipfile, no
extraction; the corpus text never leaves the process), parses each JSON array
with the project's own reader (isnad.io.readers.read_bytes: the same path as
`isnad analyze day.json`), takes the first N articles in day order, and runs
each through the stages of `isnad.load()` one by one so every stage is timed.
Reports documents/s, characters/s, per-stage time, pipeline load time and peak
RSS (resource.getrusage), and with --write records them in bench/README.md
together with the stage list (the pipeline gains stages over time, so figures
are only comparable for the same list).

    .venv/bin/python bench/bench_analyze.py            # 1,000 documents
    .venv/bin/python bench/bench_analyze.py --n 200 --write

Exits 0 with a message when the shared data is absent.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import resource
import sys
import time
import traceback
import zipfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _readme import write_block  # noqa: E402

HERE = Path(__file__).resolve().parent
README = HERE / "README.md"


def rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (Linux: ru_maxrss in KiB)."""
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r / 1024 if sys.platform != "darwin" else r / 2**20


def current_rss_mb() -> float | None:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return None


def articles(n: int):
    """(InputDoc list, seconds spent reading) for the first n articles."""
    from isnad.evaluation.common import shared_data
    from isnad.io.readers import InputDoc, read_bytes
    folder = shared_data("saudinewsnet", "dataset")
    docs, t_read = [], 0.0
    for zpath in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            for name in sorted(z.namelist()):
                data = z.read(name)
                t0 = time.perf_counter()
                items = list(read_bytes(data, f"{zpath.name}:{name}", name=name))
                t_read += time.perf_counter() - t0
                docs.extend(x for x in items if isinstance(x, InputDoc))
                if len(docs) >= n:
                    return docs[:n], t_read
    return docs, t_read


def run(n: int) -> dict:
    import isnad
    from isnad.document import Document, text_id

    rss_start = current_rss_mb()
    docs, t_read = articles(n)
    if not docs:
        raise SystemExit("no articles read")
    t0 = time.perf_counter()
    nlp = isnad.load()
    t_load = time.perf_counter() - t0
    rss_loaded = current_rss_mb()
    stage_time: dict[str, float] = defaultdict(float)
    failures: list[str] = []
    chars = 0
    t_all = time.perf_counter()
    for item in docs:
        chars += len(item.text)
        meta = dict(item.meta)
        meta.setdefault("input", item.origin)
        doc = Document(item.text, id=item.id or text_id(item.text), meta=meta, kind=item.kind,
                       published=item.published)
        try:
            for stage in nlp.stages:            # as Pipeline.__call__, timed stage by stage
                s = time.perf_counter()
                stage.process(doc)
                doc.provided |= stage.provides
                stage_time[stage.name] += time.perf_counter() - s
            s = time.perf_counter()
            json.dumps(doc.to_json(), ensure_ascii=False)
            stage_time["to_json+dumps"] += time.perf_counter() - s
        except Exception as e:                  # count, as the runner does, and go on
            failures.append(f"{item.origin}: {type(e).__name__}: {e}")
            if len(failures) == 1:
                traceback.print_exc()
    elapsed = time.perf_counter() - t_all
    return {
        "date": _dt.date.today().isoformat(),
        "docs": len(docs), "chars": chars, "failed": len(failures), "failures": failures[:5],
        "seconds": elapsed, "docs_per_s": len(docs) / elapsed, "chars_per_s": chars / elapsed,
        "ms_per_doc": 1000 * elapsed / len(docs),
        "read_seconds": t_read, "load_seconds": t_load,
        "stages": [s.name for s in nlp.stages],
        "stage_seconds": dict(stage_time),
        "rss_start_mb": rss_start, "rss_after_load_mb": rss_loaded, "peak_rss_mb": rss_mb(),
        "python": platform.python_version(), "cpus": os.cpu_count(),
        "machine": platform.machine(),
    }


def report(r: dict, command: str) -> str:
    lines = [
        f"Measured {r['date']} (Python {r['python']}, {r['cpus']} CPUs, {r['machine']}); command:",
        "",
        "```sh",
        command,
        "```",
        "",
        f"Stages (default pipeline, in order): {' → '.join(r['stages'])}",
        "",
        "| figure | value |",
        "|---|---|",
        f"| documents | {r['docs']:,} SaudiNewsNet articles ({r['chars']:,} characters, "
        f"{r['chars'] / r['docs']:,.0f} a document) |",
        f"| throughput | **{r['docs_per_s']:,.1f} docs/s**, **{r['chars_per_s']:,.0f} chars/s** "
        f"({r['ms_per_doc']:.2f} ms a document, one process) |",
        f"| pipeline wall time | {r['seconds']:.2f} s |",
        f"| `isnad.load()` | {r['load_seconds']:.2f} s |",
        f"| reading (zip JSON → documents) | {r['read_seconds']:.2f} s (not in the throughput) |",
        f"| peak RSS | {r['peak_rss_mb']:,.0f} MiB (after load: "
        f"{(r['rss_after_load_mb'] or 0):,.0f} MiB; at start: {(r['rss_start_mb'] or 0):,.0f} MiB) |",
        f"| failed documents | {r['failed']} |",
        "",
        "| stage | total s | ms/doc | share |",
        "|---|---:|---:|---:|",
    ]
    total = sum(r["stage_seconds"].values()) or 1.0
    for name in [*r["stages"], "to_json+dumps"]:
        t = r["stage_seconds"].get(name, 0.0)
        lines.append(f"| {name} | {t:.3f} | {1000 * t / r['docs']:.3f} | {100 * t / total:.1f}% |")
    return "\n".join(lines)


def write_readme(section: str) -> None:
    write_block('bench_analyze', section, heading='analyze')


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="documents to analyse (default 1000)")
    ap.add_argument("--write", action="store_true", help="record the figures in bench/README.md")
    ap.add_argument("--json", metavar="FILE", help="also write the raw figures as JSON")
    args = ap.parse_args(argv)
    from isnad.evaluation.common import DataMissing
    try:
        r = run(args.n)
    except DataMissing as e:
        print(f"bench_analyze: skipped: {e}", file=sys.stderr)
        return 0
    cmd = ".venv/bin/python bench/bench_analyze.py" + (f" --n {args.n}" if args.n != 1000 else "") + " --write"
    section = report(r, cmd)
    print(section)
    if r["failures"]:
        print("\nfirst failures:\n  " + "\n  ".join(r["failures"]), file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps(r, indent=2), encoding="utf-8")
    if args.write:
        write_readme(section)
        print(f"\nwritten to {README}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
