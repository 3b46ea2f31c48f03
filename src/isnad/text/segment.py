"""Sentence segmentation for Arabic news and social text.

Boundaries: line breaks; ``.``, ``!``, ``?``, ``؟``, ``…`` (and runs of them)
followed by whitespace or the end of the line, with any closing quotes or
brackets that stick to them kept in the sentence.  Not a boundary: a dot between
digits (3.5), a dot after a single letter or a listed abbreviation (د. ، م. ،
U.S.), a dot inside a dotted acronym (أ.ف.ب).  Unbalanced quotes are ignored:
they never hold a sentence open across a line break.

Why hand-written: no offline sentence splitter handles Arabic punctuation (the
NLTK Punkt models are not shipped for Arabic and would need a download).
"""
from __future__ import annotations

import regex

_END = regex.compile(r"[.!?؟…]+[\"'”’»)\]]*(?=\s|$)")
_LINE = regex.compile(r"[^\n\r\u2028\u2029]+")
_ABBREV = frozenset({
    # Arabic titles and markers written with a dot
    "د", "م", "ه", "هـ", "ق", "ص", "ب", "أ", "ج", "ت", "ش", "ع", "ط",
    "ق.م", "ص.ب", "أ.د", "م.م",
    # Latin
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "etc", "jan", "feb", "aug",
    "sept", "oct", "nov", "dec", "inc", "ltd", "co", "gen", "col", "lt", "sgt",
})
_PREV_WORD = regex.compile(r"([\p{L}\p{M}.\u0640]+)$")


def _is_abbreviation(text: str, dot_at: int) -> bool:
    m = _PREV_WORD.search(text, max(0, dot_at - 40), dot_at)
    if not m:
        return False
    word = m.group(1).strip(".").replace("\u0640", "")
    if not word:
        return False
    if len(word) == 1:
        return True
    if "." in word:          # dotted acronym: U.S. / أ.ف.ب.
        return True
    return word.lower() in _ABBREV


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` over ``text``, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        ls, le = line.start(), line.end()
        seg_start = ls
        for m in _END.finditer(text, ls, le):
            run = text[m.start():m.end()].rstrip("\"'”’»)]")
            if run == "." and _is_abbreviation(text, m.start()):
                continue
            _add(text, seg_start, m.end(), spans)
            seg_start = m.end()
        _add(text, seg_start, le, spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
