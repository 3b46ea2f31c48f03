"""Stage: the document language (ISO 639-1), from its script.

isnad reads Arabic; what it needs to know is whether a text is Arabic, and if
not, whether it is Latin-script (English is assumed for Latin script, since the
only non-Arabic inputs the stages handle are English).  A script count is exact
for that question and costs nothing, so no language-ID model is loaded.
Texts with no letters get ``und``.
"""
from __future__ import annotations

import regex

from ..pipeline import Stage

_AR = regex.compile(r"\p{Arabic}")
_LATIN = regex.compile(r"\p{Latin}")
_LETTER = regex.compile(r"\p{L}")


def detect_language(text: str, sample: int = 20000) -> str:
    s = text[:sample]
    letters = len(_LETTER.findall(s))
    if not letters:
        return "und"
    ar = len(_AR.findall(s))
    if ar >= 0.3 * letters:
        return "ar"
    if len(_LATIN.findall(s)) >= 0.5 * letters:
        return "en"
    return "und"


class LanguageStage(Stage):
    name = "language"
    needs = frozenset({"text"})
    provides = frozenset({"lang"})

    def process(self, doc) -> None:
        if doc.lang in (None, "", "und"):
            doc.lang = detect_language(doc.text)
