"""Stage: how worth fact-checking each claim is (``Claim.checkworthiness``, 0..1).

Scores the text of every claim in ``doc.claims`` with the packaged scorer
(:mod:`isnad.models.checkworthy`: logistic regression over character and word
n-grams plus auxiliary CheckThat! scores, trained on CLEF-2022 CheckThat! Arabic
subtask 1A tweets; see its MODEL_CARD.md).  The score is the calibrated
probability that CheckThat!'s annotators would have called the text worth
fact-checking; it ranks claims better than chance (dev_test ROC-AUC 0.67) and
decides them slightly better than flagging every claim, on tweets; the model
was trained on tweets, not news sentences, so on news use it to rank.

All of a document's claims are scored in one vectorised call (the scorer caches
each word form's character n-gram indices per process), so the stage costs one
numpy pass per document rather than one per claim.

A claim whose text has no Arabic letter is left at ``null`` with
``checkworthiness_reason`` (the model has nothing to read there); every other
claim gets a score.  Nothing here can fail on odd input: empty text, emoji,
Latin-only text and very long claims (scored on their first
:data:`isnad.models.checkworthy.MAX_CHARS` characters) all give a number or a
reasoned null.
"""
from __future__ import annotations

from ..models.checkworthy import has_arabic, load
from ..pipeline import Stage

NO_ARABIC = "no Arabic text to score (the model was trained on Arabic tweets)"


class CheckworthinessStage(Stage):
    name = "checkworthiness"
    needs = frozenset({"claims"})
    provides = frozenset({"checkworthiness"})

    def __init__(self, **config):
        super().__init__(**config)
        self.scorer = load()
        self.digits = int(config.get("digits", 4))

    def process(self, doc) -> None:
        todo, texts = [], []
        for c in doc.claims:
            text = c.text if c.text is not None else doc.text[c.start:c.end]
            if has_arabic(text):
                todo.append(c)
                texts.append(text)
            else:
                c.checkworthiness = None
                c.extra["checkworthiness_reason"] = NO_ARABIC
        if not todo:
            return
        for c, p in zip(todo, self.scorer.probabilities(texts)):
            c.checkworthiness = round(min(1.0, max(0.0, float(p))), self.digits)
