"""The packaged check-worthiness scorer: how worth fact-checking a claim is, 0..1.

A linear model trained on CLEF-2022 CheckThat! Arabic subtask 1A (tweets about
COVID-19 and politics) by ``training/checkworthy/train.py``; see ``MODEL_CARD.md``
in this folder for data, scores and limits.  Features: sublinear TF-IDF of
character 2–5-grams (within word boundaries) and word 1–2-grams, plus five
*auxiliary* scores — linear models over the same TF-IDF vector trained on the
other CheckThat! 2022 Arabic annotations of the train tweets (1B "contains a
verifiable claim", 1C "harmful", 1D "not interesting" / "discusses a cure" /
"discusses action taken") — standardised and fed to the main logistic
regression (stacking; multi-task supervision at no run-time cost: one extra
column in the weight matrix per auxiliary task).  Platt-calibrated on dev.

The artefact is plain data, not a pickle: ``model.json`` (vocabularies,
settings, calibration, threshold) and ``weights.npz`` (per-feature IDF and a
coefficient matrix whose first column is the main model and the others the
auxiliary models, float32).  The predict step is reimplemented here with numpy
and vectorised over a batch: every character n-gram of ``char_wb`` lives inside
one word, so each distinct word form is turned into its feature indices once
(a bounded per-process cache); a batch of texts is then one ``np.unique`` over
(text, feature) keys, one gather of IDF and weights, and one ``reduceat`` per
block.  The training script checks that this reproduces scikit-learn's decision
function.  The analyzers below are the ones the model was trained with (the
training script passes them to scikit-learn), so training and inference
cannot drift apart.

    >>> from isnad.models.checkworthy import load
    >>> scorer = load()
    >>> scorer.score(["أعلنت وزارة الصحة تسجيل 120 إصابة جديدة بفيروس كورونا"])  # doctest: +SKIP
    [0.47...]
"""
from __future__ import annotations

import json
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from ...errors import ResourceError
from ...text.normalize import normalize

HERE = Path(__file__).resolve().parent
MODEL_FILE = "model.json"
WEIGHTS_FILE = "weights.npz"
FORMAT = "isnad-checkworthy/2"
# Texts are scored on their first MAX_CHARS characters: the model was trained on
# tweets (<= 280 chars) and a claim is one proposition; this bounds time on
# pathological input (a 10,000-token "sentence").
MAX_CHARS = 5000
# Bound on the per-process word-form caches (entries); cleared when exceeded.
CACHE_MAX = 200_000

_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_MENTION = re.compile(r"@\w+")
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")
_EMPTY = np.zeros(0, dtype=np.int64)


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


def _word_char_ngrams(w: str, lo: int, hi: int) -> list[str]:
    w = f" {w} "
    n_len = len(w)
    out: list[str] = []
    for n in range(lo, hi + 1):
        if n > n_len:
            if n == lo:
                out.append(w)          # a word shorter than the smallest n: once, whole
            break
        out.extend(w[i:i + n] for i in range(n_len - n + 1))
    return out


def char_ngrams(prepared: str, lo: int = 2, hi: int = 5) -> list[str]:
    """Character n-grams inside word boundaries (scikit-learn's ``char_wb``):
    each whitespace-separated word padded with one space on either side."""
    out: list[str] = []
    for w in prepared.split():
        out.extend(_word_char_ngrams(w, lo, hi))
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
    """One TF-IDF block: vocabulary, IDF and the rows of the weight matrix."""
    __slots__ = ("name", "index", "idf", "W", "lo", "hi", "_cache")

    def __init__(self, name: str, vocab: Sequence[str], idf: np.ndarray, W: np.ndarray,
                 lo: int, hi: int):
        if not (len(vocab) == len(idf) == len(W)):
            raise ResourceError(f"checkworthy model: block {name!r} has {len(vocab)} features, "
                                f"{len(idf)} idf values and {len(W)} weight rows")
        self.name = name
        self.index = {f: i for i, f in enumerate(vocab)}
        self.idf = np.asarray(idf, dtype=np.float64)
        self.W = np.asarray(W, dtype=np.float64).reshape(len(vocab), -1)
        self.lo, self.hi = lo, hi
        self._cache: dict[str, np.ndarray] = {}

    def _word_indices(self, w: str) -> np.ndarray:
        """Feature indices of one word's char n-grams (with repeats), cached."""
        ix = self._cache.get(w)
        if ix is None:
            get = self.index.get
            found = [i for i in map(get, _word_char_ngrams(w, self.lo, self.hi)) if i is not None]
            ix = np.array(found, dtype=np.int64) if found else _EMPTY
            if len(self._cache) >= CACHE_MAX:
                self._cache.clear()
            self._cache[w] = ix
        return ix

    def parts(self, prepared: str) -> list[np.ndarray]:
        """Feature-index arrays of one prepared text (one entry per occurrence):
        one cached array per word for the character block, one array for words."""
        if self.name == "char":
            wi = self._word_indices
            return [wi(w) for w in prepared.split()]
        get = self.index.get
        found = [i for i in map(get, word_ngrams(prepared, self.lo, self.hi)) if i is not None]
        return [np.array(found, dtype=np.int64)] if found else []

    def indices(self, prepared: str) -> np.ndarray:
        """All feature indices of one prepared text (one entry per occurrence)."""
        parts = self.parts(prepared)
        return np.concatenate(parts) if parts else _EMPTY

    def scores(self, prepared: Sequence[str]) -> np.ndarray:
        """(len(prepared), n_outputs): each text's L2-normalised sublinear TF-IDF
        vector times the weight matrix, for the whole batch at once."""
        n_out = self.W.shape[1]
        out = np.zeros((len(prepared), n_out))
        arrays: list[np.ndarray] = []
        lens = np.zeros(len(prepared), dtype=np.int64)
        for k, p in enumerate(prepared):
            parts = self.parts(p)
            arrays.extend(parts)
            lens[k] = sum(map(len, parts))
        if not lens.sum():
            return out
        per = arrays
        doc = np.repeat(np.arange(len(prepared), dtype=np.int64), lens)
        keys, counts = np.unique(doc * len(self.idf) + np.concatenate(per), return_counts=True)
        d, f = np.divmod(keys, len(self.idf))
        v = (1.0 + np.log(counts)) * self.idf[f]          # sublinear tf × idf
        starts = np.flatnonzero(np.r_[True, d[1:] != d[:-1]])
        rows = d[starts]
        norms = np.sqrt(np.add.reduceat(v * v, starts))
        out[rows] = np.add.reduceat(v[:, None] * self.W[f], starts, axis=0) / norms[:, None]
        return out


class CheckworthyScorer:
    """``score(texts) -> [p]``: probability that each text is worth fact-checking
    (calibrated on CheckThat! 2022 Arabic dev).  ``threshold`` is the decision
    threshold chosen on held-in data (see the model card)."""

    def __init__(self, meta: dict, weights: dict):
        if meta.get("format") != FORMAT:
            raise ResourceError(f"checkworthy model: format {meta.get('format')!r}, expected {FORMAT!r}")
        self.meta = meta
        self.blocks = [_Block(b["name"], b["vocab"], weights[f"{b['name']}_idf"],
                              weights[f"{b['name']}_W"], b["ngram_range"][0], b["ngram_range"][1])
                       for b in meta["blocks"]]
        aux = meta.get("aux") or {}
        self.aux_names = list(aux.get("names", []))
        self.aux_intercept = np.asarray(aux.get("intercept", []), dtype=np.float64)
        self.aux_mean = np.asarray(aux.get("mean", []), dtype=np.float64)
        self.aux_scale = np.asarray(aux.get("scale", []), dtype=np.float64)
        self.aux_coef = np.asarray(aux.get("coef", []), dtype=np.float64)
        n_out = 1 + len(self.aux_names)
        for b in self.blocks:
            if b.W.shape[1] != n_out:
                raise ResourceError(f"checkworthy model: block {b.name!r} has {b.W.shape[1]} weight "
                                    f"columns, expected {n_out}")
        self.intercept = float(meta["intercept"])
        self.platt_a, self.platt_b = (float(x) for x in meta["platt"])
        self.threshold = float(meta["threshold"])

    def aux_scores(self, texts: Sequence[str]) -> np.ndarray:
        """(n, K) margins of the auxiliary models (names in ``aux_names``)."""
        return self._outputs([prepare(t or "") for t in texts])[:, 1:] + self.aux_intercept

    def _outputs(self, prepared: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(prepared), 1 + len(self.aux_names)))
        for b in self.blocks:
            out += b.scores(prepared)
        return out

    def decisions(self, texts: Sequence[str]) -> np.ndarray:
        """The linear model's margins (scikit-learn's ``decision_function``)."""
        texts = list(texts)
        if not texts:
            return np.zeros(0)
        o = self._outputs([prepare(t or "") for t in texts])
        m = self.intercept + o[:, 0]
        if self.aux_names:
            z = (o[:, 1:] + self.aux_intercept - self.aux_mean) / self.aux_scale
            m = m + z @ self.aux_coef
        return m

    def decision(self, text: str) -> float:
        return float(self.decisions([text])[0])

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        z = self.platt_a * self.decisions(texts) + self.platt_b
        return 0.5 * (1.0 + np.tanh(0.5 * z))          # the logistic function, overflow-free

    def score(self, texts: Iterable[str]) -> list[float]:
        return [float(p) for p in self.probabilities(list(texts))]

    def score_one(self, text: str) -> float:
        return self.score([text])[0]

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
