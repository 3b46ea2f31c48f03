"""Profile the default pipeline: per-stage time, throughput, memory, hot spots, scaling.

Four measurements, one process, 2-CPU machine figures in bench/README.md:

1. **SaudiNewsNet**: the first N articles in day order (default 300; day zips
   read in memory, parsed with ``isnad.io.readers.read_bytes`` as ``isnad
   analyze`` would; published = the crawl date), each through the stages of
   ``isnad.load()`` one by one, then ``to_json`` + ``json.dumps``.  Stages are
   timed in CPU time (``time.process_time``: the machine is shared, and other
   people's jobs inflate wall time, not CPU time); the wall time of the whole run
   is reported beside it.  Reports docs/s, chars/s, per-stage totals and shares,
   and the slowest documents.
2. **The bundled example**, warmed up, best of 5 runs per stage.
3. **Memory**: RSS at start, after ``isnad.load()``, and the peak
   (``ru_maxrss``) after everything.
4. **Hot spots**: the same articles again under cProfile (not timed: the
   profiler's overhead distorts the stage shares); the functions with the most
   own time, grouped by module.
5. **Scaling** (``--scaling``): synthetic documents of 1,000 to 8,000 tokens —
   one long sentence of news words, the same words cut into 15-word sentences, and
   ``قال إن`` repeated — per-stage time at each size and the growth exponent k of
   t ∝ n^k over the last doubling (k ≈ 1 linear, k ≈ 2 quadratic).

    .venv/bin/python bench/profile_pipeline.py                  # 300 articles, no scaling
    .venv/bin/python bench/profile_pipeline.py --scaling --write
    .venv/bin/python bench/profile_pipeline.py --n 100 --top 30 --json out.json

Exits 0 with a message when the shared data is absent (the example and the
scaling run still work with ``--no-corpus``).
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as _dt
import io
import json
import math
import os
import platform
import pstats
import resource
import sys
import time
import zipfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _readme import write_block  # noqa: E402

HERE = Path(__file__).resolve().parent
README = HERE / "README.md"
SRC = str((HERE.parent / "src" / "isnad").resolve())
CLOCK = time.process_time          # CPU time of this process (see the docstring)

NEWS_WORDS = ("قال أعلن مصدر خاص إن قوات الجيش السوري دخلت مدينة حلب أمس بعد هجوم على مواقع "
              "تنظيم داعش في ريف دير الزور وقتل 5 مدنيين يوم الخميس الماضي حسب وكالة سانا").split()


def peak_rss_mb() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r / 1024 if sys.platform != "darwin" else r / 2**20


def current_rss_mb() -> float | None:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return None


def _loadavg() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:
        return 0.0


def articles(n: int):
    """[(InputDoc, published)] for the first n SaudiNewsNet articles in day order."""
    from isnad.evaluation.common import shared_data
    from isnad.io.readers import InputDoc, read_bytes
    folder = shared_data("saudinewsnet", "dataset")
    out = []
    for zpath in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            for name in sorted(z.namelist()):
                for x in read_bytes(z.read(name), f"{zpath.name}:{name}", name=name):
                    if isinstance(x, InputDoc):
                        raw = x.meta.get("date_extracted") or zpath.stem
                        out.append((x, str(raw)[:10]))
                        if len(out) >= n:
                            return out
    return out


def make_doc(item, published):
    from isnad.document import Document, text_id
    meta = dict(item.meta)
    meta.setdefault("input", item.origin)
    return Document(item.text, id=item.id or text_id(item.text), meta=meta, kind=item.kind,
                    published=item.published or published)


def run_stages(nlp, doc, times: dict[str, float]) -> None:
    """As Pipeline.__call__, timed stage by stage (adds into ``times``)."""
    for stage in nlp.stages:
        s = CLOCK()
        stage.process(doc)
        doc.provided |= stage.provides
        times[stage.name] += CLOCK() - s
    s = CLOCK()
    json.dumps(doc.to_json(), ensure_ascii=False)
    times["to_json+dumps"] += CLOCK() - s


# --------------------------------------------------------------------------- measurements

def measure_corpus(nlp, items) -> dict:
    stage_time: dict[str, float] = defaultdict(float)
    per_doc = []
    failures = []
    chars = 0
    t_all, c_all = time.perf_counter(), CLOCK()
    for item, published in items:
        chars += len(item.text)
        doc = make_doc(item, published)
        t0 = CLOCK()
        try:
            run_stages(nlp, doc, stage_time)
        except Exception as e:  # count, as the runner does, and go on
            failures.append(f"{item.origin}: {type(e).__name__}: {e}")
        per_doc.append((CLOCK() - t0, len(item.text), len(doc.tokens), item.origin))
    wall = time.perf_counter() - t_all
    elapsed = CLOCK() - c_all
    per_doc.sort(reverse=True)
    ms = sorted(1000 * d[0] for d in per_doc)
    return {
        "docs": len(items), "chars": chars, "seconds": elapsed, "wall_seconds": wall,
        "docs_per_s": len(items) / elapsed, "chars_per_s": chars / elapsed,
        "stage_seconds": dict(stage_time), "failed": len(failures), "failures": failures[:5],
        "median_ms": ms[len(ms) // 2], "p95_ms": ms[int(len(ms) * 0.95)], "max_ms": ms[-1],
        "slowest": [{"seconds": round(t, 3), "chars": c, "tokens": k, "origin": o} for t, c, k, o in per_doc[:5]],
    }


def measure_example(nlp, repeats: int = 5) -> dict:
    import isnad
    text = isnad.example_text()
    best: dict[str, float] = {}
    for _ in range(repeats + 1):                       # the first run warms caches
        times: dict[str, float] = defaultdict(float)
        doc = isnad.Document(text, published="2022-01-27")
        run_stages(nlp, doc, times)
        for k, v in times.items():
            best[k] = min(best.get(k, math.inf), v)
    return {"chars": len(text), "tokens": len(doc.tokens), "stage_seconds": best,
            "total": sum(best.values())}


def profile_corpus(nlp, items, top: int) -> dict:
    """One profiler per stage (enabled only while that stage runs: only one profiler
    can be active at a time), so each stage's hot spots are its own; the whole run is
    their sum."""
    per_stage = {s.name: cProfile.Profile() for s in nlp.stages}
    for item, published in items:
        doc = make_doc(item, published)
        try:
            for stage in nlp.stages:
                prof = per_stage[stage.name]
                prof.enable()
                try:
                    stage.process(doc)
                finally:
                    prof.disable()
                doc.provided |= stage.provides
        except Exception:
            pass
    profs = [p for p in per_stage.values() if p.getstats()]
    out = _rows(profs, top)
    out["stages"] = {name: _rows([prof], 5) for name, prof in per_stage.items() if prof.getstats()}
    return out


def _rows(profs: list, top: int) -> dict:
    st = pstats.Stats(profs[0], stream=io.StringIO())
    for p in profs[1:]:
        st.add(p)
    total = sum(v[2] for v in st.stats.values()) or 1.0
    rows = []
    by_module: dict[str, float] = defaultdict(float)
    for (fname, line, func), (cc, nc, tt, ct, _callers) in st.stats.items():
        short = _short(fname)
        by_module[short] += tt
        rows.append({"function": f"{short}:{line}({func})", "calls": nc, "own_s": tt, "cum_s": ct})
    rows.sort(key=lambda r: -r["own_s"])
    mods = sorted(by_module.items(), key=lambda kv: -kv[1])
    return {"total_own_s": total, "top": rows[:top],
            "modules": [{"module": m, "own_s": s, "share": s / total} for m, s in mods[:top]]}


def _short(fname: str) -> str:
    if fname.startswith(SRC):
        return "isnad" + fname[len(SRC):]
    if "site-packages/" in fname:
        return fname.split("site-packages/", 1)[1]
    if fname == "~":
        return "(built-ins)"
    if fname.startswith("<"):
        return fname
    return os.path.basename(fname)


def synthetic(kind: str, n: int) -> str:
    """n tokens (roughly) of a document shape that stresses one thing."""
    w = NEWS_WORDS
    if kind == "one sentence":
        return " ".join(w[(i * 7) % len(w)] for i in range(n))
    if kind == "sentences":
        return " ".join(" ".join(w[(i * 7 + j) % len(w)] for j in range(14)) + "." for i in range(n // 15))
    if kind == "قال إن":
        return "قال إن " * (n // 2)
    raise ValueError(kind)


SCALING_KINDS = ("one sentence", "sentences", "قال إن")


def measure_scaling(nlp, sizes: list[int]) -> dict:
    import isnad
    out = {}
    for kind in SCALING_KINDS:
        rows = []
        for n in sizes:
            times: dict[str, float] = defaultdict(float)
            doc = isnad.Document(synthetic(kind, n), published="2015-08-01")
            t0 = CLOCK()
            run_stages(nlp, doc, times)
            rows.append({"tokens": len(doc.tokens), "total": CLOCK() - t0,
                         "stages": dict(times)})
        out[kind] = rows
    return out


def exponent(rows: list[dict], key: str | None) -> float | None:
    """Growth exponent k of t ∝ n^k: the least-squares slope of log t on log n over the
    sizes where the stage took at least 20 ms (None with fewer than two such sizes)."""
    pts = [(math.log(r["tokens"]), math.log(t)) for r in rows
           if (t := r["total"] if key is None else r["stages"].get(key, 0.0)) >= 0.02 and r["tokens"] > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sxx if sxx else None


# --------------------------------------------------------------------------- report

def report(r: dict, command: str) -> str:
    load = r.get("loadavg")
    busy = f", load average {load[0]:.1f} → {load[1]:.1f}: a shared machine, hence CPU time" \
        if load and max(load) > 1.5 else ""
    L = [f"Measured {r['date']} (Python {r['python']}, {r['cpus']} CPUs, {r['machine']}, one process{busy}); "
         "command:",
         "", "```sh", command, "```", "",
         f"Stages (default pipeline, in order): {' → '.join(r['stages'])}", ""]
    c = r.get("corpus")
    L += ["| figure | value |", "|---|---|"]
    if c:
        L += [f"| documents | {c['docs']:,} SaudiNewsNet articles, first in day order "
              f"({c['chars']:,} characters, {c['chars'] / c['docs']:,.0f} a document) |",
              f"| throughput (CPU time) | **{c['docs_per_s']:,.1f} docs/s**, {c['chars_per_s']:,.0f} chars/s "
              f"({c['seconds']:.1f} s CPU, {c['wall_seconds']:.1f} s wall) |",
              f"| per document | median {c['median_ms']:.0f} ms, p95 {c['p95_ms']:.0f} ms, "
              f"max {c['max_ms']:.0f} ms |",
              f"| failed documents | {c['failed']} |"]
    e = r["example"]
    L += [f"| bundled example (CPU time) | {1000 * e['total']:.1f} ms ({e['chars']:,} characters, {e['tokens']} tokens; "
          f"best of 5, warm) |",
          f"| `isnad.load()` | {r['load_seconds']:.2f} s |",
          f"| memory | peak RSS **{r['peak_rss_mb']:,.0f} MiB** (at start {r['rss_start_mb'] or 0:,.0f} MiB, "
          f"after load {r['rss_after_load_mb'] or 0:,.0f} MiB) |", ""]
    names = [*r["stages"], "to_json+dumps"]
    if c:
        total = sum(c["stage_seconds"].values()) or 1.0
        L += ["| stage | corpus CPU s | ms/doc | share | example ms |", "|---|---:|---:|---:|---:|"]
        for nme in names:
            t = c["stage_seconds"].get(nme, 0.0)
            L.append(f"| {nme} | {t:.2f} | {1000 * t / c['docs']:.2f} | {100 * t / total:.1f}% | "
                     f"{1000 * e['stage_seconds'].get(nme, 0.0):.2f} |")
        L += ["", "Slowest documents: " + "; ".join(
            f"{s['origin'].split('#')[-1]} of {s['origin'].split(':')[0]} ({s['seconds']:.2f} s, "
            f"{s['tokens']:,} tokens)" for s in c["slowest"][:3]) + "."]
    else:
        L += ["| stage | example ms |", "|---|---:|"]
        for nme in names:
            L.append(f"| {nme} | {1000 * e['stage_seconds'].get(nme, 0.0):.2f} |")
    p = r.get("profile")
    if p:
        L += ["", f"Hot spots (cProfile over the same articles; own time, {p['total_own_s']:.1f} s in all, "
              "profiler overhead included):", "",
              "| module | own s | share |", "|---|---:|---:|"]
        for m in p["modules"][:8]:
            L.append(f"| `{m['module']}` | {m['own_s']:.2f} | {100 * m['share']:.1f}% |")
        L += ["", "| function | calls | own s | cumulative s |", "|---|---:|---:|---:|"]
        for f in p["top"][:10]:
            L.append(f"| `{f['function']}` | {f['calls']:,} | {f['own_s']:.2f} | {f['cum_s']:.2f} |")
        slow = sorted(p["stages"].items(), key=lambda kv: -kv[1]["total_own_s"])[:5]
        L += ["", "Per stage (profiler on only while the stage runs), the five slowest stages and their "
              "top functions by own time:", "", "| stage | profiled s | top functions (own s) |", "|---|---:|---|"]
        for name, sp in slow:
            fs = "; ".join(f"`{f['function']}` {f['own_s']:.2f}" for f in sp["top"][:3])
            L.append(f"| {name} | {sp['total_own_s']:.2f} | {fs} |")
    s = r.get("scaling")
    if s:
        L += ["", "Scaling: CPU seconds for one synthetic document of n tokens, and the growth exponent k "
              "(t ∝ n^k, fitted over the sizes where the stage took ≥ 20 ms; 1 = linear, 2 = quadratic; "
              "— where too fast to tell). "
              "Stages over 0.1 s at the largest size:", ""]
        for kind, rows in s.items():
            big = rows[-1]["stages"]
            keys = [k for k in names if big.get(k, 0.0) >= 0.1]
            ns = [f"{row['tokens']:,}" for row in rows]
            L += [f"*{kind}* ({', '.join(ns)} tokens):", "",
                  "| stage | " + " | ".join(ns) + " | k |",
                  "|---|" + "---:|" * (len(rows) + 1)]
            for k in [None, *keys]:
                vals = [row["total"] if k is None else row["stages"].get(k, 0.0) for row in rows]
                ex = exponent(rows, k)
                label = "**all**" if k is None else k
                k_txt = "—" if ex is None else f"{ex:.1f}"
                L.append(f"| {label} | " + " | ".join(f"{v:.2f}" for v in vals) + f" | {k_txt} |")
            L.append("")
    return "\n".join(L).rstrip()


def write_readme(section: str) -> None:
    write_block('profile_pipeline', section, heading='profile',
                intro=("`bench/profile_pipeline.py`: per-stage time of the "
                "default pipeline on SaudiNewsNet articles and on the bundled example, throughput, peak RSS, "
                "cProfile hot spots and (with `--scaling`) how each stage grows with document length. "
                "Findings and optimisation suggestions: `notes/QA.md`."))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=300, help="SaudiNewsNet articles (default 300)")
    ap.add_argument("--no-corpus", action="store_true", help="only the example (and --scaling)")
    ap.add_argument("--no-profile", action="store_true", help="skip the cProfile pass")
    ap.add_argument("--top", type=int, default=25, help="functions and modules to keep from cProfile")
    ap.add_argument("--scaling", action="store_true", help="also time synthetic documents of growing size")
    ap.add_argument("--sizes", default="1000,2000,4000,8000", help="token counts for --scaling")
    ap.add_argument("--write", action="store_true", help="record the figures in bench/README.md")
    ap.add_argument("--json", metavar="FILE", help="also write the raw figures as JSON")
    args = ap.parse_args(argv)

    import isnad
    from isnad.evaluation.common import DataMissing
    r: dict = {"date": _dt.date.today().isoformat(), "python": platform.python_version(),
               "cpus": os.cpu_count(), "machine": platform.machine(), "rss_start_mb": current_rss_mb(),
               "loadavg": [_loadavg()]}
    items = []
    if not args.no_corpus:
        try:
            items = articles(args.n)
        except DataMissing as e:
            print(f"profile_pipeline: skipped: {e} (use --no-corpus for the example alone)", file=sys.stderr)
            return 0
    t0 = time.perf_counter()
    nlp = isnad.load()
    r["load_seconds"] = time.perf_counter() - t0
    r["rss_after_load_mb"] = current_rss_mb()
    r["stages"] = nlp.names
    r["example"] = measure_example(nlp)
    if items:
        r["corpus"] = measure_corpus(nlp, items)
        if not args.no_profile:
            r["profile"] = profile_corpus(nlp, items, args.top)
    if args.scaling:
        r["scaling"] = measure_scaling(nlp, [int(x) for x in args.sizes.split(",")])
    r["peak_rss_mb"] = peak_rss_mb()
    r["loadavg"].append(_loadavg())

    cmd = ".venv/bin/python bench/profile_pipeline.py" + (f" --n {args.n}" if args.n != 300 else "") \
        + (" --no-corpus" if args.no_corpus else "") + (" --no-profile" if args.no_profile else "") \
        + (" --scaling" if args.scaling else "") \
        + (f" --sizes {args.sizes}" if args.scaling and args.sizes != "1000,2000,4000,8000" else "") + " --write"
    section = report(r, cmd)
    print(section)
    if r.get("corpus", {}).get("failures"):
        print("\nfirst failures:\n  " + "\n  ".join(r["corpus"]["failures"]), file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps(r, indent=2, ensure_ascii=False), encoding="utf-8")
    if args.write:
        write_readme(section)
        print(f"\nwritten to {README}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
