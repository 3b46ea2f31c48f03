"""Draw a held-out places evaluation sample from SaudiNewsNet (no article text is written).

    .venv/bin/python training/places/sample_blind.py --split blind2     # seed 4242, 30 articles
    .venv/bin/python training/places/sample_blind.py --split blind3     # seed 53531, 28 articles
    .venv/bin/python training/places/sample_blind.py --split blind4     # seed 90417, 35 articles
    .venv/bin/python training/places/sample_blind.py --split blind5     # seed 61125, 35 articles
    .venv/bin/python training/places/sample_blind.py --split blind6     # seed 72236, 35 articles
    .venv/bin/python training/places/sample_blind.py --split blind7     # seed 83347, 35 articles
    .venv/bin/python training/places/sample_blind.py --split blind8     # seed 94458, 25 articles

Articles of 500-2,200 characters, stratified by topic keywords (whole words, with clitic
prefixes): saudi (Saudi local news: no Syria/Iraq/Yemen/Gulf-neighbour keyword), gulf, yemen,
iraq, syria, world; the quota per stratum is the split's.  Every article already in an evaluation
set that existed when the split was drawn is excluded (the places splits before it, the
attribution and times sets listed in its preset), so each draw reproduces exactly after later
sets were added.  blind4 excludes every article key found in any file under
src/isnad/evaluation/data/ at the time it was drawn (places, attribution incl. blind2-5 and IAA,
times, events, dedup), listed in its preset by file name; blind5 likewise (with attribution blind6-7 and the events
second held-out set added since); blind6 likewise (attribution blind8 and the events GSR audit files added); blind7 likewise (attribution blind9 added); blind8 likewise (attribution blind10 and the events
GSR relabel dev file added; 25 articles; attribution blind11, committed after the draw, holds none of its articles).  Republished duplicates (same text hash) are drawn once.  Each split was drawn
once, annotated by hand and committed before the system was run on it.

A first version of the blind2 draw counted substrings (تعز in تعزيز, دبي in أدبي), which filled the
Yemen and Gulf strata with unrelated articles; it was replaced after reading 14 of its articles and
before anything was annotated, committed or run.

Prints "key<TAB>stratum<TAB>sha1[:12]" lines to stdout.
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
_BEFORE_2 = ("attribution/dev.jsonl", "attribution/test.jsonl", "attribution/holdout.jsonl",
             "attribution/final.jsonl", "times/dev.jsonl", "times/test.jsonl")
# per split: seed, quota, the places splits before it, the other evaluation files that existed
PRESETS = {
    "blind2": {"seed": 4242, "quota": {"saudi": 8, "gulf": 4, "yemen": 5, "iraq": 5, "syria": 4, "world": 4},
               "places": ("dev", "test", "test2"), "files": _BEFORE_2},
    "blind3": {"seed": 53531, "quota": {"saudi": 7, "gulf": 4, "yemen": 5, "iraq": 5, "syria": 4, "world": 3},
               "places": ("dev", "test", "test2", "blind2"), "files": _BEFORE_2 + ("attribution/blind2.jsonl", "attribution/blind3.jsonl")},
    "blind4": {"seed": 90417, "quota": {"saudi": 8, "gulf": 5, "yemen": 6, "iraq": 6, "syria": 6, "world": 4},
               "places": ("dev", "test", "test2", "blind2", "blind3"),
               "files": _BEFORE_2 + ("attribution/blind2.jsonl", "attribution/blind3.jsonl",
                                     "attribution/blind4.jsonl", "attribution/blind4_iaa.jsonl",
                                     "attribution/blind5.jsonl", "events/news_precision_dev.tsv",
                                     "events/news_precision_heldout.tsv", "dedup/saudinewsnet_judgements.tsv")},
    "blind5": {"seed": 61125, "quota": {"saudi": 8, "gulf": 5, "yemen": 6, "iraq": 6, "syria": 6, "world": 4},
               "places": ("dev", "test", "test2", "blind2", "blind3", "blind4"),
               "files": _BEFORE_2 + ("attribution/blind2.jsonl", "attribution/blind3.jsonl",
                                     "attribution/blind4.jsonl", "attribution/blind4_iaa.jsonl",
                                     "attribution/blind5.jsonl", "attribution/blind6.jsonl",
                                     "attribution/blind7.jsonl", "events/news_precision_dev.tsv",
                                     "events/news_precision_heldout.tsv", "events/news_precision_heldout2.tsv",
                                     "dedup/saudinewsnet_judgements.tsv")},
    "blind6": {"seed": 72236, "quota": {"saudi": 8, "gulf": 5, "yemen": 6, "iraq": 6, "syria": 6, "world": 4},
               "places": ("dev", "test", "test2", "blind2", "blind3", "blind4", "blind5"),
               "files": _BEFORE_2 + ("attribution/blind2.jsonl", "attribution/blind3.jsonl",
                                     "attribution/blind4.jsonl", "attribution/blind4_iaa.jsonl",
                                     "attribution/blind5.jsonl", "attribution/blind6.jsonl",
                                     "attribution/blind7.jsonl", "attribution/blind8.jsonl",
                                     "events/gsr_audit_dev.tsv", "events/gsr_audit_dev_judge2.tsv",
                                     "events/gsr_relabel_test.tsv", "events/news_precision_dev.tsv",
                                     "events/news_precision_heldout.tsv", "events/news_precision_heldout2.tsv",
                                     "dedup/saudinewsnet_judgements.tsv")},
    "blind7": {"seed": 83347, "quota": {"saudi": 8, "gulf": 5, "yemen": 6, "iraq": 6, "syria": 6, "world": 4},
               "places": ("dev", "test", "test2", "blind2", "blind3", "blind4", "blind5", "blind6"),
               "files": _BEFORE_2 + ("attribution/blind2.jsonl", "attribution/blind3.jsonl",
                                     "attribution/blind4.jsonl", "attribution/blind4_iaa.jsonl",
                                     "attribution/blind5.jsonl", "attribution/blind6.jsonl",
                                     "attribution/blind7.jsonl", "attribution/blind8.jsonl",
                                     "attribution/blind9.jsonl",
                                     "events/gsr_audit_dev.tsv", "events/gsr_audit_dev_judge2.tsv",
                                     "events/gsr_relabel_test.tsv", "events/news_precision_dev.tsv",
                                     "events/news_precision_heldout.tsv", "events/news_precision_heldout2.tsv",
                                     "dedup/saudinewsnet_judgements.tsv")},
    "blind8": {"seed": 94458, "quota": {"saudi": 6, "gulf": 4, "yemen": 4, "iraq": 4, "syria": 4, "world": 3},
               "places": ("dev", "test", "test2", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7"),
               "files": _BEFORE_2 + ("attribution/blind2.jsonl", "attribution/blind3.jsonl",
                                     "attribution/blind4.jsonl", "attribution/blind4_iaa.jsonl",
                                     "attribution/blind5.jsonl", "attribution/blind6.jsonl",
                                     "attribution/blind7.jsonl", "attribution/blind8.jsonl",
                                     "attribution/blind9.jsonl", "attribution/blind10.jsonl",
                                     "events/gsr_audit_dev.tsv", "events/gsr_audit_dev_judge2.tsv",
                                     "events/gsr_relabel_dev.tsv", "events/gsr_relabel_test.tsv",
                                     "events/news_precision_dev.tsv", "events/news_precision_heldout.tsv",
                                     "events/news_precision_heldout2.tsv", "dedup/saudinewsnet_judgements.tsv")},
}


def used_keys(preset: dict) -> set[str]:
    data = ROOT / "src/isnad/evaluation/data"
    out = set()
    for ln in (data / "places/saudinewsnet.tsv").read_text(encoding="utf-8").splitlines():
        if ln.startswith("#doc") and ln.split("\t")[1] in preset["places"]:
            out.add(ln.split("\t")[2])
    for name in preset["files"]:
        for ln in (data / name).read_text(encoding="utf-8").splitlines():
            m = re.match(r'\{"key": "([0-9-]+)\.zip:(\d+):', ln)
            if m:
                out.add(f"{m.group(1)}/{m.group(2)}")
            elif not name.endswith(".jsonl"):    # TSVs: every day/index or day.zip:index key on the line
                for d, i in re.findall(r"(20\d\d-\d\d-\d\d)(?:\.zip)?[/:](\d+)", ln):
                    out.add(f"{d}/{i}")
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


def main(argv=None) -> None:
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=sorted(PRESETS), required=True)
    preset = PRESETS[ap.parse_args(argv).split]
    QUOTA = preset["quota"]
    used = used_keys(preset)
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
    rng = random.Random(preset["seed"])
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
