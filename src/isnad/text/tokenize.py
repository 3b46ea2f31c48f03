"""Tokens with offsets, and Arabic prefix-clitic splitting for matching.

Tokens are whitespace/punctuation words, as in ANERcorp (clitics stay attached
to the word, so a tagger trained there sees the same units).  Splitting of the
attached prefix clitics و ف ب ل ك (and ل + ال → لل) is offered per token by
:func:`clitic_splits`, which lexicon matching uses: ``وبالحسكة`` can match the
entry ``الحسكة`` with the clitics ``وب`` left out of the span.  A clitic written
apart with tatweel (``لـ “التحالف``) is its own token ``لـ`` whose ``norm`` is
the bare clitic; :data:`STANDALONE_CLITICS` names those.

Why hand-written: the tokenizers on offer (camel-tools' simple_word_tokenize,
pyarabic) return strings without offsets and split words from digits and
punctuation by rules not tuned for Arabic social text (mentions, hashtags,
URLs, Arabic decimal separators).
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

_AR_LETTERS = (
    "\u0621-\u063A\u0641-\u064A\u066E-\u066F\u0671-\u06D3\u06D5\u06EE-\u06EF\u06FA-\u06FF"
    "\u0750-\u077F\u08A0-\u08C9"
    "\uFB50-\uFC5D\uFC64-\uFCF1\uFCF5-\uFD3D\uFD50-\uFDC7\uFDF0-\uFDFB\uFE80-\uFEFC"
)
# (the presentation-form blocks less their punctuation and symbols — the ornate parentheses ﴾ ﴿
# around a quoted verse, the rial sign ﷼, ﷽ and the honorific signs are no letters: they glued
# onto the word they touch, ﴾حلب﴿ was one token (notes/QA.md QA-17) — and less the glyph forms
# of the harakat (ﹰ ﹶ ﹷ ﹼ ﹿ, ﱞ ﳲ), which are marks: the normaliser deletes them, so a word starting
# with one began a token and its matches started inside that token)
_AR_MARKS = ("\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C\u200D"
             "\uFC5E-\uFC63\uFCF2-\uFCF4\uFE70-\uFE72\uFE74\uFE76-\uFE7F")

TOKEN_RE = regex.compile(
    r"(?P<url>(?:https?://|www\.)[^\s\u060C\u061B\"“”«»<>]+[^\s\u060C\u061B\"“”«»<>.,:;!?؟)\]])"
    r"|(?P<mention>@[\w_]+)"
    r"|(?P<hashtag>#[\w_\u0640]+)"
    r"|(?P<number>\d+(?:[.,٫٬]\d+)*(?:%|٪)?)"
    rf"|(?P<word>[{_AR_LETTERS}][{_AR_LETTERS}{_AR_MARKS}]*)"
    r"|(?P<latin>[\p{L}--[\p{Arabic}\u0640]][\p{L}\p{M}\d_--[\p{Arabic}\u0640]]*"
    r"(?:['’\-][\p{L}\p{M}\d--[\p{Arabic}\u0640]]+)*)"
    r"|(?P<punct>[\p{P}])"
    r"|(?P<symbol>[^\s])",
    regex.V1,
)

# Normalised clitic prefixes (conjunction, then preposition/particle).
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")
STANDALONE_CLITICS = frozenset(c + p for c in _CONJ for p in _PREP if c + p)


@dataclass(slots=True)
class Token:
    i: int            # index in the document's token list
    start: int        # original offsets
    end: int
    nstart: int       # offsets in the normalised view
    nend: int
    norm: str         # normalised form (doc.norm.text[nstart:nend])
    kind: str         # word | latin | number | url | mention | hashtag | punct | symbol
    sent: int = -1    # sentence index

    @property
    def is_word(self) -> bool:
        return self.kind in ("word", "latin")


def clitic_splits(norm: str) -> list[tuple[int, str]]:
    """Possible (prefix length, stem) readings of a normalised Arabic word.

    The first reading is always the whole word (0, norm).  Stems are at least
    two letters; ``لل`` readings also give the stem with its ``ال`` restored
    (``للتحالف`` → ``التحالف``, prefix length 1: the span keeps the second ل).
    """
    out = [(0, norm)]
    seen = {norm}
    for c in _CONJ:
        if c and not norm.startswith(c):
            continue
        for p in _PREP:
            pre = c + p
            if not pre or not norm.startswith(pre):
                continue
            stem = norm[len(pre):]
            if len(stem) >= 2 and stem not in seen:
                seen.add(stem)
                out.append((len(pre), stem))
            if p == "ل" and stem.startswith("ل") and len(stem) >= 3:
                restored = "ا" + stem
                if restored not in seen:
                    seen.add(restored)
                    out.append((len(pre), restored))
    return out


def iter_tokens(text: str):
    """Yield ``(start, end, kind)`` for every token of ``text``."""
    for m in TOKEN_RE.finditer(text):
        yield m.start(), m.end(), m.lastgroup
