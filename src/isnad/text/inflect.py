"""Surface forms of Arabic verbs and nouns, for expanding lexicons before matching.

A lexicon entry names a verb by its past 3rd-person masculine singular (``قتل``,
``استولى``, ``فرّ``) and a noun by its singular or plural (``غارة``, ``اشتباكات``);
:func:`verb_forms` and :func:`noun_forms` give the written (unvocalised,
normalised) forms a news text uses: past and present inflections, the future
``س``, the definite article, attached object and possessive pronouns.  The
prefix clitics و ف ب ل ك are left to :class:`isnad.text.matcher.PhraseMatcher`,
which strips them per token.

Why hand-written: the generators on offer need data we cannot download
(camel-tools' morphology DB) or fail on Python 3.11 (alyahmor); qalsadi
analyses but does not generate.  Unvocalised Arabic makes generation a small,
explicit table: the few irregular present stems (hollow ``قام → يقوم``, ``أصاب
→ يصيب``) are given by the lexicon entry itself (``imperfect:``).

All forms are returned normalised (:func:`isnad.text.normalize.normalize`), so
they can be fed to :class:`PhraseMatcher` as they are.
"""
from __future__ import annotations

from .normalize import normalize

OBJECT_SUFFIXES = ("ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا", "ني")
POSSESSIVE_SUFFIXES = ("ه", "ها", "هم", "هما", "هن", "نا")
IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا")


def _past(p: str) -> tuple[list[str], list[str]]:
    """(all past forms, forms that take object suffixes)."""
    if len(p) >= 3 and p.endswith("ي"):                 # defective: استولى رمى اعتدى
        s = p[:-1]
        forms = [p, s + "ت", s + "وا", s + "يا", s + "تا", s + "ين", s + "ينا", s + "يتم"]
        return forms, [s + "ا", s + "ت", s + "و"]     # رماه رمته رموه
    if len(p) == 2:                                     # geminate (shadda dropped): فر شن صد
        d = p + p[-1]
        forms = [p, p + "ت", p + "وا", p + "ا", p + "تا", d + "ن", d + "نا", d + "تم"]
        return forms, [p, p + "ت", p + "و"]
    if len(p) == 3 and p[1] == "ا" or len(p) == 4 and p[0] == "ا" and p[2] == "ا":   # hollow: قام أصاب
        forms = [p, p + "ت", p + "وا", p + "ا", p + "تا"]
        return forms, [p, p + "ت", p + "و"]
    forms = [p, p + "ت", p + "وا", p + "ا", p + "تا", p + "ن", p + "نا", p + "تم"]
    return forms, [p, p + "ت", p + "و"]


def imperfect_stem(past: str, imperfect: str | None = None) -> str:
    """The present stem without its person prefix (``يقتل → قتل``)."""
    if imperfect:
        i = normalize(imperfect)
        return i[1:] if i[:1] in IMPERFECT_PREFIXES else i
    p = normalize(past)
    if p.startswith("ا") and len(p) >= 4:               # IV اطلق→يطلق, VII-X انسحب→ينسحب استولى→يستولي
        return p[1:]
    return p


def _imperfect(stem: str) -> tuple[list[str], list[str]]:
    if stem.endswith("ي"):                              # يستولي يرمي
        b = stem[:-1]
        plural = [b + "ون", b + "وا", b + "ين"]
        dual = [stem + "ان", stem + "ا"]
    elif stem.endswith("ا"):                            # يبقى-type written with alef (rare after normalising)
        b = stem[:-1]
        plural = [b + "ون", b + "وا", b + "ين"]
        dual = [b + "يان"]
    else:
        plural = [stem + "ون", stem + "وا", stem + "ين", stem + "ن"]
        dual = [stem + "ان", stem + "ا"]
    forms, objs = [], []
    for pre in IMPERFECT_PREFIXES:
        for body in [stem, *plural, *dual]:
            forms.append(pre + body)
        if pre != "ا":                           # 1st singular: no attached objects
            objs.append(pre + stem)
            objs.append(pre + (plural[0]))        # يقتلونه
    return forms, objs


def verb_forms(past: str, imperfect: str | None = None, *, objects: bool = True,
               future: bool = True) -> set[str]:
    """Written forms of a verb given its past 3MS (and, if irregular, its present 3MS)."""
    p = normalize(past).strip()
    if not p:
        return set()
    forms, obj_bases = _past(p)
    ipf, ipf_obj = _imperfect(imperfect_stem(p, imperfect))
    out = set(forms) | set(ipf)
    if future:
        # not the 1st singular: س + افر would read سافر ("travelled")
        out |= {"س" + f for f in ipf if f[:1] in ("ي", "ت", "ن")}
    if objects:
        for base in obj_bases + ipf_obj:
            for suf in OBJECT_SUFFIXES:
                out.add(base + suf)
    return {f for f in out if len(f) >= 2}


def noun_forms(noun: str, *, definite: bool = True, possessive: bool = True) -> set[str]:
    """Written forms of a noun: bare, with ``ال``, with attached possessives."""
    n = normalize(noun).strip()
    if not n:
        return set()
    if " " in n:       # a multi-word phrase: as written; construct (ال on the last word); noun +
        words = n.split()                # adjective (ال on every word)
        out = {" ".join(words)}
        if definite and not words[-1].startswith("ال"):
            out.add(" ".join(words[:-1] + ["ال" + words[-1]]))
            if not any(w.startswith("ال") for w in words) and all(len(w) > 2 for w in words):
                out.add(" ".join("ال" + w for w in words))
        return out
    out = {n}
    bare = n[2:] if n.startswith("ال") and len(n) > 3 else n
    if definite:
        out.add("ال" + bare)
        out.add(bare)
    if not bare.endswith(("ه", "ء", "ي", "ا")) and not bare.endswith(("ات", "ون", "ين")):
        out.add(bare + "ا")          # accusative with tanween: هجوما، احتجاجا، قصفا
    if possessive:
        bases = []
        if bare.endswith("ه"):                           # taa marbuta: غاره → غارته
            bases.append(bare[:-1] + "ت")
        elif bare.endswith("ء"):                         # hamza: استيلاء → استيلائه / استيلاؤه
            bases += [bare[:-1] + "ئ", bare[:-1] + "ؤ", bare]
        elif len(bare) >= 6 and (bare.endswith("ون") or bare.endswith("ين")):
            out.add(bare[:-1])                            # sound plural loses its ن in construct
            bases.append(bare[:-1])                       # (not كمين: too short to be a plural)
        else:
            bases.append(bare)
        for b in bases:
            for suf in POSSESSIVE_SUFFIXES:
                out.add(b + suf)
    return out
