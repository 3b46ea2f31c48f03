"""Stage: tokens with original and normalised offsets and their sentence index."""
from __future__ import annotations

from ..pipeline import Stage
from ..text.tokenize import Token, iter_tokens


class TokenizeStage(Stage):
    name = "tokenize"
    needs = frozenset({"norm", "sentences"})
    provides = frozenset({"tokens"})

    def process(self, doc) -> None:
        norm = doc.norm
        to_norm = norm.to_norm
        ntext = norm.text
        sents = doc.sentences
        toks: list[Token] = []
        si = 0
        for start, end, kind in iter_tokens(doc.text):
            ns, ne = to_norm[start], to_norm[end]
            if ns == ne:          # nothing left after normalisation (a lone mark)
                continue
            while si < len(sents) and sents[si].end <= start:
                si += 1
            sent = si if si < len(sents) and sents[si].start <= start else -1
            toks.append(Token(len(toks), start, end, ns, ne, ntext[ns:ne], kind, sent))
        doc.tokens = toks
