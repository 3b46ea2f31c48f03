"""Turn anchor-style attribution annotations into offset-only standoff records.

Annotators write, *outside the repository*, a YAML file keyed by article key
(see ``select_eval.py``) whose entries locate spans by short context strings
with the span in square brackets::

    "2015-07-25.zip:368:4a34bffdb61a":
      - cue: "و[لفت] في تصريح"        # unique in the article, or suffix "@2" for the 2nd hit
        role: say
        src: null                      # explicit source mention, nearest to the cue
        ante: "[أحمد بن محمد الجروان]"  # antecedent of an implicit source (nearest before the cue)
        via: null                      # the transmitting source of نقل X عن Y
        kind: official
        content: ["إلى أن [فتح", "العربي]"]   # start anchor (first after the cue unless
                                                # it starts with "<"), end anchor (first after start)

Anchors are matched on the normalised text (isnad.text.normalize), spaces flexible,
so hamza/diacritic variants do not matter.  The output (committed) holds only keys,
offsets, labels and a 6-hex SHA-1 of each span, never article text:

    .venv/bin/python training/attribution/anchors.py /tmp/ann.yaml \
        src/isnad/evaluation/data/attribution/test.jsonl
"""
from __future__ import annotations

import glob
import hashlib
import json
import os
import sys

import regex
import yaml

from isnad.evaluation.attribution import article_text
from isnad.text.normalize import NormalizedText, normalize


class AnchorError(Exception):
    pass


def _pattern(anchor: str) -> tuple[regex.Pattern, int]:
    occ = 0
    m = regex.search(r"@(\d+)$", anchor)
    if m:
        occ = int(m.group(1))
        anchor = anchor[:m.start()]
    if anchor.count("[") != 1 and anchor.count("]") != 1:
        anchor = f"[{anchor}]" if "[" not in anchor and "]" not in anchor else anchor
    pre, rest = (anchor.split("[", 1) if "[" in anchor else ("", anchor))
    mid, post = (rest.split("]", 1) if "]" in rest else (rest, ""))

    def pat(s: str) -> str:
        s = normalize(s)
        return r"\s*".join(regex.escape(part) for part in regex.split(r"\s+", s.strip())) if s.strip() else ""

    p = pat(pre) + (r"\s*" if pre.strip() and pre[-1:].isspace() else "") + f"(?P<s>{pat(mid)})"
    p += (r"\s*" if post[:1].isspace() else "") + pat(post)
    if not pre.strip() and mid.strip()[:1].isalpha():    # a bare span edge is a word edge
        p = r"(?<!\p{L})" + p
    if not post.strip() and mid.strip()[-1:].isalpha():
        p += r"(?!\p{L})"
    return regex.compile(p), occ


def _hits(nt: NormalizedText, anchor: str) -> tuple[list[tuple[int, int]], int]:
    pat, occ = _pattern(anchor)
    out = [nt.orig_span(m.start("s"), m.end("s")) for m in pat.finditer(nt.text, overlapped=True)]
    return sorted(set(out)), occ


def locate(nt, anchor: str, *, near: int | None = None, after: int | None = None,
           before: int | None = None, unique: bool = False) -> tuple[int, int]:
    hits, occ = _hits(nt, anchor)
    if not hits:
        raise AnchorError(f"anchor not found: {anchor!r}")
    if occ:
        if occ > len(hits):
            raise AnchorError(f"anchor {anchor!r}: only {len(hits)} hits")
        return hits[occ - 1]
    if after is not None:
        hits = [h for h in hits if h[0] >= after]
    if before is not None:
        hits = [h for h in hits if h[1] <= before]
    if not hits:
        raise AnchorError(f"anchor {anchor!r}: no hit in range after={after} before={before}")
    if unique and len(hits) > 1:
        raise AnchorError(f"anchor {anchor!r} is ambiguous ({len(hits)} hits): add context or @N")
    if near is not None:
        return min(hits, key=lambda h: abs(h[0] - near))
    return hits[0] if before is None else hits[-1]


def h6(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:6]


def span(text: str, se) -> dict | None:
    if se is None:
        return None
    s, e = se
    return {"start": s, "end": e, "h": h6(text[s:e])}


def convert(key: str, entries: list[dict]) -> dict:
    text = article_text(key)
    nt = NormalizedText(text)
    out = []
    for n, ent in enumerate(entries or []):
        try:
            cue = locate(nt, ent["cue"], unique=True)
            src = locate(nt, ent["src"], near=cue[0]) if ent.get("src") else None
            via = locate(nt, ent["via"], near=cue[0]) if ent.get("via") else None
            ante = locate(nt, ent["ante"], before=cue[0]) if ent.get("ante") else None
            content = None
            if ent.get("content"):
                a, b = ent["content"]
                if a.startswith("<"):
                    cs = locate(nt, a[1:], before=cue[0])
                else:
                    cs = locate(nt, a, after=cue[0])
                if b.endswith("$"):
                    ce = (cs[0], len(text.rstrip()))
                else:
                    ce = locate(nt, b, after=cs[0])
                content = (cs[0], ce[1])
        except AnchorError as e:
            raise AnchorError(f"{key} entry {n} ({ent.get('cue')}): {e}") from None
        if src is None and ante is None and ent.get("kind") != "none":
            print(f"warning: {key} entry {n}: neither src nor ante", file=sys.stderr)
        out.append({"cue": span(text, cue), "role": ent.get("role", "say"),
                    "source": span(text, src), "via": span(text, via), "antecedent": span(text, ante),
                    "kind": ent.get("kind"), "content": span(text, content)})
    return {"key": key, "h": h6(text), "attributions": out}


GOLD_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "isnad",
                        "evaluation", "data", "attribution")


def realign_splits(fix, apply: bool, what: str, skip: tuple = ()) -> int:
    """Run ``fix(record, article_text, log) -> number of changes`` over the records of every
    split (``*.jsonl`` in the gold folder); with ``apply``, rewrite the files that changed.
    The convention scripts (quote_convention.py, convention_r7.py) share it.  Exit status 0
    when applied or nothing to change, 1 when changes are needed."""
    total = 0
    for f in sorted(glob.glob(os.path.join(GOLD_DIR, "*.jsonl"))):
        out, n = [], 0
        name = os.path.basename(f)
        if name[:-len(".jsonl")] in skip:
            continue
        for line in open(f, encoding="utf-8"):
            r = json.loads(line)
            n += fix(r, article_text(r["key"]), lambda msg, key=r["key"]: print(f"{name} {key} {msg}"))
            out.append(json.dumps(r, ensure_ascii=False))
        total += n
        if apply and n:
            with open(f, "w", encoding="utf-8") as fh:
                fh.write("\n".join(out) + "\n")
    print(f"{total} {what} {'applied' if apply else 'needed'}")
    return 0 if (apply or not total) else 1


def main(argv=None) -> int:
    argv = argv or sys.argv[1:]
    src, dst = argv[0], argv[1]
    with open(src, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    records, errors = [], []
    for k, v in data.items():
        try:
            records.append(convert(k, v))
        except AnchorError as e:
            errors.append(str(e))
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    with open(dst, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(records)} articles, {sum(len(r['attributions']) for r in records)} attributions → {dst}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
