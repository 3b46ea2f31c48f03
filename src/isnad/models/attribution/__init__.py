"""The attribution stage's learned cue model: a logistic regression over the lexicon matches
the rules consider (features: ``isnad.stages.attribution._Run.cue_features``), stored as a
small JSON table of feature weights (``cue_model.json``, trained by
``training/attribution/train_cue_model.py``; see MODEL_CARD.md).  Inference needs only the
standard library: p = sigmoid(bias + sum of the weights of the features present).

The stage uses it to veto rule cues with p < ``veto`` and to give an attribution to lexicon
verbs and participles the rules rejected with p >= ``add``.  When the file is absent or says
``"enabled": false`` the stage runs on rules alone."""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
MODEL = HERE / "cue_model.json"


class CueModel:
    def __init__(self, data: dict):
        self.weights: dict[str, float] = data["weights"]
        self.bias = float(data.get("bias", 0.0))
        self.veto = float(data.get("veto", 0.0))
        self.add = float(data.get("add", 1.01))
        self.meta = {k: v for k, v in data.items() if k != "weights"}

    def score(self, feats: dict) -> float:
        w = self.weights
        return self.bias + sum(w.get(k, 0.0) * v for k, v in feats.items())

    def prob(self, feats: dict) -> float:
        z = self.score(feats)
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0

    def to_json(self) -> dict:
        return {**self.meta, "bias": self.bias, "veto": self.veto, "add": self.add, "weights": self.weights}


@lru_cache(maxsize=1)
def load_cue_model(path: str | None = None) -> CueModel | None:
    p = Path(path) if path else MODEL
    if not p.exists():
        return None
    data = json.loads(p.read_text(encoding="utf-8"))
    if not data.get("enabled", True):
        return None
    return CueModel(data)
