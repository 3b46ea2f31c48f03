"""Build the event-trigger seed from the UniversalPetrarch Arabic CAMEO dictionary.

Writes two data files under src/isnad/resources/events/:

* ``cameo2plover.tsv`` — the CAMEO → PLOVER table (type, mode, context) parsed from
  ``../shared/data/plover/CAMEO2PLOVER-2021.txt``;
* ``triggers_petrarch.tsv`` — one row per Arabic verb lemma of
  ``../shared/data/petrarch-arabic/dictionaries/CAMEO.ar.0.5.txt`` with the PLOVER type it votes
  for, and whether the stage should use it.

The Arabic dictionary is a machine translation of the English PETRARCH one: a verb's own code is
often that of an English homonym (قصف "fire" coded 085 "ease sanctions").  So a lemma's type is a
*vote* over every code attached to it: its own ``[code]``, its block header's code, and the codes
of every pattern line whose trailing comment lists the lemma (``- * (في اشتباك) [193] # قتل,ذبح``).
A row is marked ``use=1`` when at least ``--min-votes`` codes were cast, the winning PLOVER type
has at least ``--min-share`` of them, and the type is not one CAMEO drops (01/02 statements and
appeals).  Curated entries (triggers.yaml) always win over this seed, and its ``petrarch_block``
list removes seed words known to be wrong.

Run:  .venv/bin/python training/events/build_lexicon.py   (about a second)
"""
from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from isnad.evaluation.common import shared_data  # noqa: E402
from isnad.text.normalize import normalize  # noqa: E402

OUT = ROOT / "src" / "isnad" / "resources" / "events"
PARTICLES = {"على", "في", "إلى", "الى", "من", "عن", "ب", "ل", "مع", "ضد"}


def parse_cameo2plover(path: Path) -> dict[str, dict]:
    table: dict[str, dict] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([^#]*?)\s*(?:#\s*(.*))?$", line)
        if not m:
            continue
        code, body, desc = m.group(1), m.group(2), (m.group(3) or "").strip()
        parts = [p.strip() for p in body.split(",")]
        if len(parts) == 1 and len(code) == 2:       # "03: AGREE" — a cue-category heading
            table.setdefault(code, {"type": parts[0], "mode": "", "context": "", "description": desc})
            continue
        while len(parts) < 3:
            parts.append("")
        table[code] = {"type": parts[0], "mode": parts[1].replace(" ", ""),
                       "context": parts[2].replace(" ", ""), "description": desc}
    return table


def plover_of(code: str, table: dict) -> dict | None:
    """The PLOVER row of a CAMEO code, falling back to shorter prefixes (0874 → 087 → 08)."""
    for k in (code, code[:3], code[:2]):
        if k in table and table[k]["type"]:
            return table[k]
    return None


def parse_verbs(path: Path):
    """Yield (lemma, own_code, header_code, block_lemma) and collect pattern votes."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, l in enumerate(lines) if "VERB PATTERNS" in l)
    header = None
    verbs: list[tuple[str, str | None, str | None, str]] = []
    pattern_votes: dict[str, list[str]] = collections.defaultdict(list)
    block_verbs: list[str] = []
    for raw in lines[start + 1:]:
        line = raw.rstrip()
        m = re.match(r"^---\s+(\S+)\s+\[(\S+)\]\s+---", line)
        if m:
            header = (m.group(1), None if m.group(2) == "---" else m.group(2))
            block_verbs = []
            continue
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("-"):
            m = re.search(r"\[(\d{2,4})\]", line)
            if not m:
                continue
            code = m.group(1)
            comment = line.split("#", 1)[1] if "#" in line else ""
            listed = [w.strip() for w in comment.split(",") if w.strip()]
            for w in listed or block_verbs:
                pattern_votes[_key(w)].append(code)
            continue
        body = line.split("#", 1)[0]
        m = re.search(r"\[(\d{2,4})\]", body)
        lemma = body.split("[", 1)[0].strip()
        if not lemma or header is None:
            continue
        verbs.append((lemma, m.group(1) if m else None, header[1], header[0]))
        block_verbs.append(lemma)
    return verbs, pattern_votes


def _key(lemma: str) -> str:
    """Normalised lemma key: '+' and '_' joins become spaces."""
    return normalize(re.sub(r"[+_]", " ", lemma)).strip()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-votes", type=int, default=2)
    ap.add_argument("--min-share", type=float, default=0.6)
    args = ap.parse_args(argv)

    c2p_path = shared_data("plover", "CAMEO2PLOVER-2021.txt")
    table = parse_cameo2plover(c2p_path)
    with (OUT / "cameo2plover.tsv").open("w", encoding="utf-8") as f:
        f.write("# CAMEO code -> PLOVER type, mode, context.  Parsed by training/events/build_lexicon.py from\n"
                "# CAMEO2PLOVER-2021.txt (PLOVER manual Draft 0.8, 17-Sep-2021, P. Schrodt), openeventdata/PLOVER\n"
                "# commit 5e0c24fb.  Licence: CC BY-SA 4.0 (derived work).  Do not edit by hand: rebuild.\n")
        f.write("cameo\ttype\tmode\tcontext\tdescription\n")
        for code in sorted(table, key=lambda c: (c[:2], c)):
            r = table[code]
            f.write(f"{code}\t{r['type']}\t{r['mode']}\t{r['context']}\t{r['description']}\n")

    dic = shared_data("petrarch-arabic", "dictionaries", "CAMEO.ar.0.5.txt")
    verbs, pattern_votes = parse_verbs(dic)
    # gather votes per lemma key
    votes: dict[str, list[str]] = collections.defaultdict(list)
    lemma_text: dict[str, str] = {}
    blocks: dict[str, set] = collections.defaultdict(set)
    for lemma, own, head, block in verbs:
        k = _key(lemma)
        if not k:
            continue
        lemma_text.setdefault(k, lemma)
        blocks[k].add(block)
        if own:
            votes[k].append(own)
        elif head:
            votes[k].append(head)
    for k, codes in pattern_votes.items():
        if k in lemma_text:
            votes[k].extend(codes)

    rows = []
    for k in sorted(lemma_text):
        codes = votes.get(k, [])
        ptypes = collections.Counter()
        modes: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        for c in codes:
            p = plover_of(c, table)
            if p is None:
                ptypes["-"] += 1
                continue
            ptypes[p["type"]] += 1
            modes[p["type"]][p["mode"]] += 1
        if not ptypes:
            ptype, share, mode = "", 0.0, ""
        else:
            ptype, n = ptypes.most_common(1)[0]
            share = n / sum(ptypes.values())
            mode = modes[ptype].most_common(1)[0][0] if ptype in modes else ""
        words = k.split()
        verb = words[0]
        particle = " ".join(w for w in words[1:] if w in {normalize(p) for p in PARTICLES})
        simple = all(w in {normalize(p) for p in PARTICLES} for w in words[1:])
        use = int(bool(ptype) and ptype != "-" and len(codes) >= args.min_votes and share >= args.min_share
                   and simple and len(verb) >= 3)
        rows.append((lemma_text[k].replace("\t", " "), verb, particle, ptype if ptype != "-" else "", mode,
                     len(codes), f"{share:.2f}", ",".join(codes), ";".join(sorted(blocks[k])), use))

    with (OUT / "triggers_petrarch.tsv").open("w", encoding="utf-8") as f:
        f.write("# Arabic verb triggers seeded from UniversalPetrarch's Arabic CAMEO dictionary\n"
                "# (openeventdata/UniversalPetrarch, branch arabic, commit a0af422b, data/dictionaries/arabic/\n"
                "# CAMEO.ar.0.5.txt, MIT licence), CAMEO codes mapped to PLOVER with CAMEO2PLOVER-2021.txt.\n"
                "# Built by training/events/build_lexicon.py: a lemma's type is the majority over its own,\n"
                f"# block-header and pattern codes; use=1 when votes >= {args.min_votes} and share >= "
                f"{args.min_share}.\n"
                "# Columns: lemma (as in the dictionary), verb (normalised first word), particle, type, mode,\n"
                "# votes, share, codes, blocks, use.  Edit `use` to switch a row; triggers.yaml wins anyway.\n")
        f.write("lemma\tverb\tparticle\ttype\tmode\tvotes\tshare\tcodes\tblocks\tuse\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    used = [r for r in rows if r[-1]]
    by_type = collections.Counter(r[3] for r in used)
    print(f"cameo2plover.tsv: {len(table)} codes; triggers_petrarch.tsv: {len(rows)} lemmas, "
          f"{len(used)} used: {dict(by_type.most_common())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
