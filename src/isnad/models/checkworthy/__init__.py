"""The packaged check-worthiness scorer: how worth fact-checking a claim is, 0..1.

A linear model (logistic regression over TF-IDF of character 2–5-grams and word
1–2-grams, Platt-calibrated) trained on CLEF-2022 CheckThat! Arabic subtask 1A
(tweets about COVID-19 and politics) by ``training/checkworthy/train.py``; see
``MODEL_CARD.md`` in this folder for data, scores and limits.

The artefact is plain data, not a pickle, so it does not break when
scikit-learn changes: ``model.json`` (vocabularies, settings, calibration,
threshold) and ``weights.npz`` (per-feature IDF and coefficient, float32).  The
predict step — n-grams, sublinear TF-IDF, L2 norm per block, dot product,
sigmoid — is reimplemented here with numpy; the training script checks that it
reproduces scikit-learn's decision function.  The analyzers below are the ones
the model was trained with (the training script passes them to scikit-learn),
so training and inference cannot drift apart.

    >>> from isnad.models.checkworthy import load
    >>> scorer = load()
    >>> scorer.score(["أعلنت وزارة الصحة تسجيل 120 إصابة جديدة بفيروس كورونا"])  # doctest: +SKIP
    [0.47...]
"""
from __future__ import annotations

import json
import math
import re
import threading
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from ...errors import ResourceError
from ...text.normalize import normalize

HERE = Path(__file__).resolve().parent
MODEL_FILE = "model.json"
WEIGHTS_FILE = "weights.npz"
FORMAT = "isnad-checkworthy/1"
# Texts are scored on their first MAX_CHARS characters: the model was trained on
# tweets (<= 280 chars) and a claim is one proposition; this bounds time on
# pathological input (a 10,000-token "sentence").
MAX_CHARS = 5000

_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_MENTION = re.compile(r"@\w+")
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")


# -- the analyzers the model was trained with --------------------------------
def prepare(text: str) -> str:
    """Text as the model sees it: URLs → ``url``, @mentions → ``user``, ``#`` and
    ``_`` → space, :func:`isnad.text.normalize.normalize` (diacritics, tatweel,
    alef/yaa/taa marbuta, digits), every digit → ``0``, whitespace collapsed."""
    text = text[:MAX_CHARS]
    text = _URL.sub(" url ", text)
    text = _MENTION.sub(" user ", text)
    text = text.replace("#", " ").replace("_", " ")
    text = normalize(text)
    text = _DIGIT.sub("0", text)
    return " ".join(text.split())


def char_ngrams(prepared: str, lo: int = 2, hi: int = 5) -> list[str]:
    """Character n-grams inside word boundaries (scikit-learn's ``char_wb``):
    each whitespace-separated word padded with one space on either side."""
    out: list[str] = []
    for w in prepared.split():
        w = f" {w} "
        n_len = len(w)
        for n in range(lo, hi + 1):
            if n > n_len:
                if n == lo:
                    out.append(w)      # a word shorter than the smallest n: once, whole
                break
            out.extend(w[i:i + n] for i in range(n_len - n + 1))
    return out


def word_ngrams(prepared: str, lo: int = 1, hi: int = 2) -> list[str]:
    """Word 1–2-grams over ``\\w+`` tokens (bigrams joined by one space)."""
    toks = _WORD.findall(prepared)
    out: list[str] = []
    for n in range(lo, hi + 1):
        out.extend(" ".join(toks[i:i + n]) for i in range(len(toks) - n + 1))
    return out


ANALYZERS = {"char": char_ngrams, "word": word_ngrams}


def has_arabic(text: str) -> bool:
    return bool(_ARABIC_LETTER.search(text or ""))


# -- the scorer ----------------------------------------------------------------
class _Block:
    __slots__ = ("name", "index", "idf", "coef", "lo", "hi")

    def __init__(self, name: str, vocab: Sequence[str], idf: np.ndarray, coef: np.ndarray,
                 lo: int, hi: int):
        if not (len(vocab) == len(idf) == len(coef)):
            raise ResourceError(f"checkworthy model: block {name!r} has {len(vocab)} features, "
                                f"{len(idf)} idf values and {len(coef)} coefficients")
        self.name = name
        self.index = {f: i for i, f in enumerate(vocab)}
        self.idf = idf.astype(np.float64)
        self.coef = coef.astype(np.float64)
        self.lo, self.hi = lo, hi

    def contribution(self, prepared: str) -> float:
        counts = Counter(ANALYZERS[self.name](prepared, self.lo, self.hi))
        idx, tf = [], []
        for f, c in counts.items():
            i = self.index.get(f)
            if i is not None:
                idx.append(i)
                tf.append(1.0 + math.log(c))     # sublinear tf
        if not idx:
            return 0.0
        ix = np.fromiter(idx, dtype=np.int64, count=len(idx))
        v = np.fromiter(tf, dtype=np.float64, count=len(tf)) * self.idf[ix]
        return float(v @ self.coef[ix]) / float(np.sqrt(v @ v))


class CheckworthyScorer:
    """``score(texts) -> [p]``: probability that each text is worth fact-checking
    (calibrated on CheckThat! 2022 Arabic dev).  ``threshold`` is the probability
    at which the dev F1 of the positive class was highest."""

    def __init__(self, meta: dict, weights: dict):
        if meta.get("format") != FORMAT:
            raise ResourceError(f"checkworthy model: format {meta.get('format')!r}, expected {FORMAT!r}")
        self.meta = meta
        self.blocks = [_Block(b["name"], b["vocab"], weights[f"{b['name']}_idf"],
                              weights[f"{b['name']}_coef"], b["ngram_range"][0], b["ngram_range"][1])
                       for b in meta["blocks"]]
        self.intercept = float(meta["intercept"])
        self.platt_a, self.platt_b = (float(x) for x in meta["platt"])
        self.threshold = float(meta["threshold"])

    def decision(self, text: str) -> float:
        """The linear model's margin (scikit-learn's ``decision_function``)."""
        prepared = prepare(text or "")
        return self.intercept + sum(b.contribution(prepared) for b in self.blocks)

    def score_one(self, text: str) -> float:
        z = self.platt_a * self.decision(text) + self.platt_b
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)

    def score(self, texts: Iterable[str]) -> list[float]:
        return [self.score_one(t) for t in texts]

    def __call__(self, texts: Iterable[str]) -> list[float]:
        return self.score(texts)


def read(folder: Path = HERE) -> CheckworthyScorer:
    """Read a model from ``folder`` (``model.json`` + ``weights.npz``)."""
    mp, wp = folder / MODEL_FILE, folder / WEIGHTS_FILE
    if not mp.exists() or not wp.exists():
        raise ResourceError(f"checkworthy model missing in {folder} (build it with "
                            f"training/checkworthy/train.py, or reinstall isnad)")
    with mp.open(encoding="utf-8") as f:
        meta = json.load(f)
    with np.load(wp, allow_pickle=False) as z:
        weights = {k: z[k] for k in z.files}
    return CheckworthyScorer(meta, weights)


def write(folder: Path, meta: dict, weights: dict[str, np.ndarray]) -> None:
    """Write a model (used by the training script)."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / MODEL_FILE).open("w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    np.savez_compressed(folder / WEIGHTS_FILE, **{k: np.asarray(v, dtype=np.float32)
                                                   for k, v in weights.items()})


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _load_packaged() -> CheckworthyScorer:
    return read(HERE)


def load() -> CheckworthyScorer:
    """The packaged scorer, read once per process."""
    with _lock:
        return _load_packaged()


__all__ = ["CheckworthyScorer", "load", "read", "write", "prepare", "char_ngrams",
           "word_ngrams", "has_arabic", "MAX_CHARS"]
