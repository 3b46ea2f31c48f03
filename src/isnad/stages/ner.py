"""Stage: named entities (PERS, LOC, ORG, MISC) from the trained ANERcorp tagger.

The document's tokens (clitics attached, punctuation as separate tokens, as in
ANERcorp) are fed sentence by sentence to :func:`isnad.models.ner.load_tagger`;
BIO runs become :class:`isnad.document.Entity` spans with original offsets.  An
entity never crosses a sentence boundary.  Tokens outside any sentence (sent ==
-1) are tagged as one extra group each run of them.

Span details: a leading prefix clitic is kept in the span, as ANERcorp labels
whole tokens (``وبغداد`` is one B-LOC token); the ``actors`` stage refines
entities (canonical actor, finer type) afterwards.  A span never ends on a
punctuation token (a trailing quote or bracket tagged I- is dropped).
"""
from __future__ import annotations

import re
import unicodedata

from ..document import Entity
from ..models.ner import _entity_runs as _spans  # BIO runs: one implementation
from ..pipeline import Stage

# Token kinds fed to the tagger.  URLs, mentions and hashtags do not occur in
# ANERcorp: they are passed as a neutral placeholder and can never be entities.
_OPAQUE = frozenset({"url", "mention", "hashtag"})
_PLACEHOLDER = {"url": "URL", "mention": "@", "hashtag": "#"}
_SURROGATES = re.compile("[\ud800-\udfff]")
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")


def _letters(m: re.Match) -> str:
    nf = unicodedata.normalize("NFKC", m.group())
    return nf if nf.strip() and not any(c.isspace() for c in nf.strip()) else m.group()


def _word(text: str, t) -> str:
    """What the tagger sees for token ``t``: its text, lone surrogates replaced by U+FFFD
    (the CRF library encodes to UTF-8), Arabic presentation forms (ﺍﻷﺭﺩﻥ, as PDF copy-paste
    writes الأردن) as their letters: the tagger learnt letters (notes/QA.md QA-15).  Entity
    offsets come from the tokens, so what the tagger sees may differ in length."""
    if t.kind in _OPAQUE:
        return _PLACEHOLDER[t.kind]
    w = text[t.start:t.end]
    if w.isascii():
        return w
    w = _SURROGATES.sub("\ufffd", w)
    return _PRESENTATION.sub(_letters, w) if _PRESENTATION.search(w) else w


class NerStage(Stage):
    name = "ner"
    needs = frozenset({"tokens"})
    provides = frozenset({"entities"})

    def __init__(self, **config):
        super().__init__(**config)
        from ..models.ner import load_tagger
        self.tagger = load_tagger(config.get("model_dir"))

    def process(self, doc) -> None:
        toks = doc.tokens
        if not toks:
            return
        text = doc.text
        groups: list[list] = []
        cur: list = []
        prev_sent = object()
        for t in toks:
            if t.sent != prev_sent and cur:
                groups.append(cur)
                cur = []
            cur.append(t)
            prev_sent = t.sent
        if cur:
            groups.append(cur)
        ents: list[Entity] = []
        words = [[_word(text, t) for t in group] for group in groups]
        for group, tags in zip(groups, self.tagger.tag_sents(words, document=True)):
            for label, a, b in _spans(tags):
                while b > a and (group[b - 1].kind in ("punct", "symbol") or group[b - 1].kind in _OPAQUE):
                    b -= 1
                while a < b and (group[a].kind in ("punct", "symbol") or group[a].kind in _OPAQUE):
                    a += 1
                if a >= b:
                    continue
                start, end = group[a].start, group[b - 1].end
                ents.append(Entity(f"e{len(ents) + 1}", start, end, text[start:end], label))
        doc.entities = ents
