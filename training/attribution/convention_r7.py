"""Check (default) or apply (``--apply``) the two round-7 conventions of GUIDELINES.md
("Round 7 conventions") to every attribution split; offsets move, span hashes are regenerated
(``anchors.h6``); article text is read from the shared data, never written.

(a) Carriers: a relative clause on a speech noun naming who carried it (بيان بثته / نشرته /
    أوردته / نقلتها وكالة X, تصريحات نقلتها صحيفة X) is not an attribution of its own; X is the
    ``via`` of the statement's attribution (the nearest annotated cue before it), like the subject
    of نقل X عن Y.
(c) Light verbs: in جدد/كرر/أعاد + التأكيد/الدعوة/النفي … the verb is the cue (blind6; dev had the noun).
(b) وصف: the content of وصف X بـ… / بأنه … is the description after بـ / بأنه (the described object
    and the preposition are outside it), like the content after a complementizer.

    .venv/bin/python training/attribution/convention_r7.py          # list changes, exit 1 if any
    .venv/bin/python training/attribution/convention_r7.py --apply  # rewrite the jsonl files
"""
from __future__ import annotations

import os
import sys

import regex

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from anchors import h6, realign_splits  # noqa: E402

CARRIER = regex.compile(
    r"(?:بيان|تصريح\w*|نبأ|تقرير|خبر|رسالة|كلمة)\s+(?:\S+\s+){0,2}?"
    r"(?P<v>(?:بث|نشر|أورد|اورد|نقل|أذاع|اذاع)(?:ته|تها|ه|ها))\s+(?:\S+\s+){0,2}?"
    r"(?P<x>(?:وكالة|صحيفة|قناة|محطة|موقع|وسائل)[^،,.:\n]*?)(?=\s+(?:اليوم|أمس|امس|الليلة|أن|إن|ان|انه|أنه)\b|[،,.:]|\s+[«\"“]|$)")
WASF = regex.compile(r"^(?:و|ف)?(?:وصف|يصف|تصف|واصف|وصفت|وصفه|وصفها|وصفته|وصفتها|يصفه|يصفها)")
LIGHT = regex.compile(r"(?<![\p{L}])[وف]?(?P<v>جدد|جددت|أعاد|أعادت|اعاد|اعادت|كرر|كررت)\s+(?:[^\s.]+\s+){0,7}?"
                      r"(?P<n>التأكيد|التاكيد|الدعوة|النفي|الإشارة|الاشارة|الرفض)(?![\p{L}])")
BIANNA = regex.compile(r"(?:^|\s)بأن(?:ه|ها|هم|هما)?\s+")
BI_MID = regex.compile(r"\s(?:بـ\s*|ب(?=ال)|ب(?=[«“\"]))")


def span(t, s, e):
    return {"start": s, "end": e, "h": h6(t[s:e])}


def fix(r: dict, t: str, log) -> int:
    n = 0
    atts = r["attributions"]
    for m in CARRIER.finditer(t):
        if regex.search(r"على\s+(?:موقع|الإنترنت|حساب)", t[m.start("v"):m.end("x") + 30]) and "وكالة" not in m.group("x"):
            continue
        vs = m.start("v")
        own = [a for a in atts if a["cue"]["start"] == vs]
        via = own[0]["source"] if own and own[0]["source"] else None
        if via is None:
            x = m.group("x").rstrip()
            via = span(t, m.start("x"), m.start("x") + len(x))
        for a in own:
            atts.remove(a)
            n += 1
            log(f"remove carrier cue {t[a['cue']['start']:a['cue']['end']]!r}")
        gov = [a for a in atts if a["cue"]["start"] < m.start() and m.start() - a["cue"]["end"] < 120
               and not regex.search(r"[.\n]", t[a["cue"]["end"]:m.start()]) and not t[a["cue"]["start"]:a["cue"]["end"]].startswith(("حسب", "بحسب", "وفق"))]
        if gov:
            g = max(gov, key=lambda a: a["cue"]["start"])
            if g["via"] is None:
                g["via"] = via
                n += 1
                log(f"via of {t[g['cue']['start']:g['cue']['end']]!r} := {t[via['start']:via['end']]!r}")
    for m in LIGHT.finditer(t):
        for a in atts:
            if a["cue"]["start"] == m.start("n") and a["cue"]["end"] == m.end("n"):
                a["cue"] = span(t, m.start("v"), m.end("v"))
                n += 1
                log(f"light-verb cue {m.group('n')!r} -> {m.group('v')!r}")
    for a in atts:
        c = a["content"]
        if not c or not WASF.match(t[a["cue"]["start"]:a["cue"]["end"]]):
            continue
        s, e = c["start"], c["end"]
        txt = t[s:e]
        m = BIANNA.search(txt)
        if m:
            ns = s + m.end()
        elif txt.startswith("بـ"):
            ns = s + 2
        elif txt.startswith("ب") and len(txt) > 1:
            ns = s + 1
        else:
            m = BI_MID.search(txt)
            ns = s + m.end() if m else s
        while ns < e and t[ns].isspace():
            ns += 1
        if ns != s:
            log(f"وصف content {txt[:40]!r} -> {t[ns:e][:40]!r}")
            a["content"] = span(t, ns, e)
            n += 1
    return n


def main(argv=None) -> int:
    return realign_splits(fix, "--apply" in (argv or sys.argv[1:]), "change(s)")


if __name__ == "__main__":
    sys.exit(main())
