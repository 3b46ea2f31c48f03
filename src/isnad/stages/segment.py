"""Stage: sentence spans (see isnad.text.segment)."""
from __future__ import annotations

from ..document import Sentence
from ..pipeline import Stage
from ..text.segment import split_sentences


class SegmentStage(Stage):
    name = "segment"
    needs = frozenset({"text"})
    provides = frozenset({"sentences"})

    def process(self, doc) -> None:
        doc.sentences = [Sentence(s, e) for s, e in split_sentences(doc.text)]
