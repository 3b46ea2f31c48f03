"""Spelling variants of Arabic place names, shared by the gazetteer build and load.

Normalisation itself (hamza forms, ة/ه, ى/ي, diacritics) is
:func:`isnad.text.normalize.normalize`; this module adds the variants that are
not character-level: written together or apart (دير الزور / ديرالزور,
البو كمال / البوكمال) and the ابو/البو alternation of tribal town names
(أبو كمال / البوكمال).  Variants are generated for every gazetteer name, so a
new supplement row gets them too.
"""
from __future__ import annotations

import regex

from ..text.matcher import phrase_key
from ..text.normalize import normalize

# First words that news writes joined to a following "ال" word (ديرالزور, راسالعين is rare but seen).
JOIN_FIRST = frozenset({"دير", "عين", "تل", "راس", "ابو", "ام", "بني", "بيت", "كفر", "جسر", "خان",
                        "مرج", "بير", "بئر", "برج", "دار", "قصر", "ذي", "سوق", "حمام", "باب"})
_PLAIN = regex.compile(r"^[\u0621-\u064A]+(?: [\u0621-\u064A]+)*$")


def norm_name(name: str) -> str:
    """Normalised name with single spaces."""
    return " ".join(normalize(name).split())


def is_plain(nname: str) -> bool:
    """True when the normalised name is Arabic letters and single spaces only, so its
    token key is simply ``nname.split()`` (no tokenizer run needed)."""
    return bool(_PLAIN.match(nname))


def variants(nname: str) -> list[str]:
    """Other normalised spellings of a normalised name (not including itself)."""
    out: list[str] = []
    parts = nname.split()
    if not parts:
        return out
    first = parts[0]
    if len(parts) >= 2 and first in ("ابو", "البو"):
        rest = parts[1:]
        joined = " ".join(["البو" + rest[0]] + rest[1:])
        out += [f"البو {' '.join(rest)}", joined, f"ابو {' '.join(rest)}"]
    if len(parts) == 1 and first.startswith("البو") and len(first) >= 7:
        out += [f"البو {first[4:]}", f"ابو {first[4:]}"]
    if len(parts) == 2 and first in JOIN_FIRST and parts[1].startswith("ال"):
        out.append(first + parts[1])
    return [v for v in dict.fromkeys(out) if v != nname]


def name_keys(name: str) -> list[str]:
    """The index keys of a gazetteer name: its token key (normalised tokens joined by single
    spaces, as :func:`isnad.text.matcher.phrase_key` gives them) and those of its variants."""
    n = norm_name(name)
    if not n:
        return []
    out = []
    for v in [n, *variants(n)]:
        k = v if is_plain(v) else " ".join(phrase_key(v))
        if k and k not in out:
            out.append(k)
    return out


def key_of(text: str) -> str:
    """The index key of a single name or span (no variants)."""
    n = norm_name(text)
    return n if is_plain(n) else " ".join(phrase_key(n))


def normalizer_fingerprint() -> str:
    """A hash of what normalisation and tokenisation do to a probe string: the built
    gazetteer stores its keys precomputed and records this, so keys built with another
    normaliser are recomputed at load rather than silently mismatching."""
    import hashlib
    from ..text import normalize as _n
    probe = "".join(sorted(_n._SUBST)) + "".join(sorted(_n._DELETE)) + \
        " أبو كمال البوكمال دير-الزور تل (أبيض) «الحسكة» Deir ez-Zor ١٢٣ ـلـ"
    parts = [normalize(probe), "|".join(phrase_key(probe)), "|".join(variants("ابو كمال"))]
    return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:12]
