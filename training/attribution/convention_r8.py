"""Check (default) or apply (``--apply``) the round-8 convention of GUIDELINES.md ("Round 8
conventions") to the attribution splits: a **link label** line (``رابط الخبر بصحيفة الوئام: X: …``,
the headline of a linked story appended by the site) holds no attribution — its colon or verb
is not a cue.  Records whose cue starts inside such a line (from ``رابط الخبر`` to the line end)
are removed.  Article text is read from the shared data, never written.  blind8 (being annotated
under this rule, never opened here) is skipped.

    .venv/bin/python training/attribution/convention_r8.py          # list changes, exit 1 if any
    .venv/bin/python training/attribution/convention_r8.py --apply  # rewrite the jsonl files
"""
from __future__ import annotations

import os
import sys

import regex

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from anchors import realign_splits  # noqa: E402

LINK = regex.compile(r"رابط\s+الخبر[^\n\r\u2028\u2029]*")
SKIP = ("blind8",)


def fix(r: dict, t: str, log) -> int:
    lines = [(m.start(), m.end()) for m in LINK.finditer(t)]
    if not lines:
        return 0
    keep, n = [], 0
    for a in r["attributions"]:
        c = a["cue"]["start"]
        if any(s <= c < e for s, e in lines):
            n += 1
            log(f"remove link-label cue {t[c:a['cue']['end']]!r} in {t[c - 30:c + 30]!r}")
        else:
            keep.append(a)
    r["attributions"] = keep
    return n


def main(argv=None) -> int:
    return realign_splits(fix, "--apply" in (argv or sys.argv[1:]), "change(s)", skip=SKIP)


if __name__ == "__main__":
    sys.exit(main())
