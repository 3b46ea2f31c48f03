"""Annotation tooling for the times evaluation set (standoff; no corpus text in the repo).

Three steps, the first and the sheet living *outside* the repository because they
hold article text (SaudiNewsNet is CC BY-NC-SA with newspaper copyright):

1. ``candidates``: pick sentences from ../shared/data/saudinewsnet and print them,
   one per line, ``KEY<TAB>START<TAB>END<TAB>PUBLISHED<TAB>SENTENCE``.  Sentences are
   chosen by a deliberately liberal pattern per form (Gregorian and Levantine month
   names, Hijri months, numeric dates, weekdays, day words, offsets, periods, parts
   of day, durations, vague words, years) plus random sentences with no pattern at
   all, from random articles (seeded).  The patterns here are independent of the
   times stage, so what the stage misses still shows up.

       .venv/bin/python training/times/annotate.py candidates --seed 7 --per-form 8 \\
           --random 30 > /tmp/times_cands.tsv

2. The annotator reads each sentence and writes a sheet (outside the repo), one
   block per sentence: the header repeats the first four columns, then one line per
   time expression ``SURFACE | VALUE | PRECISION | KIND`` (VALUE ``-`` when it is
   unresolved; SURFACE may end in ``@2`` for its second occurrence in the sentence).
   A header with no lines says the sentence has no time expression.  Guidelines:
   ``training/times/GUIDELINES.md``.

       ## 2015-08-03.zip:1047:5d41402abc4b 120 260 2015-08-03
       اليوم الاثنين الموافق 18 / 10 / 1436هـ | 2015-08-03 | day | date

3. ``build``: turn the sheet into the committed standoff file (article key,
   published date, sentence offsets, and for each expression its offsets, a 6-hex
   SHA-1 of its text, value, precision and kind); ``check`` verifies a standoff
   file against the corpus; ``show`` prints it with the text (terminal only).

       .venv/bin/python training/times/annotate.py build /tmp/times_sheet.txt \\
           src/isnad/evaluation/data/times/test.jsonl
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import zipfile
from functools import lru_cache

import regex

from isnad.evaluation.common import shared_data
from isnad.text.normalize import NormalizedText, normalize
from isnad.text.segment import split_sentences

# Liberal patterns over the normalised sentence (ة→ه, أ→ا, ى→ي), one per form.
FORMS = {
    "greg_month": r"\d{1,2}\s*(?:من\s*)?(?:يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر)",
    "levant_month": r"(?:كانون|شباط|اذار|نيسان|ايار|حزيران|تموز|\bاب\b|ايلول|تشرين)",
    "hijri": r"(?:محرم|صفر|ربيع|جمادي|رجب|شعبان|رمضان|شوال|القعده|الحجه)|\d\s*ه\b|هجري",
    "numeric": r"\d{1,4}\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*\d{2,4}",
    "weekday_mod": r"(?:الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)\s+(?:الماضي|المقبل|القادم|الماضيه|المقبله)",
    "weekday": r"(?:الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)",
    "day_word": r"\b(?:امس|اليوم|غدا|البارحه)\b",
    "offset": r"(?:منذ|قبل|بعد)\s+\S+\s+(?:ايام|اسابيع|اشهر|شهور|سنوات|اعوام|ساعات)|(?:منذ|قبل|بعد)\s+(?:يومين|اسبوعين|شهرين|عامين|سنتين|ساعتين|عام|شهر|اسبوع)",
    "period": r"(?:الاسبوع|الشهر|العام|السنه)\s+(?:الماضي|الماضيه|الجاري|الحالي|الحاليه|المقبل|المقبله|القادم)",
    "ordinal_day": r"(?:العشرين|الثلاثين|الحادي|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر)\w*\s+من\s",
    "relative_month": r"\d{1,2}\s+(?:من\s+)?(?:الجاري|الشهر)",
    "part_of_day": r"(?:صباح|مساء|فجر|ظهر|عصر|ليله|ليل)\s|صباحا|مساء\b|ليلا",
    "duration": r"(?:خلال|لمده|طوال|طيله|مدى|مدار)\s+\S*\s*(?:ساعه|ساعات|يوم|ايام|اسبوع|اسابيع|شهر|اشهر|عام|اعوام|سنوات)",
    "vague": r"مؤخرا|حاليا|\bالان\b|في وقت سابق|الايام الماضيه|الفتره الماضيه|الاونه|منذ فتره|قريبا|لاحقا",
    "year": r"(?:عام|العام|سنه)\s+\d{4}|\d{4}\s*م\b",
}
_FORMS = {k: regex.compile(v) for k, v in FORMS.items()}


@lru_cache(maxsize=32)
def day(zname: str) -> list:
    with zipfile.ZipFile(shared_data("saudinewsnet", "dataset", zname)) as zf:
        return json.loads(zf.read(zf.namelist()[0]))


def days() -> list[str]:
    return sorted(p.name for p in shared_data("saudinewsnet", "dataset").glob("*.zip"))


def sha(text: str, n: int = 6) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def article(key: str) -> dict:
    zname, idx, h = key.split(":")
    a = day(zname)[int(idx)]
    if sha(a["content"] or "", 12) != h:
        raise SystemExit(f"{key}: the shared data differs from the annotated version")
    return a


def key_of(zname: str, idx: int, a: dict) -> str:
    return f"{zname}:{idx}:{sha(a['content'] or '', 12)}"


def cmd_candidates(args) -> int:
    rng = random.Random(args.seed)
    pool = [(z, i) for z in days() for i in range(len(day(z)))]
    rng.shuffle(pool)
    exclude = set()
    for path in args.exclude or ():
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    exclude.add(":".join(json.loads(line)["key"].split(":")[:2]))
    need = {k: args.per_form for k in FORMS}
    rand_left = args.random
    used_articles = set()
    out = []
    for z, i in pool:
        if not any(need.values()) and rand_left <= 0:
            break
        if f"{z}:{i}" in exclude or (z, i) in used_articles:
            continue
        a = day(z)[i]
        text = a.get("content") or ""
        pub = (a.get("date_extracted") or "")[:10]
        if not text.strip() or not pub:
            continue
        sents = [(s, e) for s, e in split_sentences(text) if 20 <= e - s <= 400]
        if not sents:
            continue
        rng.shuffle(sents)
        for s, e in sents[:3]:
            nt = normalize(text[s:e])
            hit = [k for k, p in _FORMS.items() if need[k] > 0 and p.search(nt)]
            if hit:
                need[hit[0]] -= 1
            elif rand_left > 0 and not any(p.search(nt) for p in _FORMS.values()):
                rand_left -= 1
                hit = ["random"]
            else:
                continue
            used_articles.add((z, i))
            out.append((hit[0], key_of(z, i, a), s, e, pub, text[s:e].replace("\n", " ")))
            break
    for form, key, s, e, pub, sent in out:
        print(f"{key}\t{s}\t{e}\t{pub}\t{form}\t{sent}")
    return 0


def parse_sheet(path: str) -> list[dict]:
    blocks, cur = [], None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#") and not line.startswith("##"):
                continue
            if line.startswith("##"):
                parts = line[2:].split()
                cur = {"key": parts[0], "start": int(parts[1]), "end": int(parts[2]),
                       "published": parts[3] if len(parts) > 3 and parts[3] != "-" else None,
                       "times": [], "line": n}
                blocks.append(cur)
                continue
            if cur is None:
                raise SystemExit(f"{path}:{n}: an expression before any header")
            cols = [c.strip() for c in line.split("|")]
            if len(cols) != 4:
                raise SystemExit(f"{path}:{n}: want SURFACE | VALUE | PRECISION | KIND")
            surface, value, precision, kind = cols
            cur["times"].append({"surface": surface, "value": None if value == "-" else value,
                                 "precision": precision, "kind": kind, "line": n})
    return blocks


def locate(text: str, s: int, e: int, surface: str) -> tuple[int, int]:
    """Original offsets of ``surface`` (normalised, spaces flexible) inside text[s:e]."""
    occ = 1
    m = regex.search(r"@(\d+)$", surface)
    if m:
        occ, surface = int(m.group(1)), surface[:m.start()]
    nt = NormalizedText(text)
    ns, ne = nt.norm_span(s, e)
    words = normalize(surface).split()
    # a word edge, or a prefix clitic (و ف ب ل ك) standing at one: the span leaves it out
    pat = regex.compile(r"(?:(?<![\p{L}\p{N}])|(?<=(?<![\p{L}\p{N}])[وفبلك]{1,2}))"
                        + r"\s*".join(regex.escape(w) for w in words) + r"(?![\p{L}\p{N}])")
    hits = list(pat.finditer(nt.text, ns, ne))
    if len(hits) < occ:
        raise ValueError(f"not found: {surface!r} (occurrence {occ}, {len(hits)} found)")
    h = hits[occ - 1]
    return nt.orig_span(h.start(), h.end())


def cmd_build(args) -> int:
    blocks = parse_sheet(args.sheet)
    errors = 0
    lines = []
    for b in blocks:
        a = article(b["key"])
        text = a["content"]
        rec = {"key": b["key"], "published": b["published"], "start": b["start"], "end": b["end"],
               "sha": sha(text[b["start"]:b["end"]]), "times": []}
        for t in b["times"]:
            try:
                s, e = locate(text, b["start"], b["end"], t["surface"])
            except ValueError as ex:
                print(f"{args.sheet}:{t['line']}: {ex}", file=sys.stderr)
                errors += 1
                continue
            if t["precision"] not in ("day", "week", "month", "year", "unresolved"):
                print(f"{args.sheet}:{t['line']}: bad precision {t['precision']}", file=sys.stderr)
                errors += 1
            if (t["value"] is None) != (t["precision"] == "unresolved"):
                print(f"{args.sheet}:{t['line']}: value and precision disagree", file=sys.stderr)
                errors += 1
            rec["times"].append({"start": s, "end": e, "sha": sha(text[s:e]), "value": t["value"],
                                 "precision": t["precision"], "kind": t["kind"]})
        rec["times"].sort(key=lambda x: x["start"])
        lines.append(json.dumps(rec, ensure_ascii=False))
    if errors:
        print(f"{errors} error(s): nothing written", file=sys.stderr)
        return 1
    header = ("# isnad times evaluation: standoff annotations of SaudiNewsNet sentences "
              "(training/times/GUIDELINES.md). No article text: key = day zip:index:sha1[:12] "
              "of content; offsets are code points into content; sha = sha1[:6] of the span.")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(header + "\n" + "\n".join(lines) + "\n")
    n = sum(len(json.loads(x)["times"]) for x in lines)
    print(f"{len(lines)} sentences, {n} time expressions → {args.out}")
    return 0


def load(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(x) for x in f if x.strip() and not x.startswith("#")]


def cmd_check(args) -> int:
    bad = 0
    for r in load(args.gold):
        text = article(r["key"])["content"]
        if sha(text[r["start"]:r["end"]]) != r["sha"]:
            print(f"{r['key']}: sentence changed")
            bad += 1
        for t in r["times"]:
            if sha(text[t["start"]:t["end"]]) != t["sha"]:
                print(f"{r['key']} {t['start']}-{t['end']}: span changed")
                bad += 1
    print("ok" if not bad else f"{bad} problem(s)")
    return 1 if bad else 0


def cmd_show(args) -> int:
    for r in load(args.gold):
        text = article(r["key"])["content"]
        print(f"## {r['key']} {r['start']} {r['end']} {r['published']}")
        print("   " + text[r["start"]:r["end"]].replace("\n", " "))
        for t in r["times"]:
            print(f"   {text[t['start']:t['end']]} | {t['value'] or '-'} | {t['precision']} | {t['kind']}")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="times annotation tooling (standoff)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("candidates")
    c.add_argument("--seed", type=int, default=7)
    c.add_argument("--per-form", type=int, default=8)
    c.add_argument("--random", type=int, default=30)
    c.add_argument("--exclude", nargs="*", help="standoff files whose articles to skip")
    b = sub.add_parser("build")
    b.add_argument("sheet")
    b.add_argument("out")
    k = sub.add_parser("check")
    k.add_argument("gold")
    s = sub.add_parser("show")
    s.add_argument("gold")
    args = ap.parse_args(argv)
    return {"candidates": cmd_candidates, "build": cmd_build, "check": cmd_check,
            "show": cmd_show}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
