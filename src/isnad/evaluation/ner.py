"""`isnad eval ner`: entity-level P/R/F1 of the packaged NER model on ANERcorp test.tsv.

Scoring follows conlleval (CoNLL-2000/2003): a chunk starts at ``B-X``, at ``I-X``
after ``O`` or after another type, and ends where the next token does not
continue it; a predicted entity counts only if its type and exact span match a
gold entity.  Per-label and micro-averaged precision/recall/F1 are printed, with
tagging speed.  The data is read from ``../shared/data/anercorp/split/test.tsv``
(never copied into the repo).
"""
from __future__ import annotations

import time

from .common import DataMissing, prf, shared_data

HELP = "NER: per-label and micro P/R/F1 (conlleval, exact span) on ANERcorp test.tsv"
LABELS = ("PERS", "LOC", "ORG", "MISC")


def add_arguments(parser) -> None:
    parser.add_argument("--file", default=None,
                        help="CoNLL file token<TAB>gold-tag to score on (default: the shared "
                             "ANERcorp test.tsv)")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="also print N example errors")


def _split(tag: str) -> tuple[str, str]:
    if tag in ("O", "", None):
        return "O", ""
    if len(tag) > 2 and tag[1] == "-":
        return tag[0], tag[2:]
    return "B", tag


def chunks(tags: list[str]) -> set[tuple[str, int, int]]:
    """conlleval chunks ``(type, start, end)`` (end exclusive) of one tag sequence."""
    out = set()
    start = None
    ctype = ""
    prev_t = ""
    for i, tag in enumerate([*tags, "O"]):
        p, t = _split(tag)
        if start is not None and (p in ("B", "O") or t != prev_t):
            out.add((ctype, start, i))
            start = None
        if p != "O" and start is None:      # B-X, or I-X after O / after another type
            start, ctype = i, t
        prev_t = t
    return out


def score(gold_sents: list[list[str]], pred_sents: list[list[str]]) -> dict:
    """Per-label and micro ``{label: (p, r, f, n_gold)}`` over aligned sentences."""
    tp: dict[str, int] = {}
    fp: dict[str, int] = {}
    fn: dict[str, int] = {}
    for g, p in zip(gold_sents, pred_sents, strict=True):
        gc, pc = chunks(g), chunks(p)
        for c in gc & pc:
            tp[c[0]] = tp.get(c[0], 0) + 1
        for c in pc - gc:
            fp[c[0]] = fp.get(c[0], 0) + 1
        for c in gc - pc:
            fn[c[0]] = fn.get(c[0], 0) + 1
    out = {}
    labels = sorted(set(tp) | set(fp) | set(fn), key=lambda x: (LABELS.index(x) if x in LABELS else 9, x))
    for lab in labels:
        a, b, c = tp.get(lab, 0), fp.get(lab, 0), fn.get(lab, 0)
        out[lab] = (*prf(a, b, c), a + c)
    T, F, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    out["micro"] = (*prf(T, F, N), T + N)
    return out


def read_conll(path) -> list[list[tuple[str, str]]]:
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            tok, _, tag = line.partition("\t")
            cur.append((tok, tag.strip() or "O"))
    if cur:
        sents.append(cur)
    return sents


def format_scores(scores: dict) -> str:
    lines = [f"{'label':<6} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6}"]
    for lab, (p, r, f, n) in scores.items():
        lines.append(f"{lab:<6} {p:7.4f} {r:7.4f} {f:7.4f} {n:6d}")
    return "\n".join(lines)


def evaluate(path=None) -> tuple[dict, dict]:
    """Scores of the packaged model on a CoNLL file; and timing info."""
    from ..models.ner import load_tagger
    t0 = time.perf_counter()
    tagger = load_tagger()
    load_s = time.perf_counter() - t0
    if path is None:
        path = shared_data("anercorp", "split", "test.tsv")
    sents = read_conll(path)
    toks = [[w for w, _ in s] for s in sents]
    gold = [[t for _, t in s] for s in sents]
    from ..io.conll import tag_sentences
    t0 = time.perf_counter()
    pred = tag_sentences(tagger, toks)        # exactly what `isnad tag --conll` prints
    tag_s = time.perf_counter() - t0
    n = sum(map(len, toks))
    info = {"load_s": load_s, "tag_s": tag_s, "tokens": n, "sentences": len(sents),
            "tokens_per_s": n / tag_s if tag_s else float("inf"), "path": str(path),
            "pred": pred, "gold": gold, "toks": toks}
    return score(gold, pred), info


def run(args) -> int:
    try:
        scores, info = evaluate(args.file)
    except DataMissing as e:
        print(f"isnad eval ner: {e}")
        return 1
    print(f"NER on {info['path']}: {info['sentences']} sentences, {info['tokens']} tokens")
    print("entity-level, exact span, conlleval chunk semantics")
    print(format_scores(scores))
    print(f"model load {info['load_s']:.2f} s; tagging {info['tokens_per_s']:,.0f} tokens/s "
          f"({info['tag_s']:.2f} s, one process)")
    if args.errors:
        shown = 0
        for toks, g, p in zip(info["toks"], info["gold"], info["pred"]):
            if g != p and shown < args.errors:
                shown += 1
                print("---")
                for w, a, b in zip(toks, g, p):
                    mark = "" if a == b else "   <<<"
                    print(f"{w}\t{a}\t{b}{mark}")
    return 0
