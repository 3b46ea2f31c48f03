"""Shared helpers for the NER training scripts: paths, CoNLL reading, the dev slice.

Nothing here runs at analysis time; the runtime code is ``isnad.models.ner``.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO / "src"))

from isnad.evaluation.common import shared_data  # noqa: E402

BUILD = Path(os.environ.get("ISNAD_NER_BUILD", HERE / "build"))   # git-ignored
MODEL_DIR = REPO / "src" / "isnad" / "models" / "ner"

# The dev slice used for every tuning decision: the last DEV_SENTS sentences of
# train.tsv (train.tsv is ordered by article, like test.tsv, which is the tail of
# ANERcorp; a contiguous tail slice mimics that).  test.tsv is never read here
# except by the final report in train.py.
DEV_SENTS = 500


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


def fix_bio(tags: list[str]) -> list[str]:
    """IOB1 leftovers (I- after O or another type) become B-."""
    out, prev = [], "O"
    for t in tags:
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def train_sents():
    return read_conll(shared_data("anercorp", "split", "train.tsv"))


def test_sents():
    return read_conll(shared_data("anercorp", "split", "test.tsv"))


def split_dev(sents):
    return sents[:-DEV_SENTS], sents[-DEV_SENTS:]
