"""Stage: the normalised view of the text, with offset maps (see isnad.text.normalize)."""
from __future__ import annotations

from ..pipeline import Stage
from ..text.normalize import NormalizedText


class NormalizeStage(Stage):
    name = "normalize"
    needs = frozenset({"text"})
    provides = frozenset({"norm"})

    def process(self, doc) -> None:
        doc.norm = NormalizedText(doc.text)
