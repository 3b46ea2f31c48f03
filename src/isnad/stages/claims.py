"""Stage: claims — the checkable propositions of a document, each with its chain.

Built on the attribution stage's output:

* every sentence is cut into runs by the innermost attribution whose content
  covers them (``قالت المصادر إن [عددا كبيرا … فروا]``); the reporting frame
  around a content (the cue, the source, ``أن``) is not a claim;
* a run outside every content is the document's own narration: its claim inherits
  the document chain (retweeting account → outlet → agency), and says so
  (``extra.chain_inherited: true`` with a ``reason``);
* runs are split into single propositions at coordinated clauses — ``، و`` / ``و``,
  ``ثم``, ``كما``, ``فيما``, ``بينما``, ``حيث``, ``إذ`` followed by a verb, and ``؛`` —
  so ``القوات الأمريكية استغلت حالة الفوضى … ، ونقلت 750 من أفراد داعش`` gives two
  claims; pieces under four words stay with the piece before them.

Each claim carries ``attribution`` (innermost), ``chain``, and in ``extra``:
``status`` (asserted | reported | alleged | denied: the attribution's status,
raised by hedges inside the claim — ``بزعم`` → alleged, ``ربما``/``أنباء عن`` →
reported), ``hedges``, ``chain_inherited`` and ``reason``.  ``checkworthiness`` is
left None for the checkworthiness stage.

Per document, ``meta["sourcing"]`` summarises what a verification editor reads
first: how many claims rest on named, anonymous, document or unresolved sources,
how many rest on the document's carriers alone, how many are single-source
(no other claim of the document with the same content rests on a different
source), and how many came through state media (needs actor ownership from the
``actors`` stage; null with a reason when it is unknown).

Verb detection for clause splitting is a light morphological test (past-tense
endings ـت/ـوا, imperfect prefixes ي/ت with masdar patterns excluded, and the
cue lexicon's verb forms): there is no offline Arabic POS tagger to lean on
(camel-tools' models cannot be downloaded here).
"""
from __future__ import annotations

import heapq
from bisect import bisect_left

import regex

from ..document import Claim
from ..pipeline import Stage
from .attribution import STATUS_ORDER, UNNAMED_KINDS, hedge_spans, lexicon

_SPLITTERS = frozenset({"ثم", "كما", "فيما", "بينما", "حيث", "اذ", "وكما", "وثم", "لكن", "ولكن", "بل"})
_LEAD_DROP = frozenset({"ان", "انه", "انها", "انهم", "بان", "بانه", "فان", "كما", "ثم", "فيما", "بينما", "حيث",
                        "اذ", "وان", "وانه", "لكن", "ولكن", "بل", "قد", "وقد", "لقد", "و", "ف", "اي"})
_NOT_VERBS = frozenset({"تحت", "تلك", "تجاه", "تماما", "تقريبا", "يوم", "يوما", "يونيو", "يوليو", "يناير", "توا",
                        "وقت", "بيت", "صوت", "موت", "ذات", "بنت", "انت", "ست", "تسع", "ثمانيه"})
_COMMON_VERBS = frozenset({"كان", "كانت", "كانوا", "قام", "قامت", "تم", "بات", "باتت", "اصبح", "اصبحت", "ظل", "ظلت",
                           "عاد", "عادت", "جاء", "جاءت", "وصل", "وصلت", "قتل", "قتلت", "اصيب", "اعتقل", "شن",
                           "شنت", "نفذ", "نفذت", "فر", "فرت", "سقط", "سقطت", "دخل", "دخلت", "خرج", "خرجت",
                           "نقل", "نقلت", "استولي", "سيطر", "سيطرت", "تمكن", "تمكنت", "بدا", "بدات", "ادي", "ادت"})
MIN_WORDS = 4


class ClaimsStage(Stage):
    name = "claims"
    needs = frozenset({"attributions"})
    provides = frozenset({"claims"})

    def __init__(self, **config):
        super().__init__(**config)
        self.lex = lexicon()
        self.min_words = int(config.get("min_words", MIN_WORDS))

    def process(self, doc) -> None:
        doc.claims = []
        if doc.tokens and doc.sentences:
            _Claims(doc, self.lex, self.min_words).run()
        doc.meta["sourcing"] = sourcing_summary(doc)


class _Claims:
    def __init__(self, doc, lex, min_words: int):
        self.doc = doc
        self.lex = lex
        self.min_words = min_words
        self.text = doc.text
        self.src = {s.id: s for s in doc.sources}
        self.doc_chain = [x["source"] for x in doc.meta.get("document_chain", [])]
        if not self.doc_chain:
            self.doc_chain = [s.id for s in doc.sources if s.extra.get("carrier")]
        self.atts = [a for a in doc.attributions if a.extra.get("cue_type") not in ("dateline", "source_line")]
        self.carrier_spans = self._carrier_spans()
        self.frames = []           # spans that are reporting frames, never claims
        for a in self.atts:
            self.frames.append((a.cue.start, a.cue.end))
            m = a.extra.get("source_mention")
            if m:
                self.frames.append((m["start"], m["end"]))
            for v in a.extra.get("via_mentions", []):
                self.frames.append((v["start"], v["end"]))
        self.hedges = hedge_spans(doc)
        self._starts = [t.start for t in doc.tokens]
        self._frame_starts = sorted(fs for fs, _ in self.frames)
        self._segments()

    def _segments(self) -> None:
        """One sweep over the document (QA-4: was a scan of every attribution per sentence and
        per run): the elementary segments between consecutive boundaries (sentence edges,
        content edges) with the innermost attribution covering each — the shortest content,
        then the later cue, then the earlier attribution."""
        pts = {p for sent in self.doc.sentences for p in (sent.start, sent.end)}
        for a in self.atts:
            pts.add(a.content.start)
            pts.add(a.content.end)
        pts = sorted(pts)
        order = sorted(range(len(self.atts)), key=lambda n: self.atts[n].content.start)
        heap: list = []
        k = 0
        self._seg_x, self._seg = [], []
        for x, y in zip(pts, pts[1:]):
            while k < len(order) and self.atts[order[k]].content.start <= x:
                n = order[k]
                a = self.atts[n]
                heapq.heappush(heap, (a.content.end - a.content.start, -a.cue.start, n))
                k += 1
            while heap and self.atts[heap[0][2]].content.end <= x:
                heapq.heappop(heap)
            self._seg_x.append(x)
            self._seg.append((x, y, self.atts[heap[0][2]] if heap else None))

    def _carrier_spans(self) -> list[tuple[int, int]]:
        out = []
        for c in self.doc.meta.get("carriers") or []:
            if c.get("start") is not None and c.get("end") is not None:
                s, e = c["start"], c["end"]
                if c.get("role") == "dateline":
                    # the whole dateline head: up to the dash/colon or line end after the agency
                    m = regex.match(r"[^\n]{0,6}?(?:[\-–—:]|\n)", self.text[e:])
                    e = e + (m.end() if m else 0)
                    s = self.text.rfind("\n", 0, s) + 1
                out.append((s, e))
        for a in self.doc.attributions:
            if a.extra.get("cue_type") == "dateline":
                out.append((self.text.rfind("\n", 0, a.cue.start) + 1, a.content.start))
        m = regex.search(r"\n\s*//\s*انتهى\s*//[\s\S]*\Z", self.text)
        if m:
            out.append((m.start(), len(self.text)))
        return out

    # -- runs -------------------------------------------------------------------
    def run(self) -> None:
        claims: list[tuple] = []
        for si, sent in enumerate(self.doc.sentences):
            s0, s1 = sent.start, sent.end
            for (rs, re_, att) in self._runs(s0, s1):
                for (cs, ce) in self._split(rs, re_):
                    claims.append((cs, ce, att))
        for n, (cs, ce, att) in enumerate(claims, 1):
            self._emit(n, cs, ce, att)
        self._echoes()

    def _echoes(self) -> None:
        """A claim resting on the carriers alone that repeats an attributed claim (a lede
        summing up what the sources say) gets ``extra.echoes``: that claim and its chain.
        Its own chain is not changed: the text does not attribute it."""
        claims = self.doc.claims
        toks = [_norm_tokens(c.text) for c in claims]
        attributed = [j for j, d in enumerate(claims) if not d.extra.get("chain_inherited") and toks[j]]
        postings = _postings(toks, attributed)
        for i, c in enumerate(claims):
            if not c.extra.get("chain_inherited") or not toks[i]:
                continue
            best, score = None, 0.0
            shared = _shared_counts(toks[i], postings)
            for j in sorted(shared):
                sc = shared[j] / min(len(toks[i]), len(toks[j]))
                if sc > score:
                    best, score = claims[j], sc
            if best is not None and score >= 0.4:
                c.extra["echoes"] = {"claim": best.id, "chain": list(best.chain), "overlap": round(score, 2)}

    def _runs(self, s0: int, s1: int) -> list[tuple[int, int, object]]:
        """Maximal runs of the sentence with the same innermost covering attribution."""
        runs: list[list] = []
        n = bisect_left(self._seg_x, s0)
        while n < len(self._seg) and self._seg[n][1] <= s1:
            x, y, best = self._seg[n]
            n += 1
            if y <= x:
                continue
            if runs and runs[-1][2] is best:
                runs[-1][1] = y
            else:
                runs.append([x, y, best])
        out = []
        for x, y, a in runs:
            # a reporting frame (cue, source, addressee) inside the run: keep what comes before it
            f = bisect_left(self._frame_starts, x)
            if f < len(self._frame_starts) and self._frame_starts[f] < y:
                y = self._frame_starts[f]
            for cs, ce in self.carrier_spans:
                if cs <= x < ce:
                    x = min(ce, y)
                if cs < y <= ce or (x <= cs < y):
                    y = max(x, min(y, cs))
            if y > x:
                out.append((x, y, a))
        return out

    # -- splitting --------------------------------------------------------------
    def _toks(self, s: int, e: int):
        import bisect
        toks = self.doc.tokens
        i = bisect.bisect_left(self._starts, s)
        out = []
        while i < len(toks) and toks[i].end <= e:
            out.append(toks[i])
            i += 1
        return out

    def _is_verb(self, t) -> bool:
        if t.kind != "word":
            return False
        n = t.norm
        bare = n[1:] if len(n) > 3 and n[0] in "وف" else n
        if bare in _NOT_VERBS or bare.startswith("ال"):
            return False
        if bare in _COMMON_VERBS:
            return True
        if any(getattr(x, "type", "") == "verb" for x in self.lex.cues.lookup(bare)):
            return True
        orig = self.text[t.start:t.end]
        if orig.endswith("ة"):
            return False
        if len(bare) >= 4 and bare.endswith("وا"):
            return True
        if len(bare) >= 4 and bare.endswith("ت") and not bare.endswith("ات"):
            return True
        if len(bare) >= 4 and bare[0] in "يت" and not regex.fullmatch(r"ت..ي.", bare) and \
                not bare.endswith(("ات", "ين", "يه")) and not regex.fullmatch(r"ت...ي.", bare):
            return True
        return False

    def _split(self, s: int, e: int) -> list[tuple[int, int]]:
        toks = self._toks(s, e)
        if not toks:
            return []
        cuts = []
        for k, t in enumerate(toks):
            if k == 0:
                continue
            prev = toks[k - 1]
            n = t.norm
            if prev.norm in (";", "؛"):
                cuts.append(k)
                continue
            if n in _SPLITTERS and k + 1 < len(toks) and self._is_verb(toks[k + 1]):
                cuts.append(k)
                continue
            if n[:1] in ("و", "ف") and len(n) > 3 and self._is_verb(t) and \
                    (prev.norm in (",", "،") or prev.kind == "word"):
                cuts.append(k)
        pieces = []
        bounds = [0] + cuts + [len(toks)]
        for a, b in zip(bounds, bounds[1:]):
            if b > a:
                pieces.append(toks[a:b])
        # pieces too short stay with the one before
        merged: list[list] = []
        for p in pieces:
            words = sum(1 for t in p if t.kind in ("word", "latin", "number"))
            if merged and words < self.min_words:
                merged[-1] = merged[-1] + p
            else:
                merged.append(p)
        out = []
        for p in merged:
            span = self._clean(p)
            if span is None:
                continue
            words = sum(1 for t in self._toks(*span) if t.kind in ("word", "latin", "number"))
            if words >= self.min_words:
                out.append(span)
        return out

    def _clean(self, toks) -> tuple[int, int] | None:
        i, j = 0, len(toks)
        while i < j and (toks[i].kind in ("punct", "symbol") and toks[i].norm != '"' or toks[i].norm in _LEAD_DROP):
            i += 1
        while j > i and toks[j - 1].kind in ("punct", "symbol") and toks[j - 1].norm not in ('"', ")", "]") or \
                (j > i and toks[j - 1].norm in ("و", "وهذا", "وذلك", "هذا")):
            j -= 1
        if j <= i:
            return None
        s, e = toks[i].start, toks[j - 1].end
        first = toks[i]
        # a conjunction clitic on the first word is not part of the claim (ونقلت → نقلت)
        if first.kind == "word" and len(first.norm) > 3 and first.norm[0] in "وف" and \
                (self._is_verb(first) or self.lex.heads.lookup(first.norm[1:])):
            s += 1
        # unbalanced quotes at the edges
        body = self.text[s:e]
        q = sum(body.count(c) for c in "\"“”«»")
        if q % 2 == 1:
            if body[:1] in "\"“«" :
                s += 1
            elif body[-1:] in "\"”»":
                e -= 1
        while s < e and self.text[s].isspace():
            s += 1
        while e > s and (self.text[e - 1].isspace() or self.text[e - 1] in "،,.;؛:-–"):
            e -= 1
        return (s, e) if e > s else None

    # -- output -----------------------------------------------------------------
    def _emit(self, n: int, s: int, e: int, att) -> None:
        hedges = [(hs, he, typ) for hs, he, typ in self.hedges if s <= hs and he <= e]
        extra: dict = {}
        if att is not None:
            chain = list(att.chain)
            status = att.extra.get("status", "reported")
            extra["chain_inherited"] = False
        else:
            chain = list(self.doc_chain)
            status = "asserted"
            extra["chain_inherited"] = True
            extra["reason"] = ("no reporting cue covers it: it rests on the document's carriers"
                               if chain else "no reporting cue covers it and the document names no carrier: "
                                             "the text's own statement")
        for _, _, typ in hedges:
            if typ == "allegation":
                status = _raise(status, "alleged")
            else:
                status = _raise(status, "reported")
        extra["status"] = status
        if hedges:
            extra["hedges"] = [{"start": hs, "end": he, "text": self.text[hs:he], "type": typ}
                               for hs, he, typ in hedges]
        innermost = chain[-1] if chain else None
        if innermost and innermost in self.src:
            extra["source_kind"] = self.src[innermost].kind
        self.doc.claims.append(Claim(f"c{n}", s, e, self.text[s:e], att.id if att is not None else None,
                                     chain, None, extra))


def _raise(status: str, to: str) -> str:
    if status == "denied":
        return status
    return to if STATUS_ORDER.index(to) > STATUS_ORDER.index(status) else status


# ---------------------------------------------------------------------------
# the sourcing summary
# ---------------------------------------------------------------------------

_WORD = regex.compile(r"\w+")


def _norm_tokens(text: str) -> set:
    from ..text.normalize import normalize
    return {w for w in _WORD.findall(normalize(text)) if len(w) > 2}


# Word overlap between claims goes through an inverted index instead of comparing every pair
# (QA-11: a 1 MB document has thousands of claims).  A word found in more than _MAX_POSTING claims
# is not counted: it says nothing about two claims repeating each other, and counting it made
# the comparison quadratic.  No news article comes near the cap, so their figures are unchanged.
_MAX_POSTING = 200


def _postings(toks: list, which) -> dict:
    post: dict = {}
    for j in which:
        for w in toks[j]:
            post.setdefault(w, []).append(j)
    return post


def _shared_counts(words: set, postings: dict) -> dict:
    """``{claim index: number of words shared with words}`` over the indexed claims."""
    out: dict = {}
    for w in words:
        js = postings.get(w)
        if js is None or len(js) > _MAX_POSTING:
            continue
        for j in js:
            out[j] = out.get(j, 0) + 1
    return out


def sourcing_summary(doc) -> dict:
    """What the claims of a document rest on (``meta["sourcing"]``)."""
    src = {s.id: s for s in doc.sources}
    carriers = {s.id for s in doc.sources if s.extra.get("carrier")}
    out: dict = {"claims": len(doc.claims), "named": 0, "anonymous": 0, "document": 0, "unresolved": 0,
                 "carrier_only": 0, "single_source": 0, "by_status": {}, "by_kind": {}}
    innermost = []
    for c in doc.claims:
        st = c.extra.get("status", "asserted")
        out["by_status"][st] = out["by_status"].get(st, 0) + 1
        inner = [x for x in c.chain if x not in carriers]
        if c.extra.get("chain_inherited") or not inner:
            out["carrier_only"] += 1
            innermost.append(c.chain[-1] if c.chain else None)
            continue
        s = src.get(inner[-1])
        innermost.append(inner[-1])
        if s is None:
            continue
        out["by_kind"][s.kind] = out["by_kind"].get(s.kind, 0) + 1
        if s.kind in UNNAMED_KINDS:
            out["anonymous"] += 1
        elif s.kind == "document":
            out["document"] += 1
        elif not s.name or s.extra.get("unnamed"):
            out["unresolved"] += 1
        else:
            out["named"] += 1
    # single source: no other claim with (mostly) the same words rests on a different source
    toks = [_norm_tokens(c.text) for c in doc.claims]
    postings = _postings(toks, range(len(toks)))
    for i, c in enumerate(doc.claims):
        corroborated = False
        if toks[i]:
            for j, inter in _shared_counts(toks[i], postings).items():
                if i == j or innermost[i] == innermost[j]:
                    continue
                if inter / min(len(toks[i]), len(toks[j])) >= 0.6:
                    corroborated = True
                    break
        if not corroborated:
            out["single_source"] += 1
    # state media
    actors_ran = "actors" in getattr(doc, "provided", set())
    media_links = set()
    state = {}
    for c in doc.claims:
        for x in c.chain:
            s = src.get(x)
            if s is None:
                continue
            if s.kind in ("agency", "outlet") and s.name:
                media_links.add(x)
            if s.extra.get("state_media_of") or s.extra.get("actor_type") == "media_state":
                state[x] = s
    known = {x for x in media_links if src[x].actor}
    if state:
        out["state_media_originated"] = sum(1 for c in doc.claims if any(x in state for x in c.chain))
        out["state_media"] = [{"source": x, "name": s.name, "actor": s.actor,
                               "state_media_of": s.extra.get("state_media_of")} for x, s in state.items()]
        if media_links - known:
            out["state_media_note"] = (f"{len(media_links - known)} outlet/agency link(s) in the chains are not "
                                       f"in the actor registry; their ownership is unknown")
    elif not media_links:
        out["state_media_originated"] = 0 if doc.claims else None
        out["state_media_reason"] = "no outlet or agency in the chains" if doc.claims else "no claims"
    elif not known:
        out["state_media_originated"] = None
        out["state_media_reason"] = ("actor ownership unknown: the actors stage did not run" if not actors_ran else
                                     "no outlet or agency in the chains is in the actor registry")
    else:
        out["state_media_originated"] = 0
        if media_links - known:
            out["state_media_note"] = (f"{len(media_links - known)} outlet/agency link(s) are not in the actor "
                                       f"registry; their ownership is unknown")
    out["definitions"] = {
        "named/anonymous/document/unresolved": "the innermost in-text source a claim rests on",
        "carrier_only": "claims with no reporting cue: they rest on the document's carriers alone",
        "single_source": "claims that no other claim of the document with mostly the same words "
                         "attributes to a different source",
        "state_media_originated": "claims whose chain passes through state-owned media (actor registry)",
    }
    return out
