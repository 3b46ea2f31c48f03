"""Benchmark the check-worthiness scorer: artefact size, load time, scoring speed.

Load time is measured in fresh interpreter processes (the import of numpy and
isnad is timed apart from reading the model), best and median of 5.  Scoring
speed is measured on news sentences — the first N sentences (10–400 characters)
of SaudiNewsNet articles, read in memory from the day zips and split with
isnad's sentence splitter; the text never leaves the process — because in isnad
the scorer reads claims from news, not tweets.

    .venv/bin/python bench/bench_checkworthy.py            # 5,000 sentences
    .venv/bin/python bench/bench_checkworthy.py --write    # record in bench/README.md

Before/after: ``--before REF`` (default ``a5622c7``, the last commit with the
per-claim scorer) reads that commit's scorer module and model with ``git show``
into a temporary folder and times both scorers in this one process on the
claims the default pipeline emits for the first ``--articles`` SaudiNewsNet
articles (one call per document, as the stage does), alternating rounds, so
machine load hits both alike.  ``--before ''`` skips it.

Exits 0 with a message when the shared data is absent (size and load time are
still printed).
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import platform
import statistics
import importlib.util
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _readme import write_block  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

README = HERE / "README.md"
LOAD_TARGET_S = 0.5
# The scorer before the per-word cache and the batched predict step (model checkworthy-ar-lr-2026-11-25,
# commit a5622c7: one Python dict lookup per character n-gram and one numpy call per claim and block),
# measured with this script on 2026-11-26, same 5,000 sentences, best of 3, CPU time.
BEFORE = {"sentences_per_s": 2132, "chars_per_s": 316974, "load_median": 0.147, "size_mb": 2.41,
          "features": 119375}
SIZE_TARGET_MB = 20.0

_CHILD = r"""
import json, time
t0 = time.perf_counter()
import numpy, isnad.models.checkworthy as cw
t1 = time.perf_counter()
s = cw.load()
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load": t2 - t1}))
"""


def load_times(runs: int = 5) -> dict:
    out = []
    for _ in range(runs):
        r = subprocess.run([sys.executable, "-c", _CHILD], capture_output=True, text=True, check=True,
                           cwd=ROOT)
        out.append(json.loads(r.stdout))
    loads = [o["load"] for o in out]
    return {"load_best": min(loads), "load_median": statistics.median(loads),
            "import_median": statistics.median(o["import"] for o in out)}


def news_sentences(n: int) -> list[str]:
    from isnad.evaluation.common import shared_data
    from isnad.text.segment import split_sentences
    out: list[str] = []
    for z in sorted(shared_data("saudinewsnet", "dataset").glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                for art in json.loads(zf.read(name)):
                    text = art.get("content") or ""
                    for s, e in split_sentences(text):
                        sent = text[s:e].strip()
                        if 10 <= len(sent) <= 400:
                            out.append(sent)
                            if len(out) >= n:
                                return out
    return out


def measure(n: int, batch: int = 8) -> dict:
    from isnad.models import checkworthy as cw
    folder = Path(cw.__file__).parent
    res = {"size_mb": sum((folder / f).stat().st_size for f in (cw.MODEL_FILE, cw.WEIGHTS_FILE)) / 1e6}
    res.update(load_times())
    scorer = cw.load()
    res["features"] = sum(len(b.index) for b in scorer.blocks)
    try:
        sents = news_sentences(n)
    except Exception as e:  # DataMissing and friends
        print(f"bench_checkworthy: no news sentences ({e}); scoring speed not measured")
        return res
    batches = [sents[i:i + batch] for i in range(0, len(sents), batch)]

    def run(sc) -> tuple[float, list]:
        t0 = time.process_time()
        out: list = []
        for b in batches:                  # one call per "document" of `batch` claims, as the stage does
            out.extend(sc.score(b))
        return time.process_time() - t0, out

    cold, p = run(cw.read(folder))         # a fresh scorer: empty word-form cache
    best = min(run(scorer)[0] for _ in range(3))
    res["cold_s"] = cold
    chars = sum(map(len, sents))
    res.update({"sentences": len(sents), "chars": chars, "score_s": best, "batch": batch,
                "cold_sentences_per_s": len(sents) / cold,
                "sentences_per_s": len(sents) / best, "chars_per_s": chars / best,
                "mean_score": sum(p) / len(p),
                "share_above_threshold": sum(x >= scorer.threshold for x in p) / len(p)})
    return res


def before_after(ref: str, n_articles: int) -> dict:
    """Old scorer (git ``ref``) vs the current one on the default pipeline's claims."""
    from isnad import Pipeline
    from isnad.evaluation.common import shared_data
    from isnad.models import checkworthy as cw
    from isnad.stages import DEFAULT
    tmp = Path(tempfile.mkdtemp(prefix="cw_before_"))
    for f in ("__init__.py", cw.MODEL_FILE, cw.WEIGHTS_FILE):
        r = subprocess.run(["git", "show", f"{ref}:src/isnad/models/checkworthy/{f}"], cwd=ROOT,
                           capture_output=True, check=True)
        (tmp / f).write_bytes(r.stdout)
    src = (tmp / "__init__.py").read_text(encoding="utf-8")
    src = src.replace("from ...errors", "from isnad.errors").replace("from ...text.", "from isnad.text.")
    (tmp / "old_checkworthy.py").write_text(src, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("old_checkworthy", tmp / "old_checkworthy.py")
    old_mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(old_mod)
    old = old_mod.read(tmp)

    arts: list[str] = []
    for z in sorted(shared_data("saudinewsnet", "dataset").glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                arts += [a.get("content") or "" for a in json.loads(zf.read(name))]
                if len(arts) >= n_articles:
                    break
        if len(arts) >= n_articles:
            break
    stages = list(DEFAULT)[:list(DEFAULT).index("checkworthiness")]
    nlp = Pipeline(stages)
    docs = []
    for d in (nlp(t) for t in arts[:n_articles]):
        texts = [c.text if c.text is not None else d.text[c.start:c.end] for c in d.claims]
        texts = [t for t in texts if cw.has_arabic(t)]
        if texts:
            docs.append(texts)
    n_claims = sum(map(len, docs))

    def timed(fn) -> float:
        t0 = time.process_time()
        for texts in docs:
            fn(texts)
        return time.process_time() - t0

    cold = timed(cw.read(Path(cw.__file__).parent).probabilities)
    new = cw.load()
    t_old, t_new = [], []
    for _ in range(3):
        t_old.append(timed(old.score))
        t_new.append(timed(new.probabilities))
    return {"ref": ref, "articles": n_articles, "docs": len(docs), "claims": n_claims,
            "old_ms": 1000 * min(t_old) / n_claims, "new_ms": 1000 * min(t_new) / n_claims,
            "cold_ms": 1000 * cold / n_claims, "old_model": old.meta.get("name"),
            "new_model": new.meta.get("name")}


def render(r: dict) -> str:
    ok_load = "meets" if r["load_median"] < LOAD_TARGET_S else "misses"
    ok_size = "meets" if r["size_mb"] < SIZE_TARGET_MB else "misses"
    lines = [
        f"Measured {_dt.date.today().isoformat()} (Python {platform.python_version()}, "
        f"{platform.machine()}); command:",
        "",
        "```sh",
        ".venv/bin/python bench/bench_checkworthy.py --write",
        "```",
        "",
        "| figure | value |",
        "|---|---|",
        f"| artefact (`model.json` + `weights.npz`) | {r['size_mb']:.2f} MB, {r['features']:,} features "
        f"({ok_size} the {SIZE_TARGET_MB:.0f} MB target) |",
        f"| `load()` in a fresh process | median **{r['load_median']:.3f} s**, best {r['load_best']:.3f} s "
        f"({ok_load} the {LOAD_TARGET_S} s target); importing numpy + isnad before it: "
        f"{r['import_median']:.3f} s |",
    ]
    if "sentences" in r:
        lines += [
            f"| scoring | **{r['sentences_per_s']:,.0f} sentences/s**, {r['chars_per_s']:,.0f} chars/s "
            f"({r['sentences']:,} SaudiNewsNet sentences, {r['chars']:,} chars, in calls of {r['batch']} "
            f"sentences as the stage scores a document's claims; best of 3 with the word-form cache warm, "
            f"CPU time); first pass from a cold cache: {r['cold_sentences_per_s']:,.0f} sentences/s |",
            f"| before, separate run (per-n-gram dict lookups, one numpy call per claim; model of "
            f"2026-11-25) | {BEFORE['sentences_per_s']:,} sentences/s, {BEFORE['chars_per_s']:,} chars/s; "
            f"load median {BEFORE['load_median']:.3f} s; {BEFORE['size_mb']:.2f} MB, "
            f"{BEFORE['features']:,} features (machine load differs between runs: see the A/B row) |",
            f"| scores on news sentences | mean {r['mean_score']:.3f}; "
            f"{r['share_above_threshold']:.0%} at or above the model's threshold |",
        ]
    if "ab" in r:
        a = r["ab"]
        lines += [
            f"| **before/after A/B** (one process, alternating, best of 3; claims of the default "
            f"pipeline on the first {a['articles']} SaudiNewsNet articles: {a['claims']:,} claims in "
            f"{a['docs']} documents, one call per document) | `{a['ref']}` ({a['old_model']}): "
            f"{a['old_ms']:.3f} ms/claim → now ({a['new_model']}): **{a['new_ms']:.3f} ms/claim** warm "
            f"(**{a['old_ms'] / a['new_ms']:.1f}×**), {a['cold_ms']:.3f} ms/claim from a cold word-form "
            f"cache ({a['old_ms'] / a['cold_ms']:.1f}×) |",
        ]
    return "\n".join(lines)


def write(text: str) -> None:
    write_block('bench_checkworthy', text, heading='checkworthy',
                intro=("`bench/bench_checkworthy.py`: the check-worthiness scorer "
            "(`isnad.models.checkworthy`): artefact size, `load()` time in fresh processes (median "
            "of 5), and scoring speed on SaudiNewsNet sentences."))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=5000, help="news sentences to score (default 5000)")
    ap.add_argument("--batch", type=int, default=8, help="sentences per score() call (default 8: one document's claims)")
    ap.add_argument("--write", action="store_true", help="record the figures in bench/README.md")
    ap.add_argument("--before", default="a5622c7",
                    help="git ref of the scorer to compare with ('' to skip; default a5622c7)")
    ap.add_argument("--articles", type=int, default=150, help="articles for the before/after A/B (default 150)")
    args = ap.parse_args(argv)
    r = measure(args.n, args.batch)
    if args.before and "sentences" in r:
        try:
            r["ab"] = before_after(args.before, args.articles)
        except (subprocess.CalledProcessError, OSError) as e:
            print(f"bench_checkworthy: before/after skipped ({e})")
    text = render(r)
    print(text)
    if args.write:
        write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
