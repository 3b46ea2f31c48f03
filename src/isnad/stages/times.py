"""Stage: time expressions, recognised with offsets and resolved against ``published``.

Why our own: dateparser returns nothing for most Arabic news phrasing (يوم الإثنين
الماضي، العشرين من الجاري، قبل ثلاثة أيام، 20 كانون الثاني 2022، صباح اليوم) and
gives no offsets.  Recognition is a small hand-written grammar over the shared
toolkit: lexicon phrases (``resources/lexicons/times.yaml``) are keyed exactly as
:class:`isnad.text.matcher.PhraseMatcher` keys them (``phrase_key``: the same
normalisation and prefix-clitic model) and indexed under every clitic form of
their first word, so "which phrases start at token j" is one dict lookup (the
grammar asks it thousands of times a second; a per-token trie walk was the
stage's hot spot).  ``lexicon().matcher`` is the same lexicon as a PhraseMatcher
for other stages.  Numbers come from :mod:`isnad.text.numbers`, numeric dates from
a regex over the normalised view mapped back through token offsets.  Hijri dates
are converted with ``hijridate`` (Umm al-Qura).  An expression never runs over a
sentence boundary (a line break included), and a value the record cannot hold
(before year 1 or after 9999: "قبل 130 ألف سنة") is left unresolved with a reason.

Speed: a sentence is looked at only if one of its tokens is a trigger (a lexicon
phrase's head word with any prefix clitic, or a four-digit year-like number), found
in C (``map``/``compress`` over the token norms); the grammar then runs only at the
few positions left of each trigger whose word can start a phrase.
Measured: ``bench/bench_times.py``.

What is recognised (``Time.extra["kind"]``)
-------------------------------------------
date
    Gregorian dates in both month series (20 يناير 2022، 20 كانون الثاني 2022،
    أغسطس/آب، Maghrebi جانفي …), ordinal and spelled days (العشرين من يناير،
    الحادي والعشرين من شهر يوليو), numeric dates (20/1/2022، ٢٠٢٢-٠١-٢٠،
    1436/10/17هـ), Arabic-Indic digits, days in a relative month (العشرين من
    الجاري، 20 الجاري، يوم 20 من الشهر الماضي), months and years (يوليو الماضي،
    عام 2015، 1436هـ), Hijri dates (26 شوال 1436 هـ، جمادى الآخرة 1443 هـ), period
    parts (مطلع الشهر الجاري، منتصف يوليو، أواخر العام الماضي، النصف الأول من
    العام), holidays (عيد الفطر، عيد الأضحى) and equivalent pairs (26 شوال 1436 هـ
    الموافق 11 أغسطس 2015 م: one expression, the Gregorian date is the value).
relative
    اليوم، أمس، أول أمس، غدا، بعد غد، الليلة؛ الأسبوع/الشهر/العام الماضي/الجاري/
    المقبل، هذا العام؛ منذ/قبل/بعد + a spelled or digit quantity of days, weeks,
    months, years or hours (قبل ثلاثة أيام، منذ 3 أسابيع، قبل عامين).
weekday
    الإثنين، يوم الخميس الماضي، الجمعة المقبلة، أمس الأحد (with a day word the
    day word's anchor is kept and the weekday checked against it).
duration
    خلال 24 ساعة، لمدة ثلاثة أيام، على مدى عامين، 3 أيام: recorded, not resolved
    (``extra["duration"]`` is ISO 8601: P3D, PT24H).
vague
    مؤخرا، حاليا، حتى الآن، في وقت سابق، منذ أيام، خلال الساعات الأولى، الأيام
    الماضية، ذلك اليوم: recorded, not resolved.
part_of_day
    a time of day with no day to attach to (الساعة العاشرة صباحا، مساء):
    recorded, not resolved.  With a day (صباح اليوم، مساء أمس الأحد، فجر الجمعة)
    the expression takes the day's kind and ``extra["part_of_day"]`` says which part.

Not time expressions here: ages (نيمار (23 عاما)، البالغ من العمر 40 عاما),
named days that are not dates (اليوم الوطني without a country, اليوم العالمي لـ…),
outlet names (روسيا اليوم، صحيفة «اليوم»), صلاة الجمعة.

Resolution conventions (P = ``doc.published``)
----------------------------------------------
Values follow the contract: ``"YYYY-MM-DD"`` with precision ``day``; ``"YYYY-MM"``
with ``month``; ``"YYYY"`` with ``year``; a ``week`` is given as the date of its
**Monday** (ISO week) with precision ``week``.  A Hijri month or year does not fit
a Gregorian month or year, so it is given as its **first day** (Gregorian
``YYYY-MM-DD``) with precision ``month``/``year``, and ``extra["range"]`` holds its
first and last Gregorian days (``extra["hijri"]`` the Hijri value).

* اليوم = P; أمس = P−1; أول أمس = P−2; غدا = P+1; بعد غد = P+2; الليلة = P,
  الليلة الماضية/ليلة أمس = P−1.  "اليوم الاثنين" is P; if P is not a Monday the
  weekday wins: the Monday nearest P that is not after P+1 (the writer's "today"
  is at most a day after P: print editions go online the evening before their
  date; "أمس X" likewise not after P), and ``extra["conflict"]`` says so.
* weekday + الماضي/المنصرم/الفائت: the most recent such day strictly before P
  (P a Monday → "الإثنين الماضي" is P−7); + قبل الماضي: a week before that;
  + المقبل/القادم: the first strictly after P; + بعد المقبل: a week after that.
  A bare weekday: the most recent on or before P (past-tense news), or, when the
  sentence has a future cue (سوف، المقرر، سيعقد …, list in the lexicon), the
  first on or after P.
* الأسبوع الماضي/الجاري/المقبل: the Monday of P's ISO week −7/0/+7 days,
  precision week.  الشهر الماضي/الجاري/المقبل: P's month −1/0/+1.  العام
  الماضي/الجاري/المقبل, هذا العام: P's year −1/0/+1 (قبل الماضي −2).
* day + الجاري / من الشهر الجاري / من هذا الشهر / من الشهر: that day of P's
  month; + من الشهر الماضي/المقبل: of the previous/next month — Gregorian, except
  (a) with a weekday that fits the current Hijri month and not the Gregorian one
  ("الخميس 28 من الشهر الجاري"), and (b) in a sentence dated by the Hijri calendar
  (a Hijri date or year in it, no Gregorian month name), unless the sentence looks
  forward (future cue) and that Hijri day is already past; then the Hijri month
  (``extra["calendar"] = "hijri"``, ``extra["rule"]``).  "من الشهر ذاته/نفسه": the
  month of the last date before it in the text.
* Day ranges "من 16 حتى 20 سبتمبر", "بين 10 و12 الجاري", "11- 22/ 10/ 1436ه",
  "الأول والثاني من سبتمبر": the first day is its own expression in the second's
  month and year.
* A day and month without a year: the occurrence nearest P (year P−1, P or P+1);
  with الماضي/المنصرم the most recent strictly before P; with الجاري/الحالي P's
  year; with المقبل/القادم the first strictly after P.  A month without a day
  likewise at month level (a tie at six months goes to the past).  Hijri dates
  without a year: the same in the Hijri calendar.
* منذ/قبل N أيام = P−N (day); N أسابيع: the week containing P−7N (week);
  N أشهر: P's month −N; N سنوات: P's year −N (عام ونصف = 18 months); بعد N … =
  P+N …; hours and minutes under 24 hours: P (day).  An approximate quantity
  (نحو، أكثر من، بضعة) or an offset counted from an event (بعد ثلاثة أيام من
  الهجوم، بعد مرور عام على …) stays unresolved.
* Period parts (مطلع، منتصف، أواخر، النصف الأول من …) keep the period's value
  and precision; ``extra["part"]`` names the part.  غرة شهر شوال is day 1.
* Holidays: the occurrence nearest P.
* With no P, every expression that needs it stays unresolved with a reason
  ("relative expression and no publication date"); nothing is ever taken from
  the machine's clock.

``Time.extra`` always has ``kind`` and ``norm`` (the normalised text of the
span); where they apply: ``calendar`` ("hijri"), ``hijri``, ``part_of_day``,
``clock``, ``weekday``, ``duration``, ``range``, ``part``, ``anchor``
("published" when P was used), ``conflict``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import compress, count, islice
from operator import attrgetter

import regex

from ..document import Time
from ..pipeline import Stage
from ..resources.catalogue import load_yaml
from ..text.matcher import PhraseMatcher, phrase_key
from ..text.normalize import normalize
from ..text.numbers import number_at, qualifier_at, quantity_at

_NORM = attrgetter("norm")
_SENT = attrgetter("sent")


class _UpTo:
    """The first ``n`` items of a sequence, as a sequence (a view: nothing copied)."""
    __slots__ = ("seq", "n")

    def __init__(self, seq, n: int):
        self.seq, self.n = seq, n

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, k):
        if isinstance(k, slice):
            return self.seq[slice(*k.indices(self.n))]
        if k < 0:
            k += self.n
        if not 0 <= k < self.n:
            raise IndexError(k)
        return self.seq[k]

    def __iter__(self):
        return islice(self.seq, self.n)


class _DocUpTo:
    """A document whose token list ends at token ``n`` (the number grammar and the
    scanner bound themselves by ``len(doc.tokens)``)."""

    def __init__(self, doc, n: int):
        self._doc = doc
        self.tokens = _UpTo(doc.tokens, n)

    def __getattr__(self, name):
        return getattr(self._doc, name)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MOD_OFFSET = {"past": -1, "current": 0, "next": 1, "before_last": -2, "after_next": 2}
_UNIT_ISO = {"minute": ("PT", "M"), "hour": ("PT", "H"), "day": ("P", "D"), "week": ("P", "W"),
             "month": ("P", "M"), "year": ("P", "Y"), "decade": ("P", "Y")}
_CONJ_PREFIXES = ("", "و", "ف")
_PREP_PREFIXES = ("", "ب", "ل", "ك")

# numeric dates over the normalised text (digits are ASCII there)
_NUM_DATE = regex.compile(
    r"(?<![\d/.\-])(?:"
    r"(?P<y1>\d{4})\s*(?P<s1>[/\-.])\s*(?P<m1>\d{1,2})\s*(?P=s1)\s*(?P<d1>\d{1,2})"
    r"|(?P<d2>\d{1,2})\s*(?P<s2>[/\-.])\s*(?P<m2>\d{1,2})\s*(?P=s2)\s*(?P<y2>\d{4})"
    r")(?![\d/])(?:\s*(?P<era>هـ|ه|م)(?!\p{L}))?")
# stop words that may open a multi-word entry: the trigger is the next word
_STOP = frozenset(normalize(w) for w in (
    "في", "من", "على", "الى", "إلى", "حتى", "لحد", "منذ", "قبل", "بعد", "ذلك", "تلك", "هذا",
    "هذه", "يوم", "ما", "لا", "عن", "ال", "رأس", "ليلة", "ذكرى", "تمام", "النصف", "الربع", "مدة",
    "لمدة", "خلال", "على", "غضون", "مطلع", "منتصف", "نهاية", "بداية", "اول", "ذو", "ذي", "ذا",
    "الوقت", "وقت", "فترة", "الفترة", "المدة"))
_GAP_PUNCT = frozenset({",", "،", "(", ")", "-", "–", "—", "[", "]", '"', "'"})
_YEAR_PREV_STRONG = frozenset(normalize(w) for w in (
    "في", "منذ", "بحلول", "مطلع", "منتصف", "نهاية", "بداية", "أواخر", "أوائل", "موسم", "لموسم",
    "وفي", "ومنذ", "خلال", "وخلال", "فمنذ", "ففي", "أعوام", "عامي", "مونديال", "كأس"))
_YEAR_PREV_WEAK = frozenset(normalize(w) for w in (
    "حتى", "وحتى", "قبل", "بعد", "عن", "الى", "إلى", "من", "و", "بين", "ل", "او", "أو", "-", "–"))
_AGE_PREV = frozenset(normalize(w) for w in (
    "(", "العمر", "عمرها", "وعمره", "وعمرها", "عمري", "أعمارهم", "أعمارهن", "أعمار", "سنه", "عمره", "عمرها", "عمرهم", "عمر", "البالغ", "البالغة", "يبلغ", "تبلغ", "بعمر",
    "سن", "بسن", "عمرا", "ابن", "ذو", "ذي", "صاحب", "صاحبة", "عمرهما"))
_WEEKDAY_BREAKERS = frozenset(normalize(w) for w in (
    "صلاة", "صلاه", "خطبة", "خطبه", "خطيب", "خطباء", "جمعة", "مسجد", "جامع", "وصلاة", "لصلاة",
    "بصلاة", "أئمة", "إمام", "سوق", "لسوق", "بسوق", "وسوق"))
_ANCHOR_FILLERS = frozenset(normalize(w) for w in ("أيضا", "أيضاً", "وأكثر", "فقط", "تقريبا",
                                                   "تقريباً", "ونيف", "كاملة", "كاملين"))
_FRACTIONS = {normalize("ربع"): 0.25, normalize("نصف"): 0.5, normalize("ثلث"): 1 / 3}
_SINGULAR_VP = frozenset(normalize(w) for w in ("فترة", "مدة", "وقت", "زمن", "حقبة"))
# adverbs take و/ف but not the prepositions ب/ل/ك: "لامس" is a verb, "بحالي" not حاليا
_ADVERB_CLASSES = frozenset({"rd", "rn", "vague", "poda"})
_MIN_YEAR, _MAX_YEAR = 1900, 2100          # a bare year (في 2012) must be in this range
_OLD_YEAR = 1000                            # years written with عام/سنة/an era may go back to here
_MIN_HYEAR, _MAX_HYEAR = 1343, 1500         # hijridate's range (Umm al-Qura)
_HIJRI_TOP = 1500                           # 4-digit years up to here are Hijri unless marked م


@dataclass
class Frame:
    """What a time expression says, before resolution."""
    kind: str
    cal: str = "gregorian"
    y: int | None = None
    m: int | None = None
    d: int | None = None
    year_rel: int | None = None      # "من العام الماضي": P's year + year_rel
    month_mod: str | None = None     # a month name + الماضي/الجاري/المقبل
    month_rel: int | None = None     # a day in a relative month: P's month + month_rel
    rel_days: int | None = None
    weekday: int | None = None
    wmod: str | None = None
    period: str | None = None        # week | month | year
    pmod: int | None = None
    offset: tuple | None = None      # (n, unit, sign)
    part: str | None = None          # start | mid | end | first_day | half1 | q1 ...
    pod: str | None = None
    clock: str | None = None
    duration: str | None = None
    approx: bool = False
    event_anchor: bool = False
    holiday: dict | None = None
    vague: str | None = None
    year_range: tuple | None = None
    extra: dict = field(default_factory=dict)

    @property
    def has_day(self) -> bool:
        return self.d is not None or self.rel_days is not None or self.weekday is not None \
            or self.holiday is not None


class _M:
    """A lexicon phrase found at a token: where it ends, the clitic left out, payloads."""
    __slots__ = ("tok_end", "prefix", "phrase", "payloads")

    def __init__(self, tok_end, prefix, phrase, payloads):
        self.tok_end, self.prefix, self.phrase, self.payloads = tok_end, prefix, phrase, payloads


@dataclass
class Atom:
    i0: int                 # token span [i0, i1)
    i1: int
    plen: int               # clitic prefix length left out on the first token
    f: Frame


# ---------------------------------------------------------------------------
# Lexicon

def _variant_prefixes(norm: str) -> list[tuple[str, int]]:
    """(form, prefix length) of a word with each prefix clitic it may carry, as
    :func:`isnad.text.tokenize.clitic_splits` reads them (stems of two letters or
    more; ل + ال written لل)."""
    out = [(norm, 0)]
    for c in _CONJ_PREFIXES:
        for p in _PREP_PREFIXES:
            pre = c + p
            if not pre:
                continue
            if len(norm) >= 2:
                out.append((pre + norm, len(pre)))
            if p == "ل" and norm.startswith("ال") and len(norm) > 3:
                out.append((c + "ل" + norm[1:], len(pre)))
    return out


def _variants(norm: str) -> set[str]:
    out = set()
    for c in _CONJ_PREFIXES:
        for p in _PREP_PREFIXES:
            out.add(c + p + norm)
            if p == "ل" and norm.startswith("ال") and len(norm) > 3:
                out.add(c + "ل" + norm[1:])      # للأسبوع → ل + الأسبوع
    return out


class Lexicon:
    def __init__(self, data: dict):
        self.matcher = PhraseMatcher()
        add = self.matcher.add
        first_words: set[str] = set()
        trig_words: set[str] = set()

        first_cls: dict[str, set] = {}       # one-word phrases: word → classes
        bigram_cls: dict[tuple, set] = {}     # longer phrases: (first, second) → classes

        phrases: dict[tuple, list] = {}

        def reg(phrase, payload, trigger=True):
            add(phrase, payload)
            key = phrase_key(phrase)
            if not key:
                return
            bucket = phrases.setdefault(key, [])
            if payload not in bucket:
                bucket.append(payload)
            first_words.add(key[0])
            if len(key) == 1:
                first_cls.setdefault(key[0], set()).add(payload[0])
            else:
                bigram_cls.setdefault(key[:2], set()).add(payload[0])
            if trigger:
                # the phrase's head: its first word that is not a stop word (كانون in كانون
                # الثاني, not الثاني), else its last word (مده in منذ مدة)
                words = [w for w in key if w not in _STOP]
                trig_words.add(words[0] if words else key[-1])

        for n, names in data["months_gregorian"].items():
            for w in names:
                reg(w, ("mg", int(n)))
        for n, names in data["months_hijri"].items():
            for w in names:
                reg(w, ("mh", int(n)))
        self.ambiguous_months = frozenset(normalize(w) for w in data["ambiguous_months"])
        for n, names in data["weekdays"].items():
            for w in names:
                reg(w, ("wd", int(n)))
        for n, names in data["relative_days"].items():
            for w in names:
                reg(w, ("rd", int(n)))
        for n, names in data["relative_nights"].items():
            for w in names:
                reg(w, ("rn", int(n)))
        self.today_keepers = frozenset(normalize(w) for w in data["today_keepers"])
        self.today_breakers = frozenset(normalize(w) for w in data["today_breakers_before"])
        for per, names in data["periods"].items():
            for w in names:
                reg(w, ("per", per))
        for mod, names in data["modifiers"].items():
            for w in names:
                # "20 الجاري": the only modifier that can be an expression's head
                reg(w, ("mod", mod), trigger=normalize(w) in ("الجاري", "الحالي"))
        reg("هذا", ("demo", 0), trigger=False)
        reg("هذه", ("demo", 0), trigger=False)
        for w in data["year_words"]:
            reg(w, ("yw", None), trigger=False)
        for w in data["month_words"]:
            reg(w, ("mw", None))
        for w in data["day_words"]:
            reg(w, ("dw", None))
        for w in data["era_gregorian"]:
            reg(w, ("era", "g"), trigger=False)
        for w in data["era_hijri"]:
            reg(w, ("era", "h"), trigger=False)
        for w in data["equivalence"]:
            reg(w, ("eq", None), trigger=False)
        for part, names in data["period_parts"].items():
            for w in names:
                reg(w, ("pp", part), trigger=False)
        for pod, names in data["parts_of_day"].items():
            for w in names:
                reg(w, ("pod", pod))
        for pod, names in data["parts_of_day_adverbs"].items():
            for w in names:
                reg(w, ("poda", pod))
        for w in data["clock_words"]:
            reg(w, ("clk", None))
        for unit, forms in data["units"].items():
            for num, names in forms.items():
                for w in names:
                    reg(w, ("unit", (unit, num)))
        for w in data["vague_periods"]:
            reg(w, ("vp", None))
        for w in data["vague_period_modifiers"]:
            reg(w, ("vpm", None), trigger=False)
        for kind, names in data["offset_prepositions"].items():
            for w in names:
                reg(w, ("prep", kind), trigger=False)
        for w in data["vague"]:
            reg(w, ("vague", None))
        for h in data["holidays"]:
            for w in h["names"]:
                reg(w, ("hol", {"names": h["names"][0], "calendar": h["calendar"],
                                "month": int(h["month"]), "day": int(h["day"])}))
        fut = set()
        for w in data["future_cues"]:
            key = phrase_key(w)
            if key:
                fut.add(key[0])
        self.future = frozenset(fut)
        # triggers and possible first words, with every prefix clitic
        self.triggers = frozenset(v for w in trig_words for v in _variants(w))
        num_words = set()
        from ..text import numbers as _n
        num_words.update(_n._WORDS)
        num_words.update(_n._ORD)
        num_words.update(_n._VAGUE)
        num_words.update(_n.definite_forms())
        num_words.add("ال")
        num_words.add("الواحده")
        for w in num_words:
            first_cls.setdefault(w, set()).add("num")
        for w in _n._QUAL_INDEX:
            first_cls.setdefault(w, set()).add("qual")
        # the classes of phrase that may start at a token (by its norm with any prefix
        # clitic, and the next token's norm for longer phrases): a dict lookup or two
        # decides whether any parser needs to run there
        first: dict[str, set] = {}
        for w, classes in first_cls.items():
            for v in _variants(w):
                first.setdefault(v, set()).update(classes)
        self.first = {k: frozenset(v) for k, v in first.items()}
        bigram: dict[tuple, set] = {}
        for (w1, w2), classes in bigram_cls.items():
            for v in _variants(w1):
                bigram.setdefault((v, w2), set()).update(classes)
        self.bigram = {k: frozenset(v) for k, v in bigram.items()}
        self.bigram_first = frozenset(w for w, _ in self.bigram)
        # every phrase under each clitic form of its first word: the grammar asks
        # "which phrases start at token j" thousands of times a second, and one dict
        # lookup answers it (same normalisation and clitic model as PhraseMatcher)
        index: dict[str, list] = {}
        for key, payloads in phrases.items():
            w = key[0]
            for v, plen in _variant_prefixes(w):
                index.setdefault(v, []).append((key[1:], plen, " ".join(key), tuple(payloads)))
        for v in index:
            index[v].sort(key=lambda e: (-len(e[0]), e[1]))
        self.index = index
        first_any = {k: set(v) for k, v in self.first.items()}
        for (w, _), v in self.bigram.items():
            first_any.setdefault(w, set()).update(v)
        self.first_any = {k: frozenset(v) for k, v in first_any.items()}
        self.starts_any = frozenset(self.first_any)
        self.triggers = self.triggers | frozenset(str(y) for y in range(_OLD_YEAR, _MAX_YEAR + 1))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon(load_yaml("lexicons/times.yaml"))


# ---------------------------------------------------------------------------
# Calendar helpers

@lru_cache(maxsize=4096)
def _hijri_to_greg(y: int, m: int, d: int) -> dt.date:
    from hijridate import Hijri
    return Hijri(y, m, d).to_gregorian()


@lru_cache(maxsize=4096)
def _greg_to_hijri(day: dt.date) -> tuple[int, int, int]:
    from hijridate import Gregorian
    h = Gregorian(day.year, day.month, day.day).to_hijri()
    return h.year, h.month, h.day


@lru_cache(maxsize=4096)
def _hijri_month_len(y: int, m: int) -> int:
    from hijridate import Hijri
    return Hijri(y, m, 1).month_length()


def _hijri_year_to_greg(y: int) -> int:
    """The Gregorian year in which most of Hijri year ``y`` falls (approximate)."""
    return round(y * 0.970229 + 621.5643)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except (ValueError, OverflowError):
        return None


# ---------------------------------------------------------------------------
# The scanner: one per document

class _Scan:
    def __init__(self, doc, lex: Lexicon):
        self.doc = doc
        self.toks = doc.tokens
        self.n = len(self.toks)
        self.lex = lex
        self._cache: dict[int, list] = {}
        self._num_dates: dict[int, Atom] = {}
        self.norms = list(map(_NORM, self.toks))
        self.sents = list(map(_SENT, self.toks))

    def _bounded(self, j: int) -> "_Scan":
        """A scanner that sees the tokens up to the end of token j's sentence only
        (a view, nothing copied): for re-parsing where an expression ran over a
        sentence boundary (``العام`` ending a line, ``2015`` opening the next)."""
        sents, n = self.sents, self.n
        e = j
        while e < n and sents[e] == sents[j]:
            e += 1
        sub = _Scan.__new__(_Scan)
        sub.doc = _DocUpTo(self.doc, e)
        sub.toks = sub.doc.tokens
        sub.n = e
        sub.lex = self.lex
        sub._cache = {}
        sub._num_dates = {i: a for i, a in self._num_dates.items() if a.i1 <= e}
        sub.norms = _UpTo(self.norms, e)
        sub.sents = _UpTo(sents, e)
        return sub

    def _crosses(self, i0: int, i1: int) -> bool:
        return self.sents[i0] != self.sents[i1 - 1]

    # -- lexicon access ---------------------------------------------------
    def at(self, j: int) -> list:
        """The phrases starting at token j, longest first (then fewer clitics)."""
        r = self._cache.get(j)
        if r is None:
            r = []
            if 0 <= j < self.n:
                entries = self.lex.index.get(self.norms[j])
                if entries:
                    norms = self.norms
                    w = norms[j]
                    for rest, plen, phrase, payloads in entries:
                        k = j + 1 + len(rest)
                        if not rest or tuple(norms[j + 1:k]) == rest:
                            r.append(_M(k, w[:plen], phrase, payloads))
            self._cache[j] = r
        return r

    def get(self, j: int, cls: str, *, clitic: bool = False, sub=None):
        """(match, payload value) of the longest match of class ``cls`` at j.
        Clitics on the first word only where ``clitic`` (the atom's first word)."""
        for m in self.at(j):
            if m.prefix and not clitic:
                continue
            if m.prefix and cls in _ADVERB_CLASSES and any(c in m.prefix for c in "بلك") \
                    and not m.phrase.startswith("ال"):
                continue        # لامس is a verb, not ل + أمس
            for p in m.payloads:
                if p[0] == cls and (sub is None or p[1] == sub):
                    return m, p[1]
        return None

    def norm(self, j: int) -> str:
        return self.toks[j].norm if 0 <= j < self.n else ""

    def is_num(self, j: int) -> bool:
        return 0 <= j < self.n and self.toks[j].kind == "number"

    # -- scanning -----------------------------------------------------------
    def run(self) -> list[Atom]:
        toks = self.toks
        lex = self.lex
        # the prefilter, in C: token norms → trigger hits (years are triggers too)
        norms = self.norms
        hits = list(compress(count(), map(lex.triggers.__contains__, norms)))
        self._numeric_dates()
        if not hits and not self._num_dates:
            return []
        if self._num_dates:
            hits = sorted(set(hits) | set(self._num_dates))
        starts = lex.starts_any.__contains__
        atoms: list[Atom] = []
        covered = 0
        for h in hits:
            if h < covered:
                continue
            best = None
            for j in range(max(covered, h - 5), h + 1):
                if not starts(norms[j]) and toks[j].kind != "number" and j not in self._num_dates:
                    continue
                a = self.parse(j)
                if a is not None and self._crosses(a.i0, a.i1):
                    a = self._bounded(j).parse(j)
                if a is not None and a.i0 <= h < a.i1:
                    best = a
                    break
            if best is not None:
                atoms.append(best)
                covered = best.i1
        return self._day_ranges(self._merge(atoms))

    _RANGE_JOIN = frozenset({"حتي", "الي", "-", "–", "و", "وحتي", "والي", "لغايه", "ولغايه"})
    _RANGE_OPEN = frozenset({"من", "بين", "مابين", "ما", "في", "الفتره", "يومي", "يوم", "الموافق",
                             "خلال", "فتره"})

    def _day_ranges(self, atoms: list[Atom]) -> list[Atom]:
        """"من 16 حتى 20 سبتمبر 2015": the first day takes the second one's month and year."""
        out: list[Atom] = []
        for a in atoms:
            f = a.f
            j = a.i0
            glued = j >= 1 and self.toks[j - 1].kind == "number" and any(
                c in "ـ-–" for c in self.doc.text[self.toks[j - 1].end:self.toks[j].start])
            if glued:           # "2 ـ 4/6/1436": the dash (or a tatweel) fell out of the tokens
                j += 1
            if a.plen and self.norms[j][:a.plen] == "و" and not glued:
                j += 1          # "الأول والثاني من سبتمبر": the و is on the second day
                glued = True
            if f.kind == "date" and f.d is not None and (f.m is not None or f.month_rel is not None) \
                    and j >= 3 and (glued or self.norms[j - 1] in self._RANGE_JOIN) \
                    and (not out or out[-1].i1 <= j - 2) and self.sents[j - 3] == self.sents[j]:
                t = self.toks[j - 2]
                v = None
                if t.kind == "number" and t.norm.isdigit():
                    v = int(t.norm)
                elif t.kind == "word":
                    q = number_at(self.doc, j - 2)
                    if q is not None and q.tok_end == j - 1 and isinstance(q.value, int):
                        v = q.value
                if v is not None and 1 <= v < f.d and j >= 3 and self.norms[j - 3] in self._RANGE_OPEN:
                    g = replace(f, d=v, weekday=None, rel_days=None, pod=None, clock=None, extra={})
                    out.append(Atom(j - 2, j - 1, 0, g))
            out.append(a)
        return out

    def _numeric_dates(self) -> None:
        doc = self.doc
        ntext = doc.norm.text
        found = list(_NUM_DATE.finditer(ntext))
        if not found:
            return
        toks = self.toks
        starts = {t.nstart: t.i for t in toks}
        ends = {t.nend: t.i for t in toks}
        for m in found:
            s, e = m.start(), m.end()
            if s not in starts:
                continue
            i0 = starts[s]
            if e not in ends:
                continue
            i1 = ends[e] + 1
            if self._crosses(i0, i1):
                continue
            if m.group("y1"):
                y, mo, d = int(m.group("y1")), int(m.group("m1")), int(m.group("d1"))
            else:
                y, mo, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
            era = m.group("era")
            hijri = era in ("هـ", "ه") or (y <= _HIJRI_TOP and era != "م")
            if not (1 <= mo <= 12 and 1 <= d <= 31):
                continue
            if hijri:
                if not (_OLD_YEAR <= y <= _HIJRI_TOP) or d > 30:
                    continue
            elif not (_MIN_YEAR <= y <= _MAX_YEAR):
                continue
            # "ه" glued to the digits is its own token; include era words after
            k = i1
            er = self.get(k, "era")
            if er and not era:
                hijri = er[1] == "h" if y <= _HIJRI_TOP else hijri
                k = er[0].tok_end
            f = Frame("date", cal="hijri" if hijri else "gregorian", y=y, m=mo, d=d)
            f.extra["numeric"] = True
            self._num_dates[i0] = Atom(i0, k, 0, f)

    # -- grammar ----------------------------------------------------------------
    def parse(self, j: int) -> Atom | None:
        if j >= self.n:
            return None
        a = self._num_dates.get(j)
        if a is not None:
            return a
        t = self.toks[j]
        lex = self.lex
        w = self.norms[j]
        cls = lex.first.get(w)
        if w in lex.bigram_first and j + 1 < self.n:
            b = lex.bigram.get((w, self.norms[j + 1]))
            if b is not None:
                cls = cls | b if cls else b
        if t.kind == "number":
            cls = (cls or frozenset()) | _NUM_CLS
        elif cls is None:
            return None
        fns = _DISPATCH_CACHE.get(cls)
        if fns is None:
            fns = _DISPATCH_CACHE[cls] = tuple(fn for classes, fn in _DISPATCH if classes & cls)
        for fn in fns:
            a = fn(self, j)
            if a is not None:
                return a
        return None

    # prepositions: offsets, durations, vague spans
    _PREP_NEXT = frozenset({"num", "unit", "vp", "qual"})

    def _prep(self, j: int) -> Atom | None:
        if j + 1 < self.n:
            t1 = self.toks[j + 1]
            if t1.kind != "number" and not (self._PREP_NEXT & self.lex.first.get(t1.norm, frozenset())) \
                    and t1.norm not in ("ال", "(") and t1.norm not in _FRACTIONS \
                    and (self.toks[j].norm, t1.norm) not in self.lex.bigram:
                return None
        g = self.get(j, "prep", clitic=True)
        if g is None:
            return None
        m, kind = g
        k = m.tok_end
        plen = len(m.prefix)
        # vague period: منذ أيام، خلال الساعات الأولى، خلال الأيام الثلاثة الماضية
        vp = self.get(k, "vp")
        if vp is not None:
            k2 = self._vp_tail(vp[0].tok_end)
            if k2 is None:
                nxt = vp[0].tok_end
                if self.norm(k).startswith("ال") or self.norm(k) in _SINGULAR_VP or (
                        nxt < self.n and self.toks[nxt].kind == "word" and
                        (self.norm(nxt).startswith("ال") or self.lex.starts_any.__contains__(self.norm(nxt)))):
                    # "خلال فترة الانتقالات", "طيلة مدة تعاقده", "خلال أيام عيد الفطر": a construct
                    return None
                k2 = nxt
            return Atom(j, k2, plen, Frame("vague", vague="period"))
        paren = self.norm(k) == "(" and self.is_num(k + 1) and self.norm(k + 2) == ")"
        q = quantity_at(self.doc, k + 1, self.toks[k + 1].end) if paren else quantity_at(self.doc, k)
        n = None
        unit = None
        approx = False
        if q is not None:
            u = self._unit(q.tok_end + (1 if paren else 0))
            if u is None:
                return None
            unit, num, k2 = u
            if num == "two":
                return None
            if q.kind == "exact" and q.qualifier is None and isinstance(q.value, int):
                n = q.value
            else:
                approx = True
        elif self.norm(k) in _FRACTIONS and self._unit(k + 1) is not None:
            # "لمدة ربع ساعة", "قبل نصف ساعة"
            unit, num, k2 = self._unit(k + 1)
            n = None
            if unit == "hour":
                unit, n = "minute", int(60 * _FRACTIONS[self.norm(k)])
            approx = n is None
        else:
            qual = qualifier_at(self.doc, k)
            if qual is not None:
                approx, k = True, qual[1]
            u = self._unit(k)
            if u is None and approx:
                per = self.get(k, "per")          # "منذ نحو الأسبوع"
                if per is not None:
                    u = (per[1], "one", per[0].tok_end)
            if u is None:
                return None
            unit, num, k2 = u
            if num == "one" and self.norm(k2) in ("واحد", "واحده"):      # "خلال يوم واحد"
                k2 += 1
            if num == "many" and not self.norm(k) in ("يوما", "عاما", "شهرا", "اسبوعا"):
                # bare plural: منذ سنوات
                return Atom(j, k2, plen, Frame("vague", vague="period"))
            n = None if approx else (2 if num == "two" else 1)
            # "منذ عام 2011", "قبل يوم الخميس", "منذ يوم التأسيس", "منذ شهر رمضان": a point or
            # a construct, not an offset
            if num == "one" and (self._yearlike(k2) or (self._numberish(k2) and self.norm(k2) != "ونصف") or
                                 (self.toks[k2].kind == "word" and self.norm(k2).startswith("ال")
                                  if k2 < self.n else False)
                                 or self.get(k2, "wd") or self.get(k2, "mg") or self.get(k2, "mh")):
                return None
        if self.norm(k2) == "ونصف" and unit == "year" and n is not None:
            n, unit, k2 = n * 12 + 6, "month", k2 + 1       # "منذ عام ونصف": 18 months
        # after the unit: الماضية/الأخيرة (a span back from now), من/على + event
        mod = self.get(k2, "vpm")
        if mod is not None:
            k2 = mod[0].tok_end
            if kind in ("ago", "after"):
                kind = "within"
        anchored = False
        kk = k2 + 1 if self.norm(k2) in _ANCHOR_FILLERS else k2     # "بعد أسبوع أيضا من كشف"
        nk = self.norm(kk)
        if (kind in ("ago", "after") and nk == "من") or (kind == "after" and nk == "علي"):
            if self.norm(kk + 1) in ("الان", "الآن"):
                k2 = kk + 2
            else:
                anchored = True
        f = Frame("relative" if kind in ("ago", "after") else "duration")
        if approx or n is None:
            f.approx = True
        f.offset = (n, unit, -1 if kind == "ago" else 1)
        f.event_anchor = anchored
        f.duration = self._iso(n, unit) if n is not None else None
        if kind in ("ago", "after"):
            f.extra["direction"] = "ago" if kind == "ago" else "after"
        return Atom(j, k2, plen, f)

    def _numberish(self, j: int) -> bool:
        if j >= self.n:
            return False
        t = self.toks[j]
        if t.kind == "number":
            return True
        if t.kind != "word":
            return False
        return "num" in self.lex.first.get(t.norm, ())

    def _unit(self, j: int):
        """(unit, one|two|many, end token) of a unit word at j."""
        for mm in self.at(j):
            if mm.prefix:
                continue
            best = None
            for p in mm.payloads:
                if p[0] == "unit":
                    if best is None or p[1][1] == "two":
                        best = p[1]
            if best is not None:
                return ("day" if best[0] == "night" else best[0]), best[1], mm.tok_end
        return None

    @staticmethod
    def _iso(n, unit) -> str | None:
        if n is None:
            return None
        pre, suf = _UNIT_ISO[unit]
        if unit == "decade":
            n = n * 10
        return f"{pre}{n}{suf}"

    def _yearlike(self, j: int) -> bool:
        if not self.is_num(j):
            return False
        s = self.toks[j].norm
        return len(s) == 4 and s.isdigit() and _OLD_YEAR <= int(s) <= _MAX_YEAR

    # period parts: مطلع الشهر الجاري، منتصف يوليو، النصف الأول من العام
    def _bound(self, j: int) -> Atom | None:
        g = self.get(j, "pp", clitic=True)
        if g is None:
            return None
        m, part = g
        k = m.tok_end
        if self.norm(k) == "من" and part not in ("half1", "half2", "q1", "q2", "q3", "q4"):
            k += 1
        inner = None
        for fn in (self._month, self._yearword, self._holiday):
            inner = fn(k, context=True) if fn is self._month else fn(k)
            if inner is not None:
                break
        if inner is None:
            inner = self._period(k, allow_bare=True)
        if inner is None:
            mw = self.get(k, "mw")
            if mw is not None:
                inner = self._month(mw[0].tok_end, context=True)
        if inner is None or inner.f.kind not in ("date", "relative") or inner.f.d is not None:
            return None
        f = replace(inner.f)
        f.extra = dict(inner.f.extra)
        if part == "first_day":
            if f.m is None and f.period != "month":
                return None
            f.d = 1 if f.m is not None else None
            if f.period == "month":
                f.part = "first_day"
        else:
            f.part = part
        return Atom(j, inner.i1, len(m.prefix), f)

    def _holiday(self, j: int, **_) -> Atom | None:
        g = self.get(j, "hol", clitic=True)
        if g is None:
            return None
        m, h = g
        f = Frame("date", cal=h["calendar"], m=h["month"], d=h["day"], holiday=h)
        k = m.tok_end
        yr = self._year_after(k)
        if yr is not None:
            f.y, k, era = yr
        return Atom(j, k, len(m.prefix), f)

    # parts of the day: صباح اليوم، مساء أمس الأحد، فجر الجمعة؛ صباحا
    def _pod(self, j: int) -> Atom | None:
        g = self.get(j, "pod", clitic=True)
        adv = self.get(j, "poda", clitic=True)
        if g is not None:
            m, pod = g
            k = m.tok_end
            if self.norm(k) in ("من",):
                k += 1
            dw = self.get(k, "dw")
            k2 = dw[0].tok_end if dw is not None else k
            inner = (self._weekday(k2) or self._reld(k2) or self._number(k2) or self._holiday(k2)
                     or self._dayword(k) or self._period(k))
            if inner is not None and (inner.f.has_day or inner.f.period):
                f = inner.f
                f.pod = pod
                return Atom(j, inner.i1, len(m.prefix), f)
        if adv is not None:
            m, pod = adv
            return Atom(j, m.tok_end, len(m.prefix), Frame("part_of_day", pod=pod))
        if g is not None and g[0].phrase in (normalize("منتصف الليل"),):
            return Atom(j, g[0].tok_end, len(g[0].prefix), Frame("part_of_day", pod=g[1]))
        return None

    # clock: الساعة العاشرة صباحا، الساعة 10:30
    def _clock(self, j: int) -> Atom | None:
        g = self.get(j, "clk", clitic=True)
        if g is None:
            return None
        m, _ = g
        k = m.tok_end
        hh = mm_ = None
        if self.is_num(k):
            try:
                hh = int(self.toks[k].norm.split(".")[0])
            except ValueError:
                return None
            k += 1
            if self.norm(k) in (":", "،", ",") and self.is_num(k + 1) and len(self.norms[k + 1]) == 2:
                try:
                    mm_ = int(self.toks[k + 1].norm)
                except ValueError:
                    mm_ = None
                k += 2
            elif "." in self.toks[k - 1].norm:
                parts = self.toks[k - 1].norm.split(".")
                if len(parts) == 2 and parts[1].isdigit():
                    mm_ = int(parts[1])
        else:
            if self.norm(k) == "الواحده":
                hh, k = 1, k + 1
            else:
                q = number_at(self.doc, k) if self._numberish(k) else None
                if q is None or q.value is None:
                    return None
                hh, k = int(q.value), q.tok_end
        if hh is None or not (0 <= hh <= 24):
            return None
        fr = self.norm(k)
        if fr in ("والنصف", "ونصف"):
            mm_, k = 30, k + 1
        elif fr in ("والربع", "وربع"):
            mm_, k = 15, k + 1
        elif fr == "الا" and self.norm(k + 1) in ("ربعا", "ربع"):
            hh, mm_, k = hh - 1, 45, k + 2
        f = Frame("part_of_day", clock=f"{hh:02d}:{(mm_ or 0):02d}")
        adv = self.get(k, "poda")
        if adv is not None:
            f.pod = adv[1]
            k = adv[0].tok_end
        return Atom(j, k, len(m.prefix), f)

    # يوم + weekday / أمس / number
    def _dayword(self, j: int) -> Atom | None:
        g = self.get(j, "dw", clitic=True)
        if g is None:
            return None
        m, _ = g
        k = m.tok_end
        if self.norm(k) in ("واحد", "واحده"):               # "في يوم واحد": a duration
            return Atom(j, k + 1, len(m.prefix), Frame("duration", offset=(1, "day", 0), duration="P1D"))
        inner = self._weekday(k) or self._reld(k) or self._number(k, need_date=True)
        if inner is None or not inner.f.has_day:
            return None
        return Atom(j, inner.i1, len(m.prefix), inner.f)

    def _weekday(self, j: int) -> Atom | None:
        g = self.get(j, "wd", clitic=True)
        if g is None:
            return None
        m, wd = g
        prev = self.norm(j - 1)
        if prev in _WEEKDAY_BREAKERS:
            return None
        k = m.tok_end
        if self.norm(k) in ("عشر", "عشره"):      # الأحد عشر
            return None
        f = Frame("weekday", weekday=wd)
        # "(السبت)": closing parenthesis belongs with the opening one
        mod = self.get(k, "mod")
        if mod is not None:
            f.wmod = mod[1]
            k = mod[0].tok_end
        return Atom(j, k, len(m.prefix), f)

    def _reld(self, j: int) -> Atom | None:
        g = self.get(j, "rd", clitic=True)
        night = False
        if g is None:
            g = self.get(j, "rn", clitic=True)
            night = True
            if g is None:
                return None
        m, n = g
        k = m.tok_end
        if night and not m.prefix and self.norm(j - 1).startswith("ال") and self.norm(j - 1) != "الي":
            return None       # "الفترة الليلة": an adjective, not "tonight"
        if m.phrase == "اليوم":
            nth = self._ordinal_word(k)
            if nth is not None:
                # "اليوم الأول من رمضان" is a date; "اليوم الثالث (من العزاء)" counts from an event
                kk = nth[1] + 1 if self.norm(nth[1]) == "من" else nth[1]
                mon = self._month(kk, context=True)
                if mon is not None and mon.f.d is None and mon.f.m is not None and nth[0] <= 30:
                    mon.f.d = nth[0]
                    return Atom(j, mon.i1, len(m.prefix), mon.f)
                rel = self._rel_month(kk) if kk > nth[1] and 1 <= nth[0] <= 31 else None
                if rel is not None:          # "اليوم الـ 7 من الشهر المقبل"
                    return Atom(j, rel[1], len(m.prefix), Frame("date", d=nth[0], month_rel=rel[0]))
                return Atom(j, nth[1], len(m.prefix), Frame("vague", vague="ordinal"))
            if not self._today_ok(j, k):
                return None
        f = Frame("relative", rel_days=n)
        if night:
            f.pod = "night"
        return Atom(j, k, len(m.prefix), f)

    def _ordinal_word(self, k: int):
        """(n, end) of a definite ordinal word right at k (الأول، الثالث، العاشر، الأخير = 0)."""
        if k >= self.n or self.toks[k].kind != "word":
            return None
        w = self.norms[k]
        if w in ("الاخير", "الاخيره"):
            return 0, k + 1
        if not w.startswith("ال") or self.get(k, "wd") is not None:
            return None
        q = number_at(self.doc, k)
        if q is None or not q.ordinal or not isinstance(q.value, int) or q.value > 31:
            return None
        return q.value, q.tok_end

    def _today_ok(self, j: int, k: int) -> bool:
        prev = self.norm(j - 1)
        nxt = self.norm(k)
        if prev in self.lex.today_breakers:
            return False
        if prev in ('"', "'") and nxt in ('"', "'"):
            return False          # «اليوم»: the newspaper
        if nxt.startswith("ال") and len(nxt) > 3 and self.toks[k].kind == "word" \
                and nxt not in self.lex.today_keepers:
            # اليوم الوطني / العالمي / الأول: a named or counted day — unless a time word
            for mm in self.at(k):
                if any(p[0] in ("wd", "pod", "poda", "rd", "mod") for p in mm.payloads):
                    return True
            return False
        return True

    def _vague(self, j: int) -> Atom | None:
        g = self.get(j, "vague", clitic=True)
        if g is not None:
            m, _ = g
            return Atom(j, m.tok_end, len(m.prefix), Frame("vague", vague="phrase"))
        g = self.get(j, "vp", clitic=True)
        if g is not None and self.norm(j)[len(g[0].prefix):].startswith("ال"):
            m, _ = g
            k = self._vp_tail(m.tok_end)
            if k is not None:
                return Atom(j, k, len(m.prefix), Frame("vague", vague="period"))
        return None

    def _vp_tail(self, k: int) -> int | None:
        """End of "الماضية" / "الثلاثة الماضية" / "القليلة الماضية" after a vague period."""
        mod = self.get(k, "vpm")
        if mod is not None:
            return mod[0].tok_end
        q = number_at(self.doc, k) if self._numberish(k) else None
        if q is not None:
            mod = self.get(q.tok_end, "vpm")
            if mod is not None:
                return mod[0].tok_end
        return None

    # month names
    def _month(self, j: int, context: bool = False) -> Atom | None:
        mw = self.get(j, "mw", clitic=True)
        k0 = j
        plen = 0
        if mw is not None:
            k0 = mw[0].tok_end
            plen = len(mw[0].prefix)
            context = True
        cal = "gregorian"
        g = self.get(k0, "mg", clitic=(mw is None))
        if g is None:
            cal = "hijri"
            g = self.get(k0, "mh", clitic=(mw is None))
        if g is None:
            return None
        m, mon = g
        if mw is None:
            plen = len(m.prefix)
        f = Frame("date", cal=cal, m=mon)
        k = self._month_alias(m.tok_end, mon, cal)
        k, has_tail = self._month_tail(k, f)
        stem = m.phrase
        if stem in self.lex.ambiguous_months and not (context or has_tail):
            prev = self.norm(j - 1)
            if prev not in ("في", "خلال", "منذ", "قبل", "بعد", "حتي", "طوال", "طيله", "مطلع", "منتصف",
                            "نهايه", "اواخر", "اوائل", "بدايه", "شهر"):
                return None
        return Atom(j, k, plen, f)

    def _month_alias(self, k: int, mon: int, cal: str) -> int:
        """Skip a second name of the same month: أغسطس/آب، مايو أيار، (آب)."""
        cls = "mg" if cal == "gregorian" else "mh"
        nk = self.norm(k)
        if nk in ("/", "-", "(") or nk == "،":
            g = self.get(k + 1, cls)
            if g is not None and g[1] == mon:
                k = g[0].tok_end
                if nk == "(" and self.norm(k) == ")":
                    k += 1
                return k
            return k
        g = self.get(k, cls)
        if g is not None and g[1] == mon:
            return g[0].tok_end
        return k

    def _month_tail(self, k: int, f: Frame) -> tuple[int, bool]:
        """Year or modifier after a month name."""
        yr = self._year_after(k)
        if yr is not None:
            f.y, k, era = yr
            if era == "h" and f.cal == "gregorian":
                pass
            return k, True
        mod = self.get(k, "mod")
        if mod is not None and mod[1] in ("past", "current", "next"):
            f.month_mod = mod[1]
            return mod[0].tok_end, True
        # "من العام الماضي", "من هذا العام", "من العام 2015", "من عام 2015"
        kk = k + 1 if self.norm(k) == "من" else k
        if kk != k or self.get(k, "per", sub="year") or self.get(k, "yw"):
            dem = self.get(kk, "demo")
            if dem is not None:
                per = self.get(dem[0].tok_end, "per", sub="year")
                if per is not None:
                    f.year_rel = 0
                    return per[0].tok_end, True
            per = self.get(kk, "per", sub="year")
            if per is not None:
                mod = self.get(per[0].tok_end, "mod")
                if mod is not None and mod[1] in _MOD_OFFSET:
                    f.year_rel = _MOD_OFFSET[mod[1]]
                    return mod[0].tok_end, True
            yw = self.get(kk, "yw")
            if yw is not None:
                yr = self._year_number(yw[0].tok_end)
                if yr is not None:
                    f.y, k2, era = yr
                    return k2, True
        return k, False

    def _year_after(self, k: int):
        """A year right after a month/day: "2015", "2015م", "1436 هـ", "عام 2015", "من عام 2015"."""
        if self._yearlike(k):
            return self._year_number(k)
        kk = k + 1 if self.norm(k) == "من" else k
        yw = self.get(kk, "yw")
        if yw is not None:
            return self._year_number(yw[0].tok_end)
        return None

    def _year_number(self, k: int):
        """(year, end, era) of a year number at k with an optional era marker."""
        y = None
        if self._yearlike(k):
            y = int(self.toks[k].norm)
            k2 = k + 1
        elif self._numberish(k) and self.toks[k].kind == "word":
            q = number_at(self.doc, k)
            if q is None or not isinstance(q.value, int) or not _OLD_YEAR <= q.value <= _MAX_YEAR:
                return None
            y, k2 = q.value, q.tok_end
        else:
            return None
        era = None
        er = self.get(k2, "era")
        if er is not None:
            era = er[1]
            k2 = er[0].tok_end
        return y, k2, era

    # عام 2015، العام 1436هـ، سنة 2015؛ عامي 2014 و2015
    def _yearword(self, j: int, **_) -> Atom | None:
        g = self.get(j, "yw", clitic=True)
        if g is None:
            return None
        m, _ = g
        yr = self._year_number(m.tok_end)
        if yr is None:
            return None
        y, k, era = yr
        return self._year_atom(j, len(m.prefix), y, era, k)

    def _year_atom(self, j: int, plen: int, y: int, era: str | None, k: int, pair: bool = True) -> Atom:
        hijri = era == "h" or (era is None and y <= _HIJRI_TOP)
        f = Frame("date", cal="hijri" if hijri else "gregorian", y=y)
        if pair and self.norm(k) in ("-", "/", "–") and self._yearlike(k + 1):
            y2 = int(self.toks[k + 1].norm)
            if hijri and abs(y2 - _hijri_year_to_greg(y)) <= 1:
                # "عام 1382-1962", "1293 / 1876": the Hijri year and its Gregorian year
                f = Frame("date", y=y2)
                f.extra["hijri_year"] = y
                k += 2
                er = self.get(k, "era")
                if er is not None:
                    k = er[0].tok_end
                return Atom(j, k, plen, f)
            # 2015-2016, 1436/1437هـ: a span of years
            if y2 == y + 1:
                f.year_range = (y, y2)
                k += 2
                er = self.get(k, "era")
                if er is not None:
                    if er[1] == "h" and _MIN_HYEAR <= y <= _MAX_HYEAR:
                        f.cal = "hijri"
                    k = er[0].tok_end
        return Atom(j, k, plen, f)

    # الأسبوع الماضي، الشهر الجاري، العام المقبل، هذا العام
    def _period(self, j: int, allow_bare: bool = False) -> Atom | None:
        dem = self.get(j, "demo", clitic=True)
        if dem is not None:
            per = self.get(dem[0].tok_end, "per")
            if per is None:
                return None
            return Atom(j, per[0].tok_end, len(dem[0].prefix),
                        Frame("relative", period=per[1], pmod=0))
        g = self.get(j, "per", clitic=True)
        if g is None:
            return None
        m, per = g
        k = m.tok_end
        mod = self.get(k, "mod")
        if mod is not None and mod[1] in _MOD_OFFSET:
            k2 = mod[0].tok_end
            if per == "year":
                yr = self._year_number(k2)      # "العام الماضي 2014م": the number says it
                if yr is not None and (yr[2] or _MIN_YEAR <= yr[0] <= _MAX_YEAR):
                    y, k3, era = yr
                    a = self._year_atom(j, len(m.prefix), y, era, k3)
                    return a
            return Atom(j, k2, len(m.prefix), Frame("relative", period=per, pmod=_MOD_OFFSET[mod[1]]))
        if per == "year":
            yr = self._year_number(k)
            if yr is not None:
                y, k2, era = yr
                return self._year_atom(j, len(m.prefix), y, era, k2)
        if per in ("week", "month") and not allow_bare:
            nth = self._ordinal_word(k)
            if nth is not None and nth[0] <= 5:
                # "الأسبوع الأول (من المعسكر)": counted from an event
                return Atom(j, nth[1], len(m.prefix), Frame("vague", vague="ordinal"))
        if allow_bare:
            return Atom(j, k, len(m.prefix), Frame("relative", period=per, pmod=0))
        return None

    # numbers first: 20 يوليو، العشرين من الجاري، 3 أيام، 2015م
    _NUM_NEXT = frozenset({"mg", "mh", "mw", "unit", "mod", "poda", "era", "per", "demo", "hol", "vp"})

    def _number(self, j: int, need_date: bool = False) -> Atom | None:
        if not self._numberish(j):
            return None
        t = self.toks[j]
        # cheap look-ahead: a number is a time expression only next to a time word (or as a year)
        first = self.lex.first_any
        for g in range(j + 1, min(j + 5, self.n)):
            c = first.get(self.norms[g])
            if c is not None and (c & self._NUM_NEXT or "num" in c and g == j + 1):
                break
            if self.norms[g] in ("-", "/", "–"):
                break
        else:
            if not self._yearlike(j):
                return None
        q = number_at(self.doc, j)
        if q is None or q.value is None or q.percent:
            return None
        v = q.value
        k = q.tok_end
        plen = q.start - self.toks[j].start if q.start > self.toks[j].start and t.kind == "word" else 0
        if plen and t.kind == "word":
            plen = self.doc.norm.to_norm[q.start] - t.nstart
        if isinstance(v, int) and 1 <= v <= 31:
            kk = k + 1 if self.norm(k) == "من" else k
            mon = self._month(kk, context=True)
            if mon is not None and mon.f.d is None and mon.f.m is not None:
                f = mon.f
                f.d = v
                return Atom(j, mon.i1, plen, f)
            rel = self._rel_month(kk)
            if rel is not None:
                off, k2 = rel
                return Atom(j, k2, plen, Frame("date", d=v, month_rel=off))
        if need_date:
            return None
        if t.kind == "number" and self._yearlike(j):
            y = int(t.norm)
            er = self.get(k, "era")
            if er is not None:
                return self._year_atom(j, 0, y, er[1], er[0].tok_end)
            if self.norm(k) in ("-", "/", "–") and self._yearlike(k + 1):
                y2 = int(self.toks[k + 1].norm)
                if y2 == y + 1 or (y <= _HIJRI_TOP and abs(y2 - _hijri_year_to_greg(y)) <= 1):
                    return self._year_atom(j, 0, y, None, k)
                if y < y2 <= y + 100 and _MIN_YEAR <= y:
                    return self._year_atom(j, 0, y, None, k, pair=False)   # 2010-2020: two years
            if _MIN_YEAR <= y <= _MAX_YEAR:
                prev = self.norm(j - 1)
                if prev in _YEAR_PREV_STRONG:
                    return self._year_atom(j, 0, y, None, k)
                if prev in _YEAR_PREV_WEAK:
                    # "من 2004 إلى 2008", "بين 2010 و2012", "حتى 2020.": another year close by,
                    # or nothing after it (not "إلى 2000 نقطة")
                    near = any(self._yearlike(g) for g in (j - 2, j - 3, k + 1, k + 2) if g != j)
                    if near or k >= self.n or self.toks[k].kind == "punct":
                        return self._year_atom(j, 0, y, None, k)
            return None
        if q.ordinal or t.norm in ("اول", "ثاني", "ثالث", "رابع"):
            # "أول أيام عيد الفطر", "ثالث أيام العيد"
            if self.norm(k) in ("ايام", "يوم") and isinstance(v, int) and 1 <= v <= 10:
                hol = self._holiday(k + 1)
                if hol is not None and hol.f.d is not None:
                    hol.f.d += v - 1
                    return Atom(j, hol.i1, plen, hol.f)
        adv = self.get(k, "poda")
        if adv is not None and isinstance(v, int) and 1 <= v <= 12 and (t.kind == "number" or q.ordinal):
            # "السادسة صباحا", "8 مساء": a clock time
            return Atom(j, adv[0].tok_end, plen, Frame("part_of_day", clock=f"{v:02d}:00", pod=adv[1]))
        u = self._unit(k)
        if u is not None and u[1] != "two" and isinstance(v, int) and v > 0 and not q.ordinal:
            unit, num, k2 = u
            if any(self.norm(g) in _AGE_PREV for g in (j - 1, j - 2, j - 3)):
                return None          # an age: "(23 عاما)", "البالغ من العمر 40 عاما"
            f = Frame("duration", offset=(v, unit, 0), duration=self._iso(v, unit))
            mod = self.get(k2, "vpm")
            if mod is not None:
                k2 = mod[0].tok_end
            return Atom(j, k2, plen, f)
        return None

    def _dual(self, j: int) -> Atom | None:
        """A dual unit on its own: "استمرت يومين", "ليومين" (not an age: "(عامين)")."""
        for mm in self.at(j):
            if mm.prefix and any(c in mm.prefix for c in "بك"):
                continue
            for p in mm.payloads:
                if p[0] == "unit" and p[1][1] == "two" and not mm.phrase.startswith("ال"):
                    if any(self.norm(g) in _AGE_PREV for g in (j - 1, j - 2, j - 3)):
                        return None
                    unit = "day" if p[1][0] == "night" else p[1][0]
                    return Atom(j, mm.tok_end, len(mm.prefix),
                                Frame("duration", offset=(2, unit, 0), duration=self._iso(2, unit)))
        return None

    def _rel_month(self, k: int):
        """"الجاري" / "من الجاري" / "من الشهر الماضي" / "من هذا الشهر" → (month offset, end)."""
        mod = self.get(k, "mod")
        if mod is not None and mod[1] == "current" and self.norm(k) not in ("هذا", "هذه"):
            return 0, mod[0].tok_end
        dem = self.get(k, "demo")
        if dem is not None:
            per = self.get(dem[0].tok_end, "per", sub="month")
            if per is not None:
                return 0, per[0].tok_end
            return None
        per = self.get(k, "per", sub="month") or self.get(k, "mw")      # الشهر / شهر الحالي
        if per is not None:
            mod = self.get(per[0].tok_end, "mod")
            if mod is not None and mod[1] in _MOD_OFFSET:
                return _MOD_OFFSET[mod[1]], mod[0].tok_end
            if self.norm(per[0].tok_end) in ("ذاته", "نفسه"):
                return "same", per[0].tok_end + 1        # the month of the date before it
            if per[1] == "month" and self.norms[k - 1] == "من":
                return 0, per[0].tok_end                 # "الـ 28 من الشهر": this month
        return None

    # -- merging neighbours ------------------------------------------------------
    def _gap_ok(self, a: Atom, b: Atom, allow: tuple = ()) -> bool:
        g = a.i1
        # "(حسب تقويم أم القرى)": a short bracketed aside right after the first date
        if self.norm(g) == "(":
            for h in range(g + 1, min(g + 8, b.i0)):
                if self.norm(h) == ")":
                    if any(self.get(x, "eq") is not None for x in range(h + 1, b.i0)):
                        g = h + 1
                    break
        for g in range(g, b.i0):
            n = self.norm(g)
            if n in _GAP_PUNCT or n in allow or n in ("بتاريخ", "وتاريخ"):
                continue
            if self.get(g, "eq") is not None:
                continue
            return False
        return b.i0 - a.i1 <= 4 or g > a.i1 + 4 and b.i0 - a.i1 <= 12

    def _merge(self, atoms: list[Atom]) -> list[Atom]:
        out: list[Atom] = []
        for b in atoms:
            if out:
                a = out[-1]
                merged = self._try_merge(a, b)
                if merged is not None:
                    out[-1] = merged
                    continue
            out.append(b)
        return out

    def _try_merge(self, a: Atom, b: Atom) -> Atom | None:
        if self._crosses(a.i0, b.i1):
            return None
        fa, fb = a.f, b.f
        # day words + a full date: "الأحد 2 أغسطس"، "اليوم الاثنين الموافق 18/10/1436هـ"
        if (fa.weekday is not None or fa.rel_days is not None) and fb.kind == "date" and fb.d is not None \
                and fa.d is None and self._gap_ok(a, b, ("يوم",)):
            f = replace(fb, extra=dict(fb.extra))
            f.weekday = fa.weekday if fa.weekday is not None else fb.weekday
            f.rel_days = fa.rel_days
            f.pod = fb.pod or fa.pod
            f.clock = fb.clock or fa.clock
            return Atom(a.i0, b.i1, a.plen, f)
        # two equivalent dates: "26 شوال 1436 هـ الموافق 11 أغسطس 2015 م"
        if fa.kind == "date" and fb.kind == "date" and fa.d is not None and fb.d is not None \
                and fa.cal != fb.cal and self._gap_ok(a, b):
            g, h = (fa, fb) if fa.cal == "gregorian" else (fb, fa)
            f = replace(g, extra=dict(g.extra))
            f.extra["equivalent"] = (h.y, h.m, h.d)
            f.weekday = fa.weekday if fa.weekday is not None else fb.weekday
            f.rel_days = fa.rel_days if fa.rel_days is not None else fb.rel_days
            f.pod = fa.pod or fb.pod
            f.clock = fa.clock or fb.clock
            return Atom(a.i0, b.i1, a.plen, f)
        # "العام الماضي 2014م"، "النصف الأول من العام الجاري 2015": the number says it
        if fa.period == "year" and fa.kind == "relative" and fb.kind == "date" and fb.y is not None \
                and fb.m is None and b.i0 == a.i1:
            f = replace(fb, extra=dict(fb.extra))
            f.part = fa.part
            return Atom(a.i0, b.i1, a.plen, f)
        # "أمس الأحد"، "اليوم (السبت)"
        if fa.rel_days is not None and fb.kind == "weekday" and fb.wmod is None and fa.weekday is None \
                and self._gap_ok(a, b):
            f = replace(fa, extra=dict(fa.extra))
            f.weekday = fb.weekday
            f.pod = fa.pod or fb.pod
            k = b.i1
            if self.norm(k) == ")" and self.norm(b.i0 - 1) == "(" and self.sents[k] == self.sents[b.i0]:
                k += 1
            return Atom(a.i0, k, a.plen, f)
        # "الخميس صباحا"، "أمس مساء"
        if fb.kind == "part_of_day" and fb.clock is None and fa.has_day and fa.pod is None \
                and b.i0 == a.i1:
            f = replace(fa, extra=dict(fa.extra))
            f.pod = fb.pod
            return Atom(a.i0, b.i1, a.plen, f)
        # "الساعة العاشرة من صباح اليوم"، "الساعة 10 صباح أمس"
        if fa.kind == "part_of_day" and fa.clock is not None and (fb.has_day or fb.period) \
                and self._gap_ok(a, b, ("من", "يوم", "في")):
            f = replace(fb, extra=dict(fb.extra))
            f.clock = fa.clock
            f.pod = fb.pod or fa.pod
            return Atom(a.i0, b.i1, a.plen, f)
        # "أمس ... الساعة العاشرة": clock after a day
        if fb.kind == "part_of_day" and fb.clock is not None and fa.has_day and fa.clock is None \
                and self._gap_ok(a, b, ("في", "عند")):
            f = replace(fa, extra=dict(fa.extra))
            f.clock = fb.clock
            f.pod = fa.pod or fb.pod
            return Atom(a.i0, b.i1, a.plen, f)
        return None

    # -- tense ----------------------------------------------------------------
    def future(self, a: Atom) -> bool:
        toks = self.toks
        sent = toks[a.i0].sent
        fut = self.lex.future
        lo = max(0, a.i0 - 6)
        hi = min(self.n, a.i1 + 2)
        for g in range(lo, hi):
            if a.i0 <= g < a.i1:
                continue
            t = toks[g]
            if t.sent != sent:
                continue
            w = t.norm
            if w in fut or (w[:1] in ("و", "ف") and w[1:] in fut):
                return True
            if _looks_future_verb(w) or (w[:1] in ("و", "ف") and _looks_future_verb(w[1:])):
                return True
        return False


# parsers in priority order, each with the phrase classes that can start it
_DISPATCH = (
    (frozenset({"prep"}), _Scan._prep), (frozenset({"pp"}), _Scan._bound),
    (frozenset({"hol"}), _Scan._holiday), (frozenset({"pod", "poda"}), _Scan._pod),
    (frozenset({"clk"}), _Scan._clock), (frozenset({"dw"}), _Scan._dayword),
    (frozenset({"wd"}), _Scan._weekday), (frozenset({"rd", "rn"}), _Scan._reld),
    (frozenset({"vague", "vp"}), _Scan._vague), (frozenset({"mw", "mg", "mh"}), _Scan._month),
    (frozenset({"yw"}), _Scan._yearword), (frozenset({"per", "demo"}), _Scan._period),
    (frozenset({"num"}), _Scan._number), (frozenset({"unit"}), _Scan._dual))
_DISPATCH_CACHE: dict[frozenset, tuple] = {}
_NUM_CLS = frozenset({"num"})

_FUT_STOP = frozenset(normalize(w) for w in (
    "سيارة", "سيارات", "سياسة", "سياسي", "سياسية", "سيادة", "سيطرة", "سيناء", "سينما", "ستة", "ستين",
    "سنة", "سنوات", "سنوي", "سنوية", "ستار", "سيدة", "سيدات", "سيول", "سياحة", "سياحي", "سياحية",
    "سياق", "سيف", "سير", "سيرة", "سياج", "سيتي", "سيبويه", "ستاد", "سيلفي", "سيسي", "ستالين",
    "سيول", "سياسيا", "سنتين", "سنويا", "سيستم", "سيرفر", "سيجارة", "سيرك", "ستراتيجية", "سيناريو",
    "سيناريوهات", "سيطرتها", "سيطرته", "سيادته", "سياساتها", "سياسات", "سيارته", "سيارتها", "سيدني",
    "سيئول", "ستوكهولم", "سينمائي", "سينمائية", "سيراليون", "سيمون", "سيزار", "سيميوني", "ستيفن",
    "ستيف", "سيرجي", "سيلفا", "سيلين", "ستراسبورغ", "ستامفورد", "سيتوارد"))


def _looks_future_verb(w: str) -> bool:
    """سيعقد، ستبدأ، سنعمل: the future prefix س on an imperfect verb (heuristic)."""
    if len(w) < 5 or w[0] != "س" or w[1] not in "يتن" or w in _FUT_STOP:
        return False
    return not w.endswith(("ات", "يه", "ين", "ون")) or w.endswith(("ون",)) and w[1] in "يت"


# ---------------------------------------------------------------------------
# Resolution

class _Res:
    __slots__ = ("value", "precision", "reason", "extra")

    def __init__(self, value=None, precision="unresolved", reason=None, **extra):
        self.value, self.precision, self.reason, self.extra = value, precision, reason, extra


_NO_P = "relative expression and no publication date"


def resolve(f: Frame, P: dt.date | None, future: bool = False, last=None) -> _Res:
    """Value, precision and reason of a frame against the publication date P.
    ``last`` is (calendar, year, month) of the latest date before it in the text,
    for "من الشهر ذاته"."""
    if f.kind == "duration":
        return _Res(reason="duration: a length of time, not a point in time")
    if f.kind == "vague":
        return _Res(reason="vague time expression: not resolved")
    if f.kind == "part_of_day" and not f.has_day:
        return _Res(reason="time of day without a day")
    if f.event_anchor:
        return _Res(reason="counted from an event, not from the publication date")
    if f.offset is not None and f.kind == "relative":
        return _offset(f, P)
    if f.period is not None and f.kind == "relative":
        return _period(f, P)
    if f.kind == "date" or f.d is not None or f.m is not None or f.y is not None:
        r = _date(f, P, last)
        if r.value and f.weekday is not None and r.precision == "day":
            day = dt.date.fromisoformat(r.value)
            if day.weekday() != f.weekday:
                r.extra["conflict"] = (f"the date is a {WEEKDAY_NAMES[day.weekday()]}, the text says "
                                       f"{WEEKDAY_NAMES[f.weekday]}")
        return r
    if f.rel_days is not None:
        if P is None:
            return _Res(reason=_NO_P)
        day = P + dt.timedelta(days=f.rel_days)
        r = _Res(day.isoformat(), "day", anchor="published")
        if f.weekday is not None and day.weekday() != f.weekday:
            # the weekday wins; the writer's "today" is at most a day after P (print
            # editions go online the evening before their date)
            latest = P + dt.timedelta(days=f.rel_days + 1)
            cands = [day + dt.timedelta(days=k) for k in range(-6, 7)]
            cands = [c for c in cands if c.weekday() == f.weekday and c <= latest]
            best = min(cands, key=lambda c: (abs((c - day).days), c > day))
            r.extra["conflict"] = (f"{day.isoformat()} is a {WEEKDAY_NAMES[day.weekday()]}, the text "
                                   f"says {WEEKDAY_NAMES[f.weekday]}: took the nearest "
                                   f"{WEEKDAY_NAMES[f.weekday]} not after {latest.isoformat()}")
            r.value = best.isoformat()
        return r
    if f.weekday is not None:
        if P is None:
            return _Res(reason=_NO_P)
        wd = f.weekday
        back = (P.weekday() - wd) % 7          # days back to the most recent on/before P
        if f.wmod in ("past", "before_last"):
            day = P - dt.timedelta(days=back or 7)
            if f.wmod == "before_last":
                day -= dt.timedelta(days=7)
        elif f.wmod in ("next", "after_next"):
            fwd = (wd - P.weekday()) % 7
            day = P + dt.timedelta(days=fwd or 7)
            if f.wmod == "after_next":
                day += dt.timedelta(days=7)
        elif future or f.wmod == "current":
            day = P + dt.timedelta(days=(wd - P.weekday()) % 7)
        else:
            day = P - dt.timedelta(days=back)
        return _Res(day.isoformat(), "day", anchor="published")
    return _Res(reason="not resolved")


_OUT_OF_RANGE = "outside the dates the record can hold (years 1 to 9999)"
_VALUE = regex.compile(r"^(\d{4})(?:-\d{2}(?:-\d{2})?)?$")


def _resolve_in_range(f: Frame, P: dt.date | None, future: bool = False, last=None) -> _Res:
    """:func:`resolve`, with a value the record can hold or none: "قبل 130 ألف سنة" or
    "بعد مليار يوم" reach past year 1 or 9999, where dates overflow (Python's
    ``date`` and the contract's ``YYYY`` both stop there)."""
    try:
        r = resolve(f, P, future, last)
    except OverflowError:
        return _Res(reason=_OUT_OF_RANGE)
    if r.value is not None:
        m = _VALUE.match(r.value)
        if m is None or int(m.group(1)) < 1:
            return _Res(reason=_OUT_OF_RANGE)
    return r


def _offset(f: Frame, P) -> _Res:
    n, unit, sign = f.offset
    if f.approx or n is None:
        return _Res(reason="approximate offset: not resolved")
    if P is None:
        return _Res(reason=_NO_P)
    if unit in ("hour", "minute"):
        hours = n if unit == "hour" else n / 60
        if hours < 24:
            return _Res(P.isoformat(), "day", anchor="published")
        return _Res(reason="offset in hours: the day is not certain")
    if unit == "day":
        return _Res((P + dt.timedelta(days=sign * n)).isoformat(), "day", anchor="published")
    if unit == "week":
        return _Res(_monday(P + dt.timedelta(days=7 * sign * n)).isoformat(), "week", anchor="published")
    if unit == "month":
        y, m = _shift_month(P.year, P.month, sign * n)
        return _Res(f"{y:04d}-{m:02d}", "month", anchor="published")
    if unit == "year":
        return _Res(f"{P.year + sign * n:04d}", "year", anchor="published")
    if unit == "decade":
        return _Res(reason="offset in decades: not resolved")
    return _Res(reason="not resolved")


def _period(f: Frame, P) -> _Res:
    if P is None:
        return _Res(reason=_NO_P)
    k = f.pmod or 0
    extra = {"anchor": "published"}
    if f.part:
        extra["part"] = f.part
    if f.period == "week":
        return _Res(_monday(P + dt.timedelta(days=7 * k)).isoformat(), "week", **extra)
    if f.period == "month":
        y, m = _shift_month(P.year, P.month, k)
        if f.part == "first_day":
            return _Res(f"{y:04d}-{m:02d}-01", "day", **extra)
        return _Res(f"{y:04d}-{m:02d}", "month", **extra)
    return _Res(f"{P.year + k:04d}", "year", **extra)


def _date(f: Frame, P, last=None) -> _Res:
    if f.cal == "hijri" and f.month_rel is None:
        return _hijri_date(f, P)
    extra = {}
    if f.part:
        extra["part"] = f.part
    if f.year_range:
        extra["range"] = [str(f.year_range[0]), str(f.year_range[1])]
    y, m, d = f.y, f.m, f.d
    if f.month_rel == "same":         # "31 من الشهر ذاته": the month of the date before it
        if not last:
            return _Res(reason="'the same month' with no month before it")
        cal, y, m = last
        if cal == "hijri":
            return _hijri_date(replace(f, month_rel=None, y=y, m=m), P)
        day = _valid(y, m, d)
        return _Res(day.isoformat(), "day", **extra) if day else _Res(reason="not a valid date")
    if f.month_rel is not None:       # العشرين من الجاري
        if P is None:
            return _Res(reason=_NO_P)
        y, m = _shift_month(P.year, P.month, f.month_rel)
        day = _valid(y, m, d)
        if f.extra.get("hijri_context"):
            # a sentence dated by the Hijri calendar: the current Hijri month, unless the
            # sentence looks forward and that day is already past
            hy, hm, _ = _greg_to_hijri(P)
            hy, hm = _shift_month(hy, hm, f.month_rel)
            try:
                if d <= _hijri_month_len(hy, hm):
                    g = _hijri_to_greg(hy, hm, d)
                    if not (f.extra.get("future") and g < P):
                        return _Res(g.isoformat(), "day", anchor="published", calendar="hijri",
                                    hijri=f"{hy}-{hm:02d}-{d:02d}",
                                    rule="a sentence dated by the Hijri calendar: the current Hijri month")
            except (ValueError, OverflowError):
                pass
        if f.weekday is not None and (day is None or day.weekday() != f.weekday):
            # "الخميس 28 من الشهر الجاري" in a Hijri-dating paper: the weekday decides
            hy, hm, _ = _greg_to_hijri(P)
            hy, hm = _shift_month(hy, hm, f.month_rel)
            try:
                if d <= _hijri_month_len(hy, hm):
                    g = _hijri_to_greg(hy, hm, d)
                    if g.weekday() == f.weekday:
                        return _Res(g.isoformat(), "day", anchor="published", calendar="hijri",
                                    hijri=f"{hy}-{hm:02d}-{d:02d}",
                                    rule="the weekday fits the current Hijri month, not the Gregorian one")
            except (ValueError, OverflowError):
                pass
        if day is None:
            return _Res(reason="not a valid date")
        return _Res(day.isoformat(), "day", anchor="published", **extra)
    if y is None and f.year_rel is not None:
        if P is None:
            return _Res(reason=_NO_P)
        y = P.year + f.year_rel
        extra["anchor"] = "published"
    if y is not None:
        if m is None:
            return _Res(f"{y:04d}", "year", **extra)
        if d is None:
            return _Res(f"{y:04d}-{m:02d}", "month", **extra)
        day = _valid(y, m, d)
        if day is None:
            return _Res(reason="not a valid date")
        return _Res(day.isoformat(), "day", **extra)
    if m is None:
        return _Res(reason="not resolved")
    if P is None:
        return _Res(reason="no year given and no publication date")
    extra["anchor"] = "published"
    if d is None:
        cands = [(yy, m) for yy in (P.year - 1, P.year, P.year + 1)]
        pidx = P.year * 12 + P.month - 1
        def dist(c):
            return c[0] * 12 + c[1] - 1 - pidx
        if f.month_mod == "past":
            c = max((c for c in cands if dist(c) < 0), key=dist)
        elif f.month_mod == "next":
            c = min((c for c in cands if dist(c) > 0), key=dist)
        elif f.month_mod == "current":
            c = (P.year, m)
        else:
            c = min(cands, key=lambda c: (abs(dist(c)), dist(c) > 0))
        return _Res(f"{c[0]:04d}-{c[1]:02d}", "month", **extra)
    cands = [x for x in (_valid(yy, m, d) for yy in (P.year - 1, P.year, P.year + 1)) if x]
    if not cands:
        return _Res(reason="not a valid date")
    if f.month_mod == "past":
        pool = [c for c in cands if c < P]
    elif f.month_mod == "next":
        pool = [c for c in cands if c > P]
    elif f.month_mod == "current":
        pool = [c for c in cands if c.year == P.year]
    else:
        pool = cands
    if not pool:
        pool = cands
    day = min(pool, key=lambda c: (abs((c - P).days), c > P))
    return _Res(day.isoformat(), "day", **extra)


def _hijri_date(f: Frame, P) -> _Res:
    extra = {"calendar": "hijri"}
    if f.part:
        extra["part"] = f.part
    y, m, d = f.y, f.m, f.d
    try:
        if y is None:
            if m is None:
                return _Res(reason="not resolved")
            if P is None:
                return _Res(reason="no year given and no publication date", **extra)
            extra["anchor"] = "published"
            hy = _greg_to_hijri(P)[0]
            best = None
            for yy in (hy - 1, hy, hy + 1):
                if d is not None:
                    if d > _hijri_month_len(yy, m):
                        continue
                    g0 = g1 = _hijri_to_greg(yy, m, d)
                else:
                    g0 = _hijri_to_greg(yy, m, 1)
                    g1 = g0 + dt.timedelta(days=_hijri_month_len(yy, m) - 1)
                if f.month_mod == "past" and not g1 < P:
                    continue
                if f.month_mod == "next" and not g0 > P:
                    continue
                if f.month_mod == "current" and yy != hy:
                    continue
                if g0 <= P <= g1:
                    key = (0, False)
                else:
                    key = (min(abs((g0 - P).days), abs((g1 - P).days)), g0 > P)
                if best is None or key < best[0]:
                    best = (key, yy)
            if best is None:
                return _Res(reason="not a valid date", **extra)
            y = best[1]
        if not (_MIN_HYEAR <= y <= _MAX_HYEAR):
            return _Res(reason=f"Hijri year {y} outside the convertible range", **extra)
        if m is None:
            g0 = _hijri_to_greg(y, 1, 1)
            y_last = f.year_range[1] if f.year_range else y
            g1 = _hijri_to_greg(y_last, 12, 1) + dt.timedelta(days=_hijri_month_len(y_last, 12) - 1)
            extra["hijri"] = f"{y}"
            extra["range"] = [g0.isoformat(), g1.isoformat()]
            if f.year_range:
                extra["hijri"] = f"{f.year_range[0]}/{f.year_range[1]}"
            return _Res(g0.isoformat(), "year", **extra)
        n = _hijri_month_len(y, m)
        if d is None:
            g0 = _hijri_to_greg(y, m, 1)
            extra["hijri"] = f"{y}-{m:02d}"
            extra["range"] = [g0.isoformat(), (g0 + dt.timedelta(days=n - 1)).isoformat()]
            return _Res(g0.isoformat(), "month", **extra)
        if d > n:
            if d == 30 and n == 29:
                # calendars differ by a day: the 30th of a 29-day month is the 1st of the next
                g = _hijri_to_greg(y, m, 29) + dt.timedelta(days=1)
                extra["hijri"] = f"{y}-{m:02d}-{d:02d}"
                extra["conflict"] = "day 30 of a 29-day Umm al-Qura month"
                return _Res(g.isoformat(), "day", **extra)
            return _Res(reason="not a valid date", **extra)
        g = _hijri_to_greg(y, m, d)
        extra["hijri"] = f"{y}-{m:02d}-{d:02d}"
        return _Res(g.isoformat(), "day", **extra)
    except (ValueError, OverflowError) as e:
        return _Res(reason=f"Hijri date not convertible: {e}", **extra)


# ---------------------------------------------------------------------------

class TimesStage(Stage):
    name = "times"
    needs = frozenset({"tokens"})
    provides = frozenset({"times"})

    def __init__(self, **config):
        super().__init__(**config)
        self.lex = lexicon()

    def process(self, doc) -> None:
        doc.times = []
        if not doc.tokens or doc.norm is None:
            return
        P = None
        if doc.published:
            try:
                P = dt.date.fromisoformat(str(doc.published)[:10])
            except ValueError:
                P = None
        scan = _Scan(doc, self.lex)
        last = None
        atoms = scan.run()
        # sentences that date by the Hijri calendar (a Hijri date, no Gregorian month name):
        # there "الشهر الجاري" is the Hijri month
        hijri_s, greg_s = set(), set()
        for a in atoms:
            sent = doc.tokens[a.i0].sent
            if (a.f.cal == "hijri" and a.f.holiday is None) or "hijri_year" in a.f.extra:
                hijri_s.add(sent)
            elif a.f.kind == "date" and a.f.m is not None and a.f.month_rel is None:
                greg_s.add(sent)
        for a in atoms:
            if a.f.month_rel in (-1, 0, 1) and a.f.weekday is None:
                sent = doc.tokens[a.i0].sent
                if sent in hijri_s and sent not in greg_s:
                    a.f.extra["hijri_context"] = True
                    a.f.extra["future"] = scan.future(a)
            toks = doc.tokens
            t0 = toks[a.i0]
            if a.plen:
                s = doc.norm.orig_span(t0.nstart + a.plen, t0.nend)[0]
            else:
                s = t0.start
            e = toks[a.i1 - 1].end
            seg = doc.text[s:e]
            if seg.count("(") > seg.count(")") and a.i1 < len(toks) and toks[a.i1].norm == ")" \
                    and toks[a.i1].sent == toks[a.i1 - 1].sent:
                e = toks[a.i1].end          # "(9 نوفمبر 1953)": close what the span opened
            f = a.f
            fut = f.kind == "weekday" and f.wmod is None and scan.future(a)
            r = _resolve_in_range(f, P, fut, last)
            if r.value and r.precision in ("day", "month") and f.kind == "date":
                h = r.extra.get("hijri")
                if h and h.count("-") >= 1:
                    last = ("hijri", int(h[:4]), int(h[5:7]))
                else:
                    last = ("gregorian", int(r.value[:4]), int(r.value[5:7]))
            ns, ne = doc.norm.norm_span(s, e)
            extra = {"kind": f.kind, "norm": doc.norm.text[ns:ne]}
            if f.cal == "hijri":
                extra["calendar"] = "hijri"
            if f.pod:
                extra["part_of_day"] = f.pod
            if f.clock:
                extra["clock"] = f.clock
            if f.weekday is not None:
                extra["weekday"] = WEEKDAY_NAMES[f.weekday]
            if f.duration:
                extra["duration"] = f.duration
            if f.holiday:
                extra["holiday"] = f.holiday["names"]
            if fut:
                extra["tense"] = "future"
            if "hijri_year" in f.extra:
                extra["hijri"] = str(f.extra["hijri_year"])
            if "equivalent" in f.extra:
                ey, em, ed = f.extra["equivalent"]
                extra["equivalent"] = f"{ey}-{em:02d}-{ed:02d}" if ey else f"{em:02d}-{ed:02d}"
            extra.update(r.extra)
            doc.times.append(Time(id=f"t{len(doc.times) + 1}", start=s, end=e, text=doc.text[s:e],
                                  value=r.value, precision=r.precision if r.value else "unresolved",
                                  reason=None if r.value else (r.reason or "not resolved"),
                                  extra=extra))
