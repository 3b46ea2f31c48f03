"""Check (default) or apply (``--apply``) the quote-mark convention of GUIDELINES.md
("Quote marks"): a source / via / antecedent span that is wholly a quoted name is stored
without its quote marks; quotes inside a longer mention stay.  Offsets move by one on each
side and the span hash is regenerated (``anchors.h6``); article text is read from the shared
data, never written.

    .venv/bin/python training/attribution/quote_convention.py          # list violations, exit 1 if any
    .venv/bin/python training/attribution/quote_convention.py --apply  # rewrite the jsonl files
"""
from __future__ import annotations

import glob
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from anchors import h6  # noqa: E402

from isnad.evaluation.attribution import article_text  # noqa: E402

DATA = os.path.join(os.path.dirname(__file__), "..", "..", "src", "isnad", "evaluation", "data", "attribution")
PAIRS = {"«": "»", "“": "”", '"': '"', "”": "“", "»": "«"}
INNER = "«»“”\""


def wholly_quoted(s: str) -> bool:
    return len(s) > 2 and s[0] in PAIRS and s[-1] == PAIRS[s[0]] and not any(c in s[1:-1] for c in INNER)


def main(argv=None) -> int:
    apply = "--apply" in (argv or sys.argv[1:])
    bad = 0
    for f in sorted(glob.glob(os.path.join(DATA, "*.jsonl"))):
        out, n = [], 0
        for line in open(f, encoding="utf-8"):
            r = json.loads(line)
            t = article_text(r["key"])
            for a in r["attributions"]:
                for k in ("source", "via", "antecedent"):
                    s = a.get(k)
                    if s and wholly_quoted(t[s["start"]:s["end"]]):
                        n += 1
                        print(f"{os.path.basename(f)} {r['key']} {k} {s['start']}-{s['end']}")
                        if apply:
                            s["start"] += 1
                            s["end"] -= 1
                            s["h"] = h6(t[s["start"]:s["end"]])
            out.append(json.dumps(r, ensure_ascii=False))
        bad += n
        if apply and n:
            with open(f, "w", encoding="utf-8") as fh:
                fh.write("\n".join(out) + "\n")
    print(f"{bad} span(s) {'moved' if apply else 'violate the convention'}")
    return 0 if (apply or not bad) else 1


if __name__ == "__main__":
    sys.exit(main())
