"""Audit the club / brand / tournament supplement (resources/lexicons/ner_orgs_misc.tsv)
against gold labels: for every supplement match in the sentences (the runtime's longest,
clitic-aware gazetteer match), the gold label of its first token.  Rows that mostly fire on
persons, places or plain words are the ones to remove or relabel (README round 5).

    python omaudit.py            # train.tsv minus the dev slice (the default: decisions)
    python omaudit.py --dev      # the dev slice (diagnosis only)
"""
from __future__ import annotations

import argparse
from collections import Counter, defaultdict

from common import fix_bio, split_dev, train_sents
from crf import orgs_misc_entries

from isnad.models.ner.features import MAX_TOKEN, _readings, build_gazet
from isnad.text.normalize import normalize


def audit(sents, rows):
    label_of = {tuple(normalize(p).split()): (p, lab) for p, lab in rows}
    trie, longest = build_gazet(rows)
    stats: dict[tuple, Counter] = defaultdict(Counter)
    for s in sents:
        tags = fix_bio([t for _, t in s])
        norms = [_readings(normalize(w) if len(w) <= MAX_TOKEN else "") for w, _ in s]
        i, n = 0, len(s)
        while i < n:
            best = None
            for _, first in norms[i]:
                node, j, path = trie.get(first), i + 1, [first]
                while node is not None:
                    if node.get(None) and (best is None or j - i > len(best)):
                        best = tuple(path)
                    if j >= n or j - i >= longest:
                        break
                    nxt = norms[j][0][1]
                    node = node.get(nxt)
                    path.append(nxt)
                    j += 1
            if best:
                stats[best][tags[i][2:] or "O"] += 1
                i += len(best)
            else:
                i += 1
    out = []
    for key, c in stats.items():
        phrase, lab = label_of.get(key, ("?", "?"))
        other = sum(v for k, v in c.items() if k != lab)
        if other:
            out.append((other, phrase, lab, dict(c)))
    return sorted(out, reverse=True)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev", action="store_true")
    args = ap.parse_args(argv)
    tr, dev = split_dev(train_sents())
    for other, phrase, lab, counts in audit(dev if args.dev else tr, orgs_misc_entries()):
        print(other, phrase, lab, counts, sep="\t")


if __name__ == "__main__":
    main()
