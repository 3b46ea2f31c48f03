"""Morphological-dictionary classes per word (qalsadi + arramooz), precomputed.

For every word of the word2vec vocabulary and of train.tsv, the most frequent
written form (diacritics removed, hamza/taa marbuta kept) is analysed with
qalsadi's Analex (arramooz dictionary).  The word's class is one of
``unk`` (no dictionary analysis: typical of transliterated names), ``prop``
(a proper-noun reading exists), ``stop``, ``verb``, ``noun``, ``nv`` (noun or
verb), ``punct``, ``other``.  The table ``morph.tsv`` (normalised word → class)
ships in the model's lexicon, so neither qalsadi nor arramooz is needed at run
time.

    python training/ner/morph.py     # ≈ 20-40 min (≈ 10 ms a word)
"""
from __future__ import annotations

import glob
import json
import sys
import time
import zipfile
from collections import Counter, defaultdict

from common import BUILD, shared_data, train_sents

from isnad.text.normalize import normalize
from isnad.text.tokenize import iter_tokens

_DIAC = {c: None for c in range(0x064B, 0x0653)}
_DIAC[0x0640] = None
_DIAC[0x0670] = None


def surface_forms(words: set[str]) -> dict[str, str]:
    """normalised word -> most frequent surface form (diacritics stripped)."""
    counts: dict[str, Counter] = defaultdict(Counter)

    def add(tok):
        n = normalize(tok)
        if n in words:
            counts[n][tok.translate(_DIAC)] += 1

    for z in sorted(glob.glob(str(shared_data("saudinewsnet", "dataset") / "*.zip"))):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                for art in json.loads(zf.read(name).decode("utf-8")):
                    text = (art.get("title") or "") + "\n" + (art.get("content") or "")
                    for s, e, kind in iter_tokens(text):
                        if kind == "word":
                            add(text[s:e])
    for sent in train_sents():
        for w, _ in sent:
            add(w)
    return {n: c.most_common(1)[0][0] for n, c in counts.items()}


def classify(analyses) -> str:
    if not analyses:
        return "unk"
    types = [a.get_type() for a in analyses]
    heads = {t.split(":")[0] for t in types}
    if any("noun_prop" in t for t in types):
        return "prop"
    if heads <= {"unknown", ""}:
        return "unk"
    if "POUNCT" in heads:
        return "punct"
    if "STOPWORD" in heads:
        return "stop"
    if heads == {"Verb"}:
        return "verb"
    if heads == {"Noun"}:
        return "noun"
    if heads == {"Noun", "Verb"}:
        return "nv"
    return "other"


def main():
    import qalsadi.analex as qa
    from crf import read_clusters
    clusters, _ = read_clusters(BUILD / "clusters.tsv")
    words = set(clusters)
    for s in train_sents():
        for w, _ in s:
            words.add(normalize(w))
    t = time.time()
    forms = surface_forms(words)
    print(f"surface forms for {len(forms):,} words in {time.time() - t:.0f}s", flush=True)
    A = qa.Analex()
    out = BUILD / "morph.tsv"
    t = time.time()
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for w, form in sorted(forms.items()):
            try:
                cls = classify(A.check_word(form))
            except Exception:          # noqa: BLE001 - the analyser fails on odd input
                cls = "other"
            f.write(f"{w}\t{cls}\n")
            n += 1
            if n % 10000 == 0:
                print(f"  {n:,} {time.time() - t:.0f}s", flush=True)
    print(f"morph: {n:,} words in {time.time() - t:.0f}s -> {out}")


if __name__ == "__main__":
    sys.exit(main())
