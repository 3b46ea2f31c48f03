"""Dev-experiment lexicons with the club / brand / tournament supplement
(src/isnad/resources/lexicons/ner_orgs_misc.tsv) added to a lexicon.tsv.gz's gazetteer.

    python orgsmisc.py                  # build/lexicon_om.tsv.gz  (labels ORG / MISC)
    python orgsmisc.py --typed          # build/lexicon_om2.tsv.gz (CLUB / BRAND / ORG / MISC)

The cluster table is copied unchanged from --base (default: the shipped lexicon); the
gazetteer rows are ANERGazet (read afresh) + the supplement, so dev models trained with the
result differ from the ANERGazet-only recipe only by the supplement (README rows 54-61, 67).
"""
from __future__ import annotations

import argparse
import gzip

from common import BUILD, MODEL_DIR
from crf import gazet_entries, orgs_misc_entries


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default=str(MODEL_DIR / "lexicon.tsv.gz"))
    ap.add_argument("--typed", action="store_true")
    ap.add_argument("--out", default=None)
    args = ap.parse_args(argv)
    out = args.out or str(BUILD / ("lexicon_om2.tsv.gz" if args.typed else "lexicon_om.tsv.gz"))
    with gzip.open(args.base, "rt", encoding="utf-8") as f:
        text = f.read()
    # the base's gazetteer rows are replaced by ANERGazet afresh + the supplement, so a base
    # that already holds (an older version of) the supplement gives the same file
    text = "".join(line + "\n" for line in text.split("\n") if line and not line.startswith("g\t"))
    rows = orgs_misc_entries(args.typed)
    text += "".join(f"g\t{label}\t{phrase}\n" for phrase, label in gazet_entries() + rows)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(text)
    print(f"{len(rows)} supplement rows -> {out}")


if __name__ == "__main__":
    main()
