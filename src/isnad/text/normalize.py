"""A normalised view of Arabic text for matching, with exact offset maps both ways.

Every operation is a deletion (diacritics, tatweel, zero-width and bidi
marks), a one-to-one substitution (alef/hamza forms, alef maqsura, taa
marbuta, Arabic-Indic and Persian digits, typographic quotes, exotic spaces,
Latin case), or the expansion of one presentation-form ligature into its
letters (ﻻ → لا, ﷲ → الله), so the map from a normalised offset to the original
is a plain array and round-trips exactly (the letters of a ligature all map to
its one code point).

Why hand-written: camel-tools' and pyarabic's normalisers return a new string
without an offset map, and pyarabic maps hamza carriers to bare hamza, which is
not what matching wants.  The character table is small and explicit here.
"""
from __future__ import annotations

import unicodedata
from array import array

# Characters deleted from the normalised view.
_DELETE_RANGES = [
    (0x0610, 0x061A),   # Arabic signs (sallallahou etc.)
    (0x064B, 0x065F),   # harakat, shadda, sukun, hamza above/below marks
    (0x0670, 0x0670),   # superscript alef
    (0x06D6, 0x06DC),   # Quranic annotation marks
    (0x06DF, 0x06E4),
    (0x06E7, 0x06E8),
    (0x06EA, 0x06ED),
    (0x0640, 0x0640),   # tatweel
    (0x200B, 0x200F),   # zero-width space/joiners, LRM, RLM
    (0x202A, 0x202E),   # bidi embeddings/overrides
    (0x2066, 0x2069),   # bidi isolates
    (0x061C, 0x061C),   # Arabic letter mark
    (0xFEFF, 0xFEFF),   # BOM / zero-width no-break space
    (0x00AD, 0x00AD),   # soft hyphen
]

_SUBST = {
    # alef and hamza-on-alef forms
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    # alef maqsura -> yaa; Persian/Urdu yeh and kaf
    "ى": "ي", "ی": "ي", "ې": "ي", "ک": "ك", "ڪ": "ك",
    # taa marbuta -> haa
    "ة": "ه", "ۀ": "ه", "ە": "ه",
    # typographic quotes
    "“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "‟": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "‹": '"', "›": '"',
    # spaces
    "\u00a0": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ",
    "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2007": " ", "\u2008": " ",
    "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u205f": " ", "\u3000": " ",
    # Arabic punctuation kept distinct but digit separators mapped
    "٫": ".", "٬": ",",
}
for _i in range(10):
    _SUBST[chr(0x0660 + _i)] = str(_i)   # Arabic-Indic digits
    _SUBST[chr(0x06F0 + _i)] = str(_i)   # Persian digits

# Arabic presentation forms: the glyph codes (isolated/initial/medial/final) that some sites and
# PDF copy-paste emit instead of letters (ﺃﺿﺎﻑ for أضاف, ﻭﻟﻲ for ولي).  Each one-letter form maps to
# its letter (then to that letter's normal form); found by the blind10 attribution run (an article
# in these forms).  The ligatures (lam-alef ﻻ ﻷ ﻹ ﻵ, the FB/FC/FD letter-pair and word ligatures
# such as ﷲ) expand to their letters: the normalised text is then longer than the original there
# and every letter of the ligature maps back to its one code point (a span ending inside it takes
# the whole glyph).  The isolated/medial forms of the harakat (ﹰ ﹶ ﹷ ﹼ, ﱞ) are marks: deleted like
# the harakat.  QA-12: left as they were, the ligatures hid every word written with lam-alef
# (الأردن، الاتفاق، الأحد، لا) — in presentation-form text about one word in eight.  Not expanded:
# the phrase ligatures with spaces (ﷺ ﷻ), which would put several words inside one token.
_PRESENTATION_DELETE = []
_PRESENTATION_MARKS = []


def _presentation_letters(ch: str) -> str:
    if any(lo <= ord(ch) <= hi for lo, hi in _DELETE_RANGES):
        return ""
    return _SUBST.get(ch, ch)


for _cp in list(range(0xFB50, 0xFDFF + 1)) + list(range(0xFE70, 0xFEFC + 1)):
    _nf = unicodedata.normalize("NFKC", chr(_cp))
    _core = _nf.lstrip(" ")              # an isolated haraka form is a space and the mark
    if _nf == chr(_cp) or not _core or any(x.isspace() for x in _core) \
            or not all(0x0600 <= ord(x) <= 0x06FF for x in _core):
        continue
    _letters = "".join(map(_presentation_letters, _core))
    if _letters:
        _SUBST[chr(_cp)] = _letters
    else:
        _PRESENTATION_DELETE.append(chr(_cp))
        if any(0x0610 <= ord(x) <= 0x06ED or x == "\u0640" for x in _core):
            _PRESENTATION_MARKS.append(chr(_cp))

_DELETE = frozenset([c for lo, hi in _DELETE_RANGES for c in map(chr, range(lo, hi + 1))]
                    + _PRESENTATION_DELETE)
# Deleted characters that belong to the letter before them (marks, tatweel, and the
# zero-width (non-)joiners, which the tokenizer keeps inside a word): a span ending on
# that letter is extended over them.  Not the Arabic letter mark U+061C: it is a bidi
# control that sits in the Arabic block, not part of a letter.
_MARKS = frozenset([c for c in _DELETE if 0x0610 <= ord(c) <= 0x06ED and c != "\u061c"]
                   + ["\u200c", "\u200d"] + _PRESENTATION_MARKS)


def _norm_char(c: str) -> str:
    """Normalised form of one character: '' (deleted), one character, or the letters of a
    presentation-form ligature."""
    if c in _DELETE:
        return ""
    s = _SUBST.get(c)
    if s is not None:
        return s
    if c.isupper():
        low = c.lower()
        if len(low) == 1:
            return low
    return c


# Precompute a translation table for the Basic Multilingual Plane chars we touch,
# used for the fast path on whole strings.
_TABLE = {ord(c): None for c in _DELETE}
_TABLE.update({ord(k): v for k, v in _SUBST.items()})


def written_last_letter(text: str, end: int) -> str:
    """The last letter of ``text[:end]`` as written ('' if none): whatever the normaliser deletes
    (diacritics, tatweel, a trailing ZWJ/ZWNJ) is skipped, and a presentation-form glyph is read as
    its letter (ﺔ is ة).  For the checks that tell a written ة from a pronoun ه (طالبة is no
    "demanded her", عدة no "deemed it"), which the normalised view cannot make (both are ه there)."""
    k = end - 1
    while k >= 0 and not normalize(text[k]):
        k -= 1
    if k < 0:
        return ""
    c = text[k]
    if "\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufefc":
        nf = unicodedata.normalize("NFKC", c)
        return nf if len(nf) == 1 else c
    return c


def normalize(text: str) -> str:
    """Normalised form of a string (no offset map): for lexicon keys and queries."""
    out = text.translate(_TABLE)
    if out.isascii():
        return out.lower()
    if out.lower() == out:      # nothing to lower-case (in C; a per-character test was a hot spot)
        return out
    return "".join(_norm_char(ch) for ch in out)


class NormalizedText:
    """The normalised view of ``original`` with offset maps.

    ``text`` is the normalised string; ``to_orig[i]`` is the original offset of
    normalised character ``i`` (``to_orig[len(text)] == len(original)``);
    ``to_norm[j]`` is the normalised offset of the first normalised character at
    or after original offset ``j``.
    """

    __slots__ = ("original", "text", "to_orig", "to_norm")

    def __init__(self, original: str):
        self.original = original
        chars: list[str] = []
        to_orig = array("l")
        to_norm = array("l")
        n = 0
        for j, c in enumerate(original):
            to_norm.append(n)
            m = _norm_char(c)
            if m:
                chars.append(m)
                if len(m) == 1:
                    to_orig.append(j)
                    n += 1
                else:                      # a ligature: each of its letters maps to it
                    to_orig.extend([j] * len(m))
                    n += len(m)
        to_norm.append(n)
        to_orig.append(len(original))
        self.text = "".join(chars)
        self.to_orig = to_orig
        self.to_norm = to_norm

    def __len__(self) -> int:
        return len(self.text)

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` covering normalised ``[start, end)``.

        The end is extended over characters deleted right after the last kept
        character (a trailing diacritic belongs to its letter), but never over
        whitespace.
        """
        if end <= start:
            o = self.to_orig[start]
            return o, o
        o_start = self.to_orig[start]
        o_end = self.to_orig[end - 1] + 1
        orig = self.original
        limit = self.to_orig[end] if end < len(self.text) else len(orig)
        while o_end < limit and orig[o_end] in _MARKS:
            o_end += 1
        return o_start, o_end

    def norm_span(self, start: int, end: int) -> tuple[int, int]:
        """Normalised ``(start, end)`` for original ``[start, end)``."""
        return self.to_norm[start], self.to_norm[end]
