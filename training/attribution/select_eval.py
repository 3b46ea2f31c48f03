"""Pick the SaudiNewsNet articles for the attribution evaluation (deterministic).

Selection does not look at reporting cues (so the sample is not biased towards
what the lexicon knows): articles of 600-2000 characters on the conflict and
politics topics isnad is built for, at most 4 per newspaper, seeded shuffle.
Prints one key per line: ``<day>.zip:<index>:<sha1(content)[:12]>``.

    .venv/bin/python training/attribution/select_eval.py -n 48              # dev (14) + test (34)
    .venv/bin/python training/attribution/select_eval.py -n 32 --seed 7 \
        --exclude src/isnad/evaluation/data/attribution/{dev,test}.jsonl     # holdout
    .venv/bin/python training/attribution/select_eval.py -n 55 --seed 20261126 --exclude src/isnad/evaluation/data/attribution/*.jsonl  # blind10 (first 30 kept after skips)
    .venv/bin/python training/attribution/select_eval.py -n 40 --seed 20261127 --per-source 8 --exclude src/isnad/evaluation/data/attribution/*.jsonl  # blind11 (first 20 kept after skips)
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import zipfile

import regex

from isnad.evaluation.common import shared_data

TOPIC = regex.compile(r"سوري|العراق|اليمن|داعش|الحوثي|حلب|بغداد|الموصل|دمشق|الأسد|ليبيا|"
                      r"فلسطين|إسرائيل|إيران|صنعاء|عدن|التحالف|الإرهاب|غزة")


def articles():
    for z in sorted(shared_data("saudinewsnet", "dataset").glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            data = json.loads(zf.read(zf.namelist()[0]))
        for i, a in enumerate(data):
            yield z.name, i, a


def key_of(zname: str, i: int, content: str) -> str:
    return f"{zname}:{i}:{hashlib.sha1(content.encode('utf-8')).hexdigest()[:12]}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=45)
    ap.add_argument("--seed", type=int, default=20260127)
    ap.add_argument("--per-source", type=int, default=4)
    ap.add_argument("--exclude", nargs="*", default=[],
                    help="annotation files (jsonl) whose articles are not picked again")
    args = ap.parse_args()
    taken = set()
    for f in args.exclude:
        with open(f, encoding="utf-8") as fh:
            taken |= {json.loads(line)["key"] for line in fh if line.strip()}
    pool = [(z, i, a) for z, i, a in articles()
            if 600 <= len(a.get("content") or "") <= 2000 and len(TOPIC.findall(a["content"])) >= 2]
    random.Random(args.seed).shuffle(pool)
    per: dict[str, int] = {}
    out = []
    for z, i, a in pool:
        if key_of(z, i, a["content"]) in taken:
            continue
        if per.get(a["source"], 0) >= args.per_source:
            continue
        per[a["source"]] = per.get(a["source"], 0) + 1
        out.append(key_of(z, i, a["content"]))
        if len(out) >= args.n:
            break
    print("\n".join(out))


if __name__ == "__main__":
    main()
