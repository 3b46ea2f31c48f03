"""Check (default) or apply (``--apply``) the quote-mark convention of GUIDELINES.md
("Quote marks"): a source / via / antecedent span that is wholly a quoted name is stored
without its quote marks; quotes inside a longer mention stay.  Offsets move by one on each
side and the span hash is regenerated (``anchors.h6``); article text is read from the shared
data, never written.

    .venv/bin/python training/attribution/quote_convention.py          # list violations, exit 1 if any
    .venv/bin/python training/attribution/quote_convention.py --apply  # rewrite the jsonl files
"""
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from anchors import h6, realign_splits  # noqa: E402

PAIRS = {"«": "»", "“": "”", '"': '"', "”": "“", "»": "«"}
INNER = "«»“”\""


def wholly_quoted(s: str) -> bool:
    return len(s) > 2 and s[0] in PAIRS and s[-1] == PAIRS[s[0]] and not any(c in s[1:-1] for c in INNER)


def fix(r: dict, t: str, log) -> int:
    n = 0
    for a in r["attributions"]:
        for k in ("source", "via", "antecedent"):
            s = a.get(k)
            if s and wholly_quoted(t[s["start"]:s["end"]]):
                n += 1
                log(f"{k} {s['start']}-{s['end']}")
                s["start"] += 1
                s["end"] -= 1
                s["h"] = h6(t[s["start"]:s["end"]])
    return n


def main(argv=None) -> int:
    return realign_splits(fix, "--apply" in (argv or sys.argv[1:]), "quoted-span fix(es)")


if __name__ == "__main__":
    sys.exit(main())
