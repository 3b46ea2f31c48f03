"""Arabic numbers: digits and number words → values, with token and character spans.

Used by the times stage (days of the month, years, "قبل ثلاثة أيام") and by
event extraction (casualty counts: "مقتل 750", "سبعمائة وخمسين", "عشرات
القتلى", "بين 10 و15 جريحا", "أكثر من مئة").

API
---
:func:`parse_number` (str → int | float | None)
    The value of a string that is one number phrase and nothing else:
    ``parse_number("سبعمائة وخمسين") == 750``, ``parse_number("الحادي والعشرين")
    == 21``, ``parse_number("٧٥٠") == 750``; vague words and non-numbers → None.
:func:`parse_quantity` (str → :class:`NumberSpan` | None)
    The same, keeping qualifiers, ranges and vague quantities.
:func:`find_numbers` (doc → list[:class:`NumberSpan`])
    Every maximal number phrase in a document that has ``norm`` and ``tokens``
    (the pipeline's ``normalize`` and ``tokenize`` stages), left to right.
:func:`numbers_in_text` (str → list[:class:`NumberSpan`])
    The same for a bare string (tokenised here with the shared toolkit).
:func:`number_at` / :func:`quantity_at` (doc, token index → NumberSpan | None)
    The core number (or the full quantity, with qualifier and range) that
    starts exactly at a token: for grammars that already know where to look.
:func:`qualifier_at` (doc, token index → (qualifier, end token) | None)
    A qualifier alone, for nouns that carry their number (أكثر من عامين).

:class:`NumberSpan` fields
--------------------------
``start``/``end``
    code-point offsets into the original text (``text[start:end] == span.text``);
    a prefix clitic on the first word (و ف ب ل ك: ``وثلاثة``) is left outside.
``tok_start``/``tok_end``
    token indices ``[tok_start, tok_end)`` (the first token may carry the clitic).
``value``
    the stated number (int, or float for "2.5"); None for ranges and vague words.
``low``/``high``
    inclusive bounds implied by the phrase, None where unbounded/unknown:
    exact ``(v, v)``; ``about`` (نحو، حوالي، قرابة، زهاء، تقريبا) ``(None, None)``;
    ``more_than`` ``(v+1, None)``; ``at_least`` ``(v, None)``; ``less_than``
    ``(None, v-1)``; ``up_to`` ``(None, v)``; range ``(a, b)``; vague words an
    order of magnitude: عشرات 10–99, مئات 100–999, آلاف 1,000–9,999, عشرات
    الآلاف 10,000–99,999, بضعة/عدة 3–9 …
``kind``
    ``exact`` | ``range`` | ``vague``.
``qualifier``
    None | ``about`` | ``more_than`` | ``at_least`` | ``less_than`` | ``up_to``.
``ordinal``
    True for ordinals and definite numerals (الثالث، العشرين، الحادي والعشرين، الـ20).
``percent``
    True for ``20%`` / ``20 في المائة``: a rate, not a count.

Why hand-written: pyarabic's ``text2number`` handles cardinals but returns 0
for ordinals (العشرين) and has no offsets, ranges, qualifiers or vague
quantities; nothing else on PyPI parses Arabic number words.  The number words
are a closed grammatical class, so they are tables in this module rather than a
data file.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from operator import attrgetter
from functools import lru_cache
from typing import Sequence

from .normalize import NormalizedText, normalize
from .tokenize import Token, clitic_splits, iter_tokens

__all__ = ["NumberSpan", "parse_number", "parse_quantity", "find_numbers", "numbers_in_text",
           "number_at", "quantity_at", "qualifier_at", "word_value"]


@dataclass(frozen=True, slots=True)
class NumberSpan:
    start: int
    end: int
    tok_start: int
    tok_end: int
    text: str
    value: int | float | None
    low: int | float | None
    high: int | float | None
    kind: str = "exact"              # exact | range | vague
    qualifier: str | None = None     # about | more_than | at_least | less_than | up_to
    ordinal: bool = False
    percent: bool = False

    @property
    def is_exact(self) -> bool:
        return self.kind == "exact" and self.qualifier is None


# ---------------------------------------------------------------------------
# Word tables (normalised forms: ة→ه, أإآ→ا, ى→ي)

# class codes
U, TEN, TEENMARK, HUND, SCALE, SCALE_PL, HALF = "unit", "ten", "teen", "hund", "scale", "scale_pl", "half"

_WORDS: dict[str, tuple[float, str]] = {}


def _add(forms: str, value, cls) -> None:
    for f in forms.split():
        _WORDS.setdefault(normalize(f), (value, cls))


_add("واحد واحدة واحدا", 1, U)
_add("اثنان اثنين اثنتان اثنتين اثنا اثني ثنتان ثنتين", 2, U)
_add("ثلاث ثلاثة", 3, U)
_add("أربع أربعة", 4, U)
_add("خمس خمسة", 5, U)
_add("ست ستة", 6, U)
_add("سبع سبعة", 7, U)
_add("ثمان ثماني ثمانية", 8, U)
_add("تسع تسعة", 9, U)
_add("عشر عشرة", 10, TEENMARK)      # 10 alone, or the "-teen" of 11–19
_add("أحد إحدى", 1, "unit_compound")  # only in أحد عشر / إحدى عشرة
for _v, _forms in ((20, "عشرون عشرين"), (30, "ثلاثون ثلاثين"), (40, "أربعون أربعين"),
                   (50, "خمسون خمسين"), (60, "ستون ستين"), (70, "سبعون سبعين"),
                   (80, "ثمانون ثمانين"), (90, "تسعون تسعين")):
    _add(_forms, _v, TEN)
_add("مائة مئة مائه مئه", 100, HUND)
_add("مائتان مائتين مئتان مئتين مائتا مائتي مئتا مئتي", 200, HUND)
for _v, _stem in ((3, "ثلاث"), (4, "أربع"), (5, "خمس"), (6, "ست"), (7, "سبع"), (8, "ثمان"), (9, "تسع")):
    _add(f"{_stem}مائة {_stem}مئة", _v * 100, HUND)
_add("ثمانمائة ثمانمئة ثمانيمائة ثمانيمئة", 800, HUND)
_add("ألف ألفا", 1000, SCALE)
_add("ألفان ألفين ألفي", 2000, SCALE)
_add("آلاف ألوف", 1000, SCALE_PL)
_add("مليون مليونا", 10**6, SCALE)
_add("مليونان مليونين مليوني", 2 * 10**6, SCALE)
_add("ملايين", 10**6, SCALE_PL)
_add("مليار مليارا بليون بليونا", 10**9, SCALE)
_add("ملياران مليارين ملياري", 2 * 10**9, SCALE)
_add("مليارات بلايين", 10**9, SCALE_PL)
_add("تريليون", 10**12, SCALE)
_add("نصف", 0.5, HALF)

# Ordinals: units (masc/fem, definite/indefinite) and the ال-forms of the tens.
_ORD: dict[str, tuple[int, str]] = {}
for _v, _forms in ((1, "الأول الأولى أول"), (2, "الثاني الثانية ثاني ثانية"),
                   (3, "الثالث الثالثة ثالث ثالثة"), (4, "الرابع الرابعة رابع رابعة"),
                   (5, "الخامس الخامسة خامس خامسة"), (6, "السادس السادسة سادس سادسة"),
                   (7, "السابع السابعة سابع سابعة"), (8, "الثامن الثامنة ثامن ثامنة"),
                   (9, "التاسع التاسعة تاسع تاسعة"), (10, "العاشر العاشرة عاشر عاشرة")):
    for _f in _forms.split():
        _ORD[normalize(_f)] = (_v, U)
for _f in ("الحادي", "الحادية", "حادي", "حادية"):
    _ORD[normalize(_f)] = (1, "unit_compound")
for _v, _forms in ((20, "العشرين العشرون"), (30, "الثلاثين الثلاثون"), (40, "الأربعين الأربعون"),
                   (50, "الخمسين الخمسون"), (60, "الستين الستون"), (70, "السبعين السبعون"),
                   (80, "الثمانين الثمانون"), (90, "التسعين التسعون"), (100, "المائة المئة")):
    for _f in _forms.split():
        _ORD[normalize(_f)] = (_v, TEN if _v < 100 else HUND)
_TEEN_AFTER_ORD = frozenset(normalize(f) for f in ("عشر", "عشرة"))

# Vague quantities: word → (low, high, scale-able)
_VAGUE: dict[str, tuple[int, int]] = {}
for _f, _b in (("عشرات", (10, 99)), ("العشرات", (10, 99)), ("مئات", (100, 999)), ("مئات", (100, 999)),
               ("مئات", (100, 999)), ("المئات", (100, 999)), ("مئات", (100, 999)),
               ("آلاف", (1000, 9999)), ("الآلاف", (1000, 9999)), ("ألوف", (1000, 9999)),
               ("الألوف", (1000, 9999)), ("ملايين", (10**6, 10**7 - 1)), ("الملايين", (10**6, 10**7 - 1)),
               ("مليارات", (10**9, 10**10 - 1)), ("بضع", (3, 9)), ("بضعة", (3, 9)),
               ("عدة", (3, 9)), ("مئات", (100, 999))):
    _VAGUE[normalize(_f)] = _b
# spelling variants of مئات
for _f in ("مئات", "مئات", "مئآت", "مئاة"):
    _VAGUE.setdefault(normalize(_f), (100, 999))
# scale nouns that may follow a vague word: عشرات الآلاف, مئات الآلاف, عشرات الملايين
_VAGUE_SCALES = {normalize(f): v for f, v in (("الآلاف", 1000), ("آلاف", 1000), ("الألوف", 1000),
                                            ("الملايين", 10**6), ("ملايين", 10**6),
                                            ("المليارات", 10**9))}

# Qualifiers before a number (normalised token sequences), longest first.
_QUAL_BEFORE: list[tuple[tuple[str, ...], str]] = sorted((
    (tuple(normalize(w) for w in phrase.split()), q) for phrase, q in (
        ("نحو", "about"), ("حوالي", "about"), ("حوالى", "about"), ("قرابة", "about"),
        ("زهاء", "about"), ("ما يقارب", "about"), ("يقارب", "about"), ("ما يقرب من", "about"),
        ("ما يناهز", "about"), ("يناهز", "about"), ("تقريبا", "about"), ("قرابه", "about"),
        ("أكثر من", "more_than"), ("ما يزيد على", "more_than"), ("ما يزيد عن", "more_than"),
        ("يزيد على", "more_than"), ("يزيد عن", "more_than"), ("أزيد من", "more_than"),
        ("ما لا يقل عن", "at_least"), ("لا يقل عن", "at_least"), ("ما لا يقل عن", "at_least"),
        ("أقل من", "less_than"), ("ما يقل عن", "less_than"), ("دون", "less_than"),
        ("ما يصل إلى", "up_to"), ("يصل إلى", "up_to"), ("حتى", "up_to"),
    )), key=lambda x: -len(x[0]))
_QUAL_INDEX: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _seq, _q in _QUAL_BEFORE:
    _QUAL_INDEX.setdefault(_seq[0], []).append((_seq, _q))
_CLITIC_LETTERS = frozenset("وفبلك")
_QUAL_AFTER = {normalize("تقريبا"): "about", normalize("تقريباً"): "about"}
_AT_LEAST_AFTER = (normalize("على"), normalize("الأقل"))
_PERCENT_AFTER = ((normalize("في"), normalize("المائة")), (normalize("في"), normalize("المئة")),
                  (normalize("بالمائة"),), (normalize("بالمئة"),), (normalize("%"),),
                  (normalize("٪"),))
_AND = "و"
_RANGE_MID = frozenset({"-", "–", "—", normalize("إلى"), normalize("الى"), normalize("حتى"),
                        normalize("او"), normalize("أو"), "/"})
_RANGE_OPEN = {normalize("بين"): (_AND,), normalize("من"): (normalize("إلى"), normalize("حتى"), "-")}
_DEFINITE_BARE = frozenset({"ال"})      # "الـ20": the article written apart


def word_value(norm: str) -> tuple[float, str] | None:
    """(value, class) of one normalised number word, or None.  Classes: unit,
    unit_compound, teen, ten, hund, scale, scale_pl, half, ord_*."""
    w = _WORDS.get(norm)
    if w is not None:
        return w
    o = _ORD.get(norm)
    if o is not None:
        return o[0], "ord_" + o[1]
    if norm.startswith("ال") and len(norm) > 4:
        # definite cardinals: الأيام الثلاثة، الأشهر الستة، العشرة
        w = _WORDS.get(norm[2:])
        if w is not None and w[1] in (U, TEENMARK, TEN, HUND):
            return w[0], "ord_" + w[1]
    return None


def definite_forms() -> set[str]:
    """Normalised definite cardinals (الثلاثه، العشره …) that :func:`word_value` reads."""
    return {"ال" + w for w, (_, c) in _WORDS.items() if c in (U, TEENMARK, TEN, HUND)}


# ---------------------------------------------------------------------------
# Digits

def _digit_value(norm: str) -> tuple[float | int, bool] | None:
    """Value of a number token's norm and whether it is a percent."""
    pct = norm.endswith("%") or norm.endswith("٪")
    s = norm.rstrip("%٪")
    if not s or not s[0].isdigit():
        return None
    if "," in s:
        groups = s.split(",")
        if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
            s = "".join(groups)
        elif len(groups) == 2:
            s = groups[0] + "." + groups[1]
        else:
            return None
    if s.count(".") > 1:
        groups = s.split(".")
        if all(len(g) == 3 for g in groups[1:]):
            s = "".join(groups)
        else:
            return None
    try:
        v = float(s) if "." in s else int(s)
    except ValueError:
        return None
    if isinstance(v, float) and v.is_integer() and "." not in norm:
        v = int(v)
    return v, pct


# ---------------------------------------------------------------------------
# A light document for bare strings

class _TextDoc:
    __slots__ = ("text", "norm", "tokens")

    def __init__(self, text: str):
        self.text = text
        self.norm = NormalizedText(text)
        to_norm = self.norm.to_norm
        nt = self.norm.text
        toks = []
        for s, e, kind in iter_tokens(text):
            ns, ne = to_norm[s], to_norm[e]
            if ns == ne:
                continue
            toks.append(Token(len(toks), s, e, ns, ne, nt[ns:ne], kind, 0))
        self.tokens = toks


# ---------------------------------------------------------------------------
# Core parser

@lru_cache(maxsize=1 << 15)
def _splits(norm: str) -> tuple[tuple[int, str], ...]:
    return tuple(clitic_splits(norm))


def _readings(tok: Token, first: bool) -> Sequence[tuple[int, str]]:
    """(prefix length, stem) readings: the first token may carry any prefix
    clitic; a later one only the conjunction و (وخمسين)."""
    if tok.kind != "word":
        return [(0, tok.norm)]
    if first:
        return _splits(tok.norm)
    n = tok.norm
    if n.startswith(_AND) and len(n) > 2:
        return [(0, n), (1, n[1:])]
    return [(0, n)]


def _classify(stem: str) -> tuple[float, str] | None:
    return word_value(stem)


class _Acc:
    __slots__ = ("total", "current", "last", "ordinal", "n")

    def __init__(self):
        self.total = 0
        self.current = 0
        self.last = None     # class of the last element
        self.ordinal = False
        self.n = 0

    @property
    def value(self):
        v = self.total + self.current
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return v


def _step(acc: _Acc, value, cls: str, joined: bool) -> bool:
    """Feed one element; False when it cannot continue the number."""
    base = cls[4:] if cls.startswith("ord_") else cls
    if acc.n == 0:
        if base == HALF or base == SCALE_PL:
            return False
        if base == "unit_compound":
            acc.current = value
            acc.last = "unit_compound"
            acc.ordinal = cls.startswith("ord_")
            acc.n = 1
            return True
        if base == SCALE:
            acc.total = value
            acc.current = 0
        else:
            acc.current = value
        acc.last = base
        acc.ordinal = cls.startswith("ord_")
        acc.n = 1
        return True
    last = acc.last
    if acc.last == "unit_compound" and not (base == TEENMARK and not joined) and not (joined and base == TEN):
        return False
    if joined:
        # و + unit/ten/hundred/ordinal ten/scale/half
        if base in (U, TEN, HUND):
            if base == U and last in (U, TEENMARK):
                return False
            acc.current += value
        elif base == TEENMARK:
            if last not in (HUND, SCALE):
                return False
            acc.current += value
        elif base == SCALE:
            acc.total += acc.current + value
            acc.current = 0
        elif base == HALF:
            if last == SCALE:
                # مليون ونصف: half of the last scale
                scale = _last_scale(acc.total)
                acc.total += scale / 2
            elif last in (U, TEN, HUND, "digits"):
                acc.current += 0.5
            else:
                return False
        else:
            return False
        if cls.startswith("ord_"):
            acc.ordinal = True
        acc.last = base
        acc.n += 1
        return True
    # juxtaposed
    if base == TEENMARK and last in (U, "unit_compound"):
        acc.current += 10
        acc.last = TEENMARK
        acc.n += 1
        return True
    if base == HUND and value == 100 and last == U and acc.current % 100 < 10:
        acc.current += (acc.current % 100) * 99      # ثلاث مائة
        acc.last = HUND
        acc.n += 1
        return True
    if base in (SCALE, SCALE_PL) and last in (U, TEN, HUND, TEENMARK, "digits") and acc.current:
        if base == SCALE_PL and not (3 <= acc.current <= 10 or last == "digits"):
            return False
        if base == SCALE and value not in (1000, 10**6, 10**9, 10**12):
            return False      # ثلاثة ألفين: no
        acc.total += acc.current * value
        acc.current = 0
        acc.last = SCALE
        acc.n += 1
        return True
    return False


def _last_scale(total) -> int:
    for s in (10**12, 10**9, 10**6, 1000):
        if total >= s:
            return s
    return 0


def number_at(doc, i: int, end: int | None = None) -> NumberSpan | None:
    """The core number (digits and/or number words, no qualifier or range)
    starting at token ``i``, or None.  Vague words (عشرات) count as numbers.
    ``end`` bounds the search by original offset."""
    toks: Sequence[Token] = doc.tokens
    n = len(toks)
    if i >= n:
        return None
    if end is None:
        end = len(doc.text)
    tok = toks[i]
    if tok.end > end:
        return None
    ordinal = False
    plen = 0
    j = i
    # "الـ20" / "ال 20": the article written apart from digits
    if tok.kind == "word" and tok.norm in _DEFINITE_BARE and i + 1 < n and toks[i + 1].kind == "number" \
            and toks[i + 1].start - tok.end <= 1:
        ordinal = True
        j = i + 1
    elif tok.kind == "word" and tok.norm[:1] in _CLITIC_LETTERS and i + 1 < n and toks[i + 1].kind == "number":
        # clitic + "ال" written apart: "بالـ20", "والـ 3"
        for p, stem in _splits(tok.norm)[1:]:
            if stem in _DEFINITE_BARE and i + 1 < n and toks[i + 1].kind == "number":
                ordinal, j, plen = True, i + 1, p
                break
    first = toks[j]
    acc = _Acc()
    percent = False
    if first.kind == "number":
        dv = _digit_value(first.norm)
        if dv is None:
            return None
        acc.total, acc.current = 0, dv[0]
        acc.last, acc.n = "digits", 1
        percent = dv[1]
        if j == i:
            plen = 0
        k = j + 1
        if not percent:
            while k < n and toks[k].end <= end:
                t = toks[k]
                val = None
                for p, stem in _readings(t, False):
                    wv = _classify(stem)
                    if wv is not None and wv[1] in (SCALE, SCALE_PL):
                        if not p and _step(acc, wv[0], wv[1], False):
                            val = wv
                            break
                if val is None:
                    break
                k += 1
        acc.ordinal = acc.ordinal or ordinal
        return _mk(doc, toks, i, k, plen, acc.value, acc.ordinal, percent)
    if j != i:
        return None
    # words
    k = i
    fed_plen = 0
    while k < n and toks[k].end <= end:
        t = toks[k]
        joined = False
        done = False
        if k > i and t.kind == "word" and t.norm == _AND and k + 1 < n:
            # "خمسة و عشرين": standalone و
            t2 = toks[k + 1]
            wv = _classify(t2.norm) if t2.kind == "word" else None
            if wv is not None and _step(acc, wv[0], wv[1], True):
                k += 2
                continue
            break
        if t.kind == "number" and k > i:
            break
        for p, stem in _readings(t, k == i):
            if k > i:
                joined = p == 1
            wv = _classify(stem)
            if wv is None:
                continue
            if _step(acc, wv[0], wv[1], joined):
                if k == i:
                    fed_plen = p
                done = True
                break
        if not done:
            break
        k += 1
    if acc.n == 0:
        return _vague_at(doc, toks, i, end)
    if acc.last == "unit_compound":
        return None      # أحد / الحادي alone is not a number
    if acc.n == 1 and acc.last == TEENMARK and not acc.ordinal:
        pass             # عشرة alone = 10
    return _mk(doc, toks, i, k, fed_plen, acc.value, acc.ordinal, False)


def _vague_at(doc, toks, i, end) -> NumberSpan | None:
    t = toks[i]
    for p, stem in _readings(t, True):
        b = _VAGUE.get(stem)
        if b is None:
            continue
        low, high = b
        k = i + 1
        if k < len(toks) and toks[k].end <= end and toks[k].kind == "word":
            sc = _VAGUE_SCALES.get(toks[k].norm)
            if sc and low < 1000:
                low, high = low * sc, (high + 1) * sc - 1
                k += 1
        s, e = _span(doc, toks, i, k, p)
        return NumberSpan(s, e, i, k, doc.text[s:e], None, low, high, "vague")
    return None


def _span(doc, toks, i, k, plen) -> tuple[int, int]:
    t = toks[i]
    s = doc.norm.orig_span(t.nstart + plen, t.nend)[0] if plen else t.start
    return s, toks[k - 1].end


def _mk(doc, toks, i, k, plen, value, ordinal, percent) -> NumberSpan:
    s, e = _span(doc, toks, i, k, plen)
    return NumberSpan(s, e, i, k, doc.text[s:e], value, value, value, "exact",
                      None, ordinal, percent)


def _match_seq(toks, k, seq, end) -> int:
    """Tokens matched by the normalised word sequence ``seq`` at ``k`` (0 if none)."""
    for m, w in enumerate(seq):
        if k + m >= len(toks) or toks[k + m].end > end or toks[k + m].norm != w:
            return 0
    return len(seq)


def qualifier_at(doc, i: int, end: int | None = None) -> tuple[str, int] | None:
    """(qualifier, end token) of a quantity qualifier at token ``i`` (نحو، أكثر من،
    ما لا يقل عن …), or None: for units that carry their own number (أكثر من عامين)."""
    toks = doc.tokens
    if end is None:
        end = len(doc.text)
    for seq, q in _QUAL_BEFORE:
        m = _match_seq(toks, i, seq, end)
        if m:
            return q, i + m
    return None


def quantity_at(doc, i: int, end: int | None = None) -> NumberSpan | None:
    """The full quantity starting at token ``i``: an optional qualifier
    (نحو، أكثر من …), a range opener (بين، من), the number, a range second
    half (و15، إلى 15، - 15، أو 4) and trailing تقريبا / على الأقل / في المائة."""
    toks = doc.tokens
    if end is None:
        end = len(doc.text)
    qual = None
    k = i
    qplen = 0
    if i >= len(toks):
        return None
    t0 = toks[i]
    cands = [(0, t0.norm)]
    if t0.kind == "word" and t0.norm[:1] in _CLITIC_LETTERS:
        cands = _splits(t0.norm)      # clitic on the qualifier: "بنحو", "وحوالي"
    for p, stem in cands:
        for seq, q in _QUAL_INDEX.get(stem, ()):
            if len(seq) == 1 or _match_seq(toks, k + 1, seq[1:], end) == len(seq) - 1:
                qual, qplen, k = q, p, k + len(seq)
                break
        if qual:
            break
    opener = None
    if qual is None and k < len(toks) and toks[k].kind == "word":
        for p, stem in _splits(toks[k].norm):
            if stem in _RANGE_OPEN:
                opener, qplen = stem, p
                break
    core_i = k + (1 if opener else 0)
    core = number_at(doc, core_i, end)
    if core is None:
        return None
    start_tok = i if (qual or opener) else core.tok_start
    if qual or opener:
        t0 = toks[i]
        s0 = doc.norm.orig_span(t0.nstart + qplen, t0.nend)[0] if qplen else t0.start
    else:
        s0 = core.start
    k = core.tok_end
    low, high, value, kind = core.low, core.high, core.value, core.kind
    # range second half
    second = None
    if core.kind == "exact" and k < len(toks):
        t = toks[k]
        mids = _RANGE_OPEN.get(opener) if opener else tuple(_RANGE_MID)
        if opener == normalize("بين"):
            # بين 10 و15 / بين 10 و 15
            if t.norm == _AND:
                second = number_at(doc, k + 1, end)
            elif t.kind == "word" and t.norm.startswith(_AND):
                second = _number_after_wa(doc, k, end)
        elif t.norm in (mids or ()):
            if not (t.norm == "/" and not opener):   # "10/15" is a date or a fraction, not a range
                second = number_at(doc, k + 1, end)
    if opener is not None and second is None:
        return None       # "من 10" is not a range: let the caller take the bare number
    if second is not None and second.kind == "exact" and second.value is not None \
            and core.value is not None and second.value > core.value:
        low, high, value, kind = core.value, second.value, None, "range"
        k = second.tok_end
    # trailing qualifiers / percent
    percent = core.percent
    if k < len(toks):
        if toks[k].norm in _QUAL_AFTER and toks[k].end <= end and qual is None:
            qual = _QUAL_AFTER[toks[k].norm]
            k += 1
        elif _match_seq(toks, k, _AT_LEAST_AFTER, end) and qual is None:
            qual = "at_least"
            k += 2
    if not percent:
        for seq in _PERCENT_AFTER:
            m = _match_seq(toks, k, seq, end)
            if m:
                percent = True
                k += m
                break
    if qual and kind == "exact" and value is not None:
        if qual == "about":
            low = high = None
        elif qual == "more_than":
            low, high = (value + 1 if isinstance(value, int) else value), None
        elif qual == "at_least":
            low, high = value, None
        elif qual == "less_than":
            low, high = None, (value - 1 if isinstance(value, int) else value)
        elif qual == "up_to":
            low, high = None, value
    e = toks[k - 1].end
    return NumberSpan(s0, e, start_tok if (qual or opener) else core.tok_start, k, doc.text[s0:e],
                      value, low, high, kind, qual, core.ordinal, percent)


def _number_after_wa(doc, k, end) -> NumberSpan | None:
    """A number written on و at token ``k`` ("و15" is two tokens; "وعشرين" one)."""
    toks = doc.tokens
    t = toks[k]
    if t.norm == _AND:
        return number_at(doc, k + 1, end)
    sp = number_at(doc, k, end)
    return sp


_TOKEN_END = attrgetter("end")


def find_numbers(doc, start: int = 0, end: int | None = None, *, quantities: bool = True,
                 include_ordinals: bool = True) -> list[NumberSpan]:
    """Every maximal number phrase in ``doc`` between original offsets.  With
    ``quantities`` (the default) qualifiers and ranges are included."""
    toks = doc.tokens
    if end is None:
        end = len(doc.text)
    out: list[NumberSpan] = []
    # the first token ending after ``start`` (token ends never decrease): bisected, since a
    # caller asks sentence by sentence (a scan from 0 made that quadratic, notes/QA.md QA-10)
    i = bisect_right(toks, start, key=_TOKEN_END) if start > 0 else 0
    while i < len(toks) and toks[i].end <= end:
        sp = quantity_at(doc, i, end) if quantities else None
        if sp is None:
            sp = number_at(doc, i, end)
        if sp is not None and (include_ordinals or not sp.ordinal):
            out.append(sp)
            i = sp.tok_end
            continue
        i += 1
    return out


def numbers_in_text(text: str, **kw) -> list[NumberSpan]:
    """:func:`find_numbers` over a bare string."""
    return find_numbers(_TextDoc(text), **kw)


def parse_quantity(text: str) -> NumberSpan | None:
    """The quantity a whole string denotes, or None if it is not exactly one."""
    doc = _TextDoc(text.strip())
    if not doc.tokens:
        return None
    sp = quantity_at(doc, 0) or number_at(doc, 0)
    if sp is None or sp.tok_end != len(doc.tokens):
        return None
    return sp


def parse_number(text: str) -> int | float | None:
    """The value of a string that is exactly one number phrase; None otherwise
    (and for vague words and ranges, which have no single value)."""
    doc = _TextDoc(text.strip())
    if not doc.tokens:
        return None
    sp = number_at(doc, 0)
    if sp is None or sp.tok_end != len(doc.tokens) or sp.value is None:
        return None
    return sp.value
