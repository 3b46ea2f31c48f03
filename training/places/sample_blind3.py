"""Draw the `blind3` places evaluation sample from SaudiNewsNet (no article text is written).

28 articles, 500-2,200 characters, none already in `isnad eval places` (dev/test/test2/blind2) or in the
attribution/times evaluation sets, stratified by topic keywords (counted on the article):

    saudi 7 (Saudi local news: no Syria/Iraq/Yemen/Gulf-neighbour keyword), gulf 4, yemen 5,
    iraq 5, syria 4, world 3

An article goes to the stratum with the most keyword hits (ties: the order above, Saudi last).
Keywords match whole words (with clitic prefixes).  A copy of sample_blind2.py with a new seed and
quota: seed 53531 (blind2 used 4242); every article already in the places gold (dev, test, test2,
blind2) or in the attribution/times sets is excluded.  Drawn once, annotated by hand (2026-11-26) and
committed before the system was run on it.  Prints "key<TAB>stratum<TAB>sha1[:12]" lines to stdout.

    .venv/bin/python training/places/sample_blind3.py
"""
from __future__ import annotations

import glob
import hashlib
import json
import random
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
from isnad.evaluation.common import shared_data  # noqa: E402

STRATA = {
    "yemen": ["اليمن", "صنعاء", "عدن", "تعز", "الحوثي", "مأرب", "حضرموت", "لحج", "أبين", "الضالع"],
    "iraq": ["العراق", "بغداد", "الموصل", "الأنبار", "الرمادي", "الفلوجة", "البصرة", "كركوك", "ديالى", "صلاح الدين"],
    "syria": ["سوريا", "سورية", "دمشق", "حلب", "حمص", "إدلب", "درعا", "الرقة", "اللاذقية", "حماة"],
    "gulf": ["الكويت", "الإمارات", "قطر", "البحرين", "سلطنة عمان", "مسقط", "أبوظبي", "دبي", "الدوحة", "المنامة"],
    "world": ["أمريكا", "الأمريكية", "أوروبا", "بريطانيا", "فرنسا", "ألمانيا", "روسيا", "الصين", "اليابان",
              "الهند", "باكستان", "أفغانستان", "تركيا", "مصر", "ليبيا", "تونس", "لبنان", "الأردن", "إيران"],
}
QUOTA = {"saudi": 7, "gulf": 4, "yemen": 5, "iraq": 5, "syria": 4, "world": 3}
SEED = 53531
# evaluation files committed by others after the draw (tree c5d7728): skipped so the draw is reproducible
# (none of them contains a blind3 article -- checked)
DRAWN_AFTER = {"blind4.jsonl"}


def used_keys() -> set[str]:
    data = ROOT / "src/isnad/evaluation/data"
    out = set()
    for ln in (data / "places/saudinewsnet.tsv").read_text(encoding="utf-8").splitlines():
        if ln.startswith("#doc") and ln.split("\t")[1] != "blind3":   # reproducible after annotation
            out.add(ln.split("\t")[2])
    for p in list((data / "attribution").glob("*.jsonl")) + list((data / "times").glob("*.jsonl")):
        if p.name in DRAWN_AFTER:
            continue
        for ln in p.read_text(encoding="utf-8").splitlines():
            m = re.match(r'\{"key": "([0-9-]+)\.zip:(\d+):', ln)
            if m:
                out.add(f"{m.group(1)}/{m.group(2)}")
    return out


def _kw_regex(kw: str) -> "re.Pattern":
    """The keyword as whole word(s), with an optional clitic prefix (و ف ب ل ك, لل for ال)."""
    alts = [r"(?:[وف]?[بلك]?)" + re.escape(kw)]
    if kw.startswith("ال"):
        alts.append(r"[وف]?لل" + re.escape(kw[2:]))
    return re.compile(r"(?<![\u0621-\u064A])(?:" + "|".join(alts) + r")(?![\u0621-\u064A])")


_KW = {s: [_kw_regex(k) for k in kws] for s, kws in STRATA.items()}


def stratum(text: str) -> str:
    hits = {s: sum(len(r.findall(text)) for r in rxs) for s, rxs in _KW.items()}
    best = max(hits, key=lambda s: hits[s])
    return best if hits[best] > 0 else "saudi"


def main() -> None:
    used = used_keys()
    pool: dict[str, list[tuple[str, str]]] = {s: [] for s in QUOTA}
    base = shared_data("saudinewsnet", "dataset")
    for z in sorted(glob.glob(str(base / "*.zip"))):
        day = Path(z).stem
        with zipfile.ZipFile(z) as f:
            arr = json.loads(f.read(f.namelist()[0]))
        for i, a in enumerate(arr):
            key = f"{day}/{i}"
            text = a["content"] or ""
            if key in used or not 500 <= len(text) <= 2200:
                continue
            pool[stratum(text)].append((key, hashlib.sha1(text.encode()).hexdigest()[:12]))
    rng = random.Random(SEED)
    seen_sha = set()
    for s, q in QUOTA.items():
        cands = pool[s]
        rng.shuffle(cands)
        k = 0
        for key, sha in cands:
            if k == q:
                break
            if sha in seen_sha:                  # republished duplicates: one copy only
                continue
            seen_sha.add(sha)
            print(f"{key}\t{s}\t{sha}")
            k += 1


if __name__ == "__main__":
    main()
