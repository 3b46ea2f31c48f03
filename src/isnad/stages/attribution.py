"""Stage: attribution chains — who says what, on whose word, through whom.

For every reporting cue in a document this stage finds the cited source, the
reported content and the chain of transmission from the outermost carrier to
the innermost source, each link typed:

    retweeting account → the article → Sputnik (Russian state media) → "private sources"

How it works (rules over the shared token stream; all word lists are data in
``resources/attribution/{cues,sources,hedges}.yaml``, matched with
:class:`isnad.text.matcher.PhraseMatcher`, so clitics, hamza and diacritic variants
need no extra entries):

* **Cues.**  Reporting verbs in every inflection (قال، أضافت، يؤكدون ...) and their
  adverbial participles (مضيفا، مشيرة ...), prepositional cues (حسب، بحسب، وفقا لـ،
  نقلا عن، حسبما ذكرت ...), nominal cues (تأكيدها، قوله، جدد التأكيد), ``جاء في البيان``,
  ``NAME: …`` colon quotations, and the document's carriers (``المصدر:``, datelines).
  A verb is a cue only when something opens its content after its subject — a
  complementizer (أن/إن), a colon, an opening quote, its own preposition (أشار إلى،
  شدد على، كشف عن) or, for verbs that take one, a bare noun phrase after a source-like
  subject.  ``نقل`` is a cue only with ``عن`` or a reporting subject (وكالة، المصادر):
  ``نقلت القوات الأمريكية … عددا من قياديي داعش`` (transported) is not.
* **Sources.**  The subject after the verb (VSO), before it (``وكانت الوكالة نقلت``,
  ``X الذي أقر``), the object of ``عن``/``حسب``, the pronoun or genitive of a nominal
  cue (``تأكيده``، ``إعلان الحكومة أن``).  Where a mention ends is decided without a
  tagger by a small chunker (:meth:`_Run.np_end_for_name`): a descriptor or title with
  its genitive chain, ``باسم``/``ل``- genitives and agreeing adjectives (``الناطق باسم
  وزارة الخارجية المصرية``، ``وزير الدفاع الأمريكي``، ``الأمانة العامة لهيئة كبار
  العلماء``), the organisational or local phrase of an unnamed source (``مصادر مقربة من
  حزب الله``), a person's name (given names from ``names.yaml``, ``بن/آل/أبو/عبد``
  links, a family name with the article after a given name: ``عادل الجبير``), an apposed
  title without a comma (``ياسين أوزتورك رئيس حي هارفان``) and a coordinated second
  mention (``ونظيره الأميركي``).  A person or organisation entity of the ``ner`` or
  ``actors`` stage, when there is one, gives the name's extent.  The subject stops
  before time phrases (``أول من أمس``، ``بداية عام 1987``), media and occasions (``في
  بيان``، ``على حسابه في تويتر``، ``خلال جولة``), addressees (``لـ«عكاظ»``، ``لبي بي
  سي``، ``للصحفيين``), adjunct phrases (``في أربيل`` after a name, ``عن الملف``، ``دون أن
  …``، ``بلهجة …``، circumstantial participles ``مستهجنا``), asides (``وهو من …``) and the
  object of a cue that takes one (``أكد معاليه حرص …``، ``حذر X عملاء إيران من``،
  ``أبلغت تركيا الأمم المتحدة أن``: an addressee).  A plural or dual verb, a verb after
  ``سبق أن`` or in a relative clause agreeing with its head has no subject after it;
  after ``كان`` the subject comes before the verb.  Each
  mention is typed by its head and qualifiers (مصادر خاصة → anonymous, مصادر محلية في
  حي غويران → local, أوساط داخل قسد → insider, شهود عيان → eyewitness, بيان → document,
  titled people → official, outlets, agencies, organisations) and linked to a
  registry actor when the ``actors`` stage found one on it.  Later mentions are
  resolved to earlier sources (المصادر → مصادر خاصة, الوكالة → Sputnik, المجدوب →
  السفير أسامة المجدوب); a cue without a subject (وأضافت، مشيرا) inherits the most
  recent source whose gender/number its agreement allows (أضافت → المصادر / الوكالة).
* **Chains.**  Document carriers (retweet account → forwarded channel → outlet →
  dateline/source-line agency) come first; then the in-text links: the citing
  source of ``نقل X عن Y``, the outlet a source spoke to (``قالت المصادر للوكالة``,
  ``في تصريحات لـ«عكاظ»``) or that carried a statement (``في بيان نشرته وكالة …``),
  the source of an enclosing attribution (a cue inside another's content), and
  finally the source.  A source keeps the path through which it entered the text,
  so ``وقالت المصادر`` three sentences later still runs through Sputnik.
* **Not cues**: agentless passives written with their damma (زُعم، أُعلن)، يُدعى (is
  called, not يدّعي)، تُنسب إلى، a verbal noun after تم/عدم/رافضا/إثر (عدم ذكر اسمه),
  idioms (شدد الخناق), editorial formulas.
* **Hedges** (بزعم، أنباء عن، يعتقد، ربما، حسب المصادر …) qualify the innermost
  attribution whose content holds them, and with the cue's role and the sourcing
  give its status: denied > alleged > reported > asserted.

Learned component: ``isnad.models.attribution`` holds a logistic-regression cue model over the
lexicon candidates (``_Run.cue_features``) that can veto rule cues or propose rejected ones
(``_Run._learned``/``_fallback``).  Leave-one-split-out CV on the annotated splits showed no gain,
so it ships with ``"enabled": false`` and the stage runs on the rules; pass ``cue_model=`` to the
stage to use one (see the model card and ``training/attribution/train_cue_model.py``).

Why rules: there is no Arabic attribution corpus to learn from, the phenomena
(clitics, pro-drop with agreement, VSO order, quotes) are regular, and every
decision stays explainable to a verification editor.  No library offers Arabic
reported-speech analysis offline.

Output: ``doc.sources`` and ``doc.attributions`` (the contract's fields), with link
types and the rest in ``extra``: attribution ``role``, ``status``, ``cue_type``,
``links`` (one per chain element: how it passes the content on), ``implicit``
(source inherited, with ``antecedent``); source ``descriptor``, ``named``,
``actor_type``, ``state_media_of`` where known.  A source the text does not name (the
account of a bare ``RT :``, the retweeted article, a cue whose subject cannot be resolved)
gets a descriptive ``name`` ("unnamed retweeting account", "the retweeted article",
"unidentified speaker" …) with ``unnamed: true`` and a ``reason`` — never an invented name.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

import regex

from ..document import Attribution, Mention, Source, TextSpan
from ..pipeline import Stage
from ..resources.catalogue import load_yaml
from ..text.matcher import PhraseMatcher, phrase_key
from ..text.normalize import normalize, written_last_letter

UNNAMED_KINDS = frozenset({"anonymous", "local", "insider", "eyewitness"})
STATUS_ORDER = ("asserted", "reported", "alleged", "denied")
_SENT_END = frozenset({".", "!", "?", "؟", "…"})
_CLAUSE_PUNCT = frozenset({",", "،", ";", "؛", ":", ".", "!", "?", "؟", "(", ")", "[", "]", "-", "–", "—", "…", "/"})
_QUOTE = '"'
_CONJ_PREFIX = ("", "و", "ف")
_REL_PRONOUNS = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"})
_NEG = frozenset({"لم", "لا", "لن", "ولم", "ولا", "ولن", "فلم"})
_PREPOSITIONS = frozenset({"عن", "في", "من", "علي", "الي", "ل", "ب", "مع", "حول", "بعد", "قبل", "خلال"})
_PRONOUNS = frozenset({"هو", "هي", "هم", "هما", "هن", "وهو", "وهي", "وهم"})
_QUANTIFIERS = frozenset({"عده", "بعض", "عدد", "احد", "احدي", "كل", "جميع", "معظم", "اغلب"})
_FUNCTION = frozenset({"هو", "هي", "هم", "هما", "كذلك", "لكنه", "لكنها", "لكنهم", "ولكنه", "ايضا", "هكذا", "هنا", "ثم", "كما", "فقط",
                       "انه", "انها", "انهم", "لانه", "كانه", "بل", "حتي", "اذا", "اذ", "لقد", "قد", "ما", "لا",
                       "عندما", "بينما", "فيما", "حين", "منذ", "ذلك", "هذا", "هذه", "وذلك", "وهذا"})
_MEDIA_OBJECTS = frozenset({"مقالا", "مقاله", "تقريرا", "افتتاحيه", "تغريده", "منشورا", "بيانا", "رساله",
                            "تحت", "عنوان", "بعنوان", "عنوانه", "مقطعا", "فيديو", "تسجيلا"})
_ADVERBS = frozenset({"له", "لها", "لهم", "لي", "لنا", "ايضا", "كذلك", "مجددا", "بدوره", "بدورها", "صحفي", "صحافي",
                      "ليل", "نهار", "دايما", "باستمرار", "مرارا", "مرارا", "سابقا", "مؤخرا", "امس", "اليوم"})
_KANA = frozenset({"كان", "كانت", "وكان", "وكانت", "فكان", "فكانت", "قد", "وقد", "لقد", "فقد", "كانوا", "وكانوا"})
_SIBLING_OPENERS = frozenset({"و", "ثم", "كما", "وكما", "فيما", "لكن", "ولكن", "لكنه", "لكنها", "ولكنه",
                              "بينما", "حيث", "اذ", "فيما", "كذلك", "ايضا"})
# Directive speech-act verbs: a plain plural noun after them is whom they urge
_DIRECTIVES = frozenset({"طالب", "طالبت", "يطالب", "تطالب", "دعا", "دعت", "يدعو", "تدعو", "حث", "حثت",
                         "ناشد", "ناشدت"})
# Verbs that may open direct speech with no colon or quote (وأضاف نحن نبارك …)
# Round 10: words after which a bare بين is the verb بيّن (وفي السياق ذاته بين، من جهته بين، فقد بين),
# not the preposition (أغلبية بين سكانها)
_BAYYANA_AFTER = frozenset({"قد", "فقد", "لقد", "وقد", "ذاته", "ذاتها", "نفسه", "نفسها", "السياق", "الصدد",
                            "جهته", "جهتها", "جانبه", "جانبها", "ناحيته", "ناحيتها", "الذي", "التي", "حين", "عندما"})
# Round 10: after أشار/لفت إلى, an interview or article named as such is what is referred to, not
# reported content (أشارت الصحيفة إلى المقابلة التي أجراها …; GUIDELINES blind9)
_TOPIC_MEDIA = frozenset({"مقابله", "حوار", "مقال", "لقاء", "برنامج", "فيلم", "كتاب"})
# Round 10: nouns after which a time word is the object of a phrase (في نهاية يوليو), not an adverb
_TIME_FRAMES = frozenset({"نهايه", "بدايه", "مطلع", "منتصف", "اواخر", "اوائل", "مستهل"})
# Round 10: whom one listens to speaks (تم الاستماع إلى محافظ عدن … وأشار إلى …)
_LISTENED_TO = frozenset({"الاستماع", "استماع", "استمع", "استمعت", "استمعوا", "يستمع"})
# Round 10: words of obligation or demand before أن + a reporting verb (يجب أن يعلن، طالب بأن يعلن)
_OBLIGATION = frozenset({"يحق", "يجوز", "يجب", "يتوجب", "يتعين", "ينبغي", "لابد", "بد", "وجب", "طالب", "يطالب", "طالبت", "تطالب",
                         "دعا", "دعت", "يدعو", "تدعو", "ناشد", "حث", "يحث", "عليه", "عليها", "عليهم"})
# Round 10: number words (a figure opens the clause a prepositional cue frames)
_NUMBER_WORDS = frozenset({"ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره", "عشرات", "مئات",
                           "الاف", "ملايين", "مليون", "مليار", "مليارات", "الف", "مئه"})
# Round 10: place nouns: after بـ inside a noun phrase they locate it (المسؤولة المحلية بقرية …)
_PLACE_NOUNS = frozenset({"قريه", "مدينه", "محافظه", "منطقه", "ولايه", "حي", "مديريه", "بلده", "مخيم", "بلدية", "بلديه"})
_DIRECT_SPEECH = frozenset({"قال", "أضاف", "تابع", "استطرد", "أردف"})
# Round 9: cues whose object (after the subject) is not the content (اتهم X Y بـ، وصف X Y بأنه)
_REAL_OBJECT = frozenset({"اتهم", "وصف", "شبه", "حذر", "نسب", "حمل المسؤولية", "برر"})
# Round 9: verbs whose words may be quoted in round brackets (nested speech; see _paren_speech)
_PAREN_SPEECH = _DIRECT_SPEECH | frozenset({"حذر", "صاح", "ردد", "هتف"})
# How many neighbouring attributions the document-wide passes (siblings, parents) look at:
# far more than news ever nests, and it keeps long runs of cues linear (QA-4).
_WINDOW = 64
_NAME_CONNECTORS = frozenset({"بن", "ابن", "بنت", "ابو", "ابي", "ال", "عبد", "ام", "ابا", "ولد"})


# ---------------------------------------------------------------------------
# lexicon
# ---------------------------------------------------------------------------

# One-word adjuncts between a cue and its content (أوضح خلاله أن، وجهت الاتهام فيها إلى).
_ONE_WORD_ADJUNCTS = frozenset({"خلاله", "خلالها", "عبره", "عبرها", "فيه", "فيها", "منه", "منها", "حينها",
                                "حينه", "بدوره", "بدورها", "بدورهم", "وبدوره", "وبدورها"})

# Fixed objects of a cue (see _Run._cue_object), normalised.
_CUE_OBJECTS = frozenset({"بالقول", "باللوم", "الاتهام"})

# Descriptive names for sources the text does not name (by carrier role; "speaker": an
# in-text cue without a resolvable subject).  Marked ``"unnamed": true`` in the output.
_UNNAMED_LABELS = {
    "retweet": "unnamed retweeting account",
    "forward": "unnamed forwarding channel",
    "article": "the retweeted article",
    "outlet": "unnamed outlet",
    "dateline": "unnamed agency in the dateline",
    "source_line": "unnamed source in the source line",
    "speaker": "unidentified speaker",
}


# A speech noun with a pronoun after a prepositional cue (حسب قوله، على حد تعبيرها): the
# pronoun's agreement, for the implicit source.
_SAY_PRONOUN = {"قوله": "m", "قولها": "f", "قولهم": "mp", "تعبيره": "m", "تعبيرها": "f", "تعبيرهم": "mp",
                "وصفه": "m", "وصفها": "f", "وصفهم": "mp", "زعمه": "m", "زعمها": "f", "زعمهم": "mp",
                "روايته": "m", "روايتها": "f", "روايتهم": "mp"}


# A statement "carried" by an outlet named right after (تصريحات نقلتها صحيفة …، بيان بثته وكالة …):
# round 7 convention (GUIDELINES.md "Round 7 conventions"): not an attribution of its own, the
# outlet is the ``via`` of the statement's attribution (_via_between), like the subject of نقل X عن Y.
_CARRIER_CUES: frozenset = frozenset()
# Speech nouns a carrier relative clause hangs on (نبأ أوردته، بيان بثته، تصريح نشرته …), normalised.
_CARRIED_NOUNS = frozenset({"نبا", "بيان", "تصريح", "تصريحات", "خبر", "تقرير", "رساله", "كلمه",
                            "حديث", "مقابله", "بلاغ", "تعميم", "اعلان"})


@dataclass(frozen=True)
class CueEntry:
    type: str                 # verb | part | prep | nominal | docverb | light
    lemma: str
    role: str = "say"
    agr: str = ""             # m f mp fp d 1 (verbs, nominals); pm pf pmp pfp (participles)
    preps: tuple = ()
    np: bool = False
    licence: frozenset = frozenset({"an", "colon", "quote"})
    subject: str | None = None
    needs_word: str | None = None
    obj: str | None = None    # prepositional cues: what must open the object
    with_verb: bool = False   # prepositional cues: حسبما + verb
    inner: str = "عن"         # reporting verbs: the preposition of the inner source (نقل عن، علم من)
    np_subject: bool = False  # a bare noun-phrase content only after an explicit subject
    addressee: bool = False   # the object after the subject is whom the source told (أبلغ، أخبر)
    needs_also: tuple = ()    # round 9: other words that satisfy needs_word (وجّه الاتهام / تهمة)
    np_heads: tuple = ()      # a bare noun-phrase content must open with one of these (جدد موقفها)


@dataclass(frozen=True)
class HeadEntry:
    phrase: str
    kind: str
    gender: str | None = None
    plural: bool = False
    unnamed: bool = False
    cls: str | None = None
    title: bool = False


def _n(s: str) -> str:
    return " ".join(phrase_key(s))


# ل + one of these after a cue is whom the source spoke to (قال الجيش لصحفيين يرافقون …،
# قوله لرؤساء تحرير وسائل الإعلام)
_ADDRESSEE_PEOPLE = frozenset(_n(x) for x in ("صحفيين", "صحافيين", "مراسلين", "مراسلي", "صحفيي", "رؤساء تحرير"))
_ADDRESSEE_STEMS = frozenset(_n(x) for x in ("وكالة", "صحيفة", "جريدة", "قناة", "موقع", "مجلة", "تلفزيون",
                                             "إذاعة", "شبكة", "مراسل", "وسائل")) | _ADDRESSEE_PEOPLE | \
    frozenset(_n(x) for x in ("نظيره", "نظيرها", "نظيرته", "نظيرتها", "نظرائه", "نظرائها", "نظيره",
                              # round 9: the counterpart or group spoken to (قال روحاني لنظيره …،
                              # أكد دبلوماسي لمجموعة من الصحافيين أن …): the addressee is a via
                              "مجموعة", "وفد", "ضيفه", "ضيوفه", "زواره", "زائريه", "مستقبليه"))

_PARTITIVE_ADDRESSEE = frozenset(_n(x) for x in ("مجموعة", "وفد", "عدد"))

# Month names (Gregorian and Levantine), normalised: a date after a cue is a time adverb.
_MONTHS = frozenset(_n(x) for x in ("يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيو", "يوليو",
                                    "أغسطس", "اغسطس", "سبتمبر", "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر",
                                    "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
                                    "أيلول", "تشرين"))


class Lexicon:
    """The attribution lexicons, compiled once per process (see :func:`lexicon`)."""

    def __init__(self):
        cues = load_yaml("attribution/cues.yaml")
        src = load_yaml("attribution/sources.yaml")
        hed = load_yaml("attribution/hedges.yaml")
        self.cues = PhraseMatcher()
        extra = cues.get("verb_forms_extra") or {}     # generated agreement forms (cue_inventory.py)
        for v in cues["verbs"]:
            lic = frozenset(v.get("licence") or ("an", "colon", "quote"))
            preps = tuple(_n(p) for p in v.get("preps") or ())
            all_forms: dict = {}
            for agr, forms in list((v.get("forms") or {}).items()) + list((extra.get(v["lemma"]) or {}).items()):
                all_forms.setdefault(str(agr), []).extend(forms or ())
            for agr, forms in all_forms.items():
                agr = str(agr)
                typ = "part" if agr.startswith("p") else "verb"
                e = CueEntry(typ, v["lemma"], v.get("role", "say"), agr, preps, bool(v.get("np")), lic,
                             v.get("subject"), _n(v["needs_word"]) if v.get("needs_word") else None,
                             inner=_n(v.get("inner") or "عن"), np_subject=v.get("np") == "subject",
                             addressee=bool(v.get("addressee")),
                             np_heads=tuple(_n(x) for x in v.get("np_heads") or ()),
                             needs_also=tuple(_n(x) for x in v.get("needs_also") or ()))
                for f in forms or ():
                    self.cues.add(f, e)
        for p in cues.get("prepositional") or ():
            obj = p.get("object")
            self.cues.add(p["phrase"], CueEntry("prep", p["phrase"], "cite", obj=_n(obj) if obj else None,
                                                with_verb=bool(p.get("verb"))))
        for agr, forms in list((cues.get("nominal") or {}).items()) + list((cues.get("nominal_round7") or {}).items()):
            for f in forms:
                self.cues.add(f, CueEntry("nominal", f, "say", str(agr)))
        for g in cues.get("nominal_genitive") or ():
            e = CueEntry("nomgen", g["forms"][0], g.get("role", "say"), "", tuple(_n(p) for p in g.get("preps") or ()),
                         bool(g.get("np")))
            for f in g["forms"]:
                self.cues.add(f, e)
        for f in cues.get("document_verbs") or ():
            self.cues.add(f, CueEntry("docverb", f, "say"))
        for f in cues.get("light_nouns") or ():
            self.cues.add(f, CueEntry("light", f, "say"))
        self.nominal_strict = tuple(_n(x) for x in cues.get("nominal_strict") or ("تصريح", "حديث", "قول"))
        self.light_verbs = {_n(x) for x in cues.get("light_verbs") or ()}
        self.speaker_verbs = {_n(x) for x in cues.get("speaker_verbs") or ()}
        self.editorial = PhraseMatcher((p, True) for p in (cues.get("editorial") or []) + (cues.get("idioms") or []))
        self.impersonal = {_n(x) for x in cues.get("impersonal") or ()}
        self.complementizers = {_n(x) for x in cues.get("complementizers") or ()}
        self.media_nouns = {_n(x) for x in cues.get("media_nouns") or ()}
        self.carried_by = {_n(x) for x in cues.get("carried_by") or ()}
        self.norm_nouns = {_n(x) for x in cues.get("norm_nouns") or ()}
        self.fact_documents = {_strip_al(_n(x)) for x in cues.get("fact_documents") or ()}
        self.performative_np = {_n(x) for x in cues.get("performative_np") or ()}
        self.deeds_announce = {_n(x) for x in cues.get("deeds_after_announce") or ()}
        self.performative_announce = {_n(x) for x in cues.get("performative_after_announce") or ()} | self.deeds_announce
        self.recognition_objects = {_strip_al(_n(x)) for x in cues.get("recognition_objects") or ()}
        self.directive_heads = {_strip_al(_n(x)) for x in cues.get("directive_heads") or ()}

        self.heads = PhraseMatcher()
        self.head_list: list[HeadEntry] = []
        for h in src["heads"]:
            e = HeadEntry(h["phrase"], h["kind"], h.get("gender"), bool(h.get("plural")),
                          bool(h.get("unnamed")), _n(h["class"]) if h.get("class") else None, bool(h.get("title")))
            self.head_list.append(e)
            self.heads.add(h["phrase"], e)
            key = _n(h["phrase"])
            if key.startswith("ال"):
                self.heads.add(key[2:], e)
            else:
                self.heads.add("ال" + key, e)
        self.title_words = {_n(h.phrase).removeprefix("ال") for h in self.head_list if h.title}
        self.class_words = {h.cls for h in self.head_list if h.cls}
        self.qualifiers = PhraseMatcher()
        self.qualifier_words = set()
        for kind, phrases in (src.get("qualifiers") or {}).items():
            for p in phrases:
                self.qualifiers.add(p, kind)
                if len(phrase_key(p)) == 1:
                    self.qualifier_words.add(_n(p))
        self.honorifics = {_n(x) for x in src.get("honorific_pronouns") or ()}
        self.non_speaker_heads = {_strip_al(_n(x)) for x in src.get("non_speaker_heads") or ()}
        names = load_yaml("attribution/names.yaml")
        self.given_names = {_n(x) for x in (names.get("male") or []) + (names.get("female") or [])}
        self.name_connectors = {_n(x) for x in names.get("connectors") or ()}
        self.time_words = PhraseMatcher((w, True) for w in src.get("time_words") or ())
        for p in src.get("time_prefixes") or ():
            for a in src.get("time_anchors") or ():
                self.time_words.add(f"{p} {a}", True)
        self.hedges = PhraseMatcher()
        for typ in ("allegation", "hearsay", "uncertainty", "unverified"):
            for p in hed.get(typ) or ():
                self.hedges.add(p, typ)
        try:
            agencies = load_yaml("lexicons/carriers.yaml").get("dateline_agencies") or []
        except Exception:      # the carriers lexicon belongs to doc_kind; work without it
            agencies = []
        self.agencies = sorted({a for a in agencies}, key=len, reverse=True)
        self.agency_keys = {_n(a) for a in agencies} | {_n(a) for a in src.get("agency_names") or ()}
        # first words of outlet names that may follow an addressee ل (لبي بي سي، لسكاي نيوز)
        self.outlet_names: dict[str, list] = {}
        for a in src.get("outlet_names") or ():
            ks = phrase_key(a)
            if ks:
                self.outlet_names.setdefault(_strip_al(ks[0]), []).append(tuple(ks[1:]))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()


def hedge_spans(doc, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Hedge matches ``(start, end, type)`` in ``doc`` (used by the claims stage too).
    ``يدعى``/``تدعى`` (is called) is not ``يدعي`` (claims) though both normalise alike."""
    if not doc.tokens:
        return []
    return [(m.start, m.end, m.payloads[0]) for m in lexicon().hedges.find(doc, start, end)
            if not doc.text[m.start:m.end].endswith("دعى")]


# ---------------------------------------------------------------------------
# working records
# ---------------------------------------------------------------------------

_ANON_ADJUNCT = frozenset({"طالبا", "طالبه", "طالبين", "مفضلا", "مفضله", "مفضلين", "رافضا", "رافضه", "رافضين",
                           "مشترطا", "مشترطه", "مشترطين"})
_CARRIED_CUE = CueEntry("verb", "نقل", role="cite", agr="f")
_DATA_HEADS = frozenset({"مسح", "استطلاع", "بيانات", "دراسه", "احصاءات", "ارقام", "تقرير", "تقارير", "نتائج"})
_ANON_VERBS = frozenset({"رفض", "رفضت", "رفضوا", "طلب", "طلبت", "طلبوا", "فضل", "فضلت", "فضلوا", "اشترط", "اشترطت"})
_ANON_OBJECTS = frozenset({"عدم", "الكشف", "كشف", "ذكر", "نشر", "الافصاح", "اخفاء", "حجب"})


@dataclass
class _Src:
    key: int
    name: str
    kind: str
    mentions: list = field(default_factory=list)       # [(start, end)]
    tokens: tuple = ()                                 # normalised name tokens (no ال, no clitics)
    gender: str | None = None
    plural: bool = False
    cls: set = field(default_factory=set)              # class words it answers to (وكالة، وزير …)
    head: str | None = None
    actor: str | None = None
    actor_type: str | None = None
    actor_extra: dict = field(default_factory=dict)
    path: list | None = None                           # [(src, link)] it came through, first use
    carrier: str | None = None                         # carrier role if a document carrier
    used: bool = False
    extra: dict = field(default_factory=dict)
    last: int = -1                                     # position of its latest mention (salience)


@dataclass
class _Att:
    cue: tuple                  # (start, end)
    cue_tok: tuple              # (first, end) token indices
    entry: CueEntry
    sent: int
    src: _Src | None = None
    mention: tuple | None = None
    implicit: bool = False
    antecedent: tuple | None = None
    via: list = field(default_factory=list)            # [(src, link)] between parent and src
    content: tuple | None = None
    content_tok: int | None = None                     # first content token
    quoted_to: int | None = None                       # content ends at this closing quote token
    position: str = "after"                            # after | before (content before the cue)
    cue_type: str = "verb"
    role: str = "say"
    hedges: list = field(default_factory=list)         # [(start, end, type)]
    parent: "_Att | None" = None
    chain: list = field(default_factory=list)          # [(src, link)]
    consumed: bool = False
    chain_reason: str | None = None                    # why the final pass repaired the chain
    learned: bool = False                              # proposed by the learned cue model


# ---------------------------------------------------------------------------
# the stage
# ---------------------------------------------------------------------------

_NO_LABELS: frozenset = frozenset()


class AttributionStage(Stage):
    name = "attribution"
    needs = frozenset({"tokens", "kind", "carriers"})
    provides = frozenset({"sources", "attributions"})

    def __init__(self, **config):
        super().__init__(**config)
        self.lex = lexicon()
        self._actors = None
        if config.get("actor_lookup", True):
            try:
                from .. import actors as _actors_mod
                self._actors = _actors_mod
            except Exception:       # the actor registry is optional for this stage
                self._actors = None

        cm = config.get("cue_model", "default")
        if cm == "default":
            from ..models.attribution import load_cue_model
            cm = load_cue_model()
        self.cue_model = cm or None          # None/False: rules only

    def process(self, doc) -> None:
        doc.sources = []
        doc.attributions = []
        _Run(doc, self.lex, self._actors, cue_model=self.cue_model).run()


class _Run:
    def __init__(self, doc, lex: Lexicon, actors_mod, cue_model=None):
        self.doc = doc
        self.cue_model = cue_model
        self.collect = False            # training: keep the candidates and their features
        self.collected: list = []
        self.lex = lex
        self.actors_mod = actors_mod
        self.text = doc.text
        self.toks = doc.tokens
        self.srcs: list[_Src] = []
        self.atts: list[_Att] = []
        self.doc_chain: list[tuple[_Src, str]] = []
        self.sent_of_tok = [t.sent for t in self.toks]
        self.partner: dict[int, int] = {}
        self.opening: set[int] = set()
        self.closing: set[int] = set()
        self.cue_at: dict[int, list] = {}
        self.body = (0, len(self.text))
        self._consumed_tok: set[int] = set()
        self._head_cache: dict = {}
        self._licence_nominals: set[int] = set()
        self._conj_tok: set[int] = set()
        self._ents_at: dict | None = None
        self._ent_toks: dict | None = None     # token index → labels of the entities over it
        self.carriers: list[dict] = []
        # per-token views computed once (QA-4: these are read ~10^6 times on long inputs)
        self._norms = [t.norm for t in self.toks]
        self._bares = [n[1:] if len(n) > 2 and n[0] in "وف" and t.kind == "word" else n
                       for n, t in zip(self._norms, self.toks)]
        self._ntok = len(self.toks)
        self._interview_ks: list | None = None
        self._passive_tok: set[int] = set()
        self._last_aside: int | None = None     # a prepositional cue the last licence() skipped as an aside
        self._aside_done: set[int] = set()
        self._pending: list = []                # attributions made on the way (an aside's own)
        self._link_label: set = set()
        self._ma_min_an = False       # round 10: the cue being read is ما قاله … (من أن opens its content)

    # -- helpers over tokens ------------------------------------------------
    def norm(self, i: int) -> str:
        return self._norms[i] if 0 <= i < self._ntok else ""

    def bare(self, i: int) -> str:
        """Token norm without a leading و/ف conjunction (if what remains is 2+ letters)."""
        return self._bares[i] if 0 <= i < self._ntok else ""

    def is_punct(self, i: int, chars=_CLAUSE_PUNCT) -> bool:
        return 0 <= i < len(self.toks) and self.toks[i].kind in ("punct", "symbol") and self.toks[i].norm in chars

    def is_quote(self, i: int) -> bool:
        return 0 <= i < len(self.toks) and self.toks[i].norm == _QUOTE

    def is_comp(self, i: int) -> bool:
        n = self.norm(i)
        if n in self.lex.complementizers or (len(n) > 2 and n[0] == "و" and n[1:] in self.lex.complementizers):
            if n in ("لان", "ولان") and i > 0 and self.norm(i - 1) in (",", "،"):
                return False    # …، لأن حليفي النظام …: a reason, not a complementizer
            return not (n in ("ان", "وان") and self.norm(i + 1) == "شاء")     # إن شاء الله
        return False

    def sent_bounds(self, si: int) -> tuple[int, int]:
        s = self.doc.sentences[si]
        return s.start, s.end

    def sent_tok_range(self, si: int) -> tuple[int, int]:
        return self._sent_tok[si]

    def tok_text(self, a: int, b: int) -> str:
        return self.text[self.toks[a].start:self.toks[b - 1].end] if b > a else ""

    # -- main ---------------------------------------------------------------
    def run(self) -> None:
        doc = self.doc
        self._index_sentences()
        self._pair_quotes()
        self._carriers()
        if self.toks:
            self._find_cues()
            for si in range(len(doc.sentences)):
                self._sentence(si)
            self._colon_quotes()
            if self.collect:
                self.collected = self.candidates()
            if self.cue_model is not None:
                self._learned()
            self._finish_contents()
        self._carrier_attributions()
        self._chains()
        self._hedges()
        self._emit()

    def _index_sentences(self) -> None:
        n = len(self.doc.sentences)
        rng = [[len(self.toks), 0] for _ in range(n)]
        for t in self.toks:
            if 0 <= t.sent < n:
                r = rng[t.sent]
                r[0] = min(r[0], t.i)
                r[1] = max(r[1], t.i + 1)
        self._sent_tok = [(a, b) if b > a else (0, 0) for a, b in rng]

    def _pair_quotes(self) -> None:
        text = self.text
        stack: list[int] = []
        for t in self.toks:
            if t.norm != _QUOTE:
                continue
            while stack and t.start - self.toks[stack[-1]].start > 1500:
                stack.pop()          # a stray opening quote long ago: forget it
            prev_space = t.start == 0 or text[t.start - 1].isspace() or text[t.start - 1] in "([:،,"
            next_space = t.end >= len(text) or text[t.end].isspace() or text[t.end] in ".,،:;؛)!?؟"
            ch = text[t.start]
            if ch == "”" and not next_space and t.start > 0 and text[t.start - 1] in "ـ":
                ch = "“"             # لـ”عين اليوم”: a right quote glued to لـ opens the name
            if ch in "“«„" and not (ch == "«" and stack and next_space):
                is_open = not next_space or not stack
            elif ch in "”" or (ch == "»" and stack and not prev_space):
                is_open = False
            elif prev_space and not next_space:
                is_open = True
            elif next_space and not prev_space:
                is_open = False
            else:
                is_open = not stack
            if is_open:
                stack.append(t.i)
                self.opening.add(t.i)
            elif stack:
                o = stack.pop()
                if t.start - self.toks[o].start <= 3000:
                    self.partner[o] = t.i
        self.closing = set(self.partner.values())
        # QA-4 indexes: every quote token in order; for each token the opening of the innermost
        # paired quote holding it (pairs come from a stack, so they nest and never cross)
        self._quote_toks = [t.i for t in self.toks if t.norm == _QUOTE]
        self._partner_keys = sorted(self.partner)
        inner = [-1] * len(self.toks)
        events = sorted(self.partner.items())
        stack2: list[tuple[int, int]] = []
        ev = 0
        for i in range(len(self.toks)):
            while stack2 and stack2[-1][1] <= i:
                stack2.pop()
            while ev < len(events) and events[ev][0] < i:
                o, c = events[ev]
                ev += 1
                while stack2 and stack2[-1][1] <= o:
                    stack2.pop()
                if c > i:
                    stack2.append((o, c))
            while stack2 and stack2[-1][1] <= i:
                stack2.pop()
            if stack2:
                inner[i] = stack2[-1][0]
        self._inner_quote = inner

    # -- carriers -------------------------------------------------------------
    def _carriers(self) -> None:
        carriers = list(self.doc.meta.get("carriers") or [])
        extra = self._extra_dateline(carriers)
        if extra:
            carriers.append(extra)
        self.carriers = carriers
        chain: list[tuple[_Src, str]] = []
        has_outlet = any(c.get("role") == "outlet" for c in carriers)
        for c in carriers:
            role = c.get("role")
            if role in ("retweet", "forward"):
                kind = "account"
            elif role == "outlet":
                kind = "outlet"
            else:
                kind = "agency" if self._is_agency_name(c.get("name")) else "outlet"
            name = c.get("name") or ""
            s = self._new_src(name, kind)
            s.carrier = role
            if c.get("name_start") is not None and c.get("name_end") is not None:
                s.mentions.append((c["name_start"], c["name_end"]))
                s.tokens = self._name_tokens_of_text(name)
            elif name:
                s.tokens = self._name_tokens_of_text(name)
            if not name:
                s.extra["reason"] = {"retweet": "the retweet names no account",
                                     "forward": "the forward names no channel"}.get(
                    role, "the carrier is not named")
            if kind == "agency":
                s.gender = "f"
                s.cls.add("وكاله")
            elif kind == "outlet":
                s.gender = "f"
            self._link_actor_by_name(s, name, c)
            chain.append((s, role))
            if role in ("retweet", "forward") and not has_outlet and \
                    c is [x for x in carriers if x.get("role") in ("retweet", "forward")][-1]:
                art = self._new_src("", "outlet")
                art.carrier = "article"
                art.extra["reason"] = "the passed-on article or post names no outlet"
                chain.append((art, "article"))
        # body: the text between a leading retweet/forward marker and a trailing source line
        start, end = 0, len(self.text)
        for c in carriers:
            if c.get("role") in ("retweet", "forward") and c.get("end") is not None:
                start = max(start, c["end"])
            if c.get("role") == "source_line" and c.get("start") is not None and not c.get("agency"):
                end = min(end, c["start"])
        m = regex.search(r"\n\s*//\s*انتهى\s*//", self.text[start:end])
        if m:
            end = start + m.start()
        self.body = (start, end)
        self.doc_chain = chain
        for s, _ in chain:
            self._touch(s, -1)

    def _extra_dateline(self, carriers: list) -> dict | None:
        """SPA-style datelines doc_kind does not know: a first line ending in the agency
        (``الرياض 25 شوال … م واس``, ``… 2015م .واس``) or opening with it (``واس- الكويت:``)."""
        if any(c.get("role") == "dateline" for c in carriers) or not self.lex.agencies:
            return None
        text = self.text
        alt = "|".join(regex.escape(a) for a in self.lex.agencies)
        m = regex.match(rf"\s*[^\n]{{0,100}}?[\s.\-–](?P<a>{alt})[ \t]*\n", text)
        if not m:
            m = regex.match(rf"\s*(?P<a>{alt})\s*[\-–—]", text)
        if not m:
            return None
        if any(c.get("role") == "source_line" and c.get("name_start") == m.start("a") for c in carriers):
            return None
        return {"role": "dateline", "name": m.group("a"), "start": m.start("a"), "end": m.end("a"),
                "name_start": m.start("a"), "name_end": m.end("a"), "detected_by": "attribution"}

    def _is_agency_name(self, name: str | None) -> bool:
        if not name:
            return False
        k = _n(name)
        return k in self.lex.agency_keys or k.startswith("وكاله") or "news agency" in name.lower()

    def _link_actor_by_name(self, s: _Src, name: str, c: dict | None = None) -> None:
        if c and c.get("name_start") is not None:
            self._link_actor_span(s, c["name_start"], c["name_end"])
        if s.actor is None and name and self.actors_mod is not None:
            a = _resolve_actor(self.actors_mod, name)
            if a is not None:
                self._set_actor(s, a.id, a.type, dict(a.extra or {}))

    def _set_actor(self, s: _Src, aid, atype, extra: dict) -> None:
        s.actor, s.actor_type, s.actor_extra = aid, atype, extra or {}
        if s.kind in ("unknown", "organisation", "outlet") and atype in ("media_state", "media_private"):
            s.kind = "outlet" if s.kind != "agency" else s.kind
        if atype == "agency" and s.kind in ("unknown", "outlet", "organisation"):
            s.kind = "agency"

    def _link_actor_span(self, s: _Src, start: int, end: int) -> None:
        best, best_ov = None, 0
        for e in self.doc.entities:
            if e.actor is None:
                continue
            ov = min(end, e.end) - max(start, e.start)
            if ov > best_ov:
                best, best_ov = e, ov
        if best is not None:
            a = best.actor
            if s.kind in UNNAMED_KINDS:
                s.extra.setdefault("affiliation", a.id)
                return
            self._set_actor(s, a.id, a.type, dict(a.extra or {}))

    # -- sources --------------------------------------------------------------
    def _new_src(self, name: str, kind: str) -> _Src:
        s = _Src(len(self.srcs), name, kind)
        self.srcs.append(s)
        return s

    def _touch(self, s: _Src, pos: int, *, via: bool = False) -> None:
        if pos >= s.last:
            s.extra["_via_last"] = via
        s.last = max(s.last, pos)

    def _name_tokens_of_text(self, name: str) -> tuple:
        out = []
        for k in phrase_key(name or ""):
            if k in ('"', "'") or not regex.search(r"\w", k):
                continue
            out.append(_strip_al(k))
        return tuple(out)

    def _name_tokens(self, a: int, b: int) -> tuple:
        out = []
        for i in range(a, b):
            t = self.toks[i]
            if t.kind not in ("word", "latin", "number", "mention", "hashtag"):
                continue
            out.append(_strip_al(t.norm))
        return tuple(out)

    def head_of(self, a: int, b: int):
        """(HeadEntry, head token end) for the noun phrase at tokens [a, b), else (None, a)."""
        if a >= b:
            return None, a
        key = (a, b)
        hit = self._head_cache.get(key)
        if hit is None:
            ms = self.lex.heads.matches_at(self.doc, a, self.toks[b - 1].end, offsets=False)
            ms = [x for x in ms if x.prefix in ("", "و", "ف", "ل", "ب")]
            hit = (ms[0].payloads[0], ms[0].tok_end) if ms else (None, a)
            if not ms and self.toks[a].kind == "word":
                # round 8: the accusative of a one-word head after إن/لكن (لكن متحدثا باسم …، إن مسؤولا)
                n = self.norm(a)
                if len(n) > 4 and n.endswith("ا") and not n.startswith("ال") and not n.endswith("يا"):
                    h = self.lex.heads.lookup(n[:-1])
                    if h:
                        hit = (h[0], a + 1)
            self._head_cache[key] = hit
        return hit

    def classify(self, a: int, b: int) -> tuple[str, HeadEntry | None]:
        """Kind of the source noun phrase at tokens [a, b)."""
        head, hend = self.head_of(a, b)
        if head is None:
            # a title later in the phrase (عادل الجبير وزير الخارجية) still makes it official
            for i in range(a + 1, b):
                h2, _ = self.head_of(i, b)
                if h2 is not None and h2.title:
                    return (h2.kind if h2.kind != "unknown" else "unknown"), h2
            return "unknown", None
        if head.unnamed:
            kind = head.kind
            if hend < b:
                for q in self.lex.qualifiers.find(self.doc, self.toks[hend].start, self.toks[b - 1].end):
                    kind = q.payloads[0]
                    break
            return kind, head
        if head.title:
            # a title followed by another head (رئيس هيئة الأركان …) stays a person
            return head.kind, head
        return head.kind, head

    def source_like(self, a: int, b: int) -> bool:
        if a >= b:
            return False
        head, _ = self.head_of(a, b)
        if head is not None:
            return True
        if self.norm(a) in _QUANTIFIERS and a + 1 < b:
            k = a + 1 if self.norm(a + 1) not in ("من",) else a + 2
            if k < b and self.head_of(k, b)[0] is not None:
                return True       # عدة تقارير صحفية، بعض المسؤولين
        if self._name_start(a) and not self.norm(a).startswith("ال"):
            for k in range(a + 1, min(b, a + 6)):
                h, _ = self.head_of(k, b)
                if h is not None and h.title:
                    return True       # بدر محمد باسملة وزير النقل
        n0 = self.bare(a)
        if n0 in self.lex.honorifics:
            return True
        orig0 = self.text[self.toks[a].start:self.toks[a].end]
        for suf in ("ه", "ها", "هم"):     # مكتبه، حكومتها: a head with a possessive pronoun
            if orig0.endswith(suf) and n0.endswith(suf) and len(n0) > len(suf) + 2:
                stem = n0[: -len(suf)]
                if stem.endswith("ت"):
                    stem = stem[:-1] + "ه"
                if self.lex.heads.lookup(stem):
                    return True
        if self.is_quote(a):
            c = self.partner.get(a)
            return c is not None and a + 1 < c <= a + 5 and c < b + 1
        s, e = self.toks[a].start, self.toks[b - 1].end
        for ent in self.doc.entities:
            if ent.label in ("PERS", "ORG") and ent.start < e and ent.end > s and ent.start <= self.toks[a].end:
                return True
        toks = self._name_tokens(a, b)
        if toks and any(self._tokens_match(toks, src) for src in self.srcs if src.tokens):
            return True
        return False

    def _tokens_match(self, toks: tuple, src: _Src) -> bool:
        if not toks or not src.tokens:
            return False
        if toks == src.tokens:
            return True
        st = set(src.tokens)
        core = [t for t in toks if t not in self.lex.title_words and t not in _GENERIC]
        if not core:
            return False
        if len(core) >= 2 and set(core) <= st:
            return True
        if len(core) == 1 and src.kind in ("official", "unknown", "local") and \
                (core[0] == src.tokens[-1] or (core[0] == src.tokens[0] and src.tokens[0] not in self.lex.title_words)):
            return core[0] not in self.lex.title_words and len(core[0]) > 2
        score = set(toks)
        if st <= score and any(t not in _GENERIC and t not in self.lex.title_words for t in st):
            return True              # سبوتنيك ⊆ وكالة “سبوتنيك”
        return False

    def resolve_mention(self, a: int, b: int, *, gender: str | None = None, plural: bool | None = None,
                        pos: int | None = None) -> _Src:
        """The source a mention at tokens [a, b) names: an earlier one it refers back to, or new."""
        start, end = self.toks[a].start, self.toks[b - 1].end
        if b - a >= 3 and self.is_quote(a) and self.partner.get(a) == b - 1:
            start, end = self.toks[a + 1].start, self.toks[b - 2].end    # «عكاظ»: the quote convention
        start, end = self._trim_span(start, end)
        toks = self._name_tokens(a, b)
        kind, head = self.classify(a, b)
        pos = start if pos is None else pos
        cands = sorted((s for s in self.srcs if s.last >= -1), key=lambda s: s.last, reverse=True)
        found = None
        n0 = self.bare(a)
        # honorific pronoun (سموه، معاليه): the latest person-like source
        if n0 in self.lex.honorifics and b - a == 1:
            for s in cands:
                if s.kind in ("official", "unknown") and s.gender != "f" and s.mentions:
                    found = s
                    break
        definite = self.norm(a).startswith("ال") or (len(self.norm(a)) > 3 and self.norm(a)[1:3] == "ال")
        if found is None and head is not None and definite and (head.unnamed or head.cls) and \
                self._is_bare_head(a, b, head):
            cls = head.cls or _strip_al(_n(head.phrase))
            for s in cands:
                if cls in s.cls:
                    found = s
                    break
            if found is None and head.title:
                for s in cands:
                    if s.kind == "official" and s.gender in (None, head.gender):
                        found = s
                        break
        if found is None and toks:
            media = ("agency", "outlet", "document")
            for s in cands:
                if (kind in media or s.kind in media) and kind != s.kind and head is not None:
                    continue          # وكالة أنباء البحرين is not البحرين
                if s.tokens and self._tokens_match(toks, s):
                    found = s
                    break
        if found is None:
            ids = self._actor_ids(start, end)
            if ids and kind not in UNNAMED_KINDS:
                for s in cands:
                    if s.actor and s.actor in ids:
                        found = s
                        break
        if found is not None:
            found.mentions.append((start, end))
            if len(self.text[start:end]) > len(found.name) and found.carrier is None and not \
                    (head is not None and self._is_bare_head(a, b, head)):
                found.name = _clean_name(self.text[start:end])
            if not found.tokens:
                found.tokens = toks
            self._touch(found, pos)
            return found
        s = self._new_src(_clean_name(self.text[start:end]), kind)
        s.mentions.append((start, end))
        s.tokens = toks
        if head is not None:
            s.head = head.phrase
            s.extra["descriptor"] = head.phrase
            if head.cls:
                s.cls.add(head.cls)
            s.gender = head.gender
            s.plural = head.plural
        for i in range(a, b):
            w = _strip_al(self.bare(i))
            if w in self.lex.title_words or w in self.lex.class_words:
                s.cls.add(w)
        if s.gender is None:
            s.gender = gender
        if plural is not None and head is None:
            s.plural = plural
        if s.gender is None:
            s.gender = _gender_guess(self.text[start:end])
        self._link_actor_span(s, start, end)
        self._touch(s, pos)
        return s

    def _is_bare_head(self, a: int, b: int, head: HeadEntry) -> bool:
        """The mention is just the (definite) head, maybe with نفسها/ذاتها/المذكورة."""
        hk = len(phrase_key(head.phrase))
        rest = [self.norm(i) for i in range(a + hk, b) if self.toks[i].kind == "word"]
        return all(r in ("نفسها", "ذاتها", "نفسه", "ذاته", "المذكوره", "المذكور", "السابقه") or r in _NISBA_OK
                   or (r.startswith("ال") and r.endswith("ي")) for r in rest)

    def _actor_ids(self, start: int, end: int) -> set:
        return {e.actor.id for e in self.doc.entities if e.actor is not None and e.start < end and e.end > start}

    def _past_l(self, t) -> int:
        """The original offset right after a token's ل clitic, read through the normalised view
        (QA-16 c): a mark or tatweel after the ل is skipped, and a lam-alef glyph (ﻵ), one code point
        for ل + ا, is kept whole rather than cut inside."""
        norm = self.doc.norm
        if norm is None or t.nend - t.nstart < 2:
            return t.start + 1
        return max(t.start, min(norm.orig_span(t.nstart + 1, t.nend)[0], t.end))

    def _trim_span(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while end > start and (text[end - 1].isspace() or text[end - 1] in ".,،:;؛-–—(" or
                               (text[end - 1] == ")" and "(" not in text[start:end])):
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        return start, end

    # -- cue candidates -------------------------------------------------------
    def _link_label_toks(self) -> set:
        """Tokens of a link label line (رابط الخبر بصحيفة الوئام: السيسي وهادي يؤكدان …): the
        headline of a linked story, not reported speech (guidelines: link labels are no cues)."""
        out = set()
        for t in self.toks:
            if t.kind == "word" and self.bare(t.i) == "رابط" and t.i + 1 < self._ntok and \
                    self.norm(t.i + 1) == "الخبر":
                lb = _LINE_BREAKS.search(self.text, t.end)
                line_end = lb.start() if lb else len(self.text)
                k = t.i
                while k < self._ntok and self.toks[k].start < line_end:
                    out.add(k)
                    k += 1
        return out

    def _find_cues(self) -> None:
        ed = self.lex.editorial.find(self.doc)
        blocked = self._link_label_toks()
        self._link_label = blocked
        for m in ed:
            blocked.update(range(m.tok_start, m.tok_end))
        for m in self.lex.cues.find(self.doc, overlapping=True):
            if m.tok_start in blocked:
                continue
            surface = self.text[m.start:m.end]
            if "ف" in m.prefix and len(self.norm(m.tok_start)) <= 4 and m.tok_end - m.tok_start == 1 and \
                    len(phrase_key(surface)[0] if phrase_key(surface) else "") <= 2:
                continue      # فرد (an individual) is not ف + رد
            if len(surface) > 1 and surface[1] == "\u064f" and m.tok_end - m.tok_start == 1 and \
                    self.norm(self.skip_time(m.tok_end, len(self.toks))) == "عن" and \
                    any(e.subject == "reporting" for e in m.payloads):
                self._passive_tok.add(m.tok_start)     # نُقل عن X قوله: cited, nobody named as citing
            elif surface.endswith("ى") and surface.rstrip("ى")[-2:] in ("دع",) and \
                    surface.lstrip("وف")[:1] in ("ي", "ت") or \
                    (len(surface) > 1 and surface[1] == "\u064f" and m.tok_end - m.tok_start == 1):
                continue      # يُدعى/تدعى (is called), زُعم، أُعلن، ذُكر: a name or an agentless passive
            entries = []
            for e in m.payloads:
                if e.type == "verb" and written_last_letter(self.text, m.end) == "ة" and m.tok_end - m.tok_start == 1:
                    continue          # عدة (several), not عدّه (deemed it): ta marbuta is no pronoun
                if e.type in ("verb", "part", "nominal", "light") and m.prefix not in _CONJ_PREFIX and \
                        not (e.type == "nominal" and m.prefix in ("ب", "وب") and
                             self.bare(m.tok_start)[1:] in _SAY_PRONOUN):
                    continue          # (round 10: انتقد X Y بقوله إنه …: بقوله is a nominal cue, blind9)
                if e.type == "nomgen" and m.prefix not in _CONJ_PREFIX + ("ب", "ل", "وب", "ول"):
                    continue
                if e.type == "prep" and m.prefix not in _CONJ_PREFIX:
                    continue
                if e.type == "part" and e.lemma == "تحدث" and m.tok_end < self._ntok and \
                        self.norm(m.tok_end) in ("باسم", "بلسان", "رسمي"):
                    continue          # متحدثا باسم …: a spokesman, not "talking about" (round 8)
                if e.type == "docverb" and m.prefix not in _CONJ_PREFIX:
                    continue
                entries.append(e)
            if entries:
                self.cue_at.setdefault(m.tok_start, []).append((m, entries))

    def cue_entry_at(self, i: int, types=("verb", "part")):
        for m, entries in self.cue_at.get(i, ()):
            for e in entries:
                if e.type in types:
                    return m, e
        return None

    def is_cue_tok(self, i: int) -> bool:
        return i in self.cue_at

    # -- noun phrase scanning ---------------------------------------------
    def skip_time(self, j: int, end: int) -> int:
        while j < end:
            if self.is_punct(j, {",", "،"}) and j + 1 < end and self._time_at(j + 1):
                j += 1
                continue
            k = self._time_at(j)
            if not k:
                break
            j = k
        return j

    _WEEKDAYS = frozenset({"الخميس", "الجمعه", "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء"})

    def _time_at(self, j: int) -> int:
        if j >= len(self.toks) or self.toks[j].kind not in ("word", "number"):
            return 0
        n = self.bare(j)
        if n in self._WEEKDAYS and j > 0 and (self._given(j - 1) or
                                              (self.is_cue_tok(j - 1) and self._known_name_token(j))):
            return 0                      # round 8: أحمد الخميس (a family name); later وقال الخميس …
        k = j + 1 if n in ("بدايه", "نهايه", "منتصف", "مطلع", "اواخر", "اوائل", "خلال", "في", "منذ") else j
        if k < len(self.toks) and self.norm(k) in ("عام", "سنه", "العام") and k + 1 < len(self.toks) and \
                self.toks[k + 1].kind == "number":
            return k + 2                      # بداية عام 1987، في عام 2013
        ms = self.lex.time_words.matches_at(self.doc, j, offsets=False)
        if k == j and not any(m.prefix in ("", "و") for m in ms) and self.toks[k].kind == "number":
            return self._date_after(k)        # 19 يوليو/ تموز (round 7), when no time phrase matches
        for m in ms:
            if m.prefix in ("", "و"):
                k = m.tok_end
                # يوم الإثنين الماضي / الأسبوع الماضي
                while k < len(self.toks) and self.norm(k) in ("الماضي", "الماضيه", "المقبل", "الجاري",
                                                              "القادم", "الحالي", "نفسه", "ذاته"):
                    k += 1
                if k < len(self.toks) and self.toks[k].kind == "number":
                    k = self._date_after(k) or k      # الأحد 19 يوليو/ تموز (round 7)
                return k
        return 0

    def _date_after(self, k: int) -> int:
        """A day number and a month name (19 يوليو، 19 يوليو/ تموز) at token k: the token after it,
        else 0."""
        n = len(self.toks)
        if k + 1 >= n or self.bare(k + 1) not in _MONTHS:
            return 0
        k += 2
        if k + 1 < n and self.norm(k) == "/" and self.bare(k + 1) in _MONTHS:
            k += 2
        return k

    def _imam(self, j: int) -> bool:
        """Round 10: إمام (imam, a title: written with hamza below) is not أمام (in front of);
        normalisation writes both امام."""
        return self.bare(j) == "امام" and self.doc.text[self.toks[j].start:self.toks[j].end].lstrip("وف").startswith("إ")

    def is_medium_at(self, j: int, end: int) -> bool:
        n = self.bare(j)
        if n == "امام" and self._imam(j):
            return False
        if n == "في" and j + 1 < end and self._possessed_occasion(j + 1):
            return True                       # يقول الشاعر في تسويغه للعنوان، اعترفت المجلة في عددها الأخير
        if n in ("في", "خلال", "عبر", "اثناء", "ضمن", "امام", "وسط", "بعد", "قبل", "لدي", "عقب", "علي", "غداه"):
            k = j + 1
            if k + 1 < end and self.norm(k) in ("احدث", "اخر", "اول", "احد", "اخري"):
                k += 1                        # في أحدث تقرير لها، في آخر تصريحاته
            if k < end and (_strip_al(self.norm(k)) in self.lex.media_nouns or self.norm(k) in self.lex.media_nouns):
                return True
            if n in ("عبر", "امام", "لدي", "عقب", "غداه"):
                return True
        if n == "من" and j + 1 < end and self.norm(j + 1) == "خلال":
            return True
        return False

    def _possessed_occasion(self, k: int) -> bool:
        """A noun with a possessive pronoun after في (في تسويغه، في عددها، في حديثه): the
        occasion of the speech, not an organisational PP of the source (مصادر في الجيش)."""
        return len(self.norm(k)) >= 5 and self._possessed(k)

    def _possessed(self, k: int) -> bool:
        """A noun with a possessive pronoun suffix (written ه, not ة): بلاده، عددها، تسويغه."""
        t = self.toks[k]
        n = self.norm(k)
        surface = self.text[t.start:t.end].rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
        return t.kind == "word" and len(n) >= 4 and not n.startswith(("ال", "لل")) and \
            surface.endswith(("ه", "ها", "هم", "هما")) and not n.endswith(("يه", "جهه", "جهته")) and \
            n not in self.lex.honorifics and not self._given(k)

    def is_addressee_at(self, j: int, end: int) -> bool:
        t = self.toks[j]
        n = t.norm
        if n in ("ل", "لـ") or (t.kind == "word" and n == "ل"):
            return True
        if n in ("له", "لها", "لهم", "لي", "لنا", "للصحفيين", "للصحافيين", "للصحافه"):
            return True
        if n == "ب" and t.kind == "word" and j > 0 and self.norm(j - 1) in ("خاص", "خاصه") and \
                j + 1 < end and self.is_quote(j + 1):
            return True                       # round 8: في تصريح خاص بـ«عكاظ»: the paper spoken to
        if n == "الي" and j + 1 < end and self.is_quote(j + 1) and j + 1 in self.partner and \
                self.partner[j + 1] - j <= 5 and (self._quotes_a_name(j + 1) or self._short_quoted_name(j + 1)):
            return True                       # قالت مصادر مطلعة إلى "الوطن": the outlet spoken to
        if t.kind == "word" and n.startswith("ل") and len(n) > 2:
            stem = n[1:]
            if stem.startswith("ل"):
                stem = "ا" + stem
            stem_bare = _strip_al(stem)
            if stem_bare in _ADDRESSEE_STEMS or f"{stem_bare} {self.norm(j + 1)}" in _ADDRESSEE_STEMS:
                return True
            if stem in self.lex.agency_keys or _n(stem) in self.lex.agency_keys:
                return True
            for words in self.lex.outlet_names.get(stem_bare, ()):
                if all(self.norm(j + 1 + x) == w for x, w in enumerate(words)):
                    return True
            for ent in self.doc.entities:      # لـ + a media actor the actors stage knows (لبي بي سي)
                if t.start < ent.start <= t.start + 2 and ent.actor is not None and \
                        ent.actor.type in ("media_state", "media_private", "agency"):
                    return True
                # round 9: لـ + a person (قال روحاني لإردوغان إن …): whom the source told (via)
                if t.start < ent.start <= t.start + 2 and ent.label == "PERS" and j > 0 and not self.is_punct(j - 1) \
                        and _strip_al(self.norm(j - 1)) not in _ATTACHED_TO:
                    return True      # (not القوات الموالية لهادي: a complement)
            raw = self.text[t.start + 1:t.end]
            if len(raw) > 3 and j > 0 and self.toks[j - 1].kind == "word" and \
                    _strip_al(self.norm(j - 1)) not in _ATTACHED_TO and \
                    any(e2.label == "PERS" and (e2.text == raw or e2.text.endswith(" " + raw)) for e2 in self.doc.entities):
                return True      # round 9: روحاني لإردوغان (one NER span): ل + a person named elsewhere
        return False

    def np_end(self, a: int, end: int, *, entry: CueEntry | None = None, stop_at_an: bool = True,
               allow_pp: bool = True) -> int:
        """End (exclusive) of the noun phrase starting at token ``a``."""
        j = a
        head, hend = self.head_of(a, end)
        # a title chain (مساعد مدير الأمن العام … رئيس فريق العمل المكلف … اللواء X) may run long
        limit = min(end, a + (28 if head is not None and head.title else 16))
        preps = set(entry.preps) if entry else set()
        if entry is not None and entry.subject == "reporting":
            preps.add(entry.inner)
        while j < limit:
            t = self.toks[j]
            n = t.norm
            if t.kind in ("punct", "symbol"):
                if n == "." and j > a and len(self.norm(j - 1)) == 1 and self.toks[j - 1].kind == "word":
                    j += 1          # د. عبدالله الربيعة
                    continue
                if n == "(" and j > a and (self._quotes_a_name(j) or
                                           (head is not None and head.kind in ("agency", "outlet", "organisation"))):
                    q = j + 1
                    while q < limit and q < j + 5 and self.norm(q) != ")":
                        q += 1
                    if q < limit and self.norm(q) == ")":
                        j = q + 1     # وكالة ( دوغان ) التركية للأنباء
                        continue
                if n == _QUOTE and j in self.opening and j > a and j in self.partner and \
                        self.partner[j] - j <= 8 and (self._quotes_a_name(j) or self._short_quoted_name(j)) and \
                        not (entry is not None and self._closing_quotation(j, end, entry)) and \
                        not (entry is not None and entry.lemma in ("وصف", "شبه") and j + 1 < end and
                             self.doc.text[self.toks[j + 1].start:self.toks[j + 1].end].startswith("ب")):
                    j = self.partner[j] + 1
                    continue
                if n == _QUOTE and j in self.opening and j > a and j in self.partner and \
                        self.partner[j] - j <= 4 and self.is_punct(self.partner[j] + 1, {":"}) and \
                        head is not None and head.title and \
                        all(self.toks[x].kind == "word" for x in range(j + 1, self.partner[j])):
                    j = self.partner[j] + 1   # round 9: الناطق باسم الحكومة «ايهاب بسيسو»: «…»: the quoted name
                    continue
                if n == _QUOTE and j == a and j in self.partner and self.partner[j] - j <= 8:
                    j = self.partner[j] + 1
                    continue
                if n == _QUOTE and j in self.closing and j > a:
                    j += 1          # a closing quote of a name (قناة “العربية”)
                    continue
                break
            if j > a:
                if self.is_comp(j):
                    break
                if n in preps or self.bare(j) in preps:
                    break
                if entry is not None and self._cue_object(j, end, entry):
                    break       # مضت المصادر بالقول، لفت الوزير الانتباه إلى، اختتم الوزير تصريحاته بالقول
                if "ب" in preps and n.startswith("ب") and t.kind == "word" and len(n) > 3 and \
                        not self._b_inside_np(j, end) and not self._given(j) and \
                        self._entity_end_at(j, end, ("PERS",)) == j:
                    break       # (not a name: بنيامين نتنياهو)
                if (self.is_medium_at(j, end) or self.is_addressee_at(j, end)) and \
                        not (n == "لدي" and any(_strip_al(self.bare(x)) in _ENVOYS for x in range(a, j))):
                    # (سفير المملكة لدى تركيا، مندوبة الولايات المتحدة لدى الأمم المتحدة: part of the title)
                    if not (n in ("له", "لها", "لهم", "لي", "لنا") and _strip_al(self.norm(j - 1)) in _ATTACHED_TO):
                        break       # … التابعة لها / الموالية له: a complement, not an addressee
                if n in ("دون", "بدون", "خلال", "اثناء", "وهو", "وهي", "وهم", "وهما", "عقب", "اثر", "اي",
                         "قبيل", "بعيد", "عشيه", "غداه") or \
                        (n in ("عنه", "عنها", "عنهم") and "عن" in preps) or \
                        (n == "من" and j + 1 < end and self.norm(j + 1) in ("خلال", "دون")) or \
                        (n == "عن" and _strip_al(self.norm(j - 1)) not in _AN_COMPLEMENT and
                         (self.is_quote(j - 1) or self.np_end_for_name(a, end) == j)):
                    break       # an adjunct, an aside (وهو من …) or a topic (قال X عن …)
                if self._time_at(j):
                    break
                if self.is_cue_tok(j) and self.cue_entry_at(j, ("verb", "part", "prep", "nominal")) and \
                        not self._bayna_prep(j, a) and \
                        (_strip_al(self.norm(j - 1)) not in self.lex.title_words or
                         self.cue_entry_at(j, ("part",)) and self.norm(j).endswith("ا")):
                    break       # (a participle in -an after a title is no name: ختم الوزير قائلا)
                if n in ("حول", "بشان", "بخصوص", "حيال", "القول") or n in _SAY_PRONOUN or \
                        (n in ("هذا", "هذه", "هذين", "هاتين", "هولاء", "ذلك", "تلك") and
                         (self.norm(j - 1).startswith("ال") or self._in_name_entity(j - 1))):
                    # (اعتبر الدكتور الزياني | هذه التصريحات …; not أصحاب هذه المبادرة, a genitive)
                    break       # (نقلت الوكالة عن المسؤول القول إن …: the speech noun, not the source)
                if self.bare(j) in self.lex.carried_by:
                    break
                if self.bare(j) in self.lex.speaker_verbs and j > a + 1 and self.norm(j - 1) not in _NAME_CONNECTORS:
                    break       # بحسب بيان لرئاسة الإقليم أشاد …: a new clause
                if n in _NEG:
                    break
                if not allow_pp and n in ("في", "من", "داخل"):
                    break
                if n == "في" and head is not None and head.kind == "organisation" and not head.title and \
                        self.norm(a).startswith("ال") and j > a + 1 and \
                        all(self.norm(x).startswith("ال") and self.norm(x).endswith(("ي", "يه")) for x in range(a + 1, j)) and \
                        j + 1 < end and self.toks[j + 1].kind == "word":
                    # (only a definite head + nisba adjectives: وزارة الداخلية في البحرين, نائب رئيس الأمن
                    # العام في دبي keep the place that says which body it is, blind2)
                    ee = self._entity_end_at(j + 1, end, ("LOC", "GPE"))
                    if ee > j + 1 and (ee >= end or self.is_comp(ee) or self.is_punct(ee, {",", "،", ":"})):
                        break   # round 9: قال المجلس الأوروبي | في بروكسل إن …: where it spoke, not who
            j += 1
        return j

    def _b_inside_np(self, j: int, end: int) -> bool:
        """A ب- word inside a noun phrase (باسم، بمكتب أولوند، بوزارة الخارجية, بجامعة …),
        not the preposition that opens a cue's content (أفاد بوصول، صرح بأن)."""
        n = self.norm(j)
        if n in ("باسم",) or n.startswith("بن"):
            return n == "باسم"
        if n in ("باعمال", "بالاعمال") and _strip_al(self.norm(j - 1)) == "قائم":
            return True               # القائم بأعمال …
        if n.endswith(("ون", "يا")) or n.startswith(("بلاد", "بلد", "بريطاني", "بلجيك", "بغداد", "بيروت", "باكستان",
                                                     "بنغازي", "برلين", "باريس", "بكين")):
            return True               # بارزون، بريطانيا، بلاده: ب is part of the word
        if _strip_al(n[1:]) in _PLACE_NOUNS:
            return True               # round 10: المسؤولة المحلية بقرية الطيوري …: a place, not أفاد بـ + content
        if j + 1 < end and self._entity_labels(j) & {"LOC", "GPE"} and \
                (self._entity_end_at(j + 1, end, ("PERS",)) > j + 1 or self._given(j + 1)):
            return True               # round 10: مدير مكتب الحملة بلبنان وليد …: a place inside the title
        ms = self.lex.heads.matches_at(self.doc, j, self.toks[min(end, j + 4) - 1].end, offsets=False)
        return any(m.prefix == "ب" and not m.payloads[0].title for m in ms)

    def _closing_quotation(self, q: int, end: int, entry: CueEntry) -> bool:
        """A short quotation that ends the sentence after a direct-speech verb and its subject
        (وقال المعهد “نحن محايدون”.): the words said, not a quoted name — unless it is a
        name (an entity) or an addressee (لـ«عكاظ»)."""
        c = self.partner.get(q)
        if c is None or entry.lemma not in _DIRECT_SPEECH or "quote" not in entry.licence:
            return False
        if not (c + 1 >= end or self.is_punct(c + 1, _SENT_END)) or c - q < 3:
            return False
        if q > 0 and self.norm(q - 1) in ("ل", "لـ", "الي", "الى", "عن", "من", "في"):
            return False
        if self.doc.entities and self._entity_end_at(q + 1, c, ("PERS", "ORG", "LOC", "GPE", "MISC")) > q + 1:
            return False
        return True

    def _quotes_a_name(self, q: int) -> bool:
        """An opening quote right after a naming head (وكالة “سبوتنيك”، قناة “العربية”)."""
        p = q - 1
        if p < 0:
            return False
        n = _strip_al(self.bare(p))
        if n in ("ال", "وكاله", "صحيفه", "جريده", "قناه", "موقع", "مجله", "شبكه", "تنظيم", "حركه", "حزب", "جماعه",
                 "مجموعه", "منظمه", "مركز", "اذاعه", "برنامج", "عمليه", "هيئه", "ميليشيا", "مليشيا", "ل", "لـ",
                 "قوات", "جبهه", "كتايب", "لواء", "حساب", "صفحه"):
            return True
        h, _ = self.head_of(p, p + 1)
        return h is not None and h.kind in ("agency", "outlet", "organisation")

    def _short_quoted_name(self, q: int) -> bool:
        """A short quoted name inside a phrase (أوساط داخل “قسد”، / أبناء "عدن" لـ"سبق"):
        at most three words, followed by a comma, a complementizer, an addressee, a
        preposition or the end of the sentence."""
        c = self.partner.get(q)
        if c is None or c - q > 4:
            return False
        nxt = c + 1
        if nxt >= len(self.toks):
            return True
        if self.is_punct(nxt, {",", "،", ".", ";", "؛"}) or self.is_comp(nxt) or \
                self.toks[nxt].sent != self.toks[q].sent:
            return True
        return c - q <= 3 and (self.is_addressee_at(nxt, len(self.toks)) or self.norm(nxt) in _PREPOSITIONS
                               or self.is_medium_at(nxt, len(self.toks)) or
                               self._given(nxt) or self._entity_end_at(nxt, len(self.toks), ("PERS",)) > nxt)
        # (… or a person's name: مدير إعلام «أبين» ياسر باعزب)

    def np_end_for_name(self, a: int, end: int) -> int:
        """Where the mention of a cited person or body that starts at token ``a`` ends, when
        what follows it may be content (أكد الرئيس التركي رجب طيب أردوغان عزم بلاده): a
        descriptor or title with its genitives and adjectives (وزير الدفاع الأمريكي،
        الأمانة العامة لهيئة كبار العلماء، المتحدث باسم وزارة الخارجية), a name (given
        names, بن/آل/أبو links, a family name with the article after a given name: عادل
        الجبير), an apposed title without a comma (ياسين أوزتورك رئيس حي هارفان) and a
        coordinated second mention (ونظيره الأميركي).  A person or organisation entity of
        the ``ner``/``actors`` stages, when there is one, gives the name's extent."""
        stop = min(end, a + 24)
        if a >= stop:
            return a
        if self.bare(a) in self.lex.honorifics or self._possessive_head(a):
            return a + 1                                    # سموه، معاليه، مكتبه
        if self.norm(a) in _QUANTIFIERS and a + 1 < stop:
            k = a + 2 if self.norm(a + 1) == "من" else a + 1
            e2, _ = self._descriptor_end(k, stop)
            if e2 > k:
                return e2                                   # عدة تقارير صحفية، بعض المسؤولين
        j, person = self._descriptor_end(a, stop)
        if j == a:
            j = self._name_end(a, stop, after_title=False)
            if j == a:
                if self._looks_like_name(a) or self.source_like(a, a + 1) or \
                        (self._plain_word(a) and not self._masdar_like(a)):
                    return a + 1      # تركيا، واشنطن، فورد: one word
                n1 = self.norm(a + 1) if a + 1 < stop else ""
                if self.norm(a).startswith("ال") and a + 1 < stop and self.toks[a + 1].kind == "word" and \
                        not n1.startswith(("ال", "لل")) and n1 not in _PREPOSITIONS and n1 not in _NAME_CONNECTORS and \
                        not self.is_comp(a + 1) and not self._time_at(a + 1) and not self.is_cue_tok(a + 1) and \
                        not self._given(a + 1) and self._entity_end_at(a + 1, stop, ("PERS",)) == a + 1:
                    return a + 1      # اتهم الإصدار | حركة طالبان: a noun with the article takes no genitive
                return a
            j = self._apposed_title(j, stop)
        elif person:
            k = self._name_end(j, stop, after_title=True)
            if k > j:
                j = self._apposed_title(k, stop)
        # round 8: an apposition "one of the …" after the mention (ريم ندا إحدى الناطقين باسم البرنامج)
        if a < j < stop - 1 and self.norm(j) in ("احد", "احدي") and self.norm(j + 1).startswith("ال"):
            j = max(j + 2, self.np_end(j, stop))
        # a coordinated second mention: ونظيره الأميركي، وسكان، والفرقة نفسها
        if j < stop and self.toks[j].kind == "word" and self.norm(j)[:1] == "و" and len(self.norm(j)) > 2:
            w = self.norm(j)[1:]
            if w.startswith(("نظير", "نظراء")):
                k = j + 1                     # ونظيره الأميركي
                while k < stop and self.norm(k).startswith("ال") and (self.norm(k).endswith(("ي", "يه")) or
                                                                     self.norm(k) in self._ADJ):
                    k += 1
                return k
            if self.lex.heads.lookup(w) and not self.is_cue_tok(j):
                k, person = self._descriptor_end(j, stop)
                if k > j:
                    j = (self._name_end(k, stop, after_title=True) if person else k) or k
        return j

    # the pieces of np_end_for_name ------------------------------------------------
    _ADJ = frozenset({"العام", "العامه", "الاعلي", "الاول", "الاولي", "الثاني", "الثالث", "الاسبق", "السابق",
                      "السابقه", "الحالي", "المكلف", "الجديد", "المساعد", "الخاص", "الخاصه", "المشترك",
                      "المشتركه", "المتحده", "الرسمي", "الرسميه", "الاعلامي", "الاعلاميه", "الاعظم",
                      "الكبير", "الكبري", "التنفيذي", "التنفيذيه", "المنتهيه", "المستقيل", "المخلوع",
                      "المعارض", "المعارضه", "المستقل", "المستقله", "الوطني", "الوطنيه", "الدولي",
                      "الدوليه", "الاقليمي", "الاقليميه", "الشرعي", "الشرعيه", "الفني", "الفنيه",
                      "الامني", "الامنيه", "الاداري", "الاداريه", "الاخر", "الاخري", "الاخرون", "الاخرين",
                      "المقرب", "المقربه", "المعني", "المعنيه", "المختص", "المختصه", "العليا",
                      "المؤقت", "المؤقته", "المركزي", "المركزيه", "المحلي", "المحليه", "البارز", "البارزه",
                      "الرفيع", "الرفيعه", "المقيم", "الموالي", "المواليه", "التابع", "التابعه", "المسلحه",
                      "البارزون", "البارزين", "المطلعه", "المطلع", "القيادي", "القياديه", "المسؤول", "المسؤوله",
                      "الراحل", "الراحله"})
    _NOUN_PLACES_IN_A = frozenset({"امريكا", "امريكا", "كندا", "اوروبا", "هولندا", "فنلندا", "افريقيا",
                                   "اسيا", "اوغندا", "رواندا", "اميركا", "ماليزيا", "اندونيسيا", "الفا"})

    def _given(self, j: int) -> bool:
        if j >= len(self.toks) or self.toks[j].kind != "word":
            return False
        n = self.bare(j)
        return n in self.lex.given_names or self.norm(j) in self.lex.given_names

    def _possessive_head(self, j: int) -> bool:
        """مكتبه، حكومتها، وزارتهم: a source head with a possessive pronoun."""
        if j >= len(self.toks) or self.toks[j].kind != "word":
            return False
        n0 = self.bare(j)
        orig0 = self.text[self.toks[j].start:self.toks[j].end]
        for suf in ("ه", "ها", "هم"):
            if orig0.endswith(suf) and n0.endswith(suf) and len(n0) > len(suf) + 2:
                stem = n0[: -len(suf)]
                if stem.endswith("ت"):
                    stem = stem[:-1] + "ه"
                if self.lex.heads.lookup(stem):
                    return True
        return False

    def _accusative(self, j: int, strict: bool = False) -> bool:
        """An indefinite accusative (اجتماعا، تراجعا، رجلا): an object, never part of a subject.
        ``strict`` (inside a name, where سيدا، رضا end in alif too): only with the tanween
        written or an agreeing accusative adjective after it (اجتماعا موسعا)."""
        if j >= len(self.toks) or self.toks[j].kind != "word":
            return False
        t = self.toks[j]
        orig = self.text[t.start:t.end]
        if "\u064b" in orig:                     # explicit tanween fath
            return True
        n = self.norm(j)
        loose = len(n) > 3 and n.endswith("ا") and not n.startswith("ال") and \
            not n.endswith(("يا", "اا", "وا", "ءا", "ها", "نا", "هما")) and n not in self._NOUN_PLACES_IN_A and \
            not self._given(j) and self._entity_end_at(j, j + 1, ("PERS",)) == j    # (not أوباما: a person)
        if not strict or not loose:
            return loose
        return j + 1 < len(self.toks) and self._accusative(j + 1) and self.toks[j + 1].kind == "word"

    def _np_object_start(self, k: int) -> bool:
        """Token k may open a bare noun-phrase content right after a complete subject (بسط
        نفوذها، مقتل سبعة، تأجيل الزيارة): an indefinite word, no article, conjunction,
        preposition, time word or punctuation."""
        if k >= self._ntok or self.toks[k].kind != "word":
            return False
        n = self.norm(k)
        if len(n) > 3 and n[0] in ("ب", "ل", "ك") and not self._masdar_like(k, shape_only=True):
            return False        # بمحافظة الضالع: a prepositional phrase of the subject (not بسط)
        return not n.startswith(("ال", "و", "لل")) and n not in _PREPOSITIONS and not self._time_at(k) and \
            not self.is_comp(k) and n not in _NAME_CONNECTORS and not self.is_cue_tok(k) and \
            not self._given(k) and not self._in_name_entity(k)

    def _pers_tok(self, j: int) -> bool:
        """Token j lies inside a person entity."""
        return "PERS" in self._entity_labels(j)

    def _in_name_entity(self, j: int) -> bool:
        """Token j lies inside a person, organisation or place entity (ner/actors stages)."""
        return bool(self._entity_labels(j))

    def _entity_labels(self, j: int) -> set:
        """The labels of the name entities (PERS, ORG, LOC, GPE) over token j, from a token map
        built once per document (a scan of every entity per question grew with the document
        squared)."""
        if self._ent_toks is None:
            import bisect
            starts = [t.start for t in self.toks]
            self._ent_toks = {}
            for ent in self.doc.entities:
                if ent.label in ("PERS", "ORG", "LOC", "GPE") and ent.end > ent.start >= 0:
                    k = max(0, bisect.bisect_right(starts, ent.start) - 1)
                    while k < len(self.toks) and self.toks[k].start < ent.end:
                        if self.toks[k].end > ent.start:
                            self._ent_toks.setdefault(k, set()).add(ent.label)
                        k += 1
        return self._ent_toks.get(j, _NO_LABELS)

    def _masdar_like(self, j: int, shape_only: bool = False) -> bool:
        """تصميم، تأكيد، استمرار، أهمية، ضرورة: a content noun rather than a name
        (``shape_only``: the verbal-noun patterns only, not the feminine/abstract endings
        that family names share: باسلمة)."""
        n = self.bare(j)
        if len(n) >= 5 and n.startswith("است"):
            return True
        if len(n) == 5 and n[0] == "ت" and n[3] == "ي" and n[4] not in "اه":
            return True               # تصميم، تأكيد (not تركيا)
        if len(n) == 5 and n[0] == "ا" and n[3] == "ا":
            return True
        if len(n) >= 6 and n[0] == "ا" and n[2] == "ت" and n[4] == "ا":
            return True
        if shape_only:
            return False
        return n.endswith(("يه", "ات")) or (n.endswith("ه") and len(n) >= 4)

    def _entity_end_at(self, j: int, stop: int, labels=("PERS", "ORG")) -> int:
        """Token end of a person/organisation entity that starts on token ``j`` (clitics
        before it allowed), else ``j``."""
        if self._ents_at is None:
            import bisect
            starts = [t.start for t in self.toks]
            self._ents_at = {}
            for ent in self.doc.entities:
                if ent.end <= ent.start or ent.start < 0:
                    continue
                k = bisect.bisect_right(starts, ent.start) - 1
                if 0 <= k < len(self.toks) and self.toks[k].start <= ent.start < self.toks[k].end:
                    self._ents_at.setdefault(k, []).append(ent)
        for ent in self._ents_at.get(j, ()):
            if ent.label in labels:
                k = j
                while k < stop and self.toks[k].start < ent.end:
                    k += 1
                return k
        return j

    def _plain_word(self, j: int) -> bool:
        """A word that may be part of a name: no article, not a particle, a number, a
        complementizer, a cue, a time word, an object or a verb-looking ي- word."""
        if j >= len(self.toks) or self.toks[j].kind not in ("word", "latin"):
            return False
        n = self.norm(j)
        if n.startswith(("ال", "لل")) or n in _PREPOSITIONS or n in _NEG or n in _FUNCTION or n in _REL_PRONOUNS:
            return False
        if self.is_comp(j) or self._time_at(j) or self.is_cue_tok(j) or n in self.lex.honorifics:
            return False
        if n in ("نظيره", "نظيرته", "دون", "بدون", "خلال", "عبر", "امام", "لدي", "عقب", "اثر", "اثناء", "حول",
                 "بشان", "وسط", "ضمن", "ايضا", "كذلك", "بدوره", "بدورها", "اي", "كل", "بعض", "جميع", "عدد"):
            return False
        if self._given(j):
            return True
        if n[:1] == "ي" and len(n) >= 4:
            return False          # يؤكد، يشير: a verb, not a name
        if self.lex.heads.lookup(n) or self._accusative(j, strict=True):
            return False          # a new head (تنظيم "داعش"), an object (اجتماعا موسعا): not the name
        return True

    def _name_end(self, j: int, stop: int, *, after_title: bool) -> int:
        """End of a person's name at token ``j`` (``j`` when there is none)."""
        if j >= stop:
            return j
        k = self._entity_end_at(j, stop, ("PERS",))
        if k > j:
            # the entity may stop one word short (عبد المالك | سلال أمس): a plain family-name word
            # right before a boundary (time word, comma, complementizer, preposition …) belongs to it
            if k < stop and self._plain_word(k) and not self._accusative(k) and \
                    not self._masdar_like(k, shape_only=True) and self.norm(k)[:1] not in ("و", "ف") and \
                    self._boundary_after_name(k + 1, stop) and self.norm(k - 1) not in _NAME_CONNECTORS and \
                    not self._in_name_entity(k):
                return k + 1     # (not another entity: اتهم … أردوغان | أوروبا أمس)
            return k
        start = j
        names = 0
        if after_title and j + 1 < stop and self.norm(j) == "علي" and self.toks[j].kind == "word" and \
                (self._entity_end_at(j + 1, stop, ("PERS",)) > j + 1 or self._given(j + 1)):
            j += 1                            # round 8: رئيس البرلمان علي لاريجاني (علي the name, not على)
            names += 1
        while j < stop and names < 5:
            n = self.norm(j)
            if self.toks[j].kind == "punct" and n == _QUOTE and j in self.partner and self.partner[j] - j <= 5 \
                    and names == 0:
                return self.partner[j] + 1          # أكد "العريني"
            if n in _NAME_CONNECTORS or self.bare(j) in self.lex.name_connectors:
                if j + 1 < stop and self.toks[j + 1].kind == "word" and (names or n in ("عبد", "ابو", "ام")):
                    j += 1
                    names += 1 if n in ("عبد", "ابو", "ام") and names == 0 else 0
                    continue
                break
            if n.startswith("ال") and self.toks[j].kind == "word":
                stem = n[2:]
                if n in ("الانتباه", "النظر", "التاكيد", "الدعوه"):
                    break             # لفت السفير … الانتباه إلى: the cue's object
                if n == "الله" and names:
                    j += 1            # ولي الله، نصر الله، فضل الله
                    continue
                if len(stem) == 4 and stem[0] == "ت" and not stem.endswith("ي") or \
                        len(stem) >= 5 and stem.startswith("است") or \
                        len(stem) == 5 and stem[0] == "ت" and stem[3] == "ي":
                    break             # ابراهيم التوصل إلى …: a verbal noun, not a family name
                if names == 0:
                    # a family name alone (الشبلي، الزياني): a nisba or a word of an earlier
                    # source's name, when nothing titled precedes it
                    if after_title or not (n.endswith("ي") or self._known_name_token(j)):
                        break
                    return j + 1
                prev = self.norm(j - 1)
                if prev in _NAME_CONNECTORS or self.bare(j - 1) in self.lex.name_connectors or \
                        n.endswith("ي") or self._given(j - 1) or self._known_name_token(j) or \
                        self._boundary_after_name(j + 1, stop):
                    j += 1
                    names += 1
                    if prev in ("عبد", "ابو", "ابي", "ام", "بن", "ابن", "بنت", "ال") and \
                            j < stop and self.toks[j].kind == "word" and \
                            (self._plain_word(j) or self.norm(j) in _NAME_CONNECTORS):
                        continue      # عبد الله عبد اللطيف، عبدالله بن حسين آل هادي
                break
            if not self._plain_word(j):
                break
            if names == 0 and not (self._given(j) or self._known_name_token(j) or
                                   (after_title and not self._masdar_like(j, shape_only=True) and
                                    (not self._masdar_like(j) or self._given(j + 1) or
                                     self._known_name_token(j + 1))) or
                                   (not after_title and self._looks_like_name(j))):
                break
            if names == 0 and after_title and self.doc.entities and not self._given(j) and \
                    not self._known_name_token(j) and not self._in_name_entity(j) and j + 1 < stop and \
                    self._possessed(j + 1):
                break                 # round 8: أكد الوزير الأردني | موقف بلاده: no entity, no given name
            if names >= 3 and not self._given(j - 1):
                break
            if names and not self._given(j) and not self._known_name_token(j) and j + 1 < stop and \
                    self.toks[j + 1].kind == "word" and \
                    (self.norm(j + 1).startswith("ال") and not self.norm(j + 1).endswith("ي") and
                     not self._boundary_after_name(j + 1, stop) and not self._time_at(j + 1) or
                     len(self.norm(j + 1)) > 3 and self.norm(j + 1).endswith(("ه", "ها", "هم")) and
                     not self._given(j + 1)):
                break                 # آشتون كارتر عزم بلاده …: a noun in construct, the content
            if names and self._masdar_like(j, shape_only=True) and not self._given(j) and \
                    not self._known_name_token(j):
                break                 # الأمير خالد اختفاء بعض …: a content noun
            if names and not self._given(j) and not self._known_name_token(j) and not self._pers_tok(j) and \
                    self.text[self.toks[j].start:self.toks[j].end].endswith("ية"):
                break                 # round 10: الأمير X بن مساعد | آلية تطبيق …: a noun in ـية, the content
            if names and n[:1] in ("ل", "ب", "ك") and len(n) >= 5 and not self._given(j - 1) and \
                    not self._given(j) and not self._known_name_token(j) and \
                    not self._boundary_after_name(j + 1, stop):
                break                 # كاميرون لتلاميذ مدرسة: a preposition (not جوشا لانديس مدير …)
            j += 1
            names += 1
        return j if names else start

    def _known_name_token(self, j: int) -> bool:
        """Token j is a word of an earlier person-like source's name (المجدوب → السفير أسامة المجدوب)."""
        w = _strip_al(self.bare(j))
        if len(w) < 3 or w in self.lex.title_words or w in _GENERIC:
            return False
        plain = not self.bare(j).startswith("ال")
        for s in self.srcs:
            if s.kind in ("official", "unknown", "local") and s.tokens and w in s.tokens and s.mentions and \
                    (w == s.tokens[-1] or (plain and not self.lex.heads.lookup(w))):
                return True
        return False

    def _boundary_after_name(self, k: int, stop: int) -> bool:
        if k >= stop:
            return True
        n = self.norm(k)
        return self.is_punct(k) or self.is_comp(k) or self._time_at(k) > 0 or self.is_medium_at(k, stop) or \
            self.is_addressee_at(k, stop) or n in _PREPOSITIONS or n in ("خلال", "لدي", "عبر", "قائلا") or \
            (n == "امام" and not self._imam(k)) or \
            (self.head_of(k, stop)[0] is not None and self.head_of(k, stop)[0].title)

    def _descriptor_end(self, a: int, stop: int) -> tuple[int, bool]:
        """(end, names a person) of a descriptor or title phrase at token ``a`` with its
        genitives and adjectives; ``(a, False)`` when no head opens there."""
        k = self._entity_end_at(a, stop, ("ORG",))
        h, hend = self.head_of(a, stop)
        if k > a and h is None:
            return k, False
        if h is None:
            return a, False
        person = h.title
        org = not person and h.kind not in ("unknown",) and not h.unnamed
        j = hend
        last = self.norm(hend - 1)
        genitive = not last.startswith("ال") and last not in self.lex.honorifics and \
            not (h.unnamed and not last.endswith("و"))
        indef_np = not last.startswith("ال")
        while j < stop and j < a + 20:
            n = self.norm(j)
            t = self.toks[j]
            if t.kind in ("punct", "symbol"):
                if n == _QUOTE and j in self.partner and self.partner[j] - j <= 8 and \
                        (self._quotes_a_name(j) or self._short_quoted_name(j)):
                    j = self.partner[j] + 1
                    genitive = False
                    continue
                if n == "(" and (self._quotes_a_name(j) or h.kind in ("agency", "outlet", "organisation")):
                    q = j + 1
                    while q < stop and q < j + 5 and self.norm(q) != ")":
                        q += 1
                    if q < stop and self.norm(q) == ")":
                        j = q + 1             # وكالة أنباء ( الأناضول )
                        continue
                break
            if self.is_comp(j) or self._time_at(j) or self.is_medium_at(j, stop) or \
                    (self.is_cue_tok(j) and self.cue_entry_at(j, ("verb", "part", "prep", "nominal"))):
                break
            if person and j > hend and self._entity_end_at(j, stop, ("PERS",)) > j and \
                    not self.norm(j).startswith("ال"):
                break           # رئيس الوزراء الإسرائيلي | بنيامين نتنياهو: the name, then _name_end
            if not person and j > hend and self._in_name_entity(j - 1) and t.kind == "word" and \
                    self._np_object_start(j) and not self._looks_like_name(j) and \
                    not self.lex.heads.lookup(n):
                break           # قيادة عمليات بغداد | مقتل سبعة …: a place closes the chain, a new noun opens
            if n in self.lex.honorifics or self._accusative(j):
                break
            if person and n == "في" and j > hend and j + 2 < stop:
                q = j + 2
                while q < stop and q < j + 4 and self.norm(q).startswith("ال") and self.norm(q).endswith(("ي", "يه")):
                    q += 1
                h3 = self.head_of(q, stop)[0] if q < stop else None
                if q < stop and (self._given(q) or (h3 is not None and h3.title)):
                    j = q                     # مدير مكتب الحملة في لبنان وليد …: the place inside the title
                    genitive = False
                    continue
            if (n in ("في", "من", "داخل", "بين") or self.qualifier_pp(j)) and not person:
                # the organisational or local phrase of an unnamed descriptor or a body
                # (مصادر في الجيش، مصادر مقربة من حزب الله، وزارة السياحة في تونس)
                q = j + 1
                if n == "من" and j > a and not self.norm(j - 1).startswith(("مقرب", "المقرب", "قريب")) \
                        and not h.unnamed:
                    break
                if q + 1 < stop and self.norm(q) in ("داخل", "قرب", "بين", "صفوف", "اوساط"):
                    q += 1                    # مصادر من داخل المجلس الأهلي
                if q < stop and self.toks[q].kind == "word" and not self.is_comp(q):
                    if self.head_of(q, stop)[0] is not None:
                        q = self._descriptor_end(q, stop)[0]
                    else:
                        q += 1
                    while q < stop and self.toks[q].kind == "word" and self.norm(q).startswith("ال") and \
                            (self.norm(q).endswith(("ي", "يه")) or self.norm(q) in self._ADJ):
                        q += 1
                    j = q
                    genitive = False
                    continue
                break
            if n.startswith("ال") and n not in _REL_PRONOUNS and \
                    (n.endswith(("ي", "يه", "يين", "يون")) or n in self._ADJ or
                                       (n.startswith("الم") and n.endswith("ه") and
                                        self.norm(j - 1).endswith(("ه", "ات")))) and \
                    not (person and j == hend and h.gender == "m" and n.endswith("ه")):
                j += 1                                      # اليمني، الرسمي، العام، القوات المسلحة
                genitive = False
                continue
            if indef_np and t.kind == "word" and not n.startswith("ال") and len(n) >= 4 and \
                    n not in _PREPOSITIONS and n not in _FUNCTION and \
                    (n.endswith(("ي", "يه", "يون", "يين")) or n in self.lex.qualifier_words or
                     (h.unnamed and n.startswith("م") and len(n) >= 4 and
                      (n.endswith("ه") if h.gender == "f" else n.endswith(("ون", "ين")) if h.plural else False)) or
                     ("ال" + n) in self._ADJ) and \
                    not self._given(j) and (not self.lex.heads.lookup(n) or ("ال" + n) in self._ADJ):
                j += 1                                      # مصادر دبلوماسية، مصدر مسؤول رفيع
                genitive = False
                continue
            if genitive:
                if self._given(j) and person:
                    break                                   # وزير الخارجية عادل … : the name
                if j > hend and t.kind == "word" and n.startswith("ال") and \
                        self._entity_labels(j - 1) & {"LOC", "GPE"} and not self._in_name_entity(j) and \
                        self.head_of(j, stop)[0] is None and not self._given(j):
                    break       # round 10: مدير السجون بمنطقة جازان | الحادث الإجرامي: a place name takes no genitive
                if t.kind == "word" and n not in _PREPOSITIONS and n not in _NEG and not self.is_comp(j):
                    genitive = not (n.startswith("ال") or n.startswith("لل")) or n == "باسم"
                    if n == "باسم" or n.startswith(("لشؤون", "لشئون")):
                        genitive = True
                    indef_np = not n.startswith(("ال", "لل"))
                    j += 1
                    continue
                break
            if n in ("باسم", "لشؤون", "لشئون") or n.startswith("لشؤون"):
                genitive = True
                j += 1
                continue
            if (person or h.unnamed) and n.startswith("ب") and len(n) >= 5 and t.kind == "word" and \
                    not self.is_comp(j) and n not in ("بشان", "بخصوص", "بعد", "بين", "بدوره", "بدورها") and \
                    not self._masdar_like(j, shape_only=True) and not n.startswith("بال") and j + 1 < stop and \
                    self.toks[j + 1].kind == "word":
                genitive = True               # المتحدث الرسمي بجوازات منطقة عسير، مسؤول بمكتب أولوند
                j += 1
                continue
            if n.startswith("لل") or (n.startswith("ل") and len(n) > 3 and not n.startswith("لا") and
                                      t.kind == "word" and n not in ("لدي", "لكن", "لكنه", "لكنها") and
                                      not self.is_addressee_at(j, stop)):
                genitive = not n.startswith("لل")          # لمجلس التعاون / للمركز
                indef_np = genitive
                j += 1
                continue
            if n == "الركن" and person and j > a and self.norm(j - 1) in self.lex.title_words | \
                    {"ال" + w for w in self.lex.title_words}:
                j += 1                                      # العميد الركن، اللواء الركن: part of the rank
                continue
            if n.startswith("ال"):
                h2, e2 = self.head_of(j, stop)
                if h2 is not None and h2.title and person:
                    j = e2                                  # رئيس الجمهورية رئيس الوزراء
                    genitive = not self.norm(e2 - 1).startswith("ال")
                    continue
                break
            if n[:1] == "و" and len(n) > 3 and n[1:].startswith("ال") and org and j > hend and \
                    self.norm(j - 1).startswith("ال"):
                j += 1                                      # الشؤون الإسلامية والأوقاف والدعوة
                continue
            if person and self.toks[j].kind == "word" and not self._given(j):
                h2, e2 = self.head_of(j, stop)
                if h2 is not None and h2.title:
                    j = e2                                  # نائب رئيس الجمهورية رئيس الوزراء
                    genitive = not self.norm(e2 - 1).startswith("ال")
                    continue
            break
        return j, person

    def qualifier_pp(self, j: int) -> bool:
        return False

    def _apposed_title(self, j: int, stop: int) -> int:
        """A title after a name without a comma (ياسين أوزتورك رئيس حي هارفان، جيف ديفيس
        أحد المتحدثين باسم البنتاغون)."""
        if j >= stop or self.toks[j].kind != "word":
            return j
        k = j
        if self.norm(k) in ("احد", "احدي") and k + 1 < stop:
            k += 1
        h, _ = self.head_of(k, stop)
        if h is None or not h.title:
            return j
        e, _ = self._descriptor_end(k, stop)
        if e < stop and (self._given(e) or self._entity_end_at(e, stop, ("PERS",)) > e):
            return j          # اتهم أبو مازن وزير الخارجية الأمريكي جون كيري: a second person, the object
        return e if e > k else j

    def _name_start(self, j: int) -> bool:
        """A plain word that may open a person's name (no article, not a particle)."""
        if j >= len(self.toks) or self.toks[j].kind != "word":
            return False
        n = self.bare(j)
        return not n.startswith(("ال", "لل", "بال", "وال")) and len(n) >= 3 and n not in _NEG and \
            n not in ("هذا", "هذه", "ذلك", "تلك", "الذي", "التي", "عن", "علي", "الي", "في", "من", "مع", "كل", "بعض",
                      "منذ", "حتي", "بعد", "قبل", "عند", "لدي", "غير", "بين", "نحو", "حول", "ضمن", "عبر") and \
            n not in _PREPOSITIONS and not self.is_comp(j)

    def _looks_like_name(self, j: int) -> bool:
        if j >= len(self.toks):
            return False
        n = self.norm(j)
        if self.toks[j].kind != "word" or n.startswith("ال"):
            return False
        for ent in self.doc.entities:
            if ent.label == "PERS" and ent.start <= self.toks[j].start < ent.end:
                return True
        return len(n) >= 3 and not n.endswith("ه") and not n.startswith(("ت", "م", "ا")) or n in ("احمد", "محمد")

    def left_subject(self, i: int, lo: int) -> tuple[int, int] | None:
        r = self._left_subject(i, lo)
        if r is not None and r[1] - r[0] > 1 and self.bare(r[0]) in ("بحسب", "حسب", "وفق", "وفقا", "طبقا"):
            r = (r[0] + 1, r[1])     # …، بحسب ناشطين متابعين …، أفادوا: the cited people, not the preposition
        if r is not None and (self.norm(r[0]) in ("بالنسبه", "وبالنسبه", "اما", "واما") or
                              self.norm(r[0] - 1) in ("بالنسبه", "وبالنسبه")):
            return None          # أما بالنسبة للطرق بين إن …: a topic frame, not the speaker
        if r is not None and self.norm(r[0])[:1] == "و" and self.bare(r[0]) != self.norm(r[0]) and \
                self.lex.heads.lookup(self.bare(r[0])):
            self._conj_tok.add(r[0])   # round 10: …، وحكام الضفة يتكلمون …: the subject without the conjunction
        return r

    def _left_subject(self, i: int, lo: int) -> tuple[int, int] | None:
        """Subject before the verb at ``i``: ``X الذي قال``, ``وكانت الوكالة نقلت``,
        ``إن المحتجزين اعترفا``, ``لكن فاروق جليك وزير العمل … قال``, ``أنباء تتحدث``."""
        j = i - 1
        if j < lo:
            return None
        if self.norm(j) in ("ما", "مما", "بما", "لما", "عما", "كما", "حسبما", "مثلما", "وما"):
            return None          # بعد ما وصفته، ما ترى أنه: a free relative, the speaker is elsewhere
        if self.is_comp(j) and self.norm(j) in ("ان", "وان") and j - 2 >= lo and \
                self.bare(j - 2) in ("سبق",) and self.norm(j - 1)[:1] == "ل" and len(self.norm(j - 1)) > 3:
            self._conj_tok.add(j - 1)          # سبق لأوباما أن قال: the name without its ل
            return j - 1, j
        if self.norm(j) in _REL_PRONOUNS:
            vn = self.norm(i)
            if len(vn) > 4 and vn.endswith(("ها", "هم", "هما")) or (len(vn) > 4 and vn.endswith("ه") and
                                                                     not vn.endswith("يه")):
                return None      # الزيارة التي وصفها بالناجحة: the relative's head is the object
            e = j
            a = e - 1
            while a > lo and a > e - 14 and not self.is_punct(a - 1) and not self.is_comp(a - 1) and \
                    not self._frame_word(a - 1):
                a -= 1
            # the longest complete mention that ends at the relative pronoun (… قاضي داعش أبو
            # سليمان الذي ذكر، رئيس الوزراء الأردني عبدالله النسور الذي أعلن)
            for s0 in range(a, e):
                n0 = self.norm(s0)
                if n0[:1] in ("ب", "ل", "ك") and self.lex.heads.lookup(n0[1:]):
                    continue                  # برسالة استقالة …: a prepositional phrase
                if self.toks[s0].kind == "word" and self.np_end_for_name(s0, e) == e and self.source_like(s0, e):
                    return s0, e
            if a < e and e - a <= 8 and self.source_like(a, e):
                return a, e
            return None
        # و + a name right before the verb (… ولندن ترى أن)
        pj = self.toks[j]
        if pj.kind == "word" and pj.norm[:1] == "و" and len(pj.norm) > 3 and self.norm(j - 1) not in _NEG and \
                self.toks[i].norm[:1] in ("ي", "ت") and not self.is_cue_tok(j) and self._name_start(j):
            self._conj_tok.add(j)
            return j, i
        # an indefinite descriptor right before a present-tense verb (أنباء تتحدث عن …)
        if self.toks[i].norm[:1] in ("ي", "ت") and self.toks[j].kind == "word":
            h, hend = self.head_of(j, i)
            if h is not None and hend == i and not self.norm(j).startswith("ال"):
                return j, i
        # walk left over a noun phrase to a frame word (a comma right before the verb is allowed:
        # إلا أن قيادة التحالف، أشارت; so is قد: وكانت الوكالة … قد زعمت)
        e = i
        comma_qad = False
        if self.is_punct(e - 1, {",", "،"}):
            e -= 1
        if e - 1 >= lo and self.norm(e - 1) in ("قد", "لقد", "فقد", "وقد"):
            e -= 1
            if self.is_punct(e - 1, {",", "،"}):
                e -= 1           # round 8: وكانت جبهة النصرة …، قد أعلنت
                comma_qad = True
        if e - 1 > lo and self.norm(e - 1) in ("كان", "كانت", "كانوا"):
            e -= 1               # round 8: يذكر أن وزارة الدفاع كانت (قد) أعلنت …: كان after the subject
        a = e - 1
        while a >= lo and e - a <= 14:
            if self.is_punct(a) or self.is_quote(a):
                break
            if self.is_comp(a) or self._frame_word(a):
                break
            if self.is_cue_tok(a) and self.cue_entry_at(a):
                return None
            a -= 1
        start = a + 1
        if start >= e:
            return None
        if comma_qad and a >= lo and self.is_punct(a, {",", "،"}):
            return None          # … قائد العملية، اللواء X، قد تحدث: an apposition, the subject is before it
        n0 = self.norm(start)
        if self.bare(start) in _PREPOSITIONS or n0 in _PREPOSITIONS or self.bare(start) in self._ADJUNCT_PREPS:
            return None          # وعن أولويات الحكومة قال: a fronted phrase, not the subject
        if n0[:1] in ("و", "ف") and n0[1:3] == "ال" and len(n0) > 4 and \
                not n0.startswith(("والي", "والد")):
            self._conj_tok.add(start)          # والبعض يرى، فالحوثي يقول: the phrase without its conjunction
        elif n0[:1] == "و" and len(n0) > 3 and self.lex.heads.lookup(n0[1:]) and not self.lex.heads.lookup(n0):
            self._conj_tok.add(start)          # وحكام الضفة يتكلمون: the phrase without its و
        strong = a >= lo and (self.is_comp(a) or (self.is_quote(a) and a in self.opening) or
                              self.norm(a) in ("لان", "هناك", "ان"))
        frame_ok = a < lo or strong or self._frame_word(a) or \
            self.is_punct(a, {",", "،", ":", ".", "\n", "-", "–", "—", "؛"})
        if not frame_ok:
            return None
        if any(self.toks[k].kind == "word" and self.bare(k) in self.lex.speaker_verbs for k in range(start, e)):
            return None
        if self.bare(start) in _FUNCTION or self.norm(start) in _FUNCTION:
            return None
        if self.source_like(start, e) and (strong or e - start <= 9 or a < lo):
            return start, e
        # after إن/أن/لأن/an opening quote the noun phrase is the subject whatever it is;
        # after a comma or the sentence start, a short one
        n_words = sum(1 for k in range(start, e) if self.toks[k].kind == "word")
        if (strong and n_words <= 12) or (n_words <= 3 and not any(self.is_cue_tok(k) for k in range(start, e))):
            if self.toks[start].kind == "word" and self.norm(start) not in _PREPOSITIONS:
                return start, e
        return None

    def _frame_word(self, j: int) -> bool:
        n = self.norm(j)
        return n in _KANA or n in ("لكن", "ولكن", "الا", "اما", "بينما", "فيما", "حيث", "اذ", "ثم", "كما", "وكما",
                                   "بدوره", "بدورها", "هناك", "وباستثناء", "فيما", "بل", "لان")

    # -- content --------------------------------------------------------------
    def licence(self, j: int, end: int, entry: CueEntry, *, window: int = 40):
        """Where the content opens after token ``j`` (the end of the subject, or the cue):
        ``(kind, first content token, licence token)``; ``("stop", k, k)`` when a content
        word comes first (a bare noun-phrase content for verbs that take one); None.

        Between the subject and the content only these may come: time words, a medium
        phrase (في بيان …، خلال مؤتمر …، أمام المحكمة), an addressee (للوكالة، لـ«عكاظ»),
        a carrier (نشرته وكالة …), one parenthetical after a comma (، وزير الخارجية،) or
        between dashes, and an adverbial قائلا/مضيفا that takes over."""
        lic = entry.licence
        k = j
        steps = 0
        coord = lambda x: self.norm(x)[:1] in ("و", "ف") and self.norm(x)[1:] in self.lex.complementizers
        paren_used = False
        after_comma = False
        while k < end and steps < window:
            steps += 1
            t = self.toks[k]
            n = t.norm
            if self.is_comp(k) and "an" in lic and not (coord(k) and k > j):
                return ("an", k + 1, k)
            if self._ma_min_an and n == "من" and k + 1 < end and self.is_comp(k + 1):
                return ("an", k + 2, k + 1)  # round 10: ما قاله X … من أن …
            if n == ":" and "colon" in lic:
                c = k + 1
                if c < end and self.is_comp(c):
                    c += 1
                return ("colon", c, k)
            if n == _QUOTE and k in self.opening and entry.lemma in ("وصف", "شبه") and k + 1 < end and \
                    self.toks[k + 1].kind == "word" and \
                    self.doc.text[self.toks[k + 1].start:self.toks[k + 1].end].startswith("ب") and \
                    len(self.norm(k + 1)) > 3 and not self._in_name_entity(k + 1):
                return ("prep", k, k)        # round 9: شبهه «بطائفة الموت»، وصفها الوزير "بالكارثة": بـ inside the quote
            if n == _QUOTE and k in self.opening:
                if k in self.partner and (self._quotes_a_name(k) or self._short_quoted_name(k)) and \
                        self.partner[k] - k <= 5 and not self.is_punct(self.partner[k] + 1, {":"}) and \
                        not (entry.lemma == "عد" and k == j) and not self._closing_quotation(k, end, entry):
                    k = self.partner[k] + 1
                    after_comma = False
                    continue
                if "quote" in lic:
                    return ("quote", k, k)
                return ("stop", k, k)
            if n == "(" and "quote" in lic and entry.lemma in _PAREN_SPEECH and self._paren_speech(k) is not None:
                return ("quote", k, k)       # round 9: وكانت المرأة تقول (لن أستسلم)
            if n == "لقد" and k > j and entry.lemma in _DIRECT_SPEECH and "quote" in lic:
                return ("direct", k, k)      # قال الناشط لـ«الشرق الأوسط» لقد «دفعت …»
            if n == _QUOTE and k not in self.closing and "quote" in lic and k + 1 < end and \
                    self.toks[k + 1].kind == "word":
                return ("quote", k, k)
            if t.kind == "word":
                b = n if n in ("علي", "الي", "عن", "من") else self.bare(k)
                if b in entry.preps or n in entry.preps:
                    if entry.lemma == "تحدث":
                        q = self._said_later(k + 1, end)
                        if q is not None:
                            return ("participle", q, q)   # round 10: تحدث … عن Y قائلا: «…» (blind9 decision)
                    c = k + 1
                    if c < end and self.norm(c) == "الانتباه":
                        c += 1
                        if c < end and self.norm(c) in entry.preps:
                            c += 1
                    if c < end and self.is_comp(c):
                        c += 1
                    return ("prep", c, k)
                if "ب" in entry.preps and n.startswith("ب") and len(n) >= 3 and not n.startswith("بين"):
                    return ("prep", k, k)
            if (after_comma or k == j) and k >= j and not paren_used and self.cue_entry_at(k, ("prep",)):
                q = k + 1           # ، حسب وكالة الصحافة الفرنسية، إنه …: the other cue is an aside
                while q < end and q < k + 10 and not self.is_punct(q, {",", "،"} | _SENT_END) and \
                        not self.is_comp(q) and not (self.is_quote(q) and q in self.opening and
                                                     not self._quotes_a_name(q) and not self._short_quoted_name(q)):
                    q += 1
                ok = None
                if q + 1 < end and self.is_punct(q, {",", "،"}) and self.is_comp(q + 1):
                    ok = q
                elif q < end and k == j and self.is_comp(q) and self.bare(k) in ("نقلا", "نقل"):
                    ok = q            # ذكرت الوكالة نقلا عن مصادر أمنية أن …
                elif q + 1 < end and self.is_punct(q, {",", "،"}) and self.bare(k) in ("نقلا", "نقل"):
                    r = q + 1         # … نقلا عن مصادر مطلعة، رفضت الكشف عن هويتها، أن …
                    while r < end and r < q + 12 and not self.is_punct(r, {",", "،", ":"} | _SENT_END) and \
                            not self.is_comp(r) and not self.is_quote(r) and not self.is_cue_tok(r):
                        r += 1
                    if r + 1 < end and self.is_punct(r, {",", "،"}) and self.is_comp(r + 1):
                        ok = r
                np_ok = False
                if ok is None and after_comma and entry.np and q + 1 < end and self.is_punct(q, {",", "،"}) and \
                        self.toks[q + 1].kind == "word" and not self.is_cue_tok(q + 1):
                    ok, np_ok = q, True   # جددت الحكومة، وعلى لسان المتحدث …، موقفها الثابت
                if ok is not None and ("an" in lic or np_ok):
                    paren_used = True
                    self._last_aside = k
                    k = ok
                    continue
            if k >= j and self.is_cue_tok(k):
                ce = self.cue_entry_at(k, ("part",))
                if ce and ce[1].lemma in ("قال", "أضاف", "علق"):
                    return ("participle", k, k)
                ce = self.cue_entry_at(k, ("verb",))
                if ce and k > j and ce[1].lemma == "قال" and self.norm(k)[:1] in ("ي", "ت"):
                    return ("participle", k, k)
                if self.cue_entry_at(k, ("nominal",)):
                    return ("nominal", k, k)
                if k > j and self.cue_entry_at(k, ("verb", "part", "prep")) and self.bare(k) not in self.lex.carried_by and \
                        not self._bayna_prep(k, 0):
                    return None
            if self.is_punct(k, _SENT_END):
                return None
            if self.is_punct(k, {",", "،", "؛", ";"}):
                k += 1
                after_comma = True
                continue
            if self.is_punct(k, {"-", "–", "—", "("}):
                close = {"(": {")"}}.get(n, {"-", "–", "—"})
                q = k + 1
                while q < end and q < k + 14 and not self.is_punct(q, close) and \
                        not (self.is_punct(q, _SENT_END) and not self._abbrev_dot(q)):
                    q += 1
                if q < end and self.is_punct(q, close):
                    k = q + 1
                    continue
                if n != "(" and k > j - 1:
                    # قال رياض الأشقر - الناطق الإعلامي للمركز: إن …: a title after a dash, up to the colon
                    q = k + 1
                    while q < end and q < k + 12 and not self.is_punct(q, {":", ",", "،"} | _SENT_END) and \
                            not self.is_comp(q) and not self.is_quote(q) and not self.is_cue_tok(q):
                        q += 1
                    if q < end and q > k + 1 and (self.is_punct(q, {":"}) or self.is_comp(q)) and \
                            self.head_of(k + 1, q)[0] is not None:
                        k = q
                        continue
                return None
            if self.bare(k) in _ANON_ADJUNCT and self.norm(k + 1) in _ANON_OBJECTS:
                # قال المسؤول طالبا عدم ذكر اسمه: «…»: a request for anonymity before the content
                q = k + 1
                while q < end and q < k + 9 and not self.is_punct(q, {":", ",", "،"} | _SENT_END) and \
                        not self.is_comp(q) and not self.is_quote(q):
                    q += 1
                if q < end and (self.is_punct(q, {":", ",", "،"}) or self.is_comp(q) or self.is_quote(q)):
                    k = q
                    continue
            tw = self._time_at(k)
            if tw:
                k = tw
                continue
            if n in _ADVERBS or n in _MEDIA_OBJECTS or self._cue_object(k, end, entry) or \
                    (k == j and k > 0 and self.bare(k) in self.lex.honorifics and self.cue_entry_at(k - 1, ("part",))):
                k += 1                # (round 8: مشيرًا سموّه إلى أن …: the honorific repeats the subject)
                continue
            if self._accusative(k) and n.startswith("م") and len(n) >= 5 and not self.is_cue_tok(k):
                k += 1                # مستهجنا، مستشهدا: a circumstantial participle before the content
                continue
            if t.kind == "word" and len(n) > 3 and n.startswith("ل") and \
                    (_strip_al(n[1:]) in _ADDRESSEE_PEOPLE or f"{_strip_al(n[1:])} {self.norm(k + 1)}" in _ADDRESSEE_PEOPLE):
                # لصحفيين يرافقون الوزير …، لوكالة …: whom it told, before any adjunct reading
                k = max(self.np_end(k, end, allow_pp=False), k + 1)
                continue
            adjunct = self._adjunct_at(k, end, entry)
            if n in ("وهو", "وهي", "وهم", "وهما") and (k > j or (k > 0 and not self.is_cue_tok(k - 1) and
                                                              self._next_punct(k, end) == ":")):
                # (round 8: قال السناتور X وهو جمهوري: …; before إن the clause stays in the source)
                adjunct = "aside"             # منير إبراهيم وهو من القامشلي … إلى أن
            if self.is_medium_at(k, end) or self.bare(k) in self.lex.carried_by:
                adjunct = None if adjunct != "without" else adjunct
            if adjunct or self.is_medium_at(k, end) or self.bare(k) in self.lex.carried_by:
                # a medium (في بيان …), a carrier (نشرته وكالة …) or an adjunct phrase (عن الملف،
                # على هامش …، دون أن يقدم تفاصيل) before the content: skip it
                q = k + 1
                if adjunct == "without" and q < end and self.is_comp(q):
                    q += 1                    # دون أن …: its أن is not the cue's
                while q < end and q < k + (12 if adjunct else 25):
                    if (self.is_punct(q, {",", "،", ":"} | _SENT_END) and not self._abbrev_dot(q)) or self.is_comp(q):
                        break
                    if q > k + 1 and self.is_punct(q, {"-", "–", "—"}) and q + 1 < end and \
                            self.cue_entry_at(q + 1, ("prep",)):
                        break                 # في بيان -بحسب وكالة …- "…": an aside between dashes
                    if q > k and self.bare(q) in self.lex.carried_by and entry.np and \
                            not self.norm(q + 1) in ("علي", "في", "عبر"):
                        q2 = self.skip_time(q + 1, end)   # round 8: في بيان بثته الليلة وكالة X | تمكنها …
                        q3 = min(self.np_end(q2, end, allow_pp=False), self.np_end_for_name(q2, end)) \
                            if q2 < end else q2
                        if q2 < q3 < end and self.toks[q3].kind == "word" and not self.is_comp(q3):
                            q = q3
                            break
                    if self.bare(q) in ("زودت", "زود", "زودنا"):
                        r = next((x for x in range(q + 1, min(end, q + 7)) if self.norm(x) in ("بنسخه", "بنص", "بنسخته")), None)
                        if r is not None:     # … زودت «الرياض» بنسخة منه: the paper that got a copy
                            q = r + 2 if r + 1 < end and self.norm(r + 1) in ("منه", "منها") else r + 1
                            continue
                    if self.is_quote(q) and q in self.opening and (not self._quotes_a_name(q) and
                                                                   not self._short_quoted_name(q) or
                                                                   self._closing_quotation(q, end, entry)):
                        break
                    if self.is_cue_tok(q) and self.cue_entry_at(q, ("part", "verb", "prep")):
                        break
                    if (q > k + 1 or n in _ONE_WORD_ADJUNCTS) and \
                            (self.norm(q) in entry.preps or self.bare(q) in entry.preps) and self.norm(q) != "ب":
                        break                 # أكد … خلال مؤتمر صحفي … على أهمية؛ وجهت الاتهام فيها إلى
                    q += 1
                k = q
                continue
            if self.is_addressee_at(k, end):
                q = k + 1 if n in ("ل", "لـ") else k
                if q < end and self.is_quote(q) and q in self.partner:
                    k = self.partner[q] + 1
                else:
                    k = max(self.np_end(q, end, allow_pp=False), k + 1)
                continue
            if after_comma and not paren_used and self._apposition_start(k):
                q = k
                span = 30 if n in _REL_PRONOUNS or n in ("وهو", "وهي", "وهم") else 16
                while q < end and q < k + span:
                    if self.is_punct(q, {",", "،", ":"} | _SENT_END) or self.is_comp(q):
                        break
                    if self.is_quote(q) and q in self.opening and not (self._quotes_a_name(q) or
                                                                       self._short_quoted_name(q)):
                        break
                    q += 1
                if q < end and self.is_punct(q, {",", "،", ":", "؛"}):
                    paren_used = True
                    k = q
                    continue
                if q < end and q > k and self.is_comp(q) and "an" in lic and not coord(q) and \
                        (self.head_of(k, min(end, k + 4))[0] is not None or
                         (self._name_start(k) and q - k <= 4 and not self.norm(k).startswith("ال"))):
                    paren_used = True     # قال روبيرت فورد، السفير الأمريكي السابق في سوريا إن …
                    k = q
                    continue
            if after_comma and not paren_used and k > j:
                # قال فابيو غيروني، الاقتصادي بجامعة واشنطن، إنه …؛ قال السفير …، كن بلاك وول، إن …:
                # a short apposition of plain words between commas, right before the content
                q = k
                while q < end and q < k + 6 and self.toks[q].kind == "word" and not self.is_comp(q) and \
                        not self.is_cue_tok(q):
                    q += 1
                if k < q < end and self.is_punct(q, {",", "،"}) and q + 1 < end and \
                        ((self.is_comp(q + 1) and "an" in lic and not coord(q + 1)) or
                         (self.is_punct(q + 1, {":"}) and "colon" in lic)):
                    paren_used = True
                    k = q
                    continue
            return ("stop", k, k)
        return None

    def _next_punct(self, k: int, end: int, reach: int = 12) -> str | None:
        """The first clause punctuation or complementizer ("an") within ``reach`` tokens of k."""
        for q in range(k, min(end, k + reach)):
            if self.is_comp(q):
                return "an"
            if self.is_punct(q):
                return self.norm(q)
        return None

    def _abbrev_dot(self, q: int) -> bool:
        """The dot of an abbreviation (د.ب.أ، أ.ف.ب), not a full stop."""
        return self.norm(q) == "." and q > 0 and self.toks[q - 1].kind == "word" and len(self.norm(q - 1)) == 1 \
            and self.toks[q - 1].end == self.toks[q].start

    def _cue_object(self, k: int, end: int, entry: CueEntry) -> bool:
        """A fixed object that belongs to the cue, between its subject and its content:
        بالقول (مضى/اختتم … بالقول), باللوم (ألقى باللوم على), الاتهام (وجّه الاتهام إلى), and
        الانتباه/الأنظار before the cue's own preposition (لفت الانتباه إلى)."""
        n = self.norm(k)
        if entry.needs_word and n == entry.needs_word and n in _CUE_OBJECTS:
            return True
        if entry.needs_word in _CUE_OBJECTS and k + 1 < end and \
                (self.norm(k + 1) == entry.needs_word or self.norm(k + 1) in entry.needs_also) and \
                (_strip_al(n) in self.lex.media_nouns or self.bare(k) in self.lex.media_nouns):
            return True         # اختتم الوزير تصريحاته بالقول
        return n in ("الانتباه", "الانظار", "النظر") and k + 1 < end and \
            (self.norm(k + 1) in entry.preps or self.bare(k + 1) in entry.preps)

    _ADJUNCT_PREPS = frozenset({"في", "علي", "خلال", "عبر", "امام", "لدي", "عقب", "اثر", "اثناء", "وسط",
                                "ضمن", "بعد", "قبل", "منذ", "حول", "بشان", "بخصوص", "حيال", "عن", "تعليقا",
                                "ردا", "تعقيبا", "معلقا"})

    def _adjunct_at(self, k: int, end: int, entry: CueEntry) -> str | None:
        """An adjunct phrase right after a cue or its subject, before the content: a
        preposition that is not the cue's own (قال عن الملف: …، علق على خطاب الحوثي قائلا،
        أكد في ختام الاجتماع أن) → "pp"; دون/بدون (أن …) → "without"."""
        if k >= end or self.toks[k].kind != "word":
            return None
        n = self.norm(k)
        if n in ("دون", "بدون") or (n == "من" and k + 1 < end and self.norm(k + 1) in ("دون", "خلال")):
            return "without" if n != "من" or self.norm(k + 1) == "دون" else "pp"
        if n in entry.preps or self.bare(k) in entry.preps or (entry.subject == "reporting" and n == entry.inner):
            return None
        if n in _ONE_WORD_ADJUNCTS or self.bare(k) in _MANNER:
            return "pp"               # أوضح خلاله أن، أشارت وبوضوح إلى
        if entry.np and n in ("حول", "بشان", "بخصوص", "حيال", "عن"):
            return None               # أوردته وكالة … بشأن …: a topic, the content of a bare-NP cue
        if n in self._ADJUNCT_PREPS and k + 1 < end and self.toks[k + 1].kind in ("word", "number") and \
                not (n == "امام" and self._imam(k)):
            return "pp"
        if n == "من" and k + 1 < end and self.toks[k + 1].kind == "word" and "من" not in entry.preps and \
                (self.norm(k + 1).startswith("ال") or self.norm(k + 1).endswith(("ها", "هم", "ه"))):
            return "pp"               # ذكر من أسبابها …
        if "ب" not in entry.preps and self.toks[k].kind == "word" and \
                (n in _MANNER or (n.startswith("بال") and len(n) > 5 and n not in ("بالقول",))):
            return "pp"               # قال بلهجة تحد …، أكد بالتزامن مع …
        if n[:1] == "ل" and len(n) >= 5 and self.toks[k].kind == "word" and "ل" not in entry.preps and \
                not self.is_comp(k) and n not in ("لكنه", "لكنها", "لكنهم", "ولكن", "لذلك", "لقد") and \
                k > 0 and not self.is_cue_tok(k):
            return "pp"               # قال كاميرون لتلاميذ مدرسة …: whom he spoke to
        return None

    def _apposition_start(self, k: int) -> bool:
        """May a parenthetical after a comma start here (، وزير الخارجية، / ، وهو من … ،)?"""
        n = self.norm(k)
        if n in ("وهو", "وهي", "وهم", "الذي", "التي", "الذين", "هو", "هي", "خلال", "اثناء", "لدي", "عقب",
                 "في", "بعد", "قبل", "عند", "ضمن", "من"):
            return True
        if self.is_quote(k) and k in self.opening:
            return True
        h, _ = self.head_of(k, min(len(self.toks), k + 4))
        if h is not None:
            return True
        if self._name_start(k) and not self.is_cue_tok(k):
            return not n.endswith("ا")      # a plain name (، نصر الدين بن حديد :), not an adverb (علما)
        if n.startswith("ال") and len(n) >= 6 and n.endswith("ه") and \
                self.norm(k + 1) in ("علي", "في", "من", "الي", "عن") and not self.is_cue_tok(k):
            return True                     # ، الواقعة على الحدود مع العراق، / ، التابعة للحكومة،
        return False

    def _comma_between(self, a: int, b: int) -> bool:
        return any(self.is_punct(x, {",", "،"}) for x in range(a, b))

    def _paren_speech(self, k: int) -> int | None:
        """Round 9: round brackets used as quotation marks for words spoken (nested speech inside an
        eyewitness's quotation: صاحت الشرطة قائلة لها (ألقي حقيبتك) وكانت المرأة تقول (لن أستسلم).):
        token k is "(" and its ")" closes the clause (followed by a full stop, a quote mark, a comma
        or a و- word), not a name or an acronym in brackets.  Returns the ")" token."""
        if k >= len(self.toks) or self.norm(k) != "(" or k + 1 >= len(self.toks) or \
                self.toks[k + 1].kind != "word" or self._in_name_entity(k + 1) or self._time_at(k + 1) or \
                any(ch.isdigit() for ch in self.text[self.toks[k + 1].start:self.toks[k + 1].end]):
            return None          # (not a date or an age: اليوم (الاثنين)، (34 عاما))
        q = k + 1
        while q < len(self.toks) and q < k + 40 and self.norm(q) not in (")", "("):
            if self.is_quote(q):
                return None
            q += 1
        if q >= len(self.toks) or self.norm(q) != ")":
            return None
        if q + 1 < len(self.toks):
            t = self.toks[q + 1]
            if not (self.is_punct(q + 1, _SENT_END) or self.is_quote(q + 1) or
                    (t.kind == "word" and t.norm.startswith("و") and not self.is_comp(q + 1))):
                return None
        return q

    def content_end(self, c0: int, sent_end_tok: int) -> tuple[int, int | None]:
        """(end offset, closing-quote token or None) of content starting at token c0."""
        if c0 < len(self.toks) and self.norm(c0) == "(":
            q = self._paren_speech(c0)
            if q is not None:
                return self.toks[q].end, None
        if c0 < len(self.toks) and self.is_quote(c0) and c0 in self.partner:
            q = self.partner[c0]
            if q < sent_end_tok or sent_end_tok <= c0:
                return self.toks[q].end, q
            # the pairing ran past the sentence (a stray quote inside): a quote closing the
            # sentence ends the content there
            last = sent_end_tok - 1
            while last > c0 and self.is_punct(last, _SENT_END):
                last -= 1
            if self.is_quote(last) or self.toks[q].start - self.toks[c0].start > 1500:
                return self.toks[last].end, (last if self.is_quote(last) else None)
            return self.toks[q].end, q
        if sent_end_tok <= c0:
            return self.toks[c0].end if c0 < len(self.toks) else len(self.text), None
        if self.is_quote(c0) and c0 not in self.partner:
            x = bisect_left(self._quote_toks, c0 + 1)
            if x < len(self._quote_toks) and self._quote_toks[x] < sent_end_tok:
                q = self._quote_toks[x]
                return self.toks[q].end, q
        # an opening quote inside that closes beyond the sentence: run to it
        last = sent_end_tok - 1
        keys = self._partner_keys
        x = bisect_left(keys, c0)
        while x < len(keys) and keys[x] < sent_end_tok:
            k = keys[x]
            x += 1
            if self.partner[k] >= sent_end_tok and \
                    self.toks[self.partner[k]].start - self.toks[k].start < 1500:
                return self.toks[self.partner[k]].end, self.partner[k]
        return self.toks[last].end, None

    # -- per sentence ---------------------------------------------------------
    def _sentence(self, si: int) -> None:
        lo, hi = self.sent_tok_range(si)
        if hi <= lo:
            return
        i = lo
        while i < hi:
            if self.toks[i].kind == "word" and self.bare(i) in self.lex.speaker_verbs:
                self._latent_at(i, lo, hi)
            elif self.toks[i].kind == "word" and self.bare(i) in _LISTENED_TO and i + 2 < hi and \
                    self.norm(i + 1) in ("الي", "الى"):
                self._latent_at(i + 1, lo, hi, vso=True)   # round 10: الاستماع إلى محافظ عدن X …، وأشار
            if i in self.cue_at and i not in self._aside_done:
                att = self._try_cue(i, lo, hi, si)
                if att is None and i > lo and self.norm(i - 1) in ("ما", "بما", "لما", "عما", "مما") and \
                        self.toks[i].kind == "word" and self.cue_entry_at(i, ("verb",)) and \
                        self.bare(i).endswith(("ه", "ها")) and self.bare(i) != "بين":
                    self._latent_at(i, lo, hi, vso=True)   # round 10: بما قاله الرئيس X …، حيث أكد: X speaks on
                if att is not None:
                    self.atts.append(att)
                    self.atts.extend(self._pending)
                    self._pending = []
                    nxt = max(i + 1, att.cue_tok[1])
                    if att.mention and att.mention[0] >= self.toks[i].start:
                        while nxt < hi and self.toks[nxt].start < att.mention[1]:
                            nxt += 1          # a name inside the subject (العميد روي …) is no cue
                    i = nxt
                    continue
            i += 1

    def _latent_at(self, k: int, lo: int, hi: int, vso: bool = False) -> None:
        """The subject of a speech-act verb that is not a cue (أشاد، دعا، أعرب، دانت …) is a
        candidate speaker for a later cue without a subject (… ولفت في تصريح له إلى أن …);
        also ``وكان X شكك``: the noun phrase between كان and the verb."""
        if not vso and k > lo and self.norm(k - 1) not in ("و",) and not self.is_punct(k - 1) and not self._frame_word(k - 1):
            # وكان ساركوزي شكك: the subject sits between كان and the verb
            a = k - 1
            while a > lo and k - a <= 4 and self.norm(a - 1) not in _KANA and not self.is_punct(a - 1):
                a -= 1
            if a > lo and self.norm(a - 1) in _KANA and a < k:
                sr = self.resolve_mention(a, k, gender="f" if self.bare(k).endswith("ت") else "m")
                sr.extra.setdefault("_latent", True)
            return
        a = self.skip_time(k + 1, hi)
        if a >= hi:
            return
        head, _ = self.head_of(a, hi)
        if head is not None and head.unnamed and head.plural and self.bare(k) in _DIRECTIVES:
            return             # وطالب المواطنين بالالتفاف …: whom it urged, not a speaker
        if head is not None:
            e = self.np_end(a, hi, allow_pp=True)
            if head.title or head.kind in ("official", "unknown"):
                e = min(e, self.np_end_for_name(a, hi))
        elif self._name_start(a):
            e = self.np_end_for_name(a, hi)
            if self.doc.entities and not self._known_name_token(a) and self._entity_end_at(a, hi) <= a and \
                    (e == a + 1 or any(self._entity_end_at(x, hi) > x for x in range(a + 1, e))):
                return         # رفض دفعَ إدارة أوباما بأن …: the object (a verbal noun), not a name
        elif self._entity_end_at(a, hi, ("PERS",)) > a:
            e = self._entity_end_at(a, hi, ("PERS",))   # round 9: من جهته، دعا إردوغان إلى …: a named person
        elif self.norm(a).startswith("ال") and self.toks[a].kind == "word" and self.bare(k).endswith("ت"):
            e = a + 1          # المنامة، المملكة العربية السعودية: the word and its nisba adjectives
            while e < hi and self.norm(e).startswith("ال") and self.norm(e).endswith(("يه", "ي")):
                e += 1
        else:
            return
        if head is not None and head.title and e < hi and self.is_quote(e) and e in self.opening and \
                self.partner.get(e, hi) - e <= 6 and self._name_start(e + 1):
            e = self.partner[e] + 1    # هنأ أمين عام اللجنة "عبد الإله الشريف": the quoted name is his
        while e > a + 1 and self.norm(e - 1) in _PREPOSITIONS | {"الى", "إلى"}:
            e -= 1             # ونوهت الجميلي إلى …: the preposition is the verb's
        if e > a and not any(self.is_comp(x) for x in range(a, e)):
            g = "f" if self.bare(k).endswith("ت") else "m"
            sr = self.resolve_mention(a, e, gender=g)
            sr.extra.setdefault("_latent", True)

    def _try_cue(self, i: int, lo: int, hi: int, si: int) -> _Att | None:
        for m, entries in self.cue_at[i]:
            for e in entries:
                fn = {"verb": self._verb, "part": self._participle, "prep": self._prep,
                      "nominal": self._nominal, "docverb": self._docverb, "light": self._light,
                      "nomgen": self._nominal_genitive}[e.type]
                att = fn(m, e, lo, hi, si)
                if att is not None and not self._pending and self._not_reported(att, hi):
                    return None
                if att is not None:
                    return att
        return None

    def _not_reported(self, att: _Att, hi: int) -> bool:
        """Round 11 (blind10 decisions): a cue whose content shows it is no report — a directive
        after أكد/شدد على (أكد على أن تتضمن …، مشددا على سرعة إنجاز …: a subjunctive verb or a noun
        urging an action; not أهمية/ضرورة) or recognition after اعترف بـ (اعترفت بشرعية المجلس،
        اعترفت بالانقلاب; not اعترف باستلام …)."""
        c0 = att.content_tok
        lemma = att.entry.lemma
        if c0 is None or c0 >= hi or self.toks[c0].kind != "word" or att.position != "after":
            return False
        if lemma in ("أكد", "شدد"):
            if c0 - 2 >= 0 and self.norm(c0 - 1) == "ان" and self.norm(c0 - 2) in ("علي", "على"):
                n = self.bare(c0)
                if n[:1] == "ي" and len(n) >= 3 and not self._in_name_entity(c0):
                    return True      # أكد على أن يُراعى …
                if n[:1] == "ت" and 4 <= len(n) <= 6 and not n.endswith(("ه", "ات")) and n != "تلك" and \
                        not self._masdar_like(c0, shape_only=True) and not self._in_name_entity(c0):
                    return True      # أكد على أن تشتمل الخطبة …
            if self.norm(c0 - 1) in ("علي", "على") and _strip_al(self.bare(c0)) in self.lex.directive_heads:
                return True
        if lemma == "اعترف":
            n = self.bare(c0)
            if n[:1] == "ب" and _strip_al(n[1:]) in self.lex.recognition_objects:
                return True
        return False

    _FRAME_NOUNS = frozenset({"الصدد", "الخصوص", "الشان", "السياق", "الاطار", "المجال", "الاتجاه"})

    def _frame_adverb(self, j: int) -> int:
        """بهذا الصدد، في هذا السياق، بهذا الخصوص: an adverbial, never a subject (its length)."""
        if self.bare(j) in ("بهذا", "بهذه", "لهذا", "في", "فى") and self.norm(j + 1) in self._FRAME_NOUNS:
            return 2
        if self.bare(j) in ("في", "فى") and self.norm(j + 1) in ("هذا", "هذه") and self.norm(j + 2) in self._FRAME_NOUNS:
            return 3
        return 0

    def _np_head_ok(self, c0: int, e: CueEntry) -> bool:
        """A cue with ``np_heads`` takes a bare noun-phrase content only when it opens with one
        of them (جددت الوزارة موقف البحرين …، مكررا التزام الاتحاد …; not جددت القوات قصفها)."""
        if not e.np_heads:
            return True
        n = _strip_al(self.bare(c0)) if c0 < self._ntok else ""
        return any(n.startswith(_strip_al(h)) for h in e.np_heads)

    def _needs_word_at(self, k: int, e: CueEntry) -> bool:
        """The word a cue needs (حمّل … المسؤولية), with or without its article (حمّلت X مسؤولية Y)."""
        n, w = self.norm(k), e.needs_word
        if n in e.needs_also and w == "بالقول":
            # round 9: اختتم X كلمته بأن …: بأن counts only right after a speech noun (not أعماله بأن أوصى)
            return k > 0 and (self.bare(k - 1) in self.lex.media_nouns or
                              _strip_al(self.bare(k - 1)) in self.lex.media_nouns)
        return n == w or (w.startswith("ال") and n == w[2:]) or n in e.needs_also or _strip_al(n) in e.needs_also

    def _neg_before(self, i: int) -> bool:
        return i > 0 and self.norm(i - 1) in _NEG

    def _verb(self, m, e: CueEntry, lo: int, hi: int, si: int) -> _Att | None:
        i, iend = m.tok_start, m.tok_end
        if e.needs_word and not any(self._needs_word_at(k, e) for k in range(iend, min(hi, iend + 7))) and \
                not (e.needs_word == "بالقول" and
                     any((self.cue_entry_at(k, ("part",)) or (None, CueEntry("", "")))[1].lemma == "قال"
                         for k in range(iend + 1, min(hi, iend + 7)))):
            # (round 8: ختم X قائلا «…» like ختم X بالقول — the verb is the cue, GUIDELINES blind6)
            # حمّل X، رئيس حزب …، إيران مسؤولية …: an apposition between commas may come first
            commas = [k for k in range(iend, min(hi, iend + 16)) if self.is_punct(k, {",", "،"})]
            if len(commas) < 2 or commas[1] - commas[0] > 10 or \
                    not any(self._needs_word_at(k, e) for k in range(commas[1] + 1, min(hi, commas[1] + 5))) or \
                    any(self.is_comp(k) for k in range(iend, commas[1])):
                return None
        prev = self.norm(i - 1) if i > lo else ""
        if e.lemma == "بين" and m.prefix == "" and self._bayna_prep(i, lo):
            return None          # round 10: أغلبية بين سكانها (the preposition), not بيّن (explained)
            return None          # round 9: شبهة (suspicion; normalised like شبهه): بشبهة …
        rel_head = None
        if i > lo and m.prefix == "" and _strip_al(prev) in self.lex.title_words:
            return None          # العميد روي الكبيتس: a name after a title
        if m.prefix == "" and self.bare(i) in self.lex.carried_by and i > lo and \
                (prev in _CARRIED_NOUNS or (i - 2 >= lo and self.norm(i - 2) in _CARRIED_NOUNS)):
            return None          # في نبأ أوردته وكالة …: a carrier, the agency is the via (round 7)
        if m.prefix == "" and prev in ("الذي", "التي") and i - 2 >= lo and \
                self.norm(i - 2) in ("الامر", "والامر", "الشيء", "الوضع", "الحادث", "الخطوه", "القرار") and \
                not (e.lemma in ("وصف", "شبه") and self.bare(i).endswith(("ه", "ها", "هم", "هما"))):
            return None          # …، الأمر الذي يشير إلى …: evidence, not a speaker (round 7, like مما يؤكد)
            # (round 10: الأمر الذي وصفه بـ«…»: the thing described, the speaker is implicit)
        if prev in ("ان", "بان") and m.prefix == "" and \
                any(self.bare(x) in _OBLIGATION for x in range(max(lo, i - 7), i - 1)):
            return None          # round 10: يتعين على الدولة أن يعلنا بوضوح أن …: an obligation, no report (blind9)
        if prev in ("مما",) and m.prefix == "":
            return None          # … مما يؤكد أنهم أحضروها: evidence, not a speaker (blind5)
        if prev in ("تم", "يتم", "جري", "يجري", "سيتم", "وتم", "عدم", "بعدم", "لعدم", "اثر", "عقب", "اثناء",
                    "رافضا", "رافضه", "رافضين", "طالبا", "طالبه", "مفضلا", "مفضله",
                    "جراء", "بسبب", "رغم", "برغم", "بعيد", "لدي", "حيال", "ازاء", "بشان", "حول") or \
                (prev in _PREPOSITIONS and m.prefix == "" and not self._pers_tok(i - 1)):
            return None          # a verbal noun (تم كشف النقاب، عن وصف تلك الأيام): no speaker
            # (round 10: not the name علي — زين العابدين بن علي يقول …)
        if e.agr == "1" and not any(a.content and a.content[0] <= m.start < a.content[1]
                                    for a in self.atts[-6:]):
            return None          # نقول: … outside a quotation is the author's own voice
        if e.agr == "1" and e.lemma == "رأى" and \
                prev not in ("نحن", "ونحن", "انا", "وانا", "لكننا", "ولكننا", "اننا", "فاننا", "لكني", "لكنني", "انني"):
            return None          # round 11: «نرى أن …» — the speaker's own view inside his words (blind10);
            # ونحن نرى أن … (with the pronoun, final) stays a cue
        if e.lemma == "وجه" and m.prefix == "" and \
                self.bare(self.skip_time(iend, hi)) in ("اتهامات", "تهمه", "تهما", "تهم", "اتهاما") if iend < hi else False:
            return None          # round 11: وُجّهت اليوم اتهامات لـ …: an indefinite charge right after the verb is
            # the agentless passive (blind10); وجهت الاتهام … (an earlier subject goes on, blind2) stays
        if prev in ("ما", "بما", "مما", "وما") and m.prefix == "" and iend < hi and e.preps and \
                (self.norm(iend) in {_n(p) for p in e.preps} or self.norm(iend) in ("علي", "الي")
                 and {_n(p) for p in e.preps} & {"على", "علي", "إلى", "الى", "الي"}):
            return None          # round 11: ما أُعلن عن إحباط …: the passive, no speaker before the preposition
        if e.role == "accuse" and e.type == "verb" and iend < hi and self.norm(iend).startswith("ب") and \
                self.toks[iend].kind == "word":
            return None          # واتهم بجريمة …: the passive, nobody accuses in the text
        if e.lemma == "نسب" and iend < hi and self.norm(iend) in ("الي", "الى", "ل"):
            return None          # اعتداءات تُنسب إلى مجموعات …: the passive, nobody attributes in the text
        self._ma_min_an = False
        if e.lemma in ("قال", "ذكر") and self.bare(i).endswith("ه"):
            # round 10: ما قاله X … من أن … (the content given by من أن); ما قاله X alone refers to
            # words reported elsewhere and is no cue (GUIDELINES blind9)
            p = next((k for k in range(iend, min(hi - 1, iend + 30)) if self.norm(k) == "من" and self.is_comp(k + 1)),
                     None)
            if prev not in ("ما", "بما", "لما", "عما", "وما") or p is None or \
                    any(self.is_quote(k) or self.is_punct(k, {":", "."}) or self.is_cue_tok(k) for k in range(iend, p)):
                return None
            self._ma_min_an = True
        if e.lemma == "أكد" and self.bare(i).endswith("ه") and self._resumptive_frame(i, lo) is None and \
                self.norm(i - 1) not in ("ما", "كما", "حسبما", "مثلما"):
            return None          # أكده/أكدته (object pronoun): only in وهو ما أكده … / كما أكده …
        if iend < hi and self.norm(iend) == "ذلك" and si > 0 and e.agr in ("m", "f") and \
                self._clause_start(i, lo):
            att = self._that_before(m, e, iend + 1, hi, si)
            if att is not None:
                return att
        resumptive = iend < hi and self.norm(iend) in ("به", "بها", "بهم", "عنه", "عنها", "فيه", "فيها", "اليه", "اليها")
        ra_fihi = False
        if resumptive:
            if e.lemma == "رأى" and self.norm(iend) in ("فيه", "فيها", "فيهم") and prev in _REL_PRONOUNS and \
                    iend + 1 < hi and self.toks[iend + 1].kind == "word" and not self.is_comp(iend + 1):
                ra_fihi = True       # round 10: المجتمع المدني الذي يرى فيه تهديدات …: a cue (blind7/blind9)
            elif not any(self.is_comp(k) for k in range(iend + 1, min(hi, iend + 6))):
                return None          # ما صرح به ساركوزي: a relative clause, its content is elsewhere
            iend += 1                # تقول فيه الحكومة إنها …
        neg = self._neg_before(i)
        j = self.skip_time(iend, hi)
        while j < hi and (self.norm(j) in _ADVERBS and (self.norm(j) not in ("له", "لها", "لهم", "لي", "لنا") or
                                                      # round 9: قال له/لي الضابط إن …: whom he told, then the subject
                                                      j + 1 < hi and self.toks[j + 1].kind == "word" and
                                                      not self.is_comp(j + 1) and
                                                      (self.norm(j + 1).startswith("ال") or self._given(j + 1) or
                                                       self._in_name_entity(j + 1))) or
                          self._frame_adverb(j)):
            j = self.skip_time(j + (self._frame_adverb(j) or 1), hi)   # قال مرارا إن، شددت بهذا الصدد على
        pre_via = []
        # an addressee before the subject (وقال لـ"الرياض" الشيخ فالح …)
        if j < hi and self.is_addressee_at(j, hi) and self.norm(j) not in ("له", "لها", "لهم", "لي", "لنا"):
            k0 = j + 1 if self.norm(j) in ("ل", "لـ") else j
            if k0 < hi and self.is_quote(k0) and k0 in self.partner:
                k1 = self.partner[k0] + 1
            else:
                k1 = max(self.np_end(k0, hi, allow_pp=False), k0 + 1)
            if k1 < hi and not self._boundary_first(self.skip_time(k1, hi), hi, e):
                pre_via = self._via_between(j, k1, hi)
                j = self.skip_time(k1, hi)
        elif e.addressee and j + 1 < hi and self.is_quote(j) and j in self.opening and j in self.partner and \
                2 <= self.partner[j] - j <= 5 and self.partner[j] + 1 < hi and \
                self.toks[self.partner[j] + 1].kind == "word" and \
                self.head_of(self.partner[j] + 1, hi)[0] is not None:
            # round 10: أبلغ "الاقتصادية" مصدر في الوزارة أن …: the quoted outlet first is whom he told
            ts = self.resolve_mention(j + 1, self.partner[j])
            ts.extra["_via_last"] = True
            pre_via = [(ts, "told", self._span(j + 1, self.partner[j]))]
            j = self.partner[j] + 1
        subj = full_subj = full_lic = None
        name_part = None            # the name of a subject with an apposed title (its identity)
        obj_after = False
        j_first = e.agr == "1"      # أكدنا، نقول: the quoted speaker, never a subject in the text
        if j < hi and not j_first and self.norm(j) in _PRONOUNS:
            j_first = True          # تكشف هي الأخرى عن …: the subject is before the verb
        if e.agr in ("mp", "fp", "d"):
            j_first = True
        direct = j < hi and e.agr in ("m", "f") and e.lemma in _DIRECT_SPEECH and self.norm(j) in ("نحن", "انا") \
            and not self._neg_before(i)
        if direct:
            j_first = True          # وأضاف نحن نبارك هذه الخطوة: direct speech without a colon
        if j < hi and self._cue_object(j, hi, e):
            j_first = True          # ومضى بالقول "…": no subject after the verb
        if j < hi and e.lemma == "عد" and self.is_quote(j):
            j_first = True          # وعدّتها «مغذية للطائفية»: the quote is what it was deemed
        wasf_quote = False
        if j + 1 < hi and e.lemma in ("وصف", "شبه") and self.bare(i).endswith(("ه", "ها", "هم", "هما")) and \
                self.is_quote(j) and self.toks[j + 1].kind == "word" and \
                self.doc.text[self.toks[j + 1].start:self.toks[j + 1].end].startswith("ب"):
            j_first = True          # round 9: شبهه "بطائفة الموت": the description, no subject after it
            wasf_quote = True
        if i - 2 >= lo and self.is_comp(i - 1) and self.bare(i - 2) == "سبق":
            j_first = True          # نبيه بري، سبق أن أكد استعداد لبنان …: the subject is before سبق
        if i > lo and self.norm(i - 1) in _REL_PRONOUNS and m.prefix == "" and \
                not ((len(self.norm(i)) > 4 or e.lemma in ("وصف", "شبه")) and self.norm(i).endswith(("ه", "ها", "هم", "هما"))) and \
                {"الذي": ("m",), "التي": ("f",), "الذين": ("mp",), "اللواتي": ("fp",),
                 "اللاتي": ("fp",)}.get(self.norm(i - 1), (e.agr,)).__contains__(e.agr) and \
                not self._explicit_subject_to_comp(j, hi):
            j_first = True          # تنظيم داعش الذي أعلن الحرب: the relative's head is the subject
            rel_head = self._relative_head(i - 1, lo)
        if rel_head is None and e.agr == "mp" and m.prefix == "" and i - 1 >= lo and self.toks[i - 1].kind == "word" and \
                not self._in_name_entity(i - 1) and not self.is_cue_tok(i - 1):
            w = self.bare(i - 1)
            w0 = w[1:] if w[:1] in ("و", "ف") and w[1:2] == "م" else w
            if w0[:1] == "م" and len(w0) >= 6 and w0.endswith(("ون", "ين")) and not w0.startswith("ال"):
                # round 11: … ومتشددين يعلنون تشككهم: an indefinite plural participle before a plural verb
                # heads an unmarked relative clause (no relative pronoun after an indefinite noun; blind10)
                rel_head = (i - 1, i)
                if w0 != w:
                    self._conj_tok.add(i - 1)
        strict = e.lemma in ("تحدث", "تكلم", "نسب", "بين", "جزم", "قطع", "اشتبه", "شرح", "برر") or len(e.lemma.split()) > 1
        if j < hi and not j_first and not self._boundary_first(j, hi, e):
            sj = self.np_end(j, hi, entry=e)
            for x in range(j + 1, sj):
                if self.bare(x) in _ANON_ADJUNCT and self.norm(x + 1) in _ANON_OBJECTS:
                    sj = x            # قال المسؤول طالبا عدم ذكر اسمه: the subject ends before the request
                    break
            if sj > j:
                full_lic = self.licence(sj, hi, e)
                if full_lic is None or full_lic[0] == "stop":
                    rq = self._relative_to_comp(j, sj, hi, e)
                    if rq is not None:      # قال القائد الذي رفض الإفصاح عن هويته إن …
                        sj = rq
                        full_lic = self.licence(sj, hi, e)
                if full_lic is not None and full_lic[0] == "an" and \
                        any(self.norm(x) in _REL_PRONOUNS for x in range(j + 1, sj)):
                    sj2 = self._relative_to_licence(j, sj, hi, e, full_lic)
                    if sj2 is not None:     # round 10: وأضاف إبراهيم الذي سيمثل أمام المحكمة في ألمانيا بأنه …
                        sj = sj2
                real = full_lic is not None and full_lic[0] in ("an", "colon", "quote", "prep", "nominal", "direct")
                if strict and not self.source_like(j, sj):
                    return None
                elif real and not (e.np and full_lic[0] == "prep" and not self.source_like(j, sj)):
                    subj = full_subj = (j, sj)
                    ne = self.np_end_for_name(j, hi)
                    apposed = full_lic[0] in ("an", "colon", "quote") and j < ne < sj and \
                        (self.head_of(ne, sj)[0] or HeadEntry("", "")).title      # X المتحدث الرسمي لـ …، أن
                    if apposed and not self.norm(j).startswith("ال"):
                        name_part = (j, ne)
                    if not apposed and j < ne < sj and full_lic[0] == "prep" and self._apposition_to(j, ne, sj, e):
                        apposed = True      # round 10: أكد X أستاذ … على، أفاد مدير مكتب … بلبنان وليد … بـ
                    if j < ne < sj and not (e.np_subject and full_lic[0] in ("an", "colon", "quote")) and \
                            not apposed and self._subject_stops_at(j, ne, sj, hi, e, full_lic):
                        subj = (j, ne)
                        obj_after = full_lic[0] == "prep"      # حذر الشبلي عملاء إيران من …
                    elif e.lemma in _REAL_OBJECT:
                        # round 9: اتهم الوزير | إسرائيل بأنها …، اتهم الوزير يوسف X | إسرائيل بـ …: a country
                        # after a definite word or a person's name is the object (not وزير خارجية إسرائيل)
                        x = next((x for x in range(j + 1, sj) if self.toks[x].kind == "word" and
                                  self._entity_end_at(x, sj, ("LOC", "GPE")) > x and
                                  (self.norm(x - 1).startswith("ال") or self._in_name_entity(x - 1)) and
                                  self.norm(x - 1) not in _PREPOSITIONS | {"الي", "علي", "لدي", "عن", "في"} and
                                  not self._given(x) and
                                  not self._pers_tok(x)), None)
                        if x is not None:
                            subj = (j, x)
                            obj_after = True
                elif e.np and self.source_like(j, sj):
                    subj = (j, min(sj, self.np_end_for_name(j, hi)))
                elif e.np and self.toks[j].kind == "word" and self.norm(j)[:1] not in ("ل", "ب") and \
                        j < self._entity_end_at(j, sj, ("LOC", "GPE")) <= sj < hi and \
                        self.toks[self._entity_end_at(j, sj, ("LOC", "GPE"))].kind == "word":
                    # round 8: a country or city as the subject (ونفت إيران | أي تدخل), coordinated ones
                    # too (أعلنت الولايات المتحدة وتركيا | نيتهما)
                    ee = self._entity_end_at(j, sj, ("LOC", "GPE"))
                    while ee < sj and self.norm(ee)[:1] == "و" and \
                            ee < self._entity_end_at(ee, sj, ("LOC", "GPE", "ORG")) < sj:
                        ee = self._entity_end_at(ee, sj, ("LOC", "GPE", "ORG"))
                    subj = (j, ee)
                elif e.np and j < self.np_end_for_name(j, hi) < sj and \
                        self.source_like(j, self.np_end_for_name(j, hi)) and \
                        self._np_object_start(self.np_end_for_name(j, hi)):
                    subj = (j, self.np_end_for_name(j, hi))   # أعلنت المقاومة الشعبية اليمنية | بسط نفوذها …
                elif not e.np:
                    subj = (j, sj)
                elif sj - j <= 5 and sj < hi and (self._time_at(sj) or self.is_medium_at(sj, hi) or
                                                  self.is_addressee_at(sj, hi) or self.norm(sj) in ("قد",)) \
                        and self.toks[j].kind == "word" and self.norm(j) not in _PREPOSITIONS:
                    subj = (j, sj)      # أعلنت اللجان الشعبية اليوم …: a subject, whatever its head
        left = None
        if subj is not None and m.prefix == "" and not (e.agr == "1"):
            lk = self.left_subject(i, lo)
            if lk is not None and (lk[0] - 1 >= lo and self.norm(lk[0] - 1) in _KANA and
                                   self.norm(lk[0] - 1) not in ("قد", "لقد") or
                                   self.norm(lk[1]) in ("كان", "كانت", "كانوا")) and not self.source_like(*subj):
                subj, left = None, lk    # وكانت محكمة الاستئناف أكدت إدانته / أن الوزارة كانت (قد) أعلنت …: SVO
        if subj is None and not (e.agr == "1") and m.prefix == "" and not wasf_quote:
            left = left or self.left_subject(i, lo)
        if subj is None and rel_head is not None and \
                (left is None or left[1] == rel_head[1] and
                 not any(self._in_name_entity(x) or self._given(x) for x in range(left[0], rel_head[0]))):
            left = rel_head          # واشنطن التي تتهم النظام …، المجتمع الدولي الذي يعتبر …
            # (round 10: not a left subject that runs back over a verb: وصفق الجمهور للنجم الذي تحدث)
        if subj is None and left is None and rel_head is None and prev == "ان" and m.prefix == "" and \
                self.bare(i)[:1] in ("ي", "ت") and not (j < hi and (self.is_comp(j) or self.is_punct(j, {":"}))) and \
                any(a.content and a.content[0] <= m.start < a.content[1] for a in self.atts[-4:]):
            return None          # round 10: توقع X أن يُعلن خلال الأيام القادمة عن …: a predicted act, no speaker
        if subj is None and left is None and rel_head is None and m.prefix == "و" and self.bare(i)[:1] in ("ي", "ت") and \
                not (j < hi and (self.is_comp(j) or self.is_punct(j, {":"}) or self.is_quote(j))) and \
                self._descriptive_chain(i, lo):
            return None          # round 10: فتوى تدين جرائم داعش وتكشف عن خطورتها: a chain of descriptive predicates
        if strict and subj is None and left is None and not (j < hi and (self.is_comp(j) or self.norm(j) == ":")) and \
                not (e.lemma == "تحدث" and m.prefix == "و" and j == iend and j + 1 < hi and self.norm(j) == "عن" and
                     self.toks[j + 1].kind == "word" and
                     any(a.src is not None and a.sent >= si - 1 for a in self.atts[-3:])):
            # (round 10: وتحدث عن المدة التي … right after the speaker's own words: a cue, blind8/blind9)
            return None
        # an impersonal form right before a complementizer is the outlet's voice or a hedge
        if subj is None and left is None and _n(self.text[m.start:m.end]) in self.lex.impersonal and \
                iend < hi and (self.is_comp(iend) or (self.norm(iend) in ("الي", "الى") and self.is_comp(iend + 1))):
            return None
        if subj is not None and e.lemma in ("وصف", "شبه") and not self.source_like(*subj) and \
                not self.bare(i).endswith(("ه", "ها", "هم", "هما")) and \
                full_lic is not None and full_lic[0] in ("an", "prep") and subj[1] - subj[0] <= 4 and \
                not any(self.is_punct(x) for x in range(subj[0], subj[1])):
            subj = full_subj = None   # round 8: ووصف القتال بأنه «شرس»: the described object, pro-drop subject
        if subj is not None and e.np and not neg and self._non_speaker(subj) and \
                not (self.norm(subj[1]) if subj[1] < hi else "").startswith(("ان", "بان")):
            subj = full_subj = None   # round 8: كما أكد | أهمية دور مصر …: the noun phrase is the content
        elif self._non_speaker(subj or left or rel_head):
            return None          # round 8: الوضع في اليمن يؤكد أن …: evidence, not a speaker
        if subj is None and m.prefix == "" and i - 1 >= lo and not self.is_punct(i - 1):
            # round 11: تتبع «أيديولوجية متطرفة» ترى أنه …: an indefinite noun phrase (in quotes or not) right
            # before the cue heads an unmarked relative clause; a head that cannot speak makes it no cue
            words = []
            x = i - 1
            while x >= max(lo, i - 4) and (self.is_quote(x) or self.toks[x].kind == "word" and
                                           not self.norm(x).startswith(("ال", "وال", "لل", "بال")) and
                                           not self._in_name_entity(x)):
                if self.toks[x].kind == "word":
                    words.append(x)
                x -= 1
            if any(_strip_al(self.bare(y)) in self.lex.non_speaker_heads for y in words[-2:]):
                return None
        awda = m.prefix == "و" and i - 1 >= lo and self.bare(i - 1) in ("عاد", "عادت")
        if subj is None and (m.prefix == "" or awda) and e.agr in ("m", "f"):
            x = i - 2 if awda else i - 1   # round 11: … أن ما أُعلن عن إحباط المخططات يؤكد أن …: a ما-clause
            while x >= lo and not self.is_punct(x) and not self.is_comp(x) and not self.is_quote(x) and i - x <= 12:
                x -= 1           # subject (what was announced "proves") is evidence, not a speaker (blind10);
            y = x + 1            # also ولكن ما سمعته … عاد وأكد لي أن …
            if y < i - 1 and self.norm(y) in ("لكن", "ولكن"):
                y += 1
            if y < i - 1 and (x < lo or self.is_comp(x) or self.is_punct(x, {",", "،", "؛", ";"})) and \
                    self.norm(y) in ("ما", "وما") and self.toks[y + 1].kind == "word" and \
                    self.bare(y + 1) not in ("جعل", "يجعل", "دفع", "يدفع", "اجبر", "حمل", "دعا",
                                             "زال", "يزال", "تزال", "زالت", "دام", "برح", "انفك"):
                # (not ما زال هناك جماعات ترى …: the negation "still", a subject follows)
                # (not a causative: ما جعل المخابرات تقول إنه … — the object speaks)
                return None
        if subj is not None and e.lemma == "أعلن" and \
                any(self.norm(k) in self.lex.performative_announce for k in range(subj[0], subj[1])):
            return None          # round 9: أعلن خادم الحرمين انطلاق القمة: a deed the subject ran into
        via: list = []
        told = None
        if e.lemma == "أفاد" and not e.addressee and subj is not None:
            # round 8: أفاد مصدر دبلوماسي تركي وكالة فرانس برس، أنه …: the agency told, not the source
            a0, b0 = full_subj or subj
            ne = next((x for x in range(a0 + 1, b0) if self.toks[x].kind == "word" and
                       self.norm(x)[:1] not in ("ل", "ب") and self.norm(x - 1) not in _PREPOSITIONS and
                       not self.norm(x).startswith(("وال", "ول", "وب")) and
                       (self.head_of(x, b0)[0] or HeadEntry("", "")).kind in ("agency", "outlet")), None)
            h = self.head_of(ne, b0)[0] if ne is not None else None
            if h is not None and h.kind in ("agency", "outlet"):
                subj, told = (a0, ne), (ne, b0)
                ts = self.resolve_mention(*told)
                ts.extra["_via_last"] = True
                via.append((ts, "told", self._span(*told)))
        if e.addressee and subj is not None:
            # أبلغ/أخبر: the subject, then whom it told (أبلغت تركيا الأمم المتحدة أنها …;
            # أبلغ "الوطن" ابن الستيني … بأن …)
            a0, b0 = full_subj or subj
            subj = (a0, b0)
            if self.is_quote(a0) and self.partner.get(a0, b0) + 1 < b0 and self.partner[a0] - a0 <= 5:
                told, subj = (a0 + 1, self.partner[a0]), (self.partner[a0] + 1, b0)
            else:
                ne = self.np_end_for_name(a0, hi)
                if a0 < ne < b0 and self.toks[ne].kind == "word":
                    subj, told = (a0, ne), (ne, b0)
                else:
                    # round 9: أبلغ وزير الدفاع الأمريكي اشتون كارتر | رئيس الوزراء العراقي أن …: a title
                    # after the end of a person entity opens whom he told
                    x = next((x for x in range(a0 + 2, b0) if self._pers_tok(x - 1) and not self._pers_tok(x) and
                              (self.head_of(x, b0)[0] or HeadEntry("", "")).title), None)
                    if x is not None:
                        subj, told = (a0, x), (x, b0)
            if told is not None:
                ts = self.resolve_mention(*told)
                ts.extra["_via_last"] = True
                via.append((ts, "told", self._span(*told)))
        if e.lemma == "حذر" and subj is not None and told is None and not obj_after and not self.source_like(*subj) and \
                not any(self._in_name_entity(x) for x in range(*subj)) and \
                self._antecedent(e.agr, i, si) is not None:
            # round 9: وحذر الأسر من …: whom he warned (via, blind8 decision); the speaker is implicit
            told, subj = subj, None
            ts = self.resolve_mention(*told)
            ts.extra["_via_last"] = True
            via.append((ts, "told", self._span(*told)))
        after = told[1] if told else subj[1] if subj else j
        inner = None
        if e.subject == "reporting":
            k = self.skip_time(after, hi)          # نقلت الوكالة اليوم السبت عن …: a time adverb first
            if k < hi and self.is_punct(k, {",", "،"}):
                k = self.skip_time(k + 1, hi)
            pron_inner = False
            if k < hi and e.inner == "عن" and self.norm(k) in ("عنه", "عنها", "عنهم") and subj is not None:
                pron_inner = True     # round 8: نقلت صحيفة X عنه قوله: the outlet cites him (implicit)
                after = k + 1
            if k < hi and self.norm(k) == e.inner:
                a2 = k + 1
                e2 = self.np_end(a2, hi, entry=CueEntry("verb", "_inner", licence=e.licence))
                if e2 > a2:
                    inner = (a2, e2)
                    after = e2
                    if after < hi and self.norm(after) == "القول":
                        after += 1       # نقلت الوكالة عن المسؤول القول إن …
            if inner is None and not pron_inner:
                who = subj or left
                if who is None or not self._reporting_subject(*who):
                    return None

        if e.subject == "document":
            who = subj or left
            if who is None or _strip_al(_n((self.head_of(*who)[0] or HeadEntry("", "")).phrase)) not in _DATA_HEADS:
                return None          # أظهر مسح / أظهرت بيانات: shown by a document, not يظهر (appears)
        self._last_aside = None
        lic = self.licence(after, hi, e)
        aside = self._last_aside
        if e.lemma == "تابع" and (subj is None or not self.source_like(*subj)) and told is None and \
                lic is not None and lic[0] in ("an", "colon", "quote") and \
                not (subj is None and (self.norm(after) in _PREPOSITIONS or self.is_medium_at(after, hi) or
                                       self.is_addressee_at(after, hi))) and \
                any(self.toks[x].kind == "word" and not self._time_at(x) and
                    self.norm(x) not in ("قائلا", "قائله", "بالقول", "القول")
                    for x in range(subj[0] if subj else after, min(lic[2], (subj[0] if subj else after) + 3))) and \
                lic[2] - (subj[0] if subj else after) > 2:
            return None          # round 11: «عكاظ» تابعت الكثير من الصور …: followed (watched); تابع (went on)
            # opens its words right after the subject (blind10)
        stop = None
        if lic is not None and lic[0] == "stop":
            stop, lic = lic[1], None
        if lic is None:
            # inverted: "…"، قال الوزير.  /  …، كما أعلن مكتبه.  (a short tail, then the end)
            # at most 6 (only a tail of 1-5 words matters): QA-8, listing the whole rest of the
            # sentence for every cue was quadratic on long sentences
            tail = list(islice((x for x in range(j, hi) if self.toks[x].kind not in ("punct", "symbol")), 6))
            if inner is None and 0 < len(tail) <= 5 and self._clause_final(tail[-1] + 1, hi) and \
                    self._has_text_before(i, lo) and not any(self.is_comp(x) for x in tail) and \
                    self._inversion_point(i, lo) and self.source_like(tail[0], tail[-1] + 1):
                who = subj if subj is not None else (tail[0], tail[-1] + 1)
                return self._inverted(m, e, lo, hi, si, who, explicit=True)
            ks = self._kama_start(i, lo)
            if inner is None and subj is None and e.agr != "1" and ks is not None and \
                    (left is None or left[0] > ks) and self._has_text_before(i, lo) and \
                    self._inversion_point(i, lo) and self._adjunct_tail(j, hi):
                # …"، كما (سبق و)أعلن خلال زيارته …: a clause-final parenthetical without a subject
                src = self._antecedent(e.agr, i, si)
                if src is not None:
                    att = self._inverted(m, e, lo, hi, si, None, explicit=False)
                    if att is not None:
                        att.src = src
                        att.implicit = True
                        self._touch(src, self.toks[i].start)
                    return att
        if lic is None and direct and stop == j:
            lic = ("np", j, j)
        if lic is None and obj_after and subj is not None and stop is not None and stop == subj[1]:
            lic = ("np", stop, stop)
            if e.role == "accuse" and full_lic is not None and full_lic[0] == "prep":
                lic = full_lic       # اتهم الإصدار حركة طالبان بأنها …: the charge, after its preposition
            elif e.lemma == "حذر" and full_lic is not None and full_lic[0] == "prep" and told is None and \
                    subj[1] < full_lic[2] <= subj[1] + 8 and self.source_like(*subj):
                # round 10: وحذّر أوباما المشرعين الأمريكيين من أن …: whom he warned is a via (blind8 rule)
                ts = self.resolve_mention(subj[1], full_lic[2])
                ts.extra["_via_last"] = True
                via.append((ts, "told", self._span(subj[1], full_lic[2])))
                lic = full_lic
        if lic is None and e.subject == "reporting" and inner is not None:
            lic = self._np_content(after, hi)
        if lic is None and e.np and not neg:
            if subj is not None and stop is not None:
                lic = ("np", stop, stop)
            elif subj is None and left is None and j < hi and self.toks[j].kind == "word" and \
                    not e.np_subject and \
                    not self._boundary_first(j, hi, e) and self._antecedent(e.agr, i, si) is not None:
                lic = ("np", j, j)
            elif subj is None and left is None and stop is not None and j < hi and \
                    self.is_punct(j, {",", "،"}) and aside is None and not e.np_subject and \
                    self._antecedent(e.agr, i, si) is not None:
                lic = ("np", stop, stop)     # round 8: وأكدت، في بيان صادر عن …، تضامنها …
            elif subj is None and left is not None and j < hi and self.toks[j].kind == "word" and \
                    self.norm(j) not in _PREPOSITIONS and (self.source_like(*left) or left == rel_head):
                lic = ("np", j, j)
            elif subj is None and left is not None and stop is not None and stop > j and \
                    not (left[1] < i and self.norm(left[1]) in _REL_PRONOUNS and self._adjunct_at(j, hi, e)):
                lic = ("np", stop, stop)     # وكانت القيادة أعلنت في بيان أمس استشهاد …
        if lic is None and ra_fihi and j < hi:
            lic = ("np", j, j)
        if lic is not None and lic[0] == "np" and not self._np_head_ok(lic[1], e):
            lic = None
        if lic is not None and lic[0] == "prep" and e.lemma in ("أشار", "لفت") and lic[1] == lic[2] + 1 < hi and \
                _strip_al(self.bare(lic[1])) in _TOPIC_MEDIA:
            return None          # round 10: أشارت صحيفة X إلى المقابلة التي أجراها …: a topic, no content (blind9)
        if lic is not None and e.lemma == "أعلن" and lic[0] == "np" and lic[1] + 1 < hi and \
                (self.norm(lic[1] + 1) in self.lex.deeds_announce or
                 self.norm(lic[1] + 1) in self.lex.performative_announce and self.norm(lic[1]).startswith("ال") and
                 self.norm(lic[1]).endswith(("ون", "ين"))):
            lic = None           # round 9: أعلن موقع التواصل تويتر إطلاق …: a deed one word further on
        if lic is not None and e.lemma == "أعلن" and lic[0] == "np" and self.norm(lic[1]) in _REL_PRONOUNS:
            q = lic[1] + 1       # round 10: أعلن التحالف الذي يقاتل قوات الحوثي … وقفا لإطلاق النار: the relative
            while q < hi and q < lic[1] + 14 and not self.is_punct(q) and \
                    self.norm(q) not in self.lex.performative_announce:
                q += 1           # clause is the subject's, the deed comes after it
            if q < hi and self.norm(q) in self.lex.performative_announce:
                lic = None
        if lic is not None and self._performative(after, lic[1] + 1 if lic[0] == "np" else
                                                  lic[1] + 1 if e.lemma == "أعلن" and lic[0] == "prep" else lic[2], hi,
                                                  announce=e.lemma == "أعلن"):
            lic = None           # أعلن مسؤوليته عن، أعلن الحرب، أعلن قيام الخلافة: a deed, not a report
        if lic is not None and lic[0] == "quote" and lic[1] < hi and self.norm(lic[1]) == "(" and \
                subj is None and left is None:
            return None          # round 9: words in round brackets need an explicit speaker (بمثل يقول (…))
        if lic is None:
            if subj is not None and self.source_like(*subj):
                g = _verb_gender(e.agr)
                sr = self.resolve_mention(*subj, gender=g)
                sr.extra.setdefault("_latent", True)
            return None
        if neg and lic[0] not in ("an", "colon", "quote"):
            return None
        att = _Att((m.start, m.end), (i, iend), e, si, role=e.role, cue_type="verb")
        kind, c0, at = lic
        if kind == "participle":
            pm, pe = self.cue_entry_at(c0, ("part",)) or self.cue_entry_at(c0, ("verb",))
            plic = self.licence(pm.tok_end, hi, pe)
            if plic is None or plic[0] in ("participle", "nominal"):
                return None
            if c0 == iend:          # أردف قائلا: one contiguous cue
                att.cue = (m.start, pm.end)
                att.cue_tok = (i, pm.tok_end)
            self._consumed_tok.add(c0)
            kind, c0, at = plic
        if kind == "nominal":
            self._licence_nominals.add(c0)
            nm = self.cue_at[c0][0][0]
            c0 = nm.tok_end
            if c0 < hi and (self.is_punct(c0, {":"}) or self.is_comp(c0)):
                c0 += 1
        # the source
        if e.subject == "reporting" and inner is None and pron_inner:
            os_ = self.resolve_mention(*subj, gender=_verb_gender(e.agr))
            via.append((os_, "cites", self._span(*subj)))
            src = self._antecedent("m" if self.norm(after - 1) == "عنه" else
                                   "f" if self.norm(after - 1) == "عنها" else "mp", i, si)
            att.implicit = True
        elif inner is not None:
            outer = subj or left
            if outer is not None:
                os_ = self.resolve_mention(*outer, gender=_verb_gender(e.agr))
                via.append((os_, "cites", self._span(*outer)))
            elif i not in self._passive_tok:
                ant = self._antecedent(e.agr, i, si)
                if ant is not None:
                    via.append((ant, "cites", None))
            src = self.resolve_mention(*inner)
            att.mention = self._span(*inner)
        elif subj is not None:
            src = self.resolve_mention(*(name_part if name_part and subj == full_subj else subj),
                                       gender=_verb_gender(e.agr), plural=e.agr in ("mp", "fp"))
            att.mention = self._span(*subj)
        elif left is not None:
            src = self.resolve_mention(*left, gender=_verb_gender(e.agr), plural=e.agr in ("mp", "fp"))
            att.mention = self._span(*left)
        else:
            src = None
            if not any(a.sent == si and a.src is not None and a.cue[0] < m.start for a in self.atts[-6:]) and \
                    e.agr in ("m", "f"):
                # round 10: وشن رئيس الوفد X هجوما على الحكومة التي اعتبرها …، وقال إن …: the subject of
                # the sentence-initial verb goes on speaking (as for participles, _clause_subject)
                src = self._clause_subject(lo, i, e.agr)
            if src is None:
                src = self._antecedent(e.agr, i, si)
            att.implicit = True
        via = pre_via + via + self._via_between(after, at, hi) + self._interview_before(lo, i)
        att.src = src
        att.via = via
        if src is not None:
            self._touch(src, self.toks[i].start, via=(e.lemma == "أورد"))
            if e.lemma == "أورد":
                src.extra["_via_last"] = True     # نبأ أوردته الوكالة: the agency carried, it does not speak on
        self._set_content(att, c0, hi, si)
        if att.content is None:
            return None
        for k in range(after, min(at, hi)):
            if self.bare(k) in _CARRIER_CUES and k + 1 < at:
                # في تصريحات نقلتها صحيفة «الشرق الأوسط» أن …: the outlet that carried it is cited too
                b2 = min(self.np_end(k + 1, hi), at)
                h2 = self.head_of(k + 1, b2)[0] if b2 > k + 1 else None
                if h2 is not None and h2.kind in ("outlet", "agency"):
                    ce = _CARRIED_CUE
                    if ce is not None:
                        tk = self.toks[k]
                        catt = _Att((tk.start + (1 if self.norm(k) != self.bare(k) else 0), tk.end), (k, k + 1),
                                    ce, si, role="cite", cue_type="verb")
                        catt.src = self.resolve_mention(k + 1, b2)
                        catt.mention = self._span(k + 1, b2)
                        catt.content, catt.content_tok, catt.quoted_to = att.content, att.content_tok, att.quoted_to
                        self._aside_done.add(k)
                        self._pending.append(catt)
                break
        if aside is not None and aside not in self._aside_done and self.bare(aside) in ("نقلا", "نقل"):
            # ذكرت الوكالة نقلا عن مصادر …، أن: a second attribution, the inner source via the subject
            ce = self.cue_entry_at(aside, ("prep",))
            if ce is not None:
                patt = self._prep(ce[0], ce[1], lo, hi, si)
                if patt is not None and patt.src is not None:
                    patt.content, patt.content_tok, patt.quoted_to = att.content, att.content_tok, att.quoted_to
                    patt.position = att.position
                    patt.via = [(src, "cites", att.mention)] if src is not None and att.mention else []
                    self._aside_done.add(aside)
                    self._pending.append(patt)
        return att

    def _explicit_subject_to_comp(self, j: int, hi: int) -> bool:
        """A source-like noun phrase at token j that runs straight into a colon or a
        complementizer (الصقلاوية التي قالت القوات العراقية: إنها …): the relative clause has
        its own subject."""
        if j >= hi or self.toks[j].kind != "word":
            return False
        k = self.np_end(j, hi)
        return j < k < hi and k - j <= 6 and (self.is_comp(k) or self.norm(k) == ":") and self.source_like(j, k)

    def _relative_head(self, r: int, lo: int) -> tuple[int, int] | None:
        """The noun phrase a relative pronoun at token ``r`` hangs on, when it can speak
        (واشنطن التي تتهم …، وموسكو التي تنفي …، المجتمع الدولي الذي يعتبر …): a head with its
        definite adjectives, a source head, or a person/organisation/place entity."""
        b = r
        a = b - 1
        if a >= lo and self.is_punct(a, {",", "،"}) and self.norm(r) == "الذين":
            # round 11: المواطنين في مدينة جدة، الذين اعتبروا …: a plural human head a few words back,
            # the comma before the relative (blind10 decision; the blind5 head rule otherwise)
            for x in range(a - 1, max(lo, a - 6) - 1, -1):
                if self.toks[x].kind != "word" or self.is_cue_tok(x):
                    return None
                if self.norm(x).startswith("ال") and self.source_like(x, x + 1) and \
                        (self.head_of(x, x + 1)[0] or HeadEntry("", "")).plural:
                    return (x, a)
            return None
        if a < lo or self.toks[a].kind != "word":
            return None
        while a - 1 >= lo and self.toks[a - 1].kind == "word" and self.norm(a).startswith("ال") and \
                self.norm(a).endswith(("ي", "يه")) and b - a < 4:
            a -= 1                   # المجتمع الدولي
        if not (self.source_like(a, b) or self._entity_end_at(a, b, ("PERS", "ORG", "LOC")) == b and b - a <= 3):
            return None              # (an entity: واشنطن، موسكو — a capital for its government)
        t = self.toks[a]
        if self.norm(a) != self.bare(a) and not self.lex.heads.lookup(self.norm(a)) and \
                (self.norm(a)[1:3] == "ال" and not self.norm(a).startswith(("والي", "والد")) or
                 a - 1 >= lo and self.toks[a - 1].kind == "word" and
                 self.norm(a - 1) not in _PREPOSITIONS | {"بين", "مع", "ضد", "عند", "لدي", "نحو", "تجاه"}):
            self._conj_tok.add(a)    # … الهجمات وموسكو التي …: without the conjunction (not بين واشنطن)
        return (a, b)

    def _performative(self, a: int, b: int, hi: int, announce: bool = False) -> bool:
        """A word of ``performative_np`` (cues.yaml; after أعلن also ``performative_after_announce``)
        opens what follows the subject."""
        a = self.skip_time(a, hi)
        words = self.lex.performative_np | self.lex.performative_announce if announce else self.lex.performative_np
        return any(self.norm(k) in words or self.bare(k) in words for k in range(a, min(b, hi, a + 2)))

    def _that_before(self, m, e: CueEntry, a: int, hi: int, si: int) -> _Att | None:
        """أوضح ذلك الناطق الإعلامي …: ذلك points back; the content is the sentence before."""
        a = self.skip_time(a, hi)
        b = self.np_end(a, hi, entry=e)
        b = next((x for x in range(a + 1, b) if self.norm(x) in ("والذي", "الذي", "والتي", "التي")), b)
        if b <= a or not self.source_like(a, b):
            return None
        nxt = self.skip_time(b, hi)
        if not (nxt >= hi or self.is_punct(nxt, _SENT_END | {",", "،"}) or
                self.norm(nxt) in ("والذي", "الذي", "والتي", "التي") or self.is_medium_at(nxt, hi)):
            return None
        plo, phi = self.sent_tok_range(si - 1)
        c_start = self._content_start_at(plo)
        if c_start is None or phi <= c_start:
            return None
        k2 = phi - 1
        while k2 > c_start and self.is_punct(k2, _SENT_END):
            k2 -= 1
        att = _Att((m.start, m.end), (m.tok_start, m.tok_end), e, si, role=e.role, cue_type="verb")
        att.src = self.resolve_mention(a, b, gender=_verb_gender(e.agr))
        att.mention = self._span(a, b)
        self._touch(att.src, self.toks[m.tok_start].start)
        att.position = "before"
        att.content = self._trim_span(self.toks[c_start].start, self.toks[k2].end)
        att.content_tok = c_start
        return att

    # -- the learned component (isnad.models.attribution) ---------------------
    def candidates(self) -> list:
        """Every lexicon match the rules considered, with its features (after the rule pass):
        ``[(token, (start, end), features, rule attribution or None)]``."""
        fired = {}
        for a in self.atts:
            if a.cue_tok:
                for x in range(a.cue_tok[0], max(a.cue_tok[1], a.cue_tok[0] + 1)):
                    fired.setdefault(x, a)       # every token of a rule cue (حسبما ذكرت) is covered
        out = []
        for i in sorted(self.cue_at):
            t = self.toks[i]
            out.append((i, (t.start, t.end), self.cue_features(i, fired), fired.get(i)))
        return out

    def cue_features(self, i: int, fired: dict) -> dict:
        """Features of a candidate cue token: its form, lexicon entry and agreement, whether
        the rules made it a cue, its neighbours, what opens within reach (complementizer,
        colon, quote, its preposition), what follows (a source-like head, a name, an entity),
        negation, relative pronouns, and whether it sits inside another cue's content."""
        t = self.toks[i]
        lo, hi = self.sent_tok_range(t.sent) if 0 <= t.sent < len(self._sent_tok) else (0, self._ntok)
        m, entries = self.cue_at[i][0]
        e = entries[0]
        n, b = self.norm(i), self.bare(i)
        rule = fired.get(i)
        f = {"bias": 1.0, f"lemma={e.lemma}": 1.0, f"type={e.type}": 1.0, f"agr={e.agr}": 1.0,
             f"prefix={m.prefix}": 1.0, f"rule={rule is not None}": 1.0,
             f"lemma_rule={e.lemma}|{rule is not None}": 1.0, f"suf2={b[-2:]}": 1.0, f"pre2={b[:2]}": 1.0,
             f"form={b}": 1.0}
        if rule is not None:
            f[f"rule_type={rule.cue_type}"] = 1.0
            f[f"rule_src={'implicit' if rule.implicit else 'explicit' if rule.mention else 'none'}"] = 1.0
        for d in (1, 2):
            f[f"prev{d}={self.norm(i - d) if i - d >= lo else '<s>'}"] = 1.0
        nxt = m.tok_end
        f[f"next1={self.norm(nxt) if nxt < hi else '</s>'}"] = 1.0
        f[f"next2={self.norm(nxt + 1) if nxt + 1 < hi else '</s>'}"] = 1.0

        def dist(pred, reach=40):
            for k in range(nxt, min(hi, nxt + reach)):
                if pred(k):
                    return k - nxt
            return None

        def bucket(d):
            return "none" if d is None else "0" if d == 0 else "1-2" if d <= 2 else "3-6" if d <= 6 else \
                "7-14" if d <= 14 else "15+"
        d_comp = dist(self.is_comp)
        d_colon = dist(lambda k: self.is_punct(k, {":"}))
        d_quote = dist(lambda k: self.is_quote(k) and k in self.opening)
        d_prep = dist(lambda k: self.toks[k].kind == "word" and (self.bare(k) in e.preps or self.norm(k) in e.preps))
        d_cue = dist(lambda k: k in self.cue_at and k > i)
        d_end = dist(lambda k: self.is_punct(k, _SENT_END))
        for name, d in (("comp", d_comp), ("colon", d_colon), ("quote", d_quote), ("prep", d_prep),
                        ("cue", d_cue), ("end", d_end)):
            f[f"d_{name}={bucket(d)}"] = 1.0
        opener = min((x for x in (d_comp, d_colon, d_quote, d_prep) if x is not None), default=None)
        f[f"cue_before_opener={d_cue is not None and (opener is None or d_cue < opener)}"] = 1.0
        f[f"opener_before_end={opener is not None and (d_end is None or opener < d_end)}"] = 1.0
        j = self.skip_time(nxt, hi)
        head = self.head_of(j, min(hi, j + 4))[0] if j < hi else None
        f[f"head_next={head.kind if head else 'none'}"] = 1.0
        f[f"name_next={j < hi and self._name_start(j)}"] = 1.0
        f[f"al_next={self.norm(j).startswith('ال')}"] = 1.0
        ents = self._entity_end_at(j, min(hi, j + 6)) > j if j < hi and self.doc.entities else False
        f[f"ent_next={ents}"] = 1.0
        f[f"neg={self._neg_before(i)}"] = 1.0
        f[f"sent_init={i == lo or (i == lo + 1 and self.is_punct(lo))}"] = 1.0
        f[f"prev_punct={i > lo and self.is_punct(i - 1)}"] = 1.0
        f[f"obj_pron={len(b) > 4 and b.endswith(('ه', 'ها', 'هم'))}"] = 1.0
        f[f"prev_rel={self.norm(i - 1) in _REL_PRONOUNS}"] = 1.0
        f[f"prev_ma={self.norm(i - 1) in ('ما', 'كما', 'حسبما', 'مثلما')}"] = 1.0
        inside = any(a is not rule and a.content and a.content[0] <= t.start < a.content[1] for a in self.atts)
        f[f"inside_content={inside}"] = 1.0
        return f

    def _learned(self) -> None:
        """Combine the rules with the learned cue model: a rule cue the model finds very
        unlikely is dropped (veto); a lexicon verb or participle the rules rejected but the
        model finds likely gets an attribution from :meth:`_fallback` (the rules' own source
        and content machinery, with the content opened by the first complementizer, colon,
        quote or the verb's preposition in its sentence)."""
        model = self.cue_model
        drop, added = set(), []
        for i, _, feats, rule in self.candidates():
            p = model.prob(feats)
            if rule is not None:
                if p < model.veto:
                    drop.add(id(rule))
            elif p >= model.add and i not in self._consumed_tok and \
                    not any(a.cue_tok[0] <= i < a.cue_tok[1] or
                            (a.mention and a.mention[0] <= self.toks[i].start < a.mention[1]) for a in self.atts):
                att = self._fallback(i)
                if att is not None:
                    added.append(att)
        if drop or added:
            self.atts = sorted([a for a in self.atts if id(a) not in drop] + added, key=lambda a: a.cue[0])

    def _fallback(self, i: int) -> _Att | None:
        si = self.toks[i].sent
        lo, hi = self.sent_tok_range(si)
        ce = self.cue_entry_at(i, ("verb", "part"))
        if ce is None:
            return None
        m, e = ce
        iend = m.tok_end
        opener = None
        k = iend
        while k < hi and k < iend + 40:
            if self.is_punct(k, _SENT_END) and not self._abbrev_dot(k):
                break
            if k > iend and k in self.cue_at and self.cue_entry_at(k, ("verb", "part")):
                break
            if self.is_comp(k):
                opener = (k + 1, k)
            elif self.is_punct(k, {":"}):
                opener = (k + 2 if self.is_comp(k + 1) else k + 1, k)
            elif self.is_quote(k) and k in self.opening and not (self._quotes_a_name(k) or self._short_quoted_name(k)):
                opener = (k, k)
            elif k > iend and self.toks[k].kind == "word" and (self.bare(k) in e.preps or self.norm(k) in e.preps):
                opener = (k + 2 if self.is_comp(k + 1) else k + 1, k)
            if opener:
                break
            k += 1
        if opener is None:
            return None
        c0, at = opener
        att = _Att((m.start, m.end), (i, iend), e, si, role=e.role,
                   cue_type="verb" if e.type == "verb" else "participle")
        att.learned = True
        if e.type == "verb":
            j = self.skip_time(iend, hi)
            if j < at and self.toks[j].kind == "word":
                sj = min(self.np_end(j, at, entry=e), at)
                if sj > j and self.source_like(j, sj):
                    att.src = self.resolve_mention(j, sj, gender=_verb_gender(e.agr))
                    att.mention = self._span(j, sj)
            if att.src is None and m.prefix == "":
                left = self.left_subject(i, lo)
                if left is not None and self.source_like(*left):
                    att.src = self.resolve_mention(*left, gender=_verb_gender(e.agr))
                    att.mention = self._span(*left)
        if att.src is None:
            att.src = self._antecedent(e.agr, i, si)
            att.implicit = True
        if att.src is not None:
            self._touch(att.src, self.toks[i].start)
        self._set_content(att, c0, hi, si)
        return att if att.content else None

    def _relative_to_comp(self, j: int, sj: int, hi: int, e: CueEntry) -> int | None:
        """A relative clause on a source-like subject that runs up to the cue's complementizer
        (قال الجيش الإسرائيلي الذي يحمّل حماس مسؤولية أي هجوم … إنه …): the token of that
        complementizer (the relative clause stays in the source span, as the guidelines say)."""
        if "an" not in e.licence:
            return None
        r = next((x for x in range(j + 1, min(sj + 1, hi)) if self.norm(x) in _REL_PRONOUNS or
                  (self.norm(x) in ("وهو", "وهي") and x == sj)), None)      # قال X وهو شاهد عيان …
        if r is None and sj < hi and self.bare(sj) in _ANON_VERBS and self.norm(sj + 1) in _ANON_OBJECTS:
            r = sj - 1        # مصدر أمني رفض الكشف عن اسمه إن …: an unmarked relative clause
            if r < j or not self.source_like(j, sj):
                return None
            r = sj - 1 if sj - 1 > j else j
            q = sj
            while q < hi and q < sj + 12:
                if self.is_quote(q) and q in self.opening and "quote" in e.licence and q > sj + 2 and \
                        not self._quotes_a_name(q):
                    return q          # round 8: صرح مسؤول تركي رفض الكشف عن هويته «…»
                if self.is_punct(q, {":"}) and "colon" in e.licence and q > sj + 2:
                    return q          # … رفض الكشف عن اسمه: …
                if self.is_punct(q, {",", "،"}) and q > sj + 2 and q + 1 < hi and self.is_comp(q + 1):
                    return q + 1      # round 9: ذكرت مصادر مطلعة رفضت الكشف عن هويتها، أن …
                if q > sj + 2 and self.norm(q)[:1] == "ل" and self.is_addressee_at(q, hi):
                    return q          # round 11: … رفض الكشف عن هويته لوكالة فرانس "…": whom he told ends the
                    # subject (the addressee is the via; blind10)
                if self.is_punct(q, _SENT_END | {":", ",", "،", ";", "؛"}) or self.is_quote(q):
                    return None
                if self.is_comp(q):
                    return q
                q += 1
            return None
        if r is None or not self.source_like(j, r):
            return None
        q = r + 1
        while q < hi and q < r + 20:
            if q > r + 2 and "quote" in e.licence and (
                    self.is_quote(q) and q in self.opening and not self._quotes_a_name(q) or
                    self.is_punct(q, {",", "،"}) and q + 1 < hi and self.is_quote(q + 1) and
                    q + 1 in self.opening and not self._quotes_a_name(q + 1)):
                return q if self.is_quote(q) else q + 1   # … الذي طلب عدم كشف اسمه، "…" / … القناة الثانية “…”
            if self.is_punct(q, _SENT_END | {":", ",", "،", ";", "؛"}) or \
                    (self.is_quote(q) and q in self.opening and not self._quotes_a_name(q)):
                return None
            if self.is_comp(q):
                return q if q > r + 1 else None
            ce = self.cue_entry_at(q, ("verb", "part", "prep", "nominal"))
            if ce is not None and not ce[1].needs_word and \
                    not (self.norm(q) in _ANON_OBJECTS and self.norm(q - 1) in _ANON_OBJECTS | _ANON_VERBS):
                return None         # الذي أكد أن …: the complementizer belongs to that cue (not طلب عدم كشف)
            q += 1
        return None

    def _relative_to_licence(self, j: int, sj: int, hi: int, e: CueEntry, lic) -> int | None:
        """Round 10: the subject [j, sj) holds a relative clause and the content opens at the
        complementizer ``lic[2]``: the relative clause runs on to that complementizer (its
        phrases are the clause's, not a medium of the cue: الذي سيمثل أمام المحكمة في ألمانيا
        بأنه), or to a comma after which only a medium, an addressee or a time comes before it
        (المفوضية التي حدثت أرقامها في نهاية يوليو، في بريد إلكتروني لوكالة …، أن).  The new
        end of the subject, or None."""
        r = next((x for x in range(j + 1, sj) if self.norm(x) in _REL_PRONOUNS), None)
        if r is None or not self.source_like(j, r) or lic[2] - r > 20:
            return None
        for q in range(sj, lic[2]):
            if self.is_quote(q) or self.is_punct(q, _SENT_END | {":", ";", "؛", "(", ")"}) or \
                    (self.is_cue_tok(q) and self.cue_entry_at(q, ("verb", "part", "prep", "nominal"))):
                return None
            if self.is_punct(q, {",", "،"}) or \
                    (self._time_at(q) and self.norm(q) not in _PREPOSITIONS and
                     self.norm(q - 1) not in _PREPOSITIONS | _TIME_FRAMES) or \
                    (self.bare(q) in ("في", "عبر", "خلال", "علي") and q + 1 < hi and not self._time_at(q) and
                     (_strip_al(self.norm(q + 1)) in self.lex.media_nouns or self.norm(q + 1) in self.lex.media_nouns)):
                return q if q > sj else None   # (… فوساتي | أمس عبر موقعه: the cue's time and medium)
        return lic[2]

    def _subject_stops_at(self, j: int, ne: int, sj: int, hi: int, e: CueEntry, lic) -> bool:
        """The noun phrase after a cue runs on past a complete mention of a person or body
        (tokens [j, ne)) to ``sj``: does the subject stop at ``ne``?  Yes when what follows
        is the object of a cue that takes one (أكد معاليه تصميم … على، حذر الشبلي عملاء
        إيران من، وصف X Y بأنه), an object (رجلا، اجتماعا), or a phrase after a person's name
        (قال كارتر في أربيل، وقال كاميرون لتلاميذ مدرسة: …)."""
        if self.bare(j) in self.lex.honorifics and ne == j + 1:
            return True
        if self._accusative(ne):
            return True
        if e.np and lic[0] == "an" and e.lemma not in ("حذر", "وصف", "شبه", "اتهم", "نسب", "عد", "برر") and \
                (lic[2] == sj or (lic[2] == sj + 1 and self.is_punct(sj, {",", "،"}))) and \
                not self.norm(lic[2]).startswith(("ف", "ل")) and \
                not (self.norm(lic[2]).startswith("ب") and "ب" in e.preps) and \
                not any(self.norm(x) in _REL_PRONOUNS or self.is_cue_tok(x) for x in range(ne, sj)):
            return False                      # round 8: وكيل أمين منطقة …، سفير خادم الحرمين الشريفين لدى …
            # … أن: a noun phrase running straight into a bare أن/إن is the subject, not an object
        if (lic[0] == "prep" or e.np) and (e.np or e.lemma in ("حذر", "وصف", "شبه", "اتهم", "نسب", "برر")):
            n = self.norm(ne)
            if n in _PREPOSITIONS or n.startswith(("ب", "ل")) and not self._masdar_like(ne) or \
                    self._adjunct_at(ne, hi, e):
                return False                  # a phrase that may belong to the subject
            return self.toks[ne].kind == "word" and not n.startswith(("و", "ال")) or \
                n.startswith("ال") and not n.endswith(("ي", "يه"))
        n = self.norm(ne)
        person_end = self._name_end(ne - 1, ne, after_title=True) == ne or self._known_name_token(ne - 1) or \
            self._given(ne - 1) or any(self._entity_end_at(x, hi, ("PERS",)) == ne for x in range(j, ne))
        if person_end and self.toks[ne].kind == "word" and (n in ("في", "من", "علي", "مع") or
                                                            (n.startswith("ل") and not n.startswith("لل") and
                                                             len(n) > 3 and (self.head_of(ne, sj)[0] is None or
                                                                             self._given(ne - 1) or
                                                                             self._known_name_token(ne - 1) or
                                                                             not self.norm(ne - 1).startswith("ال")))):
            return not any(self.is_comp(x) for x in range(ne, sj))
        return False

    def _apposition_to(self, j: int, ne: int, sj: int, e: CueEntry) -> bool:
        """Round 10: tokens [ne, sj) between a complete mention [j, ne) and the cue's own
        preposition are an apposition of it, not a noun-phrase object: a person's name that
        runs straight into the preposition (أفاد مدير مكتب الحملة بلبنان وليد بن علي الجلال
        بمواصلة …: a name is never what is affirmed), or a title phrase after a person's name
        (أكد الدكتور X أستاذ الدراسات الإيرانية على أهمية …).  Not for cues whose object is
        real (اتهم/وصف/حذر …) or is whom they told (أبلغ، أخبر)."""
        if e.lemma in _REAL_OBJECT or e.lemma in ("أبلغ", "أخبر") or sj - ne > 12:
            return False
        if any(self.is_comp(x) or self.norm(x) in _REL_PRONOUNS or self.is_punct(x, {",", "،", ":", "."}) or
               (self.is_cue_tok(x) and self.cue_entry_at(x, ("verb", "part", "prep", "nominal")))
               for x in range(ne, sj)):
            return False
        if any(self._entity_end_at(x, sj, ("PERS",)) == sj and self._pers_tok(sj - 1) for x in range(ne, sj)):
            return True
        h = self.head_of(ne, sj)[0]
        if h is None or not h.title or self.norm(ne).startswith("ال"):
            return False
        person = self._pers_tok(ne - 1) or self._given(ne - 1) or self._known_name_token(ne - 1)
        return person and self._descriptor_end(ne, sj)[0] == sj

    def _said_later(self, k: int, end: int) -> int | None:
        """Round 10: a قائلا/قائلة later in the same clause, followed by a colon or an opening
        quote, with no other cue, complementizer or quotation before it (تحدث في تصريح عن أسباب
        غيابه قائلا: «…»): its token."""
        q = k
        while q < min(end, k + 25):
            if self.is_quote(q) and q in self.opening and q in self.partner and self.partner[q] - q <= 5 and \
                    (self._quotes_a_name(q) or self._short_quoted_name(q)):
                q = self.partner[q] + 1          # عن أسباب غيابه عن «ليالي دبي» …
                continue
            if self.is_punct(q, _SENT_END | {":", ";", "؛", ",", "،"}) or self.is_quote(q) or self.is_comp(q):
                return None                      # (after a comma, قائلا is its own attribution: blind6)
            if self.is_cue_tok(q):
                ce = self.cue_entry_at(q, ("part",))
                if ce and ce[1].lemma == "قال" and q + 1 < end and \
                        (self.is_punct(q + 1, {":"}) or (self.is_quote(q + 1) and q + 1 in self.opening)):
                    return q
                return None
            q += 1
        return None

    def _bayna_prep(self, i: int, lo: int) -> bool:
        """Round 10: a bare بين right after a noun is the preposition (أغلبية بين سكانها), not the verb
        بيّن — which follows a frame (وفي السياق ذاته بين، من جهته بين), كما/قد or a clause boundary."""
        if self.bare(i) != "بين" or self.norm(i) != "بين" or i <= lo or self.toks[i - 1].kind != "word" or \
                "\u0651" in self.text[self.toks[i].start:self.toks[i].end]:
            return False
        prev = self.norm(i - 1)
        return not (self._frame_word(i - 1) or prev in _BAYYANA_AFTER or
                    any(self.norm(x) in ("اما", "واما", "بالنسبه", "وبالنسبه") for x in range(max(lo, i - 3), i)))

    def _descriptive_chain(self, i: int, lo: int) -> bool:
        """Round 10: the subjectless present-tense cue at ``i`` (وتكشف، ويؤكد) is coordinated with an
        earlier present-tense verb of the same clause that is no speech verb (يعكس موقفها … ويكشف،
        تجرم المساس … وتؤكد على صونها، فتوى تدين … وتكشف): it goes on describing that verb's
        (non-human) subject, it reports nothing."""
        for x in range(i - 1, max(lo - 1, i - 10), -1):
            if self.is_punct(x, _SENT_END | {":", ";", "؛"}) or self.is_quote(x):
                return False
            if self.toks[x].kind != "word" or self.is_cue_tok(x):
                if self.is_cue_tok(x):
                    return False
                continue
            n = self.bare(x)
            if n in self.lex.speaker_verbs or self._in_name_entity(x):
                return False
            if n[:1] == ("ت" if self.bare(i)[:1] == "ت" else "ي") and 4 <= len(n) <= 5 and \
                    not self._masdar_like(x, shape_only=True) and not n.endswith(("ه", "ات")) and \
                    self.norm(x - 1) not in _PREPOSITIONS and not self.lex.heads.lookup(n):
                return True
        return False

    def _perfect_verb_like(self, x: int) -> bool:
        """Round 10: a word that can only be a perfect verb with a feminine ending (ظهرت، اعتقلت،
        أكدت): no article or clitic preposition, ت-final but not the plural ات, not part of a
        name entity."""
        if self.toks[x].kind != "word" or self._in_name_entity(x):
            return False
        n, p = self.norm(x), self.norm(x - 1)
        return 4 <= len(n) <= 6 and n.endswith("ت") and not n.endswith(("ات", "يت", "وت")) and \
            not n.startswith(("ال", "لل", "بال", "وال")) and p not in _PREPOSITIONS and p not in _REL_PRONOUNS and \
            (len(n) == 4 or p.startswith("ال") or self._in_name_entity(x - 1))

    def _non_speaker(self, span) -> bool:
        """The subject's first word is a head that cannot speak (``non_speaker_heads``)."""
        if span is None or span[0] >= span[1] or \
                self.toks[span[0]].kind != "word" and not self.is_quote(span[0]):
            return False
        a = span[0]
        if self.is_quote(a):
            # round 11: “أيديولوجية متطرفة” ترى …: the quoted noun is the head (a quoted name such as
            # "لصور" — the person صور — is not the non-speaker صور)
            return a + 1 < span[1] and self.toks[a + 1].kind == "word" and \
                _strip_al(self.bare(a + 1)) in self.lex.non_speaker_heads
        if self.norm(a) in ("لنا", "لهم", "له", "لها", "لي") and a + 1 < span[1]:
            a += 1               # تقول لنا خبرتنا السابقة إن …
        if self.norm(a) in ("هذا", "هذه", "ذلك", "تلك") and a + 1 < span[1]:
            a += 1               # round 10: أقرّ هذا القانون: the demonstrative's noun is the head
        w = _strip_al(self.bare(a))
        return w in self.lex.non_speaker_heads or \
            (w[:1] in ("ب", "ل") and _strip_al(w[1:]) in self.lex.non_speaker_heads)

    def _reporting_subject(self, a: int, b: int) -> bool:
        if self.is_quote(a) and self.partner.get(a) == b - 1 and 1 < b - a <= 6:
            return True          # وعلمت «عكاظ» أن، نقلت «الوطن» أن: a newspaper's name in quotes
        head, _ = self.head_of(a, b)
        if head is not None and head.kind in ("agency", "outlet", "anonymous", "local", "insider", "eyewitness",
                                              "document"):
            return True
        s, e = self.toks[a].start, self.toks[b - 1].end
        for ent in self.doc.entities:
            if ent.actor is not None and ent.start < e and ent.end > s and \
                    ent.actor.type in ("media_state", "media_private", "agency"):
                return True
        toks = self._name_tokens(a, b)
        for src in self.srcs:
            if src.kind in ("agency", "outlet") and src.tokens and self._tokens_match(toks, src):
                return True
        return False

    def _np_content(self, j: int, hi: int):
        k = j
        if k < hi and self.is_punct(k, {",", "،"}):
            k += 1
        if k < hi and self.toks[k].kind == "word":
            return ("np", k, k)
        return None

    def _boundary_first(self, j: int, hi: int, e: CueEntry) -> bool:
        """Is token j (right after the cue) already past the subject (no explicit subject)?"""
        n = self.norm(j)
        t = self.toks[j]
        if t.kind in ("punct", "symbol"):
            if n == _QUOTE and j in self.opening and j in self.partner and self.partner[j] - j <= 3 and \
                    self.partner[j] + 1 < hi and self.toks[self.partner[j] + 1].kind == "word":
                return False          # أكد "العريني" سعي …: a quoted name right after the verb
            return not (n == _QUOTE and j in self.opening and
                        (self._quotes_a_name(j) or (self._short_quoted_name(j) and self.partner[j] - j <= 3)))
        if self.is_comp(j) or n in e.preps or self.bare(j) in e.preps:
            return True
        if e.subject == "reporting" and n == e.inner:
            return True
        if "ب" in e.preps and n.startswith("ب") and len(n) >= 3 and \
                not (self.lex.heads.lookup(n) or (j + 1 < hi and self.is_comp(j + 1) and len(n) >= 5)):
            return True               # (round 8: أفاد بيان صادر عن …، أفاد باومجاردن أن …: ب is the word's)
        if self.is_medium_at(j, hi) or self.is_addressee_at(j, hi):
            return True
        if self._adjunct_at(j, hi, e):
            return True               # علق على خطاب الحوثي قائلا، قال في خطبة الجمعة: no subject there
        if self._accusative(j, strict=True) or (self._accusative(j) and n.startswith("م") and len(n) >= 5):
            return True               # وأضاف مستهجنا: …، وقال مستشهدا بالأبيات …: a circumstantial participle
        if self.is_cue_tok(j) and self.cue_entry_at(j, ("verb", "part", "prep", "nominal")):
            return True
        if n in ("ايضا", "كذلك", "بدوره", "بدورها", "ان", "انه"):
            return True
        if n in ("الانتباه",):
            return True
        return False

    def _clause_final(self, k: int, hi: int) -> bool:
        """Only sentence-final punctuation (or a short tail) follows token k (a ؛ ends
        the clause too)."""
        for x in range(k, hi):
            if self.is_punct(x, {"؛", ";"}):
                hi = x
                break
        rest = [x for x in range(k, hi) if self.toks[x].kind not in ("punct", "symbol")]
        if not rest:
            return True
        if len(rest) <= 3 and not any(self.is_comp(x) or self.is_punct(x, {",", "،", ":"}) for x in range(k, hi)):
            return self.norm(rest[0]) in ("حول", "بشان", "امس", "اليوم", "في") or self._time_at(rest[0]) > 0
        return False

    def _kama_start(self, i: int, lo: int) -> int | None:
        """The كما of ``كما أعلن`` / ``كما سبق وأعلن`` / ``كما سبق أن أعلن`` before cue token i."""
        k = i - 1
        if k >= lo and self.norm(k) == "و":
            k -= 1
        elif k >= lo and self.is_comp(k) and self.norm(k) in ("ان",):
            k -= 1
        if k >= lo and self.bare(k) == "سبق":
            k -= 1
        elif k != i - 1:
            return None
        if k >= lo and self.norm(k) in ("كما", "وكما", "مثلما"):
            return k
        return None

    def _adjunct_tail(self, j: int, hi: int) -> bool:
        """Only an adjunct (medium, time, place: خلال زيارته الأسبوع الماضي) up to the sentence end."""
        words = 0
        for x in range(j, hi):
            if self.is_comp(x) or self.is_quote(x) or self.is_punct(x, {":", ",", "،", "؛"}) or \
                    self.is_cue_tok(x):
                return False
            if self.toks[x].kind == "word":
                words += 1
        return words <= 10

    def _resumptive_frame(self, i: int, lo: int) -> int | None:
        """``، وهو أمر نفته الوزارة`` / ``، وهو ما أكده``: a cue with an object pronoun whose
        content is the clause before the comma; the comma's token."""
        if not self.norm(i).endswith("ه"):
            return None
        k = i - 1
        if k - 1 >= lo and self.norm(k) in ("امر", "ما") and self.norm(k - 1) in ("وهو", "وهي", "وهذا", "هو", "هذا") \
                and k - 2 >= lo and self.is_punct(k - 2, {",", "،", "-", "–"}):
            return k - 2
        return None

    def _inversion_point(self, i: int, lo: int) -> bool:
        """A cue after the content it reports: preceded by a comma, dash or closing quote
        (optionally with كما/حسبما in between; كما سبق وأعلن)."""
        if self._resumptive_frame(i, lo) is not None:
            return True
        k = i - 1
        ks = self._kama_start(i, lo)
        if ks is not None:
            k = ks
        if ks is not None and ks == i - 1 and self.norm(ks) == "كما" and ks - 1 >= lo and \
                self.toks[ks - 1].kind == "word":
            p = i + 1
            while p < len(self.toks) and self.toks[p].kind == "word" and p - i <= 7:
                p += 1
            ce = self.cue_entry_at(i)
            if p < len(self.toks) and self.is_punct(p, _SENT_END | {",", "،"}) and p > i + 1 and ce is not None and \
                    (self._entity_end_at(i + 1, p, ("PERS", "ORG")) >= p if ce[1].np else self.np_end(i + 1, p) >= p):
                return True      # (a verb that takes a noun-phrase content needs a name up to the end:
                # كما أعلن الجيش مقتل … is "also announced")          # round 11: … حاجزا أمنيا في جنوب المدينة كما أفاد المرصد.: كما (as) right after
            # a word, no comma (blind10); the caller still asks for a short source tail closing the sentence
        while k >= lo and self.norm(k) in ("كما", "وكما", "حسبما", "مثلما"):
            k -= 1
        return k >= lo and (self.is_punct(k, {",", "،", "-", "–", "—"}) or
                            (self.is_quote(k) and k not in self.opening))

    def _has_text_before(self, i: int, lo: int) -> bool:
        return sum(1 for x in range(lo, i) if self.toks[x].kind == "word") >= 3

    def _inverted(self, m, e: CueEntry, lo: int, hi: int, si: int, who, explicit: bool) -> _Att | None:
        i = m.tok_start
        # content: sentence start .. before the comma/كما preceding the cue
        k = i - 1
        ks = self._kama_start(i, lo)
        if ks is not None:
            k = ks
        rf = self._resumptive_frame(i, lo)
        if rf is not None:
            k = rf
        while k >= lo and (self.is_punct(k, {",", "،", "-", "–"}) or self.norm(k) in ("كما", "وكما", "حسبما")):
            k -= 1
        if k < lo:
            return None
        c_start = self._content_start_at(lo)
        if c_start is None or self.toks[c_start].start >= self.toks[k].end:
            return None
        att = _Att((m.start, m.end), (m.tok_start, m.tok_end), e, si, role=e.role, cue_type="verb")
        att.position = "before"
        att.content = self._trim_span(self.toks[c_start].start, self.toks[k].end)
        att.content_tok = c_start
        if who is None:
            if self.is_quote(k) and k in self.closing:
                o = next((x for x, y in self.partner.items() if y == k), None)
                if o is not None and o > c_start:
                    att.content = self._trim_span(self.toks[o].start, self.toks[k].end)
                    att.content_tok = o       # "…"، كما سبق وأعلن: the quotation
            return att                        # the caller sets the (implicit) source
        a, b = who
        att.src = self.resolve_mention(a, b, gender=_verb_gender(e.agr))
        att.mention = self._span(a, b)
        self._touch(att.src, self.toks[i].start)
        return att

    def _content_start_at(self, lo: int) -> int | None:
        """First token of a sentence's own text (after a dateline/retweet prefix)."""
        skip_to = self.body[0]
        for c in self.carriers:
            if c.get("role") == "dateline" and c.get("end") is not None and c["end"] < 200:
                skip_to = max(skip_to, c["end"])
        k = lo
        while k < len(self.toks) and (self.toks[k].start < skip_to or
                                      (self.toks[k].kind in ("punct", "symbol") and not self.is_quote(k))):
            k += 1
        return k if k < len(self.toks) else None

    def _via_between(self, a: int, b: int, hi: int) -> list:
        """Outlets between the subject and the content: addressee (للوكالة، لـ«عكاظ»,
        لرويترز) and carriers (في بيان نشرته وكالة …)."""
        out = []
        k = a
        while k < b and k < hi:
            n = self.norm(k)
            t = self.toks[k]
            iv = self._interview_at(k, hi)
            if iv is not None:
                out.append((iv[0], "told", iv[1]))
                k = iv[2]
                continue
            if self.bare(k) in ("زودت", "زود", "زودنا") and k + 2 < hi:
                # round 8: في بيان صحافي زودت «الرياض» بنسخة منه: the paper that received it is the via
                q = k + 1
                while q < hi and q < k + 7 and self.norm(q) not in ("بنسخه", "بنص", "بنسخته"):
                    q += 1
                if q < hi and self.norm(q) in ("بنسخه", "بنص", "بنسخته"):
                    qs = [x for x in range(k + 1, q) if self.is_quote(x) and x in self.partner and self.partner[x] < q]
                    s0, e0 = (qs[0] + 1, self.partner[qs[0]]) if qs else (k + 1, q)
                    if e0 > s0:
                        vs = self.resolve_mention(s0, e0)
                        vs.extra["_via_last"] = True
                        out.append((vs, "told", self._span(s0, e0)))
                    k = q + 1
                    continue
            if self.bare(k) in ("بث", "نشر", "اذيع") and k > a and self.norm(k - 1) in _CARRIED_NOUNS and \
                    self.norm(k + 1) in ("علي", "عبر") and k + 2 < hi:
                s0 = k + 2                    # round 8: في بيان بُثّ على وكالة X (a passive carrier)
                e0 = self.np_end(s0, hi, allow_pp=False)
                h = self.head_of(s0, e0)[0] if e0 > s0 else None
                if h is not None and h.kind in ("agency", "outlet"):
                    vs = self.resolve_mention(s0, e0)
                    vs.extra["_via_last"] = True
                    out.append((vs, "carried", self._span(s0, e0)))
                    k = e0
                    continue
            if self.bare(k) in self.lex.carried_by and self.norm(k + 1) in ("علي", "في", "عبر"):
                k += 1                        # نشره على موقعه على الإنترنت: a place, not a carrier
                continue
            if self.bare(k) in self.lex.carried_by:
                s0 = self.skip_time(k + 1, hi)    # (بثته الليلة وكالة …)
                e0 = self.np_end(s0, hi, allow_pp=False)
                e0 = min(e0, b) if b > s0 else e0
                if e0 > s0:
                    vs = self.resolve_mention(s0, e0)
                    vs.extra["_via_last"] = True
                    out.append((vs, "carried", self._span(s0, e0)))
                    k = e0
                    continue
            if self.is_addressee_at(k, hi) and n not in ("له", "لها", "لهم", "لي", "لنا", "للصحفيين", "للصحافيين", "للصحافه"):
                if n in ("ل", "لـ", "الي", "ب") or (t.kind == "word" and n == "ل"):
                    s0 = k + 1                # لـ «عكاظ»، إلى "الوطن"، خاص بـ«عكاظ»: the name after the word
                else:
                    s0 = k
                if s0 < hi:
                    if self.norm(s0) == "(":
                        q = s0 + 1
                        while q < hi and q < s0 + 6 and self.norm(q) != ")":
                            q += 1
                        e0, span_s, span_e = q + 1, s0 + 1, q
                    elif self.is_quote(s0) and s0 in self.partner:
                        e0 = self.partner[s0] + 1
                        span_s, span_e = s0 + 1, self.partner[s0]
                    else:
                        e0 = self.np_end(s0, hi, allow_pp=False)
                        if _strip_al(self.norm(s0)[1:]) in _PARTITIVE_ADDRESSEE and e0 + 1 < min(b, hi) and \
                                self.norm(e0) == "من":
                            e0 = self.np_end(e0 + 1, hi, allow_pp=False)   # round 9: لمجموعة من الصحافيين
                        span_s, span_e = s0, e0
                        while span_e - 1 > span_s and self.norm(span_e - 1) in ("الصادر", "الصادره", "صادر", "صادره"):
                            span_e -= 1       # round 10: لصحيفة «…» الألمانية | الصادرة أمس: the outlet, not its issue
                    if span_e > span_s:
                        src = self._addressee_src(span_s, span_e, strip_l=(s0 == k))
                        if src is not None:
                            src.extra["_via_last"] = True
                            sp = self._span(span_s, span_e)
                            if s0 == k and not self.text.startswith("لل", self.toks[k].start):
                                sp = (sp[0] + 1, sp[1])   # (لل: _span already starts at the article's ل)
                            out.append((src, "told", sp))
                        k = max(e0, k + 1)
                        continue
            k += 1
        return out

    _INTERVIEW = frozenset({"حوار", "مقابله", "لقاء", "حديث", "اتصال", "مداخله"})

    def _interview_at(self, k: int, hi: int):
        """``في حوار مع «الشرق الأوسط»`` / ``في مقابلة مع القناة الأولى``: (source, span, end)."""
        if k + 3 >= hi or self.bare(k) not in ("في", "خلال"):
            return None
        if _strip_al(self.norm(k + 1)) not in self._INTERVIEW:
            return None
        q = k + 2
        while q < hi and q < k + 5 and self.norm(q) != "مع":
            q += 1
        if q >= hi or self.norm(q) != "مع":
            return None
        a = q + 1
        if a < hi and self.is_quote(a) and a in self.partner and self.partner[a] - a <= 6:
            b = self.partner[a]
            span_s, span_e, end = a + 1, b, b + 1
        else:
            head, _ = self.head_of(a, hi)
            if head is None or head.kind not in ("outlet", "agency"):
                return None
            span_s = a
            span_e = self.np_end(a, hi, allow_pp=False)
            end = span_e
        if span_e <= span_s:
            return None
        src = self.resolve_mention(span_s, span_e)
        if src.kind in ("unknown", "organisation"):
            src.kind = "agency" if self._is_agency_name(src.name) else "outlet"
        src.extra["_via_last"] = True
        return src, self._span(span_s, span_e), end

    def _interview_before(self, lo: int, i: int) -> list:
        ks = self._interview_ks
        if ks is None:      # positions of في/خلال + حوار/مقابلة…, found once per document (QA-4)
            ks = self._interview_ks = [k for k in range(self._ntok) if self._bares[k] in ("في", "خلال")
                                       and _strip_al(self.norm(k + 1)) in self._INTERVIEW]
        x = bisect_left(ks, lo)
        while x < len(ks) and ks[x] < i:
            hit = self._interview_at(ks[x], i)
            if hit is not None:
                return [(hit[0], "told", hit[1])]
            x += 1
        return []

    def _addressee_src(self, a: int, b: int, strip_l: bool) -> _Src | None:
        while b - 1 > a and self.norm(b - 1) in ("الصادر", "الصادره", "صادر", "صادره"):
            b -= 1               # round 10: لصحيفة «…» الألمانية | الصادرة أمس: the outlet, not its issue
        if strip_l:
            # للوكالة → الوكالة; لرويترز → رويترز: resolve on a view without the ل
            t = self.toks[a]
            n = t.norm[1:]
            if n.startswith("ل"):
                n = "ا" + n
            name = n
            cands = sorted(self.srcs, key=lambda s: s.last, reverse=True)
            key = _strip_al(name)
            for s in cands:
                if key in s.cls or (s.tokens and key in s.tokens):
                    s.mentions.append(self._trim_span(self._past_l(t), self.toks[b - 1].end))
                    self._touch(s, t.start)
                    return s
            span = self._trim_span(self._past_l(t), self.toks[b - 1].end)
            s = self._new_src(_clean_name(self.text[span[0]:span[1]]), "outlet")
            if key in ("وكاله",) or self._is_agency_name(self.text[span[0]:span[1]]):
                s.kind = "agency"
                s.cls.add("وكاله")
            s.mentions.append(span)
            s.tokens = self._name_tokens_of_text(self.text[span[0]:span[1]])
            s.gender = "f"
            self._link_actor_span(s, *span)
            if s.actor is None:
                self._link_actor_by_name(s, self.text[span[0]:span[1]])
            self._touch(s, t.start)
            return s
        src = self.resolve_mention(a, b)
        if src.kind in ("unknown", "organisation"):
            src.kind = "agency" if self._is_agency_name(src.name) else "outlet"
        return src

    def _antecedent(self, agr: str, i: int, si: int) -> _Src | None:
        """The source a subjectless cue continues: the latest compatible one."""
        pos = self.toks[i].start
        # inside another attribution's content in this sentence: first person → its source
        if agr == "1":
            for a in reversed(self.atts[-_WINDOW:]):
                if a.sent < si - 3:
                    break
                if a.content and a.content[0] <= pos < a.content[1]:
                    return a.src
            return None
        want = _verb_gender(agr)
        plural = agr in ("mp", "fp", "pmp", "pfp", "d")
        cands = [s for s in self.srcs if s.last < pos and (s.last >= 0 or s.carrier) and
                 s.carrier not in ("retweet", "forward", "article") and not s.extra.get("_via_last")]
        cands.sort(key=lambda s: s.last, reverse=True)
        limit_pos = self.doc.sentences[max(0, si - 4)].start if self.doc.sentences else 0
        last_src = None
        for a in reversed(self.atts[-_WINDOW:]):
            if a.sent < si - 1:
                break
            if a.src is not None and a.cue[0] < pos:
                last_src = a.src
                break
        if last_src is not None and last_src.kind in UNNAMED_KINDS and agr not in ("1",):
            return last_src          # وقال، إن … after مصادر دبلوماسية: writers drift to the singular
        recent_top = []
        for a in reversed(self.atts[-12:]):
            if a.sent != si or a.src is None or a.cue[0] >= pos or a.src.carrier or a.entry.lemma == "أورد":
                continue
            if any(b is not a and b.content and b.position == "after" and b.content[0] <= a.cue[0] < b.content[1]
                   and not self._is_sibling(a, b) for b in self.atts[-12:]):
                continue            # nested: its source is not the one who goes on speaking
            if any(s.extra.get("_latent") and a.cue[0] < s.last < pos and s is not a.src for s in self.srcs):
                break               # a speaker named since (… كما تفاعل عادل الجبير … وكتب)
            recent_top.append(a.src)
        # round 9: a prepositional cue inside a verb clause (وأكد، بحسب وكالة «إيرنا»، أن …، محذرا …;
        # ووفقا لمعلومات حصلت عليها «عكاظ» … فقد أبلغ X … مؤكدا) cites the channel; the participle goes on
        # with the verb's speaker
        prep_srcs = {id(a.src) for a in self.atts[-12:] if a.sent == si and a.src is not None and a.entry.type == "prep"}
        verb_srcs = {id(a.src) for a in self.atts[-12:] if a.sent == si and a.src is not None and a.entry.type != "prep"}
        recent_top.sort(key=lambda s: id(s) in prep_srcs and id(s) not in verb_srcs)
        for s in recent_top:
            if (want == "f" and s.gender == "f" and not s.plural) or \
                    (want == "m" and s.gender in ("m", None) and not s.plural) or (plural and s.plural):
                return s
        for s in cands:
            if s.last < limit_pos and s.last >= 0:
                break
            if plural:
                if s.plural or s.gender is None:
                    return s
                continue
            if want == "f" and s.gender == "f" and not s.plural:
                return s
            if want == "m" and s.gender in ("m", None) and not s.plural:
                return s
        # agreement is loose in real text (وقال … after مصادر): fall back to the latest one
        for s in cands:
            if s.last >= limit_pos and s.carrier is None:
                return s
        return None

    def _span(self, a: int, b: int) -> tuple[int, int]:
        if b - a >= 3 and self.is_quote(a) and self.partner.get(a) == b - 1:
            a, b = a + 1, b - 1               # «عكاظ»، "الحريري": the name without its quotes
        while b - 1 > a and self.norm(b - 1) in _REL_PRONOUNS:
            b -= 1                            # البيان الذي [نشرته …]: not the relative pronoun alone
        if a > 0 and self.toks[a - 1].kind == "word" and self.norm(a - 1) in ("ابو", "ام", "ابي", "ابا") and \
                self._given(a) and a not in self._conj_tok:
            a -= 1                            # round 9: أبو يحيى التونسي: the kunya opens the name
        start = self.toks[a].start
        if a in self._conj_tok:
            start += 1                        # ولندن ترى: the name without the conjunction
        elif self.toks[a].kind == "word" and self.toks[a].end - self.toks[a].start >= 4 and \
                self.text.startswith("لل", self.toks[a].start):
            start += 1                        # round 10: للنجم العراقي → لنجم العراقي (the article's ل, GUIDELINES blind9)
        return self._trim_span(start, self.toks[b - 1].end)

    def _set_content(self, att: _Att, c0: int, hi: int, si: int) -> None:
        if c0 >= len(self.toks):
            return
        while c0 < hi and self.is_punct(c0, {",", "،", ":"}):
            c0 += 1
        if c0 >= hi and not (c0 < len(self.toks) and self.is_quote(c0)):
            return
        skip = 0
        if att.entry.lemma in ("وصف", "شبه", "برر"):
            c0, skip = self._wasf_description(c0, hi)
        end, q = self.content_end(c0, hi)
        if att.entry.lemma in ("وصف", "شبه") and skip and c0 > 0 and c0 - 1 in self.opening and \
                c0 - 1 in self.partner and self.toks[self.partner[c0 - 1]].start < end:
            end, q = self.toks[self.partner[c0 - 1]].start, None    # round 9: «بطائفة الموت» → طائفة الموت
        start = self.toks[c0].start + skip
        if end <= start:
            return
        att.content = self._trim_span(start, end) if q is None else (start, end)
        att.content_tok = c0
        att.quoted_to = q

    def _wasf_description(self, c0: int, hi: int) -> tuple[int, int]:
        """Round 7 convention: the content of وصف X بـ… / بأنه … is the description, without the
        described object and the preposition (وصف القتال بأنه «شرس» → «شرس»، وصفته بتكرار … → تكرار …).
        Returns the first content token and how many characters of it to skip (an attached بـ)."""
        if c0 + 1 < hi and self.is_quote(c0) and c0 in self.opening and self.toks[c0 + 1].kind == "word":
            raw = self.doc.text[self.toks[c0 + 1].start:self.toks[c0 + 1].end]
            if raw.startswith("ب") and len(self.norm(c0 + 1)) > 3 and not self._in_name_entity(c0 + 1):
                return c0 + 1, 1 + (raw[1:2] == "ـ")   # round 9: شبهه "بطائفة الموت" → طائفة الموت (blind8 rule)
        for k in range(c0, min(hi, c0 + 12)):
            if self.toks[k].kind != "word":
                if self.is_quote(k) or self.is_punct(k, {".", "،", ",", ":"}):
                    break
                continue
            n = self.norm(k)
            if self.is_comp(k) and not n.startswith("ب"):
                break
            if n in ("بانه", "بانها", "بانهم", "بانهما", "بان", "ب", "بـ"):
                return (k + 1, 0) if k + 1 < hi else (c0, 0)
            if n in ("الي", "الى") and k + 2 < hi and self.is_comp(k + 1):
                return k + 2, 0           # round 10: برر X هزيمة … إلى أن الجنود …: after إلى أن
            raw = self.doc.text[self.toks[k].start:self.toks[k].end]
            if raw.startswith("ب") and len(n) > 2 and not self._in_name_entity(k) and \
                    (k == c0 or n.startswith("بال")):
                return k, 1 + (raw[1:2] == "ـ")
        return c0, 0

    def _participle(self, m, e: CueEntry, lo: int, hi: int, si: int) -> _Att | None:
        i = m.tok_start
        if i in self._consumed_tok:
            return None
        # an adverbial participle opens its own clause: after a comma, و, or at the start
        lic = self.licence(m.tok_end, hi, e, window=4)
        if (lic is None or lic[0] == "stop") and e.np and e.needs_word and m.tok_end < hi and \
                any(self._needs_word_at(k, e) for k in range(m.tok_end, min(hi, m.tok_end + 7))):
            lic = ("np", m.tok_end, m.tok_end)
        if lic is not None and lic[0] == "stop":
            lic = None
        clause_initial = i == lo or self.is_punct(i - 1) or m.prefix in ("و", "ف") or self.norm(i - 1) in ("و", "ثم")
        accusative = "\u064b" in self.text[m.start:m.end + 1]     # جازماً، مؤكداً: written as a ḥāl
        if not clause_initial and not (lic is not None and lic[0] in ("an", "colon", "quote", "prep", "np")
                                       and (lic[2] <= m.tok_end + 1 or
                                            (lic[0] in ("an", "colon", "quote") and
                                             (accusative or self.is_addressee_at(m.tok_end, hi))))):
            return None
        if lic is None and e.np:
            if m.tok_end < hi and self.toks[m.tok_end].kind == "word":
                lic = ("np", m.tok_end, m.tok_end)
        if lic is not None and lic[0] == "np" and not self._np_head_ok(lic[1], e):
            lic = None
        if lic is None:
            return None
        kind, c0, at = lic
        if kind in ("participle",):
            return None
        if kind == "nominal":
            return None
        if e.lemma == "تحدث" and not (kind == "prep" and at == m.tok_end):
            return None          # round 8: متحدثا عن «…» only (not متحدثا باسم …, a spokesman)
        att = _Att((m.start, m.end), (m.tok_start, m.tok_end), e, si, role=e.role, cue_type="participle")
        # the subject of the clause it hangs on: the latest attribution of this sentence, else salience
        src = None
        same = [a for a in self.atts[-12:] if a.sent == si and a.src is not None and a.cue[0] < m.start]
        top = [a for a in same if not any(b is not a and b.content and b.content[0] <= a.cue[0] < b.content[1]
                                          and b.position == "after" and b.entry.type != "prep" for b in same)]
        # (round 10: a clause framed by a prepositional cue — ووفقا لمعلومات …، فقد أبلغ X … مؤكدا — is not
        # nested speech: the participle goes on with its verb's speaker)
        if top or same:
            # round 9: not the channel of a prepositional cue inside the verb clause (وأكد، بحسب وكالة
            # «إيرنا»، أن …، محذرا …): the participle goes on with the verb's speaker
            pick = top or same
            verbal = [a for a in pick if a.entry.type != "prep"]
            src = (verbal or pick)[-1].src
            want = "f" if e.agr in ("pf", "pfp") else "m" if e.agr in ("pm", "pmp") else None
            if want and src is not None and src.gender and src.gender != want and not src.plural and \
                    src.kind == "document":
                src = None          # round 10: وجاء في البيان …، مضيفة: the ministry that issued it goes on
        if src is None:
            src = self._clause_subject(lo, i, e.agr)
        if src is None:
            src = self._antecedent({"pm": "m", "pf": "f", "pmp": "mp", "pfp": "fp"}.get(e.agr, "m"), i, si)
        att.src = src
        att.implicit = True
        att.via = self._via_between(m.tok_end, at, hi)
        if src is not None:
            self._touch(src, m.start)
        self._set_content(att, c0, hi, si)
        return att if att.content else None

    def _clause_subject(self, lo: int, i: int, agr: str) -> _Src | None:
        """The subject of the sentence-initial verb a participle hangs on (وسعى نتنياهو إلى …
        قائلا، حاول رئيس الوزراء … قائلا): a titled/descriptor noun phrase, an entity or a
        known name right after the first word, when that word is a verb-like word that is no
        cue (a sentence opening with a preposition, كان or a noun gives nothing)."""
        k = lo
        while k < i and self.toks[k].kind != "word":
            k += 1
        if k + 1 >= i or self.is_cue_tok(k):
            return None
        w, n = self.bare(k), self.norm(k)
        if len(w) < 2 or len(w) == 2 and (w in _NEG or w in _PRONOUNS or w in ("قد", "ما", "لو", "اذ", "ان", "او", "ثم")) or \
                w.startswith("ال") or n in _PREPOSITIONS or w in _PREPOSITIONS or n in _KANA or \
                n in _FUNCTION or w in _FUNCTION or self._entity_end_at(k, i) > k or self._time_at(k):
            return None
        if agr in ("pm", "pmp") and w.endswith("ت") or agr in ("pf", "pfp") and not w.endswith("ت"):
            return None
        a = k + 1
        head, _ = self.head_of(a, i)
        if head is not None and (head.title or head.kind in ("official", "unknown")):
            b = min(self.np_end(a, i), self.np_end_for_name(a, i))
        elif self._entity_end_at(a, i) > a or self._known_name_token(a):
            b = self.np_end_for_name(a, i)
        else:
            return None
        while b > a + 1 and self.norm(b - 1) in _PREPOSITIONS | {"الي", "الى"}:
            b -= 1               # round 10: وتقدم X مدير عام الفرع | إلى القيادة …: the preposition is the verb's
        if b <= a or any(self.is_comp(x) for x in range(a, b)):
            return None
        return self.resolve_mention(a, b, gender=_verb_gender(agr))

    def _prep(self, m, e: CueEntry, lo: int, hi: int, si: int) -> _Att | None:
        i, k = m.tok_start, m.tok_end
        cue_end = m.end
        cue_tok_end = k
        verb_entry = None
        if e.with_verb:
            ve = self.cue_entry_at(k, ("verb", "docverb")) if k < hi else None      # حسبما ذكرت، حسبما جاء في
            if ve is None:
                return None
            vm, verb_entry = ve
            cue_end, cue_tok_end = vm.end, vm.tok_end
            k = vm.tok_end
            while k < hi and self.norm(k) in ("به", "بها", "عنه", "عنها", "فيه", "فيها", "ه", "ها"):
                k += 1
            k = self.skip_time(k, hi)
        elif e.obj:
            n = self.norm(k) if k < hi else ""
            if e.obj == "ل":
                if n in ("ل", "لـ"):
                    k += 1
                elif not (n.startswith("ل") and self.toks[k].kind == "word"):
                    return None
            else:
                if n != e.obj and self.bare(k) != e.obj:
                    return None
                k += 1
        if k >= hi:
            return None
        if not e.with_verb and not e.obj and self.bare(k) in _SAY_PRONOUN:
            return self._prep_said(m, e, k, lo, hi, si)     # …، حسب قوله / على حد تعبيره
        if e.lemma == "على حد":
            return None          # على حد سواء (equally): not a cue
        a = k
        b = self.np_end(a, hi, entry=verb_entry)
        if e.lemma == "بموجب":
            # round 9 (blind8 decision): بموجب + a document that states facts + فإن … (بموجب اتهام فدرالي
            # يعود إلى 2011 فإن X …) cites the document; بموجب القانون/الاتفاق … (a norm, no فإن) is no cue
            f = next((x for x in range(a + 1, min(hi, a + 20)) if self.norm(x) in ("فان", "فانه", "فانها", "فانهم")), None)
            if f is None or _strip_al(self.bare(a)) not in self.lex.fact_documents or \
                    any(self.is_punct(x) or self.is_comp(x) or self.is_quote(x) for x in range(a, f)):
                return None
            b = f
        fa = next((x for x in range(a + 1, b) if self.norm(x) in ("فان", "فانه", "فانها", "فانهم")), None)
        if fa is not None:
            b = fa               # round 10: وفقا لما ذكرته وسائل الإعلام | فإنه …: فإن opens the main clause
        got_from = None
        if not e.with_verb and "معلومات" in self.norm(a) and a + 4 < hi and \
                self.bare(a + 1) in ("حصلت", "حصل", "تلقت", "تلقي") and self.norm(a + 2) in ("عليها", "عليه"):
            # round 10 (blind8 decision): وفقا لمعلومات حصلت عليها «عكاظ» من مصادرها في الوزارة …: the
            # inner sources are the source, the outlet that obtained the information is the via
            p = next((x for x in range(a + 4, min(hi, a + 10)) if self.norm(x) == "من"), None)
            if p is not None and p + 1 < hi and self.toks[p + 1].kind == "word":
                q = self.np_end(p + 1, hi, allow_pp=True)
                q = next((x for x in range(p + 2, q) if self.norm(x) in ("فقد", "فان", "فانه", "فانها") or
                          self._perfect_verb_like(x)), q)
                if q > p + 1:
                    got_from = (a + 3, p)
                    a, b = p + 1, q
        if not e.with_verb and got_from is None:
            # round 10: the object stops where the clause it frames goes on: a number (بحسب دراسات سابقة |
            # سبعة ملايين حساب) or a perfect verb (وحسب شريط فيديو | ظهرت الدبابات، بحسب مصادر الجزيرة … |
            # اعتقلت قوات …)
            cut = next((x for x in range(a + 1, b) if self.norm(x) in _NUMBER_WORDS and self.toks[x - 1].kind == "word" or
                        self._perfect_verb_like(x)), None)
            if cut is not None:
                b = cut
        if b <= a:
            return None
        strip_l = e.obj == "ل" and a == m.tok_end and self.norm(a).startswith("ل")
        src_a, src_b = a, b
        # a speech noun + genitive (بحسب تصريحات مسؤولين أتراك، وفقا لبيان وزارة الداخلية)
        first = self.norm(a)[1:] if strip_l else self.norm(a)
        h_first = self.head_of(a, b)[0]
        # round 8: بحسب القرار فإن …: a document before فإن at the clause start is what is cited
        fa_inna = b < hi and self.norm(b) in ("فان", "فانه", "فانها", "فانهم") and \
            (self._clause_start(i, lo) or (i > lo and self.is_punct(i - 1, {",", "،", ";", "؛"}))) and \
            (b - a <= 3 and self.norm(a).startswith("ال") or e.lemma == "بموجب")
        if _strip_al(first) in self.lex.norm_nouns or first in self.lex.norm_nouns:
            return None          # وفقا لتوجيهات …، استنادا إلى مقررات …: a norm followed, not a source (round 7)
        construct = False
        if (_strip_al(first) in self.lex.media_nouns or first in self.lex.media_nouns) and \
                not (h_first is not None and h_first.kind in ("outlet", "agency")) and \
                not (verb_entry is not None and verb_entry.type == "docverb"):
            k2 = a + 1
            while k2 < b and self.norm(k2) in ("صادر", "الصادر", "صادره", "الصادره", "عن", "من", "ل", "لـ"):
                k2 += 1
            lgen = k2 == a + 1 and k2 < b and not strip_l and not first.startswith("ال") and \
                self.toks[k2].kind == "word" and len(self.norm(k2)) > 3 and self.norm(k2).startswith("ل")
            if lgen:
                src_a = a            # بحسب تقرير للأمم المتحدة: the indefinite statement and its ل-genitive
            elif k2 < b and self.source_like(k2, b):
                src_a = k2
                strip_l = False
            elif k2 == a + 1 < b and not first.startswith("ال") and self.toks[k2].kind == "word" and \
                    self.norm(k2).startswith("ال") and b - k2 <= 5 and self.source_like(a, b) and \
                    not self.text[self.toks[k2].start:self.toks[k2].end].endswith(("ي", "ية", "يه")):
                src_a = k2           # round 10: بحسب بيانات الدعوى → الدعوى (a construct genitive, GUIDELINES blind4)
                strip_l = False
                construct = True
            elif not strip_l:
                src_a = a            # the statement itself (بحسب بيان، وفق تقرير)
        one_name = e.lemma in ("حسب", "بحسب") and not e.with_verb and src_b == src_a + 1 and \
            src_a > lo and not self._clause_start(i, lo) and self._clause_final(src_b, hi) and \
            self.toks[src_a].kind == "word" and len(self.norm(src_a)) >= 4 and \
            not self.norm(src_a).startswith(("ال", "ب", "ل")) and not self.norm(src_a).endswith(("ات", "ه", "هم", "ها", "هما", "نا")) and \
            not self.is_cue_tok(src_a)
        if one_name and self.norm(src_a) not in self.lex.media_nouns:
            pass                 # …، بحسب دوغان.: a one-word name closing the clause is the source
        elif not strip_l and not fa_inna and not construct and got_from is None and \
                not (verb_entry is not None and verb_entry.type == "docverb" and
                                                  src_b - src_a <= 4 and self.norm(src_a).startswith("ال")) and \
                (not self.source_like(src_a, src_b) or
                            (self.head_of(src_a, src_b)[0] is None and e.lemma in ("وفق", "وفقا", "طبقا", "تبعا") and
                             not self._entity_end_at(src_a, src_b) > src_a and not self._given(src_a) and
                             not self._known_name_token(src_a) and not self.is_quote(src_a))):
            return None
        if got_from is not None:
            src_a, src_b, strip_l = a, b, False
        elif strip_l and not self._source_like_l(src_a, src_b):
            return None
        if e.obj == "عن" and not e.with_verb and m.tok_end == i + 1 and self.norm(i + 1) == "عن":
            cue_end, cue_tok_end = self.toks[i + 1].end, i + 2      # نقلا عن: the fixed phrase
        att = _Att((m.start, cue_end), (i, cue_tok_end), e, si, role="cite", cue_type="prepositional")
        if strip_l:
            att.src = self._addressee_like(src_a, src_b)
        else:
            att.src = self.resolve_mention(src_a, src_b)
        att.mention = self._span(src_a, src_b) if not strip_l else \
            self._trim_span(self._past_l(self.toks[src_a]), self.toks[src_b - 1].end)
        self._touch(att.src, m.start)
        if got_from is not None:
            vs = self.resolve_mention(*got_from)
            vs.extra["_via_last"] = True
            att.via = [(vs, "cites", self._span(*got_from))]
            while b < hi and self.norm(b) in ("فقد", "فان"):
                b += 1
        # content: after (clause start / middle) or before (clause end)
        at_start = self._clause_start(i, lo)
        if at_start and self._clause_final(b, hi) and si > 0:
            plo, phi = self.sent_tok_range(si - 1)
            c_start = self._content_start_at(plo)
            if c_start is not None and phi > c_start:
                k2 = phi - 1
                while k2 > c_start and self.is_punct(k2, _SENT_END):
                    k2 -= 1
                att.position = "before"
                att.content = self._trim_span(self.toks[c_start].start, self.toks[k2].end)
                att.content_tok = c_start
                return att
        if not at_start and self._clause_final(b, hi):
            span = self._clause_before(i, lo)
            if span is None:
                return None
            c_start, k2 = span
            att.position = "before"
            att.content = self._trim_span(self.toks[c_start].start, self.toks[k2].end)
            att.content_tok = c_start
            return att
        c0 = b
        while c0 < hi and (self.is_punct(c0, {",", "،", ":"}) or self.is_comp(c0)):
            c0 += 1
        if c0 >= hi:
            return None
        if at_start or fa_inna:
            self._set_content(att, c0, hi, si)
        else:
            end_tok = self._next_comma(c0, hi)
            if end_tok <= c0:
                return None
            end, q = self.content_end(c0, end_tok)
            att.content = self._trim_span(self.toks[c0].start, end) if q is None else (self.toks[c0].start, end)
            att.content_tok = c0
        return att if att.content and att.content[1] > att.content[0] else None

    def _clause_before(self, i: int, lo: int) -> tuple[int, int] | None:
        """The clause a clause-final cue at token ``i`` reports: its first token (from
        ``lo``) and its last one before the cue, less trailing commas and dashes; None
        when nothing is left."""
        k2 = i - 1
        while k2 >= lo and self.is_punct(k2, {",", "،", "-", "–"}):
            k2 -= 1
        c_start = self._content_start_at(lo)
        if c_start is None or k2 < c_start:
            return None
        return c_start, k2

    def _prep_said(self, m, e: CueEntry, k: int, lo: int, hi: int, si: int) -> _Att | None:
        """A prepositional cue whose object is a speech noun with a pronoun (…، حسب قوله.
        / … السورية على حد قوله): the clause before it, cited from the pronoun's referent
        (implicit source).  Cue span: the preposition (حسب), or the whole fixed phrase
        (على حد قوله)."""
        i = m.tok_start
        nxt = k + 1
        if not (self._clause_final(nxt, hi) or self.is_punct(nxt, {",", "،"}) or
                (nxt < hi and self.is_cue_tok(nxt) and self.cue_entry_at(nxt, ("prep",)))):
            return None
        src = self._antecedent(_SAY_PRONOUN[self.bare(k)], i, si)
        if src is None:
            return None
        span = self._clause_before(i, lo)
        if span is None:
            return None
        c_start, k2 = span
        whole = e.lemma == "على حد"
        tk = self.toks[k]
        att = _Att((m.start, tk.end if whole else m.end), (i, k + 1 if whole else m.tok_end), e, si,
                   role="cite", cue_type="prepositional")
        att.src = src
        att.implicit = True
        self._touch(src, m.start)
        att.position = "before"
        att.content = self._trim_span(self.toks[c_start].start, self.toks[k2].end)
        att.content_tok = c_start
        prev = next((a for a in reversed(self.atts[-4:]) if a.sent == si and a.content and
                     att.content[0] <= a.content[0] < m.start and a.content_tok is not None), None)
        if prev is not None:        # the reported clause itself, not the reporting clause around it
            att.content = self._trim_span(prev.content[0], self.toks[k2].end)
            att.content_tok = prev.content_tok
        if whole:
            self._consumed_tok.add(k)
        return att

    def _source_like_l(self, a: int, b: int) -> bool:
        n = self.norm(a)[1:]
        if n.startswith("ل"):
            n = "ا" + n
        key = _strip_al(n)
        if key in self.lex.class_words or n in self.lex.agency_keys:
            return True
        h = self.lex.heads.lookup(n)
        if h:
            return True
        return any(key in s.cls or (s.tokens and key in s.tokens) for s in self.srcs) or self.source_like(a + 1, b) \
            if a + 1 < b else any(key in s.cls for s in self.srcs)

    def _addressee_like(self, a: int, b: int) -> _Src:
        src = self._addressee_src(a, b, strip_l=True)
        return src

    def _clause_start(self, i: int, lo: int) -> bool:
        k = i - 1
        while k >= lo and (self.is_punct(k, {"-", "–"}) or self.norm(k) in ("و", "ف")):
            k -= 1
        if k < lo:
            return True
        c = self._content_start_at(lo)
        return c is not None and c >= i

    def _next_comma(self, c0: int, hi: int) -> int:
        depth = 0
        k = c0
        while k < hi:
            if self.is_quote(k):
                if k in self.opening:
                    depth += 1
                elif depth:
                    depth -= 1
            elif depth == 0 and self.is_punct(k, {",", "،", ";", "؛"}):
                return k
            k += 1
        return hi

    def _nominal(self, m, e: CueEntry, lo: int, hi: int, si: int) -> _Att | None:
        c0 = m.tok_end
        if written_last_letter(self.text, m.end) == "ة":
            return None          # حديثة (recent), not حديثه (his talk): ta marbuta is no pronoun
        if m.tok_start > lo and self.norm(m.tok_start - 1) in ("عن", "علي", "الي", "من"):
            return None
        if c0 >= hi or (self.is_punct(c0, _SENT_END | {",", "،"})):
            return None
        stem = _n(self.text[m.start:m.end])
        if stem.startswith(self.lex.nominal_strict):
            k = self.skip_time(c0, hi)
            ok = k < hi and (self.is_comp(k) or self.norm(k) in (":", "عن") or
                             (self.is_quote(k) and k not in self.closing) or
                             (self.is_quote(k) and k + 1 < hi and self.norm(k + 1) == "عن"))
            if not ok:
                return None
            c0 = k
        if c0 < hi and (self.is_punct(c0, {":"}) or self.is_comp(c0)):
            c0 += 1
        if m.prefix in ("ب", "وب"):
            # round 10: أجاب أوباما بالنفي بقوله: «…» — the verb's own words (like اكتفى … بالقول): its
            # content is what follows بقوله, and بقوله is no second cue
            for a in reversed(self.atts[-4:]):
                if a.sent == si and a.content and a.content[0] <= m.start < a.content[1] and \
                        a.cue_type == "verb" and m.tok_start - a.cue_tok[1] <= 8:
                    self._set_content(a, c0, hi, si)
                    return None
        att = _Att((m.start, m.end), (m.tok_start, m.tok_end), e, si, role=e.role, cue_type="nominal")
        # the pronoun: the nearest source mentioned before it in this sentence, else salience
        src = None
        best = -1
        for s in self.srcs:
            for (ms, me) in s.mentions:
                if self.doc.sentences[si].start <= ms < m.start and ms > best and \
                        (e.agr != "m" or s.gender != "f") and (e.agr != "f" or s.gender != "m"):
                    best, src = ms, s
        if src is None:
            src = self._antecedent(e.agr, m.tok_start, si)
        att.src = src
        att.implicit = True
        if src is not None:
            self._touch(src, m.start)
        self._set_content(att, c0, hi, si)
        return att if att.content else None

    def _nominal_genitive(self, m, e: CueEntry, lo: int, hi: int, si: int) -> _Att | None:
        """A verbal noun whose genitive is the source (إعلان الحكومة أن …، نفي الوزارة أن …،
        وصف وزير الخارجية القطري ونظيره الأميركي نظام الأسد بأنه …): a cue when its content
        opens right after the source (a complementizer, a colon, a quote, its preposition)."""
        a = m.tok_end
        if a >= hi or self.toks[a].kind not in ("word", "punct"):
            return None
        n0 = self.norm(a)
        if self.is_addressee_at(a, hi):
            return None                       # في تصريح لوكالة الأنباء: whom it was made to, not whose
        if not (n0.startswith("ال") or self._given(a) or self._known_name_token(a) or self.is_quote(a) or
                self._entity_end_at(a, hi) > a or self.bare(a) in self.lex.honorifics or
                self.head_of(a, hi)[0] is not None) or \
                (not n0.startswith("ال") and n0.endswith(("ي", "يه"))):
            return None                       # تصريح صحافي: an adjective, not whose statement
        b = self.np_end_for_name(a, hi)
        if b <= a or not self.source_like(a, b) or any(self.is_comp(x) for x in range(a, b)):
            return None
        lic = self.licence(b, hi, e, window=12)
        if lic is None or lic[0] == "stop":
            # round 8: a title chain that ends in a person's name (تأكيد نائب خادم الحرمين الشريفين صاحب
            # السمو الملكي الأمير محمد بن نايف - حفظه الله -، أن …): the genitive runs to the name's end
            b2 = self.np_end(a, hi)
            if b2 > b and any(self._entity_end_at(x, hi, ("PERS",)) == b2 for x in range(b, b2)):
                lic2 = self.licence(b2, hi, e, window=12)
                if lic2 is not None and lic2[0] in ("an", "colon", "quote"):
                    b, lic = b2, lic2
        if lic is not None and lic[0] == "stop" and e.np and e.preps:
            k = lic[1]
            if any(self.norm(x) in e.preps or self.bare(x) in e.preps or
                   ("ب" in e.preps and self.norm(x).startswith("ب") and len(self.norm(x)) > 3)
                   for x in range(k + 1, min(hi, k + 6))):
                lic = ("np", k, k)            # وصف X نظام الأسد بأنه …
        if e.lemma == "إعلان" and b < hi and self.is_quote(b) and b in self.partner and \
                self.partner[b] - b == 2 and self._masdar_like(b + 1) and \
                (lic is None or lic[0] not in ("an", "colon", "prep")):
            lic = ("np", b, b)                # round 8: بعد إعلان السلطات «تحريرها» من …
        elif lic is not None and lic[0] == "stop" and e.lemma == "إعلان" and lic[1] >= b and \
                not self.norm(lic[1]).startswith("ال") and self._masdar_like(lic[1]) and \
                not self._performative(lic[1], lic[1] + 1, hi, announce=True):
            lic = ("np", lic[1], lic[1])      # round 8: على إعلان الحكومة في المنفى تحرير عدن
        if lic is None or lic[0] not in ("an", "colon", "quote", "prep", "np"):
            return None
        att = _Att((m.start, m.end), (m.tok_start, m.tok_end), e, si, role=e.role, cue_type="nominal")
        att.src = self.resolve_mention(a, b)
        att.mention = self._span(a, b)
        att.via = self._via_between(b, lic[2], hi)
        self._touch(att.src, m.start)
        self._set_content(att, lic[1], hi, si)
        return att if att.content else None

    def _docverb(self, m, e: CueEntry, lo: int, hi: int, si: int) -> _Att | None:
        a = m.tok_end
        if a >= hi:
            return None
        head, _ = self.head_of(a, hi)
        if head is None or head.kind != "document":
            return None
        b = self.np_end(a, hi, entry=e)
        lic = self.licence(b, hi, e)
        if (lic is None or lic[0] == "stop") and (b >= hi or self.is_punct(b, {",", "،", ";", "؛"} | _SENT_END)) \
                and self._inversion_point(m.tok_start, lo) and self._has_text_before(m.tok_start, lo):
            # … ، كما جاء في لائحة الاتهام، …: the clause before it is the content
            att = self._inverted(m, e, lo, hi, si, (a, b), explicit=True)
            if att is not None:
                att.cue_type = "document"
            return att
        if lic is None or lic[0] == "stop":
            return None
        att = _Att((m.start, m.end), (m.tok_start, m.tok_end), e, si, role="say", cue_type="document")
        att.src = self.resolve_mention(a, b)
        att.mention = self._span(a, b)
        self._touch(att.src, m.start)
        self._set_content(att, lic[1], hi, si)
        return att if att.content else None

    def _light(self, m, e: CueEntry, lo: int, hi: int, si: int) -> _Att | None:
        i = m.tok_start
        verb = None
        for k in range(max(lo, i - 8), i):
            if self.bare(k) in self.lex.light_verbs:
                verb = k
        if verb is None:
            return None
        a = self.skip_time(verb + 1, i)
        # round 7 convention: the light verb is the cue (جدد التأكيد على → جدد), like جدد موقفها
        vt = self.toks[verb]
        vs = vt.start + (1 if self.norm(verb) != self.bare(verb) else 0)
        att = _Att((vs, vt.end), (verb, verb + 1), e, si, role="say", cue_type="nominal")
        if a < i:
            b = a
            while b < i and not self.is_punct(b):
                b += 1
            if b > a and self.source_like(a, b):
                att.src = self.resolve_mention(a, b)
                att.mention = self._span(a, b)
        if att.src is None:
            att.src = self._antecedent("m", i, si)
            att.implicit = True
        c0 = m.tok_end
        if c0 < hi and self.norm(c0) in ("علي", "على"):
            c0 += 1
        if c0 < hi and self.is_comp(c0):
            c0 += 1
        if att.src is not None:
            self._touch(att.src, m.start)
        self._set_content(att, c0, hi, si)
        return att if att.content else None

    # -- colon quotations ----------------------------------------------------
    def _colon_quotes(self) -> None:
        taken = [(a.cue[0], a.content[1] if a.content else a.cue[1]) for a in self.atts]
        for t in self.toks:
            if t.norm != ":" or t.kind != "punct":
                continue
            i = t.i
            # the noun phrase before it, back to a line start / sentence start / another colon
            # (the segmenter's boundaries: a line break is any of \n \r U+2028 U+2029, and a
            # closing quote ending the sentence before stays there)
            a = i - 1
            while a >= 0 and i - a <= 7:
                if self.toks[a].sent != t.sent or \
                        _LINE_BREAKS.search(self.text, self.toks[a].end, self.toks[a + 1].start):
                    break
                if self.is_punct(a) and self.norm(a) not in (_QUOTE,):
                    break
                a -= 1
            a += 1
            if a >= i or i - a > 6:
                continue
            if a > 0 and not (self.is_punct(a - 1) or self.toks[a - 1].sent != self.toks[a].sent or
                              _LINE_BREAKS.search(self.text, self.toks[a - 1].end, self.toks[a].start)):
                continue
            if any(s <= t.start < e for s, e in taken) or i in self._link_label:
                continue
            first = self.bare(a)
            line_start = max(self.text.rfind(c, 0, t.start) for c in "\n\r\u2028\u2029") + 1
            if first in ("المصدر", "مصدر", "رابط", "المرجع") or regex.search(r"[\-–—]", self.text[line_start:t.start]):
                continue
            head, _ = self.head_of(a, i)
            if head is None or head.kind in ("document",):
                if not any(ent.label in ("PERS", "ORG") and ent.start >= self.toks[a].start and ent.end <= t.start
                           for ent in self.doc.entities):
                    continue
            # a byline: the outlet's own name before the colon at the start of the text
            if self.toks[a].start < 40 and a == 0:
                continue
            si = t.sent
            hi = self._sent_tok[si][1] if 0 <= si < len(self._sent_tok) else len(self.toks)
            c0 = i + 1
            if c0 >= len(self.toks):
                continue
            e = CueEntry("colon", ":", "say")
            att = _Att((t.start, t.end), (i, i + 1), e, si, role="say", cue_type="colon")
            att.src = self.resolve_mention(a, i)
            att.mention = self._span(a, i)
            lb = _LINE_BREAKS.search(self.text, t.end)
            line_end = lb.start() if lb else len(self.text)
            end_tok = hi
            while end_tok > c0 and self.toks[end_tok - 1].start >= line_end:
                end_tok -= 1
            if end_tok <= c0:
                continue
            end, q = self.content_end(c0, end_tok)
            att.content = self._trim_span(self.toks[c0].start, end)
            att.content_tok = c0
            self.atts.append(att)

    # -- after all cues -------------------------------------------------------
    def _finish_contents(self) -> None:
        atts = sorted(self.atts, key=lambda a: a.cue[0])
        # drop a nominal cue between another cue and its content (قال في تصريحه إن …)
        # (windows of _WINDOW attributions: cues and contents are local; QA-4)
        keep = []
        for idx, a in enumerate(atts):
            if a.cue_type == "nominal" and a.cue_tok[0] not in self._licence_nominals and \
                    any(b is not a and b.content and b.cue[0] < a.cue[0] < b.content[0]
                        for b in atts[max(0, idx - _WINDOW):idx + _WINDOW]):
                continue
            keep.append(a)
        atts = keep
        # siblings end the content of the attribution before them
        for idx, a in enumerate(atts):
            if not a.content or a.position == "before":
                continue
            for b in atts[idx + 1:idx + 1 + _WINDOW]:
                if b.cue[0] >= a.content[1]:
                    break
                if b.cue[0] <= a.content[0]:
                    continue
                if self._is_sibling(b, a):
                    k = b.cue_tok[0] - 1
                    while k >= 0 and (self.is_punct(k, {",", "،", "-", "–", ";", "؛"}) or
                                      self.norm(k) in _SIBLING_OPENERS or self.norm(k) in ("لكنه", "لكنها")):
                        k -= 1
                    if k >= 0 and self.toks[k].end > a.content[0]:
                        end = self.toks[k].end
                        # a quote left open inside keeps its text, it is not closed here
                        a.content = self._trim_span(a.content[0], end)
                    break
        self.atts = atts

    def _is_sibling(self, b: _Att, a: _Att) -> bool:
        if b.position == "before" and b.cue_type == "prepositional":
            return True
        if b.cue_type == "participle":
            # a participle inside a quote is part of the quoted text
            return not self._inside_quote(b.cue_tok[0], a)
        i = b.cue_tok[0]
        tok = self.toks[i]
        prefix_conj = tok.norm[:1] in ("و", "ف") and b.cue[0] > tok.start
        prev = self.norm(i - 1) if i > 0 else ""
        if b.cue_type in ("verb", "nominal") and (prefix_conj or prev in _SIBLING_OPENERS or prev in ("لكنه", "لكنها")):
            if self._inside_quote(i, a):
                return False
            return True
        return False

    def _inside_quote(self, i: int, a: _Att) -> bool:
        # the pairs holding i nest, so the innermost one has the latest opening
        o = self._inner_quote[i] if 0 <= i < self._ntok else -1
        return o >= 0 and o < i and self.toks[o].start >= a.content[0] - 1

    # -- carriers as attributions -------------------------------------------
    def _carrier_attributions(self) -> None:
        text = self.text
        bs, be = self.body
        for (s, role), c in zip([x for x in self.doc_chain if x[1] != "article"], self.carriers):
            if role == "source_line" and c.get("start") is not None:
                cue_s = c["start"]
                colon = text.find(":", cue_s, c.get("name_start") or c["end"])
                if colon < 0:
                    colon = text.find("：", cue_s, c.get("name_start") or c["end"])
                if colon < 0:
                    cue = (c["name_start"], c["name_end"]) if c.get("name_start") is not None else None
                else:
                    cue = (cue_s, colon + 1)
                if cue is None:
                    continue
                cs, ce = self._trim_span(bs, min(be, cue_s))
                if c.get("agency"):        # "… - رويترز": the whole text before it
                    cs, ce = self._trim_span(bs, c["name_start"])
                    while ce > cs and text[ce - 1] in "-–—([ ":
                        ce -= 1
                    cs, ce = self._trim_span(cs, ce)
                if ce <= cs:
                    continue
                att = _Att(cue, (0, 0), CueEntry("carrier", "source_line", "cite"), -1, role="cite",
                           cue_type="source_line")
                att.src = s
                att.mention = (c["name_start"], c["name_end"]) if c.get("name_start") is not None else None
                att.content = (cs, ce)
                self.atts.append(att)
            elif role == "dateline" and c.get("name_start") is not None:
                ns, ne = c["name_start"], c["name_end"]
                cs_, ce_ = ns, ne
                if ns > 0 and text[ns - 1] == "(" and ne < len(text) and text[ne] == ")":
                    cs_, ce_ = ns - 1, ne + 1
                # content: from after the dateline (its line, or its dash/colon) to the body end
                after = ce_
                m = regex.match(r"[ \t]*(?:[\-–—:]+[ \t]*[^\n\-–—:]{0,25}?[\-–—:]|[\-–—:])?[ \t]*\n?", text[after:])
                after += m.end() if m else 0
                nl = text.find("\n", ce_)
                if nl >= 0 and not text[ce_:nl].strip(" \t-–—:."):
                    after = nl + 1
                end = be
                for c2 in self.carriers:
                    if c2.get("role") == "source_line" and c2.get("start") is not None and c2["start"] > after:
                        end = min(end, c2["start"])
                cs, ce = self._trim_span(after, end)
                if ce <= cs:
                    continue
                att = _Att((cs_, ce_), (0, 0), CueEntry("carrier", "dateline", "cite"), -1, role="cite",
                           cue_type="dateline")
                att.src = s
                att.mention = (ns, ne)
                att.content = (cs, ce)
                self.atts.append(att)

    # -- chains ---------------------------------------------------------------
    def _chains(self) -> None:
        atts = [a for a in self.atts if a.src is not None or a.cue_type in ("verb", "participle", "nominal")]
        unresolved = None
        for a in atts:
            if a.src is None:
                if unresolved is None:
                    unresolved = self._new_src("", "unknown")
                    unresolved.extra["reason"] = "cues without a subject that no earlier source agrees with"
                a.src = unresolved
        # parent: the smallest in-text content holding the cue (carriers are the document chain);
        # contents rarely run over more than a few sentences, so look at those only
        by_sent: dict[int, list] = {}
        for b in atts:
            if b.content and b.cue_type not in ("dateline", "source_line"):
                by_sent.setdefault(b.sent, []).append(b)
        for lst in by_sent.values():
            lst.sort(key=lambda b: b.content[0])
        starts = {si: [b.content[0] for b in lst] for si, lst in by_sent.items()}
        for a in atts:
            best = None
            near = []
            if a.sent >= 0:
                for d in range(0, 6):
                    lst = by_sent.get(a.sent - d)
                    if lst:     # contents starting at or before the cue, the nearest _WINDOW (QA-4)
                        x = bisect_left(starts[a.sent - d], a.cue[0] + 1)
                        near.extend(lst[max(0, x - _WINDOW):x])
            for b in near:
                if b is a:
                    continue
                if b.content[0] <= a.cue[0] and a.cue[1] <= b.content[1]:
                    if a.content and b.content == a.content and b.cue[0] > a.cue[0]:
                        continue
                    # mutual containment (an inverted cue and one inside its content): the
                    # larger content is the parent
                    if a.content and a.content[0] <= b.cue[0] and b.cue[1] <= a.content[1] and \
                            (a.content[1] - a.content[0]) >= (b.content[1] - b.content[0]):
                        continue
                    if best is None or (b.content[1] - b.content[0]) < (best.content[1] - best.content[0]):
                        best = b
            a.parent = best
        rooted: set = set()        # the parent relation must be a tree; nodes known to reach a root
        for a in atts:
            seen, path, p = {id(a)}, [a], a.parent
            while p is not None and id(p) not in rooted:
                if id(p) in seen:
                    a.parent = None
                    rooted.add(id(a))
                    break
                seen.add(id(p))
                path.append(p)
                p = p.parent
            else:
                rooted.update(id(x) for x in path)
        doc_chain = list(self.doc_chain)

        def chain_of(a: _Att, depth=0) -> list:
            if a.chain:
                return a.chain
            if a.cue_type in ("dateline", "source_line"):
                out = []
                for s, r in doc_chain:
                    out.append((s, r))
                    if s is a.src:
                        break
                a.chain = out
                return out
            if a.parent is not None and depth < 20:
                base = list(chain_of(a.parent, depth + 1))
            else:
                base = list(doc_chain) + list(a.src.path or [])
            links = base + [(v[0], v[1]) for v in a.via]
            # the chain of the source actually chosen: an implicit source that is already on
            # the way (the outlet, an outer speaker) ends the chain there, not after the
            # parent's innermost source
            k = next((n for n, (s, _) in enumerate(links) if s.key == a.src.key), None)
            if k is not None:
                links = links[:k]
            a.chain = _dedupe(links + [(a.src, _link_role(a))])
            if a.src.path is None:
                a.src.path = [x for x in a.chain[:-1] if x not in doc_chain]
            return a.chain

        for a in sorted(atts, key=lambda x: x.cue[0]):
            chain_of(a)
        # invariant: a chain ends with its attribution's source; repair it (cut after the
        # source, or append it), and say so
        for a in atts:
            if a.chain and a.chain[-1][0].key == a.src.key:
                continue
            k = next((n for n, (s, _) in enumerate(a.chain) if s.key == a.src.key), None)
            if k is not None:
                a.chain = a.chain[:k + 1]
                a.chain_reason = "chain cut after the attribution's source"
            else:
                a.chain = _dedupe(list(a.chain) + [(a.src, _link_role(a))])
                a.chain_reason = "source appended to a chain that did not reach it"
        self.atts = atts

    # -- hedges and status ------------------------------------------------------
    def _hedges(self) -> None:
        if not self.toks:
            hs = []
        else:
            hs = hedge_spans(self.doc)
        cue_spans = [a.cue for a in self.atts]
        cue_starts = sorted(cue_spans)
        import bisect
        by_sent: dict[int, list] = {}
        for a in self.atts:
            if a.content and a.cue_type not in ("dateline", "source_line"):
                by_sent.setdefault(a.sent, []).append(a)
        for (s, e, typ) in hs:
            k = bisect.bisect_right(cue_starts, (s, 10 ** 12)) - 1
            if k >= 0 and cue_starts[k][0] <= s < cue_starts[k][1]:
                continue
            if k + 1 < len(cue_starts) and cue_starts[k + 1][0] < e and cue_starts[k + 1][0] >= s:
                continue
            best = None
            si = self.doc.sentence_at(s)
            si = -99 if si is None else si
            for a in (b for d in range(0, 6) for b in by_sent.get(si - d, ())):
                if a.content and a.content[0] <= s and e <= a.content[1] and a.cue_type not in ("dateline", "source_line"):
                    if best is None or (a.content[1] - a.content[0]) < (best.content[1] - best.content[0]):
                        best = a
            if best is not None:
                best.hedges.append((s, e, typ))
        # a prepositional cue inside another's content hedges it (… وهذا، حسب المصادر، …)
        for a in self.atts:
            if a.cue_type == "prepositional" and a.parent is not None and a.mention:
                s, e = a.cue[0], max(a.cue[1], a.mention[1])
                if a.parent.content[0] <= s and e <= a.parent.content[1]:
                    a.parent.hedges.append((s, e, "hearsay"))

    def status(self, a: _Att, depth: int = 0) -> str:
        st = "asserted"
        if a.role == "deny":
            return "denied"
        if a.role in ("allege", "accuse") or any(t == "allegation" for _, _, t in a.hedges):
            st = "alleged"
        elif any(t in ("hearsay", "uncertainty", "unverified") for _, _, t in a.hedges) or \
                any(s.kind in UNNAMED_KINDS for s, _ in a.chain) or a.src.kind in UNNAMED_KINDS:
            st = "reported"
        if a.parent is not None and a.parent.cue_type not in ("dateline", "source_line") and depth < 12:
            ps = self.status(a.parent, depth + 1)
            if STATUS_ORDER.index(ps) > STATUS_ORDER.index(st) and ps != "denied":
                st = ps
        return st

    # -- output ---------------------------------------------------------------
    def _emit(self) -> None:
        doc = self.doc
        used = set()
        for s, _ in self.doc_chain:
            used.add(s.key)
        for a in self.atts:
            for s, _ in a.chain:
                used.add(s.key)
        order = [s for s in self.srcs if s.key in used]
        order.sort(key=lambda s: (0 if s.carrier else 1, min((m[0] for m in s.mentions), default=-1)
                                  if not s.carrier else s.key))
        ids = {}
        for n, s in enumerate(order, 1):
            ids[s.key] = f"s{n}"
            extra = {k: v for k, v in s.extra.items() if not k.startswith("_")}
            if s.carrier:
                extra["carrier"] = s.carrier
            extra["named"] = bool(s.name) and s.kind not in UNNAMED_KINDS
            if s.actor_type:
                extra["actor_type"] = s.actor_type
            som = s.actor_extra.get("state_media_of") if s.actor_extra else None
            if som or s.actor_type == "media_state":
                extra["state_media_of"] = som
            ments = sorted(set(m for m in s.mentions if m[1] > m[0]))
            name = s.name
            if not name:
                # no name in the text: an honest description instead of an empty field, never
                # an invented name (``unnamed`` says so; ``reason`` says why)
                name = _UNNAMED_LABELS.get(s.carrier or "", _UNNAMED_LABELS["speaker"])
                extra["unnamed"] = True
                extra.setdefault("reason", "the text does not name this source")
            doc.sources.append(Source(ids[s.key], name, s.kind,
                                      [Mention(a, b) for a, b in ments], s.actor, extra))
        doc.meta["document_chain"] = [{"source": ids[s.key], "link": r} for s, r in self.doc_chain]
        atts = sorted(self.atts, key=lambda a: (a.cue[0], a.cue[1]))
        aid = {}
        for n, a in enumerate(atts, 1):
            aid[id(a)] = f"a{n}"
        for a in atts:
            cue = TextSpan(a.cue[0], a.cue[1], self.text[a.cue[0]:a.cue[1]])
            content = TextSpan(a.content[0], a.content[1])
            hedges = [TextSpan(s, e, self.text[s:e]) for s, e, _ in sorted(set(a.hedges))]
            chain_ids = [ids[s.key] for s, _ in a.chain]
            extra = {"role": a.role, "status": self.status(a), "cue_type": a.cue_type,
                     "links": [{"source": ids[s.key], "link": r} for s, r in a.chain],
                     "hedge_types": [t for _, _, t in sorted(set(a.hedges))]}
            if a.entry.lemma and a.cue_type in ("verb", "participle", "prepositional", "nominal", "document"):
                extra["lemma"] = a.entry.lemma
            if a.learned:
                extra["learned"] = True          # a cue the rules rejected, proposed by the cue model
            if a.mention and a.mention[1] > a.mention[0]:       # never an empty mention
                extra["source_mention"] = {"start": a.mention[0], "end": a.mention[1]}
            vm = [{"source": ids[v[0].key], "link": v[1], "start": v[2][0], "end": v[2][1]}
                  for v in a.via if v[2] is not None and v[0].key in ids and v[2][1] > v[2][0]]
            if vm:
                extra["via_mentions"] = vm
            if a.implicit:
                extra["implicit"] = True
                src_m = [m for m in a.src.mentions if m[0] < a.cue[0]]
                if src_m:
                    m = max(src_m)
                    extra["antecedent"] = {"start": m[0], "end": m[1]}
            if a.parent is not None:
                extra["parent"] = aid[id(a.parent)]
            if a.chain_reason:
                extra["chain_reason"] = a.chain_reason
            doc.attributions.append(Attribution(aid[id(a)], cue, ids[a.src.key], content, chain_ids, hedges, extra))


# ---------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------

_GENERIC = frozenset({"مصادر", "مصدر", "المصادر", "بيان", "وكاله", "صحيفه", "موقع", "قناه", "عربيه",
                      "في", "من", "عن", "علي", "الي", "دوليه", "العام", "عام", "الاعلام", "الانباء", "انباء",
                      "خاصه", "محليه", "الرسمي", "رسمي", "التابع", "باسم", "داخل", "حي", "مدينه", "الناطق",
                      "المتحدث", "وزاره", "الخارجيه", "الداخليه", "الدفاع", "رييس", "رئيس", "مجلس", "اليوم"})
_NISBA_OK = frozenset({"نفسها", "ذاتها"})
_MANNER = frozenset({"بلهجه", "بنبره", "بصوت", "بشده", "بوضوح", "بحزم", "بصراحه", "بثقه", "بغضب", "بحسره",
                     "بمراره", "بتهكم", "بسخريه", "بحماس", "بهدوء", "باختصار", "بايجاز", "بدوره", "بدورها"})
# adjectives that take a ل- complement (التابعة لها، الموالية له): not an addressee
_ENVOYS = frozenset({"سفير", "سفيره", "مندوب", "مندوبه", "ممثل", "ممثله", "قنصل", "ملحق", "مبعوث", "مبعوثه"})
_ATTACHED_TO = frozenset({"تابع", "تابعه", "موالي", "مواليه", "موالين", "مقرب", "مقربه", "معارض", "معارضه",
                          "مؤيد", "مؤيده", "مناهض", "مناهضه", "خاضع", "خاضعه", "مساند", "مسانده"})
# words after which عن is part of the noun phrase (بيان صادر عن الوزارة، المسؤول عن الملف)
_AN_COMPLEMENT = frozenset({"صادر", "صادره", "صادرين", "منبثق", "منبثقه", "مسؤول", "مسؤوله", "مسؤولين",
                            "مسؤولون", "مسؤولو", "نيابه", "ممثل", "ممثلين", "ممثلون", "ممثلو", "منشق", "منشقين",
                            "منشقون", "متحدث", "متحدثه", "نقلا", "مبعوث", "بالنيابه", "عبارة", "عباره"})


_ACTOR_CACHE: dict = {}


def _resolve_actor(mod, name: str):
    """The registry actor a carrier or outlet name resolves to (cached: the lookup builds a
    small document each time)."""
    if name not in _ACTOR_CACHE:
        try:
            _ACTOR_CACHE[name] = mod.resolve(name)
        except Exception:       # the registry is optional here: no actor, no crash
            _ACTOR_CACHE[name] = None
        if len(_ACTOR_CACHE) > 5000:
            _ACTOR_CACHE.clear()
    return _ACTOR_CACHE[name]


def _strip_al(n: str) -> str:
    if n.startswith("ال") and len(n) > 3:
        return n[2:]
    if n.startswith("وال") and len(n) > 4:
        return n[3:]
    return n


def _clean_name(s: str) -> str:
    s = regex.sub(r"[\"“”«»„‟″]", "", s)
    return regex.sub(r"\s+", " ", s).strip(" ،,.:-–")


def _gender_guess(s: str) -> str | None:
    w = s.split()[0] if s.split() else ""
    w = regex.sub(r"[\"“”«»]", "", w)
    if w.endswith("ة") or w.endswith("ات"):
        return "f"
    return None


def _verb_gender(agr: str) -> str | None:
    return {"m": "m", "f": "f", "mp": "m", "fp": "f", "pm": "m", "pf": "f", "pmp": "m", "pfp": "f"}.get(agr)


def _link_role(a: _Att) -> str:
    return {"cite": "cites", "allege": "alleges", "deny": "denies", "accuse": "accuses"}.get(a.role, "says")


_LINE_BREAKS = regex.compile("[\n\r\u2028\u2029]")


def _dedupe(links: list) -> list:
    out, seen = [], set()
    for s, r in links:
        if s.key in seen:
            continue
        seen.add(s.key)
        out.append((s, r))
    return out
