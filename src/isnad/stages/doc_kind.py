"""Stage: the document's kind and its outer chain of carriers.

Finds, as document-level facts the attribution stage builds on:

* a retweet prefix (``RT :`` / ``RT @user:``) and a reader's retweet metadata;
* a forward (``Forwarded from X``, ``منقول عن``, Telegram ``forwarded_from``);
* a trailing source line (``المصدر: “سبوتنيك”``, ``(واس)``, ``- رويترز``) and a
  dateline agency (``الرياض (واس) -``, ``دمشق-سانا``).

They go into ``meta["carriers"]`` outermost first, each with its role, name and
offsets (``name_start``/``name_end`` span the name itself), and ``kind`` is set:
retweet > forward > post (a social-media reader, or a short post) > article.
Marker lists are data (``resources/lexicons/carriers.yaml``).

The markers are matched on the normalised view of the text (``doc.norm``: no
diacritics, tatweel or bidi marks; one alef; typographic quotes as ``"``) and
mapped back to original offsets, so a right-to-left mark before ``RT`` or a
tatweel in ``المصـدر:`` changes nothing; names are cut from the original text.
"""
from __future__ import annotations

import regex

from ..pipeline import Stage
from ..resources.catalogue import load_yaml
from ..text.normalize import NormalizedText, normalize

_QUOTES = "\"'“”«»‘’"
_RT = regex.compile(r"^\s*RT\s*(?P<acc>@[\w_]+)?\s*:", regex.I)


def _alt(items) -> str:
    """A regex alternation of lexicon items, normalised as the text they are matched in."""
    forms = {normalize(str(x)).strip() for x in items} - {""}
    return "|".join(regex.escape(x).replace(r"\ ", r"\s*") for x in sorted(forms, key=len, reverse=True))


class DocKindStage(Stage):
    name = "doc_kind"
    needs = frozenset({"text", "sentences"})
    provides = frozenset({"kind", "carriers"})

    def __init__(self, **config):
        super().__init__(**config)
        lex = load_yaml("lexicons/carriers.yaml")
        agencies = _alt(lex["dateline_agencies"])
        self._source_line = regex.compile(
            rf"^[ \t]*(?:{_alt(lex['source_line_labels'])})[ \t]*[:：][ \t]*(?P<name>[^\n]+?)[ \t.]*$",
            regex.M | regex.I)
        self._forward = regex.compile(
            rf"^\s*(?:{_alt(lex['forward_markers'])})\s*[:：]?\s*(?P<name>[^\n:]*)", regex.I)
        # "(واس)" / "- رويترز" alone on the last line or closing the text
        # set apart from the text: on its own line, after a dash, or in brackets
        # (a sentence-final "... المنطقة العربية." is not an agency signature)
        self._trailing_agency = regex.compile(
            rf"(?:(?:^|\n)[ \t]*[\(\[]?(?P<name>{agencies})[\)\]]?"
            rf"|[\-–—][ \t]*[\(\[]?(?P<name>{agencies})[\)\]]?"
            rf"|[\(\[](?P<name>{agencies})[\)\]])[ \t.]*\Z")
        # dateline in the first 120 chars: "الرياض (واس) -", "دمشق-سانا", "(أ ف ب) -"
        self._dateline = regex.compile(
            rf"^[^\n]{{0,60}}?(?:\((?P<a>{agencies})\)|[\-–—]\s*(?P<b>{agencies})\s*(?=[\-–—:]))")

    def process(self, doc) -> None:
        raw = doc.text
        norm = doc.norm if doc.norm is not None and doc.norm.original is raw else NormalizedText(raw)
        text = norm.text                # markers are matched here; offsets and names come from raw

        def o_start(i: int) -> int:
            return norm.to_orig[i]

        def o_end(s: int, e: int) -> int:
            return norm.orig_span(s, e)[1] if e > s else norm.to_orig[s]

        carriers: list[dict] = []
        kind_hint = doc.kind if doc.kind in ("retweet", "forward", "post", "article") else None

        m = _RT.match(text)
        if m:
            acc = m.group("acc")
            c = {"role": "retweet", "name": None, "start": o_start(m.start()), "end": o_end(m.start(), m.end())}
            if acc:
                c["name_start"], c["name_end"] = o_start(m.start("acc")), o_end(m.start("acc"), m.end("acc"))
                c["name"] = raw[c["name_start"]:c["name_end"]]
            else:
                c["name"] = doc.meta.get("retweeted_by") or doc.meta.get("author")
            carriers.append(c)
            kind_hint = "retweet"
        elif kind_hint == "retweet":
            carriers.append({"role": "retweet", "name": doc.meta.get("retweeted_by") or doc.meta.get("author"),
                             "start": None, "end": None})

        m = self._forward.match(text)
        fwd_meta = doc.meta.get("forwarded_from")
        if m:
            c = {"role": "forward", "name": fwd_meta, "start": o_start(m.start()), "end": o_end(m.start(), m.end())}
            if m.group("name").strip():
                ns, ne = _strip_span(text, m.start("name"), m.end("name"))
                c["name_start"], c["name_end"] = _in_sentence(doc, o_start(ns), o_end(ns, ne))
                c["name"] = _clean(raw[c["name_start"]:c["name_end"]]) or fwd_meta
            carriers.append(c)
            kind_hint = kind_hint or "forward"
        elif fwd_meta:
            carriers.append({"role": "forward", "name": fwd_meta, "start": None, "end": None})
            kind_hint = kind_hint if kind_hint == "retweet" else "forward"

        outlet = doc.meta.get("outlet") or doc.meta.get("site_name") or doc.meta.get("source")
        if outlet:
            carriers.append({"role": "outlet", "name": outlet, "start": None, "end": None})

        m = self._dateline.match(text, _RT.match(text).end() if _RT.match(text) else 0)
        if m:
            g = "a" if m.group("a") else "b"
            gs, ge = o_start(m.start(g)), o_end(m.start(g), m.end(g))
            carriers.append({"role": "dateline", "name": raw[gs:ge], "start": gs, "end": ge,
                             "name_start": gs, "name_end": ge})

        footer = None
        for m in self._source_line.finditer(text):
            footer = m
        if footer is not None and not text[footer.end():].strip():
            ns, ne = _strip_span(text, footer.start("name"), footer.end("name"))
            fs = _lstrip(text, footer.start())
            ons, one = _in_sentence(doc, o_start(ns), o_end(ns, ne))
            carriers.append({"role": "source_line", "name": raw[ons:one], "start": o_start(fs),
                             "end": o_end(fs, footer.end()), "name_start": ons, "name_end": one})
        else:
            m = self._trailing_agency.search(text.rstrip())
            if m:
                ons, one = o_start(m.start("name")), o_end(m.start("name"), m.end("name"))
                key = m.group("name")
                if not any(c["role"] == "dateline" and normalize(c["name"]) == key for c in carriers):
                    carriers.append({"role": "source_line", "name": raw[ons:one], "start": ons, "end": one,
                                     "name_start": ons, "name_end": one, "agency": True})

        doc.meta["carriers"] = carriers
        # a dateline or an agency signature ("- رويترز", "(أ ف ب)") marks newswire copy
        newswire = any(c["role"] == "dateline" or (c["role"] == "source_line" and c.get("agency"))
                       for c in carriers)
        if kind_hint:
            doc.kind = kind_hint
        elif newswire:
            doc.kind = "article"
        elif doc.meta.get("platform") in ("twitter", "telegram", "facebook") or (
                len(raw) <= 280 and len(doc.sentences) <= 3 and "\n\n" not in text):
            doc.kind = "post"
        elif len(doc.sentences) >= 2 or len(raw) > 400:
            doc.kind = "article"
        else:
            doc.kind = "unknown"


def _in_sentence(doc, s: int, e: int) -> tuple[int, int]:
    """A name span cut at the end of the sentence it starts in ("المصدر: سانا. ترجمة: …"
    names سانا): names are one sentence, as every other span of the record."""
    i = doc.sentence_at(s)
    if i is not None and e > doc.sentences[i].end:
        return _strip_span(doc.text, s, doc.sentences[i].end)
    return s, e


def _clean(s: str | None) -> str | None:
    s = (s or "").strip().strip(_QUOTES).strip()
    return s or None


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in _QUOTES):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in _QUOTES or text[e - 1] == "."):
        e -= 1
    return s, e


def _lstrip(text: str, s: int) -> int:
    while s < len(text) and text[s] in " \t":
        s += 1
    return s
