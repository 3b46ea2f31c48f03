"""Systematic cue inventory (round 7): compare the reporting-verb inventory
(``cue_inventory.tsv``) with the cue lexicon (``src/isnad/resources/attribution/cues.yaml``).

    .venv/bin/python training/attribution/cue_inventory.py            # coverage report
    .venv/bin/python training/attribution/cue_inventory.py --yaml     # the generated agreement forms
                                                                       # missing from cues.yaml (verb_forms_extra)
    .venv/bin/python training/attribution/cue_inventory.py --cameo    # CAMEO 01x/11x/12x/13x verb blocks of
                                                                       # the PETRARCH Arabic dictionary, new vs have

Generated forms (regular verbs only, ``gen`` = 1 in the TSV): past and present of the
3rd person m / f / mp / fp and the dual; participles and weak verbs are written by hand.
"""
from __future__ import annotations

import collections
import os
import re
import sys

import yaml

from isnad.text.normalize import normalize

HERE = os.path.dirname(os.path.abspath(__file__))
CUES = os.path.join(HERE, "..", "..", "src", "isnad", "resources", "attribution", "cues.yaml")
CAMEO = os.path.join(HERE, "..", "..", "..", "shared", "data", "petrarch-arabic", "dictionaries", "CAMEO.ar.0.5.txt")


def inventory():
    rows = []
    for line in open(os.path.join(HERE, "cue_inventory.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        rows.append({"lemma": f[0], "present": f[1], "role": f[2], "status": f[3], "gen": f[4] == "1",
                     "note": f[5] if len(f) > 5 else ""})
    return rows


def excluded() -> set:
    out = set()
    for line in open(os.path.join(HERE, "cue_inventory.tsv"), encoding="utf-8"):
        if line.startswith("#exclude\t"):
            out |= {normalize(x) for x in line.split("\t", 1)[1].strip().split(",")}
    return out


def generated(past: str, present: str) -> dict:
    p, y = normalize(past), normalize(present)
    st = y[1:]
    return {"m": [p, y], "f": [p + "ت", "ت" + st], "mp": [p + "وا", y + "ون"], "fp": [p + "ن", y + "ن"],
            "d": [p + "ا", p + "تا", y + "ان", "ت" + st + "ان"]}


def lexicon_forms() -> dict:
    d = yaml.safe_load(open(CUES, encoding="utf-8"))
    out = collections.defaultdict(set)
    for v in d["verbs"]:
        for fs in (v.get("forms") or {}).values():
            out[normalize(v["lemma"])] |= {normalize(f) for f in fs}
    for lemma, agrs in (d.get("verb_forms_extra") or {}).items():
        for fs in agrs.values():
            out[normalize(lemma)] |= {normalize(f) for f in fs}
    return out


def main(argv=None) -> int:
    argv = argv or sys.argv[1:]
    have = lexicon_forms()
    if "--cameo" in argv:
        blocks = collections.defaultdict(set)
        cur = None
        for line in open(CAMEO, encoding="utf-8"):
            m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
            if m:
                cur = m.group(1)
                if m.group(2) != "---":
                    blocks[cur].add(m.group(2))
                continue
            if cur:
                blocks[cur].update(re.findall(r"\[(\d{3,4})\]", line))
        allf = set().union(*have.values())
        for v, codes in sorted(blocks.items()):
            cs = sorted(c for c in codes if c[:2] in ("01", "11", "12", "13"))
            if cs:
                print(("have" if normalize(v.split("+")[0]) in allf else "new ") + f"\t{v}\t{' '.join(cs)}")
        return 0
    missing = {}
    for r in inventory():
        if r["status"] == "no":
            continue
        lem = normalize(r["lemma"])
        if lem not in have:
            print(f"MISSING lemma {r['lemma']} ({r['status']})")
            continue
        if r["gen"]:
            g = {a: [f for f in fs if f not in have[lem] and f not in excluded()] for a, fs in generated(r["lemma"], r["present"]).items()}
            g = {a: fs for a, fs in g.items() if fs}
            if g:
                missing[r["lemma"]] = g
    if "--yaml" in argv:
        print(yaml.safe_dump({"verb_forms_extra": missing}, allow_unicode=True, default_flow_style=None, sort_keys=False))
    else:
        rows = inventory()
        print(f"{sum(r['status'] == 'have' for r in rows)} have, {sum(r['status'] == 'add' for r in rows)} added, "
              f"{sum(r['status'] == 'no' for r in rows)} rejected; "
              f"{sum(len(f) for g in missing.values() for f in g.values())} generated forms missing from cues.yaml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
